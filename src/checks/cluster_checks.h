#pragma once
// Checks across the broker files of one cluster (KL6xx). Broker files are taken as one
// cluster when they sit in one directory and name the same ZooKeeper ensemble or KRaft
// quorum (cluster_key) that is not on loopback; a folder of unrelated samples, which all
// name localhost, is not a cluster. Only a few facts per broker are kept, so memory stays small
// however many files a run checks.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checks/context.h"

namespace kafkalint::checks {

/// One setting of a broker file, as the cluster checks need it.
struct BrokerSetting {
  std::string value;  // trimmed, as Kafka uses it
  bool opaque = false;
  int value_line = 0, value_column = 0, length = 0;
  std::string source_line;
};

/// What the cluster checks know of one broker file.
struct BrokerFacts {
  std::string path;
  /// process.roles=controller: no partitions, and the protocol pins mean nothing to it.
  bool controller_only = false;
  std::map<std::string, BrokerSetting> settings;  // only the keys the checks compare
};

/// The cluster a broker file belongs to: its directory plus the servers of zookeeper.connect
/// or of the controller quorum (in any order; chroot and voter ids aside, so that brokers
/// that disagree on those are compared by KL603). Empty when the file does not say (unset
/// or templated) or names loopback.
std::string cluster_key(const PropsFile& f);

/// Extracts the facts of a broker file.
BrokerFacts broker_facts(const PropsFile& f);

/// Adds KL6xx findings for brokers of one cluster.
void check_cluster(const std::vector<const BrokerFacts*>& brokers, const CheckKnowledge& k,
                   std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
