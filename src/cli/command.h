#pragma once
// The command table and what every command gets: its arguments, the output streams
// and the rule packs visible to this run.

#include <iosfwd>
#include <string>
#include <vector>

#include "knowledge/pack_source.h"

namespace kafkalint::cli {

/// Exit codes, the same for every command (see README, "Exit codes").
constexpr int kExitOk = 0;        // ran; nothing at or above the failing severity
constexpr int kExitFindings = 1;  // ran; found something at or above the failing severity
constexpr int kExitFailure = 2;   // could not do the job: usage, unreadable input, bad pack

struct Context {
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;  // colour only on a terminal, and never with NO_COLOR set
  bool color = false;
  knowledge::PackSource packs;
  /// stdout without the secret scrubbing of `out`: for a command whose output is a config
  /// file itself (edit without --diff), which must keep its passwords.
  std::ostream* config_out = nullptr;
};

using CommandFn = int (*)(const std::vector<std::string>& args, Context& ctx);

struct CommandInfo {
  const char* name;
  const char* synopsis;  // arguments after the command name
  const char* summary;   // one line for `kafkalint --help`
  CommandFn run;
};

/// Every command, in the order `kafkalint --help` lists them.
const std::vector<CommandInfo>& commands();

/// The whole CLI: parses global options, dispatches, returns the exit code.
/// Tests call it directly with string streams.
int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err,
        bool out_is_tty = false);

// One function per command, each in its own cmd_<name>.cpp.
int run_show(const std::vector<std::string>& args, Context& ctx);
int run_edit(const std::vector<std::string>& args, Context& ctx);
int run_versions(const std::vector<std::string>& args, Context& ctx);
int run_rules(const std::vector<std::string>& args, Context& ctx);
int run_explain(const std::vector<std::string>& args, Context& ctx);
int run_check(const std::vector<std::string>& args, Context& ctx);
int run_plan(const std::vector<std::string>& args, Context& ctx);
int run_diff(const std::vector<std::string>& args, Context& ctx);

}  // namespace kafkalint::cli
