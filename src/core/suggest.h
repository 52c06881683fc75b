#pragma once
// "Did you mean" suggestions by edit distance.

#include <cstdint>
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

/// closest() against one list of candidates for many words (the did-you-mean of every
/// unknown key of a file): the characters of each candidate are summarised once, so most
/// candidates are ruled out without computing a distance. Same results as closest().
class Closest {
 public:
  explicit Closest(std::vector<std::string> candidates);
  std::vector<std::string> operator()(std::string_view word, std::size_t limit = 3) const;

 private:
  std::vector<std::string> candidates_;
  std::vector<std::uint64_t> chars_;  // per candidate, the character classes it holds
  std::vector<std::vector<std::uint32_t>> by_length_;  // candidate indices per length
};

}  // namespace kafkalint::core
