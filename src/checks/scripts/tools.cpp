// KL706, KL707, KL710, KL712, KL713, KL715: the tool a command line runs, against the
// command-line reference of the target release, and what is written around it.

#include "checks/scripts/command_checker.h"

namespace kafkalint::checks::cmd {

// The tool as some release has it: the newest line that ships it.
const CliTool* CommandChecker::tool_in_history(std::string_view script) const {
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
std::vector<std::string> CommandChecker::all_tools() const {
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
std::optional<ScriptEmitter::Edit> CommandChecker::rename_program(
    std::string_view new_script) const {
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
bool CommandChecker::can_insert_after_program() const {
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
void CommandChecker::replace_tool_fix(core::Finding& fd, const knowledge::ToolChange& change) {
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

void CommandChecker::from_note(core::Finding& fd, bool works_in_from) const {
  if (k_.from && works_in_from)
    fd.notes.push_back("it still works with Kafka " + k_.from->name +
                       " (--from), so this upgrade breaks the command");
}

bool CommandChecker::tool_in(const Release* r, std::string_view script) const {
  const CliCatalog* c = r ? s_.cli->at(*r) : nullptr;
  return c && c->find(script);
}

void CommandChecker::tool_missing() {
  const std::string& tool = c_->tool;
  const knowledge::ToolChange* change = s_.flags->tool(tool);
  const knowledge::RemovedTool* removed = target_->removed_tool(tool);
  if (removed || (change && change->removed_in && *change->removed_in <= k_.to->version)) {
    // Kafka's own launcher of this tool (bin/kafka-mirror-maker.sh of a copied distribution
    // runs kafka.tools.MirrorMaker): an upgrade replaces the whole bin/ folder, so the file
    // itself is not the user's to change. Three repositories of the fourth review carried one.
    const std::size_t slash = f_.path.find_last_of("/\\");
    if (run_class() && f_.path.substr(slash == std::string::npos ? 0 : slash + 1) == tool) return;
    // The class of 'kafka-run-class.sh CLASS', whatever folder the launcher is called from
    // ('$(dirname $0)/kafka-run-class.sh' has a blank of its own).
    std::string_view invoked = c_->invoked_as;
    const std::size_t launcher = invoked.find("kafka-run-class");
    invoked.remove_prefix(std::min(
        invoked.size(), invoked.find(' ', launcher == std::string_view::npos ? 0 : launcher) + 1));
    std::string msg = (run_class() ? quoted(std::string(invoked)) + " (the class of " + tool + ")"
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
             quoted(tool) + " is not available in Kafka " + k_.to->name + " (added in " + r->name +
                 ")",
             tool);
      return;
    }
  }
  unknown_tool();
}

// KL713: "kafka-console-producer.sh." as the program: the shell looks for a file of that
// name and fails with "command not found"; the mark came from the sentence around it.
void CommandChecker::stray_punctuation() {
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
  em_.fix(fd, {{p.offset + p.length - n, p.offset + p.length, ""}}, "remove " + quoted(mark), true);
}

// KL715: '–bootstrap-server', '—topic': the parser sees a plain argument (unicode_dash.h).
void CommandChecker::unicode_dashes(const CliTool& tool) {
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

void CommandChecker::unknown_tool() {
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
    if (auto edit = rename_program(close[0])) em_.fix(fd, {*edit}, "use '" + close[0] + "'", true);
}

// Tool-level facts of a tool the target ships: replaced tools and retired main classes.
void CommandChecker::tool_changes(const CliTool& tool) {
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

}  // namespace kafkalint::checks::cmd
