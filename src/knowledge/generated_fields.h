#pragma once
// Strict reading of the fields of one TOML table of a generated pack (configs/, cli/):
// every field must be one the schema knows and have the type it documents, so a typo in a
// --rules overlay is a located error instead of a silently ignored value. Private to
// knowledge/: toml++ types do not leave this folder.

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "knowledge/pack_source.h"

namespace kafkalint::knowledge::generated {

/// Reads the fields of `table` one by one and remembers which were asked for; finish()
/// then rejects any other field. The first problem sets *err and makes ok() false; later
/// calls do nothing, so a caller can read all fields and check once.
class FieldReader {
 public:
  /// `what` names the table in messages ("key of [broker]", "[[tool]]").
  FieldReader(const PackText& pack, const toml::table& table, std::string what, core::Error* err)
      : pack_(pack), table_(table), what_(std::move(what)), err_(err) {}

  /// A string field; `required` fields must be present. Absent optional fields leave *out.
  bool string(std::string_view key, std::string* out, bool required = false);
  /// A string field whose absence means something (nullopt) rather than "empty".
  bool optional_string(std::string_view key, std::optional<std::string>* out);
  /// Like string(), but the value must be one of `allowed`.
  bool one_of(std::string_view key, std::string* out, const std::vector<std::string_view>& allowed,
              bool required = false);
  /// A boolean field; absent leaves *out.
  bool boolean(std::string_view key, bool* out);
  /// An array field, or nullptr when absent (or on error; check ok()).
  const toml::array* array(std::string_view key, bool required = false);
  /// An array of strings; absent leaves *out empty.
  bool string_array(std::string_view key, std::vector<std::string>* out);
  /// Fails on the first field that was not read; call after all reads.
  bool finish();

  bool ok() const { return ok_; }
  /// Sets a located error at `node` (unless one is already set).
  bool fail(const toml::node& node, std::string message, std::string hint = {});

 private:
  const toml::node* lookup(std::string_view key, bool required);

  const PackText& pack_;
  const toml::table& table_;
  std::string what_;
  core::Error* err_;
  std::vector<std::string_view> known_;  // fields asked for, to reject the others
  bool ok_ = true;
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
