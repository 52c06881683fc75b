#pragma once
// Path patterns for .kafkalint.toml (exclude, per-path ignores, roles).

#include <string_view>

namespace kafkalint::checks {

/// Matches a '/'-separated relative path against a pattern: '*' and '?' stay within one
/// path segment, '**' spans any number of segments, '[abc]' is a character class. A pattern
/// without '/' matches the file name in any directory (as in .gitignore); a pattern ending
/// in '/' or naming a directory also matches everything below it.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace kafkalint::checks
