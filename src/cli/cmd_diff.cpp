// kafkalint diff: what differs between two properties files, with defaults and upgrade notes.
//
// Exit codes follow diff(1) and the rest of kafkalint: 0 no difference, 1 differences,
// 2 unusable input (unknown version, unreadable file, file Java refuses).

#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "checks/props_file.h"
#include "checks/template.h"
#include "cli/command.h"
#include "cli/options.h"
#include "core/file_io.h"
#include "core/terminal.h"
#include "diff/diff.h"
#include "knowledge/catalog.h"
#include "knowledge/configs.h"
#include "knowledge/store.h"
#include "knowledge/versions.h"
#include "properties/document.h"

namespace kafkalint::cli {

namespace {

std::string quoted(const std::optional<std::string>& v, bool dflt) {
  if (!v) return "(unset)";
  return "'" + *v + "'" + (dflt ? " (default)" : "");
}

// Reads `path` as read_props() does, keeping only what a diff reads: the parsed document and
// the template ranges (for the role). A plain file's bytes become its document without a
// second copy, so a diff of two 200 MB files stays within 3x their size (issue 16).
std::unique_ptr<checks::PropsFile> read_for_diff(const std::string& path, core::Error* err) {
  auto bytes = core::read_file(path, err);
  if (!bytes) return nullptr;
  const checks::TemplateSyntax syntax = checks::detect_template(path, *bytes);
  std::unique_ptr<checks::PropsFile> f;
  if (syntax != checks::TemplateSyntax::kNone) {
    f = checks::load_props(path, std::move(*bytes));
  } else {
    f = std::make_unique<checks::PropsFile>();
    f->path = path;
    f->mask = checks::mask_template(*bytes, syntax);
    std::string().swap(f->mask.text);  // the bytes unchanged: the document holds them
    f->parsed = properties::parse(std::move(*bytes), path);
  }
  if (f->refused()) {
    *err = checks::refusals(*f).front();
    return nullptr;
  }
  return f;
}

}  // namespace

int run_diff(const std::vector<std::string>& args, Context& ctx) {
  po::options_description desc("options");
  std::vector<std::string> files;
  std::string from, to, format = "text", role;
  desc.add_options()("from", po::value(&from)->value_name("VERSION"),
                     "the Kafka version A is read with (its defaults fill A's unset keys)")(
      "to", po::value(&to)->value_name("VERSION"),
      "the Kafka version B is read with (its defaults fill B's unset keys)")(
      "format", po::value(&format)->value_name("FORMAT"), "text or json")(
      "role", po::value(&role)->value_name("ROLE"),
      "read both files as broker, producer, consumer, admin, client or topic")(
      "file", po::value(&files)->composing()->value_name("FILE"), "A and B");
  po::positional_options_description pos;
  pos.add("file", -1);
  po::variables_map vm;
  if (int rc = parse_command_line("diff", args, desc, pos, vm, ctx); rc >= 0) return rc;
  if (files.size() != 2) return usage_error("diff", "expected two files, A and B", ctx);
  if (format != "text" && format != "json")
    return usage_error("diff", "unknown format '" + format + "'; expected text or json", ctx);

  core::Error err;
  const knowledge::Store store(ctx.packs);
  using Part = knowledge::Store::Part;
  if (const core::Error* e = store.load({Part::kVersions, Part::kRules, Part::kKeys}))
    return report_error(*e, ctx);
  const knowledge::VersionCatalog& versions = *store.versions();

  // Each version is resolved to its line; its configuration reference gives the defaults.
  auto reference = [&](const std::string& text,
                       const knowledge::Release** release) -> const knowledge::ConfigCatalog* {
    *release = versions.resolve(text, &err);
    if (!*release) return nullptr;
    const knowledge::Lookup<knowledge::ConfigCatalog> c = store.configs(**release);
    if (c.failed())
      err = c.error();
    else if (!c)
      err.message = "kafkalint has no configuration reference for Kafka " + (*release)->name;
    return c.get();
  };
  const knowledge::Release *r_from = nullptr, *r_to = nullptr;
  const knowledge::ConfigCatalog *a_cat = nullptr, *b_cat = nullptr;
  if (!from.empty() && !(a_cat = reference(from, &r_from)))
    return usage_error("diff", "--from: " + err.message, ctx);
  if (!to.empty() && !(b_cat = reference(to, &r_to)))
    return usage_error("diff", "--to: " + err.message, ctx);
  if (r_from && r_to && r_to->version < r_from->version)
    return usage_error("diff", "--from " + from + " is newer than --to " + to, ctx);

  std::vector<std::unique_ptr<checks::PropsFile>> loaded;
  for (const std::string& f : files) {
    auto pf = read_for_diff(f, &err);
    if (!pf) return report_error(err, ctx);
    loaded.push_back(std::move(pf));
  }

  // Role: --role, then B's file name, then A's, then B's keys.
  std::optional<checks::Role> r;
  std::string role_reason = "--role";
  if (!role.empty()) {
    r = checks::parse_role(role);
    if (!r)
      return usage_error("diff",
                         "unknown role '" + role +
                             "'; expected broker, producer, consumer, admin, client or topic",
                         ctx);
  }
  if (!r) {
    role_reason = "file name";
    r = checks::role_from_name(files[1]);
    if (!r) r = checks::role_from_name(files[0]);
  }
  if (!r) {
    role_reason = "content";
    const knowledge::ConfigCatalog* cat = b_cat ? b_cat : a_cat;
    if (!cat) {
      // Neither version given: the newest released reference tells the role.
      const knowledge::Release* newest = knowledge::newest_reference(versions);
      if (!newest) {
        core::Error none;
        none.message = "no released Kafka line has a configuration reference";
        return report_error(none, ctx);
      }
      const knowledge::Lookup<knowledge::ConfigCatalog> c = store.configs(*newest);
      if (!c) return report_error(c.error(), ctx);
      cat = c.get();
    }
    r = checks::role_from_content(*loaded[1], *cat);
  }

  diff::DiffOptions o;
  o.scopes = checks::role_scopes(*r);
  o.a_configs = a_cat;
  o.b_configs = b_cat;
  o.keys = store.keys().get();
  if (r_from) o.from = r_from->name;
  if (r_to) o.to = r_to->name;
  if (const knowledge::Release* dyn =
          versions.milestone_line(knowledge::Milestone::kDynamicBrokerConfigs))
    o.dynamic_configs_since = dyn->version;
  const auto changes = diff::diff_documents(loaded[0]->doc(), loaded[1]->doc(), o);

  bool differs = false;
  bool secured_commands = false;
  for (const diff::KeyDiff& d : changes) {
    differs = differs || d.change != diff::Change::kSame || !d.invalid.empty();
    secured_commands = secured_commands || d.command.find("--command-config") != std::string::npos;
  }
  if (format == "json") {
    nlohmann::ordered_json j;
    j["a"] = files[0];
    j["b"] = files[1];
    if (r_from) j["from"] = from;
    if (r_to) j["to"] = to;
    j["role"] = checks::role_name(*r);
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const diff::KeyDiff& d : changes) {
      nlohmann::ordered_json x;
      x["key"] = d.key;
      x["change"] = diff::to_string(d.change);
      if (d.a) x["a"] = *d.a;
      if (d.b) x["b"] = *d.b;
      x["a_default"] = d.a_default;
      x["b_default"] = d.b_default;
      if (d.change != diff::Change::kSame && o.scopes.front() == knowledge::Scope::kBroker &&
          d.in_files)
        x["update"] = diff::to_string(d.update);
      if (!d.command.empty()) x["command"] = d.command;
      if (!d.invalid.empty()) x["invalid"] = d.invalid;
      x["notes"] = d.notes;
      arr.push_back(std::move(x));
    }
    j["changes"] = std::move(arr);
    ctx.out << j.dump(2) << "\n";
    return differs ? kExitFindings : kExitOk;
  }

