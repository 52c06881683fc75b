#pragma once
// Strict reading of the fields of one TOML table of a pack: every field must be one the
// schema documents and have its type, so a typo in a --rules overlay is a located error
// instead of a silently ignored value. Private to knowledge/: toml++ types do not leave this
// folder. curated_fields.h and generated_fields.h name the reader of each family of packs.

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/version.h"
#include "knowledge/pack_source.h"

namespace kafkalint::knowledge {

/// How the errors of a reader are worded. The curated packs (hand-written) and the
/// generated ones (written by tools/import_kafka.py) grew their own phrasing, and users'
/// logs and the tests pin both, so the family chooses the words of the same checks.
enum class Wording { kCurated, kGenerated };

/// Reads the fields of one table and remembers which were asked for; finish() rejects the
/// others with a did-you-mean. The first problem sets *err and makes ok() false; later calls
/// do nothing, so a caller reads every field and checks once.
class FieldReader {
 public:
  /// `what` names the table in messages ("[[rule]] 'KL101'", "key of 'broker'"). Field names
  /// are kept as views until finish(): pass names that outlive the reader (literals).
  FieldReader(const PackText& pack, const toml::table& table, std::string what, core::Error* err,
              Wording wording);

  /// A string field. Absent optional fields leave *out unchanged.
  bool str(std::string_view key, std::string* out, bool required = false);
  /// A string field whose absence means something (nullopt) rather than "empty".
  bool optional_str(std::string_view key, std::optional<std::string>* out);
  /// A string field that must be one of `allowed`.
  bool one_of(std::string_view key, std::string* out, const std::vector<std::string_view>& allowed,
              bool required = false);
  /// A string field that must be a version ("2.1", "0.10.2", "3.0.1").
  bool version(std::string_view key, std::optional<core::Version>* out, bool required = false);
  bool boolean(std::string_view key, bool* out, bool required = false);
  bool integer(std::string_view key, std::int64_t* out, bool required = false);
  /// An array whose items are all strings; absent leaves *out empty.
  bool str_array(std::string_view key, std::vector<std::string>* out, bool required = false);
  /// An array field, or nullptr when absent (or on error; check ok()).
  const toml::array* array(std::string_view key, bool required = false);
  /// An array of tables (inline tables or [[x]] tables); absent gives an empty vector.
  bool table_array(std::string_view key, std::vector<const toml::table*>* out,
                   bool required = false);
  /// A sub-table; nullptr when absent or on error.
  const toml::table* table(std::string_view key, bool required = false);
  /// The node of a field (for located follow-up errors), or the table itself when absent.
  const toml::node& node_of(std::string_view key) const;

  /// Fails on the first field that was not read. Call after all reads.
  bool finish();
  /// Sets a located error at `node` unless one is already set; returns false.
  bool fail(const toml::node& node, std::string message, std::string hint = {});

  bool ok() const { return ok_; }
  const toml::table& self() const { return table_; }
  const std::string& what() const { return what_; }

 private:
  const toml::node* lookup(std::string_view key, bool required);
  bool curated() const { return wording_ == Wording::kCurated; }

  const PackText& pack_;
  const toml::table& table_;
  std::string what_;
  core::Error* err_;
  Wording wording_;
  std::vector<std::string_view> known_;  // the names asked for: literals of the callers
  bool ok_ = true;
};

}  // namespace kafkalint::knowledge
