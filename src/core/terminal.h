#pragma once
// Text bound for a terminal: control characters from the user's files must not reach it raw
// (an ESC starts an escape sequence that can recolour, clear or retitle the terminal, a BEL
// rings), so every human-readable output shows them as visible escapes, as JSON does.

#include <string>
#include <string_view>

namespace kafkalint::core {

/// `s` with control characters made visible: C0 controls and DEL as `\x1b`-style escapes
/// (tab kept unless `keep_tab` is false; newline and CR-LF kept only when `keep_newline`), C1
/// controls (U+0080..U+009F, which some terminals treat as CSI and friends) as `\u009b`, and bytes
/// that are not UTF-8 as `\xff`. Valid UTF-8 text without controls comes back unchanged.
std::string escape_controls(std::string_view s, bool keep_newline = false, bool keep_tab = true);

/// escape_controls(s, keep_newline, keep_tab) appended to `out`, without a string of its own:
/// reporters write thousands of findings through it.
void append_escaped(std::string* out, std::string_view s, bool keep_newline = false,
                    bool keep_tab = true);

/// True when escape_controls would change `s`.
bool has_controls(std::string_view s, bool keep_newline = false, bool keep_tab = true);

}  // namespace kafkalint::core
