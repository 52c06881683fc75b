#include "checks/engine.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "checks/carrier_checks.h"
#include "checks/cluster_checks.h"
#include "checks/command_configs.h"
#include "checks/doc_properties.h"
#include "checks/fixes.h"
#include "checks/glob.h"
#include "checks/log4j_files.h"
#include "checks/runtime_checks.h"
#include "checks/script_checks.h"
#include "checks/single_node.h"
#include "checks/suppress.h"
#include "checks/upgrade_path.h"
#include "checks/walk.h"
#include "checks/worker_kind.h"
#include "core/file_io.h"
#include "core/strings.h"

namespace kafkalint::checks {

namespace fs = std::filesystem;

namespace {

// The findings in report order, moving each finding once. Ties (same place, rule and
// message) keep the order the checks emitted them in. Each check reports in line order, so
// the list is a few ascending runs (duplicates, then the entries, then file-level findings):
// those are merged, so a file of 160,000 findings costs a few passes, not n log n
// comparisons (issue 16). More runs than that are sorted.
void sort_findings(std::vector<core::Finding>* findings) {
  std::vector<core::Finding>& v = *findings;
  // A total order: finding_less, then the order of emission.
  auto less = [&](std::uint32_t a, std::uint32_t b) {
    if (core::finding_less(v[a], v[b])) return true;
    return a < b && !core::finding_less(v[b], v[a]);
  };
  std::vector<std::uint32_t> order(v.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  constexpr std::size_t kMaxRuns = 16;
  std::vector<std::size_t> starts;  // where each ascending run after the first begins
  for (std::size_t i = 1; i < order.size() && starts.size() < kMaxRuns; ++i)
    if (!less(order[i - 1], order[i])) starts.push_back(i);
  if (starts.empty()) return;
  if (starts.size() >= kMaxRuns) {
    std::sort(order.begin(), order.end(), less);
  } else {
    starts.push_back(order.size());
    for (std::size_t r = 0; r + 1 < starts.size(); ++r)
      std::inplace_merge(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(starts[r]),
                         order.begin() + static_cast<std::ptrdiff_t>(starts[r + 1]), less);
  }
  // Permuted in place, cycle by cycle (v[j] takes the finding at order[j]): one temporary
  // instead of a second vector, whose fresh pages cost as much as the moves.
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    core::Finding held = std::move(v[i]);
    std::size_t j = i;
    for (;;) {
      const std::size_t from = order[j];
      order[j] = static_cast<std::uint32_t>(j);
      if (from == i) {
        v[j] = std::move(held);
        break;
      }
      v[j] = std::move(v[from]);
      j = from;
    }
  }
}

// One finding per place, rule and message: a Compose .env file that three services read
// (env_file) gave its KL412 three times at the same line. The notes of the repeats (which
// service) are kept on the one that stays.
void drop_repeats(std::vector<core::Finding>* findings) {
  std::vector<core::Finding>& v = *findings;
  if (v.size() < 2) return;
  std::size_t kept = 0;
  for (std::size_t i = 1; i < v.size(); ++i) {
    core::Finding& last = v[kept];
    if (v[i].where.line == last.where.line && v[i].where.column == last.where.column &&
        v[i].code == last.code && v[i].message == last.message &&
        v[i].where.file == last.where.file) {
      for (std::string& n : v[i].notes)
        if (std::find(last.notes.begin(), last.notes.end(), n) == last.notes.end())
          last.notes.push_back(std::move(n));
      continue;
    }
    if (++kept != i) v[kept] = std::move(v[i]);
  }
  v.resize(kept + 1);
}

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

// The walk of the paths to check, with the settings' excludes (one walker for check and plan).
class Inputs {
 public:
  bool open(const CheckRequest& req, core::Error* err) {
    WalkOptions o;
    o.roots = req.paths;
    o.contents = &req.contents;
    const Settings* settings = &req.settings;
    o.excluded = [settings](const std::string& path) { return excluded(path, *settings); };
    o.ignored = req.ignored;
    o.skipped_folder = req.skipped_folder;
    return walker_.open(std::move(o)).take(err);
  }
  bool next(std::vector<Input>* out) { return walker_.next(out); }

 private:
  Walker walker_;
};

// Rule selection: explicit selectors first, then ignores, then per-path ignores.
class Selection {
 public:
  explicit Selection(const CheckRequest& req) {
    select_ = req.settings.select;
    select_.insert(select_.end(), req.select.begin(), req.select.end());
    ignore_ = req.settings.ignore;
    ignore_.insert(ignore_.end(), req.ignore.begin(), req.ignore.end());
    per_path_ = req.settings.per_path_ignores;
    plugin_keys_ = req.settings.plugin_keys;
    root_ = req.settings.root;
  }

