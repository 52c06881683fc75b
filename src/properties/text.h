#pragma once
// Text helpers for decoded properties strings (UTF-8, with WTF-8 for lone surrogates):
// Java's string order, JSON quoting and escaping for writing keys and values back.

#include <string>
#include <string_view>

namespace kafkalint::properties {

/// Java's String.compareTo on the UTF-16 forms of `a` and `b`: true when a < b.
/// Differs from byte order only for characters above U+FFFF against U+E000..U+FFFF.
bool utf16_less(std::string_view a, std::string_view b);

/// Appends `s` as a JSON string literal: UTF-8 kept as is, `"` `\` and control characters
/// escaped (\b \f \n \r \t, others \u00XX), lone surrogates as \uD800-style escapes, so the
/// result denotes exactly the Java String. Bytes that are not UTF-8/WTF-8 become \uFFFD.
void append_json_string(std::string& out, std::string_view s);

/// `key` escaped so that java.util.Properties reads it back exactly: `\`, whitespace,
/// '=', ':', '#', '!' and controls escaped, non-ASCII as \uXXXX (the result is ASCII).
/// Invalid UTF-8 bytes are taken as ISO-8859-1 characters.
std::string escape_key(std::string_view key);

/// `value` escaped likewise: `\`, line breaks, tabs, form feeds, controls, leading spaces
/// and a leading '=' or ':' escaped, non-ASCII as \uXXXX; '=', ':', '#', '!' elsewhere in
/// a value need no escape (so `listeners=PLAINTEXT://:9092` stays readable).
std::string escape_value(std::string_view value);

}  // namespace kafkalint::properties
