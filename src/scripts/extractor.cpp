#include "scripts/extractor.h"

#include <algorithm>
#include <array>

#include "scripts/tools.h"

namespace kafkalint::scripts {
namespace {

constexpr int kMaxDepth = 8;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool is_name_char(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (!first && c >= '0' && c <= '9');
}

// 'NAME=value' or 'NAME+=value' (shell assignment); returns the offset after '=' or kNone.
std::size_t assignment_value(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_name_char(text[i], i == 0)) ++i;
  if (i == 0 || i >= text.size()) return kNone;
  if (text[i] == '+' && i + 1 < text.size() && text[i + 1] == '=') return i + 2;
  return text[i] == '=' ? i + 1 : kNone;
}

// '$NAME', '${NAME}' -> NAME; anything else -> "".
std::string_view variable_reference(std::string_view text) {
  if (text.size() < 2 || text[0] != '$') return {};
  std::string_view name = text.substr(1);
  if (name.front() == '{') {
    if (name.back() != '}') return {};
    name = name.substr(1, name.size() - 2);
  }
  if (name.empty()) return {};
  for (std::size_t i = 0; i < name.size(); ++i)
    if (!is_name_char(name[i], i == 0)) return {};
  return name;
}

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Skips the options of a wrapper: words starting with '-' (stopping after "--"); an option in
// `with_arg` not written as '--opt=value' or '-xVALUE' also takes the next word. Short-flag
// clusters ('-it') whose last letter takes an argument take the next word too.
template <std::size_t N>
std::size_t skip_options(const std::vector<Word>& w, std::size_t i,
                         const std::array<std::string_view, N>& with_arg,
                         std::string_view short_with_arg) {
  while (i < w.size()) {
    std::string_view t = w[i].text;
    if (t == "--") return i + 1;
    if (t.size() < 2 || t[0] != '-') return i;
    ++i;
    if (t.find('=') != std::string_view::npos) continue;
    if (one_of(t, with_arg)) {
      ++i;
    } else if (t[1] != '-' && t.size() > 2 &&
               short_with_arg.find(t.back()) != std::string_view::npos &&
               short_with_arg.find(t[1]) == std::string_view::npos) {
      ++i;  // '-it' style cluster ending in an option that takes an argument ('-ie VAR')
    }
  }
  return i;
}

}  // namespace

struct Extractor::Frame {
  const LexResult* lex;
  const Snippet* snippet;
};

Extractor::Extractor(std::string_view path, std::string_view content, const ExtractOptions& opts,
                     ExtractResult& out)
    : path_(path),
      content_(content),
      opts_(opts),
      out_(out),
      lines_(content),
      budget_(content.size() * 8 + 65536) {}

void Extractor::comment(std::size_t begin, std::size_t end) {
  begin = std::min(begin, content_.size());
  end = std::clamp(end, begin, content_.size());
  Comment c;
  c.line = lines_.line(begin);
  c.column = lines_.column(begin);
  c.text = std::string(content_.substr(begin, end - begin));
  out_.comments.push_back(std::move(c));
}

void Extractor::warn(std::size_t at, std::string message) {
  at = std::min(at, content_.size());
  core::Error e;
  e.where.file = path_;
  e.where.line = lines_.line(at);
  e.where.column = lines_.column(at);
  e.message = std::move(message);
  out_.warnings.push_back(std::move(e));
}

Snippet Extractor::copy(std::size_t begin, std::size_t end) const {
  Snippet s;
  end = std::min(end, content_.size());
  if (begin < end) s.append_copy(content_, begin, end - begin);
  return s;
}

Word Extractor::word(Snippet map, std::size_t begin, std::size_t end) const {
  Word w;
  w.text = map.text();
  w.begin = begin;
  w.end = end;
  const std::string_view t = w.text;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    const char c = t[i];
    const char d = t[i + 1];
    if ((c == '$' && (d == '(' || d == '{' || is_name_char(d, true))) || (c == '{' && d == '{') ||
        c == '`') {
      w.opaque = true;
      break;
    }
  }
  w.map = std::move(map);
  return w;
}

bool Extractor::spend(std::size_t bytes, std::size_t at, int depth) {
  if (depth <= kMaxDepth && bytes <= budget_) {
    budget_ -= bytes;
    return true;
  }
  if (!budget_warned_) {
    budget_warned_ = true;
    warn(at, "scripts nested too deeply or too large; the inner ones were not read");
  }
  return false;
}

