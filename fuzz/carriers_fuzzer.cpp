// libFuzzer target for the YAML carriers: any bytes parse (libfyaml) to documents or to none,
// and every carrier entry found (YAML, Dockerfile ENV, docker run -e) points inside the input,
// key and value ranges in order.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "scripts/carriers.h"
#include "scripts/yaml_tree.h"

using namespace kafkalint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto docs = scripts::parse_yaml(bytes);
  std::vector<scripts::Carrier> all = scripts::find_carriers(docs, bytes);
  for (scripts::Carrier& c : scripts::dockerfile_carriers(bytes)) all.push_back(std::move(c));
  for (scripts::Carrier& c : scripts::docker_run_carriers(bytes)) all.push_back(std::move(c));
  // The same bytes as an env file of a Compose service (each image convention), and the env
  // files the bytes name when read as a Compose file.
  for (const char* image :
       {"apache/kafka:3.9.0", "bitnami/kafka:3.9", "confluentinc/cp-kafka:7.6.1", ""})
    all.push_back(scripts::env_file_carrier(
        bytes, scripts::ComposeEnvFile{"kafka.env", "kafka", image, true, false}));
  (void)scripts::compose_env_files(docs);
  for (const scripts::Carrier& c : all) {
    for (const scripts::CarrierEntry& e : c.entries) {
      if (e.key_begin > e.key_end || e.key_end > bytes.size()) std::abort();
      if (e.value_begin > e.value_end || e.value_end > bytes.size()) std::abort();
      if (e.key_line < 1 || e.value_line < 1) std::abort();
      if (!e.env_name.empty() && e.env_end > bytes.size()) std::abort();
    }
    for (const scripts::PropertiesBlock& b : c.blocks)
      for (const auto& [from, to] : b.lines)
        if (from > to || to > bytes.size()) std::abort();
  }
  return 0;
}
