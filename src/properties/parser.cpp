// The properties parser. Line structure follows java.util.Properties.LineReader (JDK 17)
// step by step; the key/separator/value split of a logical line is a Spirit X3 grammar.
// Fast path: a line without continuation is never copied, and its key and value are
// decoded only when they hold a backslash or a non-ASCII byte.

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <cstdint>
#include <cstring>
#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/secrets.h"
#include "properties/document.h"

namespace kafkalint::properties {

namespace {

namespace x3 = boost::spirit::x3;

bool is_key_stop(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '=' || c == ':' || c == '\\';
}

// The end of the run of plain key characters at [b, e): 16 bytes per step where SSE2 is
// available, since keys are most of what the parser looks at byte by byte.
const char* scan_key_run(const char* b, const char* e) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i ff = _mm_set1_epi8('\f');
  const __m128i eq = _mm_set1_epi8('=');
  const __m128i colon = _mm_set1_epi8(':');
  const __m128i backslash = _mm_set1_epi8('\\');
  while (e - b >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab)),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, ff), _mm_cmpeq_epi8(v, eq))),
                     _mm_or_si128(_mm_cmpeq_epi8(v, colon), _mm_cmpeq_epi8(v, backslash)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask) return b + __builtin_ctz(static_cast<unsigned>(mask));
    b += 16;
  }
#endif
  while (b < e && !is_key_stop(*b)) ++b;
  return b;
}

// An X3 primitive for one or more plain key characters (anything but a blank, '=', ':'
// or a backslash), matched as a run instead of char by char.
struct KeyRun : x3::parser<KeyRun> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    const char* end = scan_key_run(first, last);
    if (end == first) return false;
    first = end;
    return true;
  }
};
const KeyRun kKeyRun{};

// Java's LineReader and load0 treat only these three as blanks ('\r' and '\n' end lines).
const auto kBlank = x3::char_(" \t\f");
// A key runs to the first unescaped blank, '=' or ':'; a backslash escapes any character.
const auto kKey = *(kKeyRun | (x3::lit('\\') >> x3::char_));
// Then blanks, at most one '=' or ':', blanks; the rest of the logical line is the value.
const auto kSeparator = *kBlank >> -x3::char_("=:") >> *kBlank;

Span span(std::size_t b, std::size_t e) {
  return Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// True when [b, e) holds a backslash or a byte >= 0x80, i.e. decoding is not the identity.
bool needs_decoding(const char* b, const char* e) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kBackslashes = kOnes * '\\';
  while (e - b >= 8) {
    std::uint64_t w;
    std::memcpy(&w, b, 8);
    const std::uint64_t x = w ^ kBackslashes;  // zero bytes where w has a backslash
    if (((x - kOnes) & ~x & kHigh) | (w & kHigh)) return true;
    b += 8;
  }
  for (; b < e; ++b)
    if (*b == '\\' || static_cast<unsigned char>(*b) >= 0x80) return true;
  return false;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The first '\r' or '\n' in [b, e), or e.
const char* find_eol(const char* b, const char* e) {
#if defined(__SSE2__)
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i lf = _mm_set1_epi8('\n');
  while (e - b >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
    const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
    if (mask) return b + __builtin_ctz(static_cast<unsigned>(mask));
    b += 16;
  }
#endif
  while (b < e && *b != '\n' && *b != '\r') ++b;
  return b;
}

// Collects UTF-16 code units (as java.lang.String holds them) into UTF-8, pairing
// surrogates and writing an unpaired one as its own 3-byte sequence (WTF-8).
class Utf16Sink {
 public:
  explicit Utf16Sink(std::string& out) : out_(out) {}
  void unit(std::uint32_t u) {
    if (high_) {
      const std::uint32_t h = high_;
      high_ = 0;
      if (u >= 0xDC00 && u <= 0xDFFF) {
        append_utf8(out_, 0x10000 + ((h - 0xD800) << 10) + (u - 0xDC00));
        return;
      }
      append_utf8(out_, h);
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      high_ = u;
      return;
    }
    append_utf8(out_, u);
  }
  void finish() {
    if (high_) append_utf8(out_, high_);
    high_ = 0;
  }

 private:
  std::string& out_;
  std::uint32_t high_ = 0;
};

}  // namespace

