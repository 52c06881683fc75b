#pragma once
// A finding: what a check reports about one place in one file, with an optional fix.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/rule_id.h"

namespace kafkalint::core {

/// Replace `length` bytes at `offset` of the file with `replacement`.
struct TextEdit {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string replacement;
  // 1-based positions of the replaced range, for reporters that speak in lines (SARIF).
  int line = 0, column = 0, end_line = 0, end_column = 0;
};

enum class FixSafety { kSafe, kUnsafe };

/// Edits that resolve a finding. Safe fixes keep the meaning the user intended and are
/// applied by --fix; unsafe ones need --unsafe-fixes (they may guess, e.g. a broker address).
struct Fix {
  std::string title;  // "replace with 'log.message.format.version'"
  FixSafety safety = FixSafety::kSafe;
  std::vector<TextEdit> edits;
};

struct Finding {
  std::string code;  // "KL101"
  std::string name;  // "unknown-key"
  Severity severity = Severity::kWarning;
  Location where;
  int length = 0;                  // columns to underline after where.column (0 = just a caret)
  std::string message;             // lowercase, no trailing period, user tokens in single quotes
  std::string subject;             // the property key or command-line flag the finding is about
  std::string suggestion;          // "did you mean 'log.message.format.version'?"; may be empty
  std::vector<std::string> notes;  // extra context, one "note:" line each
  std::optional<Fix> fix;
  std::string source_line;  // the line as written (UTF-8), for the caret display; may be empty

  bool is(RuleId id) const { return code == core::code(id); }
};

/// The order files are checked and reported in: a folder's files before its subfolders,
/// each level by name ("a/x", "a/z", "a/b/y"). Keeping a folder's files together lets
/// `check` finish a folder (and its cluster checks) before it reads the next one.
bool path_less(std::string_view a, std::string_view b);

/// The folder order path_less uses: "a" < "a/b" < "a/b/c" < "a/d" < "a-c" (the order a
/// depth-first walk visits them in). "" is the current folder, first of all.
bool folder_less(std::string_view a, std::string_view b);

/// Deterministic order: file (path_less), line, column, code, message.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace kafkalint::core
