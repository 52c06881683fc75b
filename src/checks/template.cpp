#include "checks/template.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <iterator>
#include <map>
#include <tuple>
#include <utility>

#include "core/line_index.h"
#include "core/strings.h"

namespace kafkalint::checks {

namespace {

// Overwrites [b, e) with `fill`, keeping line breaks so lines and columns stay put.
void blank(std::string& text, std::size_t b, std::size_t e, char fill) {
  for (std::size_t i = b; i < e; ++i)
    if (text[i] != '\n' && text[i] != '\r') text[i] = fill;
}

struct Tag {
  std::string_view open, close;
  enum Kind { kExpr, kCode, kComment } kind;
};

// ${...} (Kafka config providers, envsubst) is opaque in every file; $VAR alone is not,
// since '$' is ordinary value text for Kafka (e.g. in JAAS passwords).
void mark_references(std::string_view s, std::vector<ByteRange>& out) {
  for (std::size_t i = s.find("${"); i != std::string_view::npos; i = s.find("${", i)) {
    std::size_t e = s.find('}', i + 2);
    const std::size_t nl = s.find_first_of("\r\n", i + 2);
    if (e == std::string_view::npos || (nl != std::string_view::npos && nl < e)) {
      i += 2;
      continue;
    }
    out.push_back({i, e + 1});
    i = e + 1;
  }
}

}  // namespace

bool MaskedTemplate::is_opaque(std::size_t begin, std::size_t end) const {
  for (const ByteRange& r : opaque)
    if (r.begin < end && begin < r.end) return true;
  return false;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// What sits between a tag's opener and closer, without spaces and trim markers ('-', '+').
std::string_view tag_body(std::string_view inner) {
  while (!inner.empty() &&
         (is_space(inner.front()) || inner.front() == '-' || inner.front() == '+'))
    inner.remove_prefix(1);
  while (!inner.empty() && (is_space(inner.back()) || inner.back() == '-' || inner.back() == '+'))
    inner.remove_suffix(1);
  return inner;
}

bool starts_expression(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '$' ||
         c == '@' || c == '(' || c == '\'' || c == '"' || c == ':';
}

// A tag a template engine would take as one, so that it marks the file as a template: its
// closer on the same line and template code in between ("{{ id }}", "{% if x %}",
// "<%= @id %>"). A lone "{{" or "<%" in a password or a comment is ordinary text.
bool well_formed_tag(std::string_view line, std::size_t at, std::string_view open,
                     std::string_view close) {
  const std::size_t body_at = at + open.size();
  const std::size_t end = line.find(close, body_at);
  if (end == std::string_view::npos) return false;
  std::string_view inner = line.substr(body_at, end - body_at);
  if (open == "<%" && !inner.empty() && (inner.front() == '=' || inner.front() == '#'))
    inner.remove_prefix(1);
  const std::string_view body = tag_body(inner);
  if (body.empty() || body.find(open) != std::string_view::npos) return false;
  if (open == "{%") return std::islower(static_cast<unsigned char>(body.front()));  // if, for, set
  return starts_expression(body.front());
}

bool comment_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  return i < line.size() && (line[i] == '#' || line[i] == '!');
}

// True when a line outside comments holds a well-formed tag opened by `open`.
bool has_tag(std::string_view content, std::string_view open, std::string_view close) {
  // Most files hold no opener at all: one search answers for them without the line walk.
  if (content.find(open) == std::string_view::npos) return false;
  std::size_t b = 0;
  while (b < content.size()) {
    std::size_t e = content.find_first_of("\r\n", b);
    if (e == std::string_view::npos) e = content.size();
    const std::string_view line = content.substr(b, e - b);
    if (!comment_line(line))
      for (std::size_t at = line.find(open); at != std::string_view::npos;
           at = line.find(open, at + 1))
        if (well_formed_tag(line, at, open, close)) return true;
    b = e + 1;
  }
  return false;
}

}  // namespace

TemplateSyntax detect_template(std::string_view path, std::string_view content) {
  for (std::string_view ext : {".j2", ".jinja", ".jinja2", ".tpl", ".tmpl", ".template"})
    if (core::ends_with(path, ext))
      return content.find("<%") != std::string_view::npos &&
                     content.find("{{") == std::string_view::npos
                 ? TemplateSyntax::kErb
                 : TemplateSyntax::kJinja;
  if (core::ends_with(path, ".erb")) return TemplateSyntax::kErb;
  if (has_tag(content, "<%", "%>")) return TemplateSyntax::kErb;
  if (has_tag(content, "{{", "}}") || has_tag(content, "{%", "%}")) return TemplateSyntax::kJinja;
  return TemplateSyntax::kNone;
}

