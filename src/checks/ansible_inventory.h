#pragma once
// Brokers that an Ansible inventory configures through its variable files: group_vars/<group>.yml
// (or group_vars/<group>/*.yml) and host_vars/<host>.yml (or host_vars/<host>/*.yml). Each
// host's variables are resolved the way Ansible resolves them (the 'all' group first, then the
// host's other groups, then its host_vars; a variable defined twice is replaced as a whole, as
// with Ansible's default hash_behaviour), and the hosts' brokers are compared as a cluster
// (KL6xx). Kafka settings come from cp-ansible's kafka_broker_custom_properties map and from
// the variables a role's server.properties template writes as a whole value
// ('broker.id={{ kafka_broker_id }}').

#include <vector>

#include "checks/context.h"
#include "checks/script_checks.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// The cluster findings of the inventory `f` belongs to that point into `f` (a group_vars or
/// host_vars file); nothing for any other file. Every variable file of the inventory computes
/// the same findings and keeps its own, so each is reported once, where its value is written.
void check_ansible_inventory(const ScriptFile& f, const CheckKnowledge& k,
                             std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
