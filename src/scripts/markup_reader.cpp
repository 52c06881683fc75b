// Code in documentation: Markdown and AsciiDoc code blocks and inline code, HTML <pre> and
// <code>. Prose is never read as commands: a tool named in a sentence is not an invocation.
// Inline code spans are read, because READMEs often give their commands only that way
// ("`kafka-topics --create ...`"); they count only when they start with a Kafka tool.

#include <algorithm>
#include <array>
#include <cctype>

#include "core/strings.h"
#include "scripts/readers.h"

namespace kafkalint::scripts {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

enum class BlockLang {
  kShell,
  kBatch,
  kPowerShell,
  kDockerfile,
  kYaml,
  kMakefile,
  kProperties,
  kOther
};

BlockLang lang_of(std::string_view info) {
  // "bash", "{.bash}", "shell script", "source,bash"
  std::size_t b = 0;
  while (b < info.size() && (info[b] == '{' || info[b] == '.' || blank(info[b]))) ++b;
  std::size_t e = b;
  while (e < info.size() && !blank(info[e]) && info[e] != '}' && info[e] != ',' && info[e] != ']')
    ++e;
  const std::string l = core::ascii_lower(info.substr(b, e - b));
  static constexpr std::array<std::string_view, 16> kShell{
      "",      "bash",        "sh",       "shell", "console", "shell-session", "shellsession",
      "zsh",   "ksh",         "terminal", "text",  "txt",     "plaintext",     "none",
      "plain", "bash-session"};
  if (std::find(kShell.begin(), kShell.end(), l) != kShell.end()) return BlockLang::kShell;
  // cmd.exe blocks are read as batch; PowerShell ones as shell text with backtick line
  // continuations, whose Windows lines ('.\bin\windows\kafka-topics.bat ...') are read as
  // batch line by line.
  if (l == "bat" || l == "batch" || l == "cmd" || l == "dos" || l == "doscon" || l == "winbatch")
    return BlockLang::kBatch;
  if (l == "powershell" || l == "ps1" || l == "pwsh" || l == "ps" || l == "posh" ||
      l == "pwsh-session" || l == "ps1con")
    return BlockLang::kPowerShell;
  if (l == "dockerfile" || l == "docker") return BlockLang::kDockerfile;
  if (l == "yaml" || l == "yml") return BlockLang::kYaml;
  if (l == "makefile" || l == "make" || l == "mk") return BlockLang::kMakefile;
  if (l == "properties" || l == "ini" || l == "conf" || l == "cfg" || l == "jproperties" ||
      l == "java-properties" || l == "config")
    return BlockLang::kProperties;
  return BlockLang::kOther;
}

// A line of a block that reads as a Kafka-style entry: a lower-case dotted key ("log.dirs",
// "og.message.format.version") followed by '=' or ':'.
bool entry_like(std::string_view t) {
  std::size_t b = 0;
  while (b < t.size() && blank(t[b])) ++b;
  std::size_t e = b;
  bool dot = false;
  while (e < t.size() && (std::islower(static_cast<unsigned char>(t[e])) ||
                          std::isdigit(static_cast<unsigned char>(t[e])) || t[e] == '.' ||
                          t[e] == '-' || t[e] == '_')) {
    dot = dot || t[e] == '.';
    ++e;
  }
  if (e == b || !dot || !std::islower(static_cast<unsigned char>(t[b]))) return false;
  while (e < t.size() && blank(t[e])) ++e;
  return e < t.size() && (t[e] == '=' || t[e] == ':');
}

// Counts the entry-like and other lines of a block (comments and blanks aside).
void count_line(std::string_view t, std::size_t* entries, std::size_t* others) {
  const std::size_t b = t.find_first_not_of(" \t\r");
  if (b == std::string_view::npos || t[b] == '#' || t[b] == '!') return;
  (entry_like(t) ? *entries : *others) += 1;
}

bool mostly(std::size_t entries, std::size_t others) {
  return entries >= 1 && entries * 10 >= (entries + others) * 7;
}

// True when most lines of an unlabelled block are entries (comments and blanks aside): a
// properties snippet written without a label. The check then keeps it only when its keys are
// mostly Kafka's.
bool mostly_entries(const Extractor& ex, const std::vector<Line>& lines) {
  const std::string_view s = ex.content();
  std::size_t entries = 0, others = 0;
  for (const Line& l : lines) count_line(s.substr(l.begin, l.end - l.begin), &entries, &others);
  return mostly(entries, others);
}

// The same for decoded text (an HTML block), line by line.
bool mostly_entries(std::string_view text) {
  std::size_t entries = 0, others = 0;
  for (std::size_t b = 0; b < text.size();) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    count_line(text.substr(b, e - b), &entries, &others);
    b = e + 1;
  }
  return mostly(entries, others);
}

