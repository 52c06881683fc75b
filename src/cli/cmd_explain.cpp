// `kafkalint explain RULE [--format text|json]`: one rule's documentation in ruff's section
// layout (What it does / Why / Example / Fix / Sources).

#include <cctype>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli/command.h"
#include "cli/options.h"
#include "knowledge/catalog.h"
#include "knowledge/store.h"

namespace kafkalint::cli {

nlohmann::json rule_to_json(const knowledge::Rule& r);  // cmd_rules.cpp

namespace {

void print_indented(const std::string& text, std::ostream& os) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) os << (line.empty() ? "" : "    ") << line << "\n";
}

void print_paragraph(const std::string& text, std::ostream& os) {
  // Paragraph text in the pack is hard-wrapped; print it as written, indented by two.
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) os << (line.empty() ? "" : "  ") << line << "\n";
}

}  // namespace

int run_explain(const std::vector<std::string>& args, Context& ctx) {
  std::string rule;
  std::string format;
  po::options_description desc("options");
  desc.add_options()("format", po::value(&format)->default_value("text"),
                     "text: sections What it does / Why / Example / Fix / Sources; json: the rule")(
      "rule", po::value(&rule), "the rule code or name, e.g. KL101 or unknown-key");
  po::positional_options_description positional;
  positional.add("rule", 1);
  po::variables_map vm;
  if (int rc = parse_command_line("explain", args, desc, positional, vm, ctx); rc >= 0) return rc;
  if (rule.empty())
    return usage_error("explain", "missing RULE, a rule code or name such as 'KL101'", ctx);
  if (format != "text" && format != "json")
    return usage_error("explain", "unknown format '" + format + "'; expected 'text' or 'json'",
                       ctx);

  const knowledge::Store store(ctx.packs);
  const knowledge::Lookup<knowledge::RuleCatalog> cat = store.documented_rules();
  if (!cat) return report_error(cat.error(), ctx);
  const knowledge::Rule* r = cat->find(rule);
  if (!r) {
    ctx.err << "kafkalint explain: error: unknown rule '" << rule << "'";
    if (auto s = cat->suggest(rule); !s.empty()) ctx.err << "; did you mean '" << s[0] << "'?";
    ctx.err << "\n  note: run 'kafkalint rules' for the list of rules\n";
    return kExitFailure;
  }
  if (format == "json") {
    ctx.out << rule_to_json(*r).dump(2) << "\n";
    return kExitOk;
  }

  std::ostream& os = ctx.out;
  os << r->code << " " << r->name << " (" << core::severity_name(r->severity) << ", "
     << knowledge::to_string(r->status) << ", " << r->category << ")\n\n";
  if (r->status == knowledge::RuleStatus::kRemoved)
    os << "This rule has been removed; its code is kept so that it is never reused.\n\n";
  else if (r->status == knowledge::RuleStatus::kPreview)
    os << "This rule is in preview: its behaviour may still change.\n\n";
  os << "What it does\n";
  std::string what = r->summary;
  if (!what.empty()) what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
  print_paragraph(what + ".", os);
  os << "\nWhy\n";
  print_paragraph(r->why, os);
  if (!r->example.empty()) {
    os << "\nExample\n";
    print_indented(r->example, os);
    if (!r->example_fix.empty()) {
      os << "\n  Use instead:\n";
      print_indented(r->example_fix, os);
    }
  }
  os << "\nFix\n";
  switch (r->fix) {
    case knowledge::FixSafety::kSafe:
      os << "  " << r->fix_title << " (safe fix: applied by 'check --fix')\n";
      break;
    case knowledge::FixSafety::kUnsafe:
      os << "  " << r->fix_title
         << " (fix needs review: shown, applied only with 'check --fix --unsafe-fixes')\n";
      break;
    case knowledge::FixSafety::kNone:
      os << "  " << r->fix_title << " (no automatic fix)\n";
      break;
  }
  os << "\nSources\n";
  for (const auto& s : r->sources) {
    os << "  - " << s.ref;
    if (!s.url.empty()) os << ": " << s.url;
    os << "\n";
  }
  return kExitOk;
}

}  // namespace kafkalint::cli
