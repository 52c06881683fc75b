// The command lines of YAML files: the values of the keys that hold commands in Compose,
// Kubernetes, Ansible and CI files. The structure (which value belongs to which key, block and
// flow sequences, where each scalar starts and ends) comes from libfyaml's event parser, the
// same parser as the carriers'; each scalar's text is then mapped byte by byte onto the file,
// so a finding inside a block scalar, a flow sequence or a folded plain scalar lands on the
// exact line and column. Events are used rather than a document so that the part of a file
// before a syntax error is still read, and template code ({{ }}, {% %}) is hidden from the
// parser (Helm and Ansible files are templates) while the commands keep its text.

#include <libfyaml.h>

#include <algorithm>
#include <array>

#include "core/line_index.h"
#include "core/strings.h"
#include "scripts/readers.h"
#include "scripts/yaml_tree.h"

namespace kafkalint::scripts {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

enum class KeyRole {
  kNone,    // any other key: its value is skipped
  kArgv,    // command/entrypoint/args/argv: a list is an argv, a string a shell line
  kShell,   // shell/cmd/script/run/...: a string is a script; a list is one script per item
  kHealth,  // docker-compose healthcheck 'test': ["CMD", ...] or ["CMD-SHELL", "..."]
};

KeyRole role_of(std::string_view key) {
  for (std::string_view prefix :
       {std::string_view("ansible.builtin."), std::string_view("ansible.legacy."),
        std::string_view("ansible.windows.")})
    if (key.substr(0, prefix.size()) == prefix) key.remove_prefix(prefix.size());
  static constexpr std::array<std::string_view, 4> kArgvKeys{"command", "entrypoint", "args",
                                                             "argv"};
  static constexpr std::array<std::string_view, 7> kShellKeys{
      "shell", "cmd", "script", "before_script", "after_script", "run", "raw"};
  if (std::find(kArgvKeys.begin(), kArgvKeys.end(), key) != kArgvKeys.end()) return KeyRole::kArgv;
  if (std::find(kShellKeys.begin(), kShellKeys.end(), key) != kShellKeys.end())
    return KeyRole::kShell;
  if (key == "test") return KeyRole::kHealth;
  return KeyRole::kNone;
}

// The text libfyaml parses: the document with template code blanked (a line that is only a
// template tag becomes blanks, a tag inside a line a run of 'x'), and bytes that are not
// printable UTF-8 replaced (libfyaml 0.7.12 can loop forever on some of them). Same length as
// the document, so every offset the parser reports is an offset of the document.
std::string parser_text(std::string_view doc,
                        std::vector<std::pair<std::size_t, std::size_t>>* tags) {
  std::string t(doc);
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t ok = core::utf8_valid_prefix(std::string_view(t).substr(i));
    for (std::size_t k = i; k < i + ok; ++k) {
      const auto c = static_cast<unsigned char>(t[k]);
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) t[k] = ' ';
    }
    i += ok;
    if (i < t.size()) t[i++] = '?';
  }
  for (std::size_t line = 0; line < t.size();) {
    std::size_t end = t.find('\n', line);
    if (end == std::string::npos) end = t.size();
    std::size_t first = line;
    while (first < end && blank(t[first])) ++first;
    bool only_tag = false;
    for (std::size_t p = line; p + 1 < end;) {
      const bool open = t[p] == '{' && (t[p + 1] == '{' || t[p + 1] == '%' || t[p + 1] == '#');
      if (!open) {
        ++p;
        continue;
      }
      const char close = t[p + 1] == '{' ? '}' : t[p + 1];
      std::size_t q = p + 2;
      while (q + 1 < end && !(t[q] == close && t[q + 1] == '}')) ++q;
      if (q + 1 >= end) break;  // unclosed on this line: left to the parser
      q += 2;
      tags->emplace_back(p, q);
      std::size_t after = q;
      while (after < end && blank(t[after])) ++after;
      only_tag = p == first && after == end;
      std::fill(t.begin() + static_cast<std::ptrdiff_t>(p),
                t.begin() + static_cast<std::ptrdiff_t>(q),
                only_tag || t[p + 1] != '{' ? ' ' : 'x');
      p = q;
    }
    line = end + 1;
  }
  return t;
}

class YamlReader {
 public:
  YamlReader(Extractor& ex, const std::vector<Line>& lines)
      : ex_(ex), s_(ex.content()), lines_(lines), doc_(join_lines(ex, lines, 0, lines.size())) {
    lo_.jinja = true;  // Ansible and Helm files are templates
  }

  void run() {
    std::vector<std::pair<std::size_t, std::size_t>> tags;
    const std::string text = parser_text(doc_.text(), &tags);
    text_lines_ = core::LineIndex(text);
    parse(text);
    while (!stack_.empty()) pop();
    comments(text, tags);
  }

