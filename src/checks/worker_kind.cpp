#include "checks/worker_kind.h"

#include <array>
#include <string_view>

namespace kafkalint::checks {
namespace {

// Keys only a Connect worker or a connector reads (WorkerConfig, DistributedConfig,
// StandaloneConfig, ConnectorConfig); no broker or client defines any of them.
constexpr std::array<std::string_view, 10> kConnectKeys = {
    "key.converter",        "value.converter",
    "offset.storage.topic", "config.storage.topic",
    "status.storage.topic", "offset.storage.file.filename",
    "plugin.path",          "offset.flush.interval.ms",
    "connector.class",      "tasks.max"};

}  // namespace

std::optional<std::string> connect_or_mirror_maker(const PropsFile& f) {
  const properties::Document& doc = f.doc();
  for (const properties::Entry& e : doc.entries()) {
    if (f.opaque(e.key)) continue;
    const std::string_view key = doc.key(e);
    // MirrorMaker 2: the cluster aliases, and replication flows written "A->B.enabled".
    if (key == "clusters" || key.find("->") != std::string_view::npos)
      return "a MirrorMaker 2 configuration (it sets '" + std::string(key) +
             "'); kafkalint does not check those yet";
    for (std::string_view k : kConnectKeys)
      if (key == k)
        return "a Kafka Connect worker or connector configuration (it sets '" + std::string(key) +
               "'); kafkalint does not check those yet";
  }
  return std::nullopt;
}

}  // namespace kafkalint::checks
