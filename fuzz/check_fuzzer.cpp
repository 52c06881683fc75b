// libFuzzer target for the properties checks: any file, read as a broker or a client config,
// with or without a template syntax, gives findings whose positions lie inside the file.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "checks/context.h"
#include "checks/props_file.h"

using namespace kafkalint;

namespace {

struct Loaded {
  knowledge::PackSource packs;
  std::optional<knowledge::VersionCatalog> versions;
  std::optional<knowledge::RuleCatalog> rules;
  std::optional<knowledge::KeyFacts> keys;
  std::optional<knowledge::SafetyFacts> safety;
  std::optional<knowledge::ConfigCatalog> configs, from_configs;
  checks::CheckKnowledge k;
  Loaded() {
    core::Error err;
    versions = knowledge::VersionCatalog::load(packs, &err);
    rules = knowledge::RuleCatalog::load(packs, &err);
    keys = knowledge::KeyFacts::load(packs, *rules, &err);
    safety = knowledge::SafetyFacts::load(packs, *rules, &err);
    configs = knowledge::load_configs(packs, "3.9", &err);
    from_configs = knowledge::load_configs(packs, "2.1", &err);
    if (!versions || !rules || !keys || !safety || !configs || !from_configs) std::abort();
    k.versions = &*versions;
    k.rules = &*rules;
    k.keys = &*keys;
    k.safety = &*safety;
    k.to = versions->find_line("3.9");
    k.from = versions->find_line("2.1");
    k.configs = &*configs;
    k.from_configs = &*from_configs;
    k.reference = k.to;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Loaded loaded;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const char* name :
       {"server.properties", "producer.properties.j2", "client.properties.erb"}) {
    auto f = checks::load_props(name, bytes);
    if (!f->parsed.ok()) continue;
    f->role = checks::role_from_content(*f, *loaded.k.configs);
    std::vector<core::Finding> out;
    checks::check_properties(*f, loaded.k, &out);
    const int lines = static_cast<int>(f->line_starts.size());
    for (const core::Finding& fd : out) {
      if (fd.where.line < 1 || fd.where.line > lines || fd.where.column < 1) std::abort();
      if (fd.fix)
        for (const core::TextEdit& e : fd.fix->edits)
          if (e.offset + e.length > bytes.size()) std::abort();
    }
  }
  return 0;
}
