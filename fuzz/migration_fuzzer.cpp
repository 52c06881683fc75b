// libFuzzer target for the ZooKeeper -> KRaft road planner: the input is split at NUL bytes
// into up to four node files (a fourth one is usually a controller file of a migration under
// way) and, after a line starting with "@", a --controllers value. Every plan, refused or not,
// must be well formed: each phase has a file per node, and each revert step too.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "checks/props_file.h"
#include "knowledge/store.h"
#include "plan/migration.h"

using namespace kafkalint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const knowledge::Store store;
  static const knowledge::Release* v39 = nullptr;
  static const knowledge::Release* v41 = nullptr;
  if (!v39) {
    const auto versions = store.versions();
    if (!versions) std::abort();
    v39 = versions->find_line("3.9");
    v41 = versions->find_line("4.1");
    if (!v39 || !v41) std::abort();
  }
  std::string input(reinterpret_cast<const char*>(data), size);
  plan::MigrationOptions m;
  if (auto at = input.find("\n@"); at != std::string::npos) {
    core::Error err;
    const std::string spec = input.substr(at + 2, input.find('\n', at + 2) - (at + 2));
    if (auto nodes = plan::parse_controllers(spec).take(&err)) m.controllers = *nodes;
    input.erase(at);
  }
  std::vector<std::unique_ptr<checks::PropsFile>> files;
  std::size_t start = 0;
  for (int i = 0; i < 4 && start <= input.size(); ++i) {
    std::size_t end = input.find('\0', start);
    if (end == std::string::npos) end = input.size();
    auto f = checks::load_props("node-" + std::to_string(i) + ".properties",
                                input.substr(start, end - start));
    f->role = checks::Role::kBroker;
    if (!f->refused()) files.push_back(std::move(f));
    start = end + 1;
  }
  if (files.empty()) return 0;
  std::vector<const checks::PropsFile*> ptrs;
  for (const auto& f : files) ptrs.push_back(f.get());
  core::Error err;
  const auto p =
      plan::make_migration_plan(store, *v39, *v41, "3.9", "4.1", ptrs, plan::PlanOptions{}, m)
          .take(&err);
  if (!p) std::abort();  // the packs are built in: they cannot be broken
  for (const plan::Phase& ph : p->phases) {
    if (ph.files_after.size() != p->brokers.size()) std::abort();
    for (const plan::RevertStep& st : ph.revert)
      if (!st.files.empty() && st.files.size() != p->brokers.size()) std::abort();
  }
  return 0;
}
