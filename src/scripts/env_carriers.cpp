// Environment carriers outside YAML: Dockerfile ENV instructions and `docker run -e` lines.
// The variables decode per image exactly as in Compose files (env_to_key, which cites each
// image's source); only the way the file writes NAME=VALUE differs.

#include <cctype>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/line_index.h"
#include "core/strings.h"
#include "scripts/carriers.h"
#include "scripts/snippet.h"

namespace kafkalint::scripts {
namespace {

// One shell-like word: its raw span in the file and its text with quotes and escapes removed.
struct EnvWord {
  std::size_t begin = 0, end = 0;
  std::string text;
  bool literal = true;  // no quote or escape anywhere: text == raw bytes
};

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The words of the logical line starting at `*pos` (a backslash before the newline continues
// it, as in Dockerfiles and shells); `*pos` moves past the line.
std::vector<EnvWord> logical_line(std::string_view s, std::size_t* pos) {
  std::vector<EnvWord> words;
  std::size_t i = *pos;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\n') {
      ++i;
      break;
    }
    if (c == '\\' && i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
      i += s[i + 1] == '\r' && i + 2 < s.size() && s[i + 2] == '\n' ? 3 : 2;
      continue;
    }
    if (blank(c)) {
      ++i;
      continue;
    }
    EnvWord w;
    w.begin = i;
    char quote = 0;
    while (i < s.size()) {
      const char d = s[i];
      if (quote) {
        if (d == quote) {
          quote = 0;
        } else if (d == '\\' && quote == '"' && i + 1 < s.size()) {
          w.text += s[++i];
        } else {
          w.text += d;
        }
        ++i;
        continue;
      }
      if (d == '\n' || blank(d)) break;
      if (d == '\\' && i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r')) break;
      if (d == '"' || d == '\'') {
        quote = d;
        w.literal = false;
      } else if (d == '\\' && i + 1 < s.size()) {
        w.literal = false;
        w.text += s[++i];
      } else {
        w.text += d;
      }
      ++i;
    }
    w.end = i;
    words.push_back(std::move(w));
  }
  *pos = i;
  return words;
}

// A carrier for `image`, or none when the image is not a Kafka broker image. Variables with
// Bitnami's KAFKA_CFG_ prefix say its convention when the image is unknown (a derived image),
// as in Compose files.
bool effective_image(const std::string& image, const std::vector<std::string>& names,
                     std::string* effective) {
  if (kafka_image(image)) {
    *effective = image;
    return true;
  }
  for (const std::string& n : names)
    if (n.rfind("KAFKA_CFG_", 0) == 0) {
      *effective = "bitnami/kafka";
      return true;
    }
  return false;
}

// An entry from a NAME=VALUE word whose name is spelled literally.
void add_entry(Carrier& c, const EnvWord& w, std::string_view content,
               const core::LineIndex& index) {
  const std::size_t eq = w.text.find('=');
  if (eq == std::string::npos || eq == 0) return;
  const std::string name = w.text.substr(0, eq);
  // The name's bytes must be in the file as they are, for the position and the rename fix.
  if (content.substr(w.begin, name.size()) != name) return;
  CarrierEntry e;
  e.key = env_to_key(c.image, name);
  if (e.key.empty()) return;
  e.value = w.text.substr(eq + 1);
  e.key_begin = w.begin;
  e.key_end = w.begin + name.size();
  e.key_line = index.line(e.key_begin);
  e.key_column = index.column(e.key_begin);
  if (content.size() > e.key_end && content[e.key_end] == '=') {
    e.value_begin = e.key_end + 1;
    e.value_end = w.end;
    e.value_literal = w.literal && content.substr(e.value_begin, e.value_end - e.value_begin) ==
                                       std::string_view(e.value);
  } else {
    e.value_begin = e.key_begin;
    e.value_end = e.key_end;
  }
  e.value_line = index.line(e.value_begin);
  e.value_column = index.column(e.value_begin);
  e.env_name = name;
  e.env_begin = e.key_begin;
  e.env_end = e.key_end;
  e.origin = "environment variable " + name;
  c.entries.push_back(std::move(e));
}

// The legacy form `ENV NAME value words`: one variable, the rest of the line its value.
void add_legacy_entry(Carrier& c, const std::vector<EnvWord>& words, std::string_view content,
                      const core::LineIndex& index) {
  EnvWord w = words[1];
  if (!w.literal) return;
  std::string value;
  for (std::size_t i = 2; i < words.size(); ++i) value += (i > 2 ? " " : "") + words[i].text;
  const bool single = words.size() == 3 && words[2].literal;
  w.text += "=" + value;
  const std::size_t before = c.entries.size();
  add_entry(c, w, content, index);
  if (c.entries.size() == before) return;
  CarrierEntry& e = c.entries.back();
  e.value_begin = words[2].begin;
  e.value_end = words.back().end;
  e.value_line = index.line(e.value_begin);
  e.value_column = index.column(e.value_begin);
  e.value_literal = single;
}

struct Stage {
  std::string image;
  std::vector<std::vector<EnvWord>> env_lines;
};

void stage_carrier(const Stage& st, std::string_view content, const core::LineIndex& index,
                   std::vector<Carrier>* out) {
  std::vector<std::string> names;
  for (const std::vector<EnvWord>& l : st.env_lines)
    for (std::size_t i = 1; i < l.size(); ++i) names.push_back(l[i].text);
  Carrier c;
  if (!effective_image(st.image, names, &c.image)) return;
  c.what = "Dockerfile stage FROM " + st.image;
  c.role = "broker";
  c.release = image_release(st.image);
  for (const std::vector<EnvWord>& l : st.env_lines) {
    if (l.size() < 2) continue;
    if (l[1].text.find('=') == std::string::npos) {
      if (l.size() >= 3) add_legacy_entry(c, l, content, index);
      continue;
    }
    for (std::size_t i = 1; i < l.size(); ++i) add_entry(c, l[i], content, index);
  }
  if (!c.entries.empty()) out->push_back(std::move(c));
}

// Options of `docker run` that take no value; every other option without '=' takes the next
// word (docker's own option table, cli/command/container/opts.go).
bool docker_flag(const std::string& o) {
  static const char* const kFlags[] = {
      "--rm",        "--detach",           "--interactive",    "--tty",
      "--init",      "--privileged",       "--read-only",      "--publish-all",
      "--sig-proxy", "--oom-kill-disable", "--no-healthcheck", "--quiet"};
  for (const char* f : kFlags)
    if (o == f) return true;
  if (o.size() >= 2 && o[0] == '-' && o[1] != '-') {
    for (std::size_t i = 1; i < o.size(); ++i)
      if (std::string_view("ditPq").find(o[i]) == std::string_view::npos) return false;
    return true;
  }
  return false;
}

// One `docker run` (words[run] is "run"): its -e/--env variables, under the image named by
// the first word that is neither an option nor an option's value.
void docker_run(const std::vector<EnvWord>& w, std::size_t run, std::string_view content,
                const core::LineIndex& index, std::vector<Carrier>* out) {
  std::vector<EnvWord> env;
  std::string image;
  for (std::size_t i = run + 1; i < w.size(); ++i) {
    const std::string& t = w[i].text;
    if (t.empty() || t[0] != '-') {
      image = t;
      // Words after the image replace its command (a CLI tool, a shell): the variables then
      // do not configure a broker.
      const std::string next = i + 1 < w.size() ? w[i + 1].text : "";
      if (!next.empty() && next != "&&" && next != "||" && next != ";" && next != "|" &&
          next[0] != '>' && next[0] != '#')
        return;
      break;
    }
    if (t == "-e" || t == "--env") {
      if (i + 1 < w.size()) env.push_back(w[++i]);
    } else if (t.rfind("--env=", 0) == 0 || (t.rfind("-e", 0) == 0 && t.size() > 2)) {
      // The variable glued to its option: a word that starts at the name.
      EnvWord g = w[i];
      const std::size_t skip = t[1] == '-' ? 6 : 2;
      g.begin += skip;
      g.text = t.substr(skip);
      if (w[i].literal) env.push_back(std::move(g));
    } else if (t.find('=') == std::string::npos && !docker_flag(t)) {
      ++i;
    }
  }
  std::vector<std::string> names;
  for (const EnvWord& e : env) names.push_back(e.text);
  Carrier c;
  if (image.empty() || env.empty() || !effective_image(image, names, &c.image)) return;
  c.what = "docker run " + image;
  c.role = "broker";
  c.release = image_release(image);
  for (const EnvWord& e : env) add_entry(c, e, content, index);
  if (!c.entries.empty()) out->push_back(std::move(c));
}

}  // namespace

std::vector<Carrier> dockerfile_carriers(std::string_view content) {
  std::vector<Carrier> out;
  const core::LineIndex index(content);
  std::map<std::string, std::string> aliases;  // stage name -> the image it starts from
  Stage st;
  bool in_stage = false;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t start = pos;
    while (start < content.size() && blank(content[start])) ++start;
    if (start < content.size() && content[start] == '#') {
      pos = content.find('\n', start);
      pos = pos == std::string_view::npos ? content.size() : pos + 1;
      continue;
    }
    std::vector<EnvWord> words = logical_line(content, &pos);
    if (words.empty()) continue;
    const std::string op = core::ascii_lower(words[0].text);
    if (op == "from") {
      if (in_stage) stage_carrier(st, content, index, &out);
      st = Stage{};
      in_stage = true;
      std::size_t i = 1;
      while (i < words.size() && words[i].text.rfind("--", 0) == 0) ++i;
      if (i < words.size()) {
        const auto a = aliases.find(core::ascii_lower(words[i].text));
        st.image = a != aliases.end() ? a->second : words[i].text;
        if (i + 2 < words.size() && core::ascii_lower(words[i + 1].text) == "as")
          aliases[core::ascii_lower(words[i + 2].text)] = st.image;
      }
    } else if (op == "env" && in_stage) {
      st.env_lines.push_back(std::move(words));
    }
  }
  if (in_stage) stage_carrier(st, content, index, &out);
  return out;
}

