#pragma once
// Kafka Connect and MirrorMaker 2 files told by their content, whatever their name.

#include <optional>
#include <string>

#include "checks/props_file.h"

namespace kafkalint::checks {

/// Why `f` is a Connect worker or connector file, or a MirrorMaker 2 file ("a Kafka Connect
/// worker configuration (it sets 'key.converter'); ..."), or nullopt for anything else. Such
/// files embed producer and consumer keys but mostly set keys no broker or client reads.
std::optional<std::string> connect_or_mirror_maker(const PropsFile& f);

}  // namespace kafkalint::checks
