#include "checks/script_checks.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "checks/unicode_dash.h"
#include "core/suggest.h"

namespace kafkalint::checks {

namespace {

using knowledge::CliCatalog;
using knowledge::CliOption;
using knowledge::CliTool;
using knowledge::Release;
using scripts::CommandLine;
using scripts::Token;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_number(std::string_view s) {
  if (s.size() < 2 || s[0] != '-') return false;
  for (char c : s.substr(1))
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return false;
  return true;
}

// Shell-parsed flags of the bin/*.sh wrappers (only honoured in one position).
bool is_shell_flag(std::string_view name) {
  return name == "-daemon" || name == "-name" || name == "-loggc";
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string join_quoted(const std::vector<std::string>& v, std::size_t limit = 3) {
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < limit; ++i) {
    if (i) out += i + 1 == std::min(v.size(), limit) && v.size() <= limit ? " or " : ", ";
    out += quoted(v[i]);
  }
  if (v.size() > limit) out += " and " + std::to_string(v.size() - limit) + " more";
  return out;
}

std::string did_you_mean(const std::vector<std::string>& v) {
  return v.empty() ? "" : "did you mean " + join_quoted(v) + "?";
}

// Options close to `name`: by edit distance, else the options it is a prefix of, else those
// sharing a long stem ("--description" -> "--describe").
std::vector<std::string> suggest_option(std::string_view name,
                                        const std::vector<std::string>& all) {
  std::vector<std::string> out = core::closest(name, all, 3);
  out.erase(std::remove(out.begin(), out.end(), std::string(name)), out.end());
  if (!out.empty()) return out;
  const std::string_view bare = name.substr(name.find_first_not_of('-') == std::string_view::npos
                                                ? name.size()
                                                : name.find_first_not_of('-'));
  if (bare.size() >= 3)
    for (const std::string& o : all)
      if (starts_with(o, name) && o != name) out.push_back(o);
  if (!out.empty()) return out;
  for (const std::string& o : all) {
    std::size_t common = 0;
    while (common < o.size() && common < name.size() && o[common] == name[common]) ++common;
    const std::size_t dashes = std::min(o.find_first_not_of('-'), common);
    const std::size_t stem = common - dashes;
    const std::size_t shorter = std::min(o.size(), name.size()) - dashes;
    if (stem >= 5 && stem * 4 >= shorter * 3) out.push_back(o);
  }
  if (out.size() > 3) out.clear();  // a short shared stem is no suggestion
  return out;
}

std::vector<std::string> names_of(const std::vector<CliOption>& opts) {
  std::vector<std::string> out;
  for (const CliOption& o : opts) out.push_back(o.name);
  return out;
}

// --------------------------------------------------------------------------- findings

class ScriptEmitter {
 public:
  ScriptEmitter(const ScriptFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out)
      : f_(f), k_(k), out_(out) {}

  core::Finding& at(const Token& t, RuleId id, std::string message, std::string subject) {
    core::Finding f = knowledge::make_finding(k_.rules, id);
    f.where = {f_.path, t.line, t.column};
    f.length = t.raw.find('\n') == std::string::npos ? static_cast<int>(t.raw.size()) : 0;
    f.message = std::move(message);
    f.subject = std::move(subject);
    f.source_line = std::string(f_.line_text(t.line));
    out_->push_back(std::move(f));
    return out_->back();
  }

  struct Edit {
    std::size_t begin, end;
    std::string text;
  };

  // Attaches edits as one fix; no fix when the rule has none.
  void fix(core::Finding& f, std::vector<Edit> edits, std::string title, bool safe) {
    const knowledge::Rule* r = k_.rules ? k_.rules->find(f.code) : nullptr;
    if (!r || r->fix == knowledge::FixSafety::kNone || edits.empty()) return;
    core::Fix fx;
    fx.title = std::move(title);
    fx.safety = safe ? core::FixSafety::kSafe : core::FixSafety::kUnsafe;
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
    for (Edit& e : edits) {
      core::TextEdit te;
      te.offset = e.begin;
      te.length = e.end - e.begin;
      te.replacement = std::move(e.text);
      locate(e.begin, &te.line, &te.column);
      locate(e.end, &te.end_line, &te.end_column);
      fx.edits.push_back(std::move(te));
    }
    f.fix = std::move(fx);
  }

 private:
  void locate(std::size_t off, int* line, int* col) const {
    const auto& ls = f_.line_starts;
    const auto it = std::upper_bound(ls.begin(), ls.end(), off);
    *line = static_cast<int>(it - ls.begin());
    *col = static_cast<int>(off - ls[static_cast<std::size_t>(*line - 1)]) + 1;
  }

  const ScriptFile& f_;
  const CheckKnowledge& k_;
  std::vector<core::Finding>* out_;
};

// Where the written option name sits in a token's original bytes (after an opening quote
// at most); npos when the bytes do not spell it literally (escapes, entities, expansions).
std::size_t name_offset(const Token& t, std::string_view written) {
  if (starts_with(t.raw, written)) return 0;
  if (!t.raw.empty() && (t.raw[0] == '"' || t.raw[0] == '\'') &&
      starts_with(std::string_view(t.raw).substr(1), written))
    return 1;
  return std::string::npos;
}

// Options whose value means something else under the replacement (a ZooKeeper address, an
// authorizer class, a metadata level): renaming them would not keep the command's meaning.
bool value_changes_meaning(std::string_view option) {
  return option == "--zookeeper" || option == "--authorizer" ||
         option == "--authorizer-properties" || option == "--zk-tls-config-file" ||
         option == "--metadata" || option == "--producer-props" ||
         option == "--max-partition-memory-bytes";
}

// --------------------------------------------------------------------------- command checks

class CommandChecker {
 public:
  CommandChecker(const ScriptFile& f, const CheckKnowledge& k, const ScriptKnowledge& s,
                 const std::optional<std::string>& bootstrap, std::vector<core::Finding>* out)
      : f_(f), k_(k), s_(s), bootstrap_(bootstrap), em_(f, k, out) {}

  void check(const CommandLine& c) {
    c_ = &c;
    stray_punctuation();
    target_ = k_.to ? s_.cli->at(*k_.to) : nullptr;
    const CliTool* tool = nullptr;
    if (target_) {
      tool = target_->find(c.tool);
      if (!tool) {
        tool_missing();
        return;
      }
      tool_changes(*tool);
    } else {
      tool = tool_in_history(c.tool);
      if (!tool) {
        unknown_tool();
        return;
      }
    }
    unicode_dashes(*tool);
    check_args(*tool);
  }

