#pragma once
// Colours for a unified diff on a terminal, as git diff shows them.

#include <string>
#include <string_view>

namespace kafkalint::report {

/// `diff` with ANSI colours: file headers bold, hunk headers cyan, removed lines red, added
/// lines green, context and "\ No newline" lines as they are. Only whole lines are wrapped, so
/// stripping the escapes gives `diff` back byte for byte.
std::string color_diff(std::string_view diff);

}  // namespace kafkalint::report