  bool enabled(const core::Finding& f) const {
    // A key the repository declares as a plugin's is not unknown.
    if (f.is(RuleId::KL101))
      for (const std::string& pattern : plugin_keys_)
        if (glob_match(pattern, f.subject)) return false;
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
    const std::string s = core::ascii_lower(selector);
    if (s == "all") return true;
    const std::string code = core::ascii_lower(f.code);
    if (s == core::ascii_lower(f.name)) return true;
    // "KL1" selects KL1xx, "KL10" selects KL10x, "KL101" exactly that rule.
    return code.rfind(s, 0) == 0 && s.size() >= 3;
  }

 private:
  bool matches_any(const std::vector<std::string>& list, const core::Finding& f) const {
    for (const std::string& s : list)
      if (matches(s, f)) return true;
    return false;
  }

  std::vector<std::string> select_, ignore_, plugin_keys_;
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

  // Checks one file. A broker file also gives its facts and cluster key for the cluster
  // checks of its folder.
  void check(const Input& in, FileOutcome* out, std::optional<BrokerFacts>* facts,
             std::string* cluster, std::optional<Suppressions>* sup, bool fix) const {
    std::unique_ptr<PropsFile> f = open(in, out, fix, /*facts_only=*/false);
    if (!f) return;
    std::vector<core::Finding> raw;
    check_properties(*f, k, &raw);
    check_upgrade_path(*f, k, &raw);
    const auto shown = [&](const core::Finding& fd) { return selection.enabled(fd); };
    collapse_single_node_findings(*f, k, shown, &raw);
    // A file Compose mounts into its only broker says it is one node, though it alone does
    // not: its id (and often its listeners and ZooKeeper) come from the service's environment.
    // A file with its own broker.id or node.id names its node itself and is not looked up.
    if (f->role == Role::kBroker && !f->templated() && !f->doc().find("broker.id") &&
        !f->doc().find("node.id") && has_groupable(raw) && !development_single_node(*f))
      if (const auto service = single_broker_mount(f->path))
        collapse_findings(*f, k, shown, &raw,
                          "mounted into " + *service +
                              ", the only Kafka service of that Compose file: a single-node "
                              "setup");
    finish(*f, std::move(raw), out, sup, fix);
    broker_record(*f, facts, cluster);
  }

  // Only what the cluster checks need: reads and classifies the file, checks nothing.
  void facts_only(const Input& in, std::optional<BrokerFacts>* facts, std::string* cluster) const {
    FileOutcome ignored;
    std::unique_ptr<PropsFile> f = open(in, &ignored, false, /*facts_only=*/true);
    if (f) broker_record(*f, facts, cluster);
  }

  static void broker_record(const PropsFile& f, std::optional<BrokerFacts>* facts,
                            std::string* cluster) {
    if (f.role != Role::kBroker) return;
    *facts = broker_facts(f);
    *cluster = cluster_key(f);
  }

