// libFuzzer target for the .kafkalint.toml loader: any bytes give settings or a located error
// (never a crash, never undefined behaviour in toml++ 3.3 on invalid UTF-8), and what loads
// holds only valid values: versions not empty, known roles and severities.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "checks/props_file.h"
#include "checks/settings.h"
#include "fuzz_support.h"

using namespace kafkalint;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  core::Error err;
  const std::optional<checks::Settings> s =
      checks::parse_settings(text, "repo/.kafkalint.toml").take(&err);
  if (!s) {
    require(err.where.file == "repo/.kafkalint.toml" && !err.message.empty());
    require(err.where.line >= 0 && err.where.column >= 0);
    return 0;
  }
  require(s->root == "repo");
  if (s->to) require(!s->to->empty() && s->to_at.line >= 1);
  if (s->from) require(!s->from->empty() && s->from_at.line >= 1);
  if (s->fail_on)
    require(*s->fail_on == "error" || *s->fail_on == "warning" || *s->fail_on == "info");
  for (const auto& [pattern, role] : s->roles) require(checks::parse_role(role).has_value());
  return 0;
}