// Walks the text once, physical line by physical line, reproducing LineReader.readLine()
// and load0(); records entries, comments and errors into the document.
class Parser {
 public:
  Parser(Document& doc, std::vector<core::Error>& errors)
      : doc_(doc), errors_(errors), text_(doc.text_), n_(doc.text_.size()) {}

  void run() {
    if (n_ >= (std::size_t{1} << 31)) {
      core::Error err;
      err.where.file = doc_.file_name_;
      err.message = "file too large to load (2 GiB or more)";
      errors_.push_back(std::move(err));
      return;
    }
    has_cr_ = std::memchr(text_.data(), '\r', n_) != nullptr;
    detect_line_ending();
    // Reserved at their upper bounds (an entry or comment per line; decoded text at most
    // twice the bytes) so they never grow by copying: pages never written are never
    // resident, while a doubling vector holds old and new blocks at once (edit, show and
    // diff of a large file must stay within a few times its size).
    std::size_t lines = 1;
    for (std::size_t i = 0; i < n_; ++i) lines += text_[i] == '\n' || text_[i] == '\r';
    doc_.entries_.reserve(lines);
    doc_.comments_.reserve(lines);
    doc_.arena_.reserve(2 * n_);
    std::size_t pos = 0;
    int line = 1;
    while (pos < n_) read_logical_line(pos, line);
  }

 private:
  // One piece of a logical line: logical offset `logical` starts at text_[phys], on `line`.
  struct Segment {
    std::size_t logical;
    std::size_t phys;
    std::size_t line_start;
    int line;
  };

  struct PhysLine {
    std::size_t start, content_end, end;  // end: after the terminator
  };

  PhysLine physical_line(std::size_t start) const {
    const char* base = text_.data();
    std::size_t e = n_;
    if (!has_cr_) {
      const void* nl = std::memchr(base + start, '\n', n_ - start);
      if (nl) e = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
    } else {
      e = static_cast<std::size_t>(find_eol(base + start, base + n_) - base);
    }
    std::size_t t = e;
    if (e < n_) t = (base[e] == '\r' && e + 1 < n_ && base[e + 1] == '\n') ? e + 2 : e + 1;
    return {start, e, t};
  }

  void detect_line_ending() {
    const PhysLine l = physical_line(0);
    const std::size_t len = l.end - l.content_end;
    if (len == 2)
      doc_.line_ending_ = "\r\n";
    else if (len == 1 && text_[l.content_end] == '\r')
      doc_.line_ending_ = "\r";
  }

  std::size_t skip_blanks(std::size_t p, std::size_t e) const {
    while (p < e && is_blank(text_[p])) ++p;
    return p;
  }

  // Reads from `pos` (a line start, Java's reader in its fresh state) one readLine() call:
  // blank lines, a comment, or one logical line that becomes an entry.
  void read_logical_line(std::size_t& pos, int& line) {
    const std::size_t entry_start = pos;
    segments_.clear();
    joined_.clear();
    std::size_t logical_len = 0;
    bool first = true;
    for (;;) {
      const PhysLine l = physical_line(pos);
      const std::size_t p = skip_blanks(l.start, l.content_end);
      if (p == l.content_end) {
        // A blank line. Fresh: skipped. After a continuation: Java ends the logical line
        // here, unless nothing was read yet (then it goes on as if fresh).
        if (!first && logical_len > 0) {
          finish_entry(entry_start, l, line, logical_len);
        }
        pos = l.end;
        ++line;
        return;
      }
      if (logical_len == 0 && (text_[p] == '#' || text_[p] == '!')) {
        // A comment: only where nothing of a logical line was read, even after a '\'.
        doc_.comments_.push_back(
            Comment{span(l.start, l.content_end), line, static_cast<int>(p - l.start + 1)});
        pos = l.end;
        ++line;
        return;
      }
      std::size_t backslashes = 0;
      while (l.content_end - backslashes > p && text_[l.content_end - backslashes - 1] == '\\')
        ++backslashes;
      const bool continues = backslashes % 2 == 1;
      const std::size_t piece_end = continues ? l.content_end - 1 : l.content_end;
      add_segment(p, piece_end, l.start, line, logical_len, first);
      first = false;
      if (!continues) {
        finish_entry(entry_start, l, line, logical_len);
        pos = l.end;
        ++line;
        return;
      }
      // Java looks one byte past a line break only to see the end of the file: a '\'
      // before a last '\n' (or '\r') ends the logical line, even an empty one.
      if (l.end == l.content_end || (l.end == n_ && l.end - l.content_end == 1)) {
        doc_.ends_in_continuation_ = true;
        finish_entry(entry_start, l, line, logical_len);
        pos = n_;
        ++line;
        return;
      }
      pos = l.end;
      ++line;
      if (pos == n_) {  // "\\\r\n" at the end: EOF inside the continuation
        doc_.ends_in_continuation_ = true;
        if (logical_len > 0) finish_entry(entry_start, l, line - 1, logical_len);
        return;
      }
    }
  }

