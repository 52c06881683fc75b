#pragma once
// What a Kafka 4.x install needs around it, read from Dockerfiles and install scripts:
// KL830, a Java older than 17 under Kafka 4.x brokers and tools (UP-4x 4.0: Java 17 for
// brokers, Connect and tools); KL831, a Scala 2.12 build of Kafka 4.x, which does not exist
// (KIP-751 dropped Scala 2.12 in 4.0); KL150, KAFKA_LOG4J_OPTS still naming a Log4j 1 file
// under a 4.x target.

#include <vector>

#include "checks/context.h"
#include "checks/script_checks.h"
#include "core/finding.h"

namespace kafkalint::checks {

void check_runtime(const ScriptFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
