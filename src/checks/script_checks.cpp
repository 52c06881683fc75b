// Kafka command lines in scripts and docs: each is checked by cmd::CommandChecker, whose
// families are in src/checks/scripts/ (tools, options, fixes). This file holds the order
// they run in (CommandChecker::check), the text helpers they share, and the entry points.

#include "checks/script_checks.h"

#include "checks/scripts/command_checker.h"

namespace kafkalint::checks {

namespace cmd {

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

std::string join_quoted(const std::vector<std::string>& v, std::size_t limit) {
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

void CommandChecker::check(const CommandLine& c) {
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

}  // namespace cmd

scripts::ExtractOptions extract_options(const knowledge::FlagFacts& flags) {
  scripts::ExtractOptions o;
  for (const knowledge::RunClassAlias& a : flags.run_classes()) {
    // The newest use of a class wins (the list is ordered oldest first per class).
    o.main_classes[a.main_class] = a.tool;
  }
  return o;
}

std::string_view ScriptFile::line_text(int line) const {
  if (!lines.has(line)) return {};
  const std::size_t b = lines.start(line);
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
  f.lines = core::LineIndex(f.content);
  f.extracted = scripts::extract(f.path, f.content, kind, s.extract);
  return f;
}

void check_script(const ScriptFile& f, const CheckKnowledge& k, const ScriptKnowledge& s,
                  const std::optional<std::string>& bootstrap, std::vector<core::Finding>* out) {
  if (!s.cli || !s.flags) return;
  cmd::CommandChecker checker(f, k, s, bootstrap, out);
  for (const scripts::CommandLine& c : f.extracted.commands) checker.check(c);
  checker.finish();
}

}  // namespace kafkalint::checks