  // Reads the file and decides what it is. Returns the properties file to check, or nullptr
  // when `out` already says everything (a script, a file not checked, a file Kafka refuses).
  std::unique_ptr<PropsFile> open(const Input& in, FileOutcome* out, bool fix,
                                  bool facts_only) const {
    out->path = in.path;
    if (in.note) {
      out->skipped = *in.note;
      return nullptr;
    }
    core::Error err;
    const auto given = req.contents.find(in.path);
    const std::uintmax_t limit = req.settings.max_file_size.value_or(kDefaultMaxFileSize);
    bool too_large = false;
    auto bytes = given != req.contents.end() ? std::optional<std::string>(given->second)
                                             : core::read_file(in.path, &err, limit, &too_large);
    if (!bytes && too_large) {
      // No config, script or doc is this large; reading it could exhaust memory.
      out->skipped = "larger than the size limit of " + size_text(limit) +
                     ", not read (--max-file-size or max-file-size in .kafkalint.toml sets "
                     "the limit; 0 turns it off)";
      return nullptr;
    }
    if (!bytes) {
      out->errors.push_back(err);
      return nullptr;
    }
    if (in.kind != Candidate::kProperties && in.kind != Candidate::kMaybeProperties) {
      if (facts_only) {
        if (!in.explicit_file ||
            scripts::detect_kind(in.path, *bytes) != scripts::FileKind::kUnknown)
          return nullptr;
      } else if (dispatch_script(in, &*bytes, out, fix)) {
        return nullptr;
      }
    }
    std::unique_ptr<PropsFile> f = load_props(in.path, std::move(*bytes));
    if (f->refused()) {
      out->errors = refusals(*f);
      return nullptr;
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
        // For 4.x a Log4j 1 file is itself a finding: 4.x logs with Log4j2 (KL150).
        f->role = Role::kBroker;
        if (k.reached(k.to, knowledge::Milestone::kLog4j2) && is_log4j1_config(*f))
          check_log4j1_for_4x(*f, k, &out->findings);
        else
          out->skipped = *why;
        return nullptr;
      }
      if (auto why = connect_or_mirror_maker(*f)) {
        out->skipped = *why;
        return nullptr;
      }
      if (auto why = f->templated() ? std::nullopt : hocon_config(*f)) {
        out->skipped = *why;
        return nullptr;
      }
      if (auto why = librdkafka_client(*f)) {
        out->skipped = *why;
        return nullptr;
      }
      if (auto r2 = role_from_name(in.path)) {
        f->role = *r2;
        f->role_reason = "file name";
      } else if (f->doc().entries().empty()) {
        // Neither its name nor a key says what reads it: nothing to judge.
        out->skipped = "no setting in it, and its name does not say what reads it";
        return nullptr;
      } else {
        f->role = role_from_content(*f, *k.configs);
        f->role_reason = "content";
      }
    }
    // A release without KRaft reads process.roles as nothing: the node is a ZooKeeper broker
    // for it, and KRaft advice (KL110, KRaft-only defaults) does not apply.
    if (k.to && k.to->kraft == knowledge::KraftSupport::kNone) f->kraft = false;
    // Only its keys say it is Kafka's (not its name, --role or the settings): a file where
    // Kafka defines fewer than half of them is some other program's (a Gradle wrapper has
    // 'retries=0' among ten keys of its own), as for a properties block in a document.
    const std::size_t known = f->doc().entries().empty() ? 0 : known_keys(*f);
    const bool foreign =
        f->role_reason == "content" && !f->templated() && known * 2 < f->doc().entries().size();
    if (!f->doc().entries().empty() && (known == 0 || foreign) && !req.role &&
        f->role_reason != ".kafkalint.toml") {
      if (in.kind == Candidate::kMaybeProperties && !in.explicit_file) {
        out->skipped.reset();
        out->path.clear();  // not a Kafka file: a walk passes over it silently
        return nullptr;
      }
      // A template whose keys all come from template code has nothing literal to check.
      bool literal_key = false;
      for (const properties::Entry& e : f->doc().entries())
        if (!f->opaque(e.key)) literal_key = true;
      out->skipped = f->templated() && !literal_key
                         ? "a template whose keys are all generated by template code; nothing to "
                           "check until it is rendered"
                     : known == 0
                         ? "no Kafka configuration key in it; pass --role to check it anyway"
                         : "most of its keys are not Kafka's, so it is some other program's "
                           "configuration; pass --role to check it anyway";
      return nullptr;
    }
    return f;
  }

  // Script-like files go to the command-line checks; true when `in` was one of them (or a
  // walk found a file that is neither a script nor a config, which it passes over).
  bool dispatch_script(const Input& in, std::string* bytes, FileOutcome* out, bool fix) const {
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
    check_doc_properties(f, k, req.role, &raw);
    std::vector<Statement> statements;
    check_carriers(f, k, req.role, &raw, &statements);
    check_command_configs(f, k, &raw);
    check_runtime(f, k, &raw);
    std::vector<CommentLine> comments;
    for (const scripts::Comment& c : f.extracted.comments) {
      std::string_view text = c.text;
      if (text.rfind("<!--", 0) == 0) {
        text.remove_prefix(4);
        if (const std::size_t e = text.rfind("-->"); e != std::string_view::npos)
          text = text.substr(0, e);
      } else if (!text.empty() && (text[0] == '#' || text[0] == ';')) {
        text.remove_prefix(1);
      } else if (text.rfind("//", 0) == 0) {
        text.remove_prefix(2);
      }
      comments.push_back({c.line, c.column, text});
    }
    for (const scripts::CommandLine& c : f.extracted.commands) {
      int last = c.program.line;
      for (const scripts::Token& t : c.args)
        last =
            std::max(last, t.line + static_cast<int>(std::count(t.raw.begin(), t.raw.end(), '\n')));
      statements.push_back({c.program.line, last});
    }
    const Suppressions sup = settle(
        f.path, f.content, comments, statements,
        [&](int line) { return std::string(f.line_text(line)); }, std::move(raw), out, fix);
    // KL904 now: no cluster finding comes later for a script.
    for (core::Finding& u : unused_suppressions(sup))
      if (selection.enabled(u) && !sup.suppressed(u))
        out->findings.insert(
            std::upper_bound(out->findings.begin(), out->findings.end(), u, core::finding_less),
            std::move(u));
    return true;
  }

