#pragma once
// Text handed between the readers of src/scripts: a piece of shell (or one argv word) whose
// every byte knows where it came from in the original file, even after prompts, indentation,
// quotes, escapes and HTML entities were removed.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kafkalint::scripts {

/// Maps text[text, text+text_len) to original[orig, orig+orig_len). When the lengths are equal
/// the mapping is byte for byte; otherwise the run is one replacement (an escape, an entity, a
/// folded line break, an inserted separator) and all its bytes map to its start.
struct Run {
  std::size_t text = 0;
  std::size_t orig = 0;
  std::size_t text_len = 0;
  std::size_t orig_len = 0;
};

/// Text plus its map to the original file. Runs are sorted and cover the text without gaps.
class Snippet {
 public:
  /// Appends original[orig, orig+len) copied from `content`.
  void append_copy(std::string_view content, std::size_t orig, std::size_t len);
  /// Appends `text` that replaces original[orig, orig+orig_len).
  void append_replacement(std::string_view text, std::size_t orig, std::size_t orig_len);
  /// Appends runs of another snippet's text[begin, end), keeping their original positions.
  void append_from(const Snippet& other, std::size_t begin, std::size_t end);

  /// Original offset of text[t] (t == size(): end of the last run).
  std::size_t map(std::size_t t) const;
  /// Original end offset (exclusive) of text[0, t_end).
  std::size_t map_end(std::size_t t_end) const;

  const std::string& text() const { return text_; }
  const std::vector<Run>& runs() const { return runs_; }
  bool empty() const { return text_.empty(); }
  void clear() {
    text_.clear();
    runs_.clear();
  }

 private:
  std::size_t run_index(std::size_t t) const;

  std::string text_;
  std::vector<Run> runs_;
};

/// A word ready for the command recogniser: cooked text, original span, and (for words that
/// may hold a script: 'sh -c', eval, YAML block scalars) the map of its text.
struct Word {
  std::string text;
  std::size_t begin = 0;  ///< original offset of the first byte
  std::size_t end = 0;    ///< original offset after the last byte
  bool opaque = false;
  /// text -> original. Shell words fill it only when asked (see Extractor::word_map): most
  /// words never hold a script, and building the map for each would cost an allocation.
  Snippet map;
  const void* lazy_source = nullptr;  ///< how to build `map` later (reader specific)
  std::size_t lazy_index = 0;
};

}  // namespace kafkalint::scripts
