#pragma once
// Small text helpers shared by the layers that read property values (checks, plan).

#include <string>
#include <string_view>
#include <vector>

namespace kafkalint::core {

/// `s` without leading and trailing blanks (space, tab, form feed: what a properties value
/// may carry around list items).
std::string trim_blanks(std::string_view s);

/// The items of a comma-separated list as ConfigDef splits it, each trimmed, empty ones
/// dropped ("a, b,,c" -> a, b, c).
std::vector<std::string> split_list(std::string_view s);

/// `s` in ASCII upper case (listener names, security protocols).
std::string ascii_upper(std::string s);

}  // namespace kafkalint::core
