#pragma once
// Typed rule identity. Every check names the rule it reports as a RuleId (RuleId::KL101), an
// enumerator generated at build time from rules/kafka/rules.toml (tools/gen_rule_ids.cpp):
// a mistyped code, or one whose rule was removed, does not compile. Packs that feed rules
// (`rule = "KL103"` in keys.toml) are converted with rule_id() when they load, so a
// mistyped code there fails at load with its location.

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/diagnostic.h"
#include "rule_id_list.h"

namespace kafkalint::core {

enum class RuleId : std::uint16_t {
#define KAFKALINT_RULE_ENUM(code, name, severity) code,
  KAFKALINT_RULE_IDS(KAFKALINT_RULE_ENUM)
#undef KAFKALINT_RULE_ENUM
};

/// Every rule id, in catalogue order.
inline constexpr RuleId kAllRuleIds[] = {
#define KAFKALINT_RULE_ENTRY(code, name, severity) RuleId::code,
    KAFKALINT_RULE_IDS(KAFKALINT_RULE_ENTRY)
#undef KAFKALINT_RULE_ENTRY
};

/// The code as the catalogue and every report spell it (RuleId::KL101).
std::string_view code(RuleId id);

/// The rule's name as the built-in catalogue gives it ("unknown-key").
std::string_view name(RuleId id);

/// The rule's severity in the built-in catalogue (a --rules catalogue may change it).
Severity default_severity(RuleId id);

/// The id of a code (RuleId::KL101), exactly as spelled; nullopt for an unknown or removed code.
std::optional<RuleId> rule_id(std::string_view code);

}  // namespace kafkalint::core

namespace kafkalint {
// Every layer names rules; one spelling everywhere.
using core::RuleId;
}  // namespace kafkalint
