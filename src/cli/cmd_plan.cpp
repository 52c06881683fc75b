// kafkalint plan: the rolling-upgrade plan of one cluster.
//
// Exit codes: 0 the plan is ready and the files raised nothing at or above --fail-on;
// 1 the plan was refused (a forbidden pair, one that needs hops, a downgrade) or the files
// have findings; 2 unusable input (unknown version, unreadable file, file Java refuses, no
// broker file).

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>

#include "checks/props_file.h"
#include "checks/walk.h"
#include "checks/worker_kind.h"
#include "cli/command.h"
#include "cli/options.h"
#include "core/file_io.h"
#include "core/secrets.h"
#include "core/terminal.h"
#include "knowledge/store.h"
#include "plan/client_config.h"
#include "plan/migration.h"
#include "plan/plan.h"
#include "plan/plan_knowledge.h"
#include "plan/readiness.h"
#include "plan/render.h"

namespace fs = std::filesystem;

namespace kafkalint::cli {

namespace {

// A version the user named: its line, or (for a known line with no upgrade path, like 0.7)
// that line, which the planner refuses with the reason.
const knowledge::Release* resolve_version(const knowledge::VersionCatalog& v,
                                          const std::string& text, const char* option,
                                          Context& ctx) {
  core::Error err;
  if (const knowledge::Release* r = v.resolve(text, &err)) return r;
  if (auto parsed = core::Version::parse(text))
    if (const knowledge::Release* line = v.find_line(parsed->line()); line && !line->supported)
      return line;
  usage_error("plan", std::string(option) + ": " + err.message, ctx);
  return nullptr;
}

// The broker files: files as given, folders walked for *.properties (sorted) by the walker
// `check` uses, so a loop, a FIFO or an unreadable folder is a note here too, never an abort.
// `walked`: the files found under a folder (not named by the user), which plan reads only when
// they are broker configs.
bool collect(const std::vector<std::string>& paths, std::vector<std::string>* out,
             std::set<std::string>* walked, Context& ctx) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out->push_back(p);
      continue;
    }
    checks::WalkOptions o;
    o.roots = {p};
    o.pick = [](const fs::path& f) {
      return f.extension() == ".properties" ? checks::Candidate::kProperties
                                            : checks::Candidate::kNo;
    };
    checks::Walker walker;
    core::Error err;
    if (!walker.open(std::move(o)).take(&err)) {
      report_error(err, ctx);
      return false;
    }
    std::vector<std::string> found;
    std::vector<checks::Input> folder;
    while (walker.next(&folder))
      for (const checks::Input& in : folder) {
        if (in.note)
          ctx.err << core::escape_controls(in.path)
                  << ": note: not read: " << core::escape_controls(*in.note) << "\n";
        else
          found.push_back(in.path);
      }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
      usage_error("plan", "no *.properties file under '" + p + "'", ctx);
      return false;
    }
    out->insert(out->end(), found.begin(), found.end());
    walked->insert(found.begin(), found.end());
  }
  return true;
}

std::optional<core::Severity> parse_severity(const std::string& s) {
  if (s == "error") return core::Severity::kError;
  if (s == "warning") return core::Severity::kWarning;
  if (s == "info") return core::Severity::kInfo;
  return std::nullopt;
}

}  // namespace

namespace {

// --out mirrors each input's path under phase-N/: two inputs must not land on one file, no
// output may be an input (the inputs are never touched), and nothing under DIR may be a
// symlink that would carry the writes elsewhere. The reason, or nullopt when all is well.
std::optional<std::string> out_problem(const std::string& out_dir, const plan::Plan& p) {
  std::error_code ec;
  std::map<std::string, std::string> by_target;  // relative output path -> input
  std::set<std::string> inputs;
  for (const std::string& b : p.brokers) {
    const std::string rel = plan::out_relative_path(b);
    const fs::path canon = fs::weakly_canonical(b, ec);
    inputs.insert(canon.string());
    const auto [it, fresh] = by_target.emplace(rel, b);
    if (!fresh && fs::weakly_canonical(it->second, ec) != canon)
      return "'" + it->second + "' and '" + b + "' would both be written to " + out_dir +
             "/phase-N/" + rel + "; give the files from one folder (or copy them to one)";
  }
  for (const plan::Phase& ph : p.phases)
    for (const auto& [rel, input] : by_target) {
      const fs::path target = fs::path(out_dir) / ("phase-" + std::to_string(ph.number)) / rel;
      if (inputs.count(fs::weakly_canonical(target, ec).string()))
        return "--out " + out_dir + " would overwrite the input '" + input +
               "'; choose an output folder apart from the inputs";
      // Symlinks under DIR (not DIR itself) would carry the writes outside it.
      fs::path walk = fs::path(out_dir);
      for (const fs::path& part : target.lexically_relative(out_dir)) {
        walk /= part;
        if (fs::is_symlink(fs::symlink_status(walk, ec)))
          return "'" + walk.string() + "' is a symlink inside --out " + out_dir +
                 "; kafkalint does not write through it (remove it or choose another folder)";
      }
    }
  return std::nullopt;
}

}  // namespace

