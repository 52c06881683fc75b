#pragma once
// Unified diffs of two texts, as `diff -u` prints them and `patch` / `git apply` read them.

#include <string>
#include <string_view>

namespace kafkalint::core {

/// The unified diff turning `before` into `after`: "--- a_name" / "+++ b_name" headers,
/// hunks with `context` lines of context, lines compared byte for byte (a '\r' before the
/// '\n' is part of the line), and "\ No newline at end of file" after a last line that has
/// no '\n'. Empty when the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view a_name,
                         std::string_view b_name, int context = 3);

}  // namespace kafkalint::core
