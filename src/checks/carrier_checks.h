#pragma once
// The check rules on Kafka settings that live in YAML carriers (Compose env, Strimzi and CFK
// resources, ConfigMaps, Helm values, Ansible): the same KL codes as in properties files,
// located on what the YAML file says, with fixes only where the edit is unambiguous (the
// file spells the key or the plain value itself).

#include <optional>
#include <string>
#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "checks/script_checks.h"
#include "checks/suppress.h"
#include "core/finding.h"
#include "scripts/carriers.h"

namespace kafkalint::checks {

/// `v` written as a properties value Java reads back on one line: `\` and line breaks
/// escaped; other bytes (UTF-8 included) as they are. Leading blanks are dropped, as Kafka
/// drops them from the `key=value` line the image, operator or role writes (Compose's
/// `KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: ' '` is an empty value, not an escaped blank).
std::string escaped_value(const std::string& v);

/// The findings of every carrier of `f` (YAML carriers, Dockerfile ENV, `docker run -e`). Each
/// entry's lines go to `statements`, so a suppression comment just above an entry silences
/// that entry only (without them a comment above the first entry would cover the file).
void check_carriers(const ScriptFile& f, const CheckKnowledge& k, std::optional<Role> role,
                    std::vector<core::Finding>* out, std::vector<Statement>* statements);

/// The findings of one carrier of `f` built by the caller (e.g. the --add-config values of a
/// command line), located and fixed the same way.
void check_carrier(const ScriptFile& f, const CheckKnowledge& k, const scripts::Carrier& c,
                   std::optional<Role> role, std::vector<core::Finding>* out);

/// When a Compose file of `path`'s folder (or of up to two folders above) bind-mounts the
/// properties file `path` into its only Kafka broker service, that service ("service kafka of
/// docker-compose.yml"): the file then configures a single node. nullopt otherwise. Compose
/// files are read once per folder and process; safe to call from several threads.
std::optional<std::string> single_broker_mount(const std::string& path);

}  // namespace kafkalint::checks
