#include "knowledge/curated_fields.h"

#include <algorithm>

#include "core/suggest.h"

namespace kafkalint::knowledge::curated {

bool check_root(const PackText& pack, const toml::table& root,
                const std::vector<std::string_view>& allowed, core::Error* err) {
  const toml::node* schema = root.get("schema");
  if (!schema) {
    *err = pack_error(pack, root, "rule pack has no 'schema' version",
                      "add 'schema = 1' at the top; see rules/SCHEMA.md");
    return false;
  }
  const auto* schema_int = schema->as_integer();
  if (!schema_int || schema_int->get() != 1) {
    *err = pack_error(pack, *schema, "unsupported pack schema; this kafkalint reads schema = 1");
    return false;
  }
  std::vector<std::string> names(allowed.begin(), allowed.end());
  names.emplace_back("schema");
  for (const auto& [k, v] : root) {
    const std::string_view name = k.str();
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    std::string message = "unknown top-level entry '" + std::string(name) + "'";
    if (auto s = core::closest(name, names, 1); !s.empty())
      message += "; did you mean '" + s[0] + "'?";
    std::string hint = "expected one of:";
    for (const std::string& f : names) hint += " " + f;
    *err = pack_error(pack, v, message, hint);
    return false;
  }
  return true;
}

bool is_rule_code(std::string_view text) {
  return text.size() == 5 && text[0] == 'K' && text[1] == 'L' && text[2] >= '1' && text[2] <= '9' &&
         text[3] >= '0' && text[3] <= '9' && text[4] >= '0' && text[4] <= '9';
}

}  // namespace kafkalint::knowledge::curated
