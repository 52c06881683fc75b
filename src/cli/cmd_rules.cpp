// `kafkalint rules [--format text|json]`: the rule catalogue as a table, ruff style.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/command.h"
#include "cli/options.h"
#include "knowledge/catalog.h"
#include "knowledge/store.h"

namespace kafkalint::cli {

namespace {

/// "[*]" for a safe fix, "[~]" for one that needs review, blank for none.
const char* fix_marker(knowledge::FixSafety f) {
  switch (f) {
    case knowledge::FixSafety::kSafe:
      return "[*]";
    case knowledge::FixSafety::kUnsafe:
      return "[~]";
    case knowledge::FixSafety::kNone:
      return "";
  }
  return "";
}

}  // namespace

/// The JSON form of one rule, shared by `rules --format json` and `explain --format json`.
nlohmann::json rule_to_json(const knowledge::Rule& r) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : r.sources) {
    nlohmann::json j = {{"ref", s.ref}};
    if (!s.url.empty()) j["url"] = s.url;
    sources.push_back(std::move(j));
  }
  nlohmann::json j = {{"code", r.code},
                      {"name", r.name},
                      {"status", knowledge::to_string(r.status)},
                      {"severity", core::severity_name(r.severity)},
                      {"category", r.category},
                      {"summary", r.summary},
                      {"why", r.why},
                      {"fix", knowledge::to_string(r.fix)},
                      {"fix_title", r.fix_title},
                      {"sources", sources}};
  if (!r.example.empty()) j["example"] = r.example;
  if (!r.example_fix.empty()) j["example_fix"] = r.example_fix;
  if (!r.implemented_in.empty()) j["implemented_in"] = r.implemented_in;
  return j;
}

int run_rules(const std::vector<std::string>& args, Context& ctx) {
  std::string format;
  po::options_description desc("options");
  desc.add_options()("format", po::value(&format)->value_name("FORMAT")->default_value("text"),
                     "text: one line per rule; json: every field of every rule");
  po::positional_options_description positional;
  po::variables_map vm;
  if (int rc = parse_command_line("rules", args, desc, positional, vm, ctx); rc >= 0) return rc;
  if (format != "text" && format != "json")
    return usage_error("rules", "unknown format '" + format + "'; expected 'text' or 'json'", ctx);

  const knowledge::Store store(ctx.packs);
  const knowledge::Lookup<knowledge::RuleCatalog> cat = store.documented_rules();
  if (!cat) return report_error(cat.error(), ctx);

  if (format == "json") {
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& r : cat->all()) rules.push_back(rule_to_json(r));
    ctx.out << nlohmann::json{{"rules", rules}}.dump(2) << "\n";
    return kExitOk;
  }

  std::size_t name_width = 4;
  for (const auto& r : cat->all()) {
    const std::size_t extra = r.status == knowledge::RuleStatus::kStable
                                  ? 0
                                  : 3 + std::string(knowledge::to_string(r.status)).size();
    name_width = std::max(name_width, r.name.size() + extra);
  }
  auto pad = [](std::string s, std::size_t w) {
    if (s.size() < w) s.resize(w, ' ');
    return s;
  };
  ctx.out << pad("CODE", 7) << pad("NAME", name_width + 2) << pad("SEVERITY", 10) << pad("FIX", 5)
          << "SUMMARY\n";
  std::size_t stable = 0, preview = 0, removed = 0;
  for (const auto& r : cat->all()) {
    std::string name = r.name;
    if (r.status != knowledge::RuleStatus::kStable)
      name += std::string(" (") + knowledge::to_string(r.status) + ")";
    stable += r.status == knowledge::RuleStatus::kStable;
    preview += r.status == knowledge::RuleStatus::kPreview;
    removed += r.status == knowledge::RuleStatus::kRemoved;
    std::string line = pad(r.code, 7) + pad(name, name_width + 2) +
                       pad(core::severity_name(r.severity), 10) + pad(fix_marker(r.fix), 5) +
                       r.summary;
    ctx.out << line << "\n";
  }
  ctx.out << "\n"
          << cat->all().size() << " rules (" << stable << " stable, " << preview << " preview, "
          << removed << " removed); [*] safe fix, [~] fix that needs review\n"
          << "run 'kafkalint explain CODE' for what a rule checks, why, and its sources\n";
  return kExitOk;
}

}  // namespace kafkalint::cli
