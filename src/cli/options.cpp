#include "cli/options.h"

#include <algorithm>
#include <ostream>

#include "core/suggest.h"
#include "core/terminal.h"

namespace kafkalint::cli {

int usage_error(const std::string& name, const std::string& message, Context& ctx) {
  ctx.err << "kafkalint " << name << ": error: " << core::escape_controls(message) << "\n"
          << "  note: run 'kafkalint " << name << " --help' for usage\n";
  return kExitFailure;
}

int report_error(const core::Error& error, Context& ctx) {
  ctx.err << core::escape_controls(error.render(), true) << "\n";
  return kExitFailure;
}

namespace {

// Boost's wording ("the required argument for option '--to' is missing") in the words of the
// rest of kafkalint, with the value's name from the option's help.
std::string plain_message(const po::error& e, const po::options_description& desc,
                          const std::string& command) {
  if (dynamic_cast<const po::too_many_positional_options_error*>(&e)) {
    for (const CommandInfo& c : commands())
      if (command == c.name)
        return "too many arguments; usage: kafkalint " + command + " " + c.synopsis;
    return "too many arguments";
  }
  const auto* named = dynamic_cast<const po::error_with_option_name*>(&e);
  if (!named) return e.what();
  std::string option = named->get_option_name();
  if (option.empty()) return e.what();
  std::string value = "a value";
  if (const po::option_description* o =
          desc.find_nothrow(option.substr(option.find_first_not_of('-')), false))
    if (!o->format_parameter().empty()) value = o->format_parameter();
  if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&e))
    if (syntax->kind() == po::invalid_syntax::missing_parameter)
      return "'" + option + "' needs " + value;
  if (dynamic_cast<const po::invalid_option_value*>(&e)) {
    // Boost's text is "the argument ('abc') for option '--jobs' is invalid".
    const std::string what = e.what();
    const std::size_t open = what.find("('"), close = what.find("')");
    const std::string given = open != std::string::npos && close > open
                                  ? " '" + what.substr(open + 2, close - open - 2) + "' is not one"
                                  : "";
    return "'" + option + "' expects " + value + (given.empty() ? "" : ";" + given);
  }
  if (dynamic_cast<const po::multiple_occurrences*>(&e)) return "'" + option + "' is given twice";
  if (dynamic_cast<const po::required_option*>(&e))
    return "'" + option + "' (" + value + ") is required";
  if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&e))
    if (syntax->kind() == po::invalid_syntax::empty_adjacent_parameter)
      return "'" + option + "=' needs " + value + " after the '='";
  return e.what();
}

}  // namespace

int parse_command_line(const std::string& name, const std::vector<std::string>& args,
                       po::options_description& desc,
                       const po::positional_options_description& positional, po::variables_map& vm,
                       Context& ctx) {
  desc.add_options()("help,h", "print this help");
  try {
    po::store(
        po::command_line_parser(args)
            .options(desc)
            .positional(positional)
            .style(po::command_line_style::unix_style & ~po::command_line_style::allow_guessing)
            .run(),
        vm);
    if (vm.count("help")) {
      for (const CommandInfo& c : commands())
        if (name == c.name)
          ctx.out << "usage: kafkalint " << c.name << " " << c.synopsis << "\n\n"
                  << c.summary << "\n\n";
      ctx.out << desc << "\n";
      return kExitOk;
    }
    po::notify(vm);
    // An option given an empty value (an unset variable in CI: --to "$KAFKA_VERSION") would
    // otherwise act as if it were not given at all: no target version, no baseline.
    std::vector<std::string> positional_names;
    for (unsigned i = 0; i < std::min(positional.max_total_count(), 8u); ++i)
      positional_names.push_back(positional.name_for_position(i));
    for (const auto& [option, value] : vm) {
      // Flags (--fix) hold an empty string too: only options that take a value count.
      const po::option_description* d = desc.find_nothrow(option, false);
      if (value.defaulted() || !d || d->semantic()->max_tokens() == 0 ||
          std::find(positional_names.begin(), positional_names.end(), option) !=
              positional_names.end())
        continue;
      const auto* s = boost::any_cast<std::string>(&value.value());
      if (s && s->empty())
        return usage_error(name, "'--" + option + "' was given an empty value", ctx);
    }
  } catch (const po::unknown_option& e) {
    // A near miss gets its correction: "--form" -> "--format".
    std::string message = e.what();
    std::string written = e.get_option_name();
    if (const std::size_t eq = written.find('='); eq != std::string::npos) written.resize(eq);
    std::vector<std::string> names;
    for (const auto& o : desc.options())
      names.push_back(o->canonical_display_name(po::command_line_style::allow_long));
    const std::vector<std::string> close = core::closest(written, names, 2);
    for (std::size_t i = 0; i < close.size(); ++i)
      message += (i == 0 ? "; did you mean '" : "' or '") + close[i];
    if (!close.empty()) message += "'?";
    return usage_error(name, message, ctx);
  } catch (const po::error& e) {
    return usage_error(name, plain_message(e, desc, name), ctx);
  }
  return -1;
}

}  // namespace kafkalint::cli
