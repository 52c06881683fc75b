#pragma once
// Inline suppressions: `# kafkalint: disable=KL101,unknown-key` on the line(s) just above an
// entry or command silences those rules for it; at the top of a file (before anything
// else, and not directly above an entry) it silences them for the whole file.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace kafkalint::knowledge {
class RuleCatalog;
}

namespace kafkalint::checks {

/// A comment line of the checked file: 1-based line and column of the '#', and its text
/// after the '#' (or '!').
struct CommentLine {
  int line = 0;
  int column = 0;
  std::string_view text;
};

/// The lines of one entry (properties) or command (scripts): first and last physical line.
struct Statement {
  int first_line = 0;
  int last_line = 0;
};

class Suppressions {
 public:
  /// `known_rule(token)` says whether a code or name names a rule. Directives naming an
  /// unknown rule become findings in `problems` (KL903 invalid-suppression-comment).
  Suppressions(const std::string& file, const std::vector<CommentLine>& comments,
               const std::vector<Statement>& statements,
               const std::function<bool(std::string_view)>& known_rule,
               std::vector<core::Finding>* problems);

  /// True when `f` is silenced by a directive of this file. Records that the directive's rule
  /// was used (for unused()).
  bool suppressed(const core::Finding& f) const;

  /// Keeps the source line of each directive, for the findings of unused().
  void keep_source_lines(const std::function<std::string(int)>& line_text);

  /// KL904: a finding at each rule a directive names that silenced nothing so far. Rules for
  /// which `could_fire(rule)` is false (a rule the run could not report, e.g. an upgrade rule
  /// without --from) are left alone: their directive may well be needed by another run.
  std::vector<core::Finding> unused(
      const std::function<bool(std::string_view rule)>& could_fire) const;

 private:
  struct Directive {
    int first_line = 0, last_line = 0;  // the statement it applies to; 0/0 for the file
    std::vector<std::string> rules;     // codes or names, lower-cased; "all" for every rule
    std::vector<std::string> written;   // the rules as written, for messages
    int line = 0, column = 0;           // the comment
    std::string source_line;
    mutable std::vector<char> used;  // per rule: it silenced a finding
  };
  std::string file_;
  std::vector<Directive> directives_;
  // Which directives may silence a finding on a line, so that a file of many findings and
  // many directives is not checked all against all: the file-wide ones, and by line, those of
  // the statement covering it (directive indices, ascending).
  std::map<std::string, std::pair<std::size_t, std::size_t>> file_wide_;  // rule -> first use
  std::map<int, std::vector<std::size_t>> by_line_;
};

/// Whether a run could have reported `rule` (a code, name or "all", as a directive names it):
/// only with a target release; upgrade and default-change rules (and "all") only with a
/// starting release too; cluster rules never, since a run may see one broker of several.
bool run_could_report(std::string_view rule, const knowledge::RuleCatalog& rules, bool has_to,
                      bool has_from);

}  // namespace kafkalint::checks