std::vector<Carrier> docker_run_carriers(std::string_view content) {
  std::vector<Carrier> out;
  if (content.find("docker") == std::string_view::npos) return out;
  const core::LineIndex index(content);
  std::size_t pos = 0;
  while (pos < content.size()) {
    const std::size_t start = pos;
    const std::size_t nl = content.find('\n', start);
    const std::string_view line =
        content.substr(start, nl == std::string_view::npos ? nl : nl - start);
    if (line.find("docker") == std::string_view::npos) {
      pos = nl == std::string_view::npos ? content.size() : nl + 1;
      continue;
    }
    const std::vector<EnvWord> words = logical_line(content, &pos);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i].text != "docker") continue;
      std::size_t run = i + 1;
      if (words[run].text == "container" && run + 1 < words.size()) ++run;
      if (words[run].text == "run") docker_run(words, run, content, index, &out);
    }
  }
  return out;
}

namespace {

// One 'NAME=VALUE' line of an env file as Compose reads it; false for comments, blank lines
// and lines without '=' (a bare NAME passes the shell's variable through: no value here).
bool env_file_line(std::string_view s, std::size_t b, std::size_t e, EnvWord* w) {
  while (b < e && blank(s[b])) ++b;
  if (s.substr(b, 7) == "export ") b += 7;
  while (b < e && blank(s[b])) ++b;
  if (b >= e || s[b] == '#') return false;
  const std::size_t eq = s.find('=', b);
  if (eq == std::string_view::npos || eq >= e || eq == b) return false;
  for (std::size_t k = b; k < eq; ++k)
    if (blank(s[k])) return false;
  w->begin = b;
  w->text = std::string(s.substr(b, eq - b)) + "=";
  std::size_t v = eq + 1;
  if (v < e && (s[v] == '"' || s[v] == '\'')) {
    const char q = s[v];
    std::size_t k = v + 1;
    while (k < e && s[k] != q) {
      if (q == '"' && s[k] == '\\' && k + 1 < e) ++k;
      w->text += s[k++];
    }
    w->literal = false;
    w->end = k < e ? k + 1 : e;
    return true;
  }
  // Unquoted: up to a ' #' comment, trailing blanks dropped.
  std::size_t end = v;
  while (end < e && !(s[end] == '#' && end > v && blank(s[end - 1]))) ++end;
  while (end > v && blank(s[end - 1])) --end;
  w->text += std::string(s.substr(v, end - v));
  w->literal = true;
  w->end = end;
  return true;
}

}  // namespace

