// The wording of the planner's reasons (reasons.h). Facts come in as strings the planner
// decided; nothing here looks anything up, so a sentence can be changed without touching a
// decision, and a decision cannot hide in a sentence.

#include "plan/reasons.h"

#include <set>

namespace kafkalint::plan {

namespace {

std::string first_file(const Reason& r) { return r.files.empty() ? "" : r.files.front(); }

// --- the ZooKeeper -> KRaft migration ---------------------------------------------------------

std::string provision_controllers(const Reason& r) {
  return "The migration needs a KRaft controller quorum next to the ZooKeeper cluster, on "
         "dedicated nodes (combined broker and controller nodes cannot migrate). Each controller "
         "gets a new file: its node.id (not a broker.id: brokers and controllers share one id "
         "space), the quorum, its own CONTROLLER listener, the migration flag, and the brokers' "
         "zookeeper.connect so it can copy the metadata. inter.broker.listener.name and its "
         "protocol mapping let it send controller requests to the ZooKeeper brokers; their "
         "security settings are copied from " +
         first_file(r) + ".";
}

std::string format_cluster_id(const Reason& r) {
  std::string s =
      "The controllers must be formatted with the cluster's existing id: the first command "
      "prints it (it is also cluster.id in meta.properties in any broker's log directory";
  for (const std::string& f : r.files) s += ", " + f;
  return s + "). Formatting writes the newest metadata.version of " + r.to + ".";
}

std::string migration_mode(const Reason& r) {
  return "Each broker keeps broker.id, zookeeper.connect and inter.broker.protocol.version " +
         r.to + " and learns where the controllers are: the migration flag, the quorum (" + r.key +
         "), controller.listener.names and the controller listener's protocol in "
         "listener.security.protocol.map (" +
         r.value + ", as the controllers serve it).";
}

std::string readiness(const Reason& r) {
  return "Kafka " + r.to + " brokers, controllers and command-line tools need Java " + r.value +
         " or newer (Java 8 is gone "
         "and Java 11 is left to clients and Streams). Logging moved to Log4j2: the "
         "distribution ships config/log4j2.yaml instead of log4j.properties, so convert each "
         "node's Log4j 1 file (for example with log4j-transform-cli, keeping the loggers it "
         "sets) and point KAFKA_LOG4J_OPTS at the new file; kafkalint check --to " +
         r.to +
         " flags a Log4j 1 log4j.properties. The ZooKeeper scripts (zookeeper-shell.sh, "
         "zookeeper-server-start.sh, zookeeper-security-migration.sh) and "
         "kafka-mirror-maker.sh are removed, as are the --zookeeper and --broker-list flags: "
         "scripts and runbooks that use them must change first. Java clients, Streams and "
         "Connect older than " +
         r.since + " can no longer connect (KIP-896); upgrade them before the brokers.";
}

// --- upgrades ---------------------------------------------------------------------------------

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i) s += (i ? sep : "") + items[i];
  return s;
}

std::string dropped_key(const DroppedKey& d) {
  if (!d.replacement.empty()) return "'" + d.key + "' (use '" + d.replacement + "')";
  if (!d.note.empty()) return "'" + d.key + "' (" + d.note + ")";
  return "'" + d.key + "'";
}

std::string replacement(const KeyReplacement& k) {
  using Kind = KeyReplacement::Kind;
  switch (k.kind) {
    case Kind::kListeners:
      return "'host.name'/'port' become listeners=" + k.value + " in " + k.file;
    case Kind::kAdvertisedListeners:
      return "'advertised.host.name'/'advertised.port' become advertised.listeners=" + k.value +
             " in " + k.file;
    case Kind::kRenamed:
      return "'" + k.key + "' becomes " + join(k.successors, " and ") + " with the same value";
    case Kind::kJmxReporter:
      return "metric.reporters=" + k.value + " in " + k.file +
             " keeps the JMX metrics (JmxReporter was added on its own before 'auto.include." +
             "jmx.reporter' went, KIP-830)";
    case Kind::kClientQuota:
      return "'" + k.key + "' becomes the dynamic default client quota " +
             (k.successors.empty() ? "" : k.successors.front()) + "=" + k.value +
             " (the command below, run once)";
  }
  return "";
}

// The notes in the order of their words, once each: the same key dropped from several files
// is said once, and the sentence does not depend on the order the files were given in.
template <typename T, typename F>
std::string sorted_notes(const std::vector<T>& facts, F note, const char* sep) {
  std::set<std::string> notes;
  for (const T& f : facts) notes.insert(note(f));
  return join(std::vector<std::string>(notes.begin(), notes.end()), sep);
}

