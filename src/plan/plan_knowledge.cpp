#include "plan/plan_knowledge.h"

namespace kafkalint::plan {

core::Result<PlanKnowledge> load_plan_knowledge(const knowledge::Store& store,
                                                const knowledge::Release& from,
                                                const knowledge::Release& to) {
  return core::capture<PlanKnowledge>([&](core::Error* err) -> std::optional<PlanKnowledge> {
    using Part = knowledge::Store::Part;
    if (const core::Error* e =
            store.load({Part::kVersions, Part::kRules, Part::kKeys, Part::kSafety})) {
      *err = *e;
      return std::nullopt;
    }
    PlanKnowledge k;
    k.versions = store.versions().get();
    k.rules = store.rules().get();
    k.keys = store.keys().get();
    k.safety = store.safety().get();
    const auto from_configs = store.configs(from), to_configs = store.configs(to);
    const auto from_cli = store.cli(from), to_cli = store.cli(to);
    // All four are read before one is reported; of several broken packs, the last read is named.
    const core::Error* broken = nullptr;
    if (from_configs.failed()) broken = &from_configs.error();
    if (to_configs.failed()) broken = &to_configs.error();
    if (from_cli.failed()) broken = &from_cli.error();
    if (to_cli.failed()) broken = &to_cli.error();
    if (broken) {
      *err = *broken;
      return std::nullopt;
    }
    k.from_configs = from_configs.get();
    k.to_configs = to_configs.get();
    k.from_cli = from_cli.get();
    k.to_cli = to_cli.get();
    return k;
  });
}

}  // namespace kafkalint::plan