Carrier env_file_carrier(std::string_view content, const ComposeEnvFile& use) {
  Carrier c;
  if (!use.broker) return c;
  const core::LineIndex index(content);
  std::vector<EnvWord> words;
  for (std::size_t pos = 0; pos < content.size();) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    EnvWord w;
    if (env_file_line(content, pos, nl, &w)) words.push_back(std::move(w));
    pos = nl + 1;
  }
  std::vector<std::string> names;
  for (const EnvWord& w : words) names.push_back(w.text.substr(0, w.text.find('=')));
  if (!effective_image(use.image, names, &c.image)) return c;
  c.what = "Compose service " + use.service + (use.image.empty() ? "" : " (" + use.image + ")") +
           " env_file " + use.path;
  c.role = "broker";
  c.release = image_release(use.image);
  c.single_node = use.single_node;
  for (const EnvWord& w : words) add_entry(c, w, content, index);
  return c;
}

}  // namespace kafkalint::scripts

namespace kafkalint::scripts {

DotEnv read_dotenv(std::string_view content) {
  DotEnv env;
  int line = 1;
  for (std::size_t pos = 0; pos < content.size(); ++line) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    EnvWord w;
    if (env_file_line(content, pos, nl, &w)) {
      const std::size_t eq = w.text.find('=');
      std::string value = w.text.substr(eq + 1);
      // Compose interpolates unquoted and double-quoted values of the .env file itself with
      // the variables set above them ('LISTENER=${HOST}:${PORT}'); a single-quoted value is
      // literal
      // (https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/,
      // ".env file syntax"). A value naming a variable the file does not set stays as written.
      if (content[w.begin + eq + 1] != '\'') {
        Interpolation in = compose_interpolate(value, env);
        if (in.changed && in.resolved) value = std::move(in.text);
      }
      // A later line overrides an earlier one: the file fills one map, line by line.
      env.vars[w.text.substr(0, eq)] = DotEnv::Var{std::move(value), line};
    }
    pos = nl + 1;
  }
  return env;
}

