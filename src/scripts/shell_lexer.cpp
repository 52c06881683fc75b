#include "scripts/shell_lexer.h"

#include <boost/spirit/home/x3.hpp>
#include <cctype>

namespace kafkalint::scripts {
namespace {

namespace x3 = boost::spirit::x3;
using It = const char*;

// Mutable state the grammar's actions write to while one word is being read.
struct LexState {
  const char* base = nullptr;
  LexResult* out = nullptr;
  std::string text;  // cooked text of the current word
  bool opaque = false;
  std::size_t runs_begin = 0;
  // Set by the balanced scanner for the action that follows it.
  bool terminated = true;
  const char* mark = nullptr;  // where the construct being read started (for warnings)

  std::size_t off(const char* p) const { return static_cast<std::size_t>(p - base); }

  void start_word() {
    text.clear();
    opaque = false;
    runs_begin = out->word_runs.size();
  }
  void copy(It b, It e) {
    if (b == e) return;
    const std::size_t t = text.size();
    const std::size_t len = static_cast<std::size_t>(e - b);
    text.append(b, e);
    auto& runs = out->word_runs;
    if (runs.size() > runs_begin) {
      Run& last = runs.back();
      if (last.text_len == last.orig_len && last.text + last.text_len == t &&
          last.orig + last.orig_len == off(b)) {
        last.text_len += len;
        last.orig_len += len;
        return;
      }
    }
    runs.push_back(Run{t, off(b), len, len});
  }
  // An expansion, kept as written; in a Makefile recipe the shell gets '$' for make's '$$'.
  void copy_expansion(It b, It e, bool make) {
    if (make && e - b >= 2 && b[0] == '$' && b[1] == '$') {
      replace('$', b, b + 2);
      b += 2;
    }
    copy(b, e);
    opaque = true;
  }
  void replace(char c, It b, It e) {
    const std::size_t t = text.size();
    text.push_back(c);
    out->word_runs.push_back(Run{t, off(b), 1, static_cast<std::size_t>(e - b)});
  }
  void warn(const char* at, std::string message) {
    out->warnings.push_back(LexWarning{off(at), std::move(message)});
  }
};

// Reads the inside of '$(', '${', '`', '<(' up to the matching closer, with quotes, escapes and
// nesting, in one pass with an explicit depth counter (no recursion: deep nesting cannot
// overflow the stack). Unterminated input is consumed to the end and flagged, never rejected,
// so that the lexer always moves forward.
struct BalancedParser : x3::parser<BalancedParser> {
  using attribute_type = x3::unused_type;

  char closer;  // ')' , '}' or '`'
  LexState* state;
  std::size_t open = 1;  // 2 for '$((': arithmetic closes with '))'

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    Iterator p = first;
    if (closer == '`') {
      while (p != last && *p != '`') {
        if (*p == '\\' && p + 1 != last) ++p;
        ++p;
      }
      state->terminated = p != last;
      if (p != last) ++p;
      first = p;
      return true;
    }
    // Stack of open contexts: '(' paren, '{' brace, '"' double quote. A small fixed array; past
    // its size only the depth is counted (everything deeper is treated as parentheses).
    char stack[64];
    std::size_t depth = open;
    stack[0] = stack[1] = closer == ')' ? '(' : '{';
    auto top = [&]() { return depth <= sizeof stack ? stack[depth - 1] : '('; };
    auto push = [&](char c) {
      if (depth < sizeof stack) stack[depth] = c;
      ++depth;
    };
    while (p != last && depth > 0) {
      const char c = *p;
      const char ctx = top();
      if (c == '\\') {
        p += (p + 1 != last) ? 2 : 1;
        continue;
      }
      if (ctx == '"') {
        if (c == '"') {
          --depth;
        } else if (c == '$' && p + 1 != last && (p[1] == '(' || p[1] == '{')) {
          push(p[1] == '(' ? '(' : '{');
          ++p;
        } else if (c == '`') {
          ++p;
          while (p != last && *p != '`') p += (*p == '\\' && p + 1 != last) ? 2 : 1;
          if (p == last) break;
        }
        ++p;
        continue;
      }
      if (c == '\'') {
        ++p;
        while (p != last && *p != '\'') ++p;
        if (p == last) break;
      } else if (c == '"') {
        push('"');
      } else if (c == '`') {
        ++p;
        while (p != last && *p != '`') p += (*p == '\\' && p + 1 != last) ? 2 : 1;
        if (p == last) break;
      } else if (c == '$' && p + 1 != last && p[1] == '{') {
        push('{');
        ++p;
      } else if (c == '(' && ctx == '(') {
        push('(');
      } else if ((c == ')' && ctx == '(') || (c == '}' && ctx == '{')) {
        --depth;
      }
      ++p;
    }
    state->terminated = depth == 0;
    first = p;
    return true;
  }
};

// Skips a Jinja tag '{% ... %}' or '{# ... #}' (the opener already matched); unterminated tags
// run to the end of the text.
struct TagParser : x3::parser<TagParser> {
  using attribute_type = x3::unused_type;
  char close;  // '%' or '#'
  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    Iterator p = first;
    while (p != last && !(*p == close && p + 1 != last && p[1] == '}')) ++p;
    first = (p == last) ? p : p + 2;
    return true;
  }
};

