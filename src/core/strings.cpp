#include "core/strings.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace kafkalint::core {

std::string_view trim_chars(std::string_view s, std::string_view chars) {
  const std::size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(chars) - b + 1);
}

std::string trim_blanks(std::string_view s) { return std::string(trim_chars(s, " \t\f")); }

std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i <= s.size();) {
    const std::size_t c = s.find(',', i);
    std::string item =
        trim_blanks(s.substr(i, c == std::string_view::npos ? std::string_view::npos : c - i));
    if (!item.empty()) out.push_back(std::move(item));
    if (c == std::string_view::npos) break;
    i = c + 1;
  }
  return out;
}

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::size_t utf8_valid_prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c == 0xe0) lo = 0xa0;
      if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;
    } else {
      return i;
    }
    if (i + n >= s.size()) return i;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return i;
    for (std::size_t k = 2; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return i;
    i += n + 1;
  }
  return i;
}

std::size_t toml_bare_non_ascii(std::string_view s) {
  std::size_t i = 0;
  const auto starts = [&](std::string_view w) { return s.substr(i, w.size()) == w; };
  while (i < s.size()) {
    const char c = s[i];
    if (c == '#') {  // comment to the end of the line
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    for (std::string_view q : {std::string_view("\"\"\""), std::string_view("\'\'\'")})
      if (starts(q)) {
        const std::size_t end = s.find(q, i + 3);
        i = end == std::string_view::npos ? s.size() : end + 3;
        goto next;
      }
    if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != c && s[j] != '\n') j += (c == '"' && s[j] == '\\') ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) return i;
    ++i;
  next:;
  }
  return s.size();
}

std::size_t toml_to_ascii(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size());
  const auto ascii = [](char ch) { return static_cast<unsigned char>(ch) < 0x80; };
  // Appends the code point of the UTF-8 sequence at s[*i] (s is valid UTF-8) as a TOML
  // escape, advancing *i past it.
  const auto escape = [&](std::size_t* i) {
    const auto b = static_cast<unsigned char>(s[*i]);
    const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    unsigned cp = b & (n == 4 ? 0x07U : n == 3 ? 0x0FU : 0x1FU);
    for (std::size_t k = 1; k < n && *i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3FU);
    *i += n;
    char buf[12];
    std::snprintf(buf, sizeof buf, cp <= 0xFFFF ? "\\u%04X" : "\\U%08X", cp);
    *out += buf;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '#') {  // a comment, to the end of the line: its characters mean nothing
      for (; i < s.size() && s[i] != '\n'; ++i) *out += ascii(s[i]) ? s[i] : '@';
      continue;
    }
    if (c != '"' && c != '\'') {
      if (!ascii(c)) return i;  // TOML allows non-ASCII only in strings and comments
      *out += c;
      ++i;
      continue;
    }
    const bool triple = s.substr(i, 3) == "\"\"\"" || s.substr(i, 3) == "'''";
    const std::string_view q = s.substr(i, triple ? 3 : 1);
    // The string's body: up to the closing quotes (a single-line string ends at the line).
    std::size_t end = i + q.size();
    while (end < s.size() && s.substr(end, q.size()) != q && (triple || s[end] != '\n'))
      end += c == '"' && s[end] == '\\' && end + 1 < s.size() ? 2 : 1;
    end = std::min(end, s.size());
    const std::string_view body = s.substr(i + q.size(), end - i - q.size());
    const bool plain = std::all_of(body.begin(), body.end(), ascii);
    if (plain || c == '"') {
      // A basic string holds escapes: each non-ASCII character becomes one.
      *out += q;
      for (std::size_t j = i + q.size(); j < end;) {
        if (ascii(s[j])) {
          if (s[j] == '\\' && c == '"' && j + 1 < end && !ascii(s[j + 1])) return j + 1;
          *out += s[j];
          if (s[j] == '\\' && c == '"' && j + 1 < end) *out += s[++j];
          ++j;
        } else {
          escape(&j);
        }
      }
    } else {
      // A literal string has no escapes: written as the basic string of the same value.
      *out += triple ? "\"\"\"" : "\"";
      for (std::size_t j = i + q.size(); j < end;) {
        if (s[j] == '\\' || s[j] == '"') *out += '\\';
        if (ascii(s[j]))
          *out += s[j++];
        else
          escape(&j);
      }
    }
    i = end;
    if (s.substr(i, q.size()) == q) {
      *out +=
          c == '"' || plain ? q : (triple ? std::string_view("\"\"\"") : std::string_view("\""));
      i += q.size();
    }
  }
  return s.size();
}

}  // namespace kafkalint::core
