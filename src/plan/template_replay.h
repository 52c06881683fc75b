#pragma once
// Plans edit templated broker files (.j2, .erb, {{VAR}} placeholders) on their masked view,
// where placeholders are underscores and control lines blanks, at the same offsets. This
// replays each phase's edits on the template itself, so placeholders and {% %} lines come
// through byte for byte, and says which edits would have to change template code.

#include <string>
#include <vector>

namespace kafkalint::plan {

/// A template and its masked view, line for line: line i of `real` is what the template
/// holds where line i of `masked` is what the planner sees. Where a line of `real` differs
/// from its masked line at a byte, that byte is template code.
struct TemplatePair {
  std::string real;
  std::string masked;
};

struct TemplateEdit {
  int line = 0;                             ///< 1-based line of the template, before the edit
  std::string masked_before, masked_after;  ///< the line as the planner edited it
  std::string real;                         ///< the template's line, kept as it is
};

struct [[nodiscard]] ReplayResult {
  TemplatePair after;
  /// Edits that would replace template code (a placeholder in the value being set): the
  /// template keeps its line; the operator must make the template render the new line.
  std::vector<TemplateEdit> by_hand;
};

/// Replays on `before.real` the line edits that turned `before.masked` into `masked_after`:
/// unchanged lines keep the template's bytes, a commented-out line is the template's line
/// behind '#', a changed value is spliced into the template's line when the bytes it
/// replaces hold no template code, new lines are added as they are.
ReplayResult replay_on_template(const TemplatePair& before, const std::string& masked_after);

}  // namespace kafkalint::plan
