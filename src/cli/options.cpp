#include "cli/options.h"

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
    return usage_error(name, e.what(), ctx);
  }
  return -1;
}

}  // namespace kafkalint::cli
