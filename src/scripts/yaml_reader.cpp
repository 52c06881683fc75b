// A line-based YAML reader that knows just enough YAML to find command lines: keys, block
// and flow sequences, plain/quoted/block scalars with folding. It does not build a document;
// it looks at the values of the keys that hold commands in docker-compose, Kubernetes,
// Ansible and CI files, and skips every other value without misreading its body.

#include <algorithm>
#include <array>

#include "scripts/readers.h"

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

class YamlReader {
 public:
  YamlReader(Extractor& ex, const std::vector<Line>& lines)
      : ex_(ex), s_(ex.content()), lines_(lines) {
    lo_.jinja = true;  // Ansible and Helm files are templates
  }

  void run() {
    std::size_t i = 0;
    while (i < lines_.size()) i = line(i);
    flush();
  }

 private:
  // Exec-form lists of one mapping are run together: Kubernetes runs command + args, and
  // docker-compose entrypoint + command. They wait here until the mapping ends.
  // clang-tidy sees the loop variable of the implicit copy of parts[] (__i0) as ours.
  struct PendingArgv {  // NOLINT(bugprone-reserved-identifier)
    bool active = false;
    std::size_t column = 0;
    std::vector<Word> parts[3];  // entrypoint, command, args
  };

  std::size_t first_char(const Line& l) const {
    std::size_t p = l.begin;
    while (p < l.end && blank(s_[p])) ++p;
    return p;
  }
  bool is_blank(std::size_t i) const { return first_char(lines_[i]) == lines_[i].end; }
  bool is_comment(std::size_t i) const {
    const std::size_t p = first_char(lines_[i]);
    return p < lines_[i].end && s_[p] == '#';
  }
  std::size_t indent(std::size_t i) const { return first_char(lines_[i]) - lines_[i].begin; }
  std::size_t column(std::size_t i, std::size_t offset) const { return offset - lines_[i].begin; }

  void flush() {
    if (pending_.active) {
      std::vector<Word> words;
      for (auto& part : pending_.parts)
        for (Word& w : part) words.push_back(std::move(w));
      ex_.argv(words, lo_);
    }
    pending_ = PendingArgv{};
  }

  // Finds 'key:' at p; returns the offset after ':' or npos.
  std::size_t key_end(std::size_t p, std::size_t end, std::string_view& key) const {
    if (p >= end) return std::string_view::npos;
    if (s_[p] == '"' || s_[p] == '\'') {
      const std::size_t close = s_.substr(0, end).find(s_[p], p + 1);  // bounded by the line
      if (close == std::string_view::npos || close >= end) return std::string_view::npos;
      std::size_t c = close + 1;
      while (c < end && blank(s_[c])) ++c;
      if (c < end && s_[c] == ':' && (c + 1 == end || blank(s_[c + 1]))) {
        key = s_.substr(p + 1, close - p - 1);
        return c + 1;
      }
      return std::string_view::npos;
    }
    if (s_[p] == '[' || s_[p] == '{' || s_[p] == '#' || s_[p] == '|' || s_[p] == '>')
      return std::string_view::npos;
    for (std::size_t c = p; c < end; ++c) {
      if (s_[c] == '#' && c > p && blank(s_[c - 1])) return std::string_view::npos;
      if (s_[c] == '{' && c + 1 < end && s_[c + 1] == '{')
        return std::string_view::npos;  // Jinja value
      if (s_[c] == ':' && (c + 1 == end || blank(s_[c + 1]))) {
        std::size_t e = c;
        while (e > p && blank(s_[e - 1])) --e;
        key = s_.substr(p, e - p);
        return c + 1;
      }
    }
    return std::string_view::npos;
  }

  // One logical line starting at line i; returns the next line to read.
  std::size_t line(std::size_t i) {
    const Line& l = lines_[i];
    std::size_t p = first_char(l);
    if (p == l.end) return i + 1;
    if (s_[p] == '#') {
      ex_.comment(p, l.end);
      return i + 1;
    }
    const std::string_view whole = s_.substr(p, l.end - p);
    if (whole.substr(0, 3) == "---" || whole.substr(0, 3) == "...") return i + 1;
    // Sequence entries '- ' (possibly nested '- - ').
    std::size_t dash_col = std::string_view::npos;
    while (p < l.end && s_[p] == '-' && (p + 1 == l.end || blank(s_[p + 1]))) {
      if (dash_col == std::string_view::npos) dash_col = column(i, p);
      ++p;
      while (p < l.end && blank(s_[p])) ++p;
    }
    if (pending_.active && dash_col != std::string_view::npos && dash_col < pending_.column)
      flush();
    std::string_view key;
    const std::size_t after = key_end(p, l.end, key);
    if (after == std::string_view::npos) {
      // A bare value (sequence entry of some other key, or a scalar document): skip its body.
      if (p == l.end) return i + 1;
      Snippet ignored;
      std::size_t next = i + 1;
      scalar(i, p, dash_col == std::string_view::npos ? indent(i) : dash_col, ignored, next);
      return next;
    }
    const std::size_t key_col = column(i, p);
    if (pending_.active && key_col < pending_.column) flush();
    const KeyRole role = role_of(key);
    std::size_t v = after;
    while (v < l.end && blank(s_[v])) ++v;
    return value(i, v, key_col, role, key);
  }

