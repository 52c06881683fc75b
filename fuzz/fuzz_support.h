#pragma once
// What the fuzz targets share: the assertion that turns a broken property into a crash
// libFuzzer reports, and the knowledge a properties check needs (2.1 -> 3.9), loaded once.

#include <cstdio>
#include <cstdlib>
#include <optional>

#include "checks/context.h"
#include "knowledge/catalog.h"
#include "knowledge/configs.h"
#include "knowledge/pack_source.h"
#include "knowledge/versions.h"

namespace kafkalint::fuzz {

/// Aborts when a property the target asserts does not hold, naming the target's line so a
/// crash report says which property broke.
inline void require(bool ok, const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
  if (ok) return;
  std::fprintf(stderr, "fuzz: requirement failed at %s:%d\n", file, line);
  std::abort();
}

/// The embedded packs and a CheckKnowledge for an upgrade 2.1 -> 3.9. Build one as a
/// function-local static: loading takes longer than a run.
struct Loaded {
  knowledge::PackSource packs;
  std::optional<knowledge::VersionCatalog> versions;
  std::optional<knowledge::RuleCatalog> rules;
  std::optional<knowledge::KeyFacts> keys;
  std::optional<knowledge::SafetyFacts> safety;
  std::optional<knowledge::ConfigCatalog> configs, from_configs;
  checks::CheckKnowledge k;
  Loaded() {
    core::Error err;
    versions = knowledge::VersionCatalog::load(packs).take(&err);
    rules = knowledge::RuleCatalog::load(packs).take(&err);
    keys = knowledge::KeyFacts::load(packs, *rules).take(&err);
    safety = knowledge::SafetyFacts::load(packs, *rules).take(&err);
    configs = knowledge::load_configs(packs, "3.9").take(&err);
    from_configs = knowledge::load_configs(packs, "2.1").take(&err);
    require(versions && rules && keys && safety && configs && from_configs);
    k.versions = &*versions;
    k.rules = &*rules;
    k.keys = &*keys;
    k.safety = &*safety;
    k.to = versions->find_line("3.9");
    k.from = versions->find_line("2.1");
    k.configs = &*configs;
    k.from_configs = &*from_configs;
    k.reference = k.to;
  }
};

}  // namespace kafkalint::fuzz
