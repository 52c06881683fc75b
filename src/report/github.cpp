#include <ostream>

#include "core/terminal.h"
#include "report/report.h"

namespace kafkalint::report {

namespace {

// GitHub workflow commands: data escapes %, CR, LF; property values also ':' and ','.
std::string escape_data(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_property(const std::string& s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* command(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return "error";
    case core::Severity::kWarning:
      return "warning";
    case core::Severity::kInfo:
      return "notice";
  }
  return "warning";
}

class GithubReporter final : public Reporter {
 public:
  explicit GithubReporter(std::ostream& os) : os_(os) {}

  void finding(const core::Finding& f) override {
    std::string text = f.message;
    if (!f.suggestion.empty()) text += "; " + f.suggestion;
    os_ << "::" << command(f.severity) << " file=" << escape_property(f.where.file)
        << ",line=" << f.where.line << ",col=" << f.where.column;
    if (f.length > 0) os_ << ",endColumn=" << f.where.column + f.length;
    os_ << ",title=" << escape_property(f.code + " " + f.name)
        << "::" << escape_data(core::escape_controls(text, true)) << '\n';
  }

  void finish(int /*files_checked*/) override {
    for (const Skipped& s : skipped_)
      os_ << "::notice file=" << escape_property(s.file)
          << ",title=not checked::" << escape_data(core::escape_controls(s.reason, true)) << '\n';
  }

 private:
  std::ostream& os_;
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(std::ostream& os) {
  return std::make_unique<GithubReporter>(os);
}

}  // namespace kafkalint::report