 private:
  // ------------------------------------------------------------ tools

  bool run_class() const { return c_->invoked_as.find(' ') != std::string::npos; }

  // The tool as some release has it: the newest line that ships it.
  const CliTool* tool_in_history(std::string_view script) const {
    const Release* newest = s_.cli->newest();
    const CliCatalog* n = newest ? s_.cli->at(*newest) : nullptr;
    if (!n) return nullptr;
    if (const CliTool* t = n->find(script)) return t;
    if (const knowledge::RemovedTool* r = n->removed_tool(script))
      if (const Release* last = k_.versions->find_line(r->last))
        if (const CliCatalog* lc = s_.cli->at(*last)) return lc->find(script);
    return nullptr;
  }

  // Every tool name any release ships.
  std::vector<std::string> all_tools() const {
    std::set<std::string> names;
    const Release* newest = s_.cli->newest();
    if (const CliCatalog* n = newest ? s_.cli->at(*newest) : nullptr) {
      for (const CliTool& t : n->tools()) names.insert(t.script);
      for (const knowledge::RemovedTool& r : n->removed_tools()) names.insert(r.script);
    }
    for (const knowledge::ToolChange& t : s_.flags->tools()) names.insert(t.name);
    return {names.begin(), names.end()};
  }

  // The program word as written, with the replacement tool's name in place of the old one
  // (keeping a directory and the .sh-less Confluent spelling); nullopt when not literal.
  std::optional<ScriptEmitter::Edit> rename_program(std::string_view new_script) const {
    const Token& p = c_->program;
    if (p.opaque && p.raw.find('/') == std::string::npos) return std::nullopt;
    std::string old_name = c_->tool;
    std::string new_name(new_script);
    if (!(p.raw.size() >= old_name.size() &&
          p.raw.compare(p.raw.size() - old_name.size(), old_name.size(), old_name) == 0)) {
      if (old_name.size() > 3) old_name.resize(old_name.size() - 3);  // drop ".sh"
      if (new_name.size() > 3) new_name.resize(new_name.size() - 3);
      if (!(p.raw.size() >= old_name.size() &&
            p.raw.compare(p.raw.size() - old_name.size(), old_name.size(), old_name) == 0))
        return std::nullopt;
    }
    const std::size_t at = p.offset + p.raw.size() - old_name.size();
    return ScriptEmitter::Edit{at, p.offset + p.raw.size(), new_name};
  }

  // Whether text may be inserted right after the program word: not in a YAML exec-form list,
  // where every argument is its own item.
  bool can_insert_after_program() const {
    if (run_class()) return false;
    if (f_.kind != scripts::FileKind::kYaml) return true;
    const std::size_t end = c_->program.offset + c_->program.length;
    const std::size_t next = c_->args.empty() ? f_.content.find('\n', end) : c_->args[0].offset;
    const std::string_view gap =
        std::string_view(f_.content)
            .substr(end, (next == std::string::npos ? f_.content.size() : next) - end);
    return gap.find('\n') == std::string_view::npos || gap.find('-') == std::string_view::npos;
  }

  // The fix that calls `change.replacement` with its arguments instead of the old tool.
  void replace_tool_fix(core::Finding& fd, const knowledge::ToolChange& change) {
    // Only curated renames (KL707 facts) are mechanical; other replacements take other input.
    if (change.rule != RuleId::KL707 || change.replacement.empty() ||
        change.replacement_args.find('<') != std::string::npos || !can_insert_after_program())
      return;
    auto edit = rename_program(change.replacement);
    if (!edit) return;
    std::vector<ScriptEmitter::Edit> edits{*edit};
    std::string args = change.replacement_args;
    if (c_->tool == "kafka-preferred-replica-election.sh") {
      // Without a JSON file the old tool elected every partition; the new one must be told.
      bool json = false;
      for (const Token& t : c_->args) json = json || starts_with(t.text, "--path-to-json-file");
      if (!json) args += " --all-topic-partitions";
    }
    if (!args.empty()) {
      const std::size_t end = c_->program.offset + c_->program.length;
      edits.push_back({end, end, " " + args});
    }
    em_.fix(fd, std::move(edits),
            "call '" + change.replacement + (args.empty() ? "" : " " + args) + "'", false);
  }

  void from_note(core::Finding& fd, bool works_in_from) const {
    if (k_.from && works_in_from)
      fd.notes.push_back("it still works with Kafka " + k_.from->name +
                         " (--from), so this upgrade breaks the command");
  }

  bool tool_in(const Release* r, std::string_view script) const {
    const CliCatalog* c = r ? s_.cli->at(*r) : nullptr;
    return c && c->find(script);
  }

  void tool_missing() {
    const std::string& tool = c_->tool;
    const knowledge::ToolChange* change = s_.flags->tool(tool);
    const knowledge::RemovedTool* removed = target_->removed_tool(tool);
    if (removed || (change && change->removed_in && *change->removed_in <= k_.to->version)) {
      std::string msg = (run_class() ? quoted(c_->invoked_as.substr(c_->invoked_as.find(' ') + 1)) +
                                           " (the class of " + tool + ")"
                                     : quoted(tool)) +
                        " is not shipped by Kafka " + k_.to->name;
      if (change && change->removed_in)
        msg += " (removed in " + change->removed_in->str() + ")";
      else if (removed)
        msg += " (last shipped in " + removed->last + ")";
      core::Finding& fd = em_.at(c_->program, RuleId::KL706, msg, tool);
      if (change && !change->replacement.empty()) {
        fd.suggestion = "use '" + change->replacement +
                        (change->replacement_args.empty() ? "" : " " + change->replacement_args) +
                        "'";
        replace_tool_fix(fd, *change);
      }
      if (change && !change->replacement_note.empty()) fd.notes.push_back(change->replacement_note);
      from_note(fd, tool_in(k_.from, tool));
      return;
    }
    // 'kafka-run-class.sh CLASS' may predate the script named after the class
    // (kafka.tools.GetOffsetShell ran long before kafka-get-offsets.sh existed).
    if (run_class()) return;
    for (const Release* r : s_.cli->lines()) {
      if (r->version <= k_.to->version) continue;
      if (tool_in(r, tool)) {
        em_.at(c_->program, RuleId::KL712,
               quoted(tool) + " is not available in Kafka " + k_.to->name + " (added in " +
                   r->name + ")",
               tool);
        return;
      }
    }
    unknown_tool();
  }