const Snippet& Extractor::word_map(Word& w) {
  if (!w.map.empty() || !w.lazy_source) return w.map;
  const Frame& f = *static_cast<const Frame*>(w.lazy_source);
  const LexToken& t = f.lex->tokens[w.lazy_index];
  for (std::size_t k = t.runs_begin; k < t.runs_end; ++k) {
    const Run& r = f.lex->word_runs[k];
    if (r.text_len == r.orig_len) {
      w.map.append_from(*f.snippet, r.orig, r.orig + r.text_len);
    } else {
      const std::size_t b = f.snippet->map(r.orig);
      const std::size_t e = f.snippet->map_end(r.orig + r.orig_len);
      w.map.append_replacement(std::string_view(t.text).substr(r.text, r.text_len), b, e - b);
    }
  }
  return w.map;
}

void Extractor::shell(const Snippet& s, const LexOptions& lo, int depth) {
  if (s.empty() || !spend(s.text().size(), s.map(0), depth)) return;
  const LexResult lex = lex_shell(s.text(), lo);
  const Frame frame{&lex, &s};

  for (const auto& [b, e] : lex.comments) comment(s.map(b), s.map_end(e));
  if (lexer_warnings_)
    for (const LexWarning& w : lex.warnings) warn(s.map(w.at), w.message);

  Assignments assignments;
  std::vector<Word> words;
  std::size_t heredoc = kNone;
  auto finish_command = [&]() {
    if (!words.empty()) {
      Snippet body;
      if (heredoc != kNone) {
        const LexToken& h = lex.tokens[heredoc];
        body.append_from(s, h.begin, h.end);
      }
      command(words, heredoc != kNone ? &body : nullptr, lo, depth, &assignments);
    }
    words.clear();
    heredoc = kNone;
  };
  for (std::size_t i = 0; i < lex.tokens.size(); ++i) {
    const LexToken& t = lex.tokens[i];
    switch (t.kind) {
      case LexKind::kWord: {
        Word w;
        w.text = t.text;
        w.opaque = t.opaque;
        w.begin = s.map(t.begin);
        w.end = s.map_end(t.end);
        w.lazy_source = &frame;
        w.lazy_index = i;
        words.push_back(std::move(w));
        break;
      }
      case LexKind::kRedirect:
        if (t.heredoc != kNone && heredoc == kNone) heredoc = t.heredoc;
        // The target ('> file', '2>&1', '<< EOF') is no argument of the command.
        if (i + 1 < lex.tokens.size() && lex.tokens[i + 1].kind == LexKind::kWord) ++i;
        break;
      case LexKind::kControl: {
        const std::size_t carried = t.text == "|" ? heredoc : kNone;
        finish_command();
        heredoc = carried;
        break;
      }
      case LexKind::kHeredoc:
        break;
    }
  }
  finish_command();

  // What '$(...)', '`...`' and '<(...)' run is executed too, wherever the substitution sits.
  for (const Substitution& sub : lex.substitutions) {
    Snippet inner;
    inner.append_from(s, sub.begin, sub.end);
    shell(inner, lo, depth + 1);
  }
}

void Extractor::argv(std::vector<Word>& words, const LexOptions& lo, int depth) {
  command(words, nullptr, lo, depth, nullptr);
}

void Extractor::script_from_words(std::vector<Word>& w, std::size_t first, const LexOptions& lo,
                                  int depth) {
  if (first >= w.size()) return;
  Snippet joined;
  for (std::size_t k = first; k < w.size(); ++k) {
    if (k > first) joined.append_replacement(" ", w[k].begin, 0);
    const Snippet& m = word_map(w[k]);
    joined.append_from(m, 0, m.text().size());
  }
  shell(joined, lo, depth);
}

