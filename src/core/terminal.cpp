#include "core/terminal.h"

#include <cstdio>

namespace kafkalint::core {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one (overlong
// forms, surrogates as WTF-8 are accepted: the properties decoder produces them for lone
// surrogates and they are not controls).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xE  ? 3
                  : (c >> 3) == 0x1E ? 4
                                     : 0;
  if (n == 0 || (n == 2 && c < 0xC2) || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

void append_hex(std::string& out, const char* prefix, unsigned value, int digits) {
  char buf[12];
  std::snprintf(buf, sizeof buf, "%s%0*x", prefix, digits, value);
  out += buf;
}

// Calls emit(kept_bytes) for text passed through and escape(text) for each escape; returns
// whether anything was escaped.
template <typename Keep, typename Escape>
bool scan(std::string_view s, bool keep_newline, bool keep_tab, Keep keep, Escape escape) {
  bool changed = false;
  std::size_t i = 0;
  while (i < s.size()) {
    // Printable ASCII, the bulk of any report, passes through as one run.
    std::size_t run = i;
    while (run < s.size() && static_cast<unsigned char>(s[run]) >= 0x20 &&
           static_cast<unsigned char>(s[run]) < 0x7f)
      ++run;
    if (run > i) {
      keep(s.substr(i, run - i));
      i = run;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = utf8_length(s, i);
    std::string esc;
    if (n == 0) {
      append_hex(esc, "\\x", c, 2);
    } else if (n == 1 && (c < 0x20 || c == 0x7f)) {
      const bool crlf = c == '\r' && i + 1 < s.size() && s[i + 1] == '\n';
      if (((c == '\n' || crlf) && keep_newline) || (c == '\t' && keep_tab)) {
        keep(s.substr(i, 1));
        ++i;
        continue;
      }
      append_hex(esc, "\\x", c, 2);
    } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      append_hex(esc, "\\u", static_cast<unsigned char>(s[i + 1]), 4);
    } else {
      keep(s.substr(i, n));
      i += n;
      continue;
    }
    escape(esc);
    changed = true;
    i += n == 0 ? 1 : n;
  }
  return changed;
}

}  // namespace

std::string escape_controls(std::string_view s, bool keep_newline, bool keep_tab) {
  std::string out;
  out.reserve(s.size());
  append_escaped(&out, s, keep_newline, keep_tab);
  return out;
}

void append_escaped(std::string* out, std::string_view s, bool keep_newline, bool keep_tab) {
  scan(
      s, keep_newline, keep_tab, [&](std::string_view t) { *out += t; },
      [&](const std::string& e) { *out += e; });
}

bool has_controls(std::string_view s, bool keep_newline, bool keep_tab) {
  return scan(
      s, keep_newline, keep_tab, [](std::string_view) {}, [](const std::string&) {});
}

}  // namespace kafkalint::core
