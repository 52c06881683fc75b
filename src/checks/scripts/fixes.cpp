// The edits that fix command-line findings: renames, replacements, a ZooKeeper address
// swapped for a broker address.

#include "checks/scripts/command_checker.h"

namespace kafkalint::checks::cmd {

void CommandChecker::rename_fix(core::Finding& fd, const Token& t, const std::string& written,
                                const std::string& to, bool safe, std::string title) {
  if (t.opaque && written.find_first_of("${`") != std::string::npos) return;
  const std::size_t at = name_offset(t, written);
  if (at == std::string::npos) return;
  em_.fix(fd, {{t.offset + at, t.offset + at + written.size(), to}}, std::move(title), safe);
}

// The fix of a removed or deprecated option: a plain rename when the value carries over,
// or the ZooKeeper address swapped for a broker address.
void CommandChecker::replacement_fix(core::Finding& fd, const Scope& s, const Token& t,
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

void CommandChecker::zookeeper_fix(core::Finding& fd, const Token& t, const std::string& written) {
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
std::string CommandChecker::value_text(const std::string& addr, const std::string& old_raw) const {
  if (!old_raw.empty() && (old_raw[0] == '"' || old_raw[0] == '\''))
    return old_raw[0] + addr + old_raw[0];
  if (addr.find_first_of("<>|&;()$`\\\"' \t*?[]#~") != std::string::npos) return "'" + addr + "'";
  return addr;
}

}  // namespace kafkalint::checks::cmd
