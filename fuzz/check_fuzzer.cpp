// libFuzzer target for the properties checks: any file, read as a broker or a client config,
// with or without a template syntax, gives findings whose positions lie inside the file.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "checks/context.h"
#include "checks/props_file.h"
#include "fuzz_support.h"

using namespace kafkalint;
using fuzz::Loaded;
using fuzz::require;

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
    const int lines = static_cast<int>(f->lines.size());
    for (const core::Finding& fd : out) {
      if (fd.where.line < 1 || fd.where.line > lines || fd.where.column < 1) std::abort();
      if (fd.fix)
        for (const core::TextEdit& e : fd.fix->edits)
          if (e.offset + e.length > bytes.size()) std::abort();
    }
  }
  return 0;
}