// Character classes of the grammar, built once: constructing an X3 char_set parses its
// definition into a 256-bit table, too slow to repeat for every snippet.
const auto kNameStart = x3::char_("a-zA-Z_");
const auto kNameChar = x3::char_("a-zA-Z0-9_");
const auto kSpecialParam = x3::char_("@*#?$!0-9");
const auto kMakeVarChar = x3::char_("a-zA-Z0-9_@<^+*?%");
const auto kDqEscapable = x3::char_("$`\"\\");
const auto kDqPlain = ~x3::char_("\"\\$`{");
const auto kAnsiEscapable = x3::char_("ntrabfve'\"\\?");
const auto kAnsiPlain = ~x3::char_("'\\");
const auto kPlain = ~x3::char_(" \t\r\n\f\v;&|<>()'\"`\\${");
const auto kPlaceholderChar = x3::char_("a-zA-Z0-9_.:/-");

// '<word>' of a document: '<' then letters, digits and "_.:/-", then '>' (see
// LexOptions::doc_placeholders).
bool placeholder_at(const char* it, const char* last) {
  if (it == last || *it != '<') return false;
  const char* p = it + 1;
  while (p != last && (std::isalnum(static_cast<unsigned char>(*p)) || *p == '_' || *p == '.' ||
                       *p == ':' || *p == '/' || *p == '-'))
    ++p;
  return p != it + 1 && p != last && *p == '>';
}

