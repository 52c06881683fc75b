#pragma once
// KL802/KL803 in `check --from --to`: the upgrade paths the release notes forbid, as `plan`
// reports them, on every broker file.

#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// True when `kafkalint plan --from from --to to` accepts the path for a ZooKeeper (or, with
/// `kraft`, a KRaft) cluster: what a finding may recommend.
bool plan_accepts_path(const CheckKnowledge& k, const knowledge::Release& from,
                       const knowledge::Release& to, bool kraft);

/// True when `f` is a KRaft node (process.roles) and --from a release without KRaft: it cannot
/// run that release. check_upgrade_path reports it (KL801, as plan refuses it), and no default
/// of that release applies to the file.
bool kraft_file_before_kraft(const PropsFile& f, const CheckKnowledge& k);

/// Adds the path findings of a --from/--to upgrade of the cluster `f` belongs to (ZooKeeper
/// or KRaft, by its process.roles). A note names the `kafkalint plan` steps to take instead,
/// only those that `plan` itself accepts.
void check_upgrade_path(const PropsFile& f, const CheckKnowledge& k,
                        std::vector<core::Finding>* raw);

}  // namespace kafkalint::checks
