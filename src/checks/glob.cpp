#include "checks/glob.h"

#include <fnmatch.h>

#include <string>
#include <vector>

namespace kafkalint::checks {

namespace {

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    const std::size_t j = s.find('/', i);
    const std::size_t e = j == std::string_view::npos ? s.size() : j;
    if (e > i) out.emplace_back(s.substr(i, e - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

// Segment-wise match with '**' backtracking; `prefix_ok` lets a pattern that names a
// directory match every path below it.
bool match(const std::vector<std::string>& p, std::size_t pi, const std::vector<std::string>& s,
           std::size_t si) {
  if (pi == p.size()) return si <= s.size();  // the pattern named a directory (or the file)
  if (p[pi] == "**") {
    for (std::size_t k = si; k <= s.size(); ++k)
      if (match(p, pi + 1, s, k)) return true;
    return false;
  }
  if (si == s.size()) return false;
  if (::fnmatch(p[pi].c_str(), s[si].c_str(), FNM_PERIOD) != 0) return false;
  return match(p, pi + 1, s, si + 1);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  const std::vector<std::string> s = split(path);
  std::vector<std::string> p = split(pattern);
  if (p.empty()) return false;
  if (pattern.find('/') == std::string_view::npos || (pattern.back() == '/' && p.size() == 1))
    p.insert(p.begin(), "**");
  return match(p, 0, s, 0);
}

}  // namespace kafkalint::checks
