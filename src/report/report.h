#pragma once
// Renders findings in the output formats of `kafkalint check`: text, json, sarif, github.
// Only this folder and cli/ print.

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace kafkalint::report {

enum class Format { kText, kJson, kSarif, kGithub };

/// "text", "json", "sarif", "github" -> Format; nullopt for anything else.
std::optional<Format> parse_format(std::string_view name);

/// What a reporter needs to know about a rule (SARIF declares every rule that fired).
struct RuleMeta {
  std::string code;
  std::string name;
  std::string summary;
  core::Severity severity = core::Severity::kWarning;
  std::string help_uri;  // may be empty
};

/// A file that could not be checked, and why: shown, never skipped silently.
struct Skipped {
  std::string file;
  std::string reason;
};

struct Report {
  std::vector<core::Finding> findings;  // sorted by core::finding_less
  std::vector<RuleMeta> rules;          // metadata of (at least) every code in findings
  std::vector<Skipped> skipped;
  int files_checked = 0;
  std::string tool_version;
};

struct TextStyle {
  bool color = false;       // ANSI colours (only on a terminal, never with NO_COLOR)
  bool show_source = true;  // the source line and a caret under each finding
};

void write_text(std::ostream& os, const Report& r, const TextStyle& style);
void write_json(std::ostream& os, const Report& r);
void write_sarif(std::ostream& os, const Report& r);
void write_github(std::ostream& os, const Report& r);

/// Dispatches on `format`.
void write(std::ostream& os, const Report& r, Format format, const TextStyle& style);

}  // namespace kafkalint::report
