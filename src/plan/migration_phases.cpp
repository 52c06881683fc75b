// The four migration phases of the Apache procedure on the bridge release (anchors-2.md §3.2)
// with the way back from each of the first three (§3.3). Keys per phase:
//   provisioning: new controller files (process.roles, node.id, the quorum key, the
//     controller listener, the migration flag, the brokers' ZooKeeper and security settings);
//   migration mode: on each broker the flag, the quorum key, controller.listener.names and the
//     controller listener's security protocol; one roll;
//   KRaft brokers: process.roles=broker, node.id = broker.id, no ZooKeeper keys, flag, IBP or
//     control.plane.listener.name, StandardAuthorizer for AclAuthorizer; one roll;
//   finalisation: the controllers drop the flag and the ZooKeeper keys; a controller roll.

#include <algorithm>
#include <set>

#include "core/strings.h"
#include "plan/migration_model.h"
#include "properties/edit.h"
#include "properties/text.h"

namespace kafkalint::plan::migration {

namespace {

constexpr const char* kAclAuthorizer = "kafka.security.authorizer.AclAuthorizer";
constexpr const char* kStandardAuthorizer =
    "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
constexpr const char* kZkShellSource =
    "ZOOKEEPER-3411 (rmr removed from the ZooKeeper shell); apache/kafka #19953 and kafka-site "
    "#679 (the docs' rmr replaced by delete)";

using core::split_list;

std::vector<Listener> parse_listeners(const std::string& v) {
  std::vector<Listener> out;
  for (const std::string& item : split_list(v)) {
    const auto sep = item.find("://");
    if (sep == std::string::npos) continue;
    Listener l;
    l.name = core::ascii_upper(item.substr(0, sep));
    const std::string hp = item.substr(sep + 3);
    const auto colon = hp.rfind(':');
    l.host = colon == std::string::npos ? hp : hp.substr(0, colon);
    l.port = colon == std::string::npos ? "" : hp.substr(colon + 1);
    out.push_back(std::move(l));
  }
  return out;
}

bool is_protocol(const std::string& p) {
  return p == "PLAINTEXT" || p == "SSL" || p == "SASL_PLAINTEXT" || p == "SASL_SSL";
}

bool uses_sasl(const std::string& protocol) { return protocol.rfind("SASL_", 0) == 0; }
bool uses_ssl(const std::string& protocol) { return protocol == "SSL" || protocol == "SASL_SSL"; }

}  // namespace

BrokerView view_of(const properties::Document& d) {
  BrokerView b;
  if (auto roles = value_of(d, "process.roles"); roles && !roles->empty()) {
    b.kraft = true;
    for (const std::string& r : split_list(*roles)) {
      b.broker_role = b.broker_role || r == "broker";
      b.controller_role = b.controller_role || r == "controller";
    }
  }
  b.migration_flag = value_of(d, kFlag).value_or("") == "true";
  b.broker_id = value_of(d, "broker.id").value_or("");
  b.node_id = value_of(d, "node.id").value_or("");
  b.zookeeper = value_of(d, "zookeeper.connect").value_or("");
  b.ibp = value_of(d, kIbp).value_or("");
  b.listeners = parse_listeners(value_of(d, "listeners").value_or(""));
  b.advertised = parse_listeners(value_of(d, "advertised.listeners").value_or(""));
  for (const Listener& l : b.listeners) b.listener_names.insert(l.name);
  for (const Listener& l : b.advertised) b.advertised_names.push_back(l.name);
  if (auto map = value_of(d, "listener.security.protocol.map")) {
    b.map_explicit = true;
    for (const std::string& item : split_list(*map)) {
      const auto colon = item.find(':');
      if (colon != std::string::npos)
        b.protocols[core::ascii_upper(core::trim_blanks(item.substr(0, colon)))] =
            core::ascii_upper(core::trim_blanks(item.substr(colon + 1)));
    }
  } else {
    for (const char* p : {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"}) b.protocols[p] = p;
  }
  if (auto ibl = value_of(d, "inter.broker.listener.name"); ibl && !ibl->empty())
    b.ibl = core::ascii_upper(*ibl);
  else
    b.ibl = core::ascii_upper(value_of(d, "security.inter.broker.protocol").value_or("PLAINTEXT"));
  const auto p = b.protocols.find(b.ibl);
  b.ibl_protocol = p != b.protocols.end() ? p->second : (is_protocol(b.ibl) ? b.ibl : "PLAINTEXT");
  if (uses_sasl(b.ibl_protocol))
    b.mechanism = value_of(d, "sasl.mechanism.inter.broker.protocol").value_or("GSSAPI");
  std::string dirs = value_of(d, "log.dirs").value_or("");
  if (dirs.empty()) dirs = value_of(d, "log.dir").value_or("");
  const auto list = split_list(dirs);
  b.log_dirs = std::max<std::size_t>(1, list.size());
  if (!list.empty()) b.first_log_dir = list.front();
  return b;
}

namespace {

class Builder {
 public:
  explicit Builder(const MigrationInput& in) : in_(in) {
    out_.created_in.assign(in.paths.size(), 0);
    for (std::size_t i = 0; i < in.paths.size(); ++i) {
      docs_.push_back(properties::parse(in.texts[i], in.paths[i]).doc);
      exists_.push_back(i < in.given || !in.texts[i].empty());
    }
    first_ = docs_.front();
    view_ = view_of(first_);
    protocol_ = in.controller_protocol.empty() ? view_.ibl_protocol : in.controller_protocol;
    cname_ = in.listener_name.empty() ? free_listener_name() : in.listener_name;
  }

  MigrationOutput run() {
    if (in_.stage == Stage::kStart) provision();
    std::vector<std::string> before = texts();
    if (in_.stage <= Stage::kProvisioned) migration_mode(before);
    if (in_.stage == Stage::kMigrationMode) before = before_migration_mode();
    const std::vector<std::string> in_migration = texts();
    if (in_.stage <= Stage::kMigrationMode) kraft_brokers(before, in_migration);
    finalize();
    out_.texts = texts();
    return std::move(out_);
  }

 private:
  // CONTROLLER, unless a broker already has a listener of that name: a KRaft broker must not
  // bind its controller listener, so the name has to be a new one.
  std::string free_listener_name() const {
    std::set<std::string> used;
    for (std::size_t i = 0; i < in_.given; ++i) {
      const BrokerView b = view_of(docs_[i]);
      used.insert(b.listener_names.begin(), b.listener_names.end());
      for (const auto& [name, protocol] : b.protocols) used.insert(name);
    }
    for (const char* name : {"CONTROLLER", "KRAFT_CONTROLLER", "KRAFT_CONTROLLER_1"})
      if (!used.count(name)) return name;
    return "KRAFT_CONTROLLER_2";
  }

  const knowledge::Release& bridge() const { return *in_.bridge; }
  // The release of milestone `m`, for a sentence that names it.
  std::string milestone(knowledge::Milestone m) const {
    return in_.versions ? in_.versions->milestone_name(m) : "";
  }
  bool resets_migration_znode() const {
    return in_.versions &&
           in_.versions->reached(bridge(), knowledge::Milestone::kMigrationZnodeReset);
  }
  bool dynamic() const { return in_.quorum == Quorum::kDynamic; }

  std::string source() const {
    const auto& p = bridge().version.parts;
    return "Kafka " + bridge().name +
           " operations guide, 'ZooKeeper to KRaft Migration' (https://kafka.apache.org/" +
           std::to_string(p[0]) + std::to_string(p[1]) + "/documentation.html#kraft_zk_migration)";
  }

  std::vector<std::string> texts() const {
    std::vector<std::string> t;
    for (std::size_t i = 0; i < docs_.size(); ++i)
      t.push_back(exists_[i] ? properties::write(docs_[i]) : std::string());
    return t;
  }

  std::vector<std::string> without_controllers(std::vector<std::string> t) const {
    for (std::size_t i = in_.given; i < t.size(); ++i) t[i].clear();
    return t;
  }

  Phase& new_phase(std::string title, Restart restart, NodeGroup nodes) {
    Phase p;
    p.number = in_.first_phase + static_cast<int>(out_.phases.size());
    p.title = std::move(title);
    p.restart = restart;
    p.nodes = nodes;
    p.running = {bridge().name};
    p.sources.push_back(source());
    out_.phases.push_back(std::move(p));
    return out_.phases.back();
  }

  void edit(Phase& p, std::size_t i, EditAction a, const std::string& key,
            const std::string& value = "") {
    std::optional<core::Error> err;
    if (a == EditAction::kSet)
      err = properties::set(docs_[i], key, value);
    else
      err = properties::unset(docs_[i], key);
    if (err) {
      core::Finding f = knowledge::make_finding(
          in_.rules, RuleId::KL901,
          "cannot edit '" + key + "' in " + in_.paths[i] + ": " + err->message);
      out_.findings.push_back(std::move(f));
      return;
    }
    p.edits.push_back({i, a, key, value});
  }

  void snapshot(Phase& p) { p.files_after = texts(); }

  // --- quorum and commands -------------------------------------------------------------

  std::string voters() const {
    std::string s;
    for (const ControllerNode& c : in_.controllers)
      s += (s.empty() ? "" : ",") + std::to_string(c.id) + "@" + c.host + ":" + c.port;
    return s;
  }

  std::string bootstrap_servers() const {
    std::string s;
    for (const ControllerNode& c : in_.controllers)
      s += (s.empty() ? "" : ",") + c.host + ":" + c.port;
    return s;
  }

  std::string quorum_key() const {
    return dynamic() ? "controller.quorum.bootstrap.servers" : "controller.quorum.voters";
  }
  std::string quorum_value() const {
    if (!in_.quorum_value.empty()) return in_.quorum_value;
    return dynamic() ? bootstrap_servers() : voters();
  }

  // The broker files as they were before migration mode, for the way back of a plan that
  // resumes with the brokers in migration mode: the docs' revert removes the flag,
  // controller.listener.names and the quorum key.
  std::vector<std::string> before_migration_mode() const {
    std::vector<std::string> t = texts();
    for (std::size_t i = 0; i < in_.given; ++i) {
      properties::Document d = docs_[i];
      for (const char* key : {kFlag, "controller.listener.names", "controller.quorum.voters",
                              "controller.quorum.bootstrap.servers"})
        if (properties::unset(d, key)) return t;  // the editor refused: keep the files
      t[i] = properties::write(d);
    }
    return t;
  }

  const knowledge::CliTool* tool(const char* name) const {
    return in_.cli ? in_.cli->find(name) : nullptr;
  }

  bool has_option(const char* tool_name, const char* option) const {
    const knowledge::CliTool* t = tool(tool_name);
    return t && t->find_option(option);
  }

  std::string client_config() const {
    return protocol_ == "PLAINTEXT" ? "" : " --command-config client.properties";
  }

  std::string broker_address(std::size_t i) const {
    const BrokerView b = view_of(docs_[i]);
    for (const auto* list : {&b.advertised, &b.listeners})
      for (const Listener& l : *list) {
        if (l.name == cname_) continue;
        std::string host = l.host;
        if (host.empty() || host == "0.0.0.0") host = "localhost";
        return host + ":" + l.port;
      }
    return "localhost:9092";
  }

  std::string zk_shell(const std::string& args) const {
    std::string cmd = "bin/zookeeper-shell.sh " + view_.zookeeper;
    if (value_of(first_, "zookeeper.ssl.client.enable").value_or("") == "true")
      cmd += " -zk-tls-config-file zk-tls.properties";
    return cmd + " " + args;
  }

  std::string quorum_describe(const ControllerNode& c, const char* what) const {
    if (!has_option("kafka-metadata-quorum.sh", "--bootstrap-controller")) return "";
    return "bin/kafka-metadata-quorum.sh --bootstrap-controller " + c.host + ":" + c.port +
           client_config() + " describe " + what;
  }

  std::string urp_command(std::size_t i) const {
    if (!has_option("kafka-topics.sh", "--bootstrap-server")) return "";
    return "bin/kafka-topics.sh --bootstrap-server " + broker_address(i) + client_config() +
           " --describe --under-replicated-partitions";
  }

  // --- the controller files ------------------------------------------------------------

  std::string log_dir() const {
    std::string dir = view_.first_log_dir;
    const auto slash = dir.find_last_of('/');
    if (dir.empty() || slash == std::string::npos || slash == 0)
      return "/var/lib/kafka/kraft-controller";
    return dir.substr(0, slash) + "/kraft-controller";
  }

  // Settings copied from the first broker: the ZooKeeper client and the inter-broker
  // listener's security, which the controllers use to reach the brokers during the migration
  // and (renamed to the controller listener) to serve their own listener.
  std::vector<std::pair<std::string, std::string>> copied(bool zookeeper) const {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string prefix = "listener.name." + core::ascii_lower(view_.ibl) + ".";
    for (const auto& [k, v] : first_.effective()) {
      const std::string key(k);
      if (zookeeper) {
        if (key.rfind("zookeeper.", 0) == 0 && key != kFlag) out.emplace_back(key, std::string(v));
        continue;
      }
      const bool security = (uses_ssl(protocol_) && key.rfind("ssl.", 0) == 0) ||
                            (uses_sasl(protocol_) && key.rfind("sasl.", 0) == 0) ||
                            key.rfind(prefix, 0) == 0;
      if (security) out.emplace_back(key, std::string(v));
    }
    return out;
  }

  // The listener-prefixed settings of the inter-broker listener, for the controller listener.
  std::vector<std::pair<std::string, std::string>> controller_listener_copies() const {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string prefix = "listener.name." + core::ascii_lower(view_.ibl) + ".";
    for (const auto& [k, v] : first_.effective()) {
      const std::string key(k);
      if (key.rfind(prefix, 0) == 0)
        out.emplace_back(
            "listener.name." + core::ascii_lower(cname_) + "." + key.substr(prefix.size()),
            std::string(v));
    }
    return out;
  }

  std::string controller_text(const ControllerNode& c) const {
    auto line = [](const std::string& k, const std::string& v) {
      return properties::escape_key(k) + "=" + properties::escape_value(v) + "\n";
    };
    std::string s = "# KRaft controller " + std::to_string(c.id) +
                    " for the ZooKeeper to KRaft migration on Kafka " + bridge().name +
                    ", written by kafkalint plan.\n# ZooKeeper and security settings copied from " +
                    in_.paths.front() + ".\n";
    s += line("process.roles", "controller");
    s += line("node.id", std::to_string(c.id));
    s += line(quorum_key(), quorum_value());
    s += line("controller.listener.names", cname_);
    s += line("listeners", std::string(cname_) + "://" + c.host + ":" + c.port);
    std::string map = std::string(cname_) + ":" + protocol_;
    if (view_.ibl != cname_) map += "," + view_.ibl + ":" + protocol_;
    s += line("listener.security.protocol.map", map);
    s += line("inter.broker.listener.name", view_.ibl);
    s += line("log.dirs", log_dir());
    s += "\n# The migration: these lines go when it is finalized.\n";
    s += line(kFlag, "true");
    for (const auto& [k, v] : copied(true)) s += line(k, v);
    const auto security = copied(false);
    const auto renamed = controller_listener_copies();
    if (!security.empty() || !renamed.empty() || uses_sasl(protocol_)) {
      s += "\n# Security of the inter-broker listener, also used by the controller listener.\n";
      if (uses_sasl(protocol_)) s += line("sasl.mechanism.controller.protocol", view_.mechanism);
      for (const auto& [k, v] : security) s += line(k, v);
      for (const auto& [k, v] : renamed) s += line(k, v);
    }
    return s;
  }

  // The brokers' SCRAM user for the controller listener: a controller checks SCRAM logins
  // against its own metadata, which holds no credential before the migration has run, so the
  // user is added when formatting (kafka-storage.sh --add-scram, 3.5+).
  std::string scram_flag() {
    if (view_.mechanism.rfind("SCRAM-", 0) != 0) return "";
    std::string jaas =
        value_of(first_, "listener.name." + core::ascii_lower(view_.ibl) + "." +
                             core::ascii_lower(view_.mechanism) + ".sasl.jaas.config")
            .value_or(value_of(first_, "sasl.jaas.config").value_or(""));
    auto field = [&](const std::string& name) -> std::string {
      const auto at = jaas.find(name + "=\"");
      if (at == std::string::npos) return "";
      const auto b = at + name.size() + 2;
      const auto e = jaas.find('"', b);
      return e == std::string::npos ? "" : jaas.substr(b, e - b);
    };
    const std::string user = field("username"), password = field("password");
    if (!has_option("kafka-storage.sh", "--add-scram") || user.empty() || password.empty()) {
      core::Finding f = knowledge::make_finding(in_.rules, RuleId::KL827);
      f.message = "the controller listener authenticates the brokers with " + view_.mechanism +
                  ", but the brokers' user and password are not in a JAAS config of " +
                  in_.paths.front() +
                  ": add them when formatting the controllers (kafka-storage.sh format "
                  "--add-scram), or the brokers cannot log in to the controllers";
      f.notes.push_back("source: KIP-900 (kafka-storage.sh --add-scram); " + source());
      out_.findings.push_back(std::move(f));
      return "";
    }
    return " --add-scram '" + view_.mechanism + "=[name=" + user + ",password=" + password + "]'";
  }

  // --- phase 1: provision the controllers ------------------------------------------------

  void provision() {
    Phase& p = new_phase("provision the KRaft controllers (new files, brokers untouched)",
                         Restart::kNone, NodeGroup::kControllers);
    p.commands.push_back(zk_shell("get /cluster/id"));
    std::string format_flags;
    if (dynamic()) {
      std::string initial;
      for (const ControllerNode& c : in_.controllers) {
        const std::string var = "DIR_ID_" + std::to_string(c.id);
        p.commands.push_back(var + "=$(bin/kafka-storage.sh random-uuid)");
        initial += (initial.empty() ? "" : ",") + std::to_string(c.id) + "@" + c.host + ":" +
                   c.port + ":$" + var;
      }
      format_flags = " --initial-controllers \"" + initial + "\"";
    }
    const std::string scram = scram_flag();
    format_flags += scram;
    for (std::size_t k = 0; k < in_.controllers.size(); ++k) {
      const ControllerNode& c = in_.controllers[k];
      const std::size_t i = in_.given + k;
      const std::string text = controller_text(c);
      docs_[i] = properties::parse(text, in_.paths[i]).doc;
      exists_[i] = true;
      out_.created_in[i] = p.number;
      p.new_files.push_back({in_.paths[i], text});
      NodeSteps s;
      s.file = i;
      s.address = c.host + ":" + c.port;
      s.running = bridge().name;
      s.actions.push_back({"install",
                           "install Kafka " + bridge().name + " on " + c.host +
                               " with this file as its config, and create " + log_dir(),
                           ""});
      s.actions.push_back({"format",
                           "format its metadata directory with the cluster's existing id "
                           "(CLUSTER_ID: the id read above)",
                           "bin/kafka-storage.sh format --config " + in_.paths[i] +
                               " --cluster-id \"$CLUSTER_ID\"" + format_flags});
      s.actions.push_back(
          {"start", "start it", "bin/kafka-server-start.sh -daemon " + in_.paths[i]});
      p.steps.push_back(std::move(s));
    }
    p.why.push_back(Reason{ReasonCode::kProvisionControllers}.with_files({in_.paths.front()}));
    if (value_of(first_, "zookeeper.set.acl").value_or("") == "true" ||
        value_of(first_, "zookeeper.sasl.client").value_or("") == "true")
      p.why.push_back({ReasonCode::kZooKeeperSecured});
    if (value_of(first_, "zookeeper.ssl.client.enable").value_or("") == "true")
      p.why.push_back({ReasonCode::kZooKeeperTls});
    if (protocol_ != "PLAINTEXT")
      p.why.push_back(Reason{ReasonCode::kControllerProtocol}.with_value(protocol_));
    Reason format = Reason{ReasonCode::kFormatClusterId}.with_to(bridge().name);
    if (!view_.first_log_dir.empty()) format.files = {view_.first_log_dir + "/meta.properties"};
    p.why.push_back(std::move(format));
    using knowledge::Milestone;
    if (dynamic())
      p.why.push_back(
          Reason{ReasonCode::kDynamicQuorum}.with_since(milestone(Milestone::kZooKeeperRemoved)));
    else
      p.why.push_back(
          Reason{ReasonCode::kStaticQuorum}
              .with_series(
                  in_.versions ? in_.versions->milestone_series(Milestone::kZooKeeperRemoved) : "")
              .with_since(milestone(Milestone::kQuorumConversion)));
    if (!scram.empty())
      p.why.push_back(Reason{ReasonCode::kScramAtFormat}.with_value(view_.mechanism));
    p.why.push_back({ReasonCode::kBrokersUntouched});
    p.reversible = true;
    if (std::string q = quorum_describe(in_.controllers.front(), "--status"); !q.empty())
      p.gates.push_back(
          {"the quorum has a leader and lists every controller as a voter (LeaderId, "
           "CurrentVoters)",
           q});
    else
      p.gates.push_back(
          {"every controller's log shows it joined the quorum and a leader was elected", ""});
    RevertStep r;
    r.text =
        "deprovision the controllers: stop each one, then delete its file and its metadata "
        "directory (" +
        log_dir() + "); the brokers were not touched";
    r.commands.push_back("bin/kafka-server-stop.sh");
    r.files = without_controllers(texts());
    p.revert.push_back(std::move(r));
    snapshot(p);
  }

  // --- phase 2: brokers into migration mode ----------------------------------------------

  void migration_mode(const std::vector<std::string>& before) {
    Phase& p = new_phase("brokers into migration mode (broker roll 1 of 2)", Restart::kRolling,
                         NodeGroup::kBrokers);
    for (std::size_t i = 0; i < in_.given; ++i) {
      const BrokerView b = view_of(docs_[i]);
      edit(p, i, EditAction::kSet, kFlag, "true");
      edit(p, i, EditAction::kSet, quorum_key(), quorum_value());
      edit(p, i, EditAction::kSet, "controller.listener.names", cname_);
      std::string map;
      if (b.map_explicit) {
        map = value_of(docs_[i], "listener.security.protocol.map").value_or("");
        map += std::string(map.empty() ? "" : ",") + cname_ + ":" + protocol_;
      } else {
        map = std::string(cname_) + ":" + protocol_ +
              ",PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL";
      }
      edit(p, i, EditAction::kSet, "listener.security.protocol.map", map);
      if (uses_sasl(protocol_))
        edit(p, i, EditAction::kSet, "sasl.mechanism.controller.protocol", b.mechanism);
      const std::string prefix = "listener.name." + core::ascii_lower(b.ibl) + ".";
      std::vector<std::pair<std::string, std::string>> copies;
      for (const auto& [k, v] : docs_[i].effective())
        if (std::string(k).rfind(prefix, 0) == 0)
          copies.emplace_back("listener.name." + core::ascii_lower(cname_) + "." +
                                  std::string(k).substr(prefix.size()),
                              std::string(v));
      for (const auto& [k, v] : copies) edit(p, i, EditAction::kSet, k, v);
    }
    p.why.push_back(Reason{ReasonCode::kMigrationMode}
                        .with_to(bridge().name)
                        .with_key(quorum_key())
                        .with_value(protocol_));
    if (uses_sasl(protocol_)) p.why.push_back({ReasonCode::kControllerSasl});
    p.why.push_back({ReasonCode::kMigrationRoll});
    for (std::size_t i = 0; i < in_.given; ++i) p.steps.push_back(broker_steps(i));
    p.gates.push_back(
        {"the active controller logs 'Completed migration of metadata from Zookeeper to KRaft'",
         ""});
    p.gates.push_back(
        {"the metric kafka.controller:type=KafkaController,name=ZkMigrationState on the active "
         "controller is 1 (MIGRATION)",
         ""});
    add_zk_revert(p, before, {});
    snapshot(p);
  }

  NodeSteps broker_steps(std::size_t i) const {
    NodeSteps s;
    s.file = i;
    s.address = broker_address(i);
    s.running = bridge().name;
    s.actions.push_back({"stop", "stop the broker (controlled shutdown moves its leaders away)",
                         "bin/kafka-server-stop.sh"});
    s.actions.push_back(
        {"start", "start it with this file", "bin/kafka-server-start.sh -daemon " + in_.paths[i]});
    s.actions.push_back({"verify",
                         "wait until no partition is under-replicated (the command prints "
                         "nothing) before the next broker",
                         urp_command(i)});
    return s;
  }

  // The way back once the brokers talk to the controllers (OPS "Reverting to ZooKeeper mode").
  // `first_roll`: the broker files of an extra first roll (brokers already in KRaft mode).
  void add_zk_revert(Phase& p, const std::vector<std::string>& before,
                     const std::vector<std::string>& first_roll) {
    p.sources.push_back(source() + ", 'Reverting to ZooKeeper mode During the Migration'");
    if (!first_roll.empty()) {
      RevertStep r;
      r.text =
          "put every broker back into ZooKeeper mode with the files below (node.id back to "
          "broker.id, zookeeper.connect and the other ZooKeeper keys restored, the migration "
          "flag still true) and roll the brokers";
      r.restart = Restart::kRolling;
      r.files = first_roll;
      p.revert.push_back(std::move(r));
    }
    RevertStep stop;
    stop.text =
        "deprovision the controllers: stop each one (its files and metadata directory "
        "can go)";
    stop.commands.push_back("bin/kafka-server-stop.sh");
    stop.files = without_controllers(first_roll.empty() ? texts() : first_roll);
    p.revert.push_back(std::move(stop));
    RevertStep zk;
    zk.text =
        "quickly delete the /controller znode so a broker becomes the ZooKeeper controller again "
        "(until then the brokers log errors about the KRaft controller)";
    zk.commands.push_back(zk_shell("delete /controller"));
    // The ZooKeeper shell of Kafka's 3.6+ client has no 'rmr' (ZOOKEEPER-3411); these znodes
    // have no children, so 'delete' removes them (apache/kafka #19953, kafka-site #679).
    if (std::find(p.sources.begin(), p.sources.end(), std::string(kZkShellSource)) ==
        p.sources.end())
      p.sources.push_back(kZkShellSource);
    if (resets_migration_znode()) {
      zk.text +=
          "; then keep the migration state for debugging and delete it, so the migration can be "
          "tried again";
      zk.commands.push_back(zk_shell("get /migration"));
      zk.commands.push_back(zk_shell("delete /migration"));
      p.sources.push_back(
          "strimzi #11262 (a retry after a rollback that kept /migration skipped the copy "
          "from ZooKeeper)");
    }
    p.revert.push_back(std::move(zk));
    RevertStep files;
    files.text = std::string(first_roll.empty() ? "" : "second roll: ") +
                 "remove the migration flag, controller.listener.names and the quorum key "
                 "from every broker (the files below) and roll the brokers";
    files.restart = Restart::kRolling;
    files.files = without_controllers(before);
    p.revert.push_back(std::move(files));
  }

  // --- phase 3: brokers to KRaft -------------------------------------------------------

  void kraft_brokers(const std::vector<std::string>& before,
                     const std::vector<std::string>& in_migration) {
    Phase& p = new_phase("brokers to KRaft mode (broker roll 2 of 2)", Restart::kRolling,
                         NodeGroup::kBrokers);
    bool acl = false, cpl = false, lmfv = false;
    for (std::size_t i = 0; i < in_.given; ++i) {
      const BrokerView b = view_of(docs_[i]);
      edit(p, i, EditAction::kSet, "process.roles", "broker");
      edit(p, i, EditAction::kSet, "node.id", b.broker_id);
      edit(p, i, EditAction::kUnset, "broker.id");
      std::vector<std::string> zk;
      for (const properties::Entry& e : docs_[i].entries()) {
        const std::string key(docs_[i].key(e));
        if (key.rfind("zookeeper.", 0) == 0 && std::find(zk.begin(), zk.end(), key) == zk.end())
          zk.push_back(key);
      }
      for (const std::string& key : zk) edit(p, i, EditAction::kUnset, key);
      if (docs_[i].find(kIbp)) edit(p, i, EditAction::kUnset, kIbp);
      if (docs_[i].find("log.message.format.version")) {
        lmfv = true;
        edit(p, i, EditAction::kUnset, "log.message.format.version");
      }
      if (docs_[i].find("control.plane.listener.name")) {
        cpl = true;
        edit(p, i, EditAction::kUnset, "control.plane.listener.name");
      }
      if (value_of(docs_[i], "authorizer.class.name").value_or("") == kAclAuthorizer) {
        acl = true;
        edit(p, i, EditAction::kSet, "authorizer.class.name", kStandardAuthorizer);
      }
    }
    p.why.push_back({ReasonCode::kBrokersToKraft});
    if (cpl) p.why.push_back({ReasonCode::kControlPlaneDropped});
    if (lmfv)
      p.why.push_back(Reason{ReasonCode::kMessageFormatDropped}.with_removed_in(
          milestone(knowledge::Milestone::kMessageFormatRemoved)));
    if (acl) p.why.push_back({ReasonCode::kAclAuthorizer});
    p.why.push_back({ReasonCode::kZooKeeperStillWritten});
    for (std::size_t i = 0; i < in_.given; ++i) p.steps.push_back(broker_steps(i));
    p.gates.push_back(
        {"the metric kafka.controller:type=KafkaController,name=MigratingZkBrokerCount on the "
         "active controller is 0 (no broker left in ZooKeeper mode)",
         ""});
    add_zk_revert(p, before, in_migration);
    snapshot(p);
  }

  // --- phase 4: finalize -------------------------------------------------------------------

  void finalize() {
    Phase& p = new_phase("finalize the migration on the controllers (controller roll)",
                         Restart::kRolling, NodeGroup::kControllers);
    for (std::size_t k = 0; k < in_.controllers.size(); ++k) {
      const std::size_t i = in_.given + k;
      std::vector<std::string> zk;
      for (const properties::Entry& e : docs_[i].entries()) {
        const std::string key(docs_[i].key(e));
        if (key.rfind("zookeeper.", 0) == 0 && std::find(zk.begin(), zk.end(), key) == zk.end())
          zk.push_back(key);
      }
      for (const std::string& key : zk) edit(p, i, EditAction::kUnset, key);
      NodeSteps s;
      s.file = i;
      s.address = in_.controllers[k].host + ":" + in_.controllers[k].port;
      s.running = bridge().name;
      s.actions.push_back({"stop", "stop the controller", "bin/kafka-server-stop.sh"});
      s.actions.push_back({"start", "start it with this file",
                           "bin/kafka-server-start.sh -daemon " + in_.paths[i]});
      std::string q = quorum_describe(in_.controllers[k], "--replication");
      s.actions.push_back(
          {"verify", "wait until its lag in the quorum is 0 before the next controller", q});
      p.steps.push_back(std::move(s));
    }
    p.why.push_back({ReasonCode::kFinalizeMigration});
    p.reversible = false;
    p.gates.push_back(
        {"the metric kafka.controller:type=KafkaController,name=ZkMigrationState is 3 "
         "(POST_MIGRATION)",
         ""});
    snapshot(p);
  }

  const MigrationInput& in_;
  MigrationOutput out_;
  std::vector<properties::Document> docs_;
  std::vector<bool> exists_;
  properties::Document first_;
  BrokerView view_;
  std::string protocol_;
  std::string cname_;
};

}  // namespace

MigrationOutput build_migration(const MigrationInput& in) { return Builder(in).run(); }

}  // namespace kafkalint::plan::migration