  // KL904: the file's directives that silenced nothing, for the rules this run could report.
  std::vector<core::Finding> unused_suppressions(const Suppressions& sup) const {
    return sup.unused([&](std::string_view r) {
      return run_could_report(r, *k.rules, k.to != nullptr, k.from != nullptr);
    });
  }

  // Keys some release or curated fact knows: a file with none is not a Kafka config.
  std::size_t known_keys(const PropsFile& f) const {
    std::size_t n = known_key_count(f, *k.configs);
    for (const properties::Entry& e : f.doc().entries()) {
      const std::string_view key = f.doc().key(e);
      for (knowledge::Scope s : {knowledge::Scope::kBroker, knowledge::Scope::kProducer,
                                 knowledge::Scope::kConsumer, knowledge::Scope::kAdmin})
        if (const knowledge::ScopeSet scope = knowledge::ScopeSet::of(s);
            k.keys->legacy(key, scope) || k.keys->change(key, scope)) {
          ++n;
          break;
        }
    }
    return n;
  }

  // Applies the file's suppressions and the selection to `raw`; keeps the suppressions in
  // *sup for the cluster findings that come later.
  void finish(const PropsFile& f, std::vector<core::Finding> raw, FileOutcome* out,
              std::optional<Suppressions>* sup_out, bool fix) const {
    std::vector<CommentLine> comments;
    for (const properties::Comment& c : f.doc().comments()) {
      const std::string_view text(f.original.data() + c.raw.begin, c.raw.size());
      const std::size_t mark = text.find_first_of("#!");
      comments.push_back(
          {c.line, c.column, mark == std::string_view::npos ? text : text.substr(mark + 1)});
    }
    std::vector<Statement> statements;
    for (const properties::Entry& e : f.doc().entries())
      statements.push_back({e.line, e.last_line});
    *sup_out = settle(
        f.path, f.original, comments, statements, [&](int line) { return f.source_line(line); },
        std::move(raw), out, fix);
  }

  // The common end of both kinds of file: the file's suppression comments (and the problems
  // with them), the selection, the report order and, with `fix`, the fixed text.
  Suppressions settle(const std::string& path, const std::string& text,
                      const std::vector<CommentLine>& comments,
                      const std::vector<Statement>& statements,
                      const std::function<std::string(int)>& line_text,
                      std::vector<core::Finding> raw, FileOutcome* out, bool fix) const {
    std::vector<core::Finding> problems;
    Suppressions sup(
        path, comments, statements, [&](std::string_view r) { return k.rules->find(r) != nullptr; },
        &problems);
    sup.keep_source_lines(line_text);
    raw.reserve(raw.size() + problems.size());
    for (core::Finding& p : problems) {
      if (const knowledge::Rule* r = k.rules->find(p.code)) p.severity = r->severity;
      p.source_line = line_text(p.where.line);
      raw.push_back(std::move(p));
    }
    // Filtered in place and handed over whole: a 160k-key file has as many findings, and
    // moving each into a growing second vector was the largest cost of `check` (issue 16).
    raw.erase(std::remove_if(raw.begin(), raw.end(),
                             [&](const core::Finding& fd) {
                               return sup.suppressed(fd) || !selection.enabled(fd);
                             }),
              raw.end());
    if (out->findings.empty()) {
      out->findings = std::move(raw);
    } else {
      out->findings.reserve(out->findings.size() + raw.size());
      std::move(raw.begin(), raw.end(), std::back_inserter(out->findings));
    }
    sort_findings(&out->findings);
    drop_repeats(&out->findings);
    if (fix) {
      AppliedFixes a = apply_fixes(text, out->findings, req.unsafe_fixes);
      if (a.applied > 0 && a.text != text) {
        out->original = text;
        out->fixed = std::move(a.text);
        out->fixes_applied = a.applied;
        for (std::size_t i : a.taken) out->fixes.push_back(out->findings[i]);
      }
    }
    return sup;
  }
};

}  // namespace

