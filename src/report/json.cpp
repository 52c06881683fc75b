#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/report.h"
#include "report/report_json.h"

namespace kafkalint::report {

using nlohmann::ordered_json;

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
  // JSON strings escape their newlines, so every newline here is the layout's. Indented
  // into one string and written once: a stream insertion per line was a tenth of a
  // 160,000-finding report.
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t from = 0;
  for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
    out.append(text, from, nl + 1 - from);
    out.append(static_cast<std::size_t>(indent), ' ');
  }
  out.append(text, from, std::string::npos);
  os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

void ArrayWriter::add(const ordered_json& element) {
  os_ << (any_ ? ",\n" : "[\n") << std::string(static_cast<std::size_t>(indent_ + 2), ' ');
  write_nested(os_, element, indent_ + 2);
  any_ = true;
}

void ArrayWriter::add_text(std::string_view element) {
  os_ << (any_ ? ",\n" : "[\n") << std::string(static_cast<std::size_t>(indent_ + 2), ' ');
  os_.write(element.data(), static_cast<std::streamsize>(element.size()));
  any_ = true;
}

void append_json_string(std::string* out, std::string_view s) {
  // Printable ASCII without quotes or backslashes, nearly every report string, is copied;
  // anything else goes through nlohmann so the escapes stay exactly dump()'s.
  const bool plain = std::all_of(
      s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  if (plain) {
    *out += '"';
    *out += s;
    *out += '"';
    return;
  }
  *out += ordered_json(std::string(s)).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void JsonText::open(char c) {
  element();
  out_ += c;
  any_.push_back(false);
}

void JsonText::close(char c) {
  const bool any = any_.back();
  any_.pop_back();
  if (any) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(indent_) + 2 * any_.size(), ' ');
  }
  out_ += c;
}

void JsonText::element() {
  if (after_key_ || any_.empty()) {  // a member's value, or the top-level value
    after_key_ = false;
    return;
  }
  out_ += any_.back() ? ",\n" : "\n";
  any_.back() = true;
  out_.append(static_cast<std::size_t>(indent_) + 2 * any_.size(), ' ');
}

void JsonText::key(std::string_view k) {
  element();
  append_json_string(&out_, k);
  out_ += ": ";
  after_key_ = true;
}

void JsonText::string(std::string_view s) {
  element();
  append_json_string(&out_, s);
}

void JsonText::number(long long n) {
  element();
  char digits[24];
  out_.append(digits, static_cast<std::size_t>(std::to_chars(digits, digits + 24, n).ptr - digits));
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
    buf_.clear();
    JsonText j(&buf_, 4);
    j.begin_object();
    j.key("rule");
    j.string(f.code);
    j.key("name");
    j.string(f.name);
    j.key("severity");
    j.string(core::severity_name(f.severity));
    j.key("file");
    j.string(f.where.file);
    j.key("line");
    j.number(f.where.line);
    j.key("column");
    j.number(f.where.column);
    j.key("message");
    j.string(f.message);
    j.key("subject");
    j.string(f.subject);
    j.key("fingerprint");
    j.string(fingerprint(f));
    if (!f.suggestion.empty()) {
      j.key("suggestion");
      j.string(f.suggestion);
    }
    if (!f.notes.empty()) {
      j.key("notes");
      j.begin_array();
      for (const std::string& n : f.notes) j.string(n);
      j.end_array();
    }
    if (f.fix) {
      j.key("fix");
      j.begin_object();
      j.key("title");
      j.string(f.fix->title);
      j.key("safety");
      j.string(f.fix->safety == core::FixSafety::kSafe ? "safe" : "unsafe");
      j.key("edits");
      j.begin_array();
      for (const core::TextEdit& e : f.fix->edits) {
        j.begin_object();
        j.key("line");
        j.number(e.line);
        j.key("column");
        j.number(e.column);
        j.key("end_line");
        j.number(e.end_line);
        j.key("end_column");
        j.number(e.end_column);
        j.key("replacement");
        j.string(e.replacement);
        j.end_object();
      }
      j.end_array();
      j.end_object();
    }
    j.end_object();
    findings_.add_text(buf_);
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
  std::string buf_;
  std::size_t counts_[3] = {0, 0, 0};
  std::size_t total_ = 0, failed_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& os) {
  return std::make_unique<JsonReporter>(os);
}

}  // namespace kafkalint::report