// The grammar of one shell word. Built once per lex_shell() call (X3 character sets cost a
// 256-bit table each), its actions write into `s`.
auto word_grammar(LexState& s, const LexOptions& opts) {
  auto copy = [&s](auto& ctx) {
    auto r = x3::_attr(ctx);
    s.copy(r.begin(), r.end());
  };
  const bool make = opts.make_vars;
  auto copy_opaque = [&s, make](auto& ctx) {
    auto r = x3::_attr(ctx);
    s.copy_expansion(r.begin(), r.end(), make);
  };
  auto mark = [&s](auto& ctx) { s.mark = x3::_attr(ctx).begin(); };
  auto escaped = [&s](auto& ctx) {
    auto r = x3::_attr(ctx);
    s.replace(r.begin()[1], r.begin(), r.end());
  };
  auto unterminated = [&s](const char* what) {
    return [&s, what](auto&) { s.warn(s.mark, std::string("unterminated ") + what); };
  };
  // A command substitution: opaque in the word, and its inside is a script of its own.
  auto substitution = [&s, make](std::size_t open_len) {
    return [&s, open_len, make](auto& ctx) {
      auto r = x3::_attr(ctx);
      s.copy_expansion(r.begin(), r.end(), make);
      const std::size_t b = s.off(r.begin()) + open_len;
      std::size_t e = s.off(r.end());
      if (s.terminated)
        --e;
      else
        s.warn(r.begin(), "unterminated command substitution");
      if (e > b) s.out->substitutions.push_back(Substitution{b, e});
    };
  };
  auto expansion = [&s, make](auto& ctx) {
    auto r = x3::_attr(ctx);
    s.copy_expansion(r.begin(), r.end(), make);
    if (!s.terminated) s.warn(r.begin(), "unterminated parameter expansion");
  };

  const BalancedParser paren{{}, ')', &s};
  const BalancedParser arithmetic{{}, ')', &s, 2};
  const BalancedParser brace{{}, '}', &s};
  const BalancedParser tick{{}, '`', &s};

  // Boost 1.74's _where() is not the matched range, so every action sits on a raw[] and
  // reads the range from its attribute.
  const auto name = kNameStart >> *kNameChar;
  const auto special = kSpecialParam | x3::char_('-');
  // '$' for the shell: in a Makefile recipe the shell sees '$' where make had '$$'.
  const auto shell_dollar = (x3::eps(make) >> x3::lit("$$")) | (x3::eps(!make) >> x3::lit('$'));
  const auto make_ref =
      x3::eps(make) >>
      x3::raw[x3::lit('$') >> !x3::lit('$') >>
              ((x3::lit('(') >> paren) | (x3::lit('{') >> brace) | kMakeVarChar)][expansion];
  const auto dollar = make_ref | x3::raw[shell_dollar >> x3::lit("((") >> arithmetic][expansion] |
                      x3::raw[shell_dollar >> x3::lit('(') >> paren][substitution(make ? 3 : 2)] |
                      x3::raw[shell_dollar >> x3::lit('{') >> brace][expansion] |
                      x3::raw[shell_dollar >> (name | special)][copy_opaque];
  const auto backtick = x3::raw[x3::lit('`') >> tick][substitution(1)];
  const auto jinja_expr =
      x3::raw[x3::lit("{{") >> *(x3::char_ - "}}") >> (x3::lit("}}") | x3::eoi)][copy_opaque];
  const auto single_quoted = x3::raw[x3::lit('\'')][mark] >> x3::raw[*~x3::char_('\'')][copy] >>
                             (x3::lit('\'') | x3::eoi[unterminated("single quote")]);
  // $'...' decodes the C escapes; others (\x41, \u00e9, \0nn) are kept as written.
  auto ansi_escaped = [&s](auto& ctx) {
    auto r = x3::_attr(ctx);
    static constexpr std::string_view kFrom = "ntrabfve";
    static constexpr std::string_view kTo = "\n\t\r\a\b\f\v\x1b";
    const char c = r.begin()[1];
    const std::size_t k = kFrom.find(c);
    s.replace(k == std::string_view::npos ? c : kTo[k], r.begin(), r.end());
  };
  const auto ansi_c = x3::raw[x3::lit("$'")][mark] >>
                      *(x3::raw[x3::lit('\\') >> kAnsiEscapable][ansi_escaped] |
                        x3::raw[x3::lit('\\') >> x3::char_][copy] | x3::raw[+kAnsiPlain][copy] |
                        x3::raw[x3::lit('\\')][copy]) >>
                      (x3::lit('\'') | x3::eoi[unterminated("$'...' string")]);
  const auto double_quoted =
      x3::raw[x3::lit('"')][mark] >>
      *(x3::lit("\\\n") | x3::lit("\\\r\n") | x3::raw[x3::lit('\\') >> kDqEscapable][escaped] |
        dollar | backtick | jinja_expr | x3::raw[+kDqPlain][copy] |
        x3::raw[x3::char_ - '"'][copy]) >>
      (x3::lit('"') | x3::eoi[unterminated("double quote")]);
  const auto escape = x3::lit("\\\n") | x3::lit("\\\r\n") |
                      x3::raw[x3::lit('\\') >> x3::char_][escaped] | x3::raw[x3::lit('\\')][copy];
  const auto proc_subst = x3::raw[(x3::lit("<(") | x3::lit(">(")) >> paren][substitution(2)];
  const auto jinja_tag_ahead = x3::eps(opts.jinja) >> (x3::lit("{%") | x3::lit("{#"));
  const auto plain =
      x3::raw[+kPlain][copy] | x3::raw[!jinja_tag_ahead >> !x3::lit("{{") >> x3::char_('{')][copy];
  // Every alternative either matches or fails before its actions run (no half-read parts);
  // a '$' that starts no expansion is a literal dollar.
  const auto lone_dollar = x3::raw[x3::char_('$')][copy];
  const auto doc_placeholder =
      x3::eps(opts.doc_placeholders) >>
      x3::raw[x3::lit('<') >> +kPlaceholderChar >> x3::lit('>')][copy_opaque];
  const auto part = doc_placeholder | single_quoted | ansi_c | double_quoted | dollar | backtick |
                    jinja_expr | escape | plain | lone_dollar;
  auto word = (proc_subst >> *part) | +part;

  return word;
}

class Lexer {
 public:
  Lexer(std::string_view text, const LexOptions& opts, LexResult& out)
      : text_(text), opts_(opts), out_(out) {
    st_.base = text.data();
    st_.out = &out;
  }

