// KafkaConfig.validateValues of 3.9 (core/src/main/scala/kafka/server/KafkaConfig.scala), the
// role checks a node runs before it opens a socket, mirrored rule by rule. Listener names are
// compared the way Kafka normalises them (upper case).

#include "checks/kraft_startup.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/strings.h"

namespace kafkalint::checks {

namespace {

constexpr const char* kFlag = "zookeeper.metadata.migration.enable";

using core::split_list;

std::optional<long> parse_int(const std::string& s) {
  if (s.empty() || s.size() > 10) return std::nullopt;
  std::size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size() || s.find_first_not_of("0123456789", i) != std::string::npos)
    return std::nullopt;
  return std::stol(s);
}

struct Endpoint {
  std::string name;
  std::string host;
};

bool is_ssl_or_sasl(const std::string& p) {
  return p == "SSL" || p == "SASL_SSL" || p == "SASL_PLAINTEXT";
}

class StartupChecker {
 public:
  StartupChecker(const PropsFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out)
      : f_(f), d_(f.doc()), k_(k), emit_(f, k, out) {}

  void run() {
    if (f_.role != Role::kBroker || f_.templated() || !k_.reference || !k_.configs) return;
    if (k_.reference->kraft < knowledge::KraftSupport::kProduction) return;
    if (!readable()) return;
    load();
    if (kraft_) {
      check_ids();
      check_kraft();
    } else {
      check_zookeeper_broker();
    }
    if (!kraft_ || broker_role_) {
      check_broker_listeners();
      check_wildcard();
    }
  }

 private:
  // A value that is not known until a template renders (or a ${...} reference) is skipped.
  std::optional<std::string> value(std::string_view key) const {
    const properties::Entry* e = d_.find(key);
    if (!e || f_.value_opaque(*e)) return std::nullopt;
    return core::trim_blanks(d_.value(*e));
  }
  bool has(std::string_view key) const { return d_.find(key) != nullptr; }

  // Every key the rules read must be plain text: otherwise the rules stay silent.
  bool readable() const {
    for (const char* key :
         {"process.roles", "node.id", "broker.id", "listeners", "advertised.listeners",
          "controller.listener.names", "listener.security.protocol.map", "controller.quorum.voters",
          "inter.broker.listener.name"})
      if (const properties::Entry* e = d_.find(key); e && f_.value_opaque(*e)) return false;
    return true;
  }

  static std::vector<Endpoint> endpoints(const std::string& v) {
    std::vector<Endpoint> out;
    for (const std::string& item : split_list(v)) {
      const auto sep = item.find("://");
      if (sep == std::string::npos) continue;
      const std::string hp = item.substr(sep + 3);
      const auto colon = hp.rfind(':');
      out.push_back({core::ascii_upper(item.substr(0, sep)),
                     colon == std::string::npos ? hp : hp.substr(0, colon)});
    }
    return out;
  }

  void load() {
    if (auto roles = value("process.roles"); roles && !roles->empty()) {
      kraft_ = true;
      for (const std::string& r : split_list(*roles)) {
        broker_role_ = broker_role_ || r == "broker";
        controller_role_ = controller_role_ || r == "controller";
      }
    }
    flag_ = value(kFlag).value_or("") == "true";
    for (const std::string& n : split_list(value("controller.listener.names").value_or("")))
      controller_names_.push_back(core::ascii_upper(n));
    listeners_set_ = has("listeners");
    listeners_ = endpoints(value("listeners").value_or(""));
    advertised_set_ = has("advertised.listeners");
    advertised_ =
        advertised_set_ ? endpoints(value("advertised.listeners").value_or("")) : listeners_;
    for (const std::string& v : split_list(value("controller.quorum.voters").value_or("")))
      if (auto at = v.find('@'); at != std::string::npos)
        if (auto id = parse_int(core::trim_blanks(v.substr(0, at)))) voters_.insert(*id);
    node_id_ = parse_int(value("node.id").value_or(""));
    broker_id_ = parse_int(value("broker.id").value_or(""));
  }

  bool is_controller_name(const std::string& n) const {
    return std::find(controller_names_.begin(), controller_names_.end(), n) !=
           controller_names_.end();
  }

