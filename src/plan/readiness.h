#pragma once
// The phase before the first Kafka 4.x binary starts: what the hosts and the tooling need
// (Java 17, Log4j2, the removed ZooKeeper and MirrorMaker 1 scripts and flags, clients 2.1+).
// Nothing in the node files changes, so it has gates and no edits.

#include "knowledge/versions.h"
#include "plan/plan.h"

namespace kafkalint::plan {

/// The readiness phase for an upgrade into `to` (4.0 or later) while `running` runs; its
/// number, leg and files are left to the caller. `versions` says which clients `to` serves.
Phase readiness_phase(const knowledge::VersionCatalog& versions, const knowledge::Release& running,
                      const knowledge::Release& to);

/// Inserts the readiness phase before the first rolling phase of an ordinary plan from a 3.x
/// release into 4.x (across the zookeeper-removed milestone of `versions`), renumbering the
/// phases after it. Other plans are left as they are.
void add_readiness(Plan* plan, const knowledge::VersionCatalog& versions,
                   const knowledge::Release& from, const knowledge::Release& to);

}  // namespace kafkalint::plan
