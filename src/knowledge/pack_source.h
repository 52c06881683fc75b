#pragma once
// Where rule pack files come from: the packs embedded at build time, overlaid by
// the directories given with --rules. Parsing is lazy: a command reads only the
// files it needs.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostic.h"

namespace kafkalint::knowledge {

/// The text of one pack file and the name used in diagnostics.
struct PackText {
  std::string display_name;  // "rules/kafka/versions.toml" (embedded) or the path on disk
  std::string_view text;
};

/// The set of pack files visible to this run. A file under an extra directory replaces
/// the embedded file with the same relative path and can add new ones.
class PackSource {
 public:
  /// Embedded packs only.
  PackSource() = default;

  /// Adds a directory laid out like rules/ (e.g. DIR/kafka/versions.toml) on top.
  /// Reads its .toml files now; returns false and sets *err when it cannot.
  bool add_directory(const std::string& dir, core::Error* err);

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

/// Parses a pack file as TOML. A syntax error becomes a located error
/// (file:line:col, what toml++ expected); nullopt then.
std::optional<toml::table> parse_pack(const PackText& pack, core::Error* err);

/// The TOML type of `node` as error messages name it ("string", "integer", "table", ...).
const char* toml_type_name(const toml::node& node);

/// A located error about a node of a parsed pack: "file:line:col: error: message".
core::Error pack_error(const PackText& pack, const toml::node& node, std::string message,
                       std::string hint = {});

}  // namespace kafkalint::knowledge
