#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/report.h"

namespace kafkalint::report {

using nlohmann::ordered_json;

namespace {

const char* sarif_level(core::Severity s) {
  switch (s) {
    case core::Severity::kError: return "error";
    case core::Severity::kWarning: return "warning";
    case core::Severity::kInfo: return "note";
  }
  return "warning";
}

// A relative path as a URI reference: unreserved characters and '/' stay, the rest is
// percent-encoded (SARIF requires artifactLocation.uri to be a valid URI).
std::string to_uri(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// FNV-1a: a stable fingerprint so code-scanning services can follow a finding across
// runs even when lines move (it hashes the rule, file, subject and source line, not the line number).
std::string fingerprint(const core::Finding& f) {
  std::uint64_t h = 1469598103934665603ull;
  for (const std::string* s : {&f.code, &f.where.file, &f.subject, &f.source_line}) {
    for (unsigned char c : *s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

void write_sarif(std::ostream& os, const Report& r) {
  // Declare the rules that fired (GitHub shows them all; declaring the whole catalogue makes
  // every upload huge), in code order so indices are stable for the same findings.
  std::map<std::string, const RuleMeta*> fired;
  for (const core::Finding& f : r.findings) fired[f.code] = nullptr;
  for (const RuleMeta& m : r.rules)
    if (auto it = fired.find(m.code); it != fired.end()) it->second = &m;
  ordered_json rules = ordered_json::array();
  std::map<std::string, int> index;
  for (const auto& [code, meta] : fired) {
    ordered_json rule = {{"id", code}};
    if (meta) {
      rule["name"] = meta->name;
      rule["shortDescription"] = {{"text", meta->summary}};
      if (!meta->help_uri.empty()) rule["helpUri"] = meta->help_uri;
      rule["defaultConfiguration"] = {{"level", sarif_level(meta->severity)}};
    }
    index[code] = static_cast<int>(rules.size());
    rules.push_back(std::move(rule));
  }

  ordered_json results = ordered_json::array();
  for (const core::Finding& f : r.findings) {
    std::string text = f.message;
    if (!f.suggestion.empty()) text += "; " + f.suggestion;
    ordered_json region = {{"startLine", std::max(1, f.where.line)},
                           {"startColumn", std::max(1, f.where.column)}};
    if (f.length > 0) region["endColumn"] = std::max(1, f.where.column) + f.length;
    ordered_json result = {
        {"ruleId", f.code},
        {"ruleIndex", index[f.code]},
        {"level", sarif_level(f.severity)},
        {"message", {{"text", text}}},
        {"locations",
         {{{"physicalLocation",
            {{"artifactLocation", {{"uri", to_uri(f.where.file)}}}, {"region", region}}}}}},
        {"partialFingerprints", {{"kafkalintFinding/v1", fingerprint(f)}}}};
    if (f.fix) {
      ordered_json replacements = ordered_json::array();
      for (const core::TextEdit& e : f.fix->edits)
        replacements.push_back({{"deletedRegion",
                                 {{"startLine", e.line},
                                  {"startColumn", e.column},
                                  {"endLine", e.end_line},
                                  {"endColumn", e.end_column}}},
                                {"insertedContent", {{"text", e.replacement}}}});
      std::string title = f.fix->title;
      if (f.fix->safety == core::FixSafety::kUnsafe) title += " (unsafe)";
      result["fixes"] = {{{"description", {{"text", title}}},
                          {"artifactChanges",
                           {{{"artifactLocation", {{"uri", to_uri(f.where.file)}}},
                             {"replacements", std::move(replacements)}}}}}};
    }
    results.push_back(std::move(result));
  }

  ordered_json notifications = ordered_json::array();
  for (const Skipped& s : r.skipped)
    notifications.push_back(
        {{"level", "note"},
         {"message", {{"text", "not checked: " + s.reason}}},
         {"locations",
          {{{"physicalLocation", {{"artifactLocation", {{"uri", to_uri(s.file)}}}}}}}}});

  ordered_json run = {
      {"tool",
       {{"driver",
         {{"name", "kafkalint"}, {"version", r.tool_version}, {"rules", std::move(rules)}}}}},
      {"invocations",
       {{{"executionSuccessful", true}, {"toolExecutionNotifications", std::move(notifications)}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(results)}};
  ordered_json out = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", {std::move(run)}}};
  os << out.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace kafkalint::report
