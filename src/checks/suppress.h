#pragma once
// Inline suppressions: `# kafkalint: disable=KL101,unknown-key` on the line(s) just above an
// entry or command silences those rules for it; at the top of a file (before anything
// else, and not directly above an entry) it silences them for the whole file.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

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

  /// True when `f` is silenced by a directive of this file.
  bool suppressed(const core::Finding& f) const;

 private:
  struct Directive {
    int first_line = 0, last_line = 0;  // the statement it applies to; 0/0 for the file
    std::vector<std::string> rules;     // codes or names, lower-cased; "all" for every rule
  };
  std::vector<Directive> directives_;
};

}  // namespace kafkalint::checks
