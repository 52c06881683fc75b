#include "checks/engine.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "checks/cluster_checks.h"
#include "checks/fixes.h"
#include "checks/glob.h"
#include "checks/script_checks.h"
#include "checks/suppress.h"
#include "core/file_io.h"

namespace kafkalint::checks {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The file name without a template extension: "server.properties.j2" -> "server.properties".
std::string inner_name(std::string_view name) {
  for (std::string_view ext : {".j2", ".jinja", ".jinja2", ".erb", ".tpl", ".tmpl", ".template"})
    if (ends_with(name, ext)) return std::string(name.substr(0, name.size() - ext.size()));
  return std::string(name);
}

// kScript: a script, build file, manifest or doc (by name); kMaybeScript: a file without an
// extension whose content decides (a shebang, a Dockerfile or YAML shape).
enum class Candidate { kProperties, kMaybeProperties, kScript, kMaybeScript, kNo };

// Script-like files by name alone; the walk reads no content.
Candidate script_candidate(const fs::path& p) {
  const std::string name = p.filename().string();
  if (scripts::detect_kind(name, {}) != scripts::FileKind::kUnknown) return Candidate::kScript;
  if (lower(inner_name(name)).find('.') == std::string::npos && !name.empty() && name[0] != '.')
    return Candidate::kMaybeScript;
  return Candidate::kNo;
}

// Which files a directory walk picks up. .config/.conf/.cfg files are only taken when their
// content looks like a Kafka config (decided after parsing).
Candidate candidate(const fs::path& p) {
  const std::string name = lower(inner_name(p.filename().string()));
  if (ends_with(name, ".properties")) return Candidate::kProperties;
  if (ends_with(name, ".config") || ends_with(name, ".conf") || ends_with(name, ".cfg"))
    return Candidate::kMaybeProperties;
  return script_candidate(p);
}

// Files Kafka ships or reads that are properties files but not broker or client configs.
std::optional<std::string> other_properties_kind(std::string_view path) {
  const std::string name = lower(inner_name(fs::path(path).filename().string()));
  if (name.find("log4j") != std::string::npos)
    return "a Log4j configuration, not a Kafka broker or client config";
  if (name.rfind("zookeeper", 0) == 0 || name.rfind("zoo.", 0) == 0)
    return "a ZooKeeper configuration, not a Kafka broker or client config";
  if (name.rfind("connect-", 0) == 0 || name.rfind("mm2", 0) == 0 ||
      name.find("mirror-maker") != std::string::npos)
    return "a Kafka Connect or MirrorMaker configuration; kafkalint does not check those yet";
  if (name.rfind("trogdor", 0) == 0) return "a Trogdor configuration";
  return std::nullopt;
}

struct Input {
  std::string path;  // as reported
  bool explicit_file = false;
  Candidate kind = Candidate::kProperties;
};

std::string relative_to(const std::string& path, const std::string& root) {
  if (root.empty()) return path;
  std::error_code ec;
  const fs::path rel = fs::relative(fs::absolute(path, ec), fs::absolute(root, ec), ec);
  if (ec || rel.empty() || rel.native().rfind("..", 0) == 0) return path;
  return rel.generic_string();
}

bool excluded(const std::string& path, const Settings& s) {
  if (s.exclude.empty()) return false;
  const std::string rel = relative_to(path, s.root);
  for (const std::string& pat : s.exclude)
    if (glob_match(pat, rel)) return true;
  return false;
}

std::string display(const fs::path& p) {
  std::string s = p.generic_string();
  while (s.rfind("./", 0) == 0 && s.size() > 2) s.erase(0, 2);
  return s;
}

bool collect(const CheckRequest& req, std::vector<Input>* out, core::Error* err) {
  std::vector<std::string> roots = req.paths.empty() ? std::vector<std::string>{"."} : req.paths;
  for (const std::string& root : roots) {
    std::error_code ec;
    const fs::file_status st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      err->where.file = root;
      err->message = "no such file or directory";
      return false;
    }
    if (!fs::is_directory(st)) {
      out->push_back({display(root), true, candidate(root)});
      continue;
    }
    std::vector<Input> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      const std::string name = p.filename().string();
      if (it->is_directory(ec)) {
        // Version-control and build folders hold no configs of the user's.
        if (name == ".git" || name == ".hg" || name == ".svn" || name == "node_modules" ||
            excluded(display(p), req.settings))
          it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      const Candidate c = candidate(p);
      if (c == Candidate::kNo || excluded(display(p), req.settings)) continue;
      found.push_back({display(p), false, c});
    }
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    out->insert(out->end(), found.begin(), found.end());
  }
  // One file given twice (or through two folders) is checked once.
  std::stable_sort(out->begin(), out->end(), [](const Input& a, const Input& b) { return a.path < b.path; });
  out->erase(std::unique(out->begin(), out->end(),
                         [](const Input& a, const Input& b) { return a.path == b.path; }),
             out->end());
  return true;
}

