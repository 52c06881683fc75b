#pragma once
// Boost.Program_options glue shared by the commands: usage errors become exit code 2
// with a message naming the command, and --help prints the command's options.

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/diagnostic.h"

namespace kafkalint::cli {

namespace po = boost::program_options;

/// Parses `args` for command `name`. Adds --help to `desc`. Returns:
///  -1 when the command should go on (vm is filled),
///  kExitOk after printing help, kExitFailure after printing a usage error.
int parse_command_line(const std::string& name, const std::vector<std::string>& args,
                       po::options_description& desc,
                       const po::positional_options_description& positional, po::variables_map& vm,
                       Context& ctx);

/// Prints "kafkalint NAME: error: MESSAGE" plus a pointer to --help; returns kExitFailure.
int usage_error(const std::string& name, const std::string& message, Context& ctx);

/// Prints a located error (file:line:col: error: ...); returns kExitFailure.
int report_error(const core::Error& error, Context& ctx);

}  // namespace kafkalint::cli
