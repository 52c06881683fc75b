#pragma once
// `kafkalint check` without the printing: finds the files, checks them on every core,
// applies suppressions, selections, the baseline and (when asked) fixes.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "checks/settings.h"
#include "core/diagnostic.h"
#include "core/finding.h"
#include "core/result.h"

namespace kafkalint::checks {

struct CheckRequest {
  std::vector<std::string> paths;  // files or directories; empty means "."
  Settings settings;
  std::vector<std::string> select;  // from the command line, added to the settings' ones
  std::vector<std::string> ignore;
  std::optional<Role> role;   // --role: every properties file is read as this role
  bool fix = false;           // compute fixed file contents (safe fixes)
  bool unsafe_fixes = false;  // ... and unsafe ones
  unsigned jobs = 0;          // worker threads; 0 = all cores
  /// With `fix`: writes one fixed file (--fix); the file is then checked again and its
  /// outcome tells what the fixes left. Unset (--diff): outcomes carry the fixed text.
  std::function<bool(const std::string& path, const std::string& text, core::Error* err)>
      write_fixed;
  /// Called (on the calling thread) for each folder the walk does not enter: a version-control
  /// or build folder, or one the settings exclude. For -v.
  std::function<void(const std::string& folder, const char* why)> skipped_folder;
  /// Whether the walk passes over a file or folder it meets (.gitignore); files named on the
  /// command line are always checked.
  std::function<bool(const std::string& path, bool is_dir)> ignored;
  /// Files given by their content instead of on disk (stdin with --stdin-filename): the path
  /// they are reported under -> their bytes. Each must also be in `paths`; it is checked as a
  /// file named on the command line, and never written.
  std::map<std::string, std::string> contents;
  /// --fix: called (on the calling thread) with each finding whose fix was written, in every
  /// pass. For --show-fixes.
  std::function<void(const core::Finding& fixed)> fix_written;
};

struct [[nodiscard]] FileOutcome {
  std::string path;
  std::vector<core::Finding> findings;  // sorted
  std::optional<std::string> skipped;   // why the file was not checked
  std::vector<core::Error> errors;      // the file cannot be loaded (Kafka refuses it)
  std::optional<std::string> original;  // kept only when fixes changed the file
  std::optional<std::string> fixed;
  int fixes_applied = 0;
  std::vector<core::Finding> fixes;  // the findings whose fixes make `fixed`
};

struct CheckSummary {
  int files_checked = 0;  // files checked (not skipped, not refused)
  int files_fixed = 0;    // files --fix wrote
  int fixes_applied = 0;  // fixes in them
};

/// Receives the outcome of each file in report order (core::path_less), on the thread that
/// called run_check, a chunk of files at a time: nothing is kept once it returns.
using OutcomeSink = std::function<void(FileOutcome& outcome)>;

/// A rule selector ("KL101", "KL1", "unknown-key", "ALL") that names no rule.
std::vector<std::string> unknown_selectors(const CheckRequest& req,
                                           const knowledge::RuleCatalog& rules);

/// Runs the check, handing each file's outcome to `sink`. Returns nullopt and *err for a
/// job that cannot be done at all (a path that does not exist, a fixed file that cannot be
/// written); problems of single files are in their outcome.
core::Result<CheckSummary> run_check(const CheckRequest& req, const CheckKnowledge& k,
                                     const OutcomeSink& sink);

}  // namespace kafkalint::checks
