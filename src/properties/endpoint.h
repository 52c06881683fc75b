#pragma once
// Where a client reaches a broker described by a properties file: the listener the admin tools
// of a plan or a diff connect to, with its security protocol. Shared by `plan` and `diff` so that
// both address the file's own listener the same way.

#include <string>
#include <vector>

#include "properties/document.h"

namespace kafkalint::properties {

struct Endpoint {
  std::string listener;  ///< listener name as written ("" for host.name/port files)
  std::string address;   ///< host:port ("localhost" for an empty or wildcard host)
  std::string protocol;  ///< security protocol: the protocol map's entry, else the name
  bool plaintext() const { return protocol == "PLAINTEXT"; }
};

/// The first listener a client can use: advertised.listeners, else listeners, skipping the
/// controller listeners (a controller-only node is reached on its controller listener), else
/// host.name/port and their advertised forms (files before 3.0).
Endpoint client_endpoint(const Document& d);

/// Every entry of `listeners` (else `advertised.listeners`) with its security protocol; names
/// are upper-cased as Kafka normalises them only in `protocol` lookups, kept as written here.
std::vector<Endpoint> listener_endpoints(const Document& d);

}  // namespace kafkalint::properties