namespace {

// 'zookeeper.connect={% for h in groups.zk %}' with the loop's items on the lines below
// ('{% if not loop.first %},{% endif %}{{ h }}:2181'): a block tag ending a line swallows its
// line break when it renders (Ansible renders with trim_blocks), so the value goes on over the
// next lines. A properties continuation in place of the tag's last blank says the same to the
// parser; without it the item line reads as a key ',' of its own. Only where the tag opens a
// loop or the next line starts with a separator: a plain 'key={% if %}a{% endif %}' line is
// left as one line, as its author meant it.
void join_loop_values(std::string_view content, MaskedTemplate& m) {
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  for (const ByteRange& r : m.code) {
    if (content.compare(r.begin, 2, "{%") != 0) continue;
    std::size_t eol = r.end;
    while (eol < content.size() && space(content[eol])) ++eol;
    if (eol >= content.size() || (content[eol] != '\n' && content[eol] != '\r')) continue;
    std::size_t bol = r.begin;
    while (bol > 0 && content[bol - 1] != '\n' && content[bol - 1] != '\r') --bol;
    bool text_before = false;
    for (std::size_t i = bol; i < r.begin; ++i) text_before = text_before || !space(m.text[i]);
    if (!text_before) continue;
    std::size_t next = eol + (content.compare(eol, 2, "\r\n") == 0 ? 2 : 1);
    while (next < m.text.size() && space(m.text[next])) ++next;
    if (next >= m.text.size() || m.text[next] == '\n' || m.text[next] == '\r') continue;
    std::string_view stmt = content.substr(r.begin + 2, r.end - r.begin - 2);
    while (!stmt.empty() && (stmt.front() == '-' || stmt.front() == '+' || space(stmt.front())))
      stmt.remove_prefix(1);
    const bool loop = stmt.rfind("for ", 0) == 0;
    const char c = m.text[next];
    if (!loop && c != ',' && c != ';' && c != ':') continue;
    m.text[eol - 1] = '\\';
  }
}

// A line that opens with a left-trimming tag ('{%- if not loop.last %},{% endif %}', '{{- x }}')
// renders onto the end of the text before it: the '-' strips every blank back to that text,
// line breaks included. Its own text is then part of the value above (the separator of a loop
// over voters or hosts), not a key: the line is blanked and the value above made opaque, since
// its rendered form gains the line's text. Only where literal text or a placeholder comes
// before; after a control tag the line starts a line of its own, as Ansible renders it
// (trim_blocks has already taken that tag's line break).
void join_trimmed_lines(std::string_view content, const core::LineIndex& lines, MaskedTemplate& m) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n'; };
  auto in_code = [&](std::size_t at) {
    return std::any_of(m.code.begin(), m.code.end(),
                       [&](const ByteRange& r) { return r.begin <= at && at < r.end; });
  };
  for (int line = 2; lines.has(line); ++line) {
    std::size_t b = lines.start(line);
    const std::size_t e = lines.has(line + 1) ? lines.start(line + 1) : content.size();
    while (b < e && is_space(content[b])) ++b;
    if (b + 3 > e || content[b] != '{' || content[b + 2] != '-' ||
        (content[b + 1] != '%' && content[b + 1] != '{' && content[b + 1] != '#'))
      continue;
    if (std::all_of(m.text.begin() + static_cast<std::ptrdiff_t>(b),
                    m.text.begin() + static_cast<std::ptrdiff_t>(e), space))
      continue;  // only template logic: nothing of its own joins the value above
    std::size_t before = b;
    while (before > 0 && space(content[before - 1])) --before;
    if (before == 0 || in_code(before - 1)) continue;
    for (std::size_t i = b; i < e; ++i)
      if (!space(m.text[i])) m.text[i] = ' ';
    // Kept in order of position, as mask_template sorted them.
    const ByteRange r{before - 1, before};
    m.opaque.insert(
        std::upper_bound(m.opaque.begin(), m.opaque.end(), r,
                         [](const ByteRange& x, const ByteRange& y) { return x.begin < y.begin; }),
        r);
  }
}

}  // namespace

