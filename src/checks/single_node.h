#pragma once
// KL413: a development single-node broker file gets one summary instead of a finding per
// production setting it leaves at its default.

#include <functional>
#include <string>
#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// True when `f` says it is one broker on one machine for development: every listener,
/// advertised listener and the ZooKeeper ensemble or controller quorum it names are on
/// loopback, and it sets offsets.topic.replication.factor=1 or default.replication.factor=1
/// (what a single broker needs) or keeps its data in one folder under /tmp (Kafka's samples).
bool development_single_node(const PropsFile& f);

/// On such a file, replaces the safety findings about replication and topic defaults (KL4xx
/// at 1:1 for unset keys, and the replication factor and min ISR of the internal topics, which
/// one broker cannot raise) by one KL413 info finding that lists them, when `shown` says the
/// run reports KL413 (with --select KL403 or --ignore KL413 each finding stays on its own).
void collapse_single_node_findings(const PropsFile& f, const CheckKnowledge& k,
                                   const std::function<bool(const core::Finding&)>& shown,
                                   std::vector<core::Finding>* raw);

/// True when `raw` holds a finding collapse_findings() would group (a caller can skip the work
/// of proving a node runs alone when there is nothing to group).
bool has_groupable(const std::vector<core::Finding>& raw);

/// The same grouping for a node the caller knows runs alone (the only Kafka service of a
/// Compose file); `why` opens the message.
void collapse_findings(const PropsFile& f, const CheckKnowledge& k,
                       const std::function<bool(const core::Finding&)>& shown,
                       std::vector<core::Finding>* raw, const std::string& why);

/// KL415: a broker whose ZooKeeper ensemble or controller quorum spans several hosts, but
/// whose inter-broker listener is advertised on loopback. A loopback-only second listener for
/// clients on the same machine (Docker's PLAINTEXT_HOST) is not reported.
void check_loopback_advertised(const PropsFile& f, const CheckKnowledge& k,
                               std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