  // The value of a key whose text starts at v on line i.
  std::size_t value(std::size_t i, std::size_t v, std::size_t key_col, KeyRole role,
                    std::string_view key) {
    const Line& l = lines_[i];
    if (v == l.end || s_[v] == '#') {
      if (v < l.end) ex_.comment(v, l.end);
      // A block sequence may follow (at the key's column or deeper); a mapping is read line by
      // line.
      std::size_t j = i + 1;
      while (j < lines_.size() && (is_blank(j) || is_comment(j))) ++j;
      if (j >= lines_.size()) return i + 1;
      const std::size_t fc = first_char(lines_[j]);
      const bool dash =
          fc < lines_[j].end && s_[fc] == '-' && (fc + 1 == lines_[j].end || blank(s_[fc + 1]));
      if (role == KeyRole::kNone || !dash || indent(j) < key_col) return i + 1;
      std::vector<Word> items;
      std::size_t next = j;
      if (!sequence(j, indent(j), items, next)) return i + 1;
      use_list(role, key, key_col, items);
      return next;
    }
    if (s_[v] == '[') {
      std::vector<Word> items;
      const std::size_t limit = lines_.back().end;
      const std::size_t e = read_flow_sequence(ex_, v, limit, items);
      if (role != KeyRole::kNone) use_list(role, key, key_col, items);
      return line_after(i, e);
    }
    Snippet text;
    std::size_t next = i + 1;
    if (!scalar(i, v, key_col, text, next)) return i + 1;
    if (role == KeyRole::kArgv && key != "args" && pending_.active && pending_.column != key_col)
      flush();
    if (role == KeyRole::kArgv || role == KeyRole::kShell || role == KeyRole::kHealth) {
      if (role != KeyRole::kArgv || key != "args") ex_.shell(text, lo_);
    }
    return next;
  }

  void use_list(KeyRole role, std::string_view key, std::size_t key_col, std::vector<Word>& items) {
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
    if (pending_.active && (pending_.column != key_col || !pending_.parts[slot].empty())) flush();
    pending_.active = true;
    pending_.column = key_col;
    pending_.parts[slot] = std::move(items);
  }

  // Index of the line holding offset `e` (exclusive end), plus one.
  std::size_t line_after(std::size_t i, std::size_t e) const {
    while (i < lines_.size() && lines_[i].end < e) ++i;
    return std::min(i + 1, lines_.size());
  }

  // A block sequence whose entries start at column `col`, from line i. False when an entry is
  // a mapping (then it is no command list and the caller reads it line by line).
  bool sequence(std::size_t i, std::size_t col, std::vector<Word>& items, std::size_t& next) {
    while (i < lines_.size()) {
      if (is_blank(i) || is_comment(i)) {
        if (is_comment(i)) ex_.comment(first_char(lines_[i]), lines_[i].end);
        ++i;
        continue;
      }
      const std::size_t fc = first_char(lines_[i]);
      if (indent(i) != col || s_[fc] != '-' || !(fc + 1 == lines_[i].end || blank(s_[fc + 1])))
        break;
      std::size_t p = fc + 1;
      while (p < lines_[i].end && blank(s_[p])) ++p;
      std::string_view key;
      if (key_end(p, lines_[i].end, key) != std::string_view::npos) return false;
      if (p < lines_[i].end && s_[p] == '[') return false;
      Snippet text;
      std::size_t after = i + 1;
      if (!scalar(i, p, col, text, after)) return false;
      std::size_t b = text.empty() ? p : text.map(0);
      std::size_t e = text.empty() ? p : text.map_end(text.text().size());
      if (p < lines_[i].end && (s_[p] == '"' || s_[p] == '\'')) {
        // The word of a quoted item spans its quotes, as in a flow sequence.
        b = p;
        e = std::max(e, p + 1);
        if (e < s_.size() && s_[e] == s_[p]) ++e;
      }
      items.push_back(ex_.word(std::move(text), b, e));
      i = after;
    }
    next = i;
    return true;
  }

