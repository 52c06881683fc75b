#pragma once
// Renders findings in the output formats of `kafkalint check`: text, json, sarif, github.
// Only this folder and cli/ print.

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace kafkalint::report {

enum class Format { kText, kConcise, kJson, kSarif, kGithub, kGitlab, kJunit, kCheckstyle };

/// The format names `--format` takes, in the order help and errors list them.
const std::vector<std::string_view>& format_names();

/// A name of format_names() -> Format; nullopt for anything else.
[[nodiscard]] std::optional<Format> parse_format(std::string_view name);

/// What a reporter needs to know about a rule (SARIF declares every rule that fired).
struct RuleMeta {
  std::string code;
  std::string name;
  std::string summary;
  core::Severity severity = core::Severity::kWarning;
  std::string help_uri;          // may be empty
  std::string full_description;  // the rule's "why"; may be empty
  std::string help_markdown;     // the rule's page (docs/rules/<CODE>.md); may be empty
};

/// A file that could not be checked, and why: shown, never skipped silently.
struct Skipped {
  std::string file;
  std::string reason;
};

/// Facts about the run that machine formats record (SARIF invocation, JSON summary).
struct RunInfo {
  std::string working_directory;  // absolute; empty when unknown
  std::string target;             // the --to release; empty: none was given
  std::string from;               // the --from release; may be empty
};

struct TextStyle {
  bool color = false;       // ANSI colours (only on a terminal, never with NO_COLOR)
  bool show_source = true;  // the source line and a caret under each finding
  bool concise = false;     // one line per finding, no source, notes, fixes or summary
  bool summary = true;      // the summary line at the end (off with --quiet)
};

/// Writes a report as the findings arrive, so `check` holds no more than the files it is
/// working on: findings go out one by one (in report order), the files that were not
/// checked and the summary at the end.
class Reporter {
 public:
  virtual ~Reporter() = default;
  /// The next finding, in report order (core::finding_less).
  virtual void finding(const core::Finding& f) = 0;
  /// A file that was not checked; listed after the findings.
  virtual void skipped(Skipped s) { skipped_.push_back(std::move(s)); }
  /// Facts about the run; any time before finish().
  virtual void run_info(RunInfo info) { run_ = std::move(info); }
  /// Ends the report: the files not checked and the summary.
  virtual void finish(int files_checked) = 0;

 protected:
  std::vector<Skipped> skipped_;
  RunInfo run_;
};

/// A reporter for `format` writing to `os`. `rules` describes the catalogue (SARIF declares
/// it); `tool_version` is kafkalint's version.
std::unique_ptr<Reporter> make_reporter(std::ostream& os, Format format, const TextStyle& style,
                                        std::vector<RuleMeta> rules, std::string tool_version);

std::unique_ptr<Reporter> make_text_reporter(std::ostream& os, const TextStyle& style);
std::unique_ptr<Reporter> make_json_reporter(std::ostream& os);
std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& os, std::vector<RuleMeta> rules,
                                              std::string tool_version);
std::unique_ptr<Reporter> make_github_reporter(std::ostream& os);
std::unique_ptr<Reporter> make_gitlab_reporter(std::ostream& os);
std::unique_ptr<Reporter> make_junit_reporter(std::ostream& os);
std::unique_ptr<Reporter> make_checkstyle_reporter(std::ostream& os);

/// A reporter that feeds both `first` and `second` (a file report and the text log).
std::unique_ptr<Reporter> tee(std::unique_ptr<Reporter> first, std::unique_ptr<Reporter> second);

/// A whole report at once (tests, small callers): the same output as feeding a Reporter.
struct Report {
  std::vector<core::Finding> findings;  // sorted by core::finding_less
  std::vector<RuleMeta> rules;          // the rule catalogue (SARIF declares it)
  std::vector<Skipped> skipped;
  int files_checked = 0;
  std::string tool_version;
};

void write_text(std::ostream& os, const Report& r, const TextStyle& style);
void write_json(std::ostream& os, const Report& r);
void write_sarif(std::ostream& os, const Report& r);
void write_github(std::ostream& os, const Report& r);

/// Dispatches on `format`.
void write(std::ostream& os, const Report& r, Format format, const TextStyle& style);

}  // namespace kafkalint::report