  void add_segment(std::size_t b, std::size_t e, std::size_t line_start, int line,
                   std::size_t& logical_len, bool first) {
    if (first) {
      segments_.push_back({0, b, line_start, line});
      logical_len = e - b;
      return;
    }
    if (segments_.size() == 1) joined_.assign(text_, segments_[0].phys, logical_len);
    segments_.push_back({logical_len, b, line_start, line});
    joined_.append(text_, b, e - b);
    logical_len += e - b;
  }

  // Physical offset of logical offset k (< logical length).
  const Segment& segment_of(std::size_t k) const {
    // Later segments win ties so that empty segments (a line of only '\') are skipped.
    auto it = std::upper_bound(segments_.begin(), segments_.end(), k,
                               [](std::size_t v, const Segment& s) { return v < s.logical; });
    return *(it - 1);
  }
  std::size_t phys_of(std::size_t k) const {
    const Segment& s = segment_of(k);
    return s.phys + (k - s.logical);
  }

  void finish_entry(std::size_t entry_start, const PhysLine& last, int last_line,
                    std::size_t logical_len) {
    const bool single = segments_.size() == 1;
    const char* lb = single ? text_.data() + segments_[0].phys : joined_.data();
    const char* le = lb + logical_len;
    const char* it = lb;
    x3::parse(it, le, kKey);
    const auto key_len = static_cast<std::size_t>(it - lb);
    x3::parse(it, le, kSeparator);
    const auto value_begin = static_cast<std::size_t>(it - lb);

    Entry e;
    e.raw = span(entry_start, last.end);
    e.last_line = last_line;
    std::size_t key_b, key_e, value_b;
    if (single) {
      // The common case: every logical offset is the same distance from its byte.
      const Segment& s = segments_[0];
      key_b = s.phys;
      key_e = s.phys + key_len;
      value_b = s.phys + value_begin;
      e.line = e.value_line = s.line;
      e.column = static_cast<int>(key_b - s.line_start + 1);
      e.value_column = static_cast<int>(value_b - s.line_start + 1);
    } else {
      const Segment& first_seg = logical_len > 0 ? segment_of(0) : segments_.back();
      key_b = first_seg.phys;
      key_e = key_len > 0 ? phys_of(key_len - 1) + 1 : key_b;
      // The value's span starts right after the separator, even when the value itself
      // starts on a later line, so that replacing the span removes the old continuation.
      value_b = value_begin > key_len ? phys_of(value_begin - 1) + 1 : key_e;
      e.line = first_seg.line;
      e.column = static_cast<int>(key_b - first_seg.line_start + 1);
      const Segment& vs = value_begin < logical_len ? segment_of(value_begin)
                          : logical_len > 0         ? segment_of(logical_len - 1)
                                                    : segments_.back();
      const std::size_t vpos = value_begin < logical_len ? phys_of(value_begin) : value_b;
      e.value_line = vs.line;
      e.value_column = vpos >= vs.line_start ? static_cast<int>(vpos - vs.line_start + 1) : 1;
    }
    e.continued = !single || e.last_line != e.line;
    e.key = span(key_b, key_e);
    e.value = span(value_b, std::max(value_b, last.content_end));
    e.key_text = decode(lb, 0, key_len, single, &e.malformed);
    e.value_text = decode(lb, value_begin, logical_len, single, &e.malformed);
    doc_.entries_.push_back(e);
  }

