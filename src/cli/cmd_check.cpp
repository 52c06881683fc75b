// kafkalint check: findings on properties files, with fixes, CI formats, baselines.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>

#include "checks/baseline.h"
#include "checks/check_knowledge.h"
#include "checks/engine.h"
#include "checks/gitignore.h"
#include "checks/script_checks.h"
#include "checks/settings.h"
#include "checks/walk.h"
#include "cli/command.h"
#include "cli/options.h"
#include "core/file_io.h"
#include "core/secrets.h"
#include "core/suggest.h"
#include "core/terminal.h"
#include "core/unified_diff.h"
#include "knowledge/catalog.h"
#include "knowledge/store.h"
#include "knowledge/versions.h"
#include "report/diff_color.h"
#include "report/report.h"

namespace kafkalint::cli {

std::string rule_markdown(const knowledge::Rule& r);  // cmd_explain.cpp

namespace {

constexpr const char* kNoTargetNote =
    "note: no target version: only findings that hold for every Kafka release were reported; "
    "pass --to (or set 'to' in .kafkalint.toml)\n";

std::vector<std::string> split_list(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const std::string& s : in) {
    std::size_t i = 0;
    while (i <= s.size()) {
      const std::size_t c = s.find(',', i);
      const std::string item = s.substr(i, c == std::string::npos ? std::string::npos : c - i);
      if (!item.empty()) out.push_back(item);
      if (c == std::string::npos) break;
      i = c + 1;
    }
  }
  return out;
}

std::optional<core::Severity> parse_severity(const std::string& s) {
  if (s == "error") return core::Severity::kError;
  if (s == "warning") return core::Severity::kWarning;
  if (s == "info") return core::Severity::kInfo;
  return std::nullopt;
}

// Resolves a version (or reports it and returns nullptr): unknown versions are usage errors.
// `setting`: where .kafkalint.toml gave the version (file empty: the option gave it), so the
// error points there.
const knowledge::Release* resolve(const knowledge::VersionCatalog& v, const std::string& text,
                                  const char* option, const core::Location& setting, Context& ctx) {
  core::Error err;
  const knowledge::Release* r = v.resolve(text, &err);
  if (r && r->configs_pack.empty()) {
    err.message = "kafkalint has no configuration reference for Kafka " + r->name +
                  " (the generated references start at 0.9)";
    err.hint.clear();
    r = nullptr;
  }
  if (r) return r;
  if (!setting.file.empty()) {
    err.where = setting;
    err.message = "'" + std::string(option + 2) + "': " + err.message;
    report_error(err, ctx);
    return nullptr;
  }
  ctx.err << "kafkalint check: error: " << option << ": " << core::escape_controls(err.message)
          << "\n";
  if (!err.hint.empty()) ctx.err << "  note: " << core::escape_controls(err.hint) << "\n";
  return nullptr;
}

// A file that could not be read or loaded, as a finding: machine formats then carry it.
core::Finding file_failure(const core::Error& e) {
  core::Finding f = knowledge::make_finding(nullptr, RuleId::KL901);
  f.where = e.where;
  if (f.where.line <= 0) f.where.line = 1;
  if (f.where.column <= 0) f.where.column = 1;
  f.message = e.message;
  f.subject = e.message;
  if (!e.hint.empty()) f.notes.push_back(e.hint);
  return f;
}

// SARIF viewers show a rule's why and its page next to each result: take them from the
// documented catalogue, the one `explain` and docs/rules/ use.
void add_rule_help(const knowledge::Store& store, std::vector<report::RuleMeta>& metas) {
  const knowledge::Lookup<knowledge::RuleCatalog> docs = store.documented_rules();
  if (!docs) return;  // the help is extra; the report stands without it
  for (report::RuleMeta& m : metas)
    if (const knowledge::Rule* r = docs->find(m.code)) {
      m.full_description = r->why;
      m.help_markdown = rule_markdown(*r);
    }
}

}  // namespace

