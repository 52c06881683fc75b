#pragma once
// Where rule pack files come from: the packs embedded at build time, overlaid by
// the directories given with --rules. Parsing is lazy: a command reads only the
// files it needs.

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"

namespace kafkalint::knowledge {

/// The text of one pack file and the name used in diagnostics.
struct PackText {
  std::string display_name;  // "rules/kafka/versions.toml" (embedded) or the path on disk
  std::string_view text;
  // The build-time parse of `text` (knowledge/snapshot.h) for embedded packs; empty for
  // overlay files, whose text toml++ parses.
  std::string_view snapshot = {};
};

/// The set of pack files visible to this run. A file under an extra directory replaces
/// the embedded file with the same relative path and can add new ones.
class PackSource {
 public:
  /// Embedded packs only.
  PackSource() = default;

  /// Adds a directory laid out like rules/ (e.g. DIR/kafka/versions.toml) on top.
  /// Reads its .toml files now; returns false and sets *err when it cannot.
  core::Result<void> add_directory(const std::string& dir);

  /// The file at `rel` ("kafka/configs/2.1.toml"), or nullopt when neither layer has it.
  std::optional<PackText> find(std::string_view rel) const;

  /// Relative paths of all visible files under `prefix` ("kafka/configs/"), sorted.
  std::vector<std::string> list(std::string_view prefix) const;

 private:
  struct Overlay {
    std::string rel;
    std::string path;
    std::string text;
  };
  std::vector<Overlay> overlays_;
};

/// The table of a pack file: decoded from its snapshot when it has one (fast, but the nodes
/// have no source positions), else parsed from its text. A syntax error becomes a located
/// error (file:line:col, what toml++ expected); nullopt then.
std::optional<toml::table> parse_pack(const PackText& pack, core::Error* err);

/// Runs a loader, `read(root)` returning a bool or an optional, on the table of `pack`. A
/// loader that fails on a snapshot runs again on the text parsed by toml++: decoded nodes
/// have no positions, and the second run fails the same way but says where (file:line:col).
/// Every loader of a pack reads through this, so its errors do not depend on the pack
/// being embedded or an overlay.
template <typename Read>
auto read_pack(const PackText& pack, core::Error* err, Read&& read)
    -> decltype(read(std::declval<const toml::table&>())) {
  std::optional<toml::table> root = parse_pack(pack, err);
  if (!root) return {};
  auto result = read(std::as_const(*root));
  if (result || pack.snapshot.empty()) return result;
  *err = core::Error{};
  root = parse_pack({pack.display_name, pack.text}, err);
  if (!root) return {};
  return read(std::as_const(*root));
}

/// The TOML type of `node` as error messages name it ("string", "integer", "table", ...).
const char* toml_type_name(const toml::node& node);

/// A located error about a node of a parsed pack: "file:line:col: error: message".
core::Error pack_error(const PackText& pack, const toml::node& node, std::string message,
                       std::string hint = {});

}  // namespace kafkalint::knowledge
