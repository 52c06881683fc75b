#pragma once
// The release catalogue (rules/kafka/versions.toml): every Kafka release line with its patch
// releases, protocol versions, ZooKeeper/KRaft support and generated packs, plus the
// upgrade-path constraints and known-bad patch releases.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "core/rule_id.h"
#include "core/version.h"
#include "knowledge/pack_source.h"

namespace kafkalint::knowledge {

/// ZooKeeper mode in a release line.
enum class ZooKeeperSupport { kSupported, kDeprecated, kRemoved };
/// KRaft mode in a release line.
enum class KraftSupport { kNone, kEarlyAccess, kPreview, kProduction, kOnly };
/// ZooKeeper -> KRaft migration in a release line.
enum class MigrationSupport { kNone, kEarlyAccess, kPreview, kProduction };
/// How a broker compares log.message.format.version with inter.broker.protocol.version at
/// startup: not at all, strictly (0.10.0 .. 1.0), or by record format (1.1 .. 3.9).
enum class StartupCheck { kNone, kStrict, kRecordVersion };

const char* to_string(ZooKeeperSupport s);
const char* to_string(KraftSupport s);
const char* to_string(MigrationSupport s);
const char* to_string(StartupCheck s);

/// The record (message) format a release's protocol implies; kNone for 0.7. Ordered: a
/// later format compares greater.
enum class RecordFormat { kNone, kV0, kV1, kV2 };
/// "V0", "V1", "V2"; "" for kNone.
const char* to_string(RecordFormat f);

/// A KRaft metadata.version level.
struct MetadataVersion {
  std::string name;              // "3.3-IV3"
  int level = 0;                 // feature level, 1 for 3.0-IV1
  bool metadata_change = false;  // true: no metadata.version downgrade across it
};

/// One release line ("2.1", "0.10.2") and what the packs know about it.
struct Release {
  std::string name;
  core::Version version;
  bool released = true;   // false: in development (4.4)
  bool supported = true;  // false: known but no upgrade path (0.7)
  std::string unsupported_reason;
  std::vector<std::string> patches;                            // "2.1.0", "2.1.1"
  std::vector<std::pair<std::string, std::string>> tag_dates;  // patch -> YYYY-MM-DD
  ZooKeeperSupport zookeeper = ZooKeeperSupport::kSupported;
  KraftSupport kraft = KraftSupport::kNone;
  MigrationSupport zk_migration = MigrationSupport::kNone;
  std::vector<std::string> protocol_versions;           // versions this release introduced
  std::vector<std::string> unstable_protocol_versions;  // listed but not for production
  RecordFormat record_format = RecordFormat::kNone;
  bool ibp_key = false;     // the broker knows inter.broker.protocol.version
  std::string ibp_default;  // as the reference renders it
  bool lmfv_key = false;    // the broker knows log.message.format.version
  std::string lmfv_default;
  StartupCheck startup_check = StartupCheck::kNone;
  std::vector<MetadataVersion> metadata_versions;
  std::string mv_latest_production;
  /// The lowest metadata.version the release's nodes start on ("3.3-IV3" from 4.0); a line that
  /// does not say keeps the previous line's, "" until a line states one.
  std::string mv_minimum;
  /// The oldest Java major version the release's brokers start on; a line that does not say
  /// keeps the previous line's.
  int java_min = 0;
  std::string configs_pack;  // "2.1" -> rules/kafka/configs/2.1.toml; empty: none
  std::string cli_pack;      // "2.1" -> rules/kafka/cli/2.1.toml; empty: none
  std::string source;
};

/// Whether a ZooKeeper-mode upgrade from `from` to `to` (other lines, `to` with the protocol
/// pin) must pin log.message.format.version next to the protocol: the running release has no
/// such key, writes a record format before V2 (consumers must be ready first), or the target
/// refuses to start with a format above the protocol. `plan` pins it then, and `check --from`
/// reports its absence (KL804).
bool message_format_pin_needed(const Release& from, const Release& to);

/// A protocol version string as a broker reads it, resolved to the version it means.
struct ProtocolVersion {
  std::string name;  // exact form, e.g. "2.1-IV2"
  const Release* release = nullptr;
  std::size_t index = 0;  // position in the global order; compare with this
  bool unstable = false;  // listed but not for production
};

/// Cluster mode a constraint applies to.
enum class ClusterMode { kAny, kZooKeeper, kKraft };

/// What kind of obstacle an upgrade-path constraint describes.
enum class ConstraintKind {
  kRefused,            // no path at all
  kIntermediateHop,    // stop at [via_min, via_max] first
  kRequiresMigration,  // migrate ZooKeeper -> KRaft on [via_min, via_max] first
  kRequiresRelease,    // the target needs a feature only some releases have
  kClientCompat,       // clients and brokers of these releases do not talk
  kDowngrade,          // applies whenever to < from
};

const char* to_string(ClusterMode m);
const char* to_string(ConstraintKind k);

/// One upgrade-path constraint. Absent bounds are open.
enum class Milestone;  // below

struct PathConstraint {
  std::string id;
  ConstraintKind kind = ConstraintKind::kRefused;
  ClusterMode mode = ClusterMode::kAny;
  std::optional<core::Version> from_min, from_max, to_min, to_max, via_min, via_max;
  RuleId rule{};  // e.g. KL802
  std::string message;
  /// For a refused upgrade: what to do instead, the plan's path ("move to 0.8 with ..."); "" when
  /// there is no other way than a new cluster.
  std::string advice;
  std::string source;
  /// The change of Kafka's history the constraint comes from, when the planner words advice
  /// of its own for it (versions.toml `milestone`).
  std::optional<Milestone> milestone;

