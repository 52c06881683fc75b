#include <algorithm>
#include <charconv>
#include <ostream>
#include <string>

#include "core/terminal.h"
#include "report/report.h"

namespace kafkalint::report {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";
constexpr const char* kCyan = "\033[36m";

const char* severity_color(core::Severity s) {
  switch (s) {
    case core::Severity::kError:
      return "\033[1;31m";
    case core::Severity::kWarning:
      return "\033[1;33m";
    case core::Severity::kInfo:
      return "\033[1;36m";
  }
  return "";
}

// Byte offset of the 1-based column `column` of `line`. Columns count bytes, as clang's do
// and as every check reports them (a key's or token's offset in the file), so a caret lands
// under the right character after multi-byte UTF-8 too.
std::size_t column_offset(const std::string& line, int column) {
  return std::min(line.size(), static_cast<std::size_t>(std::max(column, 1) - 1));
}

// Columns of `s` as displayed (one per UTF-8 character).
int display_columns(const std::string& s) {
  int n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

// Spaces up to the 1-based column of the raw line, copying tabs so the caret lines up under
// the source as printed (controls in it are printed as escapes, several columns wide).
std::string caret_padding(const std::string& line, int column) {
  const std::size_t end = column_offset(line, column);
  const std::string shown = core::escape_controls(std::string_view(line).substr(0, end));
  std::string pad;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(shown[i]);
    if ((c & 0xC0) == 0x80) continue;
    pad += c == '\t' ? '\t' : ' ';
  }
  const int past = column - 1 - static_cast<int>(end);  // a column beyond the line's end
  pad.append(static_cast<std::size_t>(past > 0 ? past : 0), ' ');
  return pad;
}

// The underline's width as printed: `length` bytes from `column`, escapes widened.
int caret_width(const std::string& line, int column, int length) {
  const std::size_t begin = column_offset(line, column);
  // A length counts bytes too; a caret never ends inside a UTF-8 character.
  std::size_t end = column_offset(line, column + std::max(length, 1));
  while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
  if (begin >= line.size()) return std::max(length, 1);
  const int shown = display_columns(core::escape_controls(line.substr(begin, end - begin)));
  // Past the end of the line (a value continued on the next one) the underline keeps going.
  const int beyond = std::max(length, 1) - static_cast<int>(end - begin);
  return std::max(shown + std::max(beyond, 0), 1);
}

// User text (file names, keys, values, messages quoting them) made safe for a terminal.
std::string safe(const std::string& s) { return core::escape_controls(s); }

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& os, const TextStyle& style) : os_(os), style_(style) {}

  void finding(const core::Finding& f) override {
    ++findings_;
    switch (f.severity) {
      case core::Severity::kError:
        ++errors_;
        break;
      case core::Severity::kWarning:
        ++warnings_;
        break;
      case core::Severity::kInfo:
        ++infos_;
        break;
    }
    if (f.fix && f.fix->safety == core::FixSafety::kSafe) ++fixable_;
    // Composed in one reused buffer and written once: a 160,000-finding report spent a
    // quarter of `check` in per-piece stream insertions (issue 16).
    std::string& o = buf_;
    o.clear();
    auto text = [&](std::string_view t) { core::append_escaped(&o, t); };
    auto number = [&](int n) {
      char digits[16];
      o.append(digits,
               static_cast<std::size_t>(std::to_chars(digits, digits + 16, n).ptr - digits));
    };
    o += paint(kBold);
    text(f.where.file);
    o += ':';
    number(f.where.line);
    o += ':';
    number(f.where.column);
    o += ':';
    o += paint(kReset);
    o += ' ';
    o += paint(severity_color(f.severity));
    o += core::severity_name(f.severity);
    o += ':';
    o += paint(kReset);
    o += ' ';
    text(f.message);
    if (!f.suggestion.empty()) {
      o += "; ";
      text(f.suggestion);
    }
    o += " [";
    o += f.code;
    o += ' ';
    o += f.name;
    o += "]\n";
    if (!style_.concise) {
      if (style_.show_source && !f.source_line.empty()) {
        const std::string num = std::to_string(f.where.line);
        const int width = caret_width(f.source_line, f.where.column, f.length);
        o += ' ';
        o += num;
        o += " | ";
        text(f.source_line);
        o += "\n ";
        o.append(num.size(), ' ');
        o += " | ";
        o += caret_padding(f.source_line, f.where.column);
        o += paint(kCyan);
        o += '^';
        o.append(static_cast<std::size_t>(width - 1), '~');
        o += paint(kReset);
        o += '\n';
      }
      for (const std::string& n : f.notes) {
        o += "  note: ";
        text(n);
        o += '\n';
      }
      if (f.fix) {
        o += "  fix";
        o += f.fix->safety == core::FixSafety::kSafe ? "" : " (unsafe)";
        o += ": ";
        text(f.fix->title);
        o += '\n';
      }
    }
    os_.write(o.data(), static_cast<std::streamsize>(o.size()));
  }

  void finish(int files_checked) override {
    for (const Skipped& s : skipped_)
      os_ << paint(kBold) << safe(s.file) << ':' << paint(kReset)
          << " note: not checked: " << safe(s.reason) << '\n';
    if (style_.concise || !style_.summary) return;
    const std::size_t checked = static_cast<std::size_t>(files_checked);
    if (findings_ == 0) {
      os_ << "no findings in " << plural(checked, "file");
    } else {
      os_ << plural(findings_, "finding") << " in " << plural(checked, "file") << " (";
      bool first = true;
      for (auto [n, word] :
           {std::pair{errors_, "error"}, {warnings_, "warning"}, {infos_, "info"}}) {
        if (!n) continue;
        os_ << (first ? "" : ", ") << std::to_string(n) << ' ' << word
            << (n == 1 || std::string(word) == "info" ? "" : "s");
        first = false;
      }
      os_ << ')';
      if (fixable_) os_ << "; " << fixable_ << " fixable with --fix";
    }
    if (!skipped_.empty()) os_ << "; " << plural(skipped_.size(), "file") << " not checked";
    os_ << '\n';
  }

 private:
  const char* paint(const char* code) const { return style_.color ? code : ""; }

  std::ostream& os_;
  TextStyle style_;
  std::string buf_;
  std::size_t findings_ = 0, errors_ = 0, warnings_ = 0, infos_ = 0, fixable_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(std::ostream& os, const TextStyle& style) {
  return std::make_unique<TextReporter>(os, style);
}

}  // namespace kafkalint::report
