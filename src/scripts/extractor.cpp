#include "scripts/extractor.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/strings.h"
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

// Whether `word` is one of the space-separated words of `list`.
bool in_list(std::string_view list, std::string_view word) {
  while (!list.empty()) {
    const std::size_t sp = list.find(' ');
    if (list.substr(0, sp) == word) return true;
    if (sp == std::string_view::npos) break;
    list.remove_prefix(sp + 1);
  }
  return false;
}

// Skips the options of a wrapper: words starting with '-' (stopping after "--"); an option in
// `with_arg` not written as '--opt=value' or '-xVALUE' also takes the next word. Short-flag
// clusters ('-it') whose last letter takes an argument take the next word too.
std::size_t skip_options(const std::vector<Word>& w, std::size_t i, std::string_view with_arg,
                         std::string_view short_with_arg) {
  while (i < w.size()) {
    std::string_view t = w[i].text;
    if (t == "--") return i + 1;
    if (t.size() < 2 || t[0] != '-') return i;
    ++i;
    if (t.find('=') != std::string_view::npos) continue;
    if (in_list(with_arg, t)) {
      ++i;
    } else if (t[1] != '-' && t.size() > 2 &&
               short_with_arg.find(t.back()) != std::string_view::npos &&
               short_with_arg.find(t[1]) == std::string_view::npos) {
      ++i;  // '-it' style cluster ending in an option that takes an argument ('-ie VAR')
    }
  }
  return i;
}

bool names_batch_file(std::string_view word) {
  const std::string w = core::ascii_lower(word);
  return w.size() > 4 &&
         (w.compare(w.size() - 4, 4, ".bat") == 0 || w.compare(w.size() - 4, 4, ".cmd") == 0);
}