void Extractor::command(std::vector<Word>& w, const Snippet* heredoc, const LexOptions& lo,
                        int depth, Assignments* assignments) {
  static constexpr std::array<std::string_view, 14> kKeywords{
      "if", "then", "else", "elif", "do",   "while", "until",
      "!",  "{",    "}",    "fi",   "done", "esac",  "time"};
  static constexpr std::array<std::string_view, 6> kShells{"sh",   "bash", "zsh",
                                                           "dash", "ksh",  "ash"};
  static constexpr std::array<std::string_view, 4> kTransparent{"nohup", "setsid", "builtin",
                                                                "chronic"};
  static constexpr std::array<std::string_view, 22> kSudoArgs{
      "-u",     "-g",      "-h",           "-p",           "-C",
      "-D",     "-r",      "-t",           "-U",           "-T",
      "--user", "--group", "--host",       "--prompt",     "--chdir",
      "--role", "--type",  "--other-user", "--close-from", "--command-timeout",
      "-R",     "--chroot"};
  static constexpr std::array<std::string_view, 5> kEnvArgs{"-u", "-C", "--unset", "--chdir", "-S"};
  static constexpr std::array<std::string_view, 4> kTimeoutArgs{"-s", "-k", "--signal",
                                                                "--kill-after"};
  static constexpr std::array<std::string_view, 14> kXargsArgs{
      "-I", "-n", "-P", "-L", "-d",         "-E",          "-s",
      "-a", "-l", "-e", "-i", "--max-args", "--max-procs", "--delimiter"};
  static constexpr std::array<std::string_view, 16> kDockerExecArgs{
      "-e",          "--env",         "--env-file", "-u",        "--user",      "-w",
      "--workdir",   "--detach-keys", "--index",    "-c",        "--container", "-n",
      "--namespace", "--context",     "-f",         "--filename"};
  static constexpr std::array<std::string_view, 48> kDockerRunArgs{"-e",
                                                                   "--env",
                                                                   "--env-file",
                                                                   "-u",
                                                                   "--user",
                                                                   "-w",
                                                                   "--workdir",
                                                                   "-v",
                                                                   "--volume",
                                                                   "-p",
                                                                   "--publish",
                                                                   "--name",
                                                                   "--network",
                                                                   "--net",
                                                                   "--entrypoint",
                                                                   "--add-host",
                                                                   "--link",
                                                                   "-h",
                                                                   "--hostname",
                                                                   "--volumes-from",
                                                                   "--mount",
                                                                   "-l",
                                                                   "--label",
                                                                   "-m",
                                                                   "--memory",
                                                                   "--cpus",
                                                                   "--restart",
                                                                   "--log-driver",
                                                                   "--log-opt",
                                                                   "--platform",
                                                                   "--pull",
                                                                   "--expose",
                                                                   "--dns",
                                                                   "--cap-add",
                                                                   "--cap-drop",
                                                                   "--device",
                                                                   "--ulimit",
                                                                   "--tmpfs",
                                                                   "--security-opt",
                                                                   "--ipc",
                                                                   "--pid",
                                                                   "--shm-size",
                                                                   "--label-file",
                                                                   "--cidfile",
                                                                   "--network-alias",
                                                                   "--health-cmd",
                                                                   "--stop-signal",
                                                                   "--user-ns"};
  static constexpr std::array<std::string_view, 9> kComposeGlobalArgs{
      "-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory",
      "-H", "--host"};
  static constexpr std::array<std::string_view, 12> kSshArgs{"-p", "-i", "-o", "-l", "-J", "-F",
                                                             "-b", "-c", "-D", "-E", "-L", "-R"};

  const std::size_t n = w.size();
  std::size_t i = 0;
  for (int guard = 0; i < n && guard < 64; ++guard) {
    const std::size_t eq = assignment_value(w[i].text);
    if (eq != kNone) {
      if (assignments) {
        const std::size_t name_len = eq - (w[i].text[eq - 2] == '+' ? 2 : 1);
        (*assignments)[w[i].text.substr(0, name_len)] = w[i];
      }
      ++i;
      continue;
    }
    const std::string_view prog = w[i].opaque ? std::string_view() : base_name(w[i].text);
    if (one_of(prog, kKeywords)) {
      ++i;
      if (prog == "time" && i < n && w[i].text == "-p") ++i;
    } else if (one_of(prog, kTransparent)) {
      ++i;
    } else if (prog == "sudo" || prog == "doas") {
      i = skip_options(w, i + 1, kSudoArgs, "ughpCDrtUTR");
    } else if (prog == "env") {
      i = skip_options(w, i + 1, kEnvArgs, "uCS");
    } else if (prog == "timeout") {
      i = skip_options(w, i + 1, kTimeoutArgs, "sk");
      if (i < n) ++i;  // the duration
    } else if (prog == "exec") {
      i = skip_options(w, i + 1, std::array<std::string_view, 1>{"-a"}, "a");
    } else if (prog == "command") {
      if (i + 1 < n && (w[i + 1].text == "-v" || w[i + 1].text == "-V"))
        return;  // looks up, runs nothing
      i = skip_options(w, i + 1, std::array<std::string_view, 0>{}, "");
    } else if (prog == "nice") {
      i = skip_options(w, i + 1, std::array<std::string_view, 2>{"-n", "--adjustment"}, "n");
    } else if (prog == "stdbuf" || prog == "ionice") {
      i = skip_options(w, i + 1, std::array<std::string_view, 3>{"-c", "-n", "-p"}, "cnp");
    } else if (prog == "xargs") {
      i = skip_options(w, i + 1, kXargsArgs, "InPLdEsa");
    } else if (prog == "docker" || prog == "podman" || prog == "nerdctl" ||
               prog == "docker-compose") {
      std::size_t j = i + 1;
      if (prog == "docker-compose" || (j < n && w[j].text == "compose")) {
        if (prog != "docker-compose") ++j;
        j = skip_options(w, j, kComposeGlobalArgs, "fpH");
      } else if (j < n && w[j].text == "container") {
        ++j;
      }
      if (j >= n) return;
      const std::string_view sub = w[j].text;
      if (sub == "exec") {
        j = skip_options(w, j + 1, kDockerExecArgs, "euw");
      } else if (sub == "run" || sub == "create") {
        j = skip_options(w, j + 1, kDockerRunArgs, "euwvplhm");
      } else {
        return;
      }
      i = j + 1;  // past the container, image or service
    } else if (prog == "kubectl" || prog == "oc") {
      std::size_t j = i + 1;
      while (j < n && w[j].text != "--") ++j;
      if (j < n) {
        i = j + 1;
      } else if (i + 1 < n && w[i + 1].text == "exec") {
        i = skip_options(w, i + 2, kDockerExecArgs, "cnf") + 1;  // old form: kubectl exec POD CMD
      } else {
        return;
      }
    } else if (prog == "ssh") {
      i = skip_options(w, i + 1, kSshArgs, "piolJFbcDELR");
      if (i >= n) return;
      ++i;  // the host
      if (i < n)
        script_from_words(w, i, lo, depth + 1);  // ssh runs its arguments as one script
      else if (heredoc)
        shell(*heredoc, lo, depth + 1);
      return;
    } else if (one_of(prog, kShells)) {
      ++i;
      bool dash_c = false;
      while (i < n && w[i].text.size() > 1 && (w[i].text[0] == '-' || w[i].text[0] == '+') &&
             w[i].text != "--") {
        const std::string_view opt = w[i].text;
        ++i;
        if (starts_with(opt, "--")) {
          if (opt == "--rcfile" || opt == "--init-file") ++i;
          continue;
        }
        if (opt[0] == '-' && opt.find('c') != std::string_view::npos) dash_c = true;
        if (opt.find('o') != std::string_view::npos || opt.find('O') != std::string_view::npos) ++i;
      }
      if (i < n && w[i].text == "--") ++i;
      if (dash_c) {
        if (i < n) shell(word_map(w[i]), lo, depth + 1);
        return;
      }
      if (i >= n) {
        // 'bash <<EOF' (also through ssh, docker exec -i, sudo): the here-document is the script.
        if (heredoc) shell(*heredoc, lo, depth + 1);
        return;
      }
      // 'bash kafka-topics.sh ...' runs that script: fall through to the program check.
      break;
    } else if (prog == "su") {
      for (std::size_t j = i + 1; j + 1 < n; ++j)
        if (w[j].text == "-c" || w[j].text == "--command") {
          shell(word_map(w[j + 1]), lo, depth + 1);
          break;
        }
      return;
    } else if (prog == "eval") {
      ++i;
      if (i + 1 == n && assignments) {
        const std::string_view var = variable_reference(w[i].text);
        if (!var.empty()) {
          // 'eval "$CMD"': the script is the last value assigned to CMD before this line.
          const auto it = assignments->find(std::string(var));
          if (it != assignments->end()) {
            const Snippet& m = word_map(it->second);
            Snippet value;
            value.append_from(m, assignment_value(it->second.text), m.text().size());
            shell(value, lo, depth + 1);
          }
          return;
        }
      }
      script_from_words(w, i, lo, depth + 1);
      return;
    } else if (prog == "watch") {
      static constexpr std::array<std::string_view, 3> kWatchArgs{"-n", "--interval", "-q"};
      i = skip_options(w, i + 1, kWatchArgs, "nq");
      script_from_words(w, i, lo, depth + 1);
      return;
    } else if (prog == "java") {
      // 'java -cp "libs/*" kafka.admin.TopicCommand ...' runs a tool's main class directly.
      static constexpr std::array<std::string_view, 5> kJavaArgs{
          "-cp", "-classpath", "--class-path", "-jar", "--module-path"};
      const std::size_t k = skip_options(w, i + 1, kJavaArgs, "");
      if (k >= n || w[k].opaque) return;
      for (std::size_t j = i + 1; j < k; ++j)
        if (w[j].text == "-jar") return;  // runs the jar's own main class
      const std::string script = script_for_class(w[k].text, opts_);
      if (!script.empty()) record(w, i, k, script);
      return;
    } else {
      break;
    }
  }
  if (i >= n) return;
  const std::string tool = kafka_tool_name(w[i].text, opts_);
  if (tool.empty()) return;
  if (tool == "kafka-run-class.sh") {
    // kafka-run-class.sh [-daemon] [-name NAME] [-loggc] CLASS args...
    std::size_t k = i + 1;
    while (k < n && (w[k].text == "-daemon" || w[k].text == "-loggc" || w[k].text == "-name"))
      k += w[k].text == "-name" ? 2 : 1;
    if (k < n && !w[k].opaque && w[k].text.find('.') != std::string::npos && w[k].text[0] != '-') {
      const std::string script = script_for_class(w[k].text, opts_);
      if (!script.empty()) {
        record(w, i, k, script);
        return;
      }
    }
  }
  record(w, i, kNone, tool);
}

