#pragma once
// Loads what the planner needs from the packs, once, and the per-release references on
// demand (the property test plans hundreds of pairs with one store).

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "checks/context.h"
#include "knowledge/pack_source.h"
#include "plan/plan.h"

namespace kafkalint::plan {

/// Owns the loaded packs; references it hands out live as long as the store.
class KnowledgeStore {
 public:
  /// Loads versions, rules, keys and safety facts. nullptr and *err on a bad pack.
  static std::unique_ptr<KnowledgeStore> load(const knowledge::PackSource& packs, core::Error* err);

  const knowledge::VersionCatalog& versions() const { return *versions_; }
  const knowledge::RuleCatalog& rules() const { return *rules_; }
  const knowledge::KeyFacts& keys() const { return *keys_; }
  const knowledge::SafetyFacts& safety() const { return *safety_; }

  /// The configuration reference of `r`; nullptr when it has none (before 0.9) or *err.
  const knowledge::ConfigCatalog* configs(const knowledge::Release& r, core::Error* err);
  /// The command-line reference of `r`; nullptr when it has none (before 0.8.2) or *err.
  const knowledge::CliCatalog* cli(const knowledge::Release& r, core::Error* err);

  /// Everything make_plan needs for from -> to. nullopt and *err when a pack is bad.
  std::optional<PlanKnowledge> for_pair(const knowledge::Release& from,
                                        const knowledge::Release& to, core::Error* err);

  /// The knowledge `check --to release` uses (for tests that check the planned files).
  std::optional<checks::CheckKnowledge> for_check(const knowledge::Release& release,
                                                  core::Error* err);

 private:
  knowledge::PackSource packs_;
  std::optional<knowledge::VersionCatalog> versions_;
  std::optional<knowledge::RuleCatalog> rules_;
  std::optional<knowledge::KeyFacts> keys_;
  std::optional<knowledge::SafetyFacts> safety_;
  std::map<std::string, std::unique_ptr<knowledge::ConfigCatalog>> configs_;
  std::map<std::string, std::unique_ptr<knowledge::CliCatalog>> cli_;
};

}  // namespace kafkalint::plan