MaskedTemplate mask_template(std::string_view content, TemplateSyntax syntax,
                             const core::LineIndex* known_lines) {
  MaskedTemplate m;
  m.syntax = syntax;
  m.text.assign(content);
  static constexpr Tag kJinjaTags[] = {
      {"{{", "}}", Tag::kExpr}, {"{%", "%}", Tag::kCode}, {"{#", "#}", Tag::kComment}};
  // Longest openers first so "<%=" is not taken for "<%".
  static constexpr Tag kErbTags[] = {{"<%#", "%>", Tag::kComment},
                                     {"<%=", "%>", Tag::kExpr},
                                     {"<%-", "%>", Tag::kCode},
                                     {"<%", "%>", Tag::kCode}};
  const Tag* tags_begin = nullptr;
  const Tag* tags_end = nullptr;
  if (syntax == TemplateSyntax::kJinja) {
    tags_begin = std::begin(kJinjaTags);
    tags_end = std::end(kJinjaTags);
  } else if (syntax == TemplateSyntax::kErb) {
    tags_begin = std::begin(kErbTags);
    tags_end = std::end(kErbTags);
  }
  // Same line breaks as java.util.Properties: \n, \r\n, lone \r. A plain file has no tags
  // to locate, so it is not indexed here (its check indexes it once, in load_props).
  core::LineIndex built;
  if (!known_lines && tags_begin != tags_end)
    built = core::LineIndex(content, core::LineBreaks::kJava);
  const core::LineIndex& lines = known_lines ? *known_lines : built;
  std::vector<bool> had_code(lines.size() + 1, false);

  std::size_t i = 0;
  while (tags_begin != tags_end && i < content.size()) {
    const Tag* hit = nullptr;
    if (content[i] == '{' || content[i] == '<') {
      for (const Tag* t = tags_begin; t != tags_end; ++t)
        if (content.compare(i, t->open.size(), t->open) == 0) {
          hit = t;
          break;
        }
    }
    if (!hit) {
      ++i;
      continue;
    }
    std::size_t close = content.find(hit->close, i + hit->open.size());
    if (close == std::string_view::npos) {
      // Only the rest of its line is masked: the lines after it are still checked.
      m.problems.push_back({lines.line(i), lines.column(i),
                            "unterminated template tag '" + std::string(hit->open) + "'"});
      close = content.find_first_of("\r\n", i);
      if (close == std::string_view::npos) close = content.size();
    } else {
      close += hit->close.size();
    }
    if (hit->kind == Tag::kExpr) {
      blank(m.text, i, close, '_');
      m.opaque.push_back({i, close});
    } else {
      blank(m.text, i, close, ' ');
      m.code.push_back({i, close});
      for (int l = lines.line(i); l <= lines.line(close > i ? close - 1 : i); ++l)
        had_code[static_cast<std::size_t>(l)] = true;
    }
    i = close;
  }
  mark_references(content, m.opaque);
  std::sort(m.opaque.begin(), m.opaque.end(),
            [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });

  // A line that held control code and is blank after masking was pure template logic.
  for (std::size_t l = 1; l < had_code.size(); ++l) {
    if (!had_code[l]) continue;
    const int line = static_cast<int>(l);
    const std::size_t b = lines.start(line);
    const std::size_t e = lines.has(line + 1) ? lines.start(line + 1) : m.text.size();
    const bool blank_line = std::all_of(
        m.text.begin() + static_cast<std::ptrdiff_t>(b),
        m.text.begin() + static_cast<std::ptrdiff_t>(e),
        [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; });
    if (blank_line) m.control_lines.push_back(line);
  }
  if (syntax == TemplateSyntax::kJinja) {
    join_loop_values(content, m);
    join_trimmed_lines(content, lines, m);
  }
  return m;
}

namespace {

// The statement of a code tag, without its delimiters and trim markers ("if x", "endif").
std::string_view statement(std::string_view tag) {
  for (std::string_view open : {"{%", "<%"})
    if (tag.substr(0, open.size()) == open) tag.remove_prefix(open.size());
  for (std::string_view close : {"%}", "%>"})
    if (tag.size() >= close.size() && tag.substr(tag.size() - close.size()) == close)
      tag.remove_suffix(close.size());
  while (!tag.empty() &&
         (tag.front() == '-' || tag.front() == '+' || tag.front() == ' ' || tag.front() == '\t'))
    tag.remove_prefix(1);
  while (!tag.empty() && (tag.back() == '-' || tag.back() == '+' || tag.back() == ' ' ||
                          tag.back() == '\t' || tag.back() == '\r' || tag.back() == '\n'))
    tag.remove_suffix(1);
  return tag;
}

std::string_view first_word(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && (std::isalnum(static_cast<unsigned char>(s[n])) || s[n] == '_')) ++n;
  return s.substr(0, n);
}

bool ends_with_word(std::string_view s, std::string_view w) {
  if (s.size() < w.size() || s.substr(s.size() - w.size()) != w) return false;
  return s.size() == w.size() ||
         !std::isalnum(static_cast<unsigned char>(s[s.size() - w.size() - 1]));
}

enum class Stmt { kOther, kIf, kElif, kElse, kEnd, kOpenOther };