Token Extractor::token(const Word& w) const {
  Token t;
  const std::size_t b = std::min(w.begin, content_.size());
  const std::size_t e = std::clamp(w.end, b, content_.size());
  t.text = w.text;
  t.raw = std::string(content_.substr(b, e - b));
  t.offset = b;
  t.length = e - b;
  t.line = lines_.line(b);
  t.column = lines_.column(b);
  t.opaque = w.opaque;
  return t;
}

void Extractor::record(std::vector<Word>& w, std::size_t program, std::size_t class_arg,
                       const std::string& tool) {
  CommandLine c;
  c.tool = tool;
  c.program = token(w[program]);
  c.invoked_as = w[program].text;
  std::size_t first_arg = program + 1;
  if (class_arg != kNone) {
    c.invoked_as += ' ';
    c.invoked_as += w[class_arg].text;
    first_arg = class_arg + 1;
  }
  c.args.reserve(w.size() - std::min(first_arg, w.size()));
  for (std::size_t k = first_arg; k < w.size(); ++k) c.args.push_back(token(w[k]));
  c.line = c.program.line;
  c.column = c.program.column;
  out_.commands.push_back(std::move(c));
}

void Extractor::drop_bare_commands(std::size_t mark) {
  auto& cmds = out_.commands;
  if (mark >= cmds.size()) return;
  cmds.erase(std::remove_if(cmds.begin() + static_cast<std::ptrdiff_t>(mark), cmds.end(),
                            [](const CommandLine& c) { return c.args.empty(); }),
             cmds.end());
}

