#pragma once
// The checker of one properties file, shared by the files of src/checks/properties/: one
// file per family of rules (keys, values, defaults, safety, encoding, pins), mirroring
// testdata/checks/. The order the families run in, and the precedence that gives each key
// at most one KL1xx finding, are in one place: run() and check_entry() in
// src/checks/properties_checks.cpp.

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/context.h"
#include "checks/default_changes.h"
#include "checks/value_check.h"
#include "core/strings.h"
#include "core/suggest.h"
#include "properties/edit.h"

namespace kafkalint::checks::props {

using knowledge::Scope;
using properties::Entry;

inline constexpr std::string_view kBomAsLatin1 =
    "\xC3\xAF\xC2\xBB\xC2\xBF";  // U+00EF U+00BB U+00BF

inline std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

class FileChecker {
 public:
  FileChecker(const PropsFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out)
      : f_(f),
        doc_(f.doc()),
        k_(k),
        emit_(f, k, out),
        scopes_(role_scopes(f.role)),
        scope_set_(role_scope_set(f.role)) {}

  /// Every family, in rule-code order.
  void run();

 private:
  // Shared by the families (properties_checks.cpp).
  std::string_view key_of(const Entry& e) const;
  const knowledge::ConfigKey* find_key(std::string_view key) const;
  bool plain_key(const Entry& e) const;
  /// Whether a fix may rename `e`'s key to `to`: plain_key(e), `to` is not set, and no
  /// earlier fix of this file renames another key to `to` (claimed here).
  bool can_rename(const Entry& e, const std::string& to);
  bool controller_only() const;
  bool broker_only() const;
  /// The one-finding-per-key precedence of KL1xx: log4j, known, undocumented, legacy or
  /// changed, removed, plugin prefix, another scope, unknown.
  void check_entry(const Entry& e);

  // keys.cpp
  void check_duplicates();
  bool check_legacy_or_changed(const Entry& e, std::string_view key);
  bool check_other_scope(const Entry& e, std::string_view key);
  void check_unknown(const Entry& e, std::string_view key);
  bool known_first_segment(const std::string& seg);
  void check_shadowed();

  // values.cpp
  void check_known(const Entry& e, std::string_view key, const knowledge::ConfigKey& ck);
  void check_value(const Entry& e, std::string_view key, const knowledge::ConfigKey& ck);
  bool plain_value(const Entry& e) const;

  // pins.cpp
  bool zk_migration() const;
  bool target_defines(std::string_view key) const;
  void check_protocol_pins();
  void check_pins_for_upgrade(const Entry* ibp, const Entry* lmfv);

  // safety.cpp
  void check_set_values();
  void check_default_minimums();
  void check_unset_keys();
  bool scala_producer() const;
  void check_scala_producer_acks(const knowledge::Release* runs);

  // defaults.cpp
  bool broker_id_set() const;
  void check_required();
  bool required_in_reference(std::string_view key) const;

  // encoding.cpp
  void check_encoding();

  const PropsFile& f_;
  const properties::Document& doc_;
  const CheckKnowledge& k_;
  Emitter emit_;
  std::vector<Scope> scopes_;
  std::set<std::string> rename_targets_;  // keys a rename fix already produces
  knowledge::ScopeSet scope_set_;         // scopes_ as one set, for the curated facts
  // The names of the keys the role's scopes know, gathered on the first unknown key (one
  // list per file, not one per unknown key).
  std::optional<core::Closest> known_names_;
  // known_first_segment's answers: it scans every key of every scope, once per first word.
  std::map<std::string, bool, std::less<>> first_segments_;
};

}  // namespace kafkalint::checks::props