std::string pin_protocol(const Reason& r) {
  return "Until every broker runs the new binaries, all of them must keep speaking the protocol "
         "of " +
         r.from + ": a broker started on " + r.to +
         " without the pin would use its own newer inter-broker protocol towards brokers that do "
         "not understand it. The pin equals the protocol the running " +
         r.from +
         " brokers already use, so it needs no restart of its own: each broker reads it when it "
         "restarts on the new binaries in the next phase (the upgrade notes: set the pin, then "
         "upgrade the brokers one at a time).";
}

std::string controllers_get_min_isr(const Reason& r) {
  return "Finalizing " + r.to +
         " turns on eligible leader replicas (KIP-966), which take the cluster-wide "
         "min.insync.replicas from the controllers' own config; " +
         join(r.files, ", ") + " did not set it, so the effective value would drop to 1 (the " +
         "default). " + r.key + "=" + r.value +
         " (the lowest the brokers set) is added to them; the controllers read it when they "
         "restart on the new binaries.";
}

std::string protocol_one_way(const Reason& r) {
  std::string s =
      "Not reversible: the upgrade notes allow a downgrade only until the protocol is raised";
  for (std::size_t i = 0; i < r.items.size(); ++i)
    s += "; protocol " + r.items[i] + " " + (i < r.details.size() ? r.details[i] : "");
  return s + ".";
}

std::string message_format_wait(const Reason& r, const char* who) {
  return std::string("The new message format may only be written once ") + who + " consumers run " +
         r.value +
         " or newer: brokers down-convert messages for older consumers, which costs CPU and "
         "loses zero-copy. This can wait as long as needed. Not reversible: once messages in the "
         "new format are on disk, the format must never be lowered again.";
}

std::string finalize_metadata(const Reason& r) {
  return "Once every node runs " + r.to +
         ", raising metadata.version turns on the features of the new release. It is done "
         "online with kafka-features.sh, without a restart; the first command shows the current "
         "level (the plan assumes " +
         r.value + ", the newest of " + r.from + ").";
}

std::string metadata_one_way(const Reason& r) {
  return "Not reversible: metadata.version " + join(r.items, ", ") +
         (r.items.size() == 1 ? " changes the metadata format, so metadata.version can no "
                                "longer be lowered below it"
                              : " change the metadata format, so metadata.version can no longer "
                                "be lowered below them") +
         " and the nodes cannot go back to the " + r.from + " binaries.";
}

std::string unstable_metadata(const Reason& r) {
  return "None of " + r.to + "'s own metadata versions is marked production-ready (the " +
         "newest production level is " + r.value + " of " + r.from +
         "); the controllers refuse the unstable ones unless unstable.feature.versions.enable is "
         "set, which is not for production, so the plan finalizes to " +
         r.value + ".";
}

}  // namespace