  // KL713: "kafka-console-producer.sh." as the program: the shell looks for a file of that
  // name and fails with "command not found"; the mark came from the sentence around it.
  void stray_punctuation() {
    const Token& p = c_->program;
    if (run_class() || p.opaque || p.text.empty()) return;
    std::size_t n = 0;
    while (n < p.text.size() &&
           (p.text[p.text.size() - 1 - n] == '.' || p.text[p.text.size() - 1 - n] == ',' ||
            p.text[p.text.size() - 1 - n] == ';'))
      ++n;
    if (n == 0 || p.raw.size() < n ||
        p.raw.compare(p.raw.size() - n, n, p.text, p.text.size() - n, n) != 0)
      return;
    const std::string mark = p.text.substr(p.text.size() - n);
    core::Finding& fd =
        em_.at(p, RuleId::KL713,
               "'" + mark + "' is glued to the script name: the shell runs a file named " +
                   quoted(p.text) + ", which does not exist",
               c_->tool);
    fd.suggestion = "remove the " + quoted(mark);
    em_.fix(fd, {{p.offset + p.length - n, p.offset + p.length, ""}}, "remove " + quoted(mark),
            true);
  }

  // KL715: '–bootstrap-server', '—topic': the parser sees a plain argument (unicode_dash.h).
  void unicode_dashes(const CliTool& tool) {
    for (const Token& t : c_->args) {
      const auto d = unicode_dash_option(t.text);
      if (!d) continue;
      const bool known = tool.find_option(d->ascii) != nullptr;
      core::Finding& fd =
          em_.at(t, RuleId::KL715,
                 quoted(d->name) + " is written with " + std::string(d->what) +
                     " instead of '-': " + tool.script + " reads it as a plain argument, so " +
                     (known ? "the option " + quoted(d->ascii) + " is not applied"
                            : "no option is set (and " + quoted(d->ascii) + " is none either)"),
                 d->ascii);
      if (!known) {
        fd.suggestion = "type the option with ASCII '-'";
        continue;  // never propose an option the tool does not have
      }
      fd.suggestion = "write " + quoted(d->ascii);
      const std::size_t off = name_offset(t, d->name);
      if (off != std::string::npos)
        em_.fix(fd, {{t.offset + off, t.offset + off + d->name.size(), d->ascii}},
                "write " + quoted(d->ascii), true);
    }
  }

  void unknown_tool() {
    const std::string& tool = c_->tool;
    if (!starts_with(tool, "kafka-") || run_class()) return;
    if (tool_in_history(tool) || s_.flags->tool(tool)) return;
    // Only a near miss is reported: distributions ship tools of their own under kafka-*
    // names (kafka-avro-console-consumer, kafka-rest-start) that no Apache release has.
    std::vector<std::string> close;
    for (const std::string& t : core::closest(tool, all_tools(), 3))
      if (core::edit_distance(t, tool) <= 2) close.push_back(t);
    if (close.empty()) return;
    core::Finding& fd = em_.at(c_->program, RuleId::KL710,
                               quoted(tool) + " is not a tool of any Kafka release", tool);
    fd.suggestion = did_you_mean(close);
    if (close.size() == 1)
      if (auto edit = rename_program(close[0]))
        em_.fix(fd, {*edit}, "use '" + close[0] + "'", true);
  }

  // Tool-level facts of a tool the target ships: replaced tools and retired main classes.
  void tool_changes(const CliTool& tool) {
    const knowledge::ToolChange* change = s_.flags->tool(c_->tool);
    std::string replacement = change ? change->replacement : tool.replacement;
    const bool deprecated =
        (change && change->deprecated_in && *change->deprecated_in <= k_.to->version) ||
        (!change && tool.deprecated);
    if (deprecated && !replacement.empty() && !run_class()) {
      const bool available = tool_in(k_.to, replacement);
      core::Finding& fd =
          em_.at(c_->program, RuleId::KL707,
                 quoted(c_->tool) + " is deprecated in Kafka " + k_.to->name + "; " +
                     quoted(replacement) + " replaces it" +
                     (change && change->removed_in
                          ? " (the old tool is removed in " + change->removed_in->str() + ")"
                          : ""),
                 c_->tool);
      fd.suggestion =
          "use '" + replacement +
          (change && !change->replacement_args.empty() ? " " + change->replacement_args : "") + "'";
      if (change && !change->replacement_note.empty()) fd.notes.push_back(change->replacement_note);
      if (change && available) replace_tool_fix(fd, *change);
    }
    if (run_class()) {
      const std::string cls = c_->invoked_as.substr(c_->invoked_as.find(' ') + 1);
      const auto aliases = s_.flags->run_class(cls);
      if (aliases.empty()) return;
      bool gone = true;
      std::optional<core::Version> removed_in;
      for (const knowledge::RunClassAlias* a : aliases) {
        const auto& gone_in = a->removed_in ? a->removed_in : a->redirect_removed_in;
        if (!gone_in || *gone_in > k_.to->version)
          gone = false;
        else
          removed_in = gone_in;
      }
      if (gone) {
        core::Finding& fd = em_.at(c_->program, RuleId::KL706,
                                   "Kafka " + k_.to->name + " has no class " + quoted(cls) +
                                       " (removed in " + removed_in->str() + ")",
                                   cls);
        fd.suggestion = "use '" + c_->tool + "'";
        // The class that took over ('kafka-run-class.sh NEW' keeps the rest of the line).
        if (!tool.main_class.empty() && tool.main_class != cls)
          fd.notes.push_back("its successor in Kafka " + k_.to->name + " is '" + tool.main_class +
                             "', which " + c_->tool + " runs");
        from_note(fd, k_.from && k_.from->version < *removed_in);
      }
    }
  }

  // ------------------------------------------------------------ options

  struct Scope {
    const CliTool* tool = nullptr;
    std::vector<std::string> names;  // options accepted here, sorted
    bool jopt = false, argp = false, abbrev = false;
  };

