#include "checks/cli_history.h"

namespace kafkalint::checks {

CliHistory::CliHistory(const knowledge::Store& store, const knowledge::VersionCatalog& versions)
    : store_(store) {
  for (const knowledge::Release& r : versions.lines())
    if (!r.cli_pack.empty()) lines_.push_back(&r);
}

}  // namespace kafkalint::checks
