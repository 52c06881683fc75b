// The wording of the planner's reasons (reasons.h). Facts come in as strings the planner
// decided; nothing here looks anything up, so a sentence can be changed without touching a
// decision, and a decision cannot hide in a sentence.

#include "plan/reasons.h"

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
         "Connect older than 2.1 can no longer connect (KIP-896); upgrade them before the "
         "brokers.";
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
             "on every controller, with one directory id per controller generated once. Kafka 4.0 "
             "keeps the quorum dynamic.";
    case ReasonCode::kStaticQuorum:
      return "Static quorum: controller.quorum.voters on every node, so the format command needs "
             "no quorum flag. It works on every bridge release and on 4.x; turning it into a "
             "dynamic quorum later needs Kafka 4.1 or newer (kafka-features.sh upgrade --feature "
             "kraft.version=1, then controller.quorum.bootstrap.servers).";
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
             "format follows metadata.version) and 4.0 no longer has it.";
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
    case ReasonCode::kText:
      return r.value;
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