  // java.util.Properties.loadConvert on logical [b, e): escapes, ISO-8859-1 to UTF-8.
  TextRef decode(const char* lb, std::size_t b, std::size_t e, bool single, bool* malformed) {
    if (!needs_decoding(lb + b, lb + e)) {
      if (single) return TextRef{segments_[0].phys + b, e - b, false};
      const std::size_t off = doc_.arena_.size();
      doc_.arena_.append(lb + b, e - b);
      return TextRef{off, e - b, true};
    }
    std::string& out = doc_.arena_;
    const std::size_t off = out.size();
    Utf16Sink sink(out);
    for (std::size_t i = b; i < e;) {
      const auto c = static_cast<unsigned char>(lb[i++]);
      if (c != '\\') {
        sink.unit(c);
        continue;
      }
      if (i >= e) break;  // unreachable: a logical line never ends in an odd backslash
      const char x = lb[i++];
      switch (x) {
        case 't':
          sink.unit('\t');
          break;
        case 'r':
          sink.unit('\r');
          break;
        case 'n':
          sink.unit('\n');
          break;
        case 'f':
          sink.unit('\f');
          break;
        case 'u': {
          std::uint32_t v = 0;
          bool ok = e - i >= 4;
          for (std::size_t k = 0; ok && k < 4; ++k) {
            const int h = hex_value(lb[i + k]);
            ok = h >= 0;
            v = (v << 4) | static_cast<std::uint32_t>(h < 0 ? 0 : h);
          }
          if (!ok) {
            // Java throws here and refuses the whole file; keep the text as written.
            *malformed = true;
            report_malformed(lb, i - 2, e);
            sink.unit('\\');
            sink.unit('u');
            break;
          }
          sink.unit(v);
          i += 4;
          break;
        }
        default:
          sink.unit(static_cast<unsigned char>(x));
      }
    }
    sink.finish();
    return TextRef{off, out.size() - off, true};
  }

  void report_malformed(const char* lb, std::size_t backslash, std::size_t end) {
    const Segment& s = segment_of(backslash);
    core::Error err;
    err.where.file = doc_.file_name_;
    err.where.line = s.line;
    err.where.column = static_cast<int>(phys_of(backslash) - s.line_start + 1);
    std::string shown;
    for (std::size_t k = backslash; k < std::min(end, backslash + 6); ++k) {
      const auto c = static_cast<unsigned char>(lb[k]);
      if (c < 0x20 || c == 0x7F) {
        static constexpr char kHex[] = "0123456789abcdef";
        shown += "\\x";
        shown += kHex[c >> 4];
        shown += kHex[c & 15];
      } else {
        append_utf8(shown, c);
      }
    }
    err.message =
        "malformed \\uxxxx escape '" + shown + "': java.util.Properties refuses to load this file";
    err.hint = "'\\u' must be followed by exactly 4 hex digits; write '\\\\u' for a literal '\\u'";
    errors_.push_back(std::move(err));
  }

  Document& doc_;
  std::vector<core::Error>& errors_;
  const std::string& text_;
  const std::size_t n_;
  bool has_cr_ = false;
  std::vector<Segment> segments_;
  std::string joined_;  // the logical line, only when it spans several physical lines
};

// Every document reports its secret values to the registry the CLI scrubs its output with: the
// decoded value, and for a value written over several lines each physical piece of it, since
// reports quote source lines one at a time.
static void note_secrets(const Document& doc) {
  core::SecretRegistry& reg = core::secrets();
  for (const Entry& e : doc.entries()) {
    const std::string_view key = doc.key(e);
    if (!core::secret_key(key)) continue;
    reg.note(key, doc.value(e));
    if (!e.continued) continue;
    const std::string_view raw = std::string_view(doc.text()).substr(e.value.begin, e.value.size());
    std::size_t b = 0;
    while (b <= raw.size()) {
      std::size_t nl = raw.find_first_of("\r\n", b);
      if (nl == std::string_view::npos) nl = raw.size();
      std::string_view piece = raw.substr(b, nl - b);
      while (!piece.empty() && piece.back() == '\\') piece.remove_suffix(1);
      reg.add(piece);
      b = nl + 1;
    }
  }
}

ParseResult parse(std::string bytes, std::string file_name) {
  ParseResult r;
  r.doc.text_ = std::move(bytes);
  r.doc.file_name_ = std::move(file_name);
  Parser(r.doc, r.errors).run();
  note_secrets(r.doc);
  return r;
}

}  // namespace kafkalint::properties
