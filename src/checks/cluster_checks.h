#pragma once
// Checks across the broker files of one cluster (KL6xx). Which files form a cluster is
// group_clusters()'s decision: the layout (one folder, or one folder per host) and a shared
// server of the ZooKeeper ensemble or KRaft quorum, never the value a check compares; a folder
// of unrelated samples, which all name localhost, is not a cluster. Only a few facts per broker are
// kept, so memory stays small however many files a run checks.

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

/// The clusters among broker files with these cluster_key()s and paths (an empty key: in
/// none), as lists of indexes. Brokers in one folder, or in sibling folders of one broker file
/// each (one folder per host), that share a server of their ensemble or quorum are one cluster,
/// whatever else their values say; loopback brokers only as numbered copies of one file.
std::vector<std::vector<std::size_t>> group_clusters(const std::vector<std::string>& keys,
                                                     const std::vector<std::string>& paths);

/// Extracts the facts of a broker file.
BrokerFacts broker_facts(const PropsFile& f);

/// Adds KL6xx findings for brokers of one cluster.
void check_cluster(const std::vector<const BrokerFacts*>& brokers, const CheckKnowledge& k,
                   std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