  void run() {
    const char* const last = text_.data() + text_.size();
    const char* it = text_.data();
    bool expect_heredoc_word = false;
    const auto word = word_grammar(st_, opts_);
    while (it != last) {
      const char* const start = it;
      if (skip_blanks(it, last)) continue;
      if (*it == '\n') {
        push(LexKind::kControl, start, it + 1, "\n");
        ++it;
        expect_heredoc_word = false;
        read_heredoc_bodies(it, last);
        continue;
      }
      if (*it == '#') {
        const char* e = start;
        while (e != last && *e != '\n') ++e;
        out_.comments.emplace_back(st_.off(start), st_.off(e));
        it = e;
        continue;
      }
      if (!expect_heredoc_word && ((*it == '<' || *it == '>') && it + 1 != last && it[1] == '(')) {
        read_word(it, last, word);
        continue;
      }
      if (!expect_heredoc_word && !(opts_.doc_placeholders && placeholder_at(it, last))) {
        std::string_view op;
        if (read_redirect(it, last, op)) {
          push(LexKind::kRedirect, start, it, std::string(op));
          if (op == "<<" || op == "<<-") {
            expect_heredoc_word = true;
            heredoc_op_ = start;
            heredoc_strip_tabs_ = op == "<<-";
            heredoc_redirect_ = out_.tokens.size() - 1;
          }
          continue;
        }
        if (read_control(it, last, op)) {
          push(LexKind::kControl, start, it, std::string(op));
          continue;
        }
      }
      if (!read_word(it, last, word)) {
        ++it;  // cannot happen with this grammar, but never loop without progress
        continue;
      }
      if (expect_heredoc_word) {
        expect_heredoc_word = false;
        const LexToken& w = out_.tokens.back();
        const std::string_view raw = text_.substr(w.begin, w.end - w.begin);
        pending_.push_back(Pending{w.text, heredoc_strip_tabs_,
                                   raw.find_first_of("'\"\\") != std::string_view::npos,
                                   heredoc_op_, heredoc_redirect_});
      }
    }
    // A here-document whose line never ended: its body is empty and unterminated.
    for (const Pending& p : pending_)
      st_.warn(p.op, "unterminated here-document '" + p.delimiter + "'");
  }

 private:
  struct Pending {
    std::string delimiter;
    bool strip_tabs;
    bool quoted;
    const char* op;
    std::size_t redirect;  // index of the '<<' token
  };

  void push(LexKind kind, const char* b, const char* e, std::string text) {
    LexToken t;
    t.kind = kind;
    t.begin = st_.off(b);
    t.end = st_.off(e);
    t.text = std::move(text);
    out_.tokens.push_back(std::move(t));
  }