Stmt classify(std::string_view tag, TemplateSyntax syntax) {
  if (tag.substr(0, 3) == "{%#" || tag.substr(0, 3) == "<%#" || tag.substr(0, 2) == "{#")
    return Stmt::kOther;
  const std::string_view st = statement(tag);
  const std::string_view w = first_word(st);
  if (w == "if" || (syntax == TemplateSyntax::kErb && w == "unless")) return Stmt::kIf;
  if (w == "elif" || w == "elsif") return Stmt::kElif;
  if (w == "else") return Stmt::kElse;
  if (syntax == TemplateSyntax::kJinja) {
    if (w == "endif") return Stmt::kEnd;
    if (w.substr(0, 3) == "end") return Stmt::kEnd;  // endfor, endmacro, endwith, ...
    for (std::string_view b : {"for", "macro", "block", "with", "filter", "call", "raw"})
      if (w == b) return Stmt::kOpenOther;
    return Stmt::kOther;
  }
  if (w == "end") return Stmt::kEnd;
  for (std::string_view b : {"case", "while", "until", "for", "begin"})
    if (w == b) return Stmt::kOpenOther;
  std::string_view rest = st;
  if (const auto bar = rest.rfind('|'); bar != std::string_view::npos && bar > 0) {
    // "x.each do |y|": the block's parameters follow "do".
    const auto open_bar = rest.rfind('|', bar - 1);
    if (open_bar != std::string_view::npos) rest = rest.substr(0, open_bar);
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  }
  if (ends_with_word(rest, "do")) return Stmt::kOpenOther;
  return Stmt::kOther;
}

struct Block {
  bool branch = false;    // an if-block; other blocks are transparent
  bool has_else = false;  // the last arm is an else: one arm always renders
  int arms = 1;
  int parent = -1;  // enclosing if-block (transparent blocks skipped), -1 = the top level
  int parent_arm = 0;
};

}  // namespace

bool renders_always(std::string_view content, const MaskedTemplate& mask,
                    const std::vector<std::size_t>& offsets) {
  if (offsets.empty()) return false;
  std::vector<Block> blocks;
  std::vector<int> open;  // blocks not yet closed, innermost last
  // The innermost enclosing if-block and its current arm.
  const auto scope = [&]() -> std::pair<int, int> {
    for (auto it = open.rbegin(); it != open.rend(); ++it)
      if (blocks[static_cast<std::size_t>(*it)].branch)
        return {*it, blocks[static_cast<std::size_t>(*it)].arms - 1};
    return {-1, 0};
  };
  // Where each offset sits: (if-block, arm); -1 = the top level.
  std::vector<std::pair<int, int>> at(offsets.size(), {-2, 0});
  std::vector<ByteRange> code = mask.code;
  std::sort(code.begin(), code.end(),
            [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
  const auto place_before = [&](std::size_t limit) {
    for (std::size_t k = 0; k < offsets.size(); ++k)
      if (at[k].first == -2 && offsets[k] < limit) at[k] = scope();
  };
  for (const ByteRange& r : code) {
    place_before(r.begin);
    const Stmt s = classify(content.substr(r.begin, r.end - r.begin), mask.syntax);
    if (s == Stmt::kIf || s == Stmt::kOpenOther) {
      Block b;
      b.branch = s == Stmt::kIf;
      std::tie(b.parent, b.parent_arm) = scope();
      blocks.push_back(b);
      open.push_back(static_cast<int>(blocks.size()) - 1);
    } else if ((s == Stmt::kElif || s == Stmt::kElse) && !open.empty()) {
      Block& b = blocks[static_cast<std::size_t>(open.back())];
      if (!b.branch) continue;  // a for-else: the loop's own, not an if arm
      ++b.arms;
      if (s == Stmt::kElse) b.has_else = true;
    } else if (s == Stmt::kEnd && !open.empty()) {
      open.pop_back();
    }
  }
  place_before(content.size() + 1);
  // covered(block, arm): that arm renders one of the offsets whenever it renders.
  std::map<std::pair<int, int>, bool> direct;
  for (const auto& a : at) direct[a] = true;
  std::function<bool(int, int)> covered = [&](int block, int arm) -> bool {
    if (direct.count({block, arm})) return true;
    for (std::size_t c = 0; c < blocks.size(); ++c) {
      const Block& b = blocks[c];
      if (!b.branch || !b.has_else || b.parent != block || b.parent_arm != arm) continue;
      bool all = true;
      for (int a = 0; a < b.arms && all; ++a) all = covered(static_cast<int>(c), a);
      if (all) return true;
    }
    return false;
  };
  return covered(-1, 0);
}

}  // namespace kafkalint::checks
