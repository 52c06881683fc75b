#pragma once
// KL230-KL244: the node-role rules KafkaConfig.validateValues applies at startup (3.9 source,
// research anchors-2.md §3.4), so that a hand-written KRaft or migration config fails here and
// not at 2 a.m. on the broker: node.id against broker.id, the quorum and controller listeners
// of broker-only and controller-only nodes, the ZooKeeper broker with the migration flag, and
// the advertised listeners of every broker role.

#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// The startup rules that apply to `f` for the release `k` checks against (KRaft rules from
/// 3.3, migration rules where the release has the migration flag). Broker-role files only.
void check_kraft_startup(const PropsFile& f, const CheckKnowledge& k,
                         std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
