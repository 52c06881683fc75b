#pragma once
// Options typed with a Unicode dash ('–bootstrap-server', '—topic', '−−list'): word processors
// and documentation sites turn '--' into an en or em dash, and the pasted command still looks
// right. Kafka's parsers (joptsimple, argparse4j) only know ASCII '-', so the word is a plain
// argument and the option is silently not applied (or the tool fails on a missing option).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kafkalint::checks {

/// A word whose option name is spelt with Unicode dashes.
struct UnicodeDash {
  std::string name;            ///< the leading part as typed, up to '=' ("–bootstrap-server")
  std::string ascii;           ///< the same with ASCII dashes ("--bootstrap-server")
  std::string_view what;       ///< the first Unicode dash met: "an en dash (U+2013)"
  std::size_t dash_bytes = 0;  ///< bytes of the leading dash run as typed
};

/// The option `word` spells with Unicode dashes, or nullopt. A lone leading dash stands for
/// '--' before a long name and for '-' before a single letter.
std::optional<UnicodeDash> unicode_dash_option(std::string_view word);

}  // namespace kafkalint::checks
