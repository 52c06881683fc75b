#pragma once
// The command-line packs of every release line, as script checks walk them: a view over
// the knowledge store, which loads each pack the first time a check asks for it (most runs
// need two or three lines: --to, --from, the newest).

#include <vector>

#include "knowledge/cli_pack.h"
#include "knowledge/store.h"
#include "knowledge/versions.h"

namespace kafkalint::checks {

/// The release lines with a command-line pack, and their catalogues on demand. Thread-safe.
class CliHistory {
 public:
  /// `store` must outlive the history; `versions` is its release catalogue.
  CliHistory(const knowledge::Store& store, const knowledge::VersionCatalog& versions);

  /// Release lines that have a CLI pack, oldest first (released or not).
  const std::vector<const knowledge::Release*>& lines() const { return lines_; }

  /// The catalogue of `release`'s line, loading it on first use; nullptr when the line has no
  /// pack or the pack cannot be read (checks then go without that line's history).
  const knowledge::CliCatalog* at(const knowledge::Release& release) const {
    return store_.cli(release).get();
  }

  /// The newest line with a pack (unreleased ones included): the widest option history,
  /// since its removal records name every option an earlier line had.
  const knowledge::Release* newest() const { return lines_.empty() ? nullptr : lines_.back(); }

 private:
  const knowledge::Store& store_;
  std::vector<const knowledge::Release*> lines_;
};

}  // namespace kafkalint::checks
