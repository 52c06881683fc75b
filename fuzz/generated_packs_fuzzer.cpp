// libFuzzer target for the loaders of the generated packs (knowledge/configs.h,
// knowledge/cli_pack.h): any text gives a catalog or a located error, never a crash or an
// escaping toml++ exception; a catalog answers its own lookups.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "knowledge/cli_pack.h"
#include "knowledge/configs.h"

using namespace kafkalint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const knowledge::PackText pack{"fuzz.toml", text};
  core::Error err;
  // The seeds are real packs of several lines; "2.1" matches none of them on purpose for
  // some, so the header check is exercised both ways.
  for (std::string_view line : {"2.1", "4.0", "0.10.2"}) {
    if (auto c = knowledge::parse_configs(pack, line).take(&err)) {
      for (knowledge::Scope s : knowledge::kAllScopes)
        for (const auto& k : c->keys(s))
          if (c->find(s, k.name) != &k) std::abort();
      for (const auto& r : c->removed_keys())
        if (!c->removed(r.scope, r.name)) std::abort();
    } else if (err.message.empty() || err.where.file != "fuzz.toml") {
      std::abort();
    }
    if (auto c = knowledge::parse_cli(pack, line).take(&err)) {
      for (const auto& t : c->tools()) {
        if (c->find(t.script) != &t) std::abort();
        for (const auto& o : t.options)
          if (t.find_option(o.name) != &o) std::abort();
      }
    } else if (err.message.empty() || err.where.file != "fuzz.toml") {
      std::abort();
    }
  }
  return 0;
}
