#pragma once
// The one place the packs are loaded. Every command asks the store, which reads a pack the
// first time someone needs it and never again, whichever thread asks: `check` reads only the
// packs its files need, and its workers share them.

#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/diagnostic.h"
#include "knowledge/catalog.h"
#include "knowledge/cli_pack.h"
#include "knowledge/configs.h"
#include "knowledge/pack_source.h"
#include "knowledge/versions.h"

namespace kafkalint::knowledge {

/// What a lookup in the store gives: the item; or nothing, because the packs have no such
/// item (no configuration reference before 0.9); or the located error of a broken pack.
template <typename T>
class [[nodiscard]] Lookup {
 public:
  static Lookup found(const T& item) { return Lookup(&item, nullptr); }
  static Lookup none() { return Lookup(nullptr, nullptr); }
  static Lookup failed(const core::Error& error) { return Lookup(nullptr, &error); }

  /// True when the item was found.
  explicit operator bool() const { return item_ != nullptr; }
  const T& operator*() const { return *item_; }
  const T* operator->() const { return item_; }
  /// The item, or nullptr when there is none or its pack is broken.
  const T* get() const { return item_; }
  /// True when the pack of the item is broken.
  bool failed() const { return error_ != nullptr; }
  /// Where and why the pack is broken; only when failed().
  const core::Error& error() const { return *error_; }

 private:
  Lookup(const T* item, const core::Error* error) : item_(item), error_(error) {}
  const T* item_;
  const core::Error* error_;
};

/// The packs of one run, each loaded on first use. Every lookup is thread-safe; what it
/// returns lives as long as the store.
class Store {
 public:
  /// The packs that do not depend on a release, for load() and preload().
  enum class Part { kVersions, kRules, kRuleDocs, kKeys, kFlags, kSafety };

  explicit Store(PackSource packs = {});
  /// Waits for a preload() still running.
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const PackSource& packs() const { return packs_; }

  Lookup<VersionCatalog> versions() const;
  /// The rule catalogue without the long documentation (all `check` needs).
  Lookup<RuleCatalog> rules() const;
  /// The rule catalogue with why, example and example fix (kafka/rule-docs.toml).
  Lookup<RuleCatalog> documented_rules() const;
  Lookup<KeyFacts> keys() const;
  Lookup<FlagFacts> flags() const;
  Lookup<SafetyFacts> safety() const;

  /// The configuration reference of release line `r`; none when the line has none (before
  /// 0.9) or versions() does not know the line.
  Lookup<ConfigCatalog> configs(const Release& r) const;
  /// The command-line reference of release line `r`; none when the line has none (0.8.0,
  /// 0.8.1) or versions() does not know the line.
  Lookup<CliCatalog> cli(const Release& r) const;

  /// Loads `parts` in order; the error of the first that fails, or nullptr.
  const core::Error* load(const std::vector<Part>& parts) const;
  /// Starts loading `parts` on a second thread: start-up is mostly TOML decoding, and a
  /// command can meanwhile read other packs. Lookups of a part being loaded wait for it.
  void preload(std::vector<Part> parts);

 private:
  template <typename T>
  struct Slot {
    std::once_flag once;
    std::optional<T> value;
    core::Error error;
  };
  // Fills `slot` with read(&error) on first use; the lookup of what it holds.
  template <typename T, typename Read>
  static Lookup<T> once(Slot<T>& slot, Read&& read);

  PackSource packs_;
  mutable Slot<VersionCatalog> versions_;
  // One slot per line of versions_, in its order; made when versions_ loads, so lookups of
  // a release take no lock.
  mutable std::unique_ptr<Slot<ConfigCatalog>[]> configs_;
  mutable std::unique_ptr<Slot<CliCatalog>[]> cli_;
  mutable Slot<RuleCatalog> rules_, documented_rules_;
  mutable Slot<KeyFacts> keys_;
  mutable Slot<FlagFacts> flags_;
  mutable Slot<SafetyFacts> safety_;
  std::thread preloader_;
};

/// The newest released line with a configuration reference: what key names and types are
/// read against when no release is given. nullptr when no line has one.
const Release* newest_reference(const VersionCatalog& versions);

}  // namespace kafkalint::knowledge
