#pragma once
// The client.properties that the plan's commands pass with --command-config on a secured
// listener: written next to the phases by `plan --out`, so no printed command names a file
// that does not exist.

#include <optional>

#include "plan/plan.h"

namespace kafkalint::plan {

/// The name the plan's commands use.
inline constexpr const char* kClientConfigName = "client.properties";

/// True when a command of `p` (steps, cluster-wide commands, gates, reverts) passes
/// --command-config client.properties.
bool uses_client_config(const Plan& p);

/// client.properties for the tools, from the first given broker file: the security protocol of
/// its inter-broker listener, the SASL mechanism and the TLS trust settings it uses. Secrets
/// are never copied: the admin's credentials and store passwords are left as lines to fill in,
/// commented out. nullopt when no command needs it.
std::optional<NewFile> client_config(const Plan& p);

}  // namespace kafkalint::plan
