#include "core/line_index.h"

#include <algorithm>

namespace kafkalint::core {

namespace {

// The offset just after the break at `i`, or 0 when byte `i` ends no line.
std::size_t after_break(std::string_view text, std::size_t i, LineBreaks breaks) {
  if (text[i] == '\n') return i + 1;
  if (breaks == LineBreaks::kJava && text[i] == '\r')
    return i + 1 < text.size() && text[i + 1] == '\n' ? 0 : i + 1;  // "\r\n": at the '\n'
  return 0;
}

}  // namespace

TextPosition position_of(std::string_view text, std::size_t offset, LineBreaks breaks) {
  TextPosition p;
  std::size_t start = 0;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (const std::size_t next = after_break(text, i, breaks); next != 0) {
      ++p.line;
      start = next;
    }
  }
  p.column = static_cast<int>(end - start) + 1;
  return p;
}

LineIndex::LineIndex(std::string_view text, LineBreaks breaks) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (const std::size_t next = after_break(text, i, breaks); next != 0) starts_.push_back(next);
}

int LineIndex::line(std::size_t offset) const {
  return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                          starts_.begin());
}

int LineIndex::column(std::size_t offset) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(offset - *(it - 1)) + 1;
}

TextPosition LineIndex::position(std::size_t offset) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return {static_cast<int>(it - starts_.begin()), static_cast<int>(offset - *(it - 1)) + 1};
}

}  // namespace kafkalint::core