int run_plan(const std::vector<std::string>& args, Context& ctx) {
  po::options_description desc("options");
  std::vector<std::string> paths;
  std::string from, to, format = "text", out_dir, fail_on = "warning";
  std::string controllers, quorum, bridge, max_file_size;
  desc.add_options()("from", po::value(&from)->value_name("VERSION"),
                     "the Kafka version the cluster runs today (e.g. 2.1)")(
      "to", po::value(&to)->value_name("VERSION"), "the Kafka version to upgrade to (e.g. 2.6)")(
      "format", po::value(&format)->value_name("FORMAT"), "text, json or markdown")(
      "out", po::value(&out_dir)->value_name("DIR"),
      "write DIR/phase-N/<file> after every phase, plan.json and plan.md")(
      "pin-message-format", "also pin log.message.format.version where the era does not need it")(
      "exact-protocol", "write protocol versions in their exact form (2.1-IV2 instead of 2.1)")(
      "controllers", po::value(&controllers)->value_name("ID@HOST:PORT,..."),
      "ZooKeeper to KRaft: the new controllers, ID@HOST:PORT,... (ids no broker uses)")(
      "quorum", po::value(&quorum)->value_name("static|dynamic"),
      "ZooKeeper to KRaft: static (controller.quorum.voters, default) or dynamic "
      "(controller.quorum.bootstrap.servers, on a bridge line that has it)")(
      "bridge", po::value(&bridge)->value_name("VERSION"),
      "ZooKeeper to KRaft: the release the migration runs on, one whose line can migrate "
      "('kafkalint versions'); default: the newest such line")(
      "fail-on", po::value(&fail_on)->value_name("SEVERITY"),
      "lowest finding severity that fails the run: error, warning (default) or info")(
      "max-file-size", po::value(&max_file_size)->value_name("SIZE"),
      "refuse broker files larger than SIZE (bytes, or with K, M, G; default 64M; 0: no limit)")(
      "file", po::value(&paths)->composing()->value_name("PATH"),
      "broker files or directories of them");
  po::positional_options_description pos;
  pos.add("file", -1);
  po::variables_map vm;
  if (int rc = parse_command_line("plan", args, desc, pos, vm, ctx); rc >= 0) return rc;
  if (from.empty() || to.empty())
    return usage_error("plan", "both '--from' and '--to' are required", ctx);
  if (format != "text" && format != "json" && format != "markdown")
    return usage_error("plan", "unknown format '" + format + "'; expected text, json or markdown",
                       ctx);
  const auto fail_severity = parse_severity(fail_on);
  if (!fail_severity)
    return usage_error(
        "plan", "unknown severity '" + fail_on + "' for --fail-on; expected error, warning or info",
        ctx);
  if (paths.empty()) return usage_error("plan", "no broker file given", ctx);
  std::uintmax_t size_limit = checks::kDefaultMaxFileSize;
  if (vm.count("max-file-size")) {
    const std::optional<std::uintmax_t> size = checks::parse_size(max_file_size);
    if (!size)
      return usage_error("plan",
                         "'--max-file-size " + max_file_size +
                             "' is not a size; give bytes, or a number with K, M or G (0: no "
                             "limit)",
                         ctx);
    size_limit = *size;
  }
  plan::MigrationOptions migration;
  if (!controllers.empty()) {
    core::Error cerr;
    auto nodes = plan::parse_controllers(controllers).take(&cerr);
    if (!nodes) return usage_error("plan", cerr.message, ctx);
    migration.controllers = std::move(*nodes);
  }
  if (!quorum.empty() && quorum != "static" && quorum != "dynamic")
    return usage_error("plan", "unknown quorum '" + quorum + "'; expected static or dynamic", ctx);
  migration.quorum = quorum == "dynamic" ? plan::Quorum::kDynamic : plan::Quorum::kStatic;
  migration.quorum_given = !quorum.empty();
  migration.bridge = bridge;

  core::Error err;
  const knowledge::Store store(ctx.packs);
  using Part = knowledge::Store::Part;
  if (const core::Error* e =
          store.load({Part::kVersions, Part::kRules, Part::kKeys, Part::kSafety}))
    return report_error(*e, ctx);
  const knowledge::Release* r_from = resolve_version(*store.versions(), from, "--from", ctx);
  if (!r_from) return kExitFailure;
  const knowledge::Release* r_to = resolve_version(*store.versions(), to, "--to", ctx);
  if (!r_to) return kExitFailure;
  auto k = plan::load_plan_knowledge(store, *r_from, *r_to).take(&err);
  if (!k) return report_error(err, ctx);

  std::vector<std::string> files;
  std::set<std::string> walked;
  if (!collect(paths, &files, &walked, ctx)) return kExitFailure;
  std::vector<std::unique_ptr<checks::PropsFile>> loaded;
  for (const std::string& f : files) {
    auto read = checks::read_props(f, size_limit);
    if (!read) return report_error(read.error(), ctx);
    std::unique_ptr<checks::PropsFile> pf = std::move(read).value();
    // A folder also holds the clients', ZooKeeper's, Connect's and Log4j's files: the plan
    // edits brokers only (a pin written into zookeeper.properties would be nonsense).
    if (walked.count(f)) {
      std::optional<std::string> why = checks::other_properties_kind(f);
      if (!why) why = checks::connect_or_mirror_maker(*pf);
      if (!why && k->from_configs) {
        const std::optional<checks::Role> named = checks::role_from_name(f);
        const checks::Role r = named ? *named : checks::role_from_content(*pf, *k->from_configs);
        if (r != checks::Role::kBroker)
          why = std::string("a ") + checks::role_name(r) + " config, not a broker's";
      }
      if (why) {
        ctx.err << core::escape_controls(f) << ": note: not read: " << core::escape_controls(*why)
                << "\n";
        continue;
      }
    }
    pf->role = checks::Role::kBroker;
    pf->role_reason = "plan";
    loaded.push_back(std::move(pf));
  }
  if (loaded.empty())
    return usage_error("plan", "no broker config among the *.properties files given", ctx);
  std::vector<const checks::PropsFile*> ptrs;
  for (const auto& f : loaded) ptrs.push_back(f.get());

  plan::PlanOptions options;
  options.pin_message_format = vm.count("pin-message-format") > 0;
  options.exact_protocol = vm.count("exact-protocol") > 0;
  plan::Plan p;
  if (plan::is_migration(*r_to, ptrs, migration)) {
    auto road = plan::make_migration_plan(store, *r_from, *r_to, from, to, ptrs, options, migration)
                    .take(&err);
    if (!road) return report_error(err, ctx);
    p = std::move(*road);
  } else {
    p = plan::make_plan(*r_from, *r_to, from, to, ptrs, *k, options);
    plan::add_readiness(&p, *store.versions(), *r_from, *r_to);
  }

  if (!out_dir.empty())
    if (const std::optional<std::string> problem = out_problem(out_dir, p))
      return usage_error("plan", *problem, ctx);

  const std::string json = plan::render_json(p);
  if (format == "json")
    ctx.out << json;
  else if (format == "markdown")
    ctx.out << core::escape_controls(plan::render_markdown(p), true);
  else
    ctx.out << core::escape_controls(plan::render_text(p), true);

  if (!out_dir.empty()) {
    // The input files are never touched: every phase gets its own copy.
    std::error_code ec;
    auto write = [&](const fs::path& target, const std::string& text) {
      fs::create_directories(target.parent_path(), ec);
      if (ec) {
        err.where.file = target.parent_path().string();
        err.message = "cannot create directory: " + ec.message();
        return false;
      }
      return core::write_file_atomic(target.string(), text, &err);
    };
    for (const plan::Phase& ph : p.phases) {
      const fs::path dir = fs::path(out_dir) / ("phase-" + std::to_string(ph.number));
      for (std::size_t i = 0; i < p.brokers.size(); ++i) {
        // A new controller file exists from the phase that creates it on.
        if (i < p.created_in.size() && p.created_in[i] > ph.number) continue;
        if (!write(dir / plan::out_relative_path(p.brokers[i]), ph.files_after[i]))
          return report_error(err, ctx);
      }
      // The way back: the files of every revert step that edits files ("" = file removed).
      for (std::size_t r = 0; r < ph.revert.size(); ++r)
        for (std::size_t i = 0; i < ph.revert[r].files.size(); ++i)
          if (!ph.revert[r].files[i].empty() &&
              !write(dir / "revert" / ("step-" + std::to_string(r + 1)) /
                         plan::out_relative_path(p.brokers[i]),
                     ph.revert[r].files[i]))
            return report_error(err, ctx);
    }
    fs::create_directories(out_dir, ec);
    // The admin tools' settings that the printed commands pass on a secured listener.
    if (const std::optional<plan::NewFile> client = plan::client_config(p);
        client && !write(fs::path(out_dir) / client->path, client->content))
      return report_error(err, ctx);
    // The reports in --out are scrubbed like the printed plan; the phase files keep secrets.
    if (!core::write_file_atomic((fs::path(out_dir) / "plan.json").string(),
                                 core::secrets().scrub(json), &err) ||
        !core::write_file_atomic((fs::path(out_dir) / "plan.md").string(),
                                 core::secrets().scrub(plan::render_markdown(p)), &err))
      return report_error(err, ctx);
  }

  if (p.refused) return kExitFindings;
  for (const core::Finding& f : p.findings)
    if (static_cast<int>(f.severity) >= static_cast<int>(*fail_severity)) return kExitFindings;
  return kExitOk;
}

}  // namespace kafkalint::cli
