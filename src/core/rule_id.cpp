#include "core/rule_id.h"

#include <iterator>

namespace kafkalint::core {

namespace {

struct Row {
  std::string_view code;
  std::string_view name;
  Severity severity;
};

constexpr Row kRows[] = {
#define KAFKALINT_RULE_ROW(code, name, severity) {#code, name, Severity::severity},
    KAFKALINT_RULE_IDS(KAFKALINT_RULE_ROW)
#undef KAFKALINT_RULE_ROW
};
static_assert(std::size(kRows) == std::size(kAllRuleIds));

}  // namespace

std::string_view code(RuleId id) { return kRows[static_cast<std::size_t>(id)].code; }

std::string_view name(RuleId id) { return kRows[static_cast<std::size_t>(id)].name; }

Severity default_severity(RuleId id) { return kRows[static_cast<std::size_t>(id)].severity; }

std::optional<RuleId> rule_id(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kRows); ++i)
    if (kRows[i].code == code) return kAllRuleIds[i];
  return std::nullopt;
}

}  // namespace kafkalint::core