  // Options the parser accepts at this point: the whole tool, or a sub-command's own options
  // plus the top-level ones when the pack records them per sub-command.
  // `layout`: the tool whose per-sub-command records `sub` comes from (the target's own, or a
  // later release's for a 3.x target: then only options the target has count).
  Scope scope_for(const CliTool& tool, const knowledge::CliSubcommand* sub,
                  const CliTool* layout = nullptr) const {
    Scope s;
    s.tool = &tool;
    s.jopt = tool.uses_parser("joptsimple");
    s.argp = tool.uses_parser("argparse4j");
    s.abbrev = s.argp || (s.jopt && tool.abbreviations);
    if (sub) {
      if (!layout) layout = &tool;
      s.names = names_of(sub->options);
      if (const knowledge::CliSubcommand* top = layout->subcommand(""))
        for (const CliOption& o : top->options) s.names.push_back(o.name);
      // argparse4j gives every sub-command parser its own -h/--help.
      for (const char* help : {"-h", "--help"})
        if (s.argp && tool.find_option(help)) s.names.push_back(help);
      if (layout != &tool)
        s.names.erase(std::remove_if(s.names.begin(), s.names.end(),
                                     [&](const std::string& n) { return !tool.find_option(n); }),
                      s.names.end());
      std::sort(s.names.begin(), s.names.end());
    } else {
      s.names = names_of(tool.options);
    }
    if (!target_) {
      // Release-independent: everything any release of the tool accepted.
      const Release* newest = s_.cli->newest();
      if (const CliCatalog* n = newest ? s_.cli->at(*newest) : nullptr)
        for (const knowledge::RemovedOption& r : n->removed_options())
          if (r.script == tool.script) s.names.push_back(r.option);
      std::sort(s.names.begin(), s.names.end());
      s.names.erase(std::unique(s.names.begin(), s.names.end()), s.names.end());
    }
    return s;
  }

  const CliOption* option_of(const Scope& s, std::string_view name) const {
    if (!std::binary_search(s.names.begin(), s.names.end(), name)) return nullptr;
    if (const CliOption* o = s.tool->find_option(name)) return o;
    static const CliOption kUnknownArity{"", CliOption::Arg::kOptional, false, ""};
    return &kUnknownArity;  // an option of an earlier release: arity not known here
  }

  std::vector<std::string> prefixed(const Scope& s, std::string_view prefix) const {
    std::vector<std::string> out;
    for (const std::string& n : s.names)
      if (starts_with(n, "--") && starts_with(n, prefix) && n != prefix) out.push_back(n);
    return out;
  }

  // A token the tool would read as one of its options (for "missing argument").
  bool is_option_token(const Scope& s, const Token& t) const {
    if (t.opaque || !starts_with(t.text, "-") || is_number(t.text)) return false;
    std::string_view name = t.text;
    if (const std::size_t eq = name.find('=');
        eq != std::string_view::npos && starts_with(name, "--"))
      name = name.substr(0, eq);
    if (option_of(s, name)) return true;
    if (s.jopt && !starts_with(name, "--") && option_of(s, "-" + std::string(name))) return true;
    return false;
  }

  void check_args(const CliTool& tool) {
    const std::vector<Token>& a = c_->args;
    const bool shell = tool.uses_parser("shell");
    Scope scope = scope_for(tool, nullptr);
    subcommand_.clear();
    sub_name_.clear();
    sub_word_ = 0;
    const bool parsed = scope.jopt || scope.argp;
    bool sub_seen = false;
    bool positional_seen = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const Token& t = a[i];
      if (t.text == "--" && !t.opaque) break;
      if (!starts_with(t.text, "-") || t.text == "-" || is_number(t.text)) {
        positional_seen = true;
        if (!t.opaque && scope.argp && !sub_seen && !tool.subcommands.empty()) {
          sub_seen = true;
          std::vector<std::string> hits;
          for (const std::string& sc : tool.subcommands)
            if (sc == t.text) hits = {sc};
          if (hits.empty())
            for (const std::string& sc : tool.subcommands)
              if (starts_with(sc, t.text)) hits.push_back(sc);
          if (hits.size() == 1) {
            sub_name_ = hits[0];
            sub_word_ = i;
          }
          // Sub-command options are recorded per release by the 4.x packs; a 3.x target
          // borrows the layout of the oldest pack that has it (subcommand_layout). Without a
          // target every option of the tool passes.
          const CliTool* layout = target_ ? subcommand_layout(tool) : nullptr;
          if (hits.size() == 1)
            if (const knowledge::CliSubcommand* sc =
                    layout ? layout->subcommand(hits[0]) : nullptr) {
              scope = scope_for(tool, sc, layout);
              subcommand_ = hits[0];
            }
        }
        continue;
      }
      // An option whose name is only known at run time ('--$OPT', '$OPTS') can be anything.
      std::string written = t.text;
      std::string inline_value;
      bool has_inline = false;
      if (const std::size_t eq = written.find('=');
          eq != std::string::npos && starts_with(written, "--")) {
        inline_value = written.substr(eq + 1);
        written.resize(eq);
        has_inline = true;
      }
      if (t.opaque &&
          (written.find('$') != std::string::npos || written.find('{') != std::string::npos ||
           written.find('`') != std::string::npos || !has_inline))
        continue;
      if (shell && is_shell_flag(written) && option_of(scope, written)) {
        // kafka-run-class.sh reads its flags up to the class name; the other wrappers
        // look at their first argument only.
        const bool place_ok = tool.script == "kafka-run-class.sh" ? !positional_seen : i == 0;
        const CliOption* flag = tool.find_option(written);
        if (flag && flag->arg == CliOption::Arg::kRequired) ++i;
        if (!place_ok && !run_class()) {
          em_.at(t, RuleId::KL708,
                 quoted(written) + " is read by " + tool.script +
                     (tool.script == "kafka-run-class.sh" ? " only before the class name"
                                                          : " only as its first argument"),
                 written);
        }
        continue;
      }
      if (!parsed) continue;  // positional, manual or external parsers: options are not modelled
      const CliOption* opt = nullptr;
      if (const std::size_t words = split_option(scope, i, written, has_inline)) {
        opt = option_of(scope, resolved_);
        written = resolved_;
        i += words;
      } else {
        opt = resolve(scope, t, written, has_inline);
        if (opt && !sub_name_.empty()) top_option_after_subcommand(tool, i, *opt, has_inline);
      }
      if (!opt) continue;
      if (opt->arg == CliOption::Arg::kRequired && !has_inline) {
        if (i + 1 >= a.size() || is_option_token(scope, a[i + 1])) {
          em_.at(t, RuleId::KL709,
                 quoted(written) + " needs an argument" +
                     (i + 1 >= a.size() ? " and ends the command"
                                        : "; " + quoted(a[i + 1].text) + " is an option"),
                 written);
        } else {
          value_checks(opt, a[i + 1], a[i + 1].text);
          ++i;
        }
      } else if (opt->arg == CliOption::Arg::kOptional && !has_inline) {
        if (i + 1 < a.size() && (a[i + 1].opaque || !starts_with(a[i + 1].text, "-"))) ++i;
      } else if (has_inline) {
        value_checks(opt, t, inline_value);
      }
    }
  }