namespace {

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

Interpolation compose_interpolate(std::string_view v, const DotEnv& env) {
  Interpolation out;
  std::size_t expressions = 0;
  bool only_expression = true;  // nothing but one ${...} in the value
  std::size_t default_at = std::string::npos, default_len = 0;
  const auto lookup = [&](const std::string& name) -> const DotEnv::Var* {
    auto it = env.vars.find(name);
    return it == env.vars.end() ? nullptr : &it->second;
  };
  const auto used = [&](const std::string& name, const DotEnv::Var& var) {
    const std::string what =
        name + "=" + var.value + " from " + env.name + " line " + std::to_string(var.line);
    if (out.note.find(what) == std::string::npos) out.note += (out.note.empty() ? "" : ", ") + what;
  };
  std::size_t i = 0;
  while (i < v.size()) {
    if (v[i] != '$' || i + 1 >= v.size()) {
      out.text += v[i++];
      only_expression = false;
      continue;
    }
    if (v[i + 1] == '$') {  // '$$': a literal '$'
      out.text += '$';
      out.changed = true;
      only_expression = false;
      i += 2;
      continue;
    }
    if (name_start(v[i + 1])) {  // $VAR
      std::size_t e = i + 1;
      while (e < v.size() && name_char(v[e])) ++e;
      const std::string name(v.substr(i + 1, e - i - 1));
      out.changed = true;
      only_expression = false;
      if (const DotEnv::Var* var = lookup(name)) {
        out.text += var->value;
        used(name, *var);
      } else {
        out.text += "${" + name + "}";
        out.resolved = false;
      }
      i = e;
      continue;
    }
    if (v[i + 1] != '{') {
      out.text += v[i++];
      only_expression = false;
      continue;
    }
    // ${NAME[op word]}: the word runs to the matching '}' (nested ${...} count).
    std::size_t n = i + 2;
    while (n < v.size() && name_char(v[n])) ++n;
    const std::string name(v.substr(i + 2, n - i - 2));
    std::size_t close = n;
    int depth = 0;
    for (; close < v.size(); ++close) {
      if (v[close] == '{') ++depth;
      if (v[close] == '}' && depth-- == 0) break;
    }
    if (name.empty() || !name_start(name[0]) || close >= v.size()) {
      // Not an expression Compose accepts: Compose refuses the file; leave the text alone.
      out.text += v.substr(i);
      out.resolved = false;
      return out;
    }
    out.changed = true;
    ++expressions;
    if (i != 0 || close + 1 != v.size()) only_expression = false;
    std::string op;
    std::size_t word_at = n;
    if (n < close && v[n] == ':' && n + 1 < close && std::strchr("-?+", v[n + 1])) {
      op = std::string(v.substr(n, 2));
      word_at = n + 2;
    } else if (n < close && std::strchr("-?+", v[n])) {
      op = std::string(1, v[n]);
      word_at = n + 1;
    } else if (n != close) {
      out.text += v.substr(i, close + 1 - i);
      out.resolved = false;
      i = close + 1;
      continue;
    }
    const std::string_view word = v.substr(word_at, close - word_at);
    const DotEnv::Var* var = lookup(name);
    const bool set = var != nullptr;
    const bool set_nonempty = set && !var->value.empty();
    const bool colon = op.size() == 2;
    const char kind = op.empty() ? '\0' : op.back();
    const bool present = colon ? set_nonempty : set;
    const auto take_word = [&] {
      if (word.find('$') != std::string_view::npos) {
        const Interpolation inner = compose_interpolate(word, env);
        out.text += inner.text;
        out.resolved = out.resolved && inner.resolved;
        if (!inner.note.empty()) out.note += (out.note.empty() ? "" : ", ") + inner.note;
      } else {
        out.text += word;
        default_at = word_at;
        default_len = word.size();
      }
    };
    if (kind == '-') {
      if (present) {
        out.text += var->value;
        used(name, *var);
      } else {
        take_word();
      }
    } else if (kind == '+') {
      if (present) take_word();  // the alternative replaces a set variable; else empty
    } else if (present || (kind == '\0' && set)) {
      out.text += var->value;
      used(name, *var);
    } else {
      // Unset (or, for ':?', empty) without a default: Compose substitutes nothing or fails.
      out.text += "${" + name + "}";
      out.resolved = false;
    }
    i = close + 1;
  }
  if (expressions == 1 && only_expression && default_at != std::string::npos) {
    out.default_at = default_at;
    out.default_len = default_len;
  }
  return out;
}

}  // namespace kafkalint::scripts
