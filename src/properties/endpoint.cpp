#include "properties/endpoint.h"

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "core/strings.h"
#include "properties/document.h"

namespace kafkalint::properties {
namespace {

bool ssl_or_sasl(const std::string& name) {
  return name == "SSL" || name == "SASL_SSL" || name == "SASL_PLAINTEXT";
}

std::map<std::string, std::string> protocol_map(const Document& d) {
  std::map<std::string, std::string> protocols;
  const auto m = value_of(d, "listener.security.protocol.map");
  if (m)
    for (const std::string& item : core::split_list(*m)) {
      const auto colon = item.find(':');
      if (colon != std::string::npos) protocols[item.substr(0, colon)] = item.substr(colon + 1);
    }
  // A KRaft node without the map maps its controller listeners to PLAINTEXT unless an SSL or
  // SASL listener name is in use (KafkaConfig.effectiveListenerSecurityProtocolMap, 3.3+).
  const auto roles = value_of(d, "process.roles");
  const auto names = value_of(d, "controller.listener.names");
  if (m || !roles || roles->empty() || !names) return protocols;
  const std::vector<std::string> controllers = core::split_list(*names);
  bool secured = false;
  for (const std::string& n : controllers) secured = secured || ssl_or_sasl(n);
  if (auto ls = value_of(d, "listeners"))
    for (const std::string& l : core::split_list(*ls))
      secured = secured || ssl_or_sasl(l.substr(0, l.find("://")));
  if (!secured)
    for (const std::string& n : controllers) protocols.emplace(n, "PLAINTEXT");
  return protocols;
}

Endpoint endpoint_of(const std::string& l, const std::map<std::string, std::string>& protocols) {
  const auto sep = l.find("://");
  Endpoint e;
  e.listener = l.substr(0, sep);
  std::string hostport = l.substr(sep + 3);
  if (hostport.empty() || hostport[0] == ':') hostport = "localhost" + hostport;
  if (hostport.rfind("0.0.0.0:", 0) == 0) hostport = "localhost" + hostport.substr(7);
  e.address = hostport;
  const auto p = protocols.find(e.listener);
  e.protocol = p != protocols.end() ? p->second : e.listener;
  return e;
}

}  // namespace

Endpoint client_endpoint(const Document& d) {
  std::set<std::string> controller_names;
  if (auto c = value_of(d, "controller.listener.names"))
    for (const std::string& n : core::split_list(*c)) controller_names.insert(n);
  std::vector<std::string> listeners;
  for (const char* key : {"advertised.listeners", "listeners"})
    if (auto v = value_of(d, key); v && listeners.empty())
      for (const std::string& l : core::split_list(*v)) {
        const auto sep = l.find("://");
        if (sep == std::string::npos) continue;
        if (controller_names.count(l.substr(0, sep))) continue;
        listeners.push_back(l);
      }
  // A controller-only node has just its controller listener: tools reach it there.
  if (listeners.empty() && !controller_names.empty())
    if (auto v = value_of(d, "listeners"))
      for (const std::string& l : core::split_list(*v))
        if (l.find("://") != std::string::npos && listeners.empty()) listeners.push_back(l);
  if (!listeners.empty()) return endpoint_of(listeners.front(), protocol_map(d));
  // Before 0.9 (and until 3.0) host.name/port may stand in for listeners.
  const std::string host =
      value_of(d, "advertised.host.name").value_or(value_of(d, "host.name").value_or(""));
  const std::string port =
      value_of(d, "advertised.port").value_or(value_of(d, "port").value_or("9092"));
  Endpoint e;
  e.address = (host.empty() ? "localhost" : host) + ":" + port;
  e.protocol = "PLAINTEXT";
  return e;
}

std::vector<Endpoint> listener_endpoints(const Document& d) {
  std::vector<Endpoint> out;
  const auto protocols = protocol_map(d);
  for (const char* key : {"listeners", "advertised.listeners"}) {
    if (!out.empty()) break;
    if (auto v = value_of(d, key))
      for (const std::string& l : core::split_list(*v))
        if (l.find("://") != std::string::npos) out.push_back(endpoint_of(l, protocols));
  }
  return out;
}

}  // namespace kafkalint::properties