// The role of a properties block from the prose just before it: a file name it mentions.
std::string role_before(const Extractor& ex, std::size_t block_begin) {
  const std::string_view s = ex.content();
  const std::size_t from = block_begin > 400 ? block_begin - 400 : 0;
  const std::string text = core::ascii_lower(s.substr(from, block_begin - from));
  std::size_t best = std::string::npos;
  std::string role;
  // Other programs with Kafka-like keys (ssl.*, listeners): not a Kafka broker or client file.
  for (const char* other : {"ksql", "schema registry", "schema-registry", "rest proxy",
                            "kafka-rest", "connect-distributed", "connect-standalone",
                            "zookeeper.properties", "cruise control", "mirrormaker", "mm2"}) {
    const std::size_t at = text.rfind(other);
    if (at != std::string::npos && (best == std::string::npos || at > best)) {
      best = at;
      role = "other";
    }
  }
  for (const auto& [name, r] : {std::pair<const char*, const char*>{"server.properties", "broker"},
                                {"broker.properties", "broker"},
                                {"controller.properties", "broker"},
                                {"producer.properties", "producer"},
                                {"consumer.properties", "consumer"},
                                {"admin.properties", "admin"},
                                {"client.properties", "admin"},
                                {"command-config", "admin"},
                                // A section about the clients (Kafka's own security page:
                                // "Configuring Kafka Clients"): producer and consumer alike.
                                {"kafka clients", "client"},
                                {"client configuration", "client"}}) {
    const std::size_t at = text.rfind(name);
    if (at != std::string::npos && (best == std::string::npos || at > best)) {
      best = at;
      role = r;
    }
  }
  return role;
}

void properties_block(Extractor& ex, const std::vector<Line>& lines) {
  if (lines.empty()) return;
  PropertiesBlock b;
  for (const Line& l : lines) b.lines.emplace_back(l.begin, l.end);
  b.role = role_before(ex, lines.front().begin);
  ex.properties_block(std::move(b));
}

void code_block(Extractor& ex, const std::vector<Line>& lines, BlockLang lang) {
  // An unlabelled or plain-text block of entries is a properties snippet, not commands; a
  // block labelled properties that holds commands instead is read as commands.
  if ((lang == BlockLang::kShell || lang == BlockLang::kBatch || lang == BlockLang::kPowerShell ||
       lang == BlockLang::kOther) &&
      mostly_entries(ex, lines))
    lang = BlockLang::kProperties;
  else if (lang == BlockLang::kProperties && !mostly_entries(ex, lines))
    lang = BlockLang::kShell;
  switch (lang) {
    case BlockLang::kProperties:
      properties_block(ex, lines);
      break;
    case BlockLang::kShell:
      read_console_block(ex, join_lines(ex, lines, 0, lines.size()));
      break;
    case BlockLang::kBatch:
      read_console_block(ex, join_lines(ex, lines, 0, lines.size()), true);
      break;
    case BlockLang::kPowerShell:
      read_console_block(ex, join_lines(ex, lines, 0, lines.size()), false, true);
      break;
    case BlockLang::kDockerfile:
      read_dockerfile(ex, lines);
      break;
    case BlockLang::kYaml:
      read_yaml(ex, lines);
      break;
    case BlockLang::kMakefile:
      read_makefile(ex, lines);
      break;
    case BlockLang::kOther:
      break;
  }
}