// Rule selection: explicit selectors first, then ignores, then per-path ignores.
class Selection {
 public:
  explicit Selection(const CheckRequest& req) {
    select_ = req.settings.select;
    select_.insert(select_.end(), req.select.begin(), req.select.end());
    ignore_ = req.settings.ignore;
    ignore_.insert(ignore_.end(), req.ignore.begin(), req.ignore.end());
    per_path_ = req.settings.per_path_ignores;
    root_ = req.settings.root;
  }

  bool enabled(const core::Finding& f) const {
    if (!select_.empty() && !matches_any(select_, f)) return false;
    if (matches_any(ignore_, f)) return false;
    if (!per_path_.empty()) {
      const std::string rel = relative_to(f.where.file, root_);
      for (const auto& [pattern, codes] : per_path_)
        if (glob_match(pattern, rel) && matches_any(codes, f)) return false;
    }
    return true;
  }

  static bool matches(std::string_view selector, const core::Finding& f) {
    const std::string s = lower(selector);
    if (s == "all") return true;
    const std::string code = lower(f.code);
    if (s == lower(f.name)) return true;
    // "KL1" selects KL1xx, "KL10" selects KL10x, "KL101" exactly that rule.
    return code.rfind(s, 0) == 0 && s.size() >= 3;
  }

 private:
  bool matches_any(const std::vector<std::string>& list, const core::Finding& f) const {
    for (const std::string& s : list)
      if (matches(s, f)) return true;
    return false;
  }

  std::vector<std::string> select_, ignore_;
  std::vector<std::pair<std::string, std::vector<std::string>>> per_path_;
  std::string root_;
};

std::optional<Role> settings_role(const Settings& s, const std::string& path) {
  const std::string rel = relative_to(path, s.root);
  for (const auto& [pattern, role] : s.roles)
    if (glob_match(pattern, rel)) return parse_role(role);
  return std::nullopt;
}

struct Worker {
  const CheckRequest& req;
  const CheckKnowledge& k;
  const Selection& selection;

  void check(const Input& in, FileOutcome* out, std::optional<BrokerFacts>* facts,
             std::string* cluster) const {
    out->path = in.path;
    core::Error err;
    auto bytes = core::read_file(in.path, &err);
    if (!bytes) {
      out->errors.push_back(err);
      return;
    }
    if (dispatch_script(in, &*bytes, out)) return;
    std::unique_ptr<PropsFile> f = load_props(in.path, std::move(*bytes));
    if (!f->parsed.ok()) {
      out->errors = refusals(*f);
      return;
    }
    // Role: --role, then .kafkalint.toml roles, then the file name, then the keys.
    if (req.role) {
      f->role = *req.role;
      f->role_reason = "--role";
    } else if (auto r = settings_role(req.settings, in.path)) {
      f->role = *r;
      f->role_reason = ".kafkalint.toml";
    } else {
      if (auto why = other_properties_kind(in.path)) {
        out->skipped = *why;
        return;
      }
      if (auto r2 = role_from_name(in.path)) {
        f->role = *r2;
        f->role_reason = "file name";
      } else {
        f->role = role_from_content(*f, *k.configs);
        f->role_reason = "content";
      }
    }
    if (!f->doc().entries().empty() && known_keys(*f) == 0 && !req.role &&
        f->role_reason != ".kafkalint.toml") {
      if (in.kind == Candidate::kMaybeProperties && !in.explicit_file) {
        out->skipped.reset();
        out->path.clear();  // not a Kafka file: a walk passes over it silently
        return;
      }
      // A template whose keys all come from template code has nothing literal to check.
      bool literal_key = false;
      for (const properties::Entry& e : f->doc().entries())
        if (!f->opaque(e.key)) literal_key = true;
      out->skipped = f->templated() && !literal_key
                         ? "a template whose keys are all generated by template code; nothing to "
                           "check until it is rendered"
                         : "no Kafka configuration key in it; pass --role to check it anyway";
      return;
    }
    std::vector<core::Finding> raw;
    check_properties(*f, k, &raw);
    finish(*f, std::move(raw), out);
    if (f->role == Role::kBroker) {
      *facts = broker_facts(*f);
      *cluster = cluster_key(*f);
    }
  }