  // '--replication factor 3': an option name split by a space. The parser reads '--replication'
  // (unknown, or an abbreviation taking 'factor' as its value), so the fix must join the words;
  // renaming only the first would leave 'factor' as the value. Returns how many following words
  // belong to the name (0 when the words do not join into an option of the tool).
  std::size_t split_option(const Scope& s, std::size_t i, const std::string& written,
                           bool has_inline) {
    const std::vector<Token>& a = c_->args;
    const Token& t = a[i];
    if (has_inline || written.size() < 3 || written[0] != '-' || option_of(s, written)) return 0;
    // '-replication factor' too: joptsimple reads '-name' as '--name'.
    std::string name = starts_with(written, "--") ? written : "-" + written;
    for (std::size_t words = 1; words <= 2 && i + words < a.size(); ++words) {
      const Token& w = a[i + words];
      const bool part = !w.opaque && !w.text.empty() && w.raw == w.text &&
                        std::all_of(w.text.begin(), w.text.end(), [](char ch) {
                          return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
                        });
      if (!part) return 0;
      name += "-" + w.text;
      std::string joined = name;
      const CliOption* o = option_of(s, joined);
      if (!o) {
        // A typo as well ('--replicaton factor'): the only close option that ends in the word.
        const std::vector<std::string> close = suggest_option(name, s.names);
        if (close.size() == 1 && close[0].size() > w.text.size() &&
            close[0].compare(close[0].size() - w.text.size() - 1, std::string::npos,
                             "-" + w.text) == 0) {
          joined = close[0];
          o = option_of(s, joined);
        }
      }
      if (!o) continue;
      report_split(s, t, a[i + words], written, joined, *o, i + words + 1, joined != name);
      resolved_ = joined;
      return words;
    }
    return 0;
  }

  // The tool's argparse4j layout (top-level and per-sub-command options): from the target's
  // pack, else from the oldest later release that records it (3.x packs do not; the parsers
  // kept their top-level options at the top since the tools moved to argparse4j).
  const CliTool* subcommand_layout(const CliTool& tool) const {
    if (!tool.subcommand_options.empty()) return &tool;
    for (const Release* r : s_.cli->lines()) {
      if (k_.to && r->version <= k_.to->version) continue;
      const CliCatalog* c = s_.cli->at(*r);
      const CliTool* t = c ? c->find(tool.script) : nullptr;
      if (t && !t->subcommand_options.empty()) return t;
    }
    return nullptr;
  }

  // KL716: 'kafka-metadata-quorum.sh describe --status --bootstrap-server X'. argparse4j hands
  // every word after the sub-command to that sub-command's parser, which has none of the
  // top-level options: the run fails with "unrecognized arguments".
  void top_option_after_subcommand(const CliTool& tool, std::size_t i, const CliOption& o,
                                   bool has_inline) {
    const std::string& name = resolved_;
    // Only the connection options: the packs' top-level records are right for them (checked
    // against kafka-features, kafka-metadata-quorum and kafka-transactions sources, 3.3-4.0),
    // but list connect-plugin-path's per-sub-command --plugin-path/--worker-config as
    // top-level too, where moving them before the sub-command would break the command.
    if (name != "--bootstrap-server" && name != "--bootstrap-controller" &&
        name != "--command-config")
      return;
    const CliTool* layout = subcommand_layout(tool);
    const knowledge::CliSubcommand* top = layout ? layout->subcommand("") : nullptr;
    const knowledge::CliSubcommand* sub = layout ? layout->subcommand(sub_name_) : nullptr;
    auto has = [&](const knowledge::CliSubcommand* sc) {
      return std::any_of(sc->options.begin(), sc->options.end(),
                         [&](const CliOption& x) { return x.name == name; });
    };
    if (!top || !sub || !has(top) || has(sub)) return;
    const std::vector<Token>& a = c_->args;
    const Token& sub_token = a[sub_word_];
    core::Finding& fd =
        em_.at(a[i], RuleId::KL716,
               quoted(name) + " is an option of " + tool.script + " itself, not of its " +
                   "sub-command " + quoted(sub_name_) + ": after " + quoted(sub_token.text) +
                   " the sub-command's parser rejects it",
               name);
    fd.suggestion = "put it before " + quoted(sub_token.text);
    // The move: the option (and its value) cut from here, pasted before the sub-command.
    const bool value = o.arg == CliOption::Arg::kRequired && !has_inline && i + 1 < a.size();
    const Token& last = value ? a[i + 1] : a[i];
    const Token& prev = a[i - 1];
    if (!blank_gap(prev.offset + prev.raw.size(), a[i].offset) ||
        (value && !blank_gap(a[i].offset + a[i].raw.size(), last.offset)))
      return;
    std::string moved = a[i].raw + (value ? " " + last.raw : "") + " ";
    em_.fix(fd,
            {{sub_token.offset, sub_token.offset, std::move(moved)},
             {prev.offset + prev.raw.size(), last.offset + last.raw.size(), ""}},
            "move " + quoted(name) + " before " + quoted(sub_token.text), true);
  }

  bool blank_gap(std::size_t from, std::size_t to) const {
    const std::string& c = f_.content;
    for (std::size_t p = from; p < to && p < c.size(); ++p) {
      if (c[p] == ' ' || c[p] == '\t') continue;
      if (c[p] == '\\' && p + 1 < to && c[p + 1] == '\n') {
        ++p;
        continue;
      }
      if (c[p] == '\\' && p + 2 < to && c[p + 1] == '\r' && c[p + 2] == '\n') {
        p += 2;
        continue;
      }
      return false;
    }
    return true;
  }

