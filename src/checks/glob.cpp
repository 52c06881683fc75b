#include "checks/glob.h"

#include <cstddef>
#include <vector>

namespace kafkalint::checks {

namespace {

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    const std::size_t j = s.find('/', i);
    const std::size_t e = j == std::string_view::npos ? s.size() : j;
    if (e > i) out.push_back(s.substr(i, e - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

// One '[...]' class at p[i] (p[i] == '['). Sets *end past the ']' and returns whether `c`
// is in it; returns false with *end == i when the bracket never closes (then '[' is literal).
bool in_class(std::string_view p, std::size_t i, char c, std::size_t* end) {
  std::size_t j = i + 1;
  const bool negate = j < p.size() && (p[j] == '!' || p[j] == '^');
  if (negate) ++j;
  bool hit = false;
  bool first = true;
  while (j < p.size() && (p[j] != ']' || first)) {
    first = false;
    char lo = p[j];
    if (lo == '\\' && j + 1 < p.size()) lo = p[++j];
    char hi = lo;
    if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
      hi = p[j + 2];
      if (hi == '\\' && j + 3 < p.size()) hi = p[j + 3], ++j;
      j += 2;
    }
    if (lo <= c && c <= hi) hit = true;
    ++j;
  }
  if (j >= p.size()) {
    *end = i;
    return false;
  }
  *end = j + 1;
  return hit != negate;
}

// One pattern token (not '*') against one character: advances *pi past the token.
bool token_matches(std::string_view p, std::size_t* pi, char c) {
  const char t = p[*pi];
  if (t == '?') {
    ++*pi;
    return true;
  }
  if (t == '[') {
    std::size_t end = *pi;
    const bool hit = in_class(p, *pi, c, &end);
    if (end != *pi) {
      *pi = end;
      return hit;
    }
  }
  if (t == '\\' && *pi + 1 < p.size()) ++*pi;
  const bool hit = p[*pi] == c;
  ++*pi;
  return hit;
}

// fnmatch(pattern, name, FNM_PERIOD) for one path segment, in O(|p|·|s|) at worst: a '*'
// only ever resumes from the last one met (a later star can match anything an earlier one
// would have), so no pattern backtracks exponentially ("*a*a*a*a*b" on "aaaa…").
bool segment_match(std::string_view p, std::string_view s) {
  // A leading dot is matched by a literal dot only, as in the shell.
  if (!s.empty() && s[0] == '.' && (p.empty() || (p[0] != '.' && p.substr(0, 2) != "\\.")))
    return false;
  std::size_t pi = 0, si = 0;
  std::size_t star_p = std::string_view::npos, star_s = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      while (pi < p.size() && p[pi] == '*') ++pi;
      star_p = pi;
      star_s = si;
      continue;
    }
    std::size_t next = pi;
    if (pi < p.size() && token_matches(p, &next, s[si])) {
      pi = next;
      ++si;
      continue;
    }
    if (star_p == std::string_view::npos) return false;
    pi = star_p;
    si = ++star_s;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  const std::vector<std::string_view> s = split(path);
  std::vector<std::string_view> p = split(pattern);
  if (p.empty()) return false;
  if (pattern.find('/') == std::string_view::npos || (pattern.back() == '/' && p.size() == 1))
    p.insert(p.begin(), "**");
  // The pattern's segments as a set of states, advanced one path segment at a time: each
  // segment is compared with each pattern segment at most once, so cost is |p|·|s| segment
  // matches whatever the number of '**' (backtracking over them was exponential). The
  // pattern matches when it is used up at any point: a pattern that names a folder matches
  // everything below it.
  std::vector<char> at(p.size() + 1, 0), next(p.size() + 1, 0);
  const auto close = [&](std::vector<char>& st) {
    for (std::size_t i = 0; i < p.size(); ++i)
      if (st[i] && p[i] == "**") st[i + 1] = 1;
  };
  at[0] = 1;
  close(at);
  for (std::string_view seg : s) {
    if (at[p.size()]) return true;
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (!at[i]) continue;
      if (p[i] == "**") {
        // '**' takes any segment, hidden ones included.
        next[i] = 1;
        any = true;
      } else if (segment_match(p[i], seg)) {
        next[i + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    at.swap(next);
  }
  return at[p.size()] != 0;
}

}  // namespace kafkalint::checks
