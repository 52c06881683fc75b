#pragma once
// The command-line packs of every release line, loaded on first use. Script checks run on
// several worker threads and most runs need only two or three lines (--to, --from, the
// newest), so packs are parsed lazily under a mutex instead of all up front.

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "knowledge/cli_pack.h"
#include "knowledge/pack_source.h"
#include "knowledge/versions.h"

namespace kafkalint::checks {

/// Thread-safe, lazily filled cache of the per-release CLI catalogues.
class CliHistory {
 public:
  /// `packs` and `versions` must outlive the history.
  CliHistory(const knowledge::PackSource& packs, const knowledge::VersionCatalog& versions);
  CliHistory(const CliHistory&) = delete;
  CliHistory& operator=(const CliHistory&) = delete;

  /// Release lines that have a CLI pack, oldest first (released or not).
  const std::vector<const knowledge::Release*>& lines() const { return lines_; }

  /// The catalogue of `release`'s line, loading it on first use; nullptr when the line has no
  /// pack or the pack cannot be read (then load_errors() says why).
  const knowledge::CliCatalog* at(const knowledge::Release& release) const;

  /// Loads `release`'s pack now; false and *err when it cannot (for up-front validation).
  bool preload(const knowledge::Release& release, core::Error* err) const;

  /// The newest line with a pack (unreleased ones included): the widest option history,
  /// since its removal records name every option an earlier line had.
  const knowledge::Release* newest() const { return lines_.empty() ? nullptr : lines_.back(); }

  /// Errors of packs that failed to load lazily.
  std::vector<core::Error> load_errors() const;

 private:
  std::size_t index_of(const knowledge::Release& release) const;

  const knowledge::PackSource& packs_;
  std::vector<const knowledge::Release*> lines_;
  mutable std::mutex mutex_;
  // One slot per line; the pointer is published after the catalogue is complete.
  mutable std::vector<std::unique_ptr<knowledge::CliCatalog>> owned_;
  mutable std::unique_ptr<std::atomic<const knowledge::CliCatalog*>[]> ready_;
  mutable std::vector<bool> failed_;
  mutable std::vector<core::Error> errors_;
};

}  // namespace kafkalint::checks
