#include "core/strings.h"

#include <cctype>

namespace kafkalint::core {

std::string trim_blanks(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\f");
  if (b == std::string_view::npos) return {};
  const std::size_t e = s.find_last_not_of(" \t\f");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i <= s.size();) {
    const std::size_t c = s.find(',', i);
    std::string item =
        trim_blanks(s.substr(i, c == std::string_view::npos ? std::string_view::npos : c - i));
    if (!item.empty()) out.push_back(std::move(item));
    if (c == std::string_view::npos) break;
    i = c + 1;
  }
  return out;
}

std::string ascii_upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace kafkalint::core