// Inline code spans of one prose line: `code` or ``code``; each is read as one command line.
void inline_code(Extractor& ex, const Line& l) {
  const std::string_view s = ex.content();
  std::size_t p = l.begin;
  while (p < l.end) {
    if (s[p] != '`') {
      ++p;
      continue;
    }
    std::size_t ticks = 0;
    while (p + ticks < l.end && s[p + ticks] == '`') ++ticks;
    const std::size_t open_end = p + ticks;
    // The closing run has exactly as many backticks.
    std::size_t q = open_end;
    std::size_t close = std::string_view::npos;
    while (q < l.end) {
      if (s[q] != '`') {
        ++q;
        continue;
      }
      std::size_t n = 0;
      while (q + n < l.end && s[q + n] == '`') ++n;
      if (n == ticks) {
        close = q;
        break;
      }
      q += n;
    }
    if (close == std::string_view::npos) return;
    std::size_t b = open_end;
    std::size_t e = close;
    while (b < e && s[b] == ' ') ++b;
    while (e > b && s[e - 1] == ' ') --e;
    if (e > b) {
      // A '$ ' prompt inside the span is not part of the command.
      if (e - b > 2 && s[b] == '$' && s[b + 1] == ' ') b += 2;
      const std::size_t mark = ex.command_count();
      LexOptions lo;
      lo.windows_lines = true;
      lo.doc_placeholders = true;
      ex.shell(ex.copy(b, e), lo);
      ex.drop_bare_commands(mark);
    }
    p = close + ticks;
  }
}

bool list_item(std::string_view t) {
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && blank(t[1])) return true;
  std::size_t d = 0;
  while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
  return d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && blank(t[d + 1]);
}

// HTML comments '<!-- ... -->' of a range; returns false when one is left open.
void html_comments(Extractor& ex, std::size_t b, std::size_t e) {
  const std::string_view s = ex.content();
  while (b < e) {
    const std::size_t open = s.find("<!--", b);
    if (open == std::string_view::npos || open >= e) return;
    const std::size_t close = s.find("-->", open + 4);
    const std::size_t end = close == std::string_view::npos ? s.size() : close + 3;
    ex.comment(open, end);
    b = end;
  }
}

}  // namespace

namespace {

// "#" to "######" followed by a space, a tab or the end of the line.
bool atx_heading(std::string_view t) {
  std::size_t n = 0;
  while (n < t.size() && n < 7 && t[n] == '#') ++n;
  return n >= 1 && n <= 6 && (n == t.size() || t[n] == ' ' || t[n] == '\t');
}

}  // namespace