  void report_split(const Scope& s, const Token& first, const Token& last,
                    const std::string& written, const std::string& name, const CliOption& o,
                    std::size_t next, bool typo) {
    const std::vector<Token>& a = c_->args;
    std::string where = s.tool->script;
    if (target_) where += " " + k_.to->name;
    core::Finding& fd = em_.at(first, RuleId::KL701,
                               quoted(written) + " is not an option of " + where + ": a space" +
                                   (typo ? " and a typo split " : " splits ") + quoted(name),
                               written);
    fd.suggestion = "join the words";
    // Safe when the joined option reads exactly the words that follow as its value.
    const bool value_follows =
        next < a.size() && !a[next].text.empty() &&
        (a[next].opaque || a[next].text[0] != '-' || is_number(a[next].text));
    const bool safe = o.arg == CliOption::Arg::kRequired ? value_follows
                      : o.arg == CliOption::Arg::kNone   ? !value_follows
                                                         : false;
    // Only a name written bare and words apart by blanks or a line continuation: inside quotes
    // or a list ('- --replication', '- factor') the joined span would cut the syntax around it.
    if (first.raw != first.text) return;
    for (const Token* w = &first; w != &last; ++w)
      if (!blank_gap(w->offset + w->raw.size(), (w + 1)->offset)) return;
    em_.fix(fd, {{first.offset, last.offset + last.raw.size(), name}}, "join into " + quoted(name),
            safe);
  }

  // The option the parser reads `written` as, after reporting what is wrong with it;
  // nullptr when it is not an option of this tool (then the rest of the command is still read).
  const CliOption* resolve(const Scope& s, const Token& t, const std::string& written,
                           bool has_inline) {
    resolved_ = written;
    if (const CliOption* o = option_of(s, written)) {
      after_resolve(s, t, written, *o, has_inline);
      return o;
    }
    const bool single = !starts_with(written, "--");
    const std::string long_name = single ? "-" + written : written;
    if (single) {
      if (s.argp) {
        if (option_of(s, long_name)) {
          core::Finding& fd = em_.at(t, RuleId::KL708,
                                     quoted(written) + ": " + s.tool->script +
                                         " (argparse4j) does not accept single-dash long options",
                                     written);
          fd.suggestion = "use " + quoted(long_name);
          rename_fix(fd, t, written, long_name, true, "spell it " + quoted(long_name));
          return s.tool->find_option(long_name);
        }
        // '-cVALUE': a short option with its value attached.
        if (written.size() > 2 && option_of(s, written.substr(0, 2))) return nullptr;
      }
      if (s.jopt) {
        // joptsimple reads '-name' as '--name' when 'name' is a long option.
        if (const CliOption* o = option_of(s, long_name)) {
          resolved_ = long_name;
          after_resolve(s, t, written, *o, has_inline);
          return o;
        }
      }
    }
    // Without a target any prefix passes: some releases' parsers accepted abbreviations.
    if ((s.abbrev || !target_) && !single) {
      const std::vector<std::string> hits = prefixed(s, written);
      if (!hits.empty() && !target_) return nullptr;
      if (hits.size() == 1) {
        resolved_ = hits[0];
        const CliOption* o = option_of(s, hits[0]);
        after_resolve(s, t, written, *o, has_inline);
        return o;
      }
      if (hits.size() > 1 && target_) {
        em_.at(t, RuleId::KL701,
               quoted(written) + " is ambiguous for " + s.tool->script + " in Kafka " +
                   k_.to->name + ": it abbreviates " + join_quoted(hits, 4),
               written);
        return nullptr;
      }
    }
    unknown_option(s, t, written, long_name);
    return nullptr;
  }

  // Deprecation of an option the target accepts.
  void after_resolve(const Scope& s, const Token& t, const std::string& written, const CliOption& o,
                     bool /*has_inline*/) {
    if (!target_) return;
    const std::string& name = resolved_;
    const knowledge::OptionChange* ch = s_.flags->option(s.tool->script, name);
    const bool removed = ch && ch->removed_in && *ch->removed_in <= k_.to->version;
    const bool deprecated =
        o.deprecated || (ch && ch->deprecated_in && *ch->deprecated_in <= k_.to->version);
    if (!deprecated && !removed) return;
    std::string replacement = ch && !ch->replacement.empty() ? ch->replacement : o.replacement;
    std::string msg = quoted(written) + " is deprecated in " + s.tool->script + " " + k_.to->name;
    if (ch && ch->removed_in) msg += " and removed in " + ch->removed_in->str();
    core::Finding& fd = em_.at(t, RuleId::KL705, msg, written);
    if (!replacement.empty()) fd.suggestion = "use " + quoted(replacement);
    if (ch && !ch->note.empty()) fd.notes.push_back(ch->note);
    replacement_fix(fd, s, t, written, name, replacement);
  }