// Where the batch command of a Windows line starts, or kNone: the line's program is a Windows
// path to a batch file ('.\bin\windows\kafka-topics.bat', 'C:\kafka\bin\windows\x.cmd'),
// or it follows a cmd.exe prompt ('C:\kafka\bin\windows> kafka-topics.bat ...').
std::size_t windows_command_start(std::string_view line) {
  std::size_t b = 0;
  while (b < line.size() && (line[b] == ' ' || line[b] == '\t')) ++b;
  std::string_view rest = line.substr(b);
  if (rest.substr(0, 3) == "PS ") rest.remove_prefix(3);  // PowerShell: 'PS C:\kafka>'
  const std::size_t gt = rest.find('>');
  if (rest.size() > 3 && std::isalpha(static_cast<unsigned char>(rest[0])) && rest[1] == ':' &&
      rest[2] == '\\' && gt != std::string_view::npos) {
    // A prompt: only a directory before the '>' (no batch file, option or operator).
    const std::string before = core::ascii_lower(rest.substr(0, gt));
    bool prompt = before.find_first_of("\"&|<^%") == std::string::npos;
    for (const char* bad : {".bat", ".cmd", ".exe", " -", " /"})
      prompt = prompt && before.find(bad) == std::string::npos;
    if (prompt) {
      std::size_t c = static_cast<std::size_t>(rest.data() - line.data()) + gt + 1;
      while (c < line.size() && (line[c] == ' ' || line[c] == '\t')) ++c;
      return c;
    }
  }
  const std::string_view program = rest.substr(0, rest.find_first_of(" \t\r\n"));
  return program.find('\\') != std::string_view::npos && names_batch_file(program) ? b : kNone;
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
  if (lo.windows_lines && !lo.batch && windows_lines(s, lo, depth)) return;
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

bool Extractor::windows_lines(const Snippet& s, const LexOptions& lo, int depth) {
  const std::string_view t = s.text();
  if (t.find('\\') == std::string_view::npos) return false;
  // Docs mix Unix and Windows lines in one code block: each Windows line (with its '^'
  // continuations) is read as batch, the lines between as shell.
  std::vector<std::pair<std::size_t, std::size_t>> win;  // [command start, end)
  for (std::size_t p = 0; p < t.size();) {
    std::size_t e = t.find('\n', p);
    e = e == std::string_view::npos ? t.size() : e + 1;
    const std::size_t w = windows_command_start(t.substr(p, e - p));
    if (w != kNone) {
      auto continued = [&](std::size_t end) {
        std::size_t k = end;
        while (k > p && (t[k - 1] == '\n' || t[k - 1] == '\r')) --k;
        return k > p && t[k - 1] == '^';
      };
      while (e < t.size() && continued(e)) {
        const std::size_t n = t.find('\n', e);
        e = n == std::string_view::npos ? t.size() : n + 1;
      }
      win.emplace_back(p + w, e);
    }
    p = e;
  }
  if (win.empty()) return false;
  LexOptions batch = lo;
  batch.batch = true;
  std::size_t done = 0;
  for (const auto& [b, e] : win) {
    const std::size_t line_start = t.rfind('\n', b == 0 ? 0 : b - 1);
    const std::size_t unix_end =
        line_start == std::string_view::npos || b == 0 ? 0 : line_start + 1;
    if (unix_end > done) {
      Snippet unix;
      unix.append_from(s, done, unix_end);
      shell(unix, lo, depth);
    }
    Snippet w;
    w.append_from(s, b, e);
    shell(w, batch, depth);
    done = e;
  }
  if (done < t.size()) {
    Snippet unix;
    unix.append_from(s, done, t.size());
    shell(unix, lo, depth);
  }
  return true;
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

// One command being unwrapped: its words and where they came from.
struct Extractor::Call {
  std::vector<Word>& w;
  const Snippet* heredoc;
  const LexOptions& lo;
  int depth;
  Assignments* assignments;
};

// Where unwrapping goes on: `at` is the next word (kNone: nothing of Kafka runs, or the
// wrapper already read what runs); `program` says the word at `at` is the program itself.
struct Extractor::Step {
  std::size_t at;
  bool program = false;
};

// How one wrapper program hands on to the command it runs.
struct Wrapper {
  std::string_view name;
  Wrap how;
  std::string_view args;        ///< its options that take the next word, space-separated
  std::string_view short_args;  ///< short options that take the next word (ends of '-it')
  std::size_t operands;         ///< its own words after the options (timeout's duration)
};

namespace {

constexpr std::string_view kSudoArgs =
    "-u -g -h -p -C -D -r -t -U -T -R --user --group --host --prompt --chdir --role --type "
    "--other-user --close-from --command-timeout --chroot";
constexpr std::string_view kXargsArgs =
    "-I -n -P -L -d -E -s -a -l -e -i --max-args --max-procs --delimiter";
// docker/podman exec, and kubectl's old 'exec POD CMD' form.
constexpr std::string_view kExecArgs =
    "-e --env --env-file -u --user -w --workdir --detach-keys --index -c --container -n "
    "--namespace --context -f --filename";
constexpr std::string_view kRunArgs =
    "-e --env --env-file -u --user -w --workdir -v --volume -p --publish --name --network --net "
    "--entrypoint --add-host --link -h --hostname --volumes-from --mount -l --label -m --memory "
    "--cpus --restart --log-driver --log-opt --platform --pull --expose --dns --cap-add "
    "--cap-drop --device --ulimit --tmpfs --security-opt --ipc --pid --shm-size --label-file "
    "--cidfile --network-alias --health-cmd --stop-signal --user-ns";
constexpr std::string_view kComposeGlobalArgs =
    "-f --file -p --project-name --env-file --profile --project-directory -H --host";
// runuser -u USER [--] command; 'runuser [-l] USER -c STRING' is read like su.
constexpr std::string_view kRunuserArgs =
    "-u --user -g --group -G --supp-group -s --shell -w --whitelist-environment";
// kubectl/oc options before the verb, and those of 'exec' and 'oc rsh' before the pod.
constexpr std::string_view kClusterGlobalArgs =
    "-n --namespace --context --kubeconfig --cluster --user -s --server --token --as";
constexpr std::string_view kRshArgs =
    "-c --container --shell -n --namespace -f --filename --timeout";
constexpr std::string_view kSshArgs = "-p -i -o -l -J -F -b -c -D -E -L -R";

using W = Wrap;

// Programs that run the command given in their arguments. Names are compared with the base
// name of the program word ('/usr/bin/sudo' -> 'sudo').
constexpr std::array<Wrapper, 55> kWrappers{{
    // Shell keywords and prefixes: only the word itself ('time' may take '-p').
    {"if", W::kWord, "", "", 0},
    {"then", W::kWord, "", "", 0},
    {"else", W::kWord, "", "", 0},
    {"elif", W::kWord, "", "", 0},
    {"do", W::kWord, "", "", 0},
    {"while", W::kWord, "", "", 0},
    {"until", W::kWord, "", "", 0},
    {"!", W::kWord, "", "", 0},
    {"{", W::kWord, "", "", 0},
    {"}", W::kWord, "", "", 0},
    {"fi", W::kWord, "", "", 0},
    {"done", W::kWord, "", "", 0},
    {"esac", W::kWord, "", "", 0},
    {"time", W::kWord, "-p", "", 0},
    {"nohup", W::kWord, "", "", 0},
    {"setsid", W::kWord, "", "", 0},
    {"builtin", W::kWord, "", "", 0},
    {"chronic", W::kWord, "", "", 0},
    {"call", W::kWord, "", "", 0},  // cmd.exe: runs a batch file and comes back
    // Options, then the command.
    {"sudo", W::kOptions, kSudoArgs, "ughpCDrtUTR", 0},
    {"doas", W::kOptions, kSudoArgs, "ughpCDrtUTR", 0},
    {"env", W::kOptions, "-u -C --unset --chdir -S", "uCS", 0},
    {"timeout", W::kOptions, "-s -k --signal --kill-after", "sk", 1},
    {"exec", W::kOptions, "-a", "a", 0},
    {"command", W::kCommand, "", "", 0},
    {"nice", W::kOptions, "-n --adjustment", "n", 0},
    {"stdbuf", W::kOptions, "-c -n -p", "cnp", 0},
    {"ionice", W::kOptions, "-c -n -p", "cnp", 0},
    {"xargs", W::kOptions, kXargsArgs, "InPLdEsa", 0},
    // Container init processes and user switchers of entrypoint scripts.
    {"tini", W::kOptions, "-p -e", "pe", 0},
    {"tini-static", W::kOptions, "-p -e", "pe", 0},
    {"dumb-init", W::kOptions, "-r --rewrite", "r", 0},
    {"gosu", W::kOptions, "", "", 1},     // gosu USER[:GROUP] command
    {"su-exec", W::kOptions, "", "", 1},  // su-exec USER[:GROUP] command
    {"runuser", W::kRunuser, kRunuserArgs, "ugGsw", 0},
    // Containers and clusters.
    {"docker", W::kContainer, "", "", 0},
    {"podman", W::kContainer, "", "", 0},
    {"nerdctl", W::kContainer, "", "", 0},
    {"docker-compose", W::kContainer, "", "", 0},
    {"kubectl", W::kCluster, kExecArgs, "cnf", 0},
    {"oc", W::kCluster, kExecArgs, "cnf", 0},
    // Programs that run a script given as words or a string.
    {"ssh", W::kSsh, kSshArgs, "piolJFbcDELR", 0},
    {"su", W::kSu, "", "", 0},
    {"eval", W::kEval, "", "", 0},
    {"watch", W::kWatch, "-n --interval -q", "nq", 0},
    {"java", W::kJava, "-cp -classpath --class-path -jar --module-path", "", 0},
    // Shells: 'sh -c STRING', 'bash <<EOF', 'bash script.sh'.
    {"sh", W::kShell, "", "", 0},
    {"bash", W::kShell, "", "", 0},
    {"zsh", W::kShell, "", "", 0},
    {"dash", W::kShell, "", "", 0},
    {"ksh", W::kShell, "", "", 0},
    {"ash", W::kShell, "", "", 0},
    {"cmd", W::kCmd, "", "", 0},
    {"start", W::kStart, "", "", 0},
    {"cmd.exe", W::kCmd, "", "", 0},
}};

// Container programs: the sub-commands that run a command, and their options.
struct ContainerVerb {
  std::string_view verb;
  std::string_view args;
  std::string_view short_args;
};
constexpr std::array<ContainerVerb, 3> kContainerVerbs{{
    {"exec", kExecArgs, "euw"},
    {"run", kRunArgs, "euwvplhm"},
    {"create", kRunArgs, "euwvplhm"},
}};

const Wrapper* find_wrapper(std::string_view prog) {
  for (const Wrapper& wr : kWrappers)
    if (wr.name == prog) return &wr;
  return nullptr;
}

// Launchers of a main class: 'kafka-run-class.sh [-daemon] [-name NAME] [-loggc] CLASS args'.
struct Launcher {
  std::string_view tool;
  std::string_view flags;     ///< its flags before the class, space-separated
  std::string_view with_arg;  ///< its flags that take the next word
};
constexpr std::array<Launcher, 1> kLaunchers{{
    {"kafka-run-class.sh", "-daemon -loggc", "-name"},
}};

}  // namespace

Extractor::Step Extractor::unwrap(const Wrapper& wr, Call& c, std::size_t i) {
  const std::vector<Word>& w = c.w;
  switch (wr.how) {
    case Wrap::kWord:
      return {i + 1 < w.size() && in_list(wr.args, w[i + 1].text) ? i + 2 : i + 1};
    case Wrap::kOptions:
      return {std::min(skip_options(w, i + 1, wr.args, wr.short_args) + wr.operands, w.size())};
    case Wrap::kCommand:
      if (i + 1 < w.size() && (w[i + 1].text == "-v" || w[i + 1].text == "-V"))
        return {kNone};  // looks up, runs nothing
      return {skip_options(w, i + 1, "", "")};
    case Wrap::kContainer:
      return unwrap_container(wr, c, i);
    case Wrap::kCluster:
      return unwrap_cluster(wr, c, i);
    case Wrap::kSsh:
      return unwrap_ssh(wr, c, i);
    case Wrap::kShell:
      return unwrap_shell(c, i);
    case Wrap::kSu:
    case Wrap::kRunuser:
      return unwrap_su(wr, c, i);
    case Wrap::kEval:
      return unwrap_eval(c, i);
    case Wrap::kWatch:
      script_from_words(c.w, skip_options(w, i + 1, wr.args, wr.short_args), c.lo, c.depth + 1);
      return {kNone};
    case Wrap::kJava:
      return unwrap_java(wr, c, i);
    case Wrap::kCmd:
      return unwrap_cmd(c, i);
    case Wrap::kStart: {
      // start ["title"] [/b /min /wait /d DIR ...] command: the first quoted word is a title.
      std::size_t j = i + 1;
      if (j < w.size() && w[j].begin < content_.size() && content_[w[j].begin] == '"') ++j;
      while (j < w.size() && w[j].text.size() > 1 && w[j].text[0] == '/')
        j += (w[j].text == "/d" || w[j].text == "/D") ? 2 : 1;
      return {j};
    }
  }
  return {kNone};
}

Extractor::Step Extractor::unwrap_container(const Wrapper& wr, Call& c, std::size_t i) {
  const std::vector<Word>& w = c.w;
  const std::size_t n = w.size();
  std::size_t j = i + 1;
  if (wr.name == "docker-compose" || (j < n && w[j].text == "compose")) {
    if (wr.name != "docker-compose") ++j;
    j = skip_options(w, j, kComposeGlobalArgs, "fpH");
  } else if (j < n && w[j].text == "container") {
    ++j;
  }
  if (j >= n) return {kNone};
  for (const ContainerVerb& v : kContainerVerbs)
    if (w[j].text == v.verb)
      return {skip_options(w, j + 1, v.args, v.short_args) + 1};  // past the container
  return {kNone};
}

Extractor::Step Extractor::unwrap_cluster(const Wrapper& wr, Call& c, std::size_t i) {
  const std::vector<Word>& w = c.w;
  const std::size_t n = w.size();
  std::size_t j = i + 1;
  while (j < n && w[j].text != "--") ++j;
  if (j < n) return {j + 1};
  // Without '--': the old 'kubectl exec POD CMD' and 'oc rsh POD CMD' (the pod alone opens
  // an interactive shell, which runs nothing of Kafka on this line).
  j = skip_options(w, i + 1, kClusterGlobalArgs, "ns");
  if (j < n && w[j].text == "exec") return {skip_options(w, j + 1, wr.args, wr.short_args) + 1};
  if (wr.name == "oc" && j < n && w[j].text == "rsh")
    return {skip_options(w, j + 1, kRshArgs, "cnf") + 1};
  return {kNone};
}

Extractor::Step Extractor::unwrap_ssh(const Wrapper& wr, Call& c, std::size_t i) {
  const std::size_t n = c.w.size();
  i = skip_options(c.w, i + 1, wr.args, wr.short_args);
  if (i >= n) return {kNone};
  ++i;  // the host
  if (i < n)
    script_from_words(c.w, i, c.lo, c.depth + 1);  // ssh runs its arguments as one script
  else if (c.heredoc)
    shell(*c.heredoc, c.lo, c.depth + 1);
  return {kNone};
}

Extractor::Step Extractor::unwrap_shell(Call& c, std::size_t i) {
  std::vector<Word>& w = c.w;
  const std::size_t n = w.size();
  ++i;
  bool dash_c = false;
  while (i < n && w[i].text.size() > 1 && (w[i].text[0] == '-' || w[i].text[0] == '+') &&
         w[i].text != "--") {
    const std::string_view opt = w[i].text;
    ++i;
    if (core::starts_with(opt, "--")) {
      if (opt == "--rcfile" || opt == "--init-file") ++i;
      continue;
    }
    if (opt[0] == '-' && opt.find('c') != std::string_view::npos) dash_c = true;
    if (opt.find('o') != std::string_view::npos || opt.find('O') != std::string_view::npos) ++i;
  }
  if (i < n && w[i].text == "--") ++i;
  if (dash_c) {
    if (i < n) shell(word_map(w[i]), c.lo, c.depth + 1);
    return {kNone};
  }
  if (i >= n) {
    // 'bash <<EOF' (also through ssh, docker exec -i, sudo): the here-document is the script.
    if (c.heredoc) shell(*c.heredoc, c.lo, c.depth + 1);
    return {kNone};
  }
  return {i, true};  // 'bash kafka-topics.sh ...' runs that script
}

Extractor::Step Extractor::unwrap_su(const Wrapper& wr, Call& c, std::size_t i) {
  std::vector<Word>& w = c.w;
  for (std::size_t j = i + 1; j + 1 < w.size(); ++j)
    if (w[j].text == "-c" || w[j].text == "--command") {
      shell(word_map(w[j + 1]), c.lo, c.depth + 1);
      return {kNone};
    }
  if (wr.how == Wrap::kRunuser) return {skip_options(w, i + 1, wr.args, wr.short_args)};
  return {kNone};
}

Extractor::Step Extractor::unwrap_eval(Call& c, std::size_t i) {
  std::vector<Word>& w = c.w;
  ++i;
  if (i + 1 == w.size() && c.assignments) {
    const std::string_view var = variable_reference(w[i].text);
    if (!var.empty()) {
      // 'eval "$CMD"': the script is the last value assigned to CMD before this line.
      const auto it = c.assignments->find(std::string(var));
      if (it != c.assignments->end()) {
        const Snippet& m = word_map(it->second);
        Snippet value;
        value.append_from(m, assignment_value(it->second.text), m.text().size());
        shell(value, c.lo, c.depth + 1);
      }
      return {kNone};
    }
  }
  script_from_words(w, i, c.lo, c.depth + 1);
  return {kNone};
}

Extractor::Step Extractor::unwrap_cmd(Call& c, std::size_t i) {
  // 'cmd /c STRING' and 'cmd /k STRING': the rest of the line is a batch command line.
  for (std::size_t j = i + 1; j < c.w.size(); ++j) {
    const std::string_view t = c.w[j].text;
    if (t.size() == 2 && t[0] == '/' &&
        (t[1] == 'c' || t[1] == 'C' || t[1] == 'k' || t[1] == 'K')) {
      LexOptions batch = c.lo;
      batch.batch = true;
      script_from_words(c.w, j + 1, batch, c.depth + 1);
      break;
    }
  }
  return {kNone};
}

Extractor::Step Extractor::unwrap_java(const Wrapper& wr, Call& c, std::size_t i) {
  // 'java -cp "libs/*" kafka.admin.TopicCommand ...' runs a tool's main class directly.
  std::vector<Word>& w = c.w;
  const std::size_t k = skip_options(w, i + 1, wr.args, wr.short_args);
  if (k >= w.size() || w[k].opaque) return {kNone};
  for (std::size_t j = i + 1; j < k; ++j)
    if (w[j].text == "-jar") return {kNone};  // runs the jar's own main class
  const std::string script = script_for_class(w[k].text, opts_);
  if (!script.empty()) record(w, i, k, script);
  return {kNone};
}

void Extractor::command(std::vector<Word>& w, const Snippet* heredoc, const LexOptions& lo,
                        int depth, Assignments* assignments) {
  Call c{w, heredoc, lo, depth, assignments};
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
    const Wrapper* wr = w[i].opaque ? nullptr : find_wrapper(base_name(w[i].text));
    // cmd.exe ignores case: 'Call', 'START'.
    if (!wr && lo.batch && !w[i].opaque) wr = find_wrapper(core::ascii_lower(base_name(w[i].text)));
    if (!wr) break;
    const Step step = unwrap(*wr, c, i);
    if (step.at == kNone) return;
    i = step.at;
    if (step.program) break;
  }
  if (i < n) tool_command(w, i);
}

void Extractor::tool_command(std::vector<Word>& w, std::size_t i) {
  const std::string tool = kafka_tool_name(w[i].text, opts_);
  if (tool.empty()) return;
  const std::size_t n = w.size();
  for (const Launcher& l : kLaunchers) {
    if (tool != l.tool) continue;
    std::size_t k = i + 1;
    while (k < n && (in_list(l.flags, w[k].text) || in_list(l.with_arg, w[k].text)))
      k += in_list(l.with_arg, w[k].text) ? 2 : 1;
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