 private:
  // One open collection. A mapping keeps its current key, and the exec-form lists of its
  // command keys: Kubernetes runs command + args, and docker-compose entrypoint + command,
  // of one mapping together. A sequence under a command key collects its items as words.
  // clang-tidy sees the loop variable of the implicit copy of parts[] (__i0) as ours.
  struct Frame {  // NOLINT(bugprone-reserved-identifier)
    bool map = false;
    bool expect_key = true;      // map: the next node is a key
    bool key_node = false;       // this collection is itself a mapping key
    std::string key;             // map: the current key
    std::size_t key_at = 0;      // map: document offset of the current key
    bool pending = false;        // map: some exec-form list is waiting
    std::vector<Word> parts[3];  // map: entrypoint, command, args
    bool collect = false;        // seq: its items are words of a command
    bool failed = false;         // seq: an item is a mapping, so it is no command list
    bool flow = false;           // written [a, b] or {a: b}
    std::string owner;           // seq: the key it is the value of
    std::size_t owner_at = 0;
    std::vector<Word> items;
  };

  void parse(const std::string& text) {
    const QuietYamlParser parser(text);
    if (!parser.get()) return;
    while (struct fy_event* e = fy_parser_parse(parser.get())) {
      event(e);
      fy_parser_event_free(parser.get(), e);
    }
    // The rest of the file is not read: say so (a fix that breaks the YAML is refused on it).
    if (fy_parser_get_stream_error(parser.get()))
      ex_.warn(doc_.map(std::min(last_, text.size())), "not valid YAML from here on");
  }

  static std::size_t start_of(struct fy_token* t) {
    const struct fy_mark* m = t ? fy_token_start_mark(t) : nullptr;
    return m ? m->input_pos : 0;
  }
  static std::size_t end_of(struct fy_token* t) {
    const struct fy_mark* m = t ? fy_token_end_mark(t) : nullptr;
    return m ? m->input_pos : 0;
  }

  void event(struct fy_event* e) {
    switch (e->type) {
      case FYET_SCALAR:
        scalar(e->scalar.value);
        break;
      case FYET_ALIAS:
        value_done(nullptr);
        break;
      case FYET_MAPPING_START:
      case FYET_SEQUENCE_START:
        open(e->type == FYET_MAPPING_START, e->type == FYET_MAPPING_START
                                                ? e->mapping_start.mapping_start
                                                : e->sequence_start.sequence_start);
        break;
      case FYET_MAPPING_END:
      case FYET_SEQUENCE_END:
        if (!stack_.empty())
          pop(e->type == FYET_SEQUENCE_END ? e->sequence_end.sequence_end
                                           : e->mapping_end.mapping_end);
        break;
      default:
        break;
    }
  }

  void open(bool map, struct fy_token* start) {
    last_ = std::max(last_, end_of(start));
    Frame f;
    f.map = map;
    f.flow = start && (fy_token_get_type(start) == FYTT_FLOW_SEQUENCE_START ||
                       fy_token_get_type(start) == FYTT_FLOW_MAPPING_START);
    if (!stack_.empty()) {
      Frame& parent = stack_.back();
      if (parent.map && parent.expect_key) {
        f.key_node = true;  // a complex key: read, but it names no command key
      } else if (parent.map && !map && role_of(parent.key) != KeyRole::kNone) {
        f.collect = true;
        f.owner = parent.key;
        f.owner_at = parent.key_at;
      } else if (!parent.map && parent.collect) {
        if (map && !parent.flow) {
          parent.failed = true;  // a list of mappings: its mappings are read as such
        } else {
          // A collection inside a command list: one opaque word over its text.
          nested_at_ = start_of(start);
        }
      }
    }
    stack_.push_back(std::move(f));
  }

