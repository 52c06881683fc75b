// `kafkalint show FILE [--format text|json] [--effective --to V]`: the properties exactly as
// Kafka loads them, optionally with release V's defaults for the keys the file leaves unset.

#include <algorithm>
#include <ostream>

#include "checks/props_file.h"
#include "cli/command.h"
#include "cli/options.h"
#include "core/file_io.h"
#include "knowledge/configs.h"
#include "knowledge/store.h"
#include "knowledge/versions.h"
#include "properties/document.h"
#include "properties/text.h"

namespace kafkalint::cli {

namespace {

struct EffectiveEntry {
  std::string key;
  std::optional<std::string> value;  // nullopt: the default is null (the key stays unset)
  bool is_default = false;
};

// The file's map plus V's defaults for every key of the role's scopes the file leaves unset.
int show_effective(const properties::Document& doc, const std::string& file, const std::string& to,
                   const std::string& role_name, const std::string& format, Context& ctx) {
  const knowledge::Store store(ctx.packs);
  const knowledge::Lookup<knowledge::VersionCatalog> versions = store.versions();
  if (!versions) return report_error(versions.error(), ctx);
  core::Error err;
  const knowledge::Release* release = versions->resolve(to, &err);
  if (!release) {
    ctx.err << "kafkalint show: error: --to: " << err.message << "\n";
    if (!err.hint.empty()) ctx.err << "  note: " << err.hint << "\n";
    return kExitFailure;
  }
  const knowledge::Lookup<knowledge::ConfigCatalog> configs = store.configs(*release);
  if (configs.failed()) return report_error(configs.error(), ctx);
  if (!configs)
    return usage_error("show",
                       "kafkalint has no configuration reference for Kafka " + release->name +
                           " (the generated references start at 0.9)",
                       ctx);

  // The role decides whose defaults apply: --role, else the file name, else its keys.
  checks::Role role = checks::Role::kBroker;
  if (!role_name.empty()) {
    auto r = checks::parse_role(role_name);
    if (!r)
      return usage_error("show",
                         "unknown role '" + role_name +
                             "'; expected broker, producer, consumer, admin, client or topic",
                         ctx);
    role = *r;
  } else if (auto r = checks::role_from_name(file)) {
    role = *r;
  } else {
    auto f = checks::load_props(file, doc.text());
    role = checks::role_from_content(*f, *configs);
  }

  std::vector<EffectiveEntry> entries;
  for (const auto& [k, v] : doc.effective())
    entries.push_back({std::string(k), std::string(v), false});
  for (knowledge::Scope scope : checks::role_scopes(role))
    for (const knowledge::ConfigKey& key : configs->keys(scope)) {
      if (key.required || doc.find(key.name)) continue;
      if (std::any_of(entries.begin(), entries.end(),
                      [&](const EffectiveEntry& e) { return e.key == key.name; }))
        continue;  // a client role spans scopes that share keys
      entries.push_back({key.name, key.default_value, true});
    }
  std::sort(entries.begin(), entries.end(), [](const EffectiveEntry& a, const EffectiveEntry& b) {
    return properties::utf16_less(a.key, b.key);
  });

  std::string out;
  if (format == "json") {
    // {"key": {"value": "...", "default": false}, ...}; a null default has "value": null.
    out += "{";
    bool first = true;
    for (const EffectiveEntry& e : entries) {
      out += first ? "\n  " : ",\n  ";
      first = false;
      properties::append_json_string(out, e.key);
      out += ": {\"value\": ";
      if (e.value)
        properties::append_json_string(out, *e.value);
      else
        out += "null";
      out += e.is_default ? ", \"default\": true}" : ", \"default\": false}";
    }
    out += first ? "}\n" : "\n}\n";
  } else {
    // The file's own keys, then the defaults under a comment: still a file Java can load.
    for (const EffectiveEntry& e : entries)
      if (!e.is_default)
        out += properties::escape_key(e.key) + "=" + properties::escape_value(*e.value) + "\n";
    out += "# defaults of Kafka " + release->name + " for a " + checks::role_name(role) +
           " config (keys the file leaves unset)\n";
    for (const EffectiveEntry& e : entries) {
      if (!e.is_default) continue;
      if (e.value)
        out += properties::escape_key(e.key) + "=" + properties::escape_value(*e.value) + "\n";
      else
        out += "# " + properties::escape_key(e.key) + " has no default (null)\n";
    }
  }
  ctx.out.write(out.data(), static_cast<std::streamsize>(out.size()));
  return kExitOk;
}

}  // namespace

int run_show(const std::vector<std::string>& args, Context& ctx) {
  std::string file;
  std::string format, to, role;
  po::options_description desc("options");
  desc.add_options()("format", po::value(&format)->value_name("FORMAT")->default_value("text"),
                     "text: one 'key=value' line per key, escaped so Java reads the same map back; "
                     "json: one object {\"key\": \"value\", ...}")(
      "effective", "add the defaults of --to's release for the keys the file leaves unset")(
      "to", po::value(&to)->value_name("VERSION"),
      "the Kafka release whose defaults --effective uses (e.g. 2.6)")(
      "role", po::value(&role)->value_name("ROLE"),
      "with --effective: broker, producer, consumer, admin, client or topic "
      "(default: from the file name, then its keys)")(
      "file", po::value(&file)->required()->value_name("FILE"),
      "the properties file (also the first argument)");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (int rc = parse_command_line("show", args, desc, positional, vm, ctx); rc >= 0) return rc;
  if (format != "text" && format != "json")
    return usage_error("show", "unknown format '" + format + "'; expected 'text' or 'json'", ctx);
  const bool effective = vm.count("effective") > 0;
  if (effective && to.empty())
    return usage_error("show", "'--effective' needs '--to VERSION': whose defaults to add", ctx);
  if (!effective && (!to.empty() || !role.empty()))
    return usage_error("show", "'--to' and '--role' go with '--effective'", ctx);

  core::Error err;
  auto bytes = core::read_file(file, &err);
  if (!bytes) return report_error(err, ctx);
  const properties::ParseResult parsed = properties::parse(std::move(*bytes), file);
  if (!parsed.ok()) {
    for (const core::Error& e : parsed.errors) report_error(e, ctx);
    return kExitFailure;
  }
  if (effective) return show_effective(parsed.doc, file, to, role, format, ctx);
  // Keys in Java's String order (UTF-16 code units), the order of a TreeMap in Kafka tools.
  // Written in pieces: the map of a large file is never built whole (issue 16: peak memory).
  const auto write = [&ctx](std::string_view piece) {
    ctx.out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  };
  if (format == "json")
    properties::to_json(parsed.doc, write);
  else
    properties::to_properties(parsed.doc, write);
  return kExitOk;
}

}  // namespace kafkalint::cli
