// Line helpers, quoted scalars and flow sequences, and the Dockerfile, Makefile, notes and
// console-block readers.

#include "scripts/readers.h"

#include <algorithm>

#include "scripts/tools.h"

namespace kafkalint::scripts {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

std::size_t skip_blanks(std::string_view s, std::size_t i, std::size_t end) {
  while (i < end && blank(s[i])) ++i;
  return i;
}

bool upper_equals(std::string_view word, std::string_view upper) {
  if (word.size() != upper.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

// A line break inside a flow/quoted scalar: folded to a space, or to n-1 newlines for n breaks.
std::size_t fold_breaks(std::string_view s, std::size_t i, std::size_t limit, Snippet& out) {
  const std::size_t at = i;
  int breaks = 0;
  while (i < limit && (s[i] == '\n' || s[i] == '\r' || blank(s[i]))) {
    if (s[i] == '\n') ++breaks;
    ++i;
  }
  out.append_replacement(
      breaks <= 1 ? std::string(" ") : std::string(static_cast<std::size_t>(breaks - 1), '\n'), at,
      1);
  return i;
}

void append_utf8(std::string& s, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF) {
    s += '?';
  } else if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::vector<Line> split_lines(std::string_view content, std::size_t start, std::size_t end) {
  std::vector<Line> lines;
  end = std::min(end, content.size());
  std::size_t b = std::min(start, end);
  while (b < end) {
    std::size_t e = content.find('\n', b);
    const std::size_t next = (e == std::string_view::npos || e >= end) ? end : e + 1;
    if (e == std::string_view::npos || e >= end) e = end;
    std::size_t stop = e;
    if (stop > b && content[stop - 1] == '\r') --stop;
    lines.push_back(Line{b, stop});
    b = next;
  }
  return lines;
}

Snippet join_lines(const Extractor& ex, const std::vector<Line>& lines, std::size_t first,
                   std::size_t last) {
  Snippet s;
  const std::string_view c = ex.content();
  for (std::size_t k = first; k < last && k < lines.size(); ++k) {
    s.append_copy(c, lines[k].begin, lines[k].end - lines[k].begin);
    s.append_replacement("\n", lines[k].end, lines[k].end < c.size() ? 1 : 0);
  }
  return s;
}

std::size_t read_quoted(Extractor& ex, std::size_t at, std::size_t limit, Snippet& out) {
  const std::string_view s = ex.content();
  const char quote = s[at];
  std::size_t i = at + 1;
  while (i < limit) {
    const char c = s[i];
    if (c == quote) {
      if (quote == '\'' && i + 1 < limit && s[i + 1] == '\'') {
        out.append_replacement("'", i, 2);
        i += 2;
        continue;
      }
      return i + 1;
    }
    if (c == '\n' || c == '\r') {
      i = fold_breaks(s, i, limit, out);
      continue;
    }
    if (quote == '"' && c == '\\' && i + 1 < limit) {
      const char d = s[i + 1];
      std::string rep;
      std::size_t len = 2;
      switch (d) {
        case 'n':
          rep = "\n";
          break;
        case 't':
        case '\t':
          rep = "\t";
          break;
        case 'r':
          rep = "\r";
          break;
        case '0':
          rep = std::string(1, '\0');
          break;
        case 'b':
          rep = "\b";
          break;
        case 'f':
          rep = "\f";
          break;
        case 'e':
          rep = "\x1b";
          break;
        case ' ':
          rep = " ";
          break;
        case '/':
          rep = "/";
          break;
        case '"':
          rep = "\"";
          break;
        case '\\':
          rep = "\\";
          break;
        case '\n':
        case '\r': {
          // An escaped line break joins the lines without a space.
          std::size_t j = i + 1;
          while (j < limit && (s[j] == '\r' || s[j] == '\n' || blank(s[j]))) ++j;
          i = j;
          continue;
        }
        case 'x':
        case 'u':
        case 'U': {
          const std::size_t digits = d == 'x' ? 2 : d == 'u' ? 4 : 8;
          unsigned long cp = 0;
          std::size_t k = 0;
          for (; k < digits && i + 2 + k < limit && hex_value(s[i + 2 + k]) >= 0; ++k)
            cp = cp * 16 + static_cast<unsigned long>(hex_value(s[i + 2 + k]));
          append_utf8(rep, cp);
          len = 2 + k;
          break;
        }
        default:
          rep = std::string(1, d);
          break;
      }
      out.append_replacement(rep, i, len);
      i += len;
      continue;
    }
    std::size_t j = i + 1;
    while (j < limit && s[j] != quote && s[j] != '\n' && s[j] != '\r' &&
           !(quote == '"' && s[j] == '\\'))
      ++j;
    out.append_copy(s, i, j - i);
    i = j;
  }
  ex.warn(at,
          quote == '"' ? "unterminated double-quoted string" : "unterminated single-quoted string");
  return limit;
}

std::size_t read_flow_sequence(Extractor& ex, std::size_t at, std::size_t limit,
                               std::vector<Word>& out) {
  const std::string_view s = ex.content();
  std::size_t i = at + 1;
  while (i < limit) {
    const char c = s[i];
    if (c == ']') return i + 1;
    if (c == ',' || c == '\n' || c == '\r' || blank(c)) {
      ++i;
      continue;
    }
    if (c == '#' && i > at && (blank(s[i - 1]) || s[i - 1] == '\n')) {
      std::size_t e = i;
      while (e < limit && s[e] != '\n' && s[e] != '\r') ++e;
      ex.comment(i, e);
      i = e;
      continue;
    }
    if (c == '"' || c == '\'') {
      Snippet m;
      const std::size_t e = read_quoted(ex, i, limit, m);
      out.push_back(ex.word(std::move(m), i, e));
      i = e;
      continue;
    }
    if (c == '[' || c == '{') {
      // A nested collection: kept as one opaque word so that positions stay right.
      const std::size_t b = i;
      int depth = 0;
      while (i < limit) {
        if (s[i] == '[' || s[i] == '{')
          ++depth;
        else if ((s[i] == ']' || s[i] == '}') && --depth == 0) {
          ++i;
          break;
        }
        ++i;
      }
      Word w = ex.word(ex.copy(b, i), b, i);
      w.opaque = true;
      out.push_back(std::move(w));
      continue;
    }
    // A plain scalar: up to ',' or ']' (Jinja '{{ }}' may hold commas), trailing blanks removed.
    const std::size_t b = i;
    while (i < limit && s[i] != ',' && s[i] != ']' && s[i] != '\n' && s[i] != '\r') {
      if (s[i] == '{' && i + 1 < limit && s[i + 1] == '{') {
        const std::size_t close = s.find("}}", i + 2);
        i = (close == std::string_view::npos || close >= limit) ? limit : close + 2;
        continue;
      }
      if (s[i] == '#' && blank(s[i - 1])) break;
      ++i;
    }
    std::size_t e = i;
    while (e > b && blank(s[e - 1])) --e;
    out.push_back(ex.word(ex.copy(b, e), b, e));
  }
  ex.warn(at, "unterminated flow sequence");
  return limit;
}

// ---- Dockerfile ----------------------------------------------------------------------------

namespace {

// One instruction's arguments: 'RUN', 'CMD', 'ENTRYPOINT' (shell or exec form).
void dockerfile_command(Extractor& ex, const std::vector<Line>& lines, std::size_t first,
                        std::size_t last, std::size_t args_at) {
  const std::string_view s = ex.content();
  // Exec form: a JSON array, possibly over continuation lines.
  if (args_at < lines[first].end && s[args_at] == '[') {
    std::vector<Word> words;
    const std::size_t limit = lines[last - 1].end;
    read_flow_sequence(ex, args_at, limit, words);
    // Continuation backslashes between elements are no elements.
    words.erase(
        std::remove_if(words.begin(), words.end(), [](const Word& w) { return w.text == "\\"; }),
        words.end());
    ex.argv(words, LexOptions{});
    return;
  }
  std::vector<Line> part(lines.begin() + static_cast<std::ptrdiff_t>(first),
                         lines.begin() + static_cast<std::ptrdiff_t>(last));
  part[0].begin = args_at;
  // BuildKit 'RUN <<EOF': the here-document is the script.
  if (s.substr(args_at, 2) == "<<" && part.size() > 1) {
    std::size_t b = args_at + 2;
    if (b < part[0].end && s[b] == '-') ++b;
    while (b < part[0].end && (s[b] == '"' || s[b] == '\'')) ++b;
    std::size_t e = b;
    while (e < part[0].end && s[e] != ' ' && s[e] != '"' && s[e] != '\'') ++e;
    const std::string_view delim = s.substr(b, e - b);
    std::size_t k = 1;
    while (k < part.size() && s.substr(part[k].begin, part[k].end - part[k].begin) != delim) ++k;
    ex.shell(join_lines(ex, part, 1, k), LexOptions{});
    return;
  }
  ex.shell(join_lines(ex, part, 0, part.size()), LexOptions{});
}

bool continues(std::string_view s, const Line& l, char escape) {
  std::size_t e = l.end;
  while (e > l.begin && blank(s[e - 1])) --e;
  return e > l.begin && s[e - 1] == escape;
}

}  // namespace

void read_dockerfile(Extractor& ex, const std::vector<Line>& lines) {
  const std::string_view s = ex.content();
  char escape = '\\';
  std::size_t i = 0;
  bool directives = true;
  while (i < lines.size()) {
    const Line& l = lines[i];
    const std::size_t b = skip_blanks(s, l.begin, l.end);
    if (b == l.end) {
      ++i;
      continue;
    }
    if (s[b] == '#') {
      const std::string_view text = s.substr(b, l.end - b);
      if (directives && text.find("escape=`") != std::string_view::npos) escape = '`';
      ex.comment(b, l.end);
      ++i;
      continue;
    }
    directives = false;
    // The instruction and its continuation lines; comment lines inside are dropped by Docker.
    std::vector<Line> inst{l};
    std::size_t j = i;
    bool more = continues(s, l, escape);
    while (more && j + 1 < lines.size()) {
      ++j;
      const std::size_t nb = skip_blanks(s, lines[j].begin, lines[j].end);
      if (nb == lines[j].end) continue;  // empty continuation lines are dropped too
      if (s[nb] == '#') {
        ex.comment(nb, lines[j].end);
        continue;  // the continuation goes on after the comment
      }
      inst.push_back(lines[j]);
      more = continues(s, lines[j], escape);
    }
    const std::size_t next = j + 1;
    // A shell-form instruction keeps its backslash-newlines: the shell lexer joins them. With
    // escape=` the continuation is Docker's own, so the lines are joined here.
    std::size_t kw_end = b;
    while (kw_end < l.end && !blank(s[kw_end])) ++kw_end;
    std::string_view keyword = s.substr(b, kw_end - b);
    std::size_t args = skip_blanks(s, kw_end, l.end);
    if (upper_equals(keyword, "ONBUILD")) {
      std::size_t e = args;
      while (e < l.end && !blank(s[e])) ++e;
      keyword = s.substr(args, e - args);
      args = skip_blanks(s, e, l.end);
    }
    if (upper_equals(keyword, "HEALTHCHECK")) {
      // HEALTHCHECK [--interval=..] CMD ...
      std::size_t p = args;
      while (p < l.end) {
        std::size_t e = p;
        while (e < l.end && !blank(s[e])) ++e;
        if (upper_equals(s.substr(p, e - p), "CMD")) {
          keyword = "CMD";
          args = skip_blanks(s, e, l.end);
          break;
        }
        p = skip_blanks(s, e, l.end);
      }
    }
    if (upper_equals(keyword, "RUN")) {
      // RUN --mount=... --network=... command
      while (s.substr(args, 2) == "--") {
        std::size_t e = args;
        while (e < l.end && !blank(s[e])) ++e;
        args = skip_blanks(s, e, l.end);
      }
    }
    if (upper_equals(keyword, "RUN") || upper_equals(keyword, "CMD") ||
        upper_equals(keyword, "ENTRYPOINT")) {
      if (escape == '`') {
        // Docker removes the escape and the line break itself.
        for (std::size_t k = 0; k + 1 < inst.size(); ++k) {
          std::size_t e = inst[k].end;
          while (e > inst[k].begin && blank(s[e - 1])) --e;
          inst[k].end = e > inst[k].begin ? e - 1 : e;
        }
        Snippet one;
        for (std::size_t k = 0; k < inst.size(); ++k) {
          const std::size_t from = k == 0 ? args : inst[k].begin;
          if (k > 0) one.append_replacement(" ", inst[k].begin, 0);
          if (inst[k].end > from) one.append_copy(s, from, inst[k].end - from);
        }
        if (args < l.end && s[args] != '[')
          ex.shell(one, LexOptions{});
        else
          dockerfile_command(ex, inst, 0, inst.size(), args);
      } else {
        dockerfile_command(ex, inst, 0, inst.size(), args);
      }
    }
    i = next;
  }
}

// ---- Makefile ------------------------------------------------------------------------------

void read_makefile(Extractor& ex, const std::vector<Line>& lines) {
  const std::string_view s = ex.content();
  bool in_rule = false;
  bool in_define = false;
  LexOptions lo;
  lo.make_vars = true;
  std::size_t i = 0;
  while (i < lines.size()) {
    const Line& l = lines[i];
    const std::string_view text = s.substr(l.begin, l.end - l.begin);
    const std::size_t b = skip_blanks(s, l.begin, l.end);
    const std::string_view trimmed = s.substr(b, l.end - b);
    if (in_define) {
      if (trimmed.substr(0, 6) == "endef") in_define = false;
      ++i;
      continue;
    }
    if (!text.empty() && text[0] == '\t' && in_rule) {
      // A recipe: its continuation lines lose one leading tab (make does that), the rest is
      // passed to the shell as written, backslash-newlines included.
      std::size_t j = i;
      while (continues(s, lines[j], '\\') && j + 1 < lines.size()) ++j;
      std::vector<Line> part(lines.begin() + static_cast<std::ptrdiff_t>(i),
                             lines.begin() + static_cast<std::ptrdiff_t>(j + 1));
      for (Line& p : part)
        if (p.begin < p.end && s[p.begin] == '\t') ++p.begin;
      // '@' (silent), '-' (ignore errors), '+' (always run) prefixes belong to make.
      std::size_t p = part[0].begin;
      while (p < part[0].end && (s[p] == '@' || s[p] == '-' || s[p] == '+' || blank(s[p]))) ++p;
      part[0].begin = p;
      ex.shell(join_lines(ex, part, 0, part.size()), lo);
      i = j + 1;
      continue;
    }
    if (trimmed.empty()) {
      ++i;
      continue;
    }
    if (trimmed[0] == '#') {
      ex.comment(b, l.end);
      ++i;
      continue;
    }
    if (trimmed.substr(0, 6) == "define" && (trimmed.size() == 6 || blank(trimmed[6]))) {
      in_define = true;
      ++i;
      continue;
    }
    // A rule line: a ':' before any '=' (and not ':='). 'target: deps ; recipe' has an inline
    // recipe.
    const std::size_t colon = text.find(':');
    const std::size_t equals = text.find('=');
    in_rule = colon != std::string_view::npos &&
              (equals == std::string_view::npos || colon < equals) &&
              !(colon + 1 < text.size() && text[colon + 1] == '=') && text[0] != '\t';
    std::size_t j = i;
    while (continues(s, lines[j], '\\') && j + 1 < lines.size()) ++j;
    if (in_rule) {
      const std::size_t semi = text.find(';', colon);
      if (semi != std::string_view::npos) {
        std::vector<Line> part(lines.begin() + static_cast<std::ptrdiff_t>(i),
                               lines.begin() + static_cast<std::ptrdiff_t>(j + 1));
        part[0].begin = l.begin + semi + 1;
        ex.shell(join_lines(ex, part, 0, part.size()), lo);
      }
    }
    i = j + 1;
  }
}

// ---- Plain-text notes ----------------------------------------------------------------------

void read_text_notes(Extractor& ex, const std::vector<Line>& lines) {
  const std::string_view s = ex.content();
  // A line is a candidate when it names a Kafka tool; its backslash continuations (before and
  // after) belong to it. Prose is never lexed as a whole: an apostrophe would open a quote.
  auto names_tool = [&](const Line& l) {
    const std::string_view t = s.substr(l.begin, l.end - l.begin);
    for (std::string_view marker : {std::string_view("kafka-"), std::string_view("zookeeper-"),
                                    std::string_view("connect-"), std::string_view("trogdor")})
      if (t.find(marker) != std::string_view::npos) return true;
    return false;
  };
  std::size_t done = 0;
  ex.set_lexer_warnings(false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!names_tool(lines[i])) continue;
    std::size_t first = i;
    while (first > done && continues(s, lines[first - 1], '\\')) --first;
    std::size_t last = i;
    while (last + 1 < lines.size() && continues(s, lines[last], '\\')) ++last;
    LexOptions lo;
    lo.windows_lines = true;
    lo.doc_placeholders = true;
    ex.shell(join_lines(ex, lines, first, last + 1), lo);
    done = last + 1;
    i = last;
  }
  ex.set_lexer_warnings(true);
}

// ---- Console blocks ------------------------------------------------------------------------

// Where a command starts after a "# " root prompt: "# comment" lines stay comments.
bool command_start(std::string_view t) {
  for (std::string_view w : {"bin/", "./", "/", "kafka-", "sudo ", "cd ", "export ", "docker ",
                             "kubectl ", "zookeeper-", "connect-", "~/", "$KAFKA", "${KAFKA"})
    if (t.rfind(w, 0) == 0) return true;
  return false;
}

// An option on a line of its own: "--bootstrap-server x", "-p 3" (not "- item", not "---").
bool option_line(std::string_view t) {
  std::size_t p = 0;
  while (p < t.size() && blank(t[p])) ++p;
  if (p + 1 >= t.size() || t[p] != '-') return false;
  if (t[p + 1] == '-')
    return p + 2 < t.size() && std::isalpha(static_cast<unsigned char>(t[p + 2]));
  return std::isalpha(static_cast<unsigned char>(t[p + 1])) &&
         (p + 2 == t.size() || blank(t[p + 2]) ||
          std::isalpha(static_cast<unsigned char>(t[p + 2])));
}

void read_console_block(Extractor& ex, const Snippet& block, bool batch, bool powershell,
                        bool prompts_allowed) {
  const std::string& t = block.text();
  struct L {
    std::size_t b, e;
  };
  std::vector<L> ls;
  for (std::size_t b = 0; b < t.size();) {
    std::size_t e = t.find('\n', b);
    if (e == std::string::npos) e = t.size();
    ls.push_back(L{b, e});
    b = e + 1;
  }
  // The length of a prompt before a command: "$ ", "> ", "PS> ", "PS C:\kafka> ",
  // "user@host:~/kafka$ ", "# " before a command word; npos when the line has none.
  auto prompt_len = [&](const L& l) -> std::size_t {
    std::size_t p = l.b;
    while (p < l.e && blank(t[p])) ++p;
    const std::string_view rest(t.data() + p, l.e - p);
    if (p < l.e && (t[p] == '$' || t[p] == '>') && (p + 1 == l.e || blank(t[p + 1])))
      return p + (p + 1 == l.e ? 1 : 2) - l.b;
    if (rest.rfind("PS", 0) == 0) {
      const std::size_t gt = rest.find("> ");
      if (gt != std::string_view::npos && gt < 80 && rest.substr(0, gt).find('\n') == rest.npos)
        return p + gt + 2 - l.b;
    }
    if (rest.size() > 2 && rest[0] == '#' && rest[1] == ' ' && command_start(rest.substr(2)))
      return p + 2 - l.b;
    // user@host:dir$ : a word with '@' then "$ " or "# ".
    const std::size_t at = rest.find('@');
    const std::size_t sign = rest.find_first_of("$#");
    if (at != std::string_view::npos && sign != std::string_view::npos && at < sign &&
        sign + 1 < rest.size() && blank(rest[sign + 1]) && sign < 80 &&
        rest.substr(0, sign).find_first_of(" \t") == std::string_view::npos)
      return p + sign + 2 - l.b;
    return std::string::npos;
  };
  bool prompts = false;
  for (const L& l : ls)
    if (prompts_allowed && prompt_len(l) != std::string::npos) prompts = true;
  Snippet out;
  bool continuation = false;                      // the previous line ends with a backslash
  bool in_command = false;                        // the previous kept line belongs to a command
  bool producer_input = false;                    // a console producer reads the lines after it
  std::size_t pending_break = std::string::npos;  // the last kept line's break, not yet written
  auto flush_break = [&](bool join) {
    if (pending_break == std::string::npos) return;
    if (join)
      out.append_replacement(" ", block.map(pending_break), 1);  // a line break inside a command
    else
      out.append_from(block, pending_break, pending_break + 1);
    pending_break = std::string::npos;
  };
  bool tick = false;  // PowerShell: the previous line ends with a backtick, which joins lines
  for (const L& l : ls) {
    std::size_t b = l.b;
    const std::string_view line(t.data() + l.b, l.e - l.b);
    const bool joined = tick;
    tick = false;
    // A command continued over lines that start with an option, without backslashes, as
    // runbooks write them.
    const bool option = !continuation && !joined && in_command && option_line(line);
    if (joined) {
      flush_break(true);
      // A PowerShell console shows '>> ' before each continued line.
      std::size_t p = b;
      while (p < l.e && blank(t[p])) ++p;
      if (prompts && l.e - p >= 2 && t[p] == '>' && t[p + 1] == '>')
        b = p + 2 < l.e && blank(t[p + 2]) ? p + 3 : p + 2;
    } else if (option) {
      flush_break(true);
    } else if (prompts) {
      std::size_t p = prompt_len(l);
      // "> hello" after a console producer is what the user typed into it.
      if (producer_input && !continuation && p != std::string::npos &&
          line.find_first_not_of(" \t") != line.npos && line[line.find_first_not_of(" \t")] == '>')
        p = std::string::npos;
      if (p == std::string::npos && !continuation) {
        in_command = false;
        continue;  // output of the previous command
      }
      if (p != std::string::npos) b = l.b + p;
      flush_break(false);
    } else {
      flush_break(false);
    }
    std::size_t e = l.e;
    while (e > b && (blank(t[e - 1]) || t[e - 1] == '\r')) --e;
    if (powershell && e > b && t[e - 1] == '`') {
      // PowerShell's line continuation: the backtick and the break read as one blank.
      out.append_from(block, b, e - 1);
      out.append_replacement(" ", block.map(e - 1), 1);
      tick = true;
    } else {
      out.append_from(block, b, l.e);
    }
    if (l.e < t.size()) pending_break = l.e;
    continuation = e > b && t[e - 1] == '\\';
    const std::string_view kept(t.data() + b, e - b);
    if (!option && !continuation) producer_input = false;
    if (kept.find("console-producer") != std::string_view::npos) producer_input = true;
    in_command = e > b && kept.find_first_not_of(" \t") != std::string_view::npos &&
                 kept[kept.find_first_not_of(" \t")] != '#';
  }
  flush_break(false);
  LexOptions lo;
  lo.batch = batch;
  lo.windows_lines = true;
  lo.doc_placeholders = true;
  ex.shell(out, lo);
}

}  // namespace kafkalint::scripts
