#pragma once
// Baselines let a repository adopt kafkalint and fail only on new findings: the findings
// of today are written once (--write-baseline) and matched away on later runs (--baseline).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/finding.h"
#include "core/result.h"

namespace kafkalint::checks {

/// A finding's identity across runs: rule, file, subject and the trimmed source line, not
/// the line number, so unrelated edits above it do not make it "new".
std::string baseline_key(const core::Finding& f);

class Baseline {
 public:
  /// Reads a baseline written by `render`; a malformed file is a located error.
  static core::Result<Baseline> load(const std::string& path);
  /// The same from `contents`, the text of the file `path` (named in errors).
  static core::Result<Baseline> parse(const std::string& contents, const std::string& path);
  /// The baseline of `findings`, as JSON text (sorted, deterministic).
  static std::string render(const std::vector<core::Finding>& findings);

  /// True when the baseline absorbs `f`: each entry absorbs as many findings as it counted,
  /// so calls consume it. A finding's key names its file, so a run may ask file by file.
  bool absorbs(const core::Finding& f);

  /// Removes from `findings` those the baseline absorbs. Returns how many were removed.
  std::size_t filter(std::vector<core::Finding>* findings);

 private:
  std::map<std::string, std::int64_t> counts_;
};

/// Collects findings for --write-baseline as they are reported: it keeps one entry per
/// distinct key, not the findings.
class BaselineWriter {
 public:
  void add(const core::Finding& f);
  std::size_t findings() const { return total_; }
  /// The JSON text of the baseline (sorted by key, deterministic).
  std::string render() const;

 private:
  struct Entry {
    std::string rule, file, subject, line_text;
    int count = 0;
  };
  std::map<std::string, Entry> entries_;
  std::size_t total_ = 0;
};

}  // namespace kafkalint::checks
