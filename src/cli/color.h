#pragma once
// --color auto|always|never, NO_COLOR, FORCE_COLOR and TERM=dumb: whether stdout gets colours.

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"

namespace kafkalint::cli {

enum class ColorWhen { kAuto, kAlways, kNever };

/// Removes every `--color WHEN` / `--color=WHEN` from `argv` (after argv[0], before a `--`)
/// and gives the last WHEN (nullopt when there is none). The error when a WHEN is missing or
/// unknown; argv is then partly consumed and must not be used.
core::Result<std::optional<ColorWhen>> take_color_option(std::vector<std::string>* argv);

/// The decision: `always` and `never` are final; `auto` is off with NO_COLOR set, on with
/// FORCE_COLOR set to anything but "", else on for a terminal whose TERM is not "dumb".
bool use_color(ColorWhen when, bool out_is_tty);

}  // namespace kafkalint::cli
