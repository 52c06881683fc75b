#include "core/version.h"

#include <algorithm>

namespace kafkalint::core {

std::optional<Version> Version::parse(std::string_view text) {
  Version v;
  if (text.empty()) return std::nullopt;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t j = i;
    long value = 0;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
      value = value * 10 + (text[j] - '0');
      if (value > 1000000) return std::nullopt;
      ++j;
    }
    if (j == i) return std::nullopt;  // empty part: "2..1", ".1", "2."
    v.parts.push_back(static_cast<int>(value));
    if (j == text.size()) break;
    if (text[j] != '.') return std::nullopt;
    i = j + 1;
  }
  if (v.parts.size() > 4) return std::nullopt;
  return v;
}

std::string Version::line() const {
  std::string out;
  for (std::size_t i = 0; i < std::min(parts.size(), line_width()); ++i) {
    if (i) out += '.';
    out += std::to_string(parts[i]);
  }
  return out;
}

std::optional<int> Version::patch() const {
  if (parts.size() > line_width()) return parts[line_width()];
  return std::nullopt;
}

std::string Version::str() const {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '.';
    out += std::to_string(parts[i]);
  }
  return out;
}

int Version::compare(const Version& other) const {
  const std::size_t n = std::max(parts.size(), other.parts.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int a = i < parts.size() ? parts[i] : 0;
    const int b = i < other.parts.size() ? other.parts[i] : 0;
    if (a != b) return a < b ? -1 : 1;
  }
  return 0;
}

}  // namespace kafkalint::core
