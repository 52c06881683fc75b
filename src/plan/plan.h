#pragma once
// `kafkalint plan` without the printing: the rolling-upgrade plan of one cluster, as phases
// with exact property edits per broker file, per-broker steps and the commands that verify
// each step with flags valid for the Kafka release running at that moment.
//
// The procedure follows the upgrade notes of each era (rules/kafka/versions.toml carries the
// protocol facts; research: kafka-upgrade-facts.md §1): ZooKeeper clusters pin
// inter.broker.protocol.version (and log.message.format.version where the era needs it) to
// the running release, roll the binaries, then raise the protocol; KRaft clusters roll the
// binaries and then finalise metadata.version with kafka-features.sh.

#include <optional>
#include <string>
#include <vector>

#include "checks/props_file.h"
#include "core/finding.h"
#include "knowledge/catalog.h"
#include "knowledge/cli_pack.h"
#include "knowledge/configs.h"
#include "knowledge/versions.h"
#include "plan/reasons.h"

namespace kafkalint::plan {

/// Whether a phase needs the brokers restarted one at a time.
enum class Restart { kNone, kRolling };
/// What an edit does to a key (properties::set / unset / comment).
enum class EditAction { kSet, kUnset, kComment };
/// Which nodes a phase acts on. ZooKeeper-mode brokers and KRaft brokers are kBrokers;
/// KRaft controllers (and combined nodes) are kControllers; the ZooKeeper -> KRaft migration
/// will add phases for new controller nodes.
enum class NodeGroup { kAll, kBrokers, kControllers };

const char* to_string(Restart r);
const char* to_string(EditAction a);
const char* to_string(NodeGroup g);

/// One property edit of one broker file.
struct Edit {
  std::size_t file = 0;  ///< index into Plan::brokers
  EditAction action = EditAction::kSet;
  std::string key;
  std::string value;  ///< kSet only
};

/// A file the phase creates (the migration's controller configs); none in upgrades yet.
struct NewFile {
  std::string path;
  std::string content;
};

/// One action of the per-broker procedure of a rolling phase.
struct StepAction {
  std::string what;     ///< "stop", "swap", "start", "verify"
  std::string text;     ///< what to do, in words
  std::string command;  ///< the command to run; empty when there is none to give
};

/// The procedure for one node in a rolling phase.
struct NodeSteps {
  std::size_t file = 0;
  std::string address;  ///< host:port the verification talks to
  std::string running;  ///< release whose tools the verification uses
  std::vector<StepAction> actions;
};

/// One step of the way back from a migration phase (OPS39 "Reverting to ZooKeeper mode During
/// the Migration"), in the order the docs give.
struct RevertStep {
  std::string text;
  std::vector<std::string> commands;
  Restart restart = Restart::kNone;
  /// Every node file as it must be after this step, by Plan::brokers index ("" = the file is
  /// gone: a deprovisioned controller); empty when the step edits no file.
  std::vector<std::string> files;
};

/// A check that must pass before the next phase starts (a log line, a metric, a command).
struct Gate {
  std::string text;
  std::string command;  ///< empty when the signal is a log line or a metric
};

struct Phase {
  int number = 0;
  std::string title;
  std::vector<Reason> why;  ///< worded by word_why (reasons.h) when rendered
  Restart restart = Restart::kNone;
  bool reversible = true;
  NodeGroup nodes = NodeGroup::kAll;
  std::vector<Edit> edits;
  std::vector<NewFile> new_files;
  std::vector<NodeSteps> steps;       ///< rolling phases: one per node, in order
  std::vector<std::string> commands;  ///< cluster-wide commands (after the steps)
  std::vector<std::string> sources;   ///< where the procedure is documented
  /// Releases whose brokers may read the files as they are after this phase.
  std::vector<std::string> running;
  /// Every broker file as it must be after this phase (cumulative), by Plan::brokers index.
  std::vector<std::string> files_after;
  /// Migration plans: the way back before the next phase (empty when there is nothing to do
  /// or the phase cannot be reverted), what to wait for, and the leg (Plan::legs index).
  std::vector<RevertStep> revert;
  std::vector<Gate> gates;
  std::size_t leg = 0;
};

/// One stretch of a plan that chains several: an upgrade in one mode or the migration.
struct Leg {
  std::string title;
  std::string kind;  ///< "zookeeper-upgrade", "migration", "kraft-upgrade"
  std::string from;
  std::string to;
  /// Which release runs where during the leg ("brokers: 3.9 (ZooKeeper mode)").
  std::vector<std::string> running;
};

/// The whole plan. A refused plan has no phases and a KL8xx finding saying why.
struct Plan {
  std::string from;  ///< as the user wrote it
  std::string to;
  std::string mode;                     ///< "zookeeper" or "kraft"
  std::vector<std::string> brokers;     ///< file paths as given
  std::vector<std::string> originals;   ///< their bytes
  std::vector<core::Finding> findings;  ///< check findings and path constraints, sorted
  bool refused = false;
  std::vector<std::string> path;  ///< a refused plan: the hops to take instead
  std::vector<Phase> phases;
  /// Plans that chain legs (the ZooKeeper -> KRaft road); empty for one ordinary upgrade.
  std::vector<Leg> legs;
  /// Per Plan::brokers index: the number of the phase that creates the file (a new controller
  /// file), 0 for the files given. Empty when the plan creates no file.
  std::vector<int> created_in;
};

/// Everything the planner reads from the packs.
struct PlanKnowledge {
  const knowledge::VersionCatalog* versions = nullptr;
  const knowledge::RuleCatalog* rules = nullptr;
  const knowledge::KeyFacts* keys = nullptr;
  const knowledge::SafetyFacts* safety = nullptr;
  const knowledge::ConfigCatalog* from_configs = nullptr;  ///< nullptr before 0.9 (no pack)
  const knowledge::ConfigCatalog* to_configs = nullptr;
  const knowledge::CliCatalog* from_cli = nullptr;  ///< nullptr when no pack (0.8.0/0.8.1)
  const knowledge::CliCatalog* to_cli = nullptr;
};

struct PlanOptions {
  /// Pin log.message.format.version too where the era would not need it (cautious operators).
  bool pin_message_format = false;
  /// Write protocol versions in their exact form ("2.1-IV2") instead of the short one ("2.1").
  bool exact_protocol = false;
};

/// Plans the upgrade of the cluster whose broker files are `files` (parsed, role set) from
/// `from` to `to`. `from_text`/`to_text` are the versions as the user wrote them.
Plan make_plan(const knowledge::Release& from, const knowledge::Release& to,
               const std::string& from_text, const std::string& to_text,
               const std::vector<const checks::PropsFile*>& files, const PlanKnowledge& k,
               const PlanOptions& options);

}  // namespace kafkalint::plan