  void unknown_option(const Scope& s, const Token& t, const std::string& written,
                      const std::string& long_name) {
    const std::string& script = s.tool->script;
    // A short option ('-t') is looked up as written, a long one by its full name.
    const std::string& probe = s.tool->find_option(written) ? written : long_name;
    if (target_ && !subcommand_.empty() && s.tool->find_option(probe)) {
      std::vector<std::string> subs;
      const CliTool* layout = subcommand_layout(*s.tool);
      for (const knowledge::CliSubcommand& sc :
           layout ? layout->subcommand_options : s.tool->subcommand_options)
        for (const CliOption& o : sc.options)
          if (o.name == probe && !sc.name.empty() &&
              std::find(s.tool->subcommands.begin(), s.tool->subcommands.end(), sc.name) !=
                  s.tool->subcommands.end())
            subs.push_back(sc.name);
      core::Finding& fd =
          em_.at(t, RuleId::KL701,
                 quoted(written) + " is not an option of '" + script + " " + subcommand_ +
                     "' in Kafka " + k_.to->name +
                     (subs.empty() ? "" : "; sub-command " + join_quoted(subs) + " takes it"),
                 written);
      fd.suggestion = did_you_mean(suggest_option(long_name, s.names));
      return;
    }
    if (target_) {
      // Removed from the tool?
      const knowledge::OptionChange* ch = s_.flags->option(script, long_name);
      const knowledge::RemovedOption* rm = target_->removed_option(script, long_name);
      if (rm || (ch && ch->removed_in && *ch->removed_in <= k_.to->version)) {
        std::string msg = quoted(written) + " was removed from " + script;
        if (ch && ch->removed_in) msg += " in " + ch->removed_in->str();
        if (rm) msg += " (last accepted by " + rm->last + ")";
        core::Finding& fd = em_.at(t, RuleId::KL704, msg, written);
        std::string replacement = ch ? ch->replacement : "";
        if (replacement.empty() && rm)
          if (const Release* last = k_.versions->find_line(rm->last))
            if (const CliCatalog* lc = s_.cli->at(*last))
              if (const CliTool* lt = lc->find(script))
                if (const CliOption* lo = lt->find_option(long_name)) replacement = lo->replacement;
        if (!replacement.empty() && !option_of(s, replacement)) replacement.clear();
        if (!replacement.empty()) fd.suggestion = "use " + quoted(replacement);
        if (ch && !ch->note.empty()) fd.notes.push_back(ch->note);
        if (k_.from) {
          const CliCatalog* fc = s_.cli->at(*k_.from);
          const CliTool* ft = fc ? fc->find(script) : nullptr;
          from_note(fd, ft && ft->find_option(long_name));
        }
        replacement_fix(fd, s, t, written, long_name, replacement);
        return;
      }
      // Added in a later release?
      for (const Release* r : s_.cli->lines()) {
        if (r->version <= k_.to->version) continue;
        const CliCatalog* rc = s_.cli->at(*r);
        const CliTool* rt = rc ? rc->find(script) : nullptr;
        if (!rt || !rt->find_option(long_name)) continue;
        std::string msg = quoted(written) + " is not available in " + script + " " + k_.to->name +
                          " (added in " + r->name + ")";
        core::Finding& fd = em_.at(t, RuleId::KL703, msg, written);
        std::vector<std::string> instead;
        for (const knowledge::OptionChange& oc : s_.flags->options())
          if (oc.tool == script && oc.replacement == long_name && option_of(s, oc.option))
            instead.push_back(oc.option);
        if (!instead.empty())
          fd.suggestion = "Kafka " + k_.to->name + " offers " + join_quoted(instead) + " instead";
        return;
      }
    }
    // Another tool's option?
    std::vector<std::string> owners;
    const Release* ref = target_ ? k_.to : s_.cli->newest();
    if (const CliCatalog* rc = ref ? s_.cli->at(*ref) : nullptr) {
      for (const CliTool& other : rc->tools())
        if (other.script != script && other.find_option(long_name)) owners.push_back(other.script);
      if (!target_)
        for (const knowledge::RemovedOption& r : rc->removed_options())
          if (r.script != script && r.option == long_name) owners.push_back(r.script);
    }
    std::sort(owners.begin(), owners.end());
    owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    std::vector<std::string> close = suggest_option(long_name, s.names);
    // A prefix of one of this tool's options is a truncated name, not another tool's option.
    bool truncated = false;
    for (const std::string& c : close) truncated = truncated || starts_with(c, long_name);
    if (!owners.empty() && !truncated) {
      core::Finding& fd =
          em_.at(t, RuleId::KL702,
                 quoted(written) + " is not an option of " + script + "; " + join_quoted(owners) +
                     (owners.size() == 1 ? " has" : " have") + " it",
                 written);
      fd.suggestion = did_you_mean(close);
      return;
    }
    std::string where = script;
    if (target_) where += " " + k_.to->name;
    core::Finding& fd =
        em_.at(t, RuleId::KL701, quoted(written) + " is not an option of " + where, written);
    fd.suggestion = did_you_mean(close);
    if (close.size() == 1)
      rename_fix(fd, t, written, close[0], same_meaning(s, t, close[0]), "use " + quoted(close[0]));
  }

  // A did-you-mean is safe only when it keeps what the command does: not another word for an
  // action ('--description' -> '--describe' turns a create into a describe), and taking a value
  // exactly when the word after the typo is one ('--repl 3' -> '--help 3').
  bool same_meaning(const Scope& s, const Token& t, const std::string& to) const {
    static constexpr std::string_view kActions[] = {
        "--create",        "--delete",         "--describe", "--alter",
        "--list",          "--help",           "--version",  "--execute",
        "--generate",      "--verify",         "--add",      "--remove",
        "--reset-offsets", "--delete-offsets", "--cancel",   "--from-beginning"};
    // An action is safe only from a one-letter slip ('--descibe'), never from another word.
    for (std::string_view a : kActions)
      if (to == a && core::edit_distance(t.text.substr(0, t.text.find('=')), to) > 1) return false;
    const CliOption* opt = s.tool->find_option(to);
    if (!opt || opt->arg == CliOption::Arg::kOptional) return false;
    if (t.text.find('=') != std::string::npos) return opt->arg == CliOption::Arg::kRequired;
    bool value_follows = false;
    for (std::size_t i = 0; i + 1 < c_->args.size(); ++i)
      if (&c_->args[i] == &t) {
        const std::string& next = c_->args[i + 1].text;
        value_follows = !next.empty() && next[0] != '-';
        // '--repl factor 3' -> '--replication-factor factor 3': the next word is part of the
        // name, not its value (split_option joins such words; this keeps any other path safe).
        if (value_follows && to.size() > next.size() + 1 &&
            to.compare(to.size() - next.size() - 1, std::string::npos, "-" + next) == 0)
          return false;
      }
    return value_follows == (opt->arg == CliOption::Arg::kRequired);
  }