std::string word(const Reason& r) {
  switch (r.code) {
    case ReasonCode::kProvisionControllers:
      return provision_controllers(r);
    case ReasonCode::kZooKeeperSecured:
      return "The brokers use secured znodes (zookeeper.set.acl) or SASL towards ZooKeeper: the "
             "controllers need the same ZooKeeper login, the 'Client' section of the JAAS file the "
             "brokers get with -Djava.security.auth.login.config.";
    case ReasonCode::kZooKeeperTls:
      return "ZooKeeper is reached over TLS: the zookeeper-shell.sh commands take the brokers' "
             "zookeeper.ssl.* and zookeeper.clientCnxnSocket settings in zk-tls.properties.";
    case ReasonCode::kControllerProtocol:
      return "The controller listener uses the same protocol (" + r.value +
             "): every key or trust store path copied from the brokers must exist on the "
             "controller hosts, with certificates for their host names.";
    case ReasonCode::kFormatClusterId:
      return format_cluster_id(r);
    case ReasonCode::kDynamicQuorum:
      return "Dynamic quorum (KIP-853): the controllers list controller.quorum.bootstrap.servers "
             "and the voters are fixed when formatting with --initial-controllers, the same value "
             "on every controller, with one directory id per controller generated once. Kafka " +
             r.since + " keeps the quorum dynamic.";
    case ReasonCode::kStaticQuorum:
      return "Static quorum: controller.quorum.voters on every node, so the format command needs "
             "no quorum flag. It works on every bridge release and on " +
             r.series + "; turning it into a dynamic quorum later needs Kafka " + r.since +
             " or newer (kafka-features.sh upgrade --feature kraft.version=1, then "
             "controller.quorum.bootstrap.servers).";
    case ReasonCode::kScramAtFormat:
      return "The controller listener authenticates the brokers with " + r.value +
             ", whose credentials the controllers would only get from the migration itself: "
             "--add-scram stores the brokers' user at format time (as in their JAAS config).";
    case ReasonCode::kBrokersUntouched:
      return "The brokers are not touched. While debugging, TRACE logging for "
             "org.apache.kafka.metadata.migration in the controllers' log4j.properties helps.";
    case ReasonCode::kMigrationMode:
      return migration_mode(r);
    case ReasonCode::kControllerSasl:
      return "sasl.mechanism.controller.protocol names the SASL mechanism of that listener.";
    case ReasonCode::kMigrationRoll:
      return "Roll the brokers one at a time; the metadata migration starts by itself once the "
             "last broker is back. Do not change inter.broker.protocol.version or "
             "metadata.version until the migration is finalized.";
    case ReasonCode::kBrokersToKraft:
      return "The metadata now lives in the KRaft quorum. Each broker restarts as a KRaft broker: "
             "process.roles=broker, node.id with the value of its broker.id (it must keep its "
             "id), no ZooKeeper keys, no migration flag and no inter.broker.protocol.version "
             "(KRaft uses metadata.version). The quorum key and controller.listener.names stay.";
    case ReasonCode::kControlPlaneDropped:
      return "control.plane.listener.name goes too: KRaft refuses it.";
    case ReasonCode::kMessageFormatDropped:
      return "log.message.format.version goes as well: a KRaft node ignores it (the message "
             "format follows metadata.version) and " +
             r.removed_in + " no longer has it.";
    case ReasonCode::kAclAuthorizer:
      return "AclAuthorizer becomes StandardAuthorizer, which reads the ACLs the migration "
             "copied into the metadata.";
    case ReasonCode::kZooKeeperStillWritten:
      return "The controllers still write the metadata to ZooKeeper, so the way back stays open "
             "until the next phase.";
    case ReasonCode::kFinalizeMigration:
      return "Start only when every broker runs in KRaft mode (the previous phase's files, "
             "MigratingZkBrokerCount 0). The controllers leave migration mode: the flag and the "
             "ZooKeeper keys go, and they are restarted one at a time so the quorum keeps a "
             "majority. Not reversible: after this the metadata is no longer written to "
             "ZooKeeper and the cluster cannot go back to ZooKeeper mode (some operators run a "
             "week or two in the previous phase first). Once finalized, the ZooKeeper ensemble "
             "can be decommissioned if nothing else uses it.";
    case ReasonCode::kReadiness:
      return readiness(r);
    case ReasonCode::kPreflightChecks:
      return "Nothing is edited or restarted: these checks, made with the " + r.from +
             " tools, confirm what the next phases rely on.";
    case ReasonCode::kPatchKeepsProtocol:
      return "A patch upgrade within " + r.from + " keeps the protocol: nothing to pin.";
    case ReasonCode::kNoProtocolKey:
      return "Kafka " + r.to + " has no inter.broker.protocol.version: nothing to pin.";
    case ReasonCode::kAlreadyPinnedBeforeRoll:
      return "Every file already pins the protocol to " + r.value +
             " or lower, as it must be before the first new binary starts.";
    case ReasonCode::kPinProtocol:
      return pin_protocol(r);
    case ReasonCode::kMessageFormatPinnedNoKey:
      return r.key + " is pinned as well: " + r.from + " has no such key, and without it " + r.to +
             " would start writing its own newer message format.";
    case ReasonCode::kMessageFormatPinnedFormatChanges:
      return r.key + " is pinned as well: the message format changes after " + r.from +
             ", and it may only change once the consumers are ready.";
    case ReasonCode::kMessageFormatPinnedStrict:
      return r.key + " is pinned as well: a " + r.to +
             " broker refuses to start when the message format is above the protocol, and its "
             "default would be " +
             r.to + ".";
    case ReasonCode::kMessageFormatPinnedByOption:
      return r.key + " is pinned as well (--pin-message-format).";
    case ReasonCode::kOlderPinsKept:
      return "Files that already pin an older protocol keep it (a previous upgrade was not "
             "finished); it is raised with the others at the end.";
    case ReasonCode::kKeysDropped:
      return "Kafka " + r.to + " no longer has " + sorted_notes(r.dropped, dropped_key, ", ") +
             ": those lines are commented out, so the new binaries never read them (check that "
             "nothing relies on them).";
    case ReasonCode::kKeysReplaced:
      return "So that each broker keeps what the removed keys gave it, in the same edit " +
             sorted_notes(r.replaced, replacement, "; ") + ".";
    case ReasonCode::kValueReplacedWithPins:
      return "In the same edit '" + r.key + "=" + r.value + "' becomes '" + r.to + "' (Kafka " +
             r.from + " removed the old value; both releases read the new one).";
    case ReasonCode::kValueReplacedAtRoll:
      return "As each broker restarts on the new binaries its file changes with them: '" + r.key +
             "=" + r.value + "' becomes '" + r.to + "' (Kafka " + r.items.at(0) +
             " removed the old value; the new one exists from " + r.items.at(1) +
             "). Going back to " + r.from + " means the old value again, with the old binaries.";
    case ReasonCode::kVerifyBeforeEditing:
      return "Before editing, check with the " + r.from +
             " tools that no partition is under-replicated (the command prints nothing).";
    case ReasonCode::kRollPinned:
      return "Each broker restarts on the new binaries with the pinned protocol; the cluster "
             "keeps serving because only one broker is down at a time and its replicas catch up "
             "before the next one stops. Until the protocol is raised the brokers can still go "
             "back to the " +
             r.from + " binaries.";
    case ReasonCode::kRollUnpinned:
      return "Each broker restarts on the new binaries, one at a time; wait for its replicas to "
             "catch up before the next one stops.";
    case ReasonCode::kAlreadyPinnedNothingToEdit:
      return "Every file already pins the protocol to " + r.value +
             " or lower, so nothing needs editing first.";
    case ReasonCode::kAlreadyPinned:
      return "Every file already pins the protocol to " + r.value + " or lower.";
    case ReasonCode::kRaiseProtocol:
      return "All brokers run " + r.to +
             " now; raising the protocol lets them use its new inter-broker features. Each "
             "broker reads the new value when it restarts.";
    case ReasonCode::kMessageFormatRemovedWithProtocol:
      return r.key + " is removed in the same edit: from protocol " + r.since +
             " on it is ignored (KIP-724) and " + r.removed_in + " no longer has it.";
    case ReasonCode::kTopicFormatOverrides:
      return "Topic-level message.format.version overrides are ignored from protocol " + r.since +
             " on and " + r.removed_in +
             " no longer has them; list them with the command below and delete them with "
             "kafka-configs.sh --alter --delete-config message.format.version.";
    case ReasonCode::kOldFormatRemoved:
      return "The files still pinned an old message format, so this step is also the format "
             "change: raise it only once all consumers are " +
             r.value + " or newer (older ones make the brokers down-convert, at a high CPU cost).";
    case ReasonCode::kMessageFormatMovesAlong:
      return "The message format stays the same, so " + r.key +
             " moves along in the same edit without an extra restart.";
    case ReasonCode::kProtocolOneWay:
      return protocol_one_way(r);
    case ReasonCode::kMessageFormatWaitAll:
      return message_format_wait(r, "all");
    case ReasonCode::kMessageFormatWaitMost:
      return message_format_wait(r, "all (or most)");
    case ReasonCode::kKraftNothingPinned:
      return "KRaft nodes take their protocol from metadata.version, so nothing is pinned.";
    case ReasonCode::kEditsAtRestart:
      return "The edits take effect when each node restarts on the new binaries in the next "
             "phase.";
    case ReasonCode::kControllersGetMinIsr:
      return controllers_get_min_isr(r);
    case ReasonCode::kKraftRoll:
      return "KRaft clusters pin nothing: every node keeps using the current metadata.version "
             "until it is raised explicitly, so the nodes can be rolled onto the new binaries one "
             "at a time; verify the cluster's behaviour before the next phase. Until "
             "metadata.version is raised the nodes can still go back to the " +
             r.from + " binaries (derived: the metadata stays at the old level).";
    case ReasonCode::kControllersFirst:
      return "The controllers go first: the Apache upgrade notes do not specify an order "
             "(unconfirmed); rolling the controller quorum first is vendor guidance (Confluent "
             "for Kubernetes). Restart one controller at a time so the quorum keeps a majority.";
    case ReasonCode::kRollControllersFirst:
      return "Only broker files were given: roll the controllers first, one at a time (vendor "
             "guidance; the Apache notes do not specify an order).";
    case ReasonCode::kFinalizeMetadata:
      return finalize_metadata(r);
    case ReasonCode::kReleaseVersion:
      return "Kafka " + r.series +
             " finalizes with --release-version, which also raises the other features "
             "of the release (group.version: the new consumer group protocol; "
             "transaction.version); --metadata would leave them unfinalized.";
    case ReasonCode::kStaticQuorumReleaseVersion:
      return "The files use a static quorum (controller.quorum.voters): KAFKA-18979 and "
             "KAFKA-21426 report that --release-version may also raise kraft.version and so "
             "switch the quorum to dynamic; to avoid that, raise the features one by one with "
             "--feature NAME=LEVEL, leaving kraft.version out.";
    case ReasonCode::kMetadataOneWay:
      return metadata_one_way(r);
    case ReasonCode::kMetadataReversible:
      return "Reversible: no metadata.version between " + r.from + " and " + r.to +
             " changes the metadata format, so it can be lowered again with kafka-features.sh "
             "downgrade.";
    case ReasonCode::kUnstableMetadata:
      return unstable_metadata(r);
  }
  return "";
}

std::string word_why(const std::vector<Reason>& why) {
  std::string s;
  for (const Reason& r : why) {
    if (!s.empty()) s += ' ';
    s += word(r);
  }
  return s;
}

}  // namespace kafkalint::plan