  // Script-like files go to the command-line checks; true when `in` was one of them (or a
  // walk found a file that is neither a script nor a config, which it passes over).
  bool dispatch_script(const Input& in, std::string* bytes, FileOutcome* out) const {
    if (in.kind == Candidate::kProperties || in.kind == Candidate::kMaybeProperties) return false;
    const scripts::FileKind kind = scripts::detect_kind(in.path, *bytes);
    if (kind == scripts::FileKind::kUnknown) {
      if (in.explicit_file) return false;  // a named file of no script kind: read as properties
      out->path.clear();
      return true;
    }
    if (!k.scripts) {
      out->skipped = "command-line checks are not loaded";
      return true;
    }
    core::Error load_err;
    const ScriptKnowledge* sk = k.scripts(&load_err);
    if (!sk) {
      out->errors.push_back(load_err);
      return true;
    }
    const ScriptFile f = load_script(in.path, std::move(*bytes), kind, *sk);
    std::vector<core::Finding> raw;
    std::optional<std::string> bootstrap = req.settings.bootstrap_server;
    check_script(f, k, *sk, bootstrap, &raw);
    std::vector<CommentLine> comments;
    for (const scripts::Comment& c : f.extracted.comments) {
      std::string_view text = c.text;
      if (text.rfind("<!--", 0) == 0) {
        text.remove_prefix(4);
        if (const std::size_t e = text.rfind("-->"); e != std::string_view::npos) text = text.substr(0, e);
      } else if (!text.empty() && (text[0] == '#' || text[0] == ';')) {
        text.remove_prefix(1);
      } else if (text.rfind("//", 0) == 0) {
        text.remove_prefix(2);
      }
      comments.push_back({c.line, c.column, text});
    }
    std::vector<Statement> statements;
    for (const scripts::CommandLine& c : f.extracted.commands) {
      int last = c.program.line;
      for (const scripts::Token& t : c.args)
        last = std::max(last, t.line + static_cast<int>(std::count(t.raw.begin(), t.raw.end(), '\n')));
      statements.push_back({c.program.line, last});
    }
    std::vector<core::Finding> problems;
    Suppressions sup(f.path, comments, statements,
                     [&](std::string_view r) { return k.rules->find(r) != nullptr; }, &problems);
    for (core::Finding& p : problems) {
      if (const knowledge::Rule* r = k.rules->find(p.code)) p.severity = r->severity;
      p.source_line = std::string(f.line_text(p.where.line));
      raw.push_back(std::move(p));
    }
    for (core::Finding& fd : raw)
      if (!sup.suppressed(fd) && selection.enabled(fd)) out->findings.push_back(std::move(fd));
    std::sort(out->findings.begin(), out->findings.end(), core::finding_less);
    if (req.fix) {
      AppliedFixes a = apply_fixes(f.content, out->findings, req.unsafe_fixes);
      if (a.applied > 0 && a.text != f.content) {
        out->original = f.content;
        out->fixed = std::move(a.text);
        out->fixes_applied = a.applied;
      }
    }
    return true;
  }

  // Keys some release or curated fact knows: a file with none is not a Kafka config.
  std::size_t known_keys(const PropsFile& f) const {
    std::size_t n = known_key_count(f, *k.configs);
    for (const properties::Entry& e : f.doc().entries()) {
      const std::string_view key = f.doc().key(e);
      for (const char* scope : {"broker", "producer", "consumer", "admin"})
        if (k.keys->legacy(key, scope) || k.keys->change(key, scope)) {
          ++n;
          break;
        }
    }
    return n;
  }

