#include "cli/color.h"

#include <cstdlib>
#include <string_view>

namespace kafkalint::cli {

namespace {

std::optional<ColorWhen> parse_when(std::string_view s) {
  if (s == "auto") return ColorWhen::kAuto;
  if (s == "always") return ColorWhen::kAlways;
  if (s == "never") return ColorWhen::kNever;
  return std::nullopt;
}

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

core::Error usage(std::string message) {
  core::Error e;
  e.message = std::move(message);
  return e;
}

}  // namespace

core::Result<std::optional<ColorWhen>> take_color_option(std::vector<std::string>* argv) {
  std::vector<std::string>& a = *argv;
  std::optional<ColorWhen> when;
  for (std::size_t i = 1; i < a.size();) {
    if (a[i] == "--") break;  // after "--" every word is a path
    std::string value;
    std::size_t words = 0;
    if (a[i] == "--color") {
      if (i + 1 >= a.size()) return usage("'--color' needs a value: auto, always or never");
      value = a[i + 1];
      words = 2;
    } else if (a[i].rfind("--color=", 0) == 0) {
      value = a[i].substr(8);
      words = 1;
    } else {
      ++i;
      continue;
    }
    when = parse_when(value);
    if (!when)
      return usage("unknown value '" + value + "' for '--color'; expected auto, always or never");
    a.erase(a.begin() + static_cast<std::ptrdiff_t>(i),
            a.begin() + static_cast<std::ptrdiff_t>(i + words));
  }
  return when;
}

bool use_color(ColorWhen when, bool out_is_tty) {
  if (when != ColorWhen::kAuto) return when == ColorWhen::kAlways;
  if (env_set("NO_COLOR")) return false;    // https://no-color.org
  if (env_set("FORCE_COLOR")) return true;  // any non-empty value: https://force-color.org
  const char* term = std::getenv("TERM");
  return out_is_tty && !(term && std::string_view(term) == "dumb");
}

}  // namespace kafkalint::cli
