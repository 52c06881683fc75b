#pragma once
// Why a phase of a plan is what it is, as data. The planner (plan.cpp, migration_phases.cpp,
// readiness.cpp) decides and records one Reason per sentence it wants said, with the facts the
// sentence needs; word_why() (reasons.cpp) is the only place that turns them into prose, and
// the renderer (render.cpp) calls it for text, JSON and Markdown alike.
//
// To add a reason: a code here (with the facts it reads), its sentence in reasons.cpp, a row in
// tests/plan/reasons_test.cpp naming those facts, then push it where the planner decides.

#include <string>
#include <utility>
#include <vector>

namespace kafkalint::plan {

/// One kind of sentence of a phase's `why`. The comment says which facts of Reason it words.
enum class ReasonCode {
  // --- the ZooKeeper -> KRaft migration (migration_phases.cpp) ---
  kProvisionControllers,  ///< files[0]: the broker file the security settings come from
  kZooKeeperSecured,      ///< the brokers use secured znodes or SASL towards ZooKeeper
  kZooKeeperTls,          ///< ZooKeeper is reached over TLS
  kControllerProtocol,    ///< value: the controller listener's security protocol
  kFormatClusterId,  ///< to: the bridge release; files: a log directory's meta.properties (or none)
  kDynamicQuorum,    ///< since: the first release without ZooKeeper, which keeps it dynamic
  kStaticQuorum,     ///< series: the ZooKeeper-less series; since: the release that can convert
  kScramAtFormat,    ///< value: the SASL/SCRAM mechanism stored at format time
  kBrokersUntouched,       ///< the provisioning phase leaves the brokers alone
  kMigrationMode,          ///< to: the bridge; key: the quorum key; value: the controller protocol
  kControllerSasl,         ///< sasl.mechanism.controller.protocol is set
  kMigrationRoll,          ///< roll the brokers; the migration starts by itself
  kBrokersToKraft,         ///< the brokers restart as KRaft brokers
  kControlPlaneDropped,    ///< control.plane.listener.name goes
  kMessageFormatDropped,   ///< removed_in: the release without log.message.format.version
  kAclAuthorizer,          ///< AclAuthorizer becomes StandardAuthorizer
  kZooKeeperStillWritten,  ///< the way back stays open until the finalize phase
  kFinalizeMigration,      ///< the controllers leave migration mode; not reversible
  // --- the 4.x readiness phase (readiness.cpp) ---
  kReadiness,  ///< to: the 4.x release; value: the oldest Java it runs on; since: the oldest
               ///< client release it still serves
  // --- upgrades (plan.cpp) ---
  kPreflightChecks,           ///< from: the running release whose tools check the cluster
  kPatchKeepsProtocol,        ///< from: the line a patch upgrade stays in
  kNoProtocolKey,             ///< to: a target without inter.broker.protocol.version
  kAlreadyPinnedBeforeRoll,   ///< value: the pin every file already has (or lower)
  kPinProtocol,               ///< from: the running release; to: the target
  kMessageFormatPinnedNoKey,  ///< key: the message format key; from: a release without it; to
  kMessageFormatPinnedFormatChanges,  ///< key; from: the release after which the format changes
  kMessageFormatPinnedStrict,    ///< key; to: a target that refuses a format above the protocol
  kMessageFormatPinnedByOption,  ///< key: pinned because of --pin-message-format
  kOlderPinsKept,                ///< files that pin an older protocol keep it
  kKeysDropped,            ///< to: the target; dropped: the keys it no longer has, commented out
  kKeysReplaced,           ///< replaced: what the plan writes instead of removed keys, same edit
  kValueReplacedWithPins,  ///< key; value: the old value; to: its replacement; from: the
                           ///< release that removed the old value (both releases read the new)
  kValueReplacedAtRoll,    ///< key; value; to: the replacement; from: the running release, which
                           ///< does not read it yet; items: the releases that removed the old
                           ///< value and that brought the new one
  kVerifyBeforeEditing,    ///< from: the release whose tools check for under-replication
  kRollPinned,             ///< from: the release the brokers can still go back to
  kRollUnpinned,           ///< a roll with no protocol pin
  kAlreadyPinnedNothingToEdit,        ///< value: the pin every file already has (or lower)
  kAlreadyPinned,                     ///< value: the pin every file already has (or lower)
  kRaiseProtocol,                     ///< to: the release every broker runs now
  kMessageFormatRemovedWithProtocol,  ///< key: the message format key, removed in this edit;
                                      ///< since: the protocol that ignores it; removed_in
  kTopicFormatOverrides,     ///< topic-level message.format.version overrides: since; removed_in
  kOldFormatRemoved,         ///< the files pinned an old format: this step changes it; value: the
                             ///< release every consumer must run first
  kMessageFormatMovesAlong,  ///< key: the message format key, raised in the same edit
  kProtocolOneWay,         ///< items: protocol levels passed for good; details: their consequences
  kMessageFormatWaitAll,   ///< value: the release every consumer must run first
  kMessageFormatWaitMost,  ///< value: the release all (or most) consumers must run first
  kKraftNothingPinned,     ///< KRaft nodes take their protocol from metadata.version
  kEditsAtRestart,         ///< the edits take effect at the next restart
  kControllersGetMinIsr,   ///< to; key: min.insync.replicas; value: its value; files: controllers
  kKraftRoll,              ///< from: the release the nodes can still go back to
  kControllersFirst,       ///< controller files were given: they roll first
  kRollControllersFirst,   ///< only broker files were given: roll the controllers first
  kFinalizeMetadata,       ///< to: the target; from: the running release; value: its metadata level
  kReleaseVersion,         ///< series: the series that finalizes with --release-version
  kStaticQuorumReleaseVersion,  ///< --release-version may make a static quorum dynamic
  kMetadataOneWay,      ///< items: the metadata levels that change the format; from: the release
  kMetadataReversible,  ///< from, to: the metadata levels, no format change between them
  kUnstableMetadata,    ///< to: the target; from: the release of its production level; value
};

/// A key the target no longer has, and what the packs say to use instead.
struct DroppedKey {
  std::string key;
  std::string replacement;  ///< a successor key, or ""
  std::string note;         ///< otherwise what replaces it, in words, or ""
  bool operator==(const DroppedKey& o) const {
    return key == o.key && replacement == o.replacement && note == o.note;
  }
};

/// What the plan writes, in the same edit, instead of a removed key.
struct KeyReplacement {
  enum class Kind {
    kListeners,            ///< host.name/port -> listeners=value in file
    kAdvertisedListeners,  ///< advertised.host.name/advertised.port -> advertised.listeners
    kRenamed,              ///< key -> successors, same value
    kClientQuota,          ///< key -> the dynamic default quota successors[0]=value
    kJmxReporter,          ///< metric.reporters=value in file, JmxReporter added
  };
  Kind kind = Kind::kRenamed;
  std::string key;
  std::vector<std::string> successors;
  std::string value;
  std::string file;
  bool operator==(const KeyReplacement& o) const {
    return kind == o.kind && key == o.key && successors == o.successors && value == o.value &&
           file == o.file;
  }
};

/// A reason code and its facts. Which fields a code reads is said at the code.
struct Reason {
  // A code alone is a reason (most need no fact): p.why.push_back({ReasonCode::kX}).
  Reason(ReasonCode c) : code(c) {}