  // Keys, values and notes quote the files: built whole, then printed with controls escaped.
  std::ostringstream text;
  auto label = [](const std::string& file, const std::string& v) {
    return file + (v.empty() ? "" : " (Kafka " + v + ", defaults included)");
  };
  text << "--- " << label(files[0], from) << "\n+++ " << label(files[1], to) << "\n";
  text << "role: " << checks::role_name(*r) << " (" << role_reason << ")\n";
  if (changes.empty()) text << "no differences\n";
  for (const diff::KeyDiff& d : changes) {
    switch (d.change) {
      case diff::Change::kAdded:
        text << "+ " << d.key << " = " << quoted(d.b, d.b_default) << "\n";
        break;
      case diff::Change::kRemoved:
        text << "- " << d.key << " = " << quoted(d.a, d.a_default) << "\n";
        break;
      case diff::Change::kChanged:
        text << "~ " << d.key << ": " << quoted(d.a, d.a_default) << " -> "
             << quoted(d.b, d.b_default) << "\n";
        break;
      case diff::Change::kSame:
        text << "  " << d.key << " = " << quoted(d.b, d.b_default) << "\n";
        break;
    }
    if (d.change != diff::Change::kSame && o.scopes.front() == knowledge::Scope::kBroker &&
        d.in_files) {
      switch (d.update) {
        case diff::Update::kRestart:
          text << "    needs a restart\n";
          break;
        case diff::Update::kPerBroker:
          text << "    live, per broker: "
               << (d.command.empty() ? "once B's value is valid" : d.command) << "\n";
          break;
        case diff::Update::kClusterWide:
          text << "    live, cluster-wide: "
               << (d.command.empty() ? "once B's value is valid" : d.command) << "\n";
          break;
        case diff::Update::kUnknown:
          if (r_from || r_to) text << "    update mode unknown: restart to be safe\n";
          break;
      }
    }
    if (!d.invalid.empty()) text << "    error: " << d.invalid << "\n";
    for (const std::string& n : d.notes) text << "    note: " << n << "\n";
  }
  if (secured_commands)
    text << "The commands connect to B's secured listener: client.properties holds the admin "
            "client's security.protocol, SASL and TLS settings for it.\n";
  ctx.out << core::escape_controls(text.str(), true);
  return differs ? kExitFindings : kExitOk;
}

}  // namespace kafkalint::cli
