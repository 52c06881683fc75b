#pragma once
// Config values inside command lines are one more carrier: the key=value pairs of
// kafka-configs.sh --add-config (brokers and topics), kafka-topics.sh --config and
// kafka-server-start.sh --override (one broker setting each) are checked
// against the release the run targets, like a properties file, and a broker key Kafka does not
// accept live (read-only update mode) is KL714: the --alter fails.

#include <vector>

#include "checks/context.h"
#include "checks/script_checks.h"
#include "core/finding.h"

namespace kafkalint::checks {

void check_command_configs(const ScriptFile& f, const CheckKnowledge& k,
                           std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