  /// True when the constraint covers an upgrade of a `mode` cluster from `from` to `to`.
  bool applies(const core::Version& from, const core::Version& to, ClusterMode cluster) const;
};

/// A patch release with a known upgrade problem.
/// A protocol version that cannot be undone: once a cluster runs at or above it, a lower
/// protocol (or older binaries) would not read what it wrote (versions.toml [[one_way_protocol]]).
struct OneWayProtocol {
  std::string version;      // "2.1-IV0"
  std::string line;         // the line that introduced it, "2.1"
  std::string consequence;  // completes "protocol 2.1 ..."
  std::string source;
};

/// A change in Kafka's history that the planner or a check acts on, first shipped in one
/// release line (versions.toml [[milestone]]). Code asks whether a release has reached it
/// instead of comparing with a version written in code, so each fact is stated once, with its
/// source.
enum class Milestone {
  kApiVersions,             // brokers answer ApiVersions: the new tools can talk to them (KIP-35)
  kOldestServedClient,      // the oldest client line 4.x brokers still serve (KIP-896)
  kZooKeeper35,             // brokers ship ZooKeeper 3.5 instead of 3.4 (client and server)
  kAdminClientQuotas,       // client quotas set through the AdminClient (KIP-546)
  kMessageFormatIgnored,    // log.message.format.version ignored from protocol 3.0 (KIP-724)
  kZooKeeperClient38,       // brokers ship the ZooKeeper 3.8 client: no 3.4 servers (KIP-902)
  kKraftJbodMigration,      // JBOD brokers can be migrated to KRaft (KIP-858)
  kDynamicQuorum,           // dynamic KRaft controller quorums (KIP-853)
  kMigrationZnodeReset,     // a rolled-back migration must delete /migration before a retry
  kZooKeeperRemoved,        // the 4.x line: no ZooKeeper, Java 17, Log4j2, old APIs removed
  kMessageFormatRemoved,    // log.message.format.version and message.format.version are gone
  kEligibleLeaderReplicas,  // finalising turns on eligible leader replicas (KIP-966)
  kQuorumConversion,        // a static controller quorum can be made dynamic (kraft.version=1)
  // Facts the checks act on.
  kDynamicBrokerConfigs,   // broker configs updated without a restart (KIP-226)
  kScalaClientsRemoved,    // the Scala producer and consumer are gone
  kLog4j2,                 // brokers and tools log with Log4j2 (KIP-653)
  kScala212Removed,        // no Scala 2.12 build of the distribution (KIP-751)
  kCommaBootstrapList,     // the tools take only comma-separated --bootstrap-server lists
  kJava17,                 // brokers, Connect and tools need Java 17 (KIP-1013)
  kZooKeeperMigration,     // a ZooKeeper cluster can migrate to KRaft (KIP-866)
  kIdempotenceYields,      // producers turn implicit idempotence off on conflicts (KAFKA-13673)
  kRemoteAssignorChecked,  // consumers refuse group.remote.assignor with the classic protocol
};

/// Every milestone, in the order versions.toml lists them.
inline constexpr Milestone kAllMilestones[] = {
    Milestone::kApiVersions,
    Milestone::kOldestServedClient,
    Milestone::kZooKeeper35,
    Milestone::kAdminClientQuotas,
    Milestone::kMessageFormatIgnored,
    Milestone::kZooKeeperClient38,
    Milestone::kKraftJbodMigration,
    Milestone::kDynamicQuorum,
    Milestone::kMigrationZnodeReset,
    Milestone::kZooKeeperRemoved,
    Milestone::kMessageFormatRemoved,
    Milestone::kEligibleLeaderReplicas,
    Milestone::kQuorumConversion,
    Milestone::kDynamicBrokerConfigs,
    Milestone::kScalaClientsRemoved,
    Milestone::kLog4j2,
    Milestone::kScala212Removed,
    Milestone::kCommaBootstrapList,
    Milestone::kJava17,
    Milestone::kZooKeeperMigration,
    Milestone::kIdempotenceYields,
    Milestone::kRemoteAssignorChecked,
};

/// The name of a milestone in versions.toml ("zookeeper-removed").
const char* to_string(Milestone m);

struct KnownIssue {
  std::vector<std::string> releases;  // "3.5.0", "3.5.1"
  RuleId rule{};
  std::string message;
  std::string source;
};

/// The parsed versions.toml.
class VersionCatalog {
 public:
  /// Loads kafka/versions.toml from `packs`. nullopt with a located *err on any problem.
  static core::Result<VersionCatalog> load(const PackSource& packs);
  /// Parses one versions.toml text (tests and overlays).
  static core::Result<VersionCatalog> parse(const PackText& pack);

