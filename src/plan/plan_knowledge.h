#pragma once
// What the planner reads from the packs, drawn from the knowledge store.

#include <optional>

#include "core/diagnostic.h"
#include "core/result.h"
#include "knowledge/store.h"
#include "plan/plan.h"

namespace kafkalint::plan {

/// Everything make_plan needs for `from` -> `to` (releases of store.versions()); the store
/// must outlive it. A release without a configuration or command-line reference leaves that
/// pointer null; nullopt and *err when a pack is broken.
core::Result<PlanKnowledge> load_plan_knowledge(const knowledge::Store& store,
                                                const knowledge::Release& from,
                                                const knowledge::Release& to);

}  // namespace kafkalint::plan
