#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/report.h"
#include "report/report_json.h"

namespace kafkalint::report {

using nlohmann::ordered_json;

namespace {

const char* sarif_level(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return "error";
    case core::Severity::kWarning:
      return "warning";
    case core::Severity::kInfo:
      return "note";
  }
  return "warning";
}

// A relative path as a URI reference resolved against invocation.workingDirectory, an
// absolute one as a file:// URI: unreserved characters and '/' stay, the rest is
// percent-encoded (SARIF requires artifactLocation.uri to be a valid URI).
std::string to_uri(const std::string& path) {
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// The document is written as results arrive: the frame and the rule catalogue first, each
// result as it comes, the notifications about files not checked at the end (the order of
// an object's members carries no meaning in SARIF).
class SarifReporter final : public Reporter {
 public:
  SarifReporter(std::ostream& os, std::vector<RuleMeta> rules, std::string tool_version)
      : os_(os), results_(os, 6) {
    // The whole catalogue is declared, in code order, so a result's ruleIndex is known
    // before the run ends; it is a few dozen short entries.
    std::sort(rules.begin(), rules.end(),
              [](const RuleMeta& a, const RuleMeta& b) { return a.code < b.code; });
    ordered_json declared = ordered_json::array();
    for (const RuleMeta& m : rules) {
      ordered_json rule = {
          {"id", m.code}, {"name", m.name}, {"shortDescription", {{"text", m.summary}}}};
      if (!m.help_uri.empty()) rule["helpUri"] = m.help_uri;
      if (!m.full_description.empty()) rule["fullDescription"] = {{"text", m.full_description}};
      if (!m.help_markdown.empty())
        rule["help"] = {{"text", m.help_markdown}, {"markdown", m.help_markdown}};
      rule["defaultConfiguration"] = {{"level", sarif_level(m.severity)}};
      index_[m.code] = static_cast<int>(declared.size());
      declared.push_back(std::move(rule));
    }
    const ordered_json tool = {
        {"driver",
         {{"name", "kafkalint"}, {"version", tool_version}, {"rules", std::move(declared)}}}};
    os_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
           "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ";
    write_nested(os_, tool, 6);
    os_ << ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ";
  }

  void finding(const core::Finding& f) override {
    std::string text = f.message;
    if (!f.suggestion.empty()) text += "; " + f.suggestion;
    // Laid out directly (JsonText): a json value per result was most of a large report.
    const std::string uri = to_uri(f.where.file);
    buf_.clear();
    JsonText j(&buf_, 8);
    j.begin_object();
    j.key("ruleId");
    j.string(f.code);
    // A finding of a rule the catalogue lacks (a pack overlay that renamed it) keeps its id.
    if (auto it = index_.find(f.code); it != index_.end()) {
      j.key("ruleIndex");
      j.number(static_cast<long long>(it->second));
    }
    j.key("level");
    j.string(sarif_level(f.severity));
    j.key("message");
    j.begin_object();
    j.key("text");
    j.string(text);
    j.end_object();
    j.key("locations");
    j.begin_array();
    j.begin_object();
    j.key("physicalLocation");
    j.begin_object();
    j.key("artifactLocation");
    j.begin_object();
    j.key("uri");
    j.string(uri);
    j.end_object();
    j.key("region");
    j.begin_object();
    j.key("startLine");
    j.number(std::max(1, f.where.line));
    j.key("startColumn");
    j.number(std::max(1, f.where.column));
    if (f.length > 0) {
      j.key("endColumn");
      j.number(std::max(1, f.where.column) + f.length);
    }
    j.end_object();
    j.end_object();
    j.end_object();
    j.end_array();
    j.key("partialFingerprints");
    j.begin_object();
    j.key("kafkalintFinding/v1");
    j.string(fingerprint(f));
    j.end_object();
    if (f.fix) {
      std::string title = f.fix->title;
      if (f.fix->safety == core::FixSafety::kUnsafe) title += " (unsafe)";
      j.key("fixes");
      j.begin_array();
      j.begin_object();
      j.key("description");
      j.begin_object();
      j.key("text");
      j.string(title);
      j.end_object();
      j.key("artifactChanges");
      j.begin_array();
      j.begin_object();
      j.key("artifactLocation");
      j.begin_object();
      j.key("uri");
      j.string(uri);
      j.end_object();
      j.key("replacements");
      j.begin_array();
      for (const core::TextEdit& e : f.fix->edits) {
        j.begin_object();
        j.key("deletedRegion");
        j.begin_object();
        j.key("startLine");
        j.number(e.line);
        j.key("startColumn");
        j.number(e.column);
        j.key("endLine");
        j.number(e.end_line);
        j.key("endColumn");
        j.number(e.end_column);
        j.end_object();
        j.key("insertedContent");
        j.begin_object();
        j.key("text");
        j.string(e.replacement);
        j.end_object();
        j.end_object();
      }
      j.end_array();
      j.end_object();
      j.end_array();
      j.end_object();
      j.end_array();
    }
    j.end_object();
    results_.add_text(buf_);
    if (f.code == kFileFailedRule) {
      // The run did not check this file: say so where services look for tool failures.
      failed_ = true;
      failures_.push_back(
          {{"level", "error"},
           {"message", {{"text", text}}},
           {"descriptor", {{"id", f.code}}},
           {"locations",
            {{{"physicalLocation", {{"artifactLocation", {{"uri", to_uri(f.where.file)}}}}}}}}});
    }
  }

  void finish(int /*files_checked*/) override {
    results_.close();
    ordered_json notifications = failures_;
    if (run_.target.empty())
      notifications.push_back(
          {{"level", "note"},
           {"message",
            {{"text",
              "no target version: only findings that hold for every Kafka release were "
              "reported; pass --to"}}}});
    for (const Skipped& s : skipped_)
      notifications.push_back(
          {{"level", "note"},
           {"message", {{"text", "not checked: " + s.reason}}},
           {"locations",
            {{{"physicalLocation", {{"artifactLocation", {{"uri", to_uri(s.file)}}}}}}}}});
    ordered_json invocation = {{"executionSuccessful", !failed_},
                               {"toolExecutionNotifications", std::move(notifications)}};
    if (!run_.working_directory.empty()) {
      std::string dir = to_uri(run_.working_directory);
      if (dir.back() != '/') dir += '/';
      invocation["workingDirectory"] = {{"uri", dir}};
    }
    ordered_json properties = {
        {"target", run_.target.empty() ? ordered_json(nullptr) : ordered_json(run_.target)}};
    if (!run_.from.empty()) properties["from"] = run_.from;
    invocation["properties"] = std::move(properties);
    const ordered_json invocations = ordered_json::array({std::move(invocation)});
    os_ << ",\n      \"invocations\": ";
    write_nested(os_, invocations, 6);
    os_ << "\n    }\n  ]\n}\n";
  }

 private:
  std::ostream& os_;
  ArrayWriter results_;
  std::string buf_;
  std::map<std::string, int> index_;
  ordered_json failures_ = ordered_json::array();
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& os, std::vector<RuleMeta> rules,
                                              std::string tool_version) {
  return std::make_unique<SarifReporter>(os, std::move(rules), std::move(tool_version));
}

}  // namespace kafkalint::report
