#pragma once
// Files kafkalint does not check, told by their content whatever their name: Kafka Connect and
// MirrorMaker 2 configs, librdkafka client configs, HOCON and other block syntaxes.

#include <optional>
#include <string>

#include "checks/props_file.h"

namespace kafkalint::checks {

/// Why `f` is a Connect worker or connector file, or a MirrorMaker 2 file ("a Kafka Connect
/// worker configuration (it sets 'key.converter'); ..."), or nullopt for anything else. Such
/// files embed producer and consumer keys but mostly set keys no broker or client reads.
std::optional<std::string> connect_or_mirror_maker(const PropsFile& f);

/// Why `f` is a client config of librdkafka (the Go, Python, .NET and Node clients built on it)
/// rather than of the Java client, or nullopt. Its keys are librdkafka's
/// (sasl.username, sasl.mechanisms, ssl.ca.location): judged against the Java client they
/// read as typos.
std::optional<std::string> librdkafka_client(const PropsFile& f);

/// Why `f` is a file of 'name { ... }' blocks (HOCON as Typesafe Config reads it: 'kafka {',
/// quoted values, '}'; nginx, Logstash) rather than a properties file, or nullopt. Read as
/// properties, its quotes made every value invalid.
std::optional<std::string> hocon_config(const PropsFile& f);

}  // namespace kafkalint::checks
