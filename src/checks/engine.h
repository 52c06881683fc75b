#pragma once
// `kafkalint check` without the printing: finds the files, checks them on every core,
// applies suppressions, selections, the baseline and (when asked) fixes.

#include <optional>
#include <string>
#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "checks/settings.h"
#include "core/diagnostic.h"
#include "core/finding.h"

namespace kafkalint::checks {

struct CheckRequest {
  std::vector<std::string> paths;  // files or directories; empty means "."
  Settings settings;
  std::vector<std::string> select;  // from the command line, added to the settings' ones
  std::vector<std::string> ignore;
  std::optional<Role> role;  // --role: every properties file is read as this role
  bool fix = false;          // compute fixed file contents (safe fixes)
  bool unsafe_fixes = false; // ... and unsafe ones
  unsigned jobs = 0;         // worker threads; 0 = all cores
};

struct FileOutcome {
  std::string path;
  std::vector<core::Finding> findings;  // sorted
  std::optional<std::string> skipped;   // why the file was not checked
  std::vector<core::Error> errors;      // the file cannot be loaded (Kafka refuses it)
  std::optional<std::string> original;  // kept only when fixes changed the file
  std::optional<std::string> fixed;
  int fixes_applied = 0;
};

struct CheckResult {
  std::vector<FileOutcome> files;  // in path order
  int files_checked = 0;
};

/// A rule selector ("KL101", "KL1", "unknown-key", "ALL") that names no rule.
std::vector<std::string> unknown_selectors(const CheckRequest& req, const knowledge::RuleCatalog& rules);

/// Runs the check. Returns nullopt and *err for a job that cannot be done at all (a path
/// that does not exist); problems of single files are in their outcome.
std::optional<CheckResult> run_check(const CheckRequest& req, const CheckKnowledge& k,
                                     core::Error* err);

}  // namespace kafkalint::checks
