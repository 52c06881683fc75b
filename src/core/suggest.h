#pragma once
// "Did you mean" suggestions by edit distance.

#include <string>
#include <string_view>
#include <vector>

namespace kafkalint::core {

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidates closest to `word`, best first, within a distance bound that grows
/// with the word's length (1 up to 4 chars, 2 up to 10, then a fifth of the length, at most 4).
/// Ties keep the order of `candidates`. At most `limit` results.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

}  // namespace kafkalint::core
