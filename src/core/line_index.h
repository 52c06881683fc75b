#pragma once
// Byte offsets to 1-based line:column, the one way every layer turns a position in a text into
// a location. Columns count bytes from the line's start: properties files are ISO-8859-1 (one
// byte, one character) and the other readers report positions the same way.

#include <cstddef>
#include <string_view>
#include <vector>

namespace kafkalint::core {

/// Which bytes end a line.
enum class LineBreaks {
  kLf,    ///< '\n' (a "\r\n" line keeps its '\r' as the last byte): scripts, YAML, docs, TOML
  kJava,  ///< '\n', '\r' or "\r\n", as java.util.Properties reads a properties file
};

/// A line and a column, both 1-based.
struct TextPosition {
  int line = 1;
  int column = 1;
};

/// The position of byte `offset` of `text` (an offset past the end: the end of the text), by a
/// scan: for one error message. Many lookups in one text use a LineIndex.
TextPosition position_of(std::string_view text, std::size_t offset,
                         LineBreaks breaks = LineBreaks::kLf);

/// The start of every line of one text, for many offset -> line:column lookups.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text, LineBreaks breaks = LineBreaks::kLf);

  /// 1-based line of the byte at `offset`.
  int line(std::size_t offset) const;
  /// 1-based byte column of the byte at `offset`.
  int column(std::size_t offset) const;
  TextPosition position(std::size_t offset) const;

  /// How many lines the text has (an empty text, or one ending in a break, counts the empty
  /// line after it).
  std::size_t size() const { return starts_.size(); }
  /// The offset of the first byte of 1-based `line`; only for 1 <= line <= size().
  std::size_t start(int line) const { return starts_[static_cast<std::size_t>(line - 1)]; }
  /// True when `line` (1-based) exists.
  bool has(int line) const { return line >= 1 && static_cast<std::size_t>(line) <= size(); }

 private:
  std::vector<std::size_t> starts_;
};

}  // namespace kafkalint::core
