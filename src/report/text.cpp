#include <ostream>
#include <string>

#include "report/report.h"

namespace kafkalint::report {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";
constexpr const char* kCyan = "\033[36m";

const char* severity_color(core::Severity s) {
  switch (s) {
    case core::Severity::kError: return "\033[1;31m";
    case core::Severity::kWarning: return "\033[1;33m";
    case core::Severity::kInfo: return "\033[1;36m";
  }
  return "";
}

// Spaces up to the 1-based column, copying tabs so the caret lines up under the source.
std::string caret_padding(const std::string& line, int column) {
  std::string pad;
  int col = 1;
  for (std::size_t i = 0; i < line.size() && col < column; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte: same column
    pad += c == '\t' ? '\t' : ' ';
    ++col;
  }
  pad.append(static_cast<std::size_t>(column > col ? column - col : 0), ' ');
  return pad;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void write_text(std::ostream& os, const Report& r, const TextStyle& style) {
  auto paint = [&](const char* code) { return style.color ? code : ""; };
  std::size_t errors = 0, warnings = 0, infos = 0, fixable = 0;
  for (const core::Finding& f : r.findings) {
    switch (f.severity) {
      case core::Severity::kError: ++errors; break;
      case core::Severity::kWarning: ++warnings; break;
      case core::Severity::kInfo: ++infos; break;
    }
    if (f.fix && f.fix->safety == core::FixSafety::kSafe) ++fixable;
    os << paint(kBold) << f.where.file << ':' << f.where.line << ':' << f.where.column << ':'
       << paint(kReset) << ' ' << paint(severity_color(f.severity))
       << core::severity_name(f.severity) << ':' << paint(kReset) << ' ' << f.message;
    if (!f.suggestion.empty()) os << "; " << f.suggestion;
    os << " [" << f.code << ' ' << f.name << "]\n";
    if (style.show_source && !f.source_line.empty()) {
      const std::string num = std::to_string(f.where.line);
      const std::string gutter(num.size(), ' ');
      os << ' ' << num << " | " << f.source_line << '\n';
      os << ' ' << gutter << " | " << caret_padding(f.source_line, f.where.column)
         << paint(kCyan) << '^' << std::string(f.length > 1 ? f.length - 1 : 0, '~')
         << paint(kReset) << '\n';
    }
    for (const std::string& n : f.notes) os << "  note: " << n << '\n';
    if (f.fix)
      os << "  fix" << (f.fix->safety == core::FixSafety::kSafe ? "" : " (unsafe)") << ": "
         << f.fix->title << '\n';
  }
  for (const Skipped& s : r.skipped)
    os << paint(kBold) << s.file << ':' << paint(kReset) << " note: not checked: " << s.reason
       << '\n';

  if (r.findings.empty()) {
    os << "no findings in " << plural(static_cast<std::size_t>(r.files_checked), "file");
  } else {
    os << plural(r.findings.size(), "finding") << " in "
       << plural(static_cast<std::size_t>(r.files_checked), "file") << " (";
    bool first = true;
    for (auto [n, word] : {std::pair{errors, "error"}, {warnings, "warning"}, {infos, "info"}}) {
      if (!n) continue;
      os << (first ? "" : ", ") << std::to_string(n) << ' ' << word
         << (n == 1 || std::string(word) == "info" ? "" : "s");
      first = false;
    }
    os << ')';
    if (fixable) os << "; " << fixable << " fixable with --fix";
  }
  if (!r.skipped.empty()) os << "; " << plural(r.skipped.size(), "file") << " not checked";
  os << '\n';
}

}  // namespace kafkalint::report
