#pragma once
// Reading the generated packs (configs/, cli/): their field reader, their `pack` header and
// the files of each release line. Private to knowledge/: toml++ types do not leave this folder.

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "knowledge/field_reader.h"
#include "knowledge/pack_source.h"

namespace kafkalint::knowledge::generated {

/// The field reader of the generated packs, worded as their errors always were.
class Fields : public FieldReader {
 public:
  Fields(const PackText& pack, const toml::table& table, std::string what, core::Error* err)
      : FieldReader(pack, table, std::move(what), err, Wording::kGenerated) {}
};

/// Checks that every element of `array` is a table (inline or [[header]]); sets *err at the
/// first that is not. `what` names the array in the message ("'broker'").
bool check_table_array(const PackText& pack, const toml::array& array, std::string_view what,
                       core::Error* err);

/// Reads the `pack` table common to generated packs: `kind` must equal `kind` and `release`
/// must equal `release_line` (the file name), so a copied file cannot pose as another release.
/// Stores the `source` field in *source.
bool read_pack_header(const PackText& pack, const toml::table& root, std::string_view kind,
                      std::string_view release_line, std::string* source, core::Error* err);

/// Release lines named by files under `prefix` ("kafka/configs/"), sorted by version.
std::vector<std::string> releases_under(const PackSource& packs, std::string_view prefix);

/// The pack `<prefix><release_line>.toml`, or nullopt and *err naming the missing file and the
/// release lines that do have a pack. `what` names the kind ("configuration").
std::optional<PackText> find_release_pack(const PackSource& packs, std::string_view prefix,
                                          std::string_view release_line, std::string_view what,
                                          core::Error* err);

}  // namespace kafkalint::knowledge::generated