void read_markdown(Extractor& ex, const std::vector<Line>& lines, bool asciidoc) {
  const std::string_view s = ex.content();
  bool in_list = false;
  bool prev_blank = true;
  std::size_t i = 0;
  BlockLang adoc_lang = BlockLang::kShell;
  bool adoc_source = false;
  while (i < lines.size()) {
    const Line& l = lines[i];
    std::size_t fc = l.begin;
    std::size_t col = 0;
    while (fc < l.end && blank(s[fc])) {
      col += s[fc] == '\t' ? 4 : 1;
      ++fc;
    }
    const std::string_view t = s.substr(fc, l.end - fc);
    if (t.empty()) {
      prev_blank = true;
      ++i;
      continue;
    }
    // Fenced block: ``` or ~~~ (any indentation: READMEs nest them in list items).
    if ((t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~")) {
      const char fence = t[0];
      std::size_t n = 0;
      while (n < t.size() && t[n] == fence) ++n;
      const BlockLang lang = lang_of(t.substr(n));
      std::vector<Line> body;
      std::size_t j = i + 1;
      bool closed = false;
      for (; j < lines.size(); ++j) {
        std::size_t b = lines[j].begin;
        std::size_t strip = 0;
        while (b < lines[j].end && s[b] == ' ' && strip < col) {
          ++b;
          ++strip;
        }
        std::size_t k = b;
        while (k < lines[j].end && blank(s[k])) ++k;
        std::size_t m = 0;
        while (k + m < lines[j].end && s[k + m] == fence) ++m;
        if (m >= n) {
          std::size_t r = k + m;
          while (r < lines[j].end && blank(s[r])) ++r;
          if (r == lines[j].end) {
            closed = true;
            break;
          }
        }
        body.push_back(Line{b, lines[j].end});
      }
      if (!closed) ex.warn(fc, "unterminated code block");
      code_block(ex, body, asciidoc && adoc_source ? adoc_lang : lang);
      adoc_source = false;
      i = closed ? j + 1 : j;
      prev_blank = false;
      continue;
    }
    if (asciidoc) {
      // [source,bash] before a ---- listing block; .... literal blocks; // comments.
      if (t.substr(0, 7) == "[source") {
        const std::size_t comma = t.find(',');
        adoc_lang =
            comma == std::string_view::npos ? BlockLang::kShell : lang_of(t.substr(comma + 1));
        adoc_source = true;
        ++i;
        continue;
      }
      const bool listing = t.size() >= 4 && t.find_first_not_of('-') == std::string_view::npos;
      const bool literal = t.size() >= 4 && t.find_first_not_of('.') == std::string_view::npos;
      if (listing || literal) {
        std::vector<Line> body;
        std::size_t j = i + 1;
        bool closed = false;
        for (; j < lines.size(); ++j) {
          if (s.substr(lines[j].begin, lines[j].end - lines[j].begin) == t) {
            closed = true;
            break;
          }
          body.push_back(lines[j]);
        }
        if (!closed) ex.warn(fc, "unterminated code block");
        code_block(ex, body, adoc_source ? adoc_lang : BlockLang::kShell);
        adoc_source = false;
        i = closed ? j + 1 : j;
        continue;
      }
      if (t.substr(0, 2) == "//") {
        ex.comment(fc, l.end);
        ++i;
        continue;
      }
      adoc_source = false;
    } else if (col >= 4 && prev_blank && !in_list) {
      // Indented code block: runs while lines are indented (blank lines included).
      std::vector<Line> body;
      std::size_t j = i;
      for (; j < lines.size(); ++j) {
        std::size_t b = lines[j].begin;
        std::size_t w = 0;
        while (b < lines[j].end && blank(s[b]) && w < 4) {
          w += s[b] == '\t' ? 4 : 1;
          ++b;
        }
        if (b == lines[j].end) {
          body.push_back(Line{b, b});
          continue;
        }
        if (w < 4) break;
        body.push_back(Line{b, lines[j].end});
      }
      while (!body.empty() && body.back().begin == body.back().end) body.pop_back();
      code_block(ex, body, BlockLang::kShell);
      i = j;
      prev_blank = false;
      continue;
    }
    // An ATX heading is not a paragraph: an indented code block may follow it directly
    // (CommonMark 4.4), as READMEs often do ("## Create a topic" then the command).
    const bool heading = col < 4 && atx_heading(t);
    if (col < 4) {
      if (list_item(t))
        in_list = true;
      else if (prev_blank || heading)
        in_list = false;
    }
    html_comments(ex, l.begin, l.end);
    inline_code(ex, l);
    prev_blank = heading;
    ++i;
  }
}

// ---- HTML ----------------------------------------------------------------------------------

namespace {

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[at + k])) != word[k]) return false;
  return true;
}

std::size_t find_ci(std::string_view s, std::size_t from, std::string_view word) {
  for (std::size_t p = s.find('<', from); p != std::string_view::npos; p = s.find('<', p + 1))
    if (starts_with_ci(s, p, word)) return p;
  return std::string_view::npos;
}

// Text content of an HTML range: tags dropped, entities decoded, each byte mapped back.
Snippet html_text(const Extractor& ex, std::size_t b, std::size_t e) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kNamed{
      {{"lt", "<"},
       {"gt", ">"},
       {"amp", "&"},
       {"quot", "\""},
       {"apos", "'"},
       {"nbsp", " "},
       {"#39", "'"}}};
  const std::string_view s = ex.content();
  Snippet out;
  std::size_t p = b;
  while (p < e) {
    const char c = s[p];
    if (c == '<') {
      const std::size_t close = s.find('>', p);
      if (close == std::string_view::npos || close >= e) {
        out.append_copy(s, p, e - p);
        break;
      }
      if (starts_with_ci(s, p, "<br")) out.append_replacement("\n", p, close + 1 - p);
      p = close + 1;
      continue;
    }
    if (c == '&') {
      // Entities are short: look for ';' nearby only (a scan to the end per '&' is quadratic).
      const std::size_t found = s.substr(p, 12).find(';');
      const std::size_t semi = found == std::string_view::npos ? found : p + found;
      if (semi != std::string_view::npos && semi < e) {
        const std::string_view name = s.substr(p + 1, semi - p - 1);
        std::string rep;
        for (const auto& [n, r] : kNamed)
          if (n == name) rep = r;
        if (rep.empty() && name.size() > 1 && name[0] == '#') {
          unsigned long cp = 0;
          const bool hex = name[1] == 'x' || name[1] == 'X';
          bool ok = name.size() > (hex ? 2u : 1u);
          for (std::size_t k = hex ? 2 : 1; ok && k < name.size(); ++k) {
            const char ch = name[k];
            int d = -1;
            if (ch >= '0' && ch <= '9')
              d = ch - '0';
            else if (hex && ch >= 'a' && ch <= 'f')
              d = ch - 'a' + 10;
            else if (hex && ch >= 'A' && ch <= 'F')
              d = ch - 'A' + 10;
            if (d < 0 || cp > 0x10FFFF)
              ok = false;
            else
              cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
          }
          if (ok && cp > 0 && cp < 0x80)
            rep = std::string(1, static_cast<char>(cp));
          else if (ok)
            rep = " ";
        }
        if (!rep.empty()) {
          out.append_replacement(rep, p, semi + 1 - p);
          p = semi + 1;
          continue;
        }
      }
    }
    std::size_t q = p + 1;
    while (q < e && s[q] != '<' && s[q] != '&') ++q;
    out.append_copy(s, p, q - p);
    p = q;
  }
  return out;
}

}  // namespace

