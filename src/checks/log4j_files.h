#pragma once
// KL150: a Log4j 1 log4j.properties given for a 4.x target. Kafka 4.0 moved to Log4j2
// (config/log4j2.yaml); a Log4j 1 file only works through Log4j2's limited compatibility.

#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// True when `f` is a Log4j 1 configuration (a log4j*.properties that is not a Log4j2 file
/// and sets log4j.* keys).
bool is_log4j1_config(const PropsFile& f);

/// Reports a Log4j 1 configuration checked for Kafka 4.0 or later (nothing otherwise).
void check_log4j1_for_4x(const PropsFile& f, const CheckKnowledge& k,
                         std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
