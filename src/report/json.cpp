#include <cstdint>
#include <cstdio>
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

// FNV-1a: a stable fingerprint so code-scanning services can follow a finding across
// runs even when lines move (it hashes the rule, file, subject and source line, not the line
// number).
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

void write_nested(std::ostream& os, const ordered_json& j, int indent) {
  // Invalid UTF-8 cannot come from our readers, but replace rather than throw if it does.
  const std::string text = j.dump(2, ' ', false, ordered_json::error_handler_t::replace);
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  // JSON strings escape their newlines, so every newline here is the layout's.
  std::size_t from = 0;
  for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1)
    os << std::string_view(text).substr(from, nl + 1 - from) << pad;
  os << std::string_view(text).substr(from);
}

void ArrayWriter::add(const ordered_json& element) {
  os_ << (any_ ? ",\n" : "[\n") << std::string(static_cast<std::size_t>(indent_ + 2), ' ');
  write_nested(os_, element, indent_ + 2);
  any_ = true;
}

void ArrayWriter::close() {
  if (any_)
    os_ << '\n' << std::string(static_cast<std::size_t>(indent_), ' ') << ']';
  else
    os_ << "[]";
}

namespace {

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& os) : os_(os), findings_(os, 2) {
    os_ << "{\n  \"findings\": ";
  }

  void finding(const core::Finding& f) override {
    ++counts_[static_cast<int>(f.severity)];
    ++total_;
    if (f.code == kFileFailedRule) ++failed_;
    ordered_json j = {{"rule", f.code},
                      {"name", f.name},
                      {"severity", core::severity_name(f.severity)},
                      {"file", f.where.file},
                      {"line", f.where.line},
                      {"column", f.where.column},
                      {"message", f.message},
                      {"subject", f.subject},
                      {"fingerprint", fingerprint(f)}};
    if (!f.suggestion.empty()) j["suggestion"] = f.suggestion;
    if (!f.notes.empty()) j["notes"] = f.notes;
    if (f.fix) j["fix"] = fix_to_json(*f.fix);
    findings_.add(j);
  }

  void finish(int files_checked) override {
    findings_.close();
    ordered_json skipped = ordered_json::array();
    for (const Skipped& s : skipped_) skipped.push_back({{"file", s.file}, {"reason", s.reason}});
    os_ << ",\n  \"skipped\": ";
    write_nested(os_, skipped, 2);
    ordered_json summary = {
        {"target", run_.target.empty() ? ordered_json(nullptr) : ordered_json(run_.target)},
        {"from", run_.from.empty() ? ordered_json(nullptr) : ordered_json(run_.from)},
        {"files_checked", files_checked},
        {"files_skipped", skipped_.size()},
        {"findings", total_},
        {"errors", counts_[static_cast<int>(core::Severity::kError)]},
        {"warnings", counts_[static_cast<int>(core::Severity::kWarning)]},
        {"info", counts_[static_cast<int>(core::Severity::kInfo)]},
        {"files_failed", failed_}};
    os_ << ",\n  \"summary\": ";
    write_nested(os_, summary, 2);
    os_ << "\n}\n";
  }

 private:
  std::ostream& os_;
  ArrayWriter findings_;
  std::size_t counts_[3] = {0, 0, 0};
  std::size_t total_ = 0, failed_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& os) {
  return std::make_unique<JsonReporter>(os);
}

}  // namespace kafkalint::report
