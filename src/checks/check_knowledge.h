#pragma once
// The knowledge of one `check` run, drawn from the knowledge store.

#include <optional>

#include "checks/context.h"
#include "core/diagnostic.h"
#include "core/result.h"
#include "knowledge/store.h"

namespace kafkalint::checks {

/// What `check --to to --from from` checks with (either may be nullptr; releases of
/// store.versions()): the configuration references of `to` (or, without it, of the newest
/// released line) and of `from`, the rule, key and safety facts, and the command-line
/// knowledge, read the first time a script is checked. `store` must outlive the result.
/// nullopt and *err when a pack is broken or a release has no configuration reference.
core::Result<CheckKnowledge> load_check_knowledge(const knowledge::Store& store,
                                                  const knowledge::Release* to,
                                                  const knowledge::Release* from);

}  // namespace kafkalint::checks
