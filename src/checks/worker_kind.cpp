#include "checks/worker_kind.h"

#include <array>
#include <string_view>

#include "core/strings.h"

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

// Keys of librdkafka's CONFIGURATION.md that no Java client, broker, Kafka tool or old Scala
// client defines (the Java client has sasl.mechanism, sasl.jaas.config,
// ssl.truststore.location instead). Confluent Cloud's client.properties for Go and Python
// clients sets the first three. Names librdkafka took from the Scala producer
// (queue.buffering.max.ms, batch.num.messages) are left out: Wikimedia's 0.8 mirror producer
// sets them, and its legacy keys are KL109's.
constexpr std::array<std::string_view, 14> kLibrdkafkaKeys = {"sasl.mechanisms",
                                                              "sasl.username",
                                                              "sasl.password",
                                                              "ssl.ca.location",
                                                              "ssl.certificate.location",
                                                              "ssl.key.location",
                                                              "enable.ssl.certificate.verification",
                                                              "queue.buffering.max.kbytes",
                                                              "socket.keepalive.enable",
                                                              "statistics.interval.ms",
                                                              "api.version.request",
                                                              "broker.version.fallback",
                                                              "enable.partition.eof",
                                                              "enable.auto.offset.store"};

// Keys only the Java client reads: a file with one of them is the Java client's, whatever
// librdkafka-looking key it also has (that one is then a typo worth reporting).
constexpr std::array<std::string_view, 5> kJavaOnlyKeys = {"sasl.jaas.config", "key.serializer",
                                                           "value.serializer", "key.deserializer",
                                                           "value.deserializer"};

}  // namespace

std::optional<std::string> librdkafka_client(const PropsFile& f) {
  const properties::Document& doc = f.doc();
  std::string first;
  int found = 0;
  for (const properties::Entry& e : doc.entries()) {
    if (f.opaque(e.key)) continue;
    const std::string_view key = doc.key(e);
    for (std::string_view k : kJavaOnlyKeys)
      if (key == k) return std::nullopt;
    for (std::string_view k : kLibrdkafkaKeys)
      if (key == k) {
        if (first.empty()) first = std::string(key);
        ++found;
      }
  }
  // Two of them: one alone may be a Java user's slip (sasl.mechanisms for sasl.mechanism).
  if (found < 2) return std::nullopt;
  return "a librdkafka client configuration (it sets '" + first +
         "', as clients for Go, Python or .NET read it); kafkalint checks the Java client's keys";
}

std::optional<std::string> hocon_config(const PropsFile& f) {
  // A block opened by 'name {' on a line of its own and closed by a lone '}': no properties
  // file has either (a key 'kafka' with the value '{', a key '}').
  // Both need a brace: most files have none, and cost one search instead of a line walk.
  if (f.original.find('}') == std::string::npos) return std::nullopt;
  bool opened = false, closed = false;
  for (int l = 1; f.lines.has(l); ++l) {
    const std::size_t b = f.lines.start(l);
    const std::size_t e = f.lines.has(l + 1) ? f.lines.start(l + 1) : f.original.size();
    const std::string_view line =
        core::trim_chars(std::string_view(f.original).substr(b, e - b), " \t\f\r\n");
    if (line.empty() || line.front() == '#' || line.front() == '!') continue;
    if (line == "}") {
      closed = true;
    } else if (line.size() > 1 && line.back() == '{' && line.find('=') == std::string_view::npos &&
               line.find(':') == std::string_view::npos) {
      opened = true;
    }
  }
  if (!opened || !closed) return std::nullopt;
  return std::string(
      "a file of 'name { ... }' blocks (HOCON, as Typesafe Config reads it, or an nginx or "
      "Logstash config), not a Java properties file");
}

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
