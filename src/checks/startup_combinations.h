#pragma once
// KL245-KL248: combinations of keys that each pass their own validator but that Kafka refuses
// together when the client or broker starts (docs/validator-audit.md): an explicitly
// idempotent producer with acks, retries or in-flight requests it cannot honour; a SASL
// inter-broker listener whose mechanism is not enabled; a log cleaner dedupe buffer of 1 MiB
// or less per thread; a replica fetch wait longer than the replica timeouts.

#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// Reports what `f` sets that the release of `k` refuses at start-up as a combination.
/// Only keys the file sets are judged (a missing one takes the reference's default); values
/// a template fills in, or that do not parse, are left to the value rules.
void check_startup_combinations(const PropsFile& f, const CheckKnowledge& k,
                                std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
