// `kafkalint versions [--format text|json]`: the Kafka release lines the packs know, with
// their patches, ZooKeeper/KRaft support, protocol defaults and which generated packs exist.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/command.h"
#include "cli/options.h"
#include "knowledge/store.h"
#include "knowledge/versions.h"

namespace kafkalint::cli {

namespace {

using knowledge::Release;

std::string patch_range(const Release& r) {
  if (r.patches.empty()) return "-";
  if (r.patches.size() == 1) return r.patches.front();
  return r.patches.front() + ".." + r.patches.back();
}

std::string status_of(const Release& r) {
  if (!r.supported) return "no path";
  return r.released ? "released" : "unreleased";
}

std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

/// "configs cli" for the packs that exist; a declared but absent pack is marked so the
/// table never claims coverage it does not have.
std::string packs_of(const Release& r, const knowledge::PackSource& packs) {
  std::string out;
  auto add = [&](const std::string& kind, const std::string& name) {
    if (name.empty()) return;
    if (!out.empty()) out += ' ';
    out += kind;
    if (!packs.find("kafka/" + kind + "/" + name + ".toml")) out += "(missing)";
  };
  add("configs", r.configs_pack);
  add("cli", r.cli_pack);
  return out.empty() ? "-" : out;
}

void print_table(const std::vector<std::vector<std::string>>& rows, std::ostream& os) {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], row[i].size());
    }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(width[i] - row[i].size() + 2, ' ');
    }
    os << line << "\n";
  }
}

nlohmann::json to_json(const knowledge::VersionCatalog& cat, const knowledge::PackSource& packs) {
  nlohmann::json lines = nlohmann::json::array();
  for (const Release& r : cat.lines()) {
    nlohmann::json j;
    j["name"] = r.name;
    j["status"] = r.released ? "released" : "unreleased";
    j["supported"] = r.supported;
    if (!r.supported) j["unsupported_reason"] = r.unsupported_reason;
    j["patches"] = r.patches;
    nlohmann::json dates = nlohmann::json::object();
    for (const auto& [patch, date] : r.tag_dates) dates[patch] = date;
    j["tag_dates"] = dates;
    j["zookeeper"] = knowledge::to_string(r.zookeeper);
    j["kraft"] = knowledge::to_string(r.kraft);
    j["zk_migration"] = knowledge::to_string(r.zk_migration);
    j["protocol_versions"] = r.protocol_versions;
    if (!r.unstable_protocol_versions.empty())
      j["unstable_protocol_versions"] = r.unstable_protocol_versions;
    if (r.record_format != knowledge::RecordFormat::kNone)
      j["record_format"] = knowledge::to_string(r.record_format);
    j["ibp_default"] = r.ibp_key ? nlohmann::json(r.ibp_default) : nlohmann::json(nullptr);
    j["lmfv_default"] = r.lmfv_key ? nlohmann::json(r.lmfv_default) : nlohmann::json(nullptr);
    j["startup_check"] = knowledge::to_string(r.startup_check);
    nlohmann::json mvs = nlohmann::json::array();
    for (const auto& mv : r.metadata_versions)
      mvs.push_back(
          {{"name", mv.name}, {"level", mv.level}, {"metadata_change", mv.metadata_change}});
    j["metadata_versions"] = mvs;
    if (!r.mv_latest_production.empty()) j["mv_latest_production"] = r.mv_latest_production;
    nlohmann::json p = nlohmann::json::object();
    for (const auto& [kind, name] :
         {std::pair<std::string, std::string>{"configs", r.configs_pack}, {"cli", r.cli_pack}}) {
      if (name.empty()) continue;
      p[kind] = {{"name", name},
                 {"present", packs.find("kafka/" + kind + "/" + name + ".toml").has_value()}};
    }
    j["packs"] = p;
    j["source"] = r.source;
    lines.push_back(std::move(j));
  }
  nlohmann::json constraints = nlohmann::json::array();
  for (const auto& c : cat.constraints()) {
    nlohmann::json j = {{"id", c.id},
                        {"kind", knowledge::to_string(c.kind)},
                        {"mode", knowledge::to_string(c.mode)},
                        {"rule", core::code(c.rule)},
                        {"message", c.message},
                        {"source", c.source}};
    for (const auto& [key, v] : {std::pair{"from_min", &c.from_min},
                                 {"from_max", &c.from_max},
                                 {"to_min", &c.to_min},
                                 {"to_max", &c.to_max},
                                 {"via_min", &c.via_min},
                                 {"via_max", &c.via_max}})
      if (*v) j[key] = (*v)->str();
    constraints.push_back(std::move(j));
  }
  nlohmann::json issues = nlohmann::json::array();
  for (const auto& k : cat.known_issues())
    issues.push_back({{"releases", k.releases},
                      {"rule", core::code(k.rule)},
                      {"message", k.message},
                      {"source", k.source}});
  return {{"lines", lines}, {"constraints", constraints}, {"known_issues", issues}};
}

}  // namespace

int run_versions(const std::vector<std::string>& args, Context& ctx) {
  std::string format;
  po::options_description desc("options");
  desc.add_options()("format", po::value(&format)->value_name("FORMAT")->default_value("text"),
                     "text: a table of release lines; json: every fact of versions.toml");
  po::positional_options_description positional;
  po::variables_map vm;
  if (int rc = parse_command_line("versions", args, desc, positional, vm, ctx); rc >= 0) return rc;
  if (format != "text" && format != "json")
    return usage_error("versions", "unknown format '" + format + "'; expected 'text' or 'json'",
                       ctx);

  const knowledge::Store store(ctx.packs);
  const knowledge::Lookup<knowledge::VersionCatalog> cat = store.versions();
  if (!cat) return report_error(cat.error(), ctx);

  if (format == "json") {
    ctx.out << to_json(*cat, store.packs()).dump(2) << "\n";
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows = {{"LINE", "PATCHES", "STATUS", "ZOOKEEPER", "KRAFT",
                                                 "MIGRATION", "IBP DEFAULT", "METADATA", "PACKS"}};
  std::vector<std::string> notes;
  for (const Release& r : cat->lines()) {
    rows.push_back({r.name, patch_range(r), status_of(r), knowledge::to_string(r.zookeeper),
                    knowledge::to_string(r.kraft),
                    r.zk_migration == knowledge::MigrationSupport::kNone
                        ? "-"
                        : knowledge::to_string(r.zk_migration),
                    r.ibp_key ? r.ibp_default : "-", or_dash(r.mv_latest_production),
                    packs_of(r, store.packs())});
    if (!r.supported) notes.push_back(r.name + ": " + r.unsupported_reason);
    if (!r.released)
      notes.push_back(r.name + ": not released yet; its facts describe development code");
  }
  print_table(rows, ctx.out);
  ctx.out << "\n"
          << cat->lines().size() << " release lines, " << cat->constraints().size()
          << " upgrade-path constraints, " << cat->known_issues().size()
          << " known-bad patch releases (details: kafkalint versions --format json)\n";
  for (const std::string& n : notes) ctx.out << "note: " << n << "\n";
  return kExitOk;
}

}  // namespace kafkalint::cli