  ReasonCode code;
  std::string from;  ///< a release (or level) the plan starts from or keeps
  std::string to;    ///< a release (or level) the phase moves to
  std::string key;   ///< a property key
  std::string value;
  std::string since;                 ///< the first release (or protocol) with a change
  std::string removed_in;            ///< the first release without a key or feature
  std::string series;                ///< a release series ("4.x")
  std::vector<std::string> files;    ///< file paths
  std::vector<std::string> items;    ///< levels (protocol, metadata)
  std::vector<std::string> details;  ///< one per item where the code says so
  std::vector<DroppedKey> dropped;
  std::vector<KeyReplacement> replaced;

  // Facts by name where the reason is made: Reason{code}.with_to(r).with_key(k).
  Reason with_from(std::string v) const { return with(&Reason::from, std::move(v)); }
  Reason with_to(std::string v) const { return with(&Reason::to, std::move(v)); }
  Reason with_key(std::string v) const { return with(&Reason::key, std::move(v)); }
  Reason with_value(std::string v) const { return with(&Reason::value, std::move(v)); }
  Reason with_since(std::string v) const { return with(&Reason::since, std::move(v)); }
  Reason with_removed_in(std::string v) const { return with(&Reason::removed_in, std::move(v)); }
  Reason with_series(std::string v) const { return with(&Reason::series, std::move(v)); }
  Reason with_files(std::vector<std::string> v) const { return with(&Reason::files, std::move(v)); }
  Reason with_items(std::vector<std::string> v) const { return with(&Reason::items, std::move(v)); }

 private:
  template <typename T>
  Reason with(T Reason::*field, T v) const {
    Reason r = *this;
    r.*field = std::move(v);
    return r;
  }
};

/// The reason as prose: one or more sentences, each ending in a period.
std::string word(const Reason& r);

/// A phase's `why`: its reasons worded in order, joined by one space.
std::string word_why(const std::vector<Reason>& why);

}  // namespace kafkalint::plan
