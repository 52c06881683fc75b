#include "report/diff_color.h"

namespace kafkalint::report {

namespace {

constexpr std::string_view kReset = "\033[0m";

std::string_view line_color(std::string_view line) {
  if (line.substr(0, 4) == "--- " || line.substr(0, 4) == "+++ ") return "\033[1m";
  if (line.substr(0, 2) == "@@") return "\033[36m";
  if (!line.empty() && line[0] == '-') return "\033[31m";
  if (!line.empty() && line[0] == '+') return "\033[32m";
  return "";
}

}  // namespace

std::string color_diff(std::string_view diff) {
  std::string out;
  out.reserve(diff.size() + diff.size() / 4);
  std::size_t at = 0;
  while (at < diff.size()) {
    std::size_t end = diff.find('\n', at);
    end = end == std::string_view::npos ? diff.size() : end;
    const std::string_view line = diff.substr(at, end - at);
    const std::string_view color = line_color(line);
    // The escape closes before the line break, so a pager never carries colour to the next line.
    if (!color.empty()) out.append(color);
    out.append(line);
    if (!color.empty()) out.append(kReset);
    if (end < diff.size()) out += '\n';
    at = end + 1;
  }
  return out;
}

}  // namespace kafkalint::report
