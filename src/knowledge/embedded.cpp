#include "knowledge/embedded.h"

namespace kafkalint::knowledge {

const EmbeddedFile* find_embedded(std::string_view path) {
  // The generator sorts entries by path, so a binary search would do; the table has a
  // few dozen entries and this is called a handful of times per run.
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i)
    if (kEmbeddedFiles[i].path == path) return &kEmbeddedFiles[i];
  return nullptr;
}

}  // namespace kafkalint::knowledge