void read_html(Extractor& ex, std::size_t start) {
  const std::string_view s = ex.content();
  std::size_t p = start;
  while (p < s.size()) {
    const std::size_t lt = s.find('<', p);
    if (lt == std::string_view::npos) break;
    if (s.compare(lt, 4, "<!--") == 0) {
      const std::size_t close = s.find("-->", lt + 4);
      const std::size_t end = close == std::string_view::npos ? s.size() : close + 3;
      ex.comment(lt, end);
      p = end;
      continue;
    }
    const bool pre = starts_with_ci(s, lt, "<pre") && (lt + 4 == s.size() || s[lt + 4] == '>' ||
                                                       blank(s[lt + 4]) || s[lt + 4] == '\n');
    const bool code = starts_with_ci(s, lt, "<code") && lt + 5 < s.size() &&
                      (s[lt + 5] == '>' || blank(s[lt + 5]));
    if (!pre && !code) {
      p = lt + 1;
      continue;
    }
    const std::size_t open_end = s.find('>', lt);
    if (open_end == std::string_view::npos) break;
    const std::size_t close = find_ci(s, open_end, pre ? "</pre" : "</code");
    const std::size_t body_end = close == std::string_view::npos ? s.size() : close;
    if (close == std::string_view::npos)
      ex.warn(lt, pre ? "unterminated <pre> element" : "unterminated <code> element");
    const Snippet text = html_text(ex, open_end + 1, body_end);
    // '<pre class="language-properties">', '<pre><code class="lang-ini">': the label, as
    // for Markdown fences; an unlabelled block of entries is a properties snippet too.
    BlockLang lang = BlockLang::kShell;
    if (pre) {
      const std::size_t inner = s.find('>', open_end + 1);
      const std::string_view attrs = s.substr(lt, open_end - lt);
      const std::string_view code_attrs =
          starts_with_ci(s, open_end + 1, "<code") && inner != std::string_view::npos
              ? s.substr(open_end + 1, inner - open_end - 1)
              : std::string_view();
      for (std::string_view a : {attrs, code_attrs}) {
        const std::size_t cls = a.find("class=");
        if (cls == std::string_view::npos || cls + 7 > a.size()) continue;
        std::string_view v = a.substr(cls + 7);
        v = v.substr(0, v.find_first_of("\"' >"));
        for (std::string_view prefix : {"language-", "lang-"})
          if (v.substr(0, prefix.size()) == prefix) v.remove_prefix(prefix.size());
        if (lang_of(v) != BlockLang::kOther) lang = lang_of(v);
      }
    }
    const bool entries = pre && mostly_entries(text.text());
    if (pre && (entries && (lang == BlockLang::kShell || lang == BlockLang::kProperties))) {
      PropertiesBlock b;
      b.text = text.text();
      b.offsets.reserve(b.text.size() + 1);
      for (std::size_t t = 0; t < b.text.size(); ++t) b.offsets.push_back(text.map(t));
      b.offsets.push_back(body_end);
      b.role = role_before(ex, lt);
      ex.properties_block(std::move(b));
    } else if (pre)
      read_console_block(ex, text);
    else {
      // Inline <code>: like Markdown inline code, a bare tool name is a mention.
      const std::size_t mark = ex.command_count();
      read_console_block(ex, text);
      ex.drop_bare_commands(mark);
    }
    p = close == std::string_view::npos ? s.size() : close + 1;
  }
}

}  // namespace kafkalint::scripts
