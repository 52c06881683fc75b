// KL302: keys without a default that a broker or controller of the target release needs to
// start. (KL301, the defaults that change under a file, is in default_changes.cpp.)

#include "checks/properties/file_checker.h"

namespace kafkalint::checks::props {

bool FileChecker::broker_id_set() const {
  const Entry* b = doc_.find("broker.id");
  return b && (f_.value_opaque(*b) || java_trim(doc_.value(*b)) != "-1");
}

// KL302: a broker or controller of the target release will not start without these keys.
// Controllers too: a controller-only 4.x node needs node.id like any other.
void FileChecker::check_required() {
  if (f_.templated()) return;  // keys may come from template loops: unset is unknowable
  if (k_.to && f_.role == Role::kBroker) {
    for (const knowledge::ConfigKey& ck : k_.configs->keys(Scope::kBroker)) {
      if (!ck.required || doc_.find(ck.name)) continue;
      if (ck.name == "zookeeper.connect" && f_.kraft) continue;
      // A ZooKeeper broker cannot gain these keys by hand: it must migrate on a 3.x bridge
      // first, which KL103 on zookeeper.connect (and KL803 with --from) already says.
      if ((ck.name == "process.roles" || ck.name == "node.id") && !f_.kraft &&
          doc_.find("zookeeper.connect"))
        continue;
      // KafkaConfig.populateSynonyms sets an unset node.id from broker.id.
      if (ck.name == "node.id" && broker_id_set()) continue;
      auto& fd = emit_.at_file(RuleId::KL302,
                               quoted(ck.name) + " is not set and has no default; a Kafka " +
                                   k_.to->name + (controller_only() ? " controller" : " broker") +
                                   " will not start without it");
      fd.subject = ck.name;
    }
    // KRaft nodes: KafkaConfig's own checks refuse a node that cannot find the controllers,
    // although the reference gives these keys an empty default.
    if (f_.kraft && k_.configs->find(Scope::kBroker, "controller.listener.names")) {
      const char* node = controller_only() ? " controller" : " KRaft node";
      if (!doc_.find("controller.listener.names") &&
          !required_in_reference("controller.listener.names")) {
        auto& fd = emit_.at_file(
            RuleId::KL302, "'controller.listener.names' is not set; a Kafka " + k_.to->name + node +
                               " will not start without the name of the controller listener");
        fd.subject = "controller.listener.names";
      }
      const bool bootstrap_known =
          k_.configs->find(Scope::kBroker, "controller.quorum.bootstrap.servers");
      if (!doc_.find("controller.quorum.voters") &&
          !doc_.find("controller.quorum.bootstrap.servers") &&
          !required_in_reference("controller.quorum.voters")) {
        auto& fd = emit_.at_file(
            RuleId::KL302,
            std::string(bootstrap_known ? "neither 'controller.quorum.voters' nor "
                                          "'controller.quorum.bootstrap.servers' is set"
                                        : "'controller.quorum.voters' is not set") +
                "; a Kafka " + k_.to->name + node +
                " will not start without the controller quorum");
        fd.subject = "controller.quorum.voters";
      }
    }
  }
}

bool FileChecker::required_in_reference(std::string_view key) const {
  const knowledge::ConfigKey* ck = k_.configs->find(Scope::kBroker, key);
  return ck && ck->required;
}

}  // namespace kafkalint::checks::props
