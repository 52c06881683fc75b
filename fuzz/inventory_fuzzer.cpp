// libFuzzer target for Ansible inventories: any bytes, read as the INI inventory 'hosts' of a
// fixed tree (a playbook running a role whose server.properties template writes
// broker.id={{ kafka_broker_id }}), give cluster findings that point inside those bytes; and
// every host pattern of the bytes expands to at most kMaxRangeHosts names.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "checks/ansible_inventory.h"
#include "fuzz_support.h"

using namespace kafkalint;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const char* text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

// The fixed tree around the fuzzed inventory, made once in a fresh temporary folder. The
// inventory itself is read from the ScriptFile's content, so 'hosts' on disk stays empty.
fs::path tree() {
  std::string dir = (fs::temp_directory_path() / "kl-inventory-fuzz-XXXXXX").string();
  fuzz::require(mkdtemp(dir.data()) != nullptr);
  const fs::path d(dir);
  write(d / "hosts", "");
  write(d / "kafka.yml", "- hosts: kafka\n  roles:\n    - kafka\n");
  write(d / "roles/kafka/defaults/main.yml", "kafka_broker_id: 0\nkafka_zk: zk1:2181\n");
  write(d / "roles/kafka/templates/server.properties.j2",
        "broker.id={{ kafka_broker_id }}\nzookeeper.connect={{ kafka_zk }}\n");
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::Loaded loaded;
  static const fs::path dir = tree();
  checks::ScriptFile f;
  f.path = (dir / "hosts").string();
  f.content.assign(reinterpret_cast<const char*>(data), size);
  f.kind = scripts::FileKind::kInventory;
  f.lines = core::LineIndex(f.content);
  std::vector<core::Finding> out;
  checks::check_ansible_inventory(f, loaded.k, &out);
  const int lines = static_cast<int>(f.lines.size());
  for (const core::Finding& fd : out)
    fuzz::require(fd.where.file == f.path && fd.where.line >= 1 && fd.where.line <= lines &&
                  fd.where.column >= 1);
  // Each line's first word as a host pattern.
  for (std::size_t at = 0; at < f.content.size();) {
    std::size_t end = f.content.find('\n', at);
    if (end == std::string::npos) end = f.content.size();
    const std::string_view line(f.content.data() + at, end - at);
    const std::string_view word = line.substr(0, line.find_first_of(" \t"));
    fuzz::require(checks::expand_host_pattern(word).size() <= checks::kMaxRangeHosts);
    at = end + 1;
  }
  return 0;
}
