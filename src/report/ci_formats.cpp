// Formats CI services read: GitLab Code Quality (JSON), JUnit XML and Checkstyle XML.
// Each is written as the findings arrive; the XML ones group by file, which works because
// findings come in file order (core::finding_less).

#include <nlohmann/json.hpp>
#include <ostream>

#include "report/report.h"
#include "report/report_json.h"

namespace kafkalint::report {

namespace {

using nlohmann::ordered_json;

// XML 1.0 attribute and text escaping; control characters other than tab, CR and LF are not
// allowed in XML 1.0 at all, so they become '?' rather than an unparsable document.
std::string xml_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out += c < 0x20 || c == 0x7f ? '?' : ch;
    }
  }
  return out;
}

std::string full_message(const core::Finding& f) {
  return f.suggestion.empty() ? f.message : f.message + "; " + f.suggestion;
}

// GitLab's severities are info, minor, major, critical and blocker.
const char* gitlab_severity(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return "major";
    case core::Severity::kWarning:
      return "minor";
    case core::Severity::kInfo:
      return "info";
  }
  return "minor";
}

class GitlabReporter final : public Reporter {
 public:
  explicit GitlabReporter(std::ostream& os) : os_(os), issues_(os, 0) {}

  void finding(const core::Finding& f) override {
    issues_.add({{"description", full_message(f)},
                 {"check_name", f.code + " " + f.name},
                 {"fingerprint", fingerprint(f)},
                 {"severity", gitlab_severity(f.severity)},
                 {"location", {{"path", f.where.file}, {"lines", {{"begin", f.where.line}}}}}});
  }

  void finish(int /*files_checked*/) override {
    for (const Skipped& s : skipped_) {
      core::Finding f;  // only to derive a fingerprint as stable as a finding's
      f.code = "not-checked";
      f.where.file = s.file;
      f.subject = s.reason;
      issues_.add({{"description", "not checked: " + s.reason},
                   {"check_name", "not-checked"},
                   {"fingerprint", fingerprint(f)},
                   {"severity", "info"},
                   {"location", {{"path", s.file}, {"lines", {{"begin", 1}}}}}});
    }
    issues_.close();
    os_ << '\n';
  }

 private:
  std::ostream& os_;
  ArrayWriter issues_;
};

// One <testsuite> per file with findings, one failing <testcase> per finding; files that
// were not checked are skipped test cases of a suite of their own.
class JunitReporter final : public Reporter {
 public:
  explicit JunitReporter(std::ostream& os) : os_(os) {
    os_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"kafkalint\">\n";
  }

  void finding(const core::Finding& f) override {
    if (f.where.file != file_) flush();
    file_ = f.where.file;
    ++count_;
    const std::string where =
        f.where.file + ":" + std::to_string(f.where.line) + ":" + std::to_string(f.where.column);
    cases_ += "    <testcase name=\"" + xml_escape(f.code + " " + f.name + " at " + where) +
              "\" classname=\"" + xml_escape(f.where.file) + "\" file=\"" +
              xml_escape(f.where.file) + "\" line=\"" + std::to_string(f.where.line) +
              "\">\n      <failure type=\"" + core::severity_name(f.severity) + "\" message=\"" +
              xml_escape(full_message(f)) + "\">" +
              xml_escape(where + ": " + core::severity_name(f.severity) + ": " + full_message(f) +
                         " [" + f.code + " " + f.name + "]") +
              "</failure>\n    </testcase>\n";
  }

  void finish(int /*files_checked*/) override {
    flush();
    if (!skipped_.empty()) {
      os_ << "  <testsuite name=\"not checked\" tests=\"" << skipped_.size()
          << "\" failures=\"0\" errors=\"0\" skipped=\"" << skipped_.size() << "\">\n";
      for (const Skipped& s : skipped_)
        os_ << "    <testcase name=\"not checked: " << xml_escape(s.file) << "\" classname=\""
            << xml_escape(s.file) << "\" file=\"" << xml_escape(s.file)
            << "\">\n      <skipped message=\"" << xml_escape(s.reason)
            << "\"/>\n    </testcase>\n";
      os_ << "  </testsuite>\n";
    }
    os_ << "</testsuites>\n";
  }

 private:
  void flush() {
    if (!count_) return;
    os_ << "  <testsuite name=\"" << xml_escape(file_) << "\" tests=\"" << count_
        << "\" failures=\"" << count_ << "\" errors=\"0\">\n"
        << cases_ << "  </testsuite>\n";
    cases_.clear();
    count_ = 0;
  }

  std::ostream& os_;
  std::string file_, cases_;
  std::size_t count_ = 0;
};

class CheckstyleReporter final : public Reporter {
 public:
  explicit CheckstyleReporter(std::ostream& os) : os_(os) {
    os_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  void finding(const core::Finding& f) override {
    if (!open_ || f.where.file != file_) {
      close_file();
      file_ = f.where.file;
      os_ << "  <file name=\"" << xml_escape(file_) << "\">\n";
      open_ = true;
    }
    os_ << "    <error line=\"" << f.where.line << "\" column=\"" << f.where.column
        << "\" severity=\"" << core::severity_name(f.severity) << "\" message=\""
        << xml_escape(full_message(f)) << "\" source=\"kafkalint." << f.code << "."
        << xml_escape(f.name) << "\"/>\n";
  }

  void finish(int /*files_checked*/) override {
    close_file();
    for (const Skipped& s : skipped_)
      os_ << "  <file name=\"" << xml_escape(s.file) << "\">\n    <error severity=\"info\" "
          << "message=\"not checked: " << xml_escape(s.reason)
          << "\" source=\"kafkalint.not-checked\"/>\n  </file>\n";
    os_ << "</checkstyle>\n";
  }

 private:
  void close_file() {
    if (open_) os_ << "  </file>\n";
    open_ = false;
  }

  std::ostream& os_;
  std::string file_;
  bool open_ = false;
};

}  // namespace

std::unique_ptr<Reporter> make_gitlab_reporter(std::ostream& os) {
  return std::make_unique<GitlabReporter>(os);
}
std::unique_ptr<Reporter> make_junit_reporter(std::ostream& os) {
  return std::make_unique<JunitReporter>(os);
}
std::unique_ptr<Reporter> make_checkstyle_reporter(std::ostream& os) {
  return std::make_unique<CheckstyleReporter>(os);
}

}  // namespace kafkalint::report