  // KL711: from 4.0 a bootstrap list must be comma-separated.
  void value_checks(const CliOption* opt, const Token& value, const std::string& text) {
    if (!target_ || !opt || resolved_ != "--bootstrap-server" || value.opaque) return;
    if (k_.to->version < core::Version::parse("4.0").value_or(k_.to->version)) return;
    std::string_view v = text;
    const std::size_t b = v.find_first_not_of(" \t");
    if (b == std::string_view::npos) return;
    v = v.substr(b, v.find_last_not_of(" \t") - b + 1);
    if (v.find_first_of(" \t") == std::string_view::npos) return;
    std::string joined;
    bool gap = false;
    for (char ch : v) {
      if (ch == ' ' || ch == '\t') {
        gap = true;
        continue;
      }
      if (gap && !joined.empty() && joined.back() != ',' && ch != ',') joined += ',';
      gap = false;
      joined += ch;
    }
    core::Finding& fd =
        em_.at(value, RuleId::KL711,
               "Kafka " + k_.to->name + " reads " + quoted(std::string(v)) + " as one server name",
               resolved_);
    fd.suggestion = "use " + quoted(joined);
    // Only a plainly quoted list is rewritten (quotes kept); escapes or expansions are left alone.
    const std::string& raw = value.raw;
    if (raw.size() >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw.back() == raw[0] &&
        raw.substr(1, raw.size() - 2) == text && text.find_first_of("\\\"'$`") == std::string::npos)
      em_.fix(fd, {{value.offset, value.offset + raw.size(), raw[0] + joined + raw[0]}},
              "separate the servers with commas", true);
  }

  // ------------------------------------------------------------ fixes

  void rename_fix(core::Finding& fd, const Token& t, const std::string& written,
                  const std::string& to, bool safe, std::string title) {
    if (t.opaque && written.find_first_of("${`") != std::string::npos) return;
    const std::size_t at = name_offset(t, written);
    if (at == std::string::npos) return;
    em_.fix(fd, {{t.offset + at, t.offset + at + written.size(), to}}, std::move(title), safe);
  }

  // The fix of a removed or deprecated option: a plain rename when the value carries over,
  // or the ZooKeeper address swapped for a broker address.
  void replacement_fix(core::Finding& fd, const Scope& s, const Token& t,
                       const std::string& written, const std::string& name,
                       const std::string& replacement) {
    if (replacement.empty() || !option_of(s, replacement)) return;
    const CliOption* old_opt = s.tool->find_option(name);
    const CliOption* new_opt = s.tool->find_option(replacement);
    if (name == "--zookeeper" && replacement == "--bootstrap-server") {
      zookeeper_fix(fd, t, written);
      return;
    }
    if (value_changes_meaning(name)) return;
    if (old_opt && new_opt && old_opt->arg != new_opt->arg) return;
    rename_fix(fd, t, written, replacement, true, "use " + quoted(replacement));
  }

  void zookeeper_fix(core::Finding& fd, const Token& t, const std::string& written) {
    const std::string addr = bootstrap_ ? *bootstrap_ : "<broker-host:9092>";
    const bool safe = bootstrap_.has_value();
    const std::string title = safe ? "use '--bootstrap-server " + addr + "'"
                                   : "use '--bootstrap-server' (fill in a broker address)";
    const std::size_t at = name_offset(t, written);
    if (at == std::string::npos) return;
    std::vector<ScriptEmitter::Edit> edits;
    const std::size_t eq = t.text.find('=');
    if (eq != std::string::npos) {
      // '--zookeeper=zk:2181' in one word.
      if (t.opaque || t.raw != t.text) return;
      edits.push_back(
          {t.offset, t.offset + t.raw.size(), "--bootstrap-server=" + value_text(addr, "")});
    } else {
      const std::vector<Token>& a = c_->args;
      const Token* value = nullptr;
      for (std::size_t i = 0; i + 1 < a.size(); ++i)
        if (&a[i] == &t) value = &a[i + 1];
      if (!value || value->opaque) return;
      edits.push_back({t.offset + at, t.offset + at + written.size(), "--bootstrap-server"});
      edits.push_back(
          {value->offset, value->offset + value->raw.size(), value_text(addr, value->raw)});
    }
    em_.fix(fd, std::move(edits), title, safe);
  }

  // An address as a word of this file: in the quotes the old word used, or quoted when the
  // shell would read a character of it ('<broker-host:9092>').
  std::string value_text(const std::string& addr, const std::string& old_raw) const {
    if (!old_raw.empty() && (old_raw[0] == '"' || old_raw[0] == '\''))
      return old_raw[0] + addr + old_raw[0];
    if (addr.find_first_of("<>|&;()$`\\\"' \t*?[]#~") != std::string::npos) return "'" + addr + "'";
    return addr;
  }

  const ScriptFile& f_;
  const CheckKnowledge& k_;
  const ScriptKnowledge& s_;
  const std::optional<std::string>& bootstrap_;
  ScriptEmitter em_;
  const CommandLine* c_ = nullptr;
  const CliCatalog* target_ = nullptr;
  std::string resolved_;      // the option name the parser reads the current word as
  std::string subcommand_;    // the argparse4j sub-command read so far, when scoped
  std::string sub_name_;      // the argparse4j sub-command read so far, scoped or not
  std::size_t sub_word_ = 0;  // its index in the arguments
};

}  // namespace

scripts::ExtractOptions extract_options(const knowledge::FlagFacts& flags) {
  scripts::ExtractOptions o;
  for (const knowledge::RunClassAlias& a : flags.run_classes()) {
    // The newest use of a class wins (the list is ordered oldest first per class).
    o.main_classes[a.main_class] = a.tool;
  }
  return o;
}

std::string_view ScriptFile::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts.size()) return {};
  const std::size_t b = line_starts[static_cast<std::size_t>(line - 1)];
  std::size_t e = content.find('\n', b);
  if (e == std::string::npos) e = content.size();
  if (e > b && content[e - 1] == '\r') --e;
  return std::string_view(content).substr(b, e - b);
}

ScriptFile load_script(std::string path, std::string content, scripts::FileKind kind,
                       const ScriptKnowledge& s) {
  ScriptFile f;
  f.path = std::move(path);
  f.content = std::move(content);
  f.kind = kind;
  f.line_starts.push_back(0);
  for (std::size_t i = 0; i < f.content.size(); ++i)
    if (f.content[i] == '\n') f.line_starts.push_back(i + 1);
  f.extracted = scripts::extract(f.path, f.content, kind, s.extract);
  return f;
}

void check_script(const ScriptFile& f, const CheckKnowledge& k, const ScriptKnowledge& s,
                  const std::optional<std::string>& bootstrap, std::vector<core::Finding>* out) {
  if (!s.cli || !s.flags) return;
  CommandChecker checker(f, k, s, bootstrap, out);
  for (const CommandLine& c : f.extracted.commands) checker.check(c);
}

}  // namespace kafkalint::checks