  void pop(struct fy_token* end = nullptr) {
    last_ = std::max(last_, end_of(end));
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.map) flush(f);
    if (stack_.empty()) return;
    Frame& parent = stack_.back();
    if (!parent.map && parent.collect && nested_at_ != std::string::npos && end) {
      const std::size_t b = doc_.map(nested_at_);
      const std::size_t e = doc_.map_end(end_of(end));
      Word w = ex_.word(ex_.copy(b, e), b, e);
      w.opaque = true;
      parent.items.push_back(std::move(w));
      nested_at_ = std::string::npos;
      return;
    }
    if (f.key_node) {
      parent.key.clear();
      parent.key_at = 0;
      parent.expect_key = false;
      return;
    }
    if (f.collect && !f.failed && parent.map) use_list(parent, f.owner, f.items);
    if (parent.map) parent.expect_key = true;
  }

  void value_done(const Snippet* text) {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    if (!f.map) {
      if (f.collect && text) f.items.push_back(item_word_);
      return;
    }
    if (f.expect_key) {
      f.expect_key = false;
      return;
    }
    f.expect_key = true;
    if (!text) return;
    const KeyRole role = role_of(f.key);
    if (role == KeyRole::kNone || (role == KeyRole::kArgv && f.key == "args")) return;
    ex_.shell(*text, lo_);
  }

  void scalar(struct fy_token* t) {
    const std::size_t b = start_of(t), e = end_of(t);
    last_ = std::max(last_, e);
    const enum fy_scalar_style style = fy_token_scalar_style(t);
    const bool quoted = style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED;
    ranges_.emplace_back(quoted && b > 0 ? b - 1 : b, quoted ? e + 1 : e);
    if (!stack_.empty() && stack_.back().map && stack_.back().expect_key) {
      Frame& f = stack_.back();
      std::size_t len = 0;
      const char* k = fy_token_get_text(t, &len);
      f.key = k ? std::string(k, len) : std::string();
      f.key_at = b;
      f.expect_key = false;
      return;
    }
    // Only the values of command keys and the items of their lists are read.
    const bool wanted =
        !stack_.empty() && ((stack_.back().map && role_of(stack_.back().key) != KeyRole::kNone) ||
                            (!stack_.back().map && stack_.back().collect));
    if (!wanted) {
      value_done(nullptr);
      return;
    }
    Snippet text;
    std::size_t wb = 0, we = 0;
    if (quoted && b > 0) {
      const std::size_t at = doc_.map(b - 1);
      we = read_quoted(ex_, at, lines_.back().end, text);
      wb = at;
    } else if (style == FYSS_LITERAL || style == FYSS_FOLDED) {
      block(b, e, style == FYSS_FOLDED, text);
      wb = text.empty() ? doc_.map(b) : text.map(0);
      we = text.empty() ? wb : text.map_end(text.text().size());
    } else {
      plain(b, e, text);
      wb = text.empty() ? doc_.map(b) : text.map(0);
      we = text.empty() ? wb : text.map_end(text.text().size());
    }
    if (!stack_.back().map) item_word_ = ex_.word(text, wb, we);
    value_done(&text);
  }

  // The 0-based line of the parser text's byte `at` (= the index into lines_).
  std::size_t line_of(std::size_t at) const {
    return static_cast<std::size_t>(text_lines_.line(at)) - 1;
  }
  // The first non-blank of line i, as an original offset.
  std::size_t first_char(std::size_t i) const {
    std::size_t p = lines_[i].begin;
    while (p < lines_[i].end && blank(s_[p])) ++p;
    return p;
  }
  bool is_blank(std::size_t i) const { return first_char(i) == lines_[i].end; }
  std::size_t indent(std::size_t i) const { return first_char(i) - lines_[i].begin; }

  // End of a plain scalar's piece of one line: before a ' #' comment and trailing blanks.
  std::size_t plain_end(std::size_t b, std::size_t end) const {
    std::size_t e = b;
    for (; e < end; ++e)
      if (s_[e] == '#' && e > b && blank(s_[e - 1])) break;
    while (e > b && blank(s_[e - 1])) --e;
    return e;
  }

  // A plain scalar over document[b, e): its lines folded with single spaces (n blank lines
  // between two pieces become n line breaks), each piece at its place in the file.
  void plain(std::size_t b, std::size_t e, Snippet& out) const {
    const std::size_t first = line_of(b), last = line_of(e > b ? e - 1 : b);
    std::size_t breaks = 0;
    std::size_t break_at = 0;
    for (std::size_t i = first; i <= last && i < lines_.size(); ++i) {
      if (i > first && is_blank(i)) {
        ++breaks;
        continue;
      }
      const std::size_t from = i == first ? doc_.map(b) : first_char(i);
      const std::size_t to =
          i == last ? std::min(doc_.map_end(e), lines_[i].end) : plain_end(from, lines_[i].end);
      if (i > first)
        out.append_replacement(breaks == 1 ? std::string(" ") : std::string(breaks - 1, '\n'),
                               break_at, 1);
      if (to > from) out.append_copy(s_, from, to - from);
      break_at = lines_[i].end;
      breaks = 1;
    }
  }

  // A literal or folded block scalar whose content is document[b, e) (from the start of its
  // first content line): its lines without the content indentation, joined as YAML joins them.
  void block(std::size_t b, std::size_t e, bool folded, Snippet& out) const {
    const std::size_t first = line_of(b);
    if (first == 0 || first >= lines_.size()) return;
    // The header line ('key: |2'): an explicit indentation indicator counts from the indent
    // of the line holding it.
    const std::size_t header = first - 1;
    std::size_t explicit_indent = 0;
    for (std::size_t p = lines_[header].end; p > lines_[header].begin; --p) {
      const char c = s_[p - 1];
      if (c == '|' || c == '>') {
        for (std::size_t q = p; q < lines_[header].end && !blank(s_[q]); ++q)
          if (s_[q] >= '1' && s_[q] <= '9') explicit_indent = static_cast<std::size_t>(s_[q] - '0');
        break;
      }
    }
    // The scalar ends where the next token starts (a line start, or the end of the text).
    const std::size_t end_line = e >= doc_.text().size() ? lines_.size() : line_of(e);
    std::size_t content_indent = explicit_indent ? indent(header) + explicit_indent : 0;
    std::size_t last_body = header;
    for (std::size_t j = first; j < end_line && j < lines_.size(); ++j) {
      if (is_blank(j)) continue;
      if (!content_indent) content_indent = indent(j);
      if (indent(j) < content_indent) break;  // a comment line after the block
      last_body = j;
    }
    bool started = false;
    std::size_t breaks = 0;
    bool prev_more = false;
    std::size_t break_at = 0;
    for (std::size_t k = first; k <= last_body; ++k) {
      const Line& l = lines_[k];
      if (l.end - l.begin <= content_indent && is_blank(k)) {
        ++breaks;
        continue;
      }
      const std::size_t from = std::min(l.begin + content_indent, l.end);
      const bool more = from < l.end && blank(s_[from]);
      if (started) {
        std::string sep;
        if (folded && breaks == 1 && !more && !prev_more)
          sep = " ";
        else if (folded && !more && !prev_more)
          sep = std::string(breaks - 1, '\n');
        else
          sep = std::string(breaks, '\n');
        if (sep.empty()) sep = " ";
        out.append_replacement(sep, break_at, 1);
      }
      out.append_copy(s_, from, l.end - from);
      started = true;
      breaks = 1;
      prev_more = more;
      break_at = l.end;
    }
  }

  void flush(Frame& f) {
    if (f.pending) {
      std::vector<Word> words;
      for (auto& part : f.parts)
        for (Word& w : part) words.push_back(std::move(w));
      ex_.argv(words, lo_);
    }
    f.pending = false;
    for (auto& part : f.parts) part.clear();
  }

  void use_list(Frame& map, const std::string& key, std::vector<Word>& items) {
    const KeyRole role = role_of(key);
    if (role == KeyRole::kShell) {
      for (Word& w : items) ex_.shell(w.map, lo_);
      return;
    }
    if (role == KeyRole::kHealth) {
      if (items.empty()) return;
      if (items[0].text == "CMD-SHELL" && items.size() > 1) {
        ex_.shell(items[1].map, lo_);
      } else if (items[0].text == "CMD") {
        items.erase(items.begin());
        ex_.argv(items, lo_);
      }
      return;
    }
    const std::size_t slot = key == "entrypoint" ? 0 : key == "command" ? 1 : key == "args" ? 2 : 3;
    if (slot == 3) {  // argv: (Ansible command module)
      ex_.argv(items, lo_);
      return;
    }
    if (map.pending && !map.parts[slot].empty()) flush(map);
    map.pending = true;
    map.parts[slot] = std::move(items);
  }

  // Comments: a '#' at the start of a line or after a blank, outside every scalar and template
  // tag, to the end of its line.
  void comments(const std::string& text,
                const std::vector<std::pair<std::size_t, std::size_t>>& tags) {
    std::vector<std::pair<std::size_t, std::size_t>> covered = ranges_;
    covered.insert(covered.end(), tags.begin(), tags.end());
    std::sort(covered.begin(), covered.end());
    std::size_t c = 0, reach = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      while (c < covered.size() && covered[c].first <= i)
        reach = std::max(reach, covered[c++].second);
      if (text[i] != '#' || i < reach || (i > 0 && !blank(text[i - 1]) && text[i - 1] != '\n'))
        continue;
      std::size_t end = text.find('\n', i);
      if (end == std::string::npos) end = text.size();
      ex_.comment(doc_.map(i), doc_.map_end(end));
      i = end;
    }
  }

  Extractor& ex_;
  std::string_view s_;
  const std::vector<Line>& lines_;
  Snippet doc_;  // the lines joined, each byte mapped to the file
  core::LineIndex text_lines_;
  LexOptions lo_;
  std::vector<Frame> stack_;
  std::vector<std::pair<std::size_t, std::size_t>> ranges_;  // every scalar, quotes included
  std::size_t nested_at_ = std::string::npos;
  std::size_t last_ = 0;  // the end of the last token the parser gave
  Word item_word_;
};

}  // namespace

void read_yaml(Extractor& ex, const std::vector<Line>& lines) {
  if (lines.empty()) return;
  YamlReader(ex, lines).run();
}

}  // namespace kafkalint::scripts
