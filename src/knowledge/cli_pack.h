#pragma once
// The command-line tools (bin/*.sh) of one Kafka release line and the options their
// parsers accept, as generated into rules/kafka/cli/<line>.toml by tools/import_kafka.py
// (format: rules/SCHEMA.md).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "knowledge/pack_source.h"

namespace kafkalint::knowledge {

/// One option as typed on the command line ("--bootstrap-server", "-daemon", "-b").
struct CliOption {
  enum class Arg { kNone, kRequired, kOptional };
  std::string name;
  Arg arg = Arg::kNone;     ///< whether the option takes a value
  bool deprecated = false;  ///< the tool's own help text marks it deprecated
  std::string replacement;  ///< option (or script) to use instead, when the tool names one
};

/// "none", "required" or "optional".
const char* arg_name(CliOption::Arg arg);

/// The options one argparse4j sub-command accepts ("" = the top-level parser).
struct CliSubcommand {
  std::string name;
  std::vector<CliOption> options;  ///< sorted by name; arg only (no deprecation facts)
};

/// One bin/*.sh script.
struct CliTool {
  std::string script;      ///< "kafka-topics.sh"
  std::string main_class;  ///< class given to kafka-run-class.sh; "" for pure shell scripts
  /// joptsimple, argparse4j, manual, positional, shell, external or none; '+'-joined when the
  /// script and its class both parse ("joptsimple+shell").
  std::string parser;
  /// The Java parser accepts unambiguous prefixes of long options ("--bootstrap").
  bool abbreviations = false;
  std::string kind;                      ///< tool, server, shell-only or dispatcher
  bool deprecated = false;               ///< the whole tool is deprecated
  std::string replacement;               ///< tool replacing it, when known
  std::vector<std::string> subcommands;  ///< argparse4j sub-commands, sorted
  std::vector<CliOption> options;        ///< union over sub-commands, sorted by name
  /// Per sub-command options (4.x only); empty when the pack does not say.
  std::vector<CliSubcommand> subcommand_options;

  /// The option spelled exactly `name`, or nullptr.
  const CliOption* find_option(std::string_view name) const;
  /// Whether `parser_kind` is one of the '+'-joined parser kinds.
  bool uses_parser(std::string_view parser_kind) const;
  /// Long options of which `prefix` is a prefix (for parsers with abbreviations), sorted.
  std::vector<const CliOption*> options_with_prefix(std::string_view prefix) const;
  /// The per sub-command options of `name` ("" = top level), or nullptr when not recorded.
  const CliSubcommand* subcommand(std::string_view name) const;
};

/// A script an earlier release line shipped and this one does not.
struct RemovedTool {
  std::string script;
  std::string last;  ///< last release line that shipped it
};

/// An option of a tool this release ships that an earlier release line accepted.
struct RemovedOption {
  std::string script;
  std::string option;
  std::string last;  ///< last release line whose tool accepted it
};

/// The command-line knowledge of one release line. Lookups are binary searches.
class CliCatalog {
 public:
  const std::string& release() const { return release_; }
  /// Where the facts came from ("kafka-cli 2.1.1 (refs/tags/2.1.1)").
  const std::string& source() const { return source_; }
  /// All tools, sorted by script name.
  const std::vector<CliTool>& tools() const { return tools_; }
  /// The tool `script` ("kafka-topics.sh"), or nullptr when this release does not ship it.
  const CliTool* find(std::string_view script) const;
  /// The removal record of a script this release no longer ships, or nullptr.
  const RemovedTool* removed_tool(std::string_view script) const;
  /// The removal record of an option of a shipped tool, or nullptr.
  const RemovedOption* removed_option(std::string_view script, std::string_view option) const;
  const std::vector<RemovedTool>& removed_tools() const { return removed_tools_; }
  const std::vector<RemovedOption>& removed_options() const { return removed_options_; }

 private:
  friend core::Result<CliCatalog> parse_cli(const PackText&, std::string_view);
  std::string release_;
  std::string source_;
  std::vector<CliTool> tools_;
  std::vector<RemovedTool> removed_tools_;      // sorted by script
  std::vector<RemovedOption> removed_options_;  // sorted by script, option
};

/// Loads kafka/cli/<release_line>.toml from `packs`. nullopt and *err (file:line:col, what
/// is wrong, what was expected) on a missing file or a bad pack. Never throws.
core::Result<CliCatalog> load_cli(const PackSource& packs, std::string_view release_line);

/// Parses the text of a command-line pack for `release_line` (what load_cli() does once it
/// has found the file; also the entry point of the fuzzer). Never throws.
core::Result<CliCatalog> parse_cli(const PackText& pack, std::string_view release_line);

/// Release lines that have a CLI pack, sorted by version ("0.8.2", ..., "4.4").
std::vector<std::string> cli_releases(const PackSource& packs);

}  // namespace kafkalint::knowledge
