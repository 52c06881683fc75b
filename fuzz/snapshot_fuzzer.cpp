// libFuzzer target for the pack snapshots (knowledge/snapshot.h): any bytes decode to a
// table or are rejected, never a crash, an exception or undefined behaviour; TOML text that
// toml++ accepts survives writing and reading its snapshot unchanged, and cuts and flips of
// that snapshot (which reach deeper into the reader than raw bytes do) are handled too.
#include <toml++/toml.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "knowledge/snapshot.h"

using namespace kafkalint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)knowledge::read_snapshot(bytes);

  toml::table parsed;
  try {
    parsed = toml::parse(bytes);
  } catch (const toml::parse_error&) {
    return 0;
  }
  const std::optional<std::string> snapshot = knowledge::write_snapshot(parsed);
  if (!snapshot) return 0;  // nested deeper than snapshots allow
  const std::optional<toml::table> decoded = knowledge::read_snapshot(*snapshot);
  if (!decoded || !(*decoded == parsed)) std::abort();

  // The input picks where to cut and which byte to change, so the corpus explores both.
  const std::size_t at = (size * 2654435761u) % snapshot->size();
  if (knowledge::read_snapshot(std::string_view(*snapshot).substr(0, at))) std::abort();
  std::string flipped = *snapshot;
  flipped[at] = static_cast<char>(flipped[at] ^ (size ? data[0] | 1 : 0x80));
  (void)knowledge::read_snapshot(flipped);
  return 0;
}