  /// Every line, oldest first.
  const std::vector<Release>& lines() const { return lines_; }
  /// The line named exactly `name` ("2.1", "0.10.2"), or nullptr.
  const Release* find_line(std::string_view name) const;

  /// The line a user-written version means: "2.1", "2.1.1", "0.10.2", "0.10.2.1", "0.9"
  /// (= 0.9.0). Unknown versions, unknown patches and unsupported lines (0.7) give nullptr
  /// and an *err that lists the known versions.
  const Release* resolve(std::string_view user_text, core::Error* err) const;

  /// Resolves an inter.broker.protocol.version / log.message.format.version /
  /// metadata.version value the way Kafka does: cut to the release ("2.8.1" -> "2.8",
  /// "0.10.2.1" -> "0.10.2"), then the exact "X.Y-IVn" or the short form, which means the
  /// release's highest IV ("2.1" -> "2.1-IV2"). nullopt with *err for unknown values.
  std::optional<ProtocolVersion> resolve_protocol(std::string_view value, core::Error* err) const;

  /// Every protocol version a broker of `release` accepts, oldest first (without the
  /// unstable ones).
  std::vector<std::string> protocol_versions_up_to(const Release& release) const;

  const std::vector<PathConstraint>& constraints() const { return constraints_; }
  /// The constraints that apply to an upgrade from -> to of a `mode` cluster.
  std::vector<const PathConstraint*> constraints_for(const Release& from, const Release& to,
                                                     ClusterMode mode) const;

  const std::vector<KnownIssue>& known_issues() const { return known_issues_; }
  /// The one-way protocol versions, oldest first.
  const std::vector<OneWayProtocol>& one_way_protocols() const { return one_way_; }
  /// True when `release` has the change of milestone `m`: its line is at or after the one
  /// versions.toml names. A catalogue that does not state `m` (a test's) never reaches it;
  /// load() requires every milestone.
  bool reached(const Release& release, Milestone m) const;
  /// The line that first shipped milestone `m`, or nullptr when the catalogue does not say.
  const Release* milestone_line(Milestone m) const;
  /// The name of that line ("4.0"), or "" when the catalogue does not say: for sentences that
  /// name the release of a change.
  std::string milestone_name(Milestone m) const;
  /// The series of that line ("4.x"), or "".
  std::string milestone_series(Milestone m) const;
  /// The exact protocol version from which the change of milestone `m` holds ("3.7-IV2" for
  /// kraft-jbod-migration), or "" when the catalogue gives none.
  std::string milestone_protocol(Milestone m) const;
  /// The ZooKeeper release the brokers ship from milestone `m` on ("3.8"), or "".
  std::string milestone_zookeeper(Milestone m) const;
  /// The ZooKeeper release the lines before milestone `m` shipped ("3.4"), or "".
  std::string milestone_zookeeper_before(Milestone m) const;
  /// The first line that writes record format `f` ("0.11.0" for V2): consumers from it on read
  /// that format without down-conversion. nullptr when no line does.
  const Release* first_line_with(RecordFormat f) const;
  /// Known issues of one patch release ("3.5.1").
  std::vector<const KnownIssue*> known_issues_for(std::string_view patch) const;

  /// The names of the lines a user may pass (supported ones), for error messages.
  std::vector<std::string> supported_names() const;

 private:
  std::vector<Release> lines_;
  std::vector<PathConstraint> constraints_;
  std::vector<KnownIssue> known_issues_;
  std::vector<OneWayProtocol> one_way_;
  struct MilestoneEntry {
    Milestone id = Milestone::kApiVersions;
    std::size_t line = 0;  // index in lines_
    std::string protocol, zookeeper, zookeeper_before;
  };
  const MilestoneEntry* milestone_entry(Milestone m) const;

  std::vector<MilestoneEntry> milestones_;
  // Every protocol version in order, with the index of its line in lines_.
  std::vector<std::pair<std::string, std::size_t>> protocol_order_;
};

}  // namespace kafkalint::knowledge
