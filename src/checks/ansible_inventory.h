#pragma once
// Brokers that an Ansible inventory configures through its variables. Each host's variables
// are resolved in Ansible's documented order of precedence, lowest first: the defaults of a
// role writing the broker config (roles/<role>/defaults/main.yml or defaults/main/*.yml), for
// the hosts a playbook next to roles/ runs it on; the inventory file's own group vars (YAML
// 'vars:', INI '[group:vars]'; 'all' first, then the host's groups shallow to deep);
// group_vars/all and group_vars/<group> in the same order; the inventory file's host vars
// (YAML host mappings, INI 'host key=value'); host_vars/<host>; the play's vars and the role's
// params. A variable defined twice is replaced as a whole, as with Ansible's default
// hash_behaviour. The hosts' brokers are compared as a cluster (KL6xx). Kafka settings come
// from cp-ansible's kafka_broker_custom_properties map and from the variables a role's
// server.properties template writes as a whole value ('broker.id={{ kafka_broker_id }}').

#include <string>
#include <string_view>
#include <vector>

#include "checks/context.h"
#include "checks/script_checks.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// The host names an inventory host pattern stands for, expanded the way Ansible's inventory
/// plugins do (ansible.plugins.inventory.expand_hostname_range; documented under "Adding ranges
/// of hosts" in https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html):
/// the first `[begin:end]` or `[begin:end:stride]` is replaced by each value of the inclusive
/// range and the result expanded again, so 'web[01:03].example.com' gives web01, web02 and
/// web03, 'db-[a:c]' gives db-a, db-b, db-c and 'n[0:10:2]' six names. A begin with a leading
/// zero pads every value to its width; an empty begin is 0. A pattern Ansible rejects (unequal
/// padded widths, no end, a zero or non-numeric stride, letters out of order), or one naming
/// more than kMaxRangeHosts hosts, is kept as the single name it is written as.
std::vector<std::string> expand_host_pattern(std::string_view pattern);

/// The most host names one pattern expands to; a larger range stays unexpanded.
inline constexpr std::size_t kMaxRangeHosts = 4096;

/// The cluster findings of the inventory `f` belongs to that point into `f` (a group_vars or
/// host_vars file, an inventory file, a role's defaults); nothing for any other file. Every
/// variable file of the inventory computes the same findings and keeps its own, so each is reported
/// once, where its value is written.
void check_ansible_inventory(const ScriptFile& f, const CheckKnowledge& k,
                             std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