  // Blanks, line continuations and (Jinja) tags; true when something was skipped.
  bool skip_blanks(const char*& it, const char* last) {
    const char* const start = it;
    while (it != last) {
      const char c = *it;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++it;
      } else if (c == '\\' && it + 1 != last && it[1] == '\n') {
        it += 2;
      } else if (c == '\\' && it + 2 < last && it[1] == '\r' && it[2] == '\n') {
        it += 3;
      } else if (opts_.jinja && c == '{' && it + 1 != last && (it[1] == '%' || it[1] == '#')) {
        TagParser tag;
        tag.close = it[1];
        const char* p = it + 2;
        x3::parse(p, last, tag);
        it = p;
        // trim_blocks (Ansible's default): the line break right after a tag is dropped.
        if (it != last && *it == '\r') ++it;
        if (it != last && *it == '\n') ++it;
      } else if (opts_.jinja && c == '\n' && joins_line(it + 1, last)) {
        ++it;
      } else {
        break;
      }
    }
    return it != start;
  }

  // jinja_joins_line() with memory: its scan over a run of blank lines answers for every line
  // break of that run, so many blank lines cost linear, not quadratic, time.
  bool joins_line(const char* p, const char* last) {
    if (p > join_scan_start_ && p <= join_scan_stop_) return join_scan_result_;
    join_scan_start_ = p;
    join_scan_result_ = jinja_joins_line(p, last, join_scan_stop_);
    return join_scan_result_;
  }

  // Jinja's '{%-' strips the whitespace before it, line breaks included; comment tags emit
  // nothing, so the strip sees through them.
  static bool jinja_joins_line(const char* p, const char* last, const char*& stop) {
    stop = p;
    while (p != last) {
      stop = p;
      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
        ++p;
      } else if (*p == '{' && p + 2 < last && (p[1] == '%' || p[1] == '#' || p[1] == '{') &&
                 p[2] == '-') {
        return true;
      } else if (*p == '{' && p + 1 != last && p[1] == '#') {
        p += 2;
        while (p != last && !(*p == '#' && p + 1 != last && p[1] == '}')) ++p;
        if (p != last) p += 2;
      } else {
        return false;
      }
    }
    stop = p;
    return false;
  }

  bool read_redirect(const char*& it, const char* last, std::string_view& op) {
    const char* p = it;
    while (p != last && *p >= '0' && *p <= '9') ++p;
    static constexpr std::string_view kOps[] = {"<<<", "<<-", "<<", ">>", "&>>", "&>",
                                                ">&",  "<&",  "<>", ">|", ">",   "<"};
    const std::string_view rest(p, static_cast<std::size_t>(last - p));
    for (std::string_view o : kOps) {
      if (o[0] == '&' && p != it) continue;  // '2&>' is not a redirection
      if (rest.substr(0, o.size()) == o) {
        op = std::string_view(it, static_cast<std::size_t>(p - it) + o.size());
        it = p + o.size();
        return true;
      }
    }
    return false;
  }

  static bool read_control(const char*& it, const char* last, std::string_view& op) {
    static constexpr std::string_view kOps[] = {";;&", ";;", ";&", "&&", "||", "|&",
                                                ";",   "|",  "&",  "(",  ")"};
    const std::string_view rest(it, static_cast<std::size_t>(last - it));
    for (std::string_view o : kOps) {
      if (rest.substr(0, o.size()) == o) {
        op = o;
        it += o.size();
        return true;
      }
    }
    return false;
  }

  template <typename Grammar>
  bool read_word(const char*& it, const char* last, const Grammar& word) {
    LexState& s = st_;
    s.start_word();
    const char* const start = it;
    const char* p = it;
    if (!x3::parse(p, last, word) || p == start) return false;
    it = p;
    LexToken t;
    t.kind = LexKind::kWord;
    t.begin = s.off(start);
    t.end = s.off(p);
    t.text = s.text;
    // In a template, '{{ x }}' is replaced before any shell sees it, inside quotes too.
    t.opaque =
        s.opaque ||
        (opts_.jinja && std::string_view(start, static_cast<std::size_t>(p - start)).find("{{") !=
                            std::string_view::npos);
    t.runs_begin = s.runs_begin;
    t.runs_end = out_.word_runs.size();
    out_.tokens.push_back(std::move(t));
    return true;
  }

  // After a line break: the bodies of the here-documents opened on the line just ended.
  void read_heredoc_bodies(const char*& it, const char* last) {
    for (const Pending& h : pending_) {
      const char* const body = it;
      const char* p = it;
      bool found = false;
      const char* body_end = last;
      while (p != last) {
        const char* eol = p;
        while (eol != last && *eol != '\n') ++eol;
        const char* b = p;
        if (h.strip_tabs)
          while (b != eol && *b == '\t') ++b;
        const char* e = eol;
        if (e != b && e[-1] == '\r') --e;
        if (std::string_view(b, static_cast<std::size_t>(e - b)) == h.delimiter) {
          found = true;
          body_end = p;
          p = eol == last ? eol : eol + 1;
          break;
        }
        p = eol == last ? eol : eol + 1;
      }
      if (!found) {
        st_.warn(h.op, "unterminated here-document '" + h.delimiter + "'");
        body_end = last;
        p = last;
      }
      LexToken t;
      t.kind = LexKind::kHeredoc;
      t.begin = st_.off(body);
      t.end = st_.off(body_end);
      t.text.assign(body, body_end);
      t.opaque = h.quoted;
      out_.tokens[h.redirect].heredoc = out_.tokens.size();
      out_.tokens.push_back(std::move(t));
      it = p;
    }
    pending_.clear();
  }

  std::string_view text_;
  const LexOptions& opts_;
  LexResult& out_;
  LexState st_;
  std::vector<Pending> pending_;
  const char* heredoc_op_ = nullptr;
  bool heredoc_strip_tabs_ = false;
  std::size_t heredoc_redirect_ = 0;
  const char* join_scan_start_ = nullptr;
  const char* join_scan_stop_ = nullptr;
  bool join_scan_result_ = false;
};

}  // namespace

LexResult lex_shell(std::string_view text, const LexOptions& opts) {
  if (opts.batch) return lex_batch(text);
  LexResult out;
  out.tokens.reserve(text.size() / 6 + 4);
  Lexer lexer(text, opts, out);
  lexer.run();
  return out;
}

}  // namespace kafkalint::scripts
