#include "core/suggest.h"

#include <algorithm>
#include <utility>

namespace kafkalint::core {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  // Three rolling rows: the transposition step looks two rows back.
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

namespace {

// edit_distance(a, b) when it is at most `bound`, else bound + 1. Only the cells within
// `bound` of the diagonal are computed, and the rows stop as soon as all of them are past
// the bound: a did-you-mean for each of 160,000 unknown keys against every known key costs
// a few cells per pair instead of |a| x |b|.
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t bound) {
  const std::size_t n = a.size(), m = b.size();
  const std::size_t big = bound + 1;
  if ((n > m ? n - m : m - n) > bound) return big;
  thread_local std::vector<std::size_t> prev2, prev, cur;
  prev2.assign(m + 1, big);
  prev.assign(m + 1, big);
  cur.assign(m + 1, big);
  for (std::size_t j = 0; j <= m && j <= bound; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > bound ? i - bound : 1;
    const std::size_t hi = std::min(m, i + bound);
    cur[lo - 1] = lo == 1 ? std::min(i, big) : big;
    std::size_t row_min = lo == 1 ? cur[0] : big;
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, prev2[j - 2] + 1);
      cur[j] = std::min(v, big);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi + 1 <= m) cur[hi + 1] = big;  // read by the next row as out of the band
    if (row_min > bound) return big;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], big);
}

// The set of character classes (byte mod 64) of `s`. An edit removes at most one character
// of a word and brings at most one in, so a word holding k classes the candidate lacks (or
// lacking k classes it holds) is at least k edits away: a lower bound on the distance that
// costs two instructions.
std::uint64_t char_classes(std::string_view s) {
  std::uint64_t m = 0;
  for (char c : s) m |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63U);
  return m;
}

std::size_t missing(std::uint64_t have, std::uint64_t other) {
  return static_cast<std::size_t>(__builtin_popcountll(have & ~other));
}

std::vector<std::string> closest_in(std::string_view word,
                                    const std::vector<std::string>& candidates, std::size_t limit) {
  const std::size_t len = word.size();
  const std::size_t bound = len <= 4 ? 1 : len <= 10 ? 2 : std::min<std::size_t>(4, len / 5);
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // (distance, index)
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string& c = candidates[i];
    const std::size_t diff = c.size() > len ? c.size() - len : len - c.size();
    if (diff > bound) continue;
    if (c == word) continue;
    const std::size_t d = bounded_edit_distance(word, c, bound);
    if (d <= bound) scored.emplace_back(d, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, i] : scored) {
    if (out.size() == limit) break;
    out.push_back(candidates[i]);
  }
  return out;
}

}  // namespace

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit) {
  return closest_in(word, candidates, limit);
}

Closest::Closest(std::vector<std::string> candidates) : candidates_(std::move(candidates)) {
  chars_.reserve(candidates_.size());
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    chars_.push_back(char_classes(candidates_[i]));
    const std::size_t len = candidates_[i].size();
    if (by_length_.size() <= len) by_length_.resize(len + 1);
    by_length_[len].push_back(static_cast<std::uint32_t>(i));
  }
}

std::vector<std::string> Closest::operator()(std::string_view word, std::size_t limit) const {
  // Only the candidates of a length within the bound, in their order (ties keep it).
  const std::size_t len = word.size();
  const std::size_t bound = len <= 4 ? 1 : len <= 10 ? 2 : std::min<std::size_t>(4, len / 5);
  const std::uint64_t mine = char_classes(word);
  std::vector<std::pair<std::size_t, std::uint32_t>> scored;  // (distance, index)
  for (std::size_t l = len > bound ? len - bound : 0; l <= len + bound && l < by_length_.size();
       ++l)
    for (std::uint32_t i : by_length_[l]) {
      if (missing(mine, chars_[i]) > bound || missing(chars_[i], mine) > bound) continue;
      const std::string& c = candidates_[i];
      if (c == word) continue;
      const std::size_t d = bounded_edit_distance(word, c, bound);
      if (d <= bound) scored.emplace_back(d, i);
    }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, i] : scored) {
    if (out.size() == limit) break;
    out.push_back(candidates_[i]);
  }
  return out;
}

}  // namespace kafkalint::core