  void finish(const PropsFile& f, std::vector<core::Finding> raw, FileOutcome* out) const {
    std::vector<CommentLine> comments;
    for (const properties::Comment& c : f.doc().comments()) {
      const std::string_view text(f.original.data() + c.raw.begin, c.raw.size());
      const std::size_t mark = text.find_first_of("#!");
      comments.push_back({c.line, c.column,
                          mark == std::string_view::npos ? text : text.substr(mark + 1)});
    }
    std::vector<Statement> statements;
    for (const properties::Entry& e : f.doc().entries()) statements.push_back({e.line, e.last_line});
    std::vector<core::Finding> problems;
    Suppressions sup(f.path, comments, statements,
                     [&](std::string_view r) { return k.rules->find(r) != nullptr; }, &problems);
    for (core::Finding& p : problems) {
      if (const knowledge::Rule* r = k.rules->find(p.code)) p.severity = r->severity;
      p.source_line = f.source_line(p.where.line);
      raw.push_back(std::move(p));
    }
    for (core::Finding& fd : raw)
      if (!sup.suppressed(fd) && selection.enabled(fd)) out->findings.push_back(std::move(fd));
    std::sort(out->findings.begin(), out->findings.end(), core::finding_less);
    if (req.fix) {
      AppliedFixes a = apply_fixes(f.original, out->findings, req.unsafe_fixes);
      if (a.applied > 0 && a.text != f.original) {
        out->original = f.original;
        out->fixed = std::move(a.text);
        out->fixes_applied = a.applied;
      }
    }
  }
};

}  // namespace

std::vector<std::string> unknown_selectors(const CheckRequest& req, const knowledge::RuleCatalog& rules) {
  std::vector<std::string> out;
  auto check = [&](const std::vector<std::string>& list) {
    for (const std::string& s : list) {
      bool any = lower(s) == "all";
      for (const knowledge::Rule& r : rules.all()) {
        core::Finding probe;
        probe.code = r.code;
        probe.name = r.name;
        if (Selection::matches(s, probe)) any = true;
      }
      if (!any) out.push_back(s);
    }
  };
  check(req.select);
  check(req.ignore);
  check(req.settings.select);
  check(req.settings.ignore);
  return out;
}

std::optional<CheckResult> run_check(const CheckRequest& req, const CheckKnowledge& k,
                                     core::Error* err) {
  std::vector<Input> inputs;
  if (!collect(req, &inputs, err)) return std::nullopt;
  const Selection selection(req);
  CheckResult result;
  result.files.resize(inputs.size());
  std::vector<std::optional<BrokerFacts>> facts(inputs.size());
  std::vector<std::string> cluster_keys(inputs.size());
  const Worker worker{req, k, selection};

  unsigned jobs = req.jobs ? req.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, inputs.size())));
  std::atomic<std::size_t> next{0};
  auto loop = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++)
      worker.check(inputs[i], &result.files[i], &facts[i], &cluster_keys[i]);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(loop);
  loop();
  for (std::thread& t : threads) t.join();

  // Cluster checks: broker files of one directory that name one ensemble or quorum.
  std::map<std::string, std::vector<std::size_t>> clusters;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (facts[i] && !cluster_keys[i].empty()) clusters[cluster_keys[i]].push_back(i);
  for (const auto& [dir, members] : clusters) {
    std::vector<const BrokerFacts*> brokers;
    for (std::size_t i : members) brokers.push_back(&*facts[i]);
    std::vector<core::Finding> found;
    check_cluster(brokers, k, &found);
    for (core::Finding& f : found) {
      for (std::size_t i : members) {
        if (inputs[i].path != f.where.file || !selection.enabled(f)) continue;
        result.files[i].findings.push_back(std::move(f));
        std::sort(result.files[i].findings.begin(), result.files[i].findings.end(),
                  core::finding_less);
        break;
      }
    }
  }
  // Files a walk passed over (not Kafka configs) leave no outcome.
  result.files.erase(std::remove_if(result.files.begin(), result.files.end(),
                                    [](const FileOutcome& o) { return o.path.empty(); }),
                     result.files.end());
  for (const FileOutcome& o : result.files)
    if (!o.skipped && o.errors.empty()) ++result.files_checked;
  return result;
}

}  // namespace kafkalint::checks
