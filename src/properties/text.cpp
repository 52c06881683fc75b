#include "properties/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kafkalint::properties {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// Decodes one UTF-8 (or WTF-8 surrogate) sequence at s[i]. Returns the code point and sets
// *len; an invalid byte yields -1 with *len = 1.
long decode_utf8(std::string_view s, std::size_t i, std::size_t* len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  *len = 1;
  if (c < 0x80) return c;
  std::size_t n = 0;
  long cp = 0;
  long min = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return -1;
  }
  if (i + n > s.size()) return -1;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF) return -1;
  *len = n;
  return cp;
}

// The UTF-16 code units of a UTF-8/WTF-8 string from a byte offset, one at a time
// (-1 at the end); a byte that is not UTF-8 counts as its ISO-8859-1 character.
class Utf16Units {
 public:
  Utf16Units(std::string_view s, std::size_t at) : s_(s), at_(at) {}
  long next() {
    if (low_) {
      const long u = low_;
      low_ = 0;
      return u;
    }
    if (at_ >= s_.size()) return -1;
    std::size_t len = 1;
    long cp = decode_utf8(s_, at_, &len);
    if (cp < 0) cp = static_cast<unsigned char>(s_[at_]);
    at_ += len;
    if (cp < 0x10000) return cp;
    low_ = 0xDC00 + ((cp - 0x10000) & 0x3FF);
    return 0xD800 + ((cp - 0x10000) >> 10);
  }

 private:
  std::string_view s_;
  std::size_t at_;
  long low_ = 0;
};

void append_u_escape(std::string& out, unsigned unit) {
  out += "\\u";
  out += kHex[(unit >> 12) & 15];
  out += kHex[(unit >> 8) & 15];
  out += kHex[(unit >> 4) & 15];
  out += kHex[unit & 15];
}

enum class Role { kKey, kValue };

std::string escape(std::string_view s, Role role) {
  std::string out;
  out.reserve(s.size() + 8);
  bool leading = true;  // still in the value's leading whitespace, which Java would skip
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    long cp = decode_utf8(s, i, &len);
    if (cp < 0) cp = static_cast<unsigned char>(s[i]);  // not UTF-8: an ISO-8859-1 byte
    i += len;
    const bool key = role == Role::kKey;
    switch (cp) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\f':
        out += "\\f";
        break;
      case ' ':
        out += (key || leading) ? "\\ " : " ";
        break;
      case '=':
      case ':':
      case '#':
      case '!':
        // In a value only a first '=' or ':' needs it: after a blank separator Java would
        // take it for the separator.
        if (key || (out.empty() && (cp == '=' || cp == ':'))) out += '\\';
        out += static_cast<char>(cp);
        break;
      default:
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0x10000)) {
          append_u_escape(out, static_cast<unsigned>(cp));
        } else if (cp >= 0x10000) {
          const long v = cp - 0x10000;
          append_u_escape(out, static_cast<unsigned>(0xD800 + (v >> 10)));
          append_u_escape(out, static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
        } else {
          out += static_cast<char>(cp);
        }
    }
    if (cp != ' ' && cp != '\t' && cp != '\f') leading = false;
  }
  return out;
}

}  // namespace

bool utf16_less(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  const int c = std::memcmp(a.data(), b.data(), n);
  if (c == 0) return a.size() < b.size();
  while (a[i] == b[i]) ++i;
  const auto ua = static_cast<unsigned char>(a[i]);
  const auto ub = static_cast<unsigned char>(b[i]);
  // Byte order equals code point order, which equals UTF-16 order unless one side is
  // above U+FFFF (lead byte F0..F4) and the other in U+E000..U+FFFF (lead byte EE..EF).
  if (ua < 0xEE && ub < 0xEE) return ua < ub;
  // Compare code units from the start of the character where the bytes first differ.
  std::size_t start = i;
  while (start > 0 && (static_cast<unsigned char>(a[start]) & 0xC0) == 0x80) --start;
  Utf16Units x(a, start);
  Utf16Units y(b, start);
  for (;;) {
    const long ux = x.next();
    const long uy = y.next();
    if (ux != uy) return ux < uy;
    if (ux < 0) return false;
  }
}

namespace {

// The first index from `i` holding a byte JSON output must look at: a control, '"', '\\'
// or a non-ASCII byte (which may start a lone surrogate).
std::size_t json_plain_run(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  while (i + 16 <= s.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Signed compare: bytes >= 0x80 are negative, so "v < 0x20" catches them and controls.
    const __m128i hit =
        _mm_or_si128(_mm_cmplt_epi8(v, space),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
    ++i;
  }
  return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of bytes copied verbatim
  for (std::size_t i = 0; i < s.size();) {
    i = json_plain_run(s, i);
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      std::size_t len = 1;
      const long cp = decode_utf8(s, i, &len);
      if (cp >= 0 && (cp < 0xD800 || cp > 0xDFFF)) {
        i += len;
        continue;
      }
      out.append(s.data() + run, i - run);
      append_u_escape(out, cp < 0 ? 0xFFFDu : static_cast<unsigned>(cp));
      i += len;
      run = i;
      continue;
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        append_u_escape(out, c);
    }
    ++i;
    run = i;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

std::string escape_key(std::string_view key) { return escape(key, Role::kKey); }

std::string escape_value(std::string_view value) { return escape(value, Role::kValue); }

}  // namespace kafkalint::properties
