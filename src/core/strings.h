#pragma once
// Small text helpers shared by every layer; each had three to ten private copies before.

#include <string>
#include <string_view>
#include <vector>

namespace kafkalint::core {

/// `s` without leading and trailing blanks (space, tab, form feed: what a properties value
/// may carry around list items).
std::string trim_blanks(std::string_view s);

/// `s` without the leading and trailing bytes that are in `chars`.
std::string_view trim_chars(std::string_view s, std::string_view chars);

/// A line of text without its indentation (spaces, tabs) and without trailing spaces, tabs
/// and the CR of a CRLF ending: what INI-style readers compare (inventories, suppression
/// comments). A CR at the start is kept: it is not indentation.
std::string_view trim_line(std::string_view s);

/// `a` and `b` equal but for ASCII case.
bool iequals_ascii(std::string_view a, std::string_view b);

/// The items of a comma-separated list as ConfigDef splits it, each trimmed, empty ones
/// dropped ("a, b,,c" -> a, b, c).
std::vector<std::string> split_list(std::string_view s);

/// `s` in ASCII upper case; other bytes unchanged (listener names, security protocols).
std::string ascii_upper(std::string_view s);

/// `s` in ASCII lower case; other bytes unchanged (keys, tool names, rule names).
std::string ascii_lower(std::string_view s);

/// C++20's std::string_view::starts_with / ends_with, for C++17.
inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
inline bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// The offset of the first byte that is not part of well-formed UTF-8 (no overlong forms,
/// surrogates or code points past U+10FFFF), or s.size() when all of `s` is. TOML and YAML
/// text is UTF-8, and their parsers must never see anything else.
std::size_t utf8_valid_prefix(std::string_view s);

/// The offset of the first non-ASCII byte of TOML text outside strings and comments (where
/// TOML allows none), or s.size(). toml++ 3.3 (Debian 12) mishandles such bytes on its error
/// path (an upstream bug fixed after 3.3), so callers report them before it parses.
std::size_t toml_bare_non_ascii(std::string_view s);

/// `s` (valid UTF-8 TOML text) rewritten as ASCII with the same meaning, into *out: the
/// non-ASCII characters of strings become \uXXXX or \UXXXXXXXX escapes (a literal string
/// that holds one is written as the basic string of the same value), those of comments '@'.
/// Returns s.size(), or the offset of a non-ASCII character outside strings and comments.
/// toml++ 3.3 (Debian 12) reaches undefined behaviour on non-ASCII text wherever it asks
/// whether a character is Unicode whitespace (its generated tables end in "unreachable"
/// for most code points; fixed upstream after 3.3), so it is only ever given ASCII.
std::size_t toml_to_ascii(std::string_view s, std::string* out);

}  // namespace kafkalint::core
