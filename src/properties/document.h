#pragma once
// A lossless model of a Java properties file as java.util.Properties.load(InputStream) reads
// it (ISO-8859-1 bytes, logical lines with continuations, last duplicate wins). Every entry
// keeps the byte spans of what was written, so diagnostics can point at it and edits can
// rewrite only its own lines; writing the model back reproduces the input byte for byte.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace kafkalint::properties {

/// A half-open byte range [begin, end) of Document::text(). Offsets are 32-bit to keep
/// entries small (a large file has millions); parse() refuses files of 2 GiB or more
/// (decoded text, up to twice the size, lives in a 32-bit addressed arena).
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// Number of bytes covered.
  std::size_t size() const { return end - begin; }
  /// True when the span covers no byte.
  bool empty() const { return begin == end; }
};

/// Where a decoded key or value lives: in the source bytes when decoding changes nothing
/// (plain ASCII, no escapes: the common case, no copy), otherwise in the document's arena.
struct TextRef {
  std::uint32_t offset = 0;
  std::uint32_t size : 31;
  std::uint32_t in_arena : 1;
  TextRef() : size(0), in_arena(0) {}
  TextRef(std::size_t off, std::size_t n, bool arena)
      : offset(static_cast<std::uint32_t>(off)),
        size(static_cast<std::uint32_t>(n)),
        in_arena(arena ? 1u : 0u) {}
};

/// One key/value pair: one logical line, possibly continued over several physical lines.
struct Entry {
  Span raw;            ///< whole physical lines, first line's start through last line's terminator
  Span key;            ///< the key as written (escapes, continuations included)
  Span value;          ///< separator's end to the end of the last line (terminator excluded)
  int line = 0;        ///< 1-based line of the key's first character
  int column = 0;      ///< 1-based column of the key's first character
  int value_line = 0;  ///< 1-based line where the value starts
  int value_column = 0;    ///< 1-based column where the value starts
  int last_line = 0;       ///< 1-based line of the entry's last physical line
  bool continued = false;  ///< spans more than one physical line
  bool malformed = false;  ///< holds a malformed \uxxxx escape: Java refuses the whole file
  TextRef key_text;        ///< decoded key; read it with Document::key()
  TextRef value_text;      ///< decoded value; read it with Document::value()

  /// Between key and value: blanks and at most one '=' or ':' (maybe with continuations).
  Span separator() const { return Span{key.end, value.begin}; }
};

struct ParseResult;

/// A comment line: '#' or '!' is its first non-blank character outside a continuation.
struct Comment {
  Span raw;  ///< from the line's start to its end, terminator excluded
  int line = 0;
  int column = 0;  ///< column of the '#' or '!'
};

/// A parsed properties file. Entries and comments are in file order; everything between
/// them is trivia: blank lines, and lines of only '\' that Java reads as nothing. Decoded text is
/// UTF-8; a UTF-16 surrogate that does not form a pair (possible with \uXXXX) is encoded as its own
/// 3-byte sequence (WTF-8).
class Document {
 public:
  /// The file's bytes, exactly as given to parse().
  const std::string& text() const { return text_; }
  /// The name used in diagnostics.
  const std::string& file_name() const { return file_name_; }
  /// Every entry, duplicates included, in file order.
  const std::vector<Entry>& entries() const { return entries_; }
  /// Every comment line, in file order.
  const std::vector<Comment>& comments() const { return comments_; }

  /// The decoded key of `e` (UTF-8/WTF-8). Valid while the document lives unchanged.
  std::string_view key(const Entry& e) const { return view(e.key_text); }
  /// The decoded value of `e` (UTF-8/WTF-8). Valid while the document lives unchanged.
  std::string_view value(const Entry& e) const { return view(e.value_text); }

  /// Every entry whose decoded key is `key`, in file order.
  std::vector<const Entry*> find_all(std::string_view key) const;
  /// The entry Java keeps for `key` (the last one), or nullptr.
  const Entry* find(std::string_view key) const;
  /// How many entries have the decoded key `key`.
  std::size_t count(std::string_view key) const;
  /// The map Java loads: last duplicate wins; sorted like Java's String.compareTo
  /// (UTF-16 code unit order), so output matches a TreeMap of the loaded Properties.
  std::vector<std::pair<std::string_view, std::string_view>> effective() const;
  /// The indices in entries() of the entries effective() lists, in its order: the map at
  /// 4 bytes a key (show of a large file).
  std::vector<std::uint32_t> effective_order() const;
  /// Calls f(key, value) for every pair of the map Java loads, in no defined order: the
  /// map without effective()'s sort and its vectors (edits fingerprint large files with it).
  template <typename F>
  void for_each_effective(F&& f) const {
    const auto& v = index();
    constexpr std::uint64_t kLow = 0xffffffffU;
    for (std::size_t b = 0; b < v.size();) {
      std::size_t e = b + 1;
      while (e < v.size() && (v[e] >> 32) == (v[b] >> 32)) ++e;
      // A run shares a hash; its entries are in file order, so an entry is effective when
      // no later entry of the run has its key (runs are duplicates, rarely collisions).
      for (std::size_t i = b; i < e; ++i) {
        const std::string_view k = key(entries_[v[i] & kLow]);
        bool last = true;
        for (std::size_t j = i + 1; j < e && last; ++j) last = key(entries_[v[j] & kLow]) != k;
        if (last) f(k, value(entries_[v[i] & kLow]));
      }
      b = e;
    }
  }

