#include <nlohmann/json.hpp>
#include <ostream>

#include "report/report.h"
#include "report/report_json.h"

namespace kafkalint::report {

using nlohmann::ordered_json;

ordered_json fix_to_json(const core::Fix& fix) {
  ordered_json edits = ordered_json::array();
  for (const core::TextEdit& e : fix.edits)
    edits.push_back({{"line", e.line},
                     {"column", e.column},
                     {"end_line", e.end_line},
                     {"end_column", e.end_column},
                     {"replacement", e.replacement}});
  return {{"title", fix.title},
          {"safety", fix.safety == core::FixSafety::kSafe ? "safe" : "unsafe"},
          {"edits", std::move(edits)}};
}

void write_json(std::ostream& os, const Report& r) {
  ordered_json findings = ordered_json::array();
  std::size_t counts[3] = {0, 0, 0};
  for (const core::Finding& f : r.findings) {
    ++counts[static_cast<int>(f.severity)];
    ordered_json j = {{"rule", f.code},
                      {"name", f.name},
                      {"severity", core::severity_name(f.severity)},
                      {"file", f.where.file},
                      {"line", f.where.line},
                      {"column", f.where.column},
                      {"message", f.message},
                      {"subject", f.subject}};
    if (!f.suggestion.empty()) j["suggestion"] = f.suggestion;
    if (!f.notes.empty()) j["notes"] = f.notes;
    if (f.fix) j["fix"] = fix_to_json(*f.fix);
    findings.push_back(std::move(j));
  }
  ordered_json skipped = ordered_json::array();
  for (const Skipped& s : r.skipped) skipped.push_back({{"file", s.file}, {"reason", s.reason}});
  ordered_json out = {
      {"findings", std::move(findings)},
      {"skipped", std::move(skipped)},
      {"summary",
       {{"files_checked", r.files_checked},
        {"files_skipped", r.skipped.size()},
        {"findings", r.findings.size()},
        {"errors", counts[static_cast<int>(core::Severity::kError)]},
        {"warnings", counts[static_cast<int>(core::Severity::kWarning)]},
        {"info", counts[static_cast<int>(core::Severity::kInfo)]}}}};
  // Invalid UTF-8 cannot come from our readers, but replace rather than throw if it does.
  os << out.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace kafkalint::report
