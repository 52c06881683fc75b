#pragma once
// The checker of one command line, shared by the files of src/checks/scripts/: the tool
// (tools.cpp), its options (options.cpp) and the edits that fix them (fixes.cpp). check(),
// the order the families run in, and the text helpers are in src/checks/script_checks.cpp.

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/script_checks.h"
#include "checks/unicode_dash.h"
#include "core/strings.h"
#include "core/suggest.h"

namespace kafkalint::checks::cmd {

using core::starts_with;
using knowledge::CliCatalog;
using knowledge::CliOption;
using knowledge::CliTool;
using knowledge::Release;
using scripts::CommandLine;
using scripts::Token;

bool is_number(std::string_view s);

// Shell-parsed flags of the bin/*.sh wrappers (only honoured in one position).
bool is_shell_flag(std::string_view name);

std::string quoted(std::string_view s);

std::string join_quoted(const std::vector<std::string>& v, std::size_t limit = 3);

std::string did_you_mean(const std::vector<std::string>& v);

// Options close to `name`: by edit distance, else the options it is a prefix of, else those
// sharing a long stem ("--description" -> "--describe").
std::vector<std::string> suggest_option(std::string_view name, const std::vector<std::string>& all);

std::vector<std::string> names_of(const std::vector<CliOption>& opts);

// Where the written option name sits in a token's original bytes (after an opening quote
// at most); npos when the bytes do not spell it literally (escapes, entities, expansions).
std::size_t name_offset(const Token& t, std::string_view written);

// Options whose value means something else under the replacement (a ZooKeeper address, an
// authorizer class, a metadata level): renaming them would not keep the command's meaning.
bool value_changes_meaning(std::string_view option);

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
    const core::TextPosition p = f_.lines.position(off);
    *line = p.line;
    *col = p.column;
  }

  const ScriptFile& f_;
  const CheckKnowledge& k_;
  std::vector<core::Finding>* out_;
};

class CommandChecker {
 public:
  CommandChecker(const ScriptFile& f, const CheckKnowledge& k, const ScriptKnowledge& s,
                 const std::optional<std::string>& bootstrap, std::vector<core::Finding>* out)
      : f_(f), k_(k), s_(s), bootstrap_(bootstrap), em_(f, k, out), out_(out) {}

  /// Every check of one command line: the tool, then its options.
  void check(const CommandLine& c);

  /// After the last command: attaches the broker-address fixes whose result reads back as
  /// intended (fixes.cpp); the others get a note saying why there is no fix.
  void finish();

 private:
  struct Scope {
    const CliTool* tool = nullptr;
    std::vector<std::string> names;  // options accepted here, sorted
    bool jopt = false, argp = false, abbrev = false;
  };

  // tools.cpp: the tool itself (missing, removed, renamed, unknown), punctuation, dashes
  bool run_class() const { return c_->invoked_as.find(' ') != std::string::npos; }
  const CliTool* tool_in_history(std::string_view script) const;
  std::vector<std::string> all_tools() const;
  std::optional<ScriptEmitter::Edit> rename_program(std::string_view new_script) const;
  bool can_insert_after_program() const;
  void replace_tool_fix(core::Finding& fd, const knowledge::ToolChange& change);
  void from_note(core::Finding& fd, bool works_in_from) const;
  bool tool_in(const Release* r, std::string_view script) const;
  void tool_missing();
  void stray_punctuation();
  void unicode_dashes(const CliTool& tool);
  void unknown_tool();
  void tool_changes(const CliTool& tool);

  // options.cpp: the options and their values, per parser and sub-command
  Scope scope_for(const CliTool& tool, const knowledge::CliSubcommand* sub,
                  const CliTool* layout = nullptr) const;
  const CliOption* option_of(const Scope& s, std::string_view name) const;
  std::vector<std::string> prefixed(const Scope& s, std::string_view prefix) const;
  bool is_option_token(const Scope& s, const Token& t) const;
  void check_args(const CliTool& tool);
  std::size_t split_option(const Scope& s, std::size_t i, const std::string& written,
                           bool has_inline);
  const CliTool* subcommand_layout(const CliTool& tool) const;
  void top_option_after_subcommand(const CliTool& tool, std::size_t i, const CliOption& o,
                                   bool has_inline);
  bool blank_gap(std::size_t from, std::size_t to) const;
  void report_split(const Scope& s, const Token& first, const Token& last,
                    const std::string& written, const std::string& name, const CliOption& o,
                    std::size_t next, bool typo);
  const CliOption* resolve(const Scope& s, const Token& t, const std::string& written,
                           bool has_inline);
  void after_resolve(const Scope& s, const Token& t, const std::string& written, const CliOption& o,
                     bool /*has_inline*/);
  void unknown_option(const Scope& s, const Token& t, const std::string& written,
                      const std::string& long_name);
  bool same_meaning(const Scope& s, const Token& t, const std::string& to) const;
  void value_checks(const CliOption* opt, const Token& value, const std::string& text);

  // fixes.cpp: replacement edits
  void rename_fix(core::Finding& fd, const Token& t, const std::string& written,
                  const std::string& to, bool safe, std::string title);
  void replacement_fix(core::Finding& fd, const Scope& s, const Token& t,
                       const std::string& written, const std::string& name,
                       const std::string& replacement);
  void zookeeper_fix(core::Finding& fd, const Token& t, const std::string& written);

  // A fix that pastes a broker address, held until the file is read back with it (fixes.cpp).
  struct AddressFix {
    std::size_t finding = 0;                 // index in *out_
    std::size_t command = 0;                 // index in f_.extracted.commands
    std::vector<ScriptEmitter::Edit> edits;  // the last edit is the one that writes the address
    std::vector<std::string> encodings;      // of that edit, best first
    std::vector<std::string> expected;       // the command's arguments after the fix
    std::size_t value_arg = 0;               // the argument that holds the address
    /// The address holds a character a shell reads ('[' globs): its quotes must belong to
    /// the word the innermost shell reads, not close and reopen an enclosing quote.
    bool needs_quotes = false;
    std::string title;
    bool safe = false;
    std::size_t accepted = std::string::npos;  // index in `encodings`
  };
  bool reads_back(const std::vector<const AddressFix*>& fixes, const std::vector<std::size_t>& enc,
                  std::vector<bool>* ok) const;

  const ScriptFile& f_;
  const CheckKnowledge& k_;
  const ScriptKnowledge& s_;
  const std::optional<std::string>& bootstrap_;
  ScriptEmitter em_;
  std::vector<core::Finding>* out_;
  std::vector<AddressFix> pending_;
  const CommandLine* c_ = nullptr;
  const CliCatalog* target_ = nullptr;
  std::string resolved_;      // the option name the parser reads the current word as
  std::string subcommand_;    // the argparse4j sub-command read so far, when scoped
  std::string sub_name_;      // the argparse4j sub-command read so far, scoped or not
  std::size_t sub_word_ = 0;  // its index in the arguments
};

}  // namespace kafkalint::checks::cmd