std::vector<std::string> unknown_selectors(const CheckRequest& req,
                                           const knowledge::RuleCatalog& rules) {
  std::vector<std::string> out;
  auto check = [&](const std::vector<std::string>& list) {
    for (const std::string& s : list) {
      bool any = core::ascii_lower(s) == "all";
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

namespace {

// Files are checked a chunk at a time and the chunk is reported before the next one is read,
// so memory holds one chunk's findings whatever the size of the repository. A chunk ends at
// a folder boundary: cluster checks compare the broker files of one folder.
constexpr std::size_t kChunkFiles = 512;

class Run {
 public:
  Run(const CheckRequest& req, const CheckKnowledge& k, Inputs& source, const OutcomeSink& sink)
      : req_(req),
        source_(source),
        selection_(req),
        worker_{req, k, selection_},
        k_(k),
        sink_(sink) {
    jobs_ = req.jobs ? req.jobs : std::max(1u, std::thread::hardware_concurrency());
  }

  bool run(CheckSummary* summary, core::Error* err) {
    std::vector<Input> next;
    bool more = source_.next(&next);
    while (more) {
      inputs_.clear();
      if (next.size() > kChunkFiles) {  // a folder larger than a chunk goes on its own
        inputs_.swap(next);
        more = source_.next(&next);
        if (!big_folder(0, inputs_.size(), summary, err)) return false;
        continue;
      }
      // Whole folders until the chunk is full.
      while (more && next.size() <= kChunkFiles && inputs_.size() < kChunkFiles) {
        inputs_.insert(inputs_.end(), std::make_move_iterator(next.begin()),
                       std::make_move_iterator(next.end()));
        more = source_.next(&next);
      }
      if (!chunk(0, inputs_.size(), summary, err)) return false;
    }
    return true;
  }

 private:
  struct Slot {
    FileOutcome out;
    std::optional<BrokerFacts> facts;
    std::string cluster;
    std::optional<Suppressions> sup;  // the file's suppression comments
  };

  // Runs `job(i)` for every i in [b, e) on the worker threads.
  template <typename Job>
  void parallel(std::size_t b, std::size_t e, const Job& job) const {
    const unsigned jobs =
        std::min<unsigned>(jobs_, static_cast<unsigned>(std::max<std::size_t>(1, e - b)));
    std::atomic<std::size_t> next{b};
    auto loop = [&] {
      for (std::size_t i = next++; i < e; i = next++) job(i);
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(loop);
    loop();
    for (std::thread& t : threads) t.join();
  }

  // Checks inputs [b, e) into slots (slot i - b for input i).
  std::vector<Slot> check(std::size_t b, std::size_t e, bool fix) const {
    std::vector<Slot> slots(e - b);
    parallel(b, e, [&](std::size_t i) {
      Slot& s = slots[i - b];
      worker_.check(inputs_[i], &s.out, &s.facts, &s.cluster, &s.sup, fix);
    });
    return slots;
  }

  // --fix: writes the fixed files of [b, e). True when one was written (the caller checks
  // the range again to report what the fixes left).
  // `counted`: which slots were fixed in an earlier pass (a file is counted once).
  bool write_fixes(std::vector<Slot>& slots, CheckSummary* summary, core::Error* err, bool* wrote,
                   std::vector<char>* counted = nullptr) const {
    *wrote = false;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      Slot& s = slots[i];
      if (!s.out.fixed) continue;
      if (!req_.write_fixed(s.out.path, *s.out.fixed, err)) return false;
      if (!counted || !(*counted)[i]) ++summary->files_fixed;
      if (counted) (*counted)[i] = 1;
      summary->fixes_applied += s.out.fixes_applied;
      if (req_.fix_written)
        for (const core::Finding& f : s.out.fixes) req_.fix_written(f);
      *wrote = true;
    }
    return true;
  }

  // --fix until nothing is left to fix: one fix can make the next possible (a duplicate
  // removed, then its key renamed), and a second run must be a no-op. Bounded, since each
  // pass only applies fixes whose results the next pass checks again. Leaves in `slots` the
  // findings of the files as written.
  static constexpr int kFixPasses = 8;
  bool fix_to_fixed_point(std::size_t b, std::size_t e, std::vector<Slot>* slots,
                          CheckSummary* summary, core::Error* err) const {
    std::vector<char> counted(e - b, 0);
    for (int pass = 0; pass < kFixPasses; ++pass) {
      bool wrote = false;
      if (!write_fixes(*slots, summary, err, &wrote, &counted)) return false;
      if (!wrote) return true;
      *slots = check(b, e, pass + 1 < kFixPasses);
    }
    return true;
  }

  // Cluster findings of the brokers in `slots`, each added to the file it points at.
  void cluster_checks(std::vector<Slot>& slots) const {
    std::vector<std::string> keys(slots.size()), paths(slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i)
      if (slots[i].facts) {
        keys[i] = slots[i].cluster;
        paths[i] = slots[i].out.path;
      }
    for (const std::vector<std::size_t>& members : group_clusters(keys, paths)) {
      std::vector<const BrokerFacts*> brokers;
      for (std::size_t i : members) brokers.push_back(&*slots[i].facts);
      std::vector<core::Finding> found;
      check_cluster(brokers, k_, &found);
      for (core::Finding& f : found)
        for (std::size_t i : members)
          if (slots[i].out.path == f.where.file) {
            add_finding(&slots[i], std::move(f));
            break;
          }
    }
  }

  // A cluster finding joins the findings of its file, unless that file's comments or the
  // selection silence it.
  void add_finding(Slot* slot, core::Finding f) const {
    if (!selection_.enabled(f) || (slot->sup && slot->sup->suppressed(f))) return;
    std::vector<core::Finding>& list = slot->out.findings;
    list.insert(std::upper_bound(list.begin(), list.end(), f, core::finding_less), std::move(f));
  }

  // --fix (not --diff): fixed files are written, then checked again.
  bool writing() const { return req_.fix && req_.write_fixed; }

  void deliver(Slot& s, CheckSummary* summary) const {
    if (s.out.path.empty()) return;  // a file a walk passed over (not a Kafka config)
    if (s.sup)  // KL904, now that the cluster findings had their chance to be silenced
      for (core::Finding& f : worker_.unused_suppressions(*s.sup)) add_finding(&s, std::move(f));
    if (!s.out.skipped && s.out.errors.empty()) ++summary->files_checked;
    sink_(s.out);
  }

  bool chunk(std::size_t b, std::size_t e, CheckSummary* summary, core::Error* err) const {
    std::vector<Slot> slots = check(b, e, req_.fix);
    if (writing() && !fix_to_fixed_point(b, e, &slots, summary, err)) return false;
    cluster_checks(slots);
    for (Slot& s : slots) deliver(s, summary);
    return true;
  }

  // A folder of more files than a chunk: its brokers' facts are gathered first (small), the
  // cluster findings computed, then the files are checked and reported a chunk at a time.
  bool big_folder(std::size_t b, std::size_t e, CheckSummary* summary, core::Error* err) const {
    if (writing()) {
      for (std::size_t c = b; c < e; c += kChunkFiles) {
        const std::size_t ce = std::min(e, c + kChunkFiles);
        std::vector<Slot> slots = check(c, ce, true);
        if (!fix_to_fixed_point(c, ce, &slots, summary, err)) return false;
      }
    }
    std::vector<Slot> facts(e - b);
    parallel(b, e, [&](std::size_t i) {
      worker_.facts_only(inputs_[i], &facts[i - b].facts, &facts[i - b].cluster);
      facts[i - b].out.path = inputs_[i].path;
    });
    cluster_checks(facts);
    for (std::size_t c = b; c < e; c += kChunkFiles) {
      const std::size_t ce = std::min(e, c + kChunkFiles);
      std::vector<Slot> slots = check(c, ce, req_.fix && !writing());
      for (std::size_t i = c; i < ce; ++i)
        for (core::Finding& f : facts[i - b].out.findings) add_finding(&slots[i - c], std::move(f));
      for (Slot& s : slots) deliver(s, summary);
    }
    return true;
  }

  const CheckRequest& req_;
  Inputs& source_;
  std::vector<Input> inputs_;  // the chunk being checked
  Selection selection_;
  Worker worker_;
  const CheckKnowledge& k_;
  const OutcomeSink& sink_;
  unsigned jobs_ = 1;
};

}  // namespace

core::Result<CheckSummary> run_check(const CheckRequest& req, const CheckKnowledge& k,
                                     const OutcomeSink& sink) {
  return core::capture<CheckSummary>([&](core::Error* err) -> std::optional<CheckSummary> {
    Inputs inputs;
    if (!inputs.open(req, err)) return std::nullopt;
    CheckSummary summary;
    Run run(req, k, inputs, sink);
    if (!run.run(&summary, err)) return std::nullopt;
    return summary;
  });
}

}  // namespace kafkalint::checks
