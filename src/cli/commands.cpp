#include <cstdlib>
#include <ostream>

#include "cli/color.h"
#include "cli/command.h"
#include "cli/options.h"
#include "core/secrets.h"
#include "core/suggest.h"

namespace kafkalint::cli {

const std::vector<CommandInfo>& commands() {
  static const std::vector<CommandInfo> table = {
      // Rows are added as commands land; `kafkalint --help` lists them in this order.
      {"show", "FILE [--format text|json]", "print the properties exactly as Kafka loads them",
       run_show},
      {"edit", "FILE [--set KEY=VALUE]... [--unset KEY]... [--comment KEY]... [--write | --diff]",
       "edit a properties file losslessly", run_edit},
      {"check",
       "[PATH...] [--to VERSION] [--from VERSION] [--format FORMAT] [--output-file FILE] [--fix | "
       "--diff]",
       "find problems in broker and client configs", run_check},
      {"plan",
       "--from VERSION --to VERSION BROKER_FILE... [--controllers ID@HOST:PORT,...] "
       "[--format text|json|markdown] [--out DIR]",
       "plan a rolling upgrade (or a ZooKeeper to KRaft migration): phases with exact edits per "
       "file",
       run_plan},
      {"diff", "A B [--from VERSION] [--to VERSION] [--format text|json]",
       "compare two properties files, with defaults and upgrade notes", run_diff},
      {"versions", "[--format text|json]", "list the Kafka releases the rule packs know",
       run_versions},
      {"rules", "[--format text|json]", "list the rules", run_rules},
      {"explain", "RULE | --all [--format text|markdown|json]",
       "explain one rule: what, why, example, fix, source", run_explain},
  };
  return table;
}

namespace {

void print_usage(std::ostream& os) {
  os << "usage: kafkalint [--rules DIR]... COMMAND [ARGS]\n\n"
        "Lints Kafka broker and client configs and plans rolling upgrades.\n\n"
        "commands:\n";
  for (const CommandInfo& c : commands()) {
    std::string name = c.name;
    name.resize(10, ' ');
    os << "  " << name << c.summary << "\n";
  }
  os << "\nglobal options:\n"
        "  --rules DIR   load extra rule packs laid out like rules/ (may repeat)\n"
        "  --show-secrets  print password values instead of [hidden] (any command)\n"
        "  --color WHEN  auto (default: on a terminal unless NO_COLOR is set or TERM=dumb;\n"
        "                FORCE_COLOR forces it), always or never (any command)\n"
        "  --help        print this help; 'kafkalint COMMAND --help' for a command\n"
        "  --version     print the version\n\n"
        "exit codes: 0 clean, 1 findings at or above the failing severity, 2 could not do the "
        "job\n";
}

}  // namespace

int run_command(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err,
                bool out_is_tty, std::ostream& raw_out);

int run(const std::vector<std::string>& argv_in, std::ostream& raw_out, std::ostream& raw_err,
        bool out_is_tty) {
  // Secrets (password values, JAAS configs) are shown as [hidden] in everything printed,
  // unless --show-secrets (anywhere on the line) asks otherwise.
  std::vector<std::string> argv;
  bool show_secrets = false;
  for (const std::string& a : argv_in) {
    if (a == "--show-secrets")
      show_secrets = true;
    else
      argv.push_back(a);
  }
  core::secrets().set_enabled(!show_secrets);
  core::ScrubBuf out_buf(raw_out.rdbuf());
  core::ScrubBuf err_buf(raw_err.rdbuf());
  std::ostream out(&out_buf);
  std::ostream err(&err_buf);
  const auto flush = [&](int code) {
    out.flush();
    err.flush();
    if (!out) raw_out.setstate(std::ios::badbit);
    return code;
  };
  return flush(run_command(argv, out, err, out_is_tty, raw_out));
}

int run_command(const std::vector<std::string>& argv_in, std::ostream& out, std::ostream& err,
                bool out_is_tty, std::ostream& raw_out) {
  Context ctx{out, err, false, false, {}};
  ctx.config_out = &raw_out;
  ctx.out_is_tty = out_is_tty;
  // --color is accepted anywhere on the line, like ruff's and grep's.
  std::vector<std::string> argv = argv_in;
  const core::Result<std::optional<ColorWhen>> when = take_color_option(&argv);
  if (!when) {
    err << "kafkalint: error: " << when.error().message << "\n";
    return kExitFailure;
  }
  ctx.color = use_color(when->value_or(ColorWhen::kAuto), out_is_tty);

  // Global options come before the command name.
  std::size_t i = 1;
  for (; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--help" || a == "-h") {
      print_usage(out);
      return kExitOk;
    }
    if (a == "--version") {
      out << "kafkalint " << KAFKALINT_VERSION << "\n";
      return kExitOk;
    }
    std::string dir;
    if (a == "--rules") {
      if (i + 1 >= argv.size()) {
        err << "kafkalint: error: '--rules' needs a directory\n";
        return kExitFailure;
      }
      dir = argv[++i];
    } else if (a.rfind("--rules=", 0) == 0) {
      dir = a.substr(8);
    } else {
      break;
    }
    core::Error e;
    if (!ctx.packs.add_directory(dir).take(&e)) return report_error(e, ctx);
  }
  if (i >= argv.size()) {
    print_usage(err);
    return kExitFailure;
  }
  std::string name = argv[i];
  std::vector<std::string> args(argv.begin() + static_cast<std::ptrdiff_t>(i) + 1, argv.end());
  // "kafkalint help" and "kafkalint help CMD", as git and cargo have them.
  if (name == "help") {
    if (args.empty()) {
      print_usage(out);
      return kExitOk;
    }
    name = args.front();
    args = {"--help"};
  }
  // --rules is also accepted after the command name, where users tend to put it.
  for (std::size_t j = 0; j < args.size();) {
    std::string dir;
    std::size_t consumed = 0;
    if (args[j] == "--rules" && j + 1 < args.size()) {
      dir = args[j + 1];
      consumed = 2;
    } else if (args[j].rfind("--rules=", 0) == 0) {
      dir = args[j].substr(8);
      consumed = 1;
    }
    if (!consumed) {
      ++j;
      continue;
    }
    core::Error e;
    if (!ctx.packs.add_directory(dir).take(&e)) return report_error(e, ctx);
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(j),
               args.begin() + static_cast<std::ptrdiff_t>(j + consumed));
  }
  std::vector<std::string> names;
  for (const CommandInfo& c : commands()) {
    if (name == c.name) return c.run(args, ctx);
    names.push_back(c.name);
  }
  if (name.rfind('-', 0) == 0) {
    // 'kafkalint --to 3.9 check': a command's option before the command.
    for (const std::string& a : args)
      for (const CommandInfo& c : commands())
        if (a == c.name) {
          err << "kafkalint: error: '" << name << "' comes before the command; options of '"
              << c.name << "' go after it: kafkalint " << c.name << " " << name << " ...\n";
          return kExitFailure;
        }
    err << "kafkalint: error: unknown option '" << name
        << "'; before the command kafkalint takes --rules, --color, --show-secrets, --help and "
           "--version\n  note: run 'kafkalint --help' for the list of commands\n";
    return kExitFailure;
  }
  err << "kafkalint: error: unknown command '" << name << "'";
  if (auto s = core::closest(name, names, 1); !s.empty()) err << "; did you mean '" << s[0] << "'?";
  err << "\n  note: run 'kafkalint --help' for the list of commands\n";
  return kExitFailure;
}

}  // namespace kafkalint::cli