void Extractor::finish() {
  auto& cmds = out_.commands;
  std::stable_sort(cmds.begin(), cmds.end(), [](const CommandLine& a, const CommandLine& b) {
    return a.program.offset < b.program.offset;
  });
  auto same = [](const CommandLine& a, const CommandLine& b) {
    if (a.program.offset != b.program.offset || a.tool != b.tool || a.args.size() != b.args.size())
      return false;
    for (std::size_t k = 0; k < a.args.size(); ++k)
      if (a.args[k].offset != b.args[k].offset || a.args[k].text != b.args[k].text) return false;
    return true;
  };
  cmds.erase(std::unique(cmds.begin(), cmds.end(), same), cmds.end());

  auto& cs = out_.comments;
  std::stable_sort(cs.begin(), cs.end(), [](const Comment& a, const Comment& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  cs.erase(std::unique(cs.begin(), cs.end(),
                       [](const Comment& a, const Comment& b) {
                         return a.line == b.line && a.column == b.column;
                       }),
           cs.end());

  auto& ws = out_.warnings;
  std::stable_sort(ws.begin(), ws.end(), [](const core::Error& a, const core::Error& b) {
    return a.where.line != b.where.line ? a.where.line < b.where.line
                                        : a.where.column < b.where.column;
  });
  ws.erase(std::unique(ws.begin(), ws.end(),
                       [](const core::Error& a, const core::Error& b) {
                         return a.where.line == b.where.line && a.where.column == b.where.column &&
                                a.message == b.message;
                       }),
           ws.end());
}

}  // namespace kafkalint::scripts
