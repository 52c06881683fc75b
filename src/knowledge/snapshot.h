#pragma once
// A compact binary form of a parsed TOML table. kl_embed writes one for every embedded pack
// at build time, so a run rebuilds the pack's toml::table without lexing its text (toml++
// parsing was most of the start-up time of `check`). Decoded nodes carry no source
// positions; parse_pack (pack_source.h) re-reads the text when an error must be located.
//
// Layout: the magic "KLS1", then one table node without its tag. Lengths, counts and
// integers are LEB128 varints (integers zigzag-encoded).
//   table    kTable, count, count x (key length, key bytes, node); keys in the table's order
//   array    kArray, count, count x node
//   string   kString, length, bytes
//   integer  kInteger, zigzag value
//   float    kFloat, the 8 bytes of the IEEE double, little-endian
//   boolean  kFalse or kTrue
//   date     kDate, year, month byte, day byte
//   time     kTime, hour byte, minute byte, second byte, nanosecond
//   date-time  kDateTime, date and time fields as above, then 0 (local) or
//              1 and the zigzag offset in minutes
// The reader checks every length and count against the bytes left, the key order (which also
// rules out duplicates) and the nesting depth, so any byte string decodes or is rejected.

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>

namespace kafkalint::knowledge {

/// Tables and arrays nest at most this deep in a snapshot (the root table is depth 1).
constexpr int kSnapshotMaxDepth = 256;

/// The snapshot of `root`, or nullopt when it nests deeper than kSnapshotMaxDepth.
std::optional<std::string> write_snapshot(const toml::table& root);

/// The table a snapshot holds, equal to the one it was written from; nullopt for anything
/// write_snapshot did not produce (truncated, corrupted, another format version).
std::optional<toml::table> read_snapshot(std::string_view bytes);

}  // namespace kafkalint::knowledge
