#pragma once
// The rule pack files compiled into the binary (generated from rules/ at build time).

#include <cstddef>
#include <string_view>

namespace kafkalint::knowledge {

struct EmbeddedFile {
  std::string_view path;     // relative to rules/, e.g. "kafka/configs/2.1.toml"
  std::string_view content;  // the file's bytes
  // A .toml file parsed at build time (knowledge/snapshot.h); empty for other files. The
  // text stays too: overlays, `explain` and located errors need it.
  std::string_view snapshot;
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

/// The embedded file at `path` (relative to rules/), or nullptr.
const EmbeddedFile* find_embedded(std::string_view path);

}  // namespace kafkalint::knowledge