  // A scalar starting at v on line i, whose parent node sits at column `parent`. Fills `out`
  // and `next` (the line after it). False for collections.
  bool scalar(std::size_t i, std::size_t v, std::size_t parent, Snippet& out, std::size_t& next) {
    const Line& l = lines_[i];
    next = i + 1;
    if (v >= l.end) return true;
    const char c = s_[v];
    if (c == '|' || c == '>') return block_scalar(i, v, parent, out, next);
    if (c == '"' || c == '\'') {
      const std::size_t e = read_quoted(ex_, v, lines_.back().end, out);
      next = line_after(i, e);
      return true;
    }
    if (c == '[' || c == '{') {
      // A flow collection: skipped (its lines must not be read as keys).
      int depth = 0;
      std::size_t p = v;
      const std::size_t limit = lines_.back().end;
      for (; p < limit; ++p) {
        if (s_[p] == '[' || s_[p] == '{')
          ++depth;
        else if ((s_[p] == ']' || s_[p] == '}') && --depth == 0)
          break;
      }
      next = line_after(i, std::min(p + 1, limit));
      return false;
    }
    // Plain scalar: this line, then more-indented lines, folded with single spaces.
    std::size_t e = plain_end(v, l.end);
    out.append_copy(s_, v, e - v);
    std::size_t j = i + 1;
    std::size_t breaks = 1;
    std::size_t break_at = l.end;
    while (j < lines_.size()) {
      if (is_blank(j)) {
        ++breaks;
        ++j;
        continue;
      }
      if (indent(j) <= parent || is_comment(j)) break;
      const std::size_t fc = first_char(lines_[j]);
      std::string_view key;
      if (key_end(fc, lines_[j].end, key) != std::string_view::npos) break;
      out.append_replacement(breaks == 1 ? std::string(" ") : std::string(breaks - 1, '\n'),
                             break_at, 1);
      const std::size_t le = plain_end(fc, lines_[j].end);
      out.append_copy(s_, fc, le - fc);
      break_at = lines_[j].end;
      breaks = 1;
      ++j;
      next = j;
    }
    return true;
  }

  // End of a plain scalar on one line: before ' #' comments and trailing blanks.
  std::size_t plain_end(std::size_t b, std::size_t end) {
    std::size_t e = b;
    for (; e < end; ++e) {
      if (s_[e] == '#' && e > b && blank(s_[e - 1])) {
        ex_.comment(e, end);
        break;
      }
    }
    while (e > b && blank(s_[e - 1])) --e;
    return e;
  }

  bool block_scalar(std::size_t i, std::size_t v, std::size_t parent, Snippet& out,
                    std::size_t& next) {
    const Line& l = lines_[i];
    const bool folded = s_[v] == '>';
    std::size_t explicit_indent = 0;
    std::size_t p = v + 1;
    for (; p < l.end && !blank(s_[p]); ++p)
      if (s_[p] >= '1' && s_[p] <= '9') explicit_indent = static_cast<std::size_t>(s_[p] - '0');
    while (p < l.end && blank(s_[p])) ++p;
    if (p < l.end && s_[p] == '#') ex_.comment(p, l.end);
    // Body: the following lines indented deeper than the parent (blank lines included).
    std::size_t j = i + 1;
    std::size_t content_indent = explicit_indent ? parent + explicit_indent : 0;
    std::size_t last_body = i;
    for (; j < lines_.size(); ++j) {
      if (is_blank(j)) continue;
      if (indent(j) <= parent) break;
      if (!content_indent) content_indent = indent(j);
      if (indent(j) < content_indent) break;
      last_body = j;
    }
    next = last_body + 1;
    if (last_body == i) return true;
    bool first = true;
    std::size_t breaks = 0;
    bool prev_more = false;
    std::size_t break_at = 0;
    for (std::size_t k = i + 1; k <= last_body; ++k) {
      const Line& b = lines_[k];
      if (b.end - b.begin <= content_indent && is_blank(k)) {
        ++breaks;
        continue;
      }
      const std::size_t from = std::min(b.begin + content_indent, b.end);
      const bool more = from < b.end && blank(s_[from]);
      if (!first) {
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
      out.append_copy(s_, from, b.end - from);
      first = false;
      breaks = 1;
      prev_more = more;
      break_at = b.end;
    }
    return true;
  }

  Extractor& ex_;
  std::string_view s_;
  const std::vector<Line>& lines_;
  LexOptions lo_;
  PendingArgv pending_;
};

}  // namespace

void read_yaml(Extractor& ex, const std::vector<Line>& lines) {
  if (lines.empty()) return;
  YamlReader(ex, lines).run();
}

}  // namespace kafkalint::scripts
