#pragma once
// Lossless edits of a properties document: each touches only the lines of the entries it
// changes, and leaves every other byte of the file as it was.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "properties/document.h"

namespace kafkalint::properties {

// Every edit checks its own result: it re-parses the new text and compares the map Java
// would load with the expected one (by a keyed fingerprint of the whole map, so a large file
// is never held twice). On any difference it returns an error and leaves `doc` unchanged.
// A document with a malformed \uxxxx escape (Java refuses it) is not edited. `undo`, when
// given, receives (appended, in text order) the splices that turn the new text back into the
// old one: `kafkalint edit` rebuilds the original from them instead of keeping a copy.

/// Bytes [begin, end) of a text replaced by `with`.
struct Splice {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string with;
};

/// Applies `splices` (in text order, not overlapping) to `text`; returns the splices, in
/// text order, that undo them.
std::vector<Splice> splice(std::string& text, const std::vector<Splice>& splices);

/// Sets `key` (UTF-8) to `value` (UTF-8): replaces the value of the entry Java keeps (the
/// last one) in place, keeping its separator; or appends `key=value` on a new line using
/// the file's line ending, keeping the file's final newline or lack of one.
[[nodiscard]] std::optional<core::Error> set(Document& doc, std::string_view key,
                                             std::string_view value,
                                             std::vector<Splice>* undo = nullptr);

/// Like set(), but replaces the value of every entry of `key`, not only the last one. For
/// templates: each entry may sit in its own `{% if %}`/`{% else %}` branch, and whichever
/// branch renders is the one Kafka reads, so a plan must change them all.
[[nodiscard]] std::optional<core::Error> set_every(Document& doc, std::string_view key,
                                                   std::string_view value);

/// The text that, appended to `doc`'s text, adds `entries` (UTF-8 key, value; escaped) as
/// new lines: in the file's line ending, after a line break where the last line has none
/// and an empty line where it leaves a continuation open, ending with a line break only
/// where the file did. set() appends with it; fixes that add keys use it as their edit.
std::string appended_entries(const Document& doc,
                             const std::vector<std::pair<std::string, std::string>>& entries);

/// Whether Java reads from doc's text plus appended_entries(doc, entries) exactly doc's map
/// with `entries` added. Not always: a last line that is only a backslash is an entry of its
/// own (empty key) until something follows it. Fixes that append check it first.
bool appends_cleanly(const Document& doc,
                     const std::vector<std::pair<std::string, std::string>>& entries);

/// Removes every entry of `key`, continuation lines included. No entry: no change.
[[nodiscard]] std::optional<core::Error> unset(Document& doc, std::string_view key,
                                               std::vector<Splice>* undo = nullptr);

/// Turns every entry of `key` into comment lines: '#' before each of its physical lines,
/// so no line of it continues any more. No entry: no change.
[[nodiscard]] std::optional<core::Error> comment(Document& doc, std::string_view key,
                                                 std::vector<Splice>* undo = nullptr);

/// `raw` (whole physical lines of an entry) with `mark` before each line: the text that
/// comments the entry out ("\r\n", "\r" and "\n" end lines).
std::string commented_lines(std::string_view raw, std::string_view mark = "#");

}  // namespace kafkalint::properties