  // listener.security.protocol.map as KafkaConfig sees it: in KRaft without an explicit map
  // and without SSL or SASL listeners, controller listeners are mapped to PLAINTEXT.
  std::map<std::string, std::string> protocol_map() const {
    std::map<std::string, std::string> m;
    if (auto v = value("listener.security.protocol.map")) {
      for (const std::string& item : split_list(*v))
        if (auto c = item.find(':'); c != std::string::npos)
          m[core::ascii_upper(core::trim_blanks(item.substr(0, c)))] =
              core::ascii_upper(core::trim_blanks(item.substr(c + 1)));
      return m;
    }
    for (const char* p : {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"}) m[p] = p;
    if (!kraft_) return m;
    bool secure = false;
    for (const std::string& n : controller_names_) secure = secure || is_ssl_or_sasl(n);
    for (const Endpoint& e : listeners_) secure = secure || is_ssl_or_sasl(e.name);
    if (!secure)
      for (const std::string& n : controller_names_) m.emplace(n, "PLAINTEXT");
    return m;
  }

  core::Finding& at(std::string_view key, RuleId id, std::string message) {
    if (const properties::Entry* e = d_.find(key)) {
      core::Finding& f = emit_.at_key(*e, id, std::move(message));
      f.subject = std::string(key);
      return f;
    }
    core::Finding& f = emit_.at_file(id, std::move(message));
    f.subject = std::string(key);
    return f;
  }

  // --- ids --------------------------------------------------------------------------------

  void check_ids() {
    if (!k_.configs->find(knowledge::Scope::kBroker, "node.id")) return;
    if (node_id_ && broker_id_ && *node_id_ != *broker_id_)
      at("node.id", RuleId::KL230,
         "node.id " + std::to_string(*node_id_) + " differs from broker.id " +
             std::to_string(*broker_id_) + "; Kafka refuses to start unless they are equal");
    const knowledge::ConfigKey* ck = k_.configs->find(knowledge::Scope::kBroker, "node.id");
    const bool required = ck && ck->required;  // KL302 reports it then
    // A partial config (a document's snippet, a carrier) shows some keys, not all: what it
    // does not set is unknown, not missing.
    if (!required && !f_.partial && !has("node.id") && (!broker_id_ || *broker_id_ < 0))
      at("process.roles", RuleId::KL231,
         "a KRaft node (process.roles) needs node.id (or broker.id) set to its id; without it "
         "Kafka refuses to start");
  }

  // --- KRaft roles --------------------------------------------------------------------------

  void check_kraft() {
    if (has("control.plane.listener.name"))
      at("control.plane.listener.name", RuleId::KL232,
         "control.plane.listener.name is a ZooKeeper-mode setting; a KRaft node refuses to "
         "start with it");
    if (flag_ && !f_.partial && !has("zookeeper.connect"))
      at(kFlag, RuleId::KL239,
         "a KRaft controller with zookeeper.metadata.migration.enable=true needs "
         "zookeeper.connect (the ensemble it migrates from)");
    if (broker_role_ && !controller_role_) check_broker_only();
    if (controller_role_) check_controller();
  }

  void check_broker_only() {
    if (node_id_ && voters_.count(*node_id_))
      at("controller.quorum.voters", RuleId::KL233,
         "node.id " + std::to_string(*node_id_) +
             " is in controller.quorum.voters, but this node is only a broker; a voter must be "
             "a controller");
    for (const Endpoint& e : listeners_)
      if (is_controller_name(e.name))
        at("listeners", RuleId::KL234,
           "listeners contains the controller listener '" + e.name +
               "'; a broker-only node connects to the controllers there but must not bind it");
    check_controller_mapping();
  }

  void check_controller_mapping() {
    const auto map = protocol_map();
    for (const std::string& n : controller_names_)
      if (!map.count(n))
        at("controller.listener.names", RuleId::KL235,
           "the controller listener '" + n +
               "' has no security protocol in listener.security.protocol.map; add '" + n +
               ":PROTOCOL' (Kafka maps it only when no map is set and no SSL or SASL is used)");
  }

  void check_controller() {
    if (!broker_role_)
      for (const Endpoint& e : listeners_)
        if (!is_controller_name(e.name))
          at("listeners", RuleId::KL236,
             "listener '" + e.name +
                 "' is not a controller listener (controller.listener.names); a controller-only "
                 "node may bind only controller listeners");
    if (node_id_ && !voters_.empty() && !voters_.count(*node_id_))
      at("controller.quorum.voters", RuleId::KL237,
         "this controller's node.id " + std::to_string(*node_id_) +
             " is not in controller.quorum.voters; Kafka refuses to start");
    std::set<std::string> bound;
    for (const Endpoint& e : listeners_) bound.insert(e.name);
    for (const std::string& n : controller_names_)
      if (!bound.count(n) && listeners_set_)
        at("controller.listener.names", RuleId::KL238,
           "the controller listener '" + n +
               "' is not in listeners; a controller must bind its controller listener");
  }

  // --- ZooKeeper brokers ---------------------------------------------------------------------

  void check_zookeeper_broker() {
    if (!k_.configs->find(knowledge::Scope::kBroker, kFlag)) return;
    if (!flag_) {
      if (!controller_names_.empty())
        at("controller.listener.names", RuleId::KL241,
           "controller.listener.names is set on a ZooKeeper broker without "
           "zookeeper.metadata.migration.enable=true; Kafka refuses to start (remove it, as the "
           "way back from a migration does)");
      return;
    }
    auto bad = [&](std::string_view key, const std::string& what) {
      at(key, RuleId::KL240, "a ZooKeeper broker in migration mode " + what);
    };
    if ((!broker_id_ && !f_.partial) || (broker_id_ && *broker_id_ < 0))
      bad("broker.id", "needs broker.id set to a non-negative id (a generated one is refused)");
    if (!f_.partial && !has("controller.quorum.voters") &&
        !has("controller.quorum.bootstrap.servers"))
      bad(kFlag,
          "needs the controller quorum (controller.quorum.voters or "
          "controller.quorum.bootstrap.servers)");
    if (controller_names_.empty() && !f_.partial)
      bad(kFlag, "needs controller.listener.names (the listener of the KRaft controllers)");
    else
      check_controller_mapping();
    check_migration_protocol(bad);
  }

  template <class Bad>
  void check_migration_protocol(Bad& bad) {
    if (!k_.versions) return;
    core::Error err;
    std::string ibp = value("inter.broker.protocol.version").value_or("");
    if (ibp.empty()) return;  // the release's own protocol, which supports the migration
    const auto pv = k_.versions->resolve_protocol(ibp, &err);
    // The protocols from which the migration, and the migration of JBOD brokers, are possible.
    using knowledge::Milestone;
    const std::string migration = k_.versions->milestone_protocol(Milestone::kZooKeeperMigration);
    const std::string jbod = k_.versions->milestone_protocol(Milestone::kKraftJbodMigration);
    const auto first = k_.versions->resolve_protocol(migration, &err);
    const auto first_jbod = k_.versions->resolve_protocol(jbod, &err);
    if (!pv || !first || !first_jbod) return;
    if (pv->index < first->index)
      bad("inter.broker.protocol.version",
          "needs inter.broker.protocol.version " +
              k_.versions->milestone_name(Milestone::kZooKeeperMigration) + " or later (it is " +
              ibp + ")");
    else if (pv->index < first_jbod->index &&
             split_list(value("log.dirs").value_or(value("log.dir").value_or(""))).size() > 1)
      bad("log.dirs", "with several log directories (JBOD) needs inter.broker.protocol.version " +
                          jbod + " or later (it is " + ibp + ")");
  }

  // --- every broker role ---------------------------------------------------------------------

  void check_broker_listeners() {
    if (!listeners_set_) return;  // the default listener: nothing to compare
    // A value that holds no NAME://host:port (a placeholder filled in at deploy time, such as
    // "{0}") says nothing Kafka would check.
    if (listeners_.empty() || (advertised_set_ && advertised_.empty())) return;
    std::set<std::string> bound;
    for (const Endpoint& e : listeners_) bound.insert(e.name);
    std::set<std::string> advertised;
    for (const Endpoint& e : advertised_)
      if (!is_controller_name(e.name)) advertised.insert(e.name);
    if (advertised_set_)
      for (const std::string& n : advertised)
        if (!bound.count(n))
          at("advertised.listeners", RuleId::KL243,
             "advertised listener '" + n +
                 "' is not in listeners; the advertised listener names must be among those the "
                 "broker binds");
    if (auto ibl = value("inter.broker.listener.name"); ibl && !ibl->empty())
      if (!advertised.count(core::ascii_upper(*ibl)))
        at("inter.broker.listener.name", RuleId::KL242,
           "inter.broker.listener.name '" + *ibl + "' is not an advertised listener" +
               std::string(advertised_set_ ? ""
                                           : " (listeners, as advertised.listeners is unset)") +
               "; the other brokers could not reach this one");
  }

  void check_wildcard() {
    for (const Endpoint& e : advertised_)
      if (e.host == "0.0.0.0" && !is_controller_name(e.name)) {
        at(advertised_set_ ? "advertised.listeners" : "listeners", RuleId::KL244,
           "listener '" + e.name +
               "' would be advertised as 0.0.0.0, which no client can "
               "connect to" +
               std::string(advertised_set_ ? ""
                                           : "; with 0.0.0.0 in listeners, set "
                                             "advertised.listeners to a routable host name"));
        return;
      }
  }

  const PropsFile& f_;
  const properties::Document& d_;
  const CheckKnowledge& k_;
  Emitter emit_;
  bool kraft_ = false, broker_role_ = false, controller_role_ = false, flag_ = false;
  bool listeners_set_ = false, advertised_set_ = false;
  std::vector<std::string> controller_names_;
  std::vector<Endpoint> listeners_, advertised_;
  std::set<long> voters_;
  std::optional<long> node_id_, broker_id_;
};

}  // namespace

void check_kraft_startup(const PropsFile& f, const CheckKnowledge& k,
                         std::vector<core::Finding>* out) {
  StartupChecker(f, k, out).run();
}

}  // namespace kafkalint::checks
