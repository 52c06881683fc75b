#pragma once
// --color auto|always|never, NO_COLOR, FORCE_COLOR and TERM=dumb: whether stdout gets colours.

#include <optional>
#include <string>
#include <vector>

namespace kafkalint::cli {

enum class ColorWhen { kAuto, kAlways, kNever };

/// Removes every `--color WHEN` / `--color=WHEN` from `argv` (after argv[0], before a `--`)
/// and returns the last WHEN; nullopt when there is none. A missing or unknown WHEN is an
/// error message in *err.
std::optional<ColorWhen> take_color_option(std::vector<std::string>* argv, std::string* err);

/// The decision: `always` and `never` are final; `auto` is off with NO_COLOR set, on with
/// FORCE_COLOR set to anything but "", else on for a terminal whose TERM is not "dumb".
bool use_color(ColorWhen when, bool out_is_tty);

}  // namespace kafkalint::cli
