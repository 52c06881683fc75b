#pragma once
// Baselines let a repository adopt kafkalint and fail only on new findings: the findings
// of today are written once (--write-baseline) and matched away on later runs (--baseline).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// A finding's identity across runs: rule, file, subject and the trimmed source line, not
/// the line number, so unrelated edits above it do not make it "new".
std::string baseline_key(const core::Finding& f);

class Baseline {
 public:
  /// Reads a baseline written by `render`; a malformed file is a located error.
  static std::optional<Baseline> load(const std::string& path, core::Error* err);
  /// The baseline of `findings`, as JSON text (sorted, deterministic).
  static std::string render(const std::vector<core::Finding>& findings);

  /// Removes from `findings` those the baseline knows (each baseline entry absorbs as many
  /// findings as it counted). Returns how many were removed.
  std::size_t filter(std::vector<core::Finding>* findings) const;

 private:
  std::map<std::string, int> counts_;
};

}  // namespace kafkalint::checks