  /// The first line terminator of the file ("\n" when it has none).
  std::string_view line_ending() const { return line_ending_; }
  /// True when the file is empty or its last byte ends a line.
  bool ends_with_newline() const;
  /// True when the file ends inside a continuation (odd backslashes before the end), so a
  /// line appended after it would be read as part of it.
  bool ends_in_continuation() const { return ends_in_continuation_; }

 private:
  friend class Parser;
  friend ParseResult parse(std::string bytes, std::string file_name);
  std::string_view view(const TextRef& r) const {
    return std::string_view(r.in_arena ? arena_ : text_).substr(r.offset, r.size);
  }

  // The entries ordered by (hash of key, index), built on the first lookup: checks look keys
  // up once per entry, which a scan of the entries made quadratic in the file's size. Shared
  // by copies (the entries never change after parsing) and built once under a once_flag, as
  // several threads may look up in one document. Documents only shown never pay.
  struct KeyIndex {
    std::once_flag built;
    std::vector<std::uint64_t> by_hash;  // hash << 32 | entry index, sorted
    // An open-addressing table over by_hash, built on the first lookup (edits that only
    // fingerprint the map never pay): 1 + where each hash's run starts, 0 = empty. A binary
    // search of 160,000 slots per key was a sixth of `plan` on such a file.
    std::once_flag slots_built;
    std::vector<std::uint32_t> slots;
  };
  std::pair<std::size_t, std::size_t> lookup(std::string_view key) const;
  const std::vector<std::uint64_t>& index() const;
  friend std::string take_text(Document&& doc);

  std::shared_ptr<KeyIndex> index_ = std::make_shared<KeyIndex>();
  std::string text_;
  std::string file_name_;
  std::string arena_;  // decoded text that differs from the source bytes
  std::vector<Entry> entries_;
  std::vector<Comment> comments_;
  std::string_view line_ending_ = "\n";
  bool ends_in_continuation_ = false;
};

/// A document plus the errors that make Java refuse it (malformed \uxxxx escapes, each
/// located at its backslash). The document is complete even when there are errors, except
/// for a file of 2 GiB or more, which is refused unparsed.
struct [[nodiscard]] ParseResult {
  Document doc;
  std::vector<core::Error> errors;
  /// True when Java would load the file.
  bool ok() const { return errors.empty(); }
};

/// Moves the text out of `doc` and empties it: edits re-parse a large file in place
/// instead of holding a second copy.
std::string take_text(Document&& doc);

/// The value Java sees for `key` with surrounding blanks trimmed, or nullopt when the key is
/// absent: the one way the planner and the endpoint reader read a setting.
std::optional<std::string> value_of(const Document& doc, std::string_view key);

/// Parses `bytes` exactly as java.util.Properties.load(InputStream) does. Never throws
/// (except std::bad_alloc); problems are returned in ParseResult::errors.
ParseResult parse(std::string bytes, std::string file_name);

/// The document's bytes, rebuilt from its entries, comments and the trivia between them:
/// write(parse(x).doc) == x for every input.
std::string write(const Document& doc);

/// The effective map as one JSON object, keys in Document::effective() order, one
/// "key": "value" pair per line (`{}` when empty), newline-terminated.
std::string to_json(const Document& doc);

/// to_json() handed to `sink` in pieces of about 64 KiB, in order: a large file's map is
/// never built whole.
void to_json(const Document& doc, const std::function<void(std::string_view)>& sink);

/// to_properties() handed to `sink` in pieces, likewise.
void to_properties(const Document& doc, const std::function<void(std::string_view)>& sink);

/// The effective map as a properties file: one `key=value` line per key in
/// Document::effective() order, escaped (ASCII only) so that Java loads the same map.
std::string to_properties(const Document& doc);

}  // namespace kafkalint::properties
