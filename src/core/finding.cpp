#include "core/finding.h"

#include <algorithm>
#include <tuple>

namespace kafkalint::core {

bool folder_less(std::string_view a, std::string_view b) {
  // Name by name, so "a/b" (inside "a") sorts after "a" itself and before "a-c".
  while (!a.empty() && !b.empty()) {
    const std::string_view ca = a.substr(0, a.find('/')), cb = b.substr(0, b.find('/'));
    if (ca != cb) return ca < cb;
    a.remove_prefix(std::min(a.size(), ca.size() + 1));
    b.remove_prefix(std::min(b.size(), cb.size() + 1));
  }
  return a.empty() && !b.empty();
}

bool path_less(std::string_view a, std::string_view b) {
  const std::size_t sa = a.rfind('/'), sb = b.rfind('/');
  const std::string_view da = sa == std::string_view::npos ? std::string_view() : a.substr(0, sa);
  const std::string_view db = sb == std::string_view::npos ? std::string_view() : b.substr(0, sb);
  if (folder_less(da, db)) return true;
  if (folder_less(db, da)) return false;
  const std::string_view na = sa == std::string_view::npos ? a : a.substr(sa + 1);
  const std::string_view nb = sb == std::string_view::npos ? b : b.substr(sb + 1);
  if (na != nb) return na < nb;
  return a < b;  // same folder and name spelled differently ("a//x"): any fixed order
}

bool finding_less(const Finding& a, const Finding& b) {
  if (a.where.file != b.where.file) return path_less(a.where.file, b.where.file);
  return std::tie(a.where.line, a.where.column, a.code, a.message) <
         std::tie(b.where.line, b.where.column, b.code, b.message);
}

}  // namespace kafkalint::core