namespace {

// Where the search for .kafkalint.toml starts: the folder holding every path checked (a file
// counts by its folder), so that `check ../other-repo/conf` reads that repository's settings,
// not the working directory's; the working directory when no path is given.
std::string settings_start(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::optional<fs::path> common;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::path dir = fs::absolute(p, ec).lexically_normal();
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    if (!common) {
      common = dir;
      continue;
    }
    fs::path shared;
    for (auto a = common->begin(), b = dir.begin();
         a != common->end() && b != dir.end() && *a == *b; ++a, ++b)
      shared /= *a;
    common = shared;
  }
  return common && !common->empty() ? common->string() : ".";
}

}  // namespace

int run_check(const std::vector<std::string>& args, Context& ctx) {
  po::options_description desc("options");
  std::vector<std::string> paths, select, ignore;
  std::string from, to, format = "text", fail_on, role, baseline, write_baseline, bootstrap;
  std::string max_file_size;
  std::string output_file, config, stdin_filename;
  unsigned jobs = 0;
  desc.add_options()("to", po::value(&to)->value_name("VERSION"),
                     "the Kafka version the files must work with (e.g. 3.9)")(
      "from", po::value(&from)->value_name("VERSION"),
      "the Kafka version running today: adds the findings of the upgrade")(
      "format", po::value(&format)->value_name("FORMAT"),
      "text, concise (one line per finding), json, sarif, github, gitlab (Code Quality), junit "
      "or checkstyle")(
      "output-file,o", po::value(&output_file)->value_name("FILE"),
      "write the report to this file (atomically); with a format other than text, the text "
      "report still goes to stdout")("fix", "apply safe fixes to the files")(
      "unsafe-fixes", "with --fix or --diff, also apply fixes that need review")(
      "diff", "print the fixes as a unified diff instead of applying them")(
      "select", po::value(&select)->composing()->value_name("RULES"),
      "only these rules (codes, prefixes like KL4, names)")(
      "ignore", po::value(&ignore)->composing()->value_name("RULES"), "skip these rules")(
      "fail-on", po::value(&fail_on)->value_name("SEVERITY"),
      "lowest severity that fails the run: error, warning (default) or info")(
      "role", po::value(&role)->value_name("ROLE"),
      "read every properties file as broker, producer, consumer, admin, client or topic")(
      "baseline", po::value(&baseline)->value_name("FILE"),
      "report only findings that are not in this baseline file")(
      "write-baseline", po::value(&write_baseline)->value_name("FILE"),
      "write the current findings to a baseline file")("jobs,j", po::value(&jobs)->value_name("N"),
                                                       "worker threads (default: all cores)")(
      "max-file-size", po::value(&max_file_size)->value_name("SIZE"),
      "do not read files larger than SIZE (bytes, or with K, M, G; default 64M; 0: no limit)")(
      "bootstrap-server", po::value(&bootstrap)->value_name("HOST:PORT"),
      "HOST:PORT of a broker: lets fixes replace '--zookeeper ADDR' in scripts safely")(
      "exit-zero", "exit 0 even when findings fail the run (2 still means it could not run)")(
      "statistics", "print how many findings each rule has instead of the findings")(
      "quiet,q", "print the findings only: no summary, no notes")(
      "verbose,v",
      "also tell on stderr which settings file is used, the folders not entered and "
      "how long the check took")(
      "config", po::value(&config)->value_name("FILE"),
      "read the settings from FILE instead of the .kafkalint.toml found upward from the paths")(
      "isolated", "ignore every .kafkalint.toml")(
      "no-respect-gitignore",
      "also check the files .gitignore excludes (by default a folder walk in a git work tree "
      "skips them)")("show-fixes",
                     "list the fixes --fix would apply (with --fix: the fixes it wrote)")(
      "stdin-filename", po::value(&stdin_filename)->value_name("NAME"),
      "the name of the file read from stdin ('-', implied when no path is given): its kind, "
      "role and settings follow from NAME, and findings are reported under it")(
      "path", po::value(&paths)->composing()->value_name("PATH"),
      "files or directories (default .)");
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  if (int rc = parse_command_line("check", args, desc, pos, vm, ctx); rc >= 0) return rc;

  auto fmt = report::parse_format(format);
  if (!fmt) {
    std::string names;
    for (std::string_view n : report::format_names())
      names += (names.empty() ? "" : ", ") + std::string(n);
    return usage_error("check", "unknown format '" + format + "'; expected one of " + names, ctx);
  }
  if (!output_file.empty() && (vm.count("diff") || !write_baseline.empty()))
    return usage_error("check",
                       "'--output-file' writes the report; '--diff' and "
                       "'--write-baseline' print none",
                       ctx);
  if (vm.count("fix") && vm.count("diff"))
    return usage_error("check", "'--fix' and '--diff' exclude each other", ctx);
  // --diff prints the fixes instead of the findings: a baseline written then would be empty.
  if (vm.count("diff") && !write_baseline.empty())
    return usage_error("check", "'--diff' and '--write-baseline' exclude each other", ctx);

  checks::CheckRequest req;
  // '-' is stdin (what editors pipe in), checked under --stdin-filename.
  if (!stdin_filename.empty() && paths.empty()) paths.push_back("-");
  const auto dashes = std::count(paths.begin(), paths.end(), "-");
  if (dashes > 1) return usage_error("check", "'-' (stdin) can be given once", ctx);
  if (!dashes && !stdin_filename.empty())
    return usage_error("check", "'--stdin-filename' names the file read from stdin; add '-'", ctx);
  if (dashes && vm.count("fix"))
    return usage_error("check", "'--fix' cannot write back to stdin; use '--diff'", ctx);
  if (dashes) {
    const std::string name = stdin_filename.empty() ? "-" : stdin_filename;
    req.contents[name] = std::string(std::istreambuf_iterator<char>(std::cin), {});
    std::replace(paths.begin(), paths.end(), std::string("-"), name);
  }
  // A path that does not exist is a finding (KL901), not the end of the run: CI still gets a
  // complete report of the other paths.
  std::vector<core::Finding> missing;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (req.contents.count(p) || std::filesystem::exists(p, ec)) {
      req.paths.push_back(p);
      continue;
    }
    core::Error e;
    e.where.file = p;
    e.message = ec && ec != std::errc::no_such_file_or_directory ? ec.message()
                                                                 : "no such file or directory";
    e.hint = "check the path";
    missing.push_back(file_failure(e));
  }
  req.select = split_list(select);
  req.ignore = split_list(ignore);
  req.fix = vm.count("fix") || vm.count("diff");
  req.unsafe_fixes = vm.count("unsafe-fixes") > 0;
  req.jobs = jobs;
  if (!role.empty()) {
    req.role = checks::parse_role(role);
    if (!req.role)
      return usage_error("check",
                         "unknown role '" + role +
                             "'; expected broker, producer, consumer, admin, client or topic",
                         ctx);
  }
  const bool quiet = vm.count("quiet") > 0, verbose = vm.count("verbose") > 0;
  if (quiet && verbose)
    return usage_error("check", "'--quiet' and '--verbose' exclude each other", ctx);
  if (!config.empty() && vm.count("isolated"))
    return usage_error("check", "'--config' and '--isolated' exclude each other", ctx);
  const auto started = std::chrono::steady_clock::now();
  // Like ruff: a walk skips what git ignores (build output, vendored copies).
  const auto gitignore = std::make_shared<checks::GitIgnore>();
  if (!vm.count("no-respect-gitignore"))
    req.ignored = [gitignore](const std::string& path, bool dir) {
      return gitignore->ignored(path, dir);
    };
  core::Error err;
  std::optional<checks::Settings> settings;
  if (vm.count("isolated"))
    settings = checks::Settings{};
  else if (!config.empty())
    settings = checks::load_settings(config).take(&err);
  else
    settings = checks::find_settings(settings_start(paths)).take(&err);
  if (!settings) return report_error(err, ctx);
  if (verbose) {
    ctx.err << "kafkalint: settings: "
            << (!settings->path.empty()
                    ? core::escape_controls(
                          std::filesystem::absolute(settings->path).lexically_normal().string())
                : vm.count("isolated")
                    ? std::string("none (--isolated)")
                    : "none (no .kafkalint.toml in " +
                          core::escape_controls(settings_start(paths)) + " or above)")
            << "\n";
    req.skipped_folder = [&ctx](const std::string& folder, const char* why) {
      ctx.err << "kafkalint: not entered: " << core::escape_controls(folder) << " (" << why
              << ")\n";
    };
  }
  req.settings = *settings;
  if (!bootstrap.empty()) req.settings.bootstrap_server = bootstrap;
  if (vm.count("max-file-size")) {
    req.settings.max_file_size = checks::parse_size(max_file_size);
    if (!req.settings.max_file_size)
      return usage_error("check",
                         "'--max-file-size " + max_file_size +
                             "' is not a size; give bytes, or a number with K, M or G (0: no "
                             "limit)",
                         ctx);
  }
  // The address is pasted into scripts by fixes: only a plain HOST:PORT list is accepted, so
  // nothing in it can break out of the quoting it lands in ("b1:9092' ; touch x ; echo '");
  // the fix then writes it quoted for its place and checks that it reads back as one word.
  if (req.settings.bootstrap_server &&
      !checks::is_broker_address_list(*req.settings.bootstrap_server))
    return usage_error("check",
                       "bootstrap server '" + *req.settings.bootstrap_server + "' (from " +
                           (bootstrap.empty() ? ".kafkalint.toml" : "--bootstrap-server") +
                           ") is not HOST:PORT[,HOST:PORT...]; letters, digits, '.', '-', '_' and "
                           "[IPv6] hosts only",
                       ctx);
  core::Location to_setting, from_setting;  // set when .kafkalint.toml gives the version
  if (to.empty() && settings->to) {
    to = *settings->to;
    to_setting = settings->to_at;
  }
  if (from.empty() && settings->from) {
    from = *settings->from;
    from_setting = settings->from_at;
  }
  if (fail_on.empty()) fail_on = settings->fail_on.value_or("warning");
  const auto fail_severity = parse_severity(fail_on);
  if (!fail_severity)
    return usage_error(
        "check",
        "unknown severity '" + fail_on + "' for --fail-on; expected error, warning or info", ctx);

  // Start-up is mostly TOML decoding, so the rule, key and safety facts load on a second
  // thread while this one reads the release catalogue and the configuration references.
  knowledge::Store store(ctx.packs);
  using Part = knowledge::Store::Part;
  store.preload({Part::kRules, Part::kKeys, Part::kSafety});
  const knowledge::Lookup<knowledge::VersionCatalog> versions = store.versions();
  if (!versions) return report_error(versions.error(), ctx);
  const knowledge::Release *r_to = nullptr, *r_from = nullptr;
  if (!to.empty() && !(r_to = resolve(*versions, to, "--to", to_setting, ctx))) return kExitFailure;
  if (!from.empty() && !(r_from = resolve(*versions, from, "--from", from_setting, ctx)))
    return kExitFailure;
  if (r_from && r_to && r_to->version < r_from->version)
    return usage_error("check", "--from " + from + " is newer than --to " + to, ctx);
  const std::optional<checks::CheckKnowledge> loaded =
      checks::load_check_knowledge(store, r_to, r_from).take(&err);
  if (!loaded) return report_error(err, ctx);
  const checks::CheckKnowledge& k = *loaded;
  for (const std::string& s : checks::unknown_selectors(req, *k.rules)) {
    std::string msg = "unknown rule selector '" + s + "'";
    if (auto close = k.rules->suggest(s); !close.empty())
      msg += "; did you mean '" + close[0] + "'?";
    return usage_error("check", msg, ctx);
  }

  std::optional<checks::Baseline> base;
  if (!baseline.empty() && !(base = checks::Baseline::load(baseline).take(&err)))
    return report_error(err, ctx);
  if (vm.count("fix"))
    req.write_fixed = [](const std::string& path, const std::string& text, core::Error* e) {
      return core::write_file_atomic(path, text, e);
    };
  // --show-fixes: the fixes as the engine applies them (overlaps resolved), written or not.
  const bool show_fixes = vm.count("show-fixes") > 0;
  std::vector<core::Finding> fix_list;
  if (show_fixes && vm.count("fix"))
    req.fix_written = [&fix_list](const core::Finding& f) { fix_list.push_back(f); };
  else if (show_fixes)
    req.fix = true;  // computed in memory, never written

  // The report is written while the files are checked, a chunk at a time (see run_check).
  const bool diff = vm.count("diff") > 0;
  std::unique_ptr<report::Reporter> reporter;
  std::ostringstream file_report;  // --output-file: written whole, atomically, at the end
  checks::BaselineWriter new_baseline;
  const bool statistics = vm.count("statistics") > 0;
  if (statistics &&
      (diff || !write_baseline.empty() || *fmt != report::Format::kText || !output_file.empty()))
    return usage_error("check",
                       "'--statistics' prints a text table; it does not combine with --diff, "
                       "--write-baseline, --output-file or another --format",
                       ctx);
  std::map<std::string, std::pair<std::size_t, std::string>> counts;  // code -> (n, name)
  std::size_t fixable = 0;
  if (!diff && write_baseline.empty() && !statistics) {
    std::vector<report::RuleMeta> metas;
    for (const knowledge::Rule& r : k.rules->all()) {
      std::string uri;
      for (const knowledge::RuleSource& s : r.sources)
        if (!s.url.empty()) {
          uri = s.url;
          break;
        }
      if (*KAFKALINT_DOCS_URL) uri = std::string(KAFKALINT_DOCS_URL) + "/" + r.code + ".md";
      metas.push_back({r.code, r.name, r.summary, r.severity, uri, "", ""});
    }
    if (*fmt == report::Format::kSarif) add_rule_help(store, metas);
    report::TextStyle style;
    style.color = ctx.color;
    style.summary = !quiet;
    if (output_file.empty()) {
      reporter = report::make_reporter(ctx.out, *fmt, style, std::move(metas), KAFKALINT_VERSION);
    } else {
      // The report goes to a file; the log (stdout) keeps the text report unless the file
      // already is one.
      report::TextStyle plain;
      reporter =
          report::make_reporter(file_report, *fmt, plain, std::move(metas), KAFKALINT_VERSION);
      if (*fmt != report::Format::kText)
        reporter = report::tee(std::move(reporter), report::make_text_reporter(ctx.out, style));
    }
  }
  bool failed_load = false, failing = false;
  std::error_code cwd_error;
  const std::filesystem::path diff_cwd = std::filesystem::current_path(cwd_error);
  // One file outside the working directory and the whole diff names files from '/': a single
  // `git apply` location must serve every file of it.
  bool diff_from_root = false;
  for (const std::string& p : req.paths)
    diff_from_root = diff_from_root || core::outside_dir(p, diff_cwd);
  bool diff_outside = false;      // a diff was printed with names from '/'
  std::set<std::string> printed;  // a broken pack fails every script the same way: say it once
  auto sink = [&](checks::FileOutcome& f) {
    if (show_fixes && !vm.count("fix"))
      fix_list.insert(fix_list.end(), f.fixes.begin(), f.fixes.end());
    for (const core::Error& e : f.errors) {
      failed_load = true;
      if (reporter && e.where.file == f.path)
        reporter->finding(file_failure(e));  // in every format, not only on stderr
      else if (printed.insert(e.render()).second)
        ctx.err << core::escape_controls(e.render(), true) << "\n";
    }
    // A diff shows the files' lines: on a terminal their controls are escaped like every text
    // output; into a pipe or file it keeps the bytes, or `git apply` would not find the lines.
    if (diff && f.fixed) {
      const std::string name = core::patch_path(f.path, diff_cwd, diff_from_root);
      diff_outside = diff_outside || diff_from_root;
      const std::string d = core::unified_diff(*f.original, *f.fixed, "a/" + name, "b/" + name);
      const std::string shown = ctx.out_is_tty ? core::escape_controls(d, true) : d;
      ctx.out << (ctx.color ? report::color_diff(shown) : shown);
    }
    if (f.skipped && reporter) reporter->skipped({f.path, *f.skipped});
    for (const core::Finding& fd : f.findings) {
      if (base && base->absorbs(fd)) continue;
      if (static_cast<int>(fd.severity) >= static_cast<int>(*fail_severity)) failing = true;
      if (statistics) {
        auto& c = counts[fd.code];
        ++c.first;
        c.second = fd.name;
        if (fd.fix && fd.fix->safety == core::FixSafety::kSafe) ++fixable;
        continue;
      }
      if (reporter)
        reporter->finding(fd);
      else if (!diff)
        new_baseline.add(fd);
    }
  };
  if (reporter) {
    char* cwd = ::getcwd(nullptr, 0);
    reporter->run_info({cwd ? cwd : "", k.to ? k.to->name : "", k.from ? k.from->name : ""});
    std::free(cwd);
  }
  for (const core::Finding& m : missing) {
    failed_load = true;
    if (reporter)
      reporter->finding(m);
    else
      ctx.err << core::escape_controls(m.where.file + ": error: " + m.message) << "\n";
  }
  std::optional<checks::CheckSummary> summary;
  if (missing.empty() || !req.paths.empty()) {
    summary = checks::run_check(req, k, sink).take(&err);
    if (!summary) {
      // The report that was started is still finished, so stdout is never a cut document.
      if (reporter) reporter->finish(0);
      return report_error(err, ctx);
    }
  } else {
    summary = checks::CheckSummary{};
  }

  if (!write_baseline.empty() && !diff) {
    if (!core::write_file_atomic(write_baseline, core::secrets().scrub(new_baseline.render()),
                                 &err))
      return report_error(err, ctx);
    const std::size_t n = new_baseline.findings();
    ctx.err << "kafkalint: wrote " << n << " finding" << (n == 1 ? "" : "s") << " to "
            << write_baseline << "\n";
    return failed_load ? kExitFailure : kExitOk;
  }
  if (reporter) {
    reporter->finish(summary->files_checked);
    if (!output_file.empty() &&
        !core::write_file_atomic(output_file, core::secrets().scrub(file_report.str()), &err))
      return report_error(err, ctx);
    if ((*fmt == report::Format::kText || !output_file.empty()) && !quiet) {
      const int fixes = summary->fixes_applied, fixed_files = summary->files_fixed;
      if (fixed_files)
        ctx.out << "fixed " << fixes << " finding" << (fixes == 1 ? "" : "s") << " in "
                << fixed_files << " file" << (fixed_files == 1 ? "" : "s") << "\n";
      if (!k.to) ctx.out << kNoTargetNote;
    }
  }
  if (statistics) {
    // Like ruff --statistics: the rules with the most findings first.
    std::vector<std::pair<std::string, std::pair<std::size_t, std::string>>> rows(counts.begin(),
                                                                                  counts.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    std::size_t total = 0;
    for (const auto& [code, c] : rows) {
      ctx.out << std::to_string(c.first) << "\t" << code << "\t" << c.second << "\n";
      total += c.first;
    }
    if (!quiet)
      ctx.out << total << " finding" << (total == 1 ? "" : "s") << " in " << summary->files_checked
              << " file" << (summary->files_checked == 1 ? "" : "s") << " (" << fixable
              << " fixable with --fix)\n";
    if (!k.to && !quiet) ctx.out << kNoTargetNote;  // the counts are as partial as the findings
  }
  if (show_fixes) {
    // After the report, on stderr when stdout is a document (a diff, JSON, SARIF...).
    std::ostream& os = diff || *fmt != report::Format::kText ? ctx.err : ctx.out;
    os << (vm.count("fix")    ? "fixes applied: "
           : req.unsafe_fixes ? "fixes --fix --unsafe-fixes would apply: "
                              : "fixes --fix would apply: ")
       << (fix_list.empty() ? std::string("none") : std::to_string(fix_list.size())) << "\n";
    for (const core::Finding& f : fix_list)
      os << "  " << core::escape_controls(f.where.file) << ':' << f.where.line << ':'
         << f.where.column << ": " << f.code << ' ' << core::escape_controls(f.fix->title)
         << (f.fix->safety == core::FixSafety::kSafe ? "" : " (unsafe)") << "\n";
  }
  if (verbose) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char took[32];
    std::snprintf(took, sizeof took, "%.2f", secs);
    ctx.err << "kafkalint: checked " << summary->files_checked << " file"
            << (summary->files_checked == 1 ? "" : "s") << " in " << took << " s\n";
  }
  if (diff_outside && !quiet)
    ctx.err << "note: the diff names files outside the current directory by their path from "
               "'/'; apply it there: git -C / apply (or patch -p1 -d /)\n";
  if (failed_load) return kExitFailure;
  if (vm.count("exit-zero")) return kExitOk;
  return failing ? kExitFindings : kExitOk;
}

}  // namespace kafkalint::cli
