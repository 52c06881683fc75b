#pragma once
// The migration phases on the bridge release, built from the broker files as they are once the
// ZooKeeper legs are done (internal to the planner: migration.cpp chains them with the legs).

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/finding.h"
#include "knowledge/cli_pack.h"
#include "knowledge/versions.h"
#include "plan/migration.h"
#include "plan/plan.h"
#include "properties/document.h"

namespace kafkalint::plan::migration {

constexpr const char* kFlag = "zookeeper.metadata.migration.enable";
constexpr const char* kIbp = "inter.broker.protocol.version";

struct Listener {
  std::string name;  ///< upper case, as Kafka normalises it
  std::string host;
  std::string port;
};

/// What the migration needs to know of one node file.
struct BrokerView {
  bool kraft = false;  ///< process.roles is set
  bool broker_role = false, controller_role = false;
  bool migration_flag = false;
  std::string broker_id, node_id, zookeeper, ibp;
  std::vector<Listener> listeners, advertised;
  std::set<std::string> listener_names;
  std::vector<std::string> advertised_names;
  std::map<std::string, std::string> protocols;  ///< effective listener -> security protocol
  bool map_explicit = false;
  std::string ibl;           ///< inter-broker listener name
  std::string ibl_protocol;  ///< its security protocol
  std::string mechanism;     ///< SASL mechanism of the inter-broker listener, when SASL
  std::size_t log_dirs = 1;
  std::string first_log_dir;
};

BrokerView view_of(const properties::Document& d);

/// Where the files stand: nothing done yet, controllers provisioned (brokers untouched), every
/// broker in migration mode, or every broker in KRaft mode (the controllers not finalized).
enum class Stage { kStart, kProvisioned, kMigrationMode, kKraftBrokers };

struct MigrationInput {
  Stage stage = Stage::kStart;
  /// Resumed plans: taken from the controller files ("" = derive from the brokers).
  std::string listener_name;        ///< the controller listener (default CONTROLLER)
  std::string controller_protocol;  ///< its security protocol
  std::string quorum_value;         ///< the value of the quorum key
  const knowledge::Release* bridge = nullptr;
  const knowledge::VersionCatalog* versions = nullptr;  ///< asked for milestones of the bridge
  /// The rule catalogue (a --rules overlay may change names and severities); null = built-in.
  const knowledge::RuleCatalog* rules = nullptr;
  const knowledge::CliCatalog* cli = nullptr;  ///< the bridge's tools; may be null
  Quorum quorum = Quorum::kStatic;
  std::vector<ControllerNode> controllers;
  std::size_t given = 0;           ///< broker files first, then one slot per controller
  std::vector<std::string> paths;  ///< every file slot
  std::vector<std::string> texts;  ///< the files before the migration ("" = no file yet)
  int first_phase = 1;
};

struct [[nodiscard]] MigrationOutput {
  std::vector<Phase> phases;
  std::vector<core::Finding> findings;
  std::vector<int> created_in;     ///< per slot
  std::vector<std::string> texts;  ///< the files once the migration is finalized
};

MigrationOutput build_migration(const MigrationInput& in);

}  // namespace kafkalint::plan::migration
