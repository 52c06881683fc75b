#pragma once
// Reading the hand-curated packs (versions.toml, rules.toml, keys.toml, flags.toml,
// safety.toml): their field reader and the checks of their top level. Private to knowledge/.

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "knowledge/field_reader.h"
#include "knowledge/pack_source.h"

namespace kafkalint::knowledge::curated {

/// The field reader of the curated packs, worded as their errors always were.
class Fields : public FieldReader {
 public:
  Fields(const PackText& pack, const toml::table& table, std::string what, core::Error* err)
      : FieldReader(pack, table, std::move(what), err, Wording::kCurated) {}
};

/// Checks the top level of a curated pack: `schema = 1` and no keys besides `allowed`
/// (plus "schema"). Returns false with *err set otherwise.
bool check_root(const PackText& pack, const toml::table& root,
                const std::vector<std::string_view>& allowed, core::Error* err);

/// True for "KL" followed by three digits, the first 1-9.
bool is_rule_code(std::string_view text);

}  // namespace kafkalint::knowledge::curated
