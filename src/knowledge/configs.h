#pragma once
// The documented configuration keys of one Kafka release line, per scope, as generated
// into rules/kafka/configs/<line>.toml by tools/import_kafka.py (format:
// rules/SCHEMA.md). Facts only: name, type, default, valid values, importance,
// dynamic update mode, the broker key behind a topic key.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"
#include "knowledge/pack_source.h"

namespace kafkalint::knowledge {

/// Which ConfigDef a key belongs to.
enum class Scope { kBroker, kTopic, kProducer, kConsumer, kAdmin };

/// All scopes, in pack order.
inline constexpr std::array<Scope, 5> kAllScopes = {Scope::kBroker, Scope::kTopic, Scope::kProducer,
                                                    Scope::kConsumer, Scope::kAdmin};

/// "broker", "topic", "producer", "consumer" or "admin" (the pack's table names).
const char* scope_name(Scope scope);
/// The scope named `name` as scope_name() spells it, else nullopt.
[[nodiscard]] std::optional<Scope> parse_scope(std::string_view name);

/// A set of scopes: the scopes a curated fact (keys.toml, safety.toml) applies to, or the
/// scopes a file may be read as (a client file of unknown kind is producer, consumer and
/// admin at once). Parsed from the packs' words when they load, so no check compares
/// scope names as strings.
class ScopeSet {
 public:
  constexpr ScopeSet() = default;
  static constexpr ScopeSet of(Scope s) { return ScopeSet(bit(s)); }
  /// Producer, consumer and admin: the packs' "client".
  static constexpr ScopeSet clients() {
    return ScopeSet(bit(Scope::kProducer) | bit(Scope::kConsumer) | bit(Scope::kAdmin));
  }
  /// Every scope: the packs' "any".
  static constexpr ScopeSet all() {
    return ScopeSet(clients().bits_ | bit(Scope::kBroker) | bit(Scope::kTopic));
  }
  /// One of the packs' scope words: a scope_name(), "client" or "any"; else nullopt.
  [[nodiscard]] static std::optional<ScopeSet> parse(std::string_view word);

  constexpr bool contains(Scope s) const { return (bits_ & bit(s)) != 0; }
  /// True when every scope of `file` is in this set: a fact of a "client" entry applies to
  /// a producer file, a producer-only fact not to a client file of unknown kind.
  constexpr bool covers(ScopeSet file) const { return (bits_ & file.bits_) == file.bits_; }
  /// True when the sets share a scope.
  constexpr bool overlaps(ScopeSet other) const { return (bits_ & other.bits_) != 0; }
  constexpr ScopeSet operator|(ScopeSet o) const { return ScopeSet(bits_ | o.bits_); }
  constexpr bool operator==(ScopeSet o) const { return bits_ == o.bits_; }
  constexpr bool operator<(ScopeSet o) const { return bits_ < o.bits_; }
  /// The word the packs use for this set ("broker", "client", "any"), or the scope names
  /// joined with '+' for a set no single word names.
  std::string name() const;

 private:
  constexpr explicit ScopeSet(unsigned bits) : bits_(bits) {}
  static constexpr unsigned bit(Scope s) { return 1U << static_cast<unsigned>(s); }
  unsigned bits_ = 0;
};

/// ConfigDef's types, as the references name them.
enum class ConfigType { kBoolean, kString, kInt, kShort, kLong, kDouble, kList, kClass, kPassword };

/// "boolean", "string", "int", ... as the references spell them.
const char* to_string(ConfigType type);
/// The type named `name`, else nullopt.
[[nodiscard]] std::optional<ConfigType> parse_config_type(std::string_view name);

/// How a broker key can be changed on a running cluster (KIP-226), as the reference says.
enum class UpdateMode { kUnknown, kReadOnly, kPerBroker, kClusterWide };

/// "read-only", "per-broker", "cluster-wide"; "" for kUnknown.
const char* to_string(UpdateMode mode);

/// One documented key of one scope in one release.
struct ConfigKey {
  std::string name;
  ConfigType type = ConfigType::kString;
  /// Normalised default (units, list brackets and "class " prefixes dropped; "" = empty
  /// string or list). nullopt when the default is null or when the key has none (required).
  std::optional<std::string> default_value;
  /// True when Kafka has no default at all: the key must be set.
  bool required = false;
  /// Validator text ("[1,...]", "[compact, delete]", "non-null string"); empty when none.
  std::string valid;
  /// high, medium or low.
  std::string importance;
  /// Broker keys 1.1 - 3.9: read-only, per-broker or cluster-wide; kUnknown when not known.
  UpdateMode update_mode = UpdateMode::kUnknown;
  /// Topic keys up to 3.9: the broker key that supplies the default; empty when not known.
  std::string server_default;
  /// 4.x keys Kafka accepts but leaves out of its docs (ConfigDef defineInternal).
  bool internal = false;
};

/// A key a scope documented in an earlier release and never again from this one on.
struct RemovedKey {
  Scope scope = Scope::kBroker;
  std::string name;
  std::string last;  ///< last release line that documented it
};

/// The configuration knowledge of one release line. Lookups are binary searches over
/// vectors sorted at load time.
class ConfigCatalog {
 public:
  /// The release line ("2.1", "0.10.2", "4.0").
  const std::string& release() const { return release_; }
  /// Where the facts came from ("kafka-docs/2.1", "kafka-4x/configs-4.0.tsv").
  const std::string& source() const { return source_; }

  /// Whether this release documents the scope at all (no topic page before 0.10.1, no
  /// AdminClient before 0.11.0). find() of an undocumented scope is always nullptr.
  bool documents(Scope scope) const { return documented_[index(scope)]; }
  /// The key `name` of `scope`, or nullptr.
  const ConfigKey* find(Scope scope, std::string_view name) const;
  /// All keys of `scope`, sorted by name.
  const std::vector<ConfigKey>& keys(Scope scope) const { return keys_[index(scope)]; }

  /// The removal record when `name` was documented before this release and never after.
  const RemovedKey* removed(Scope scope, std::string_view name) const;
  /// All removal records, sorted by scope then name.
  const std::vector<RemovedKey>& removed_keys() const { return removed_; }
  /// True when `name` is missing from this release's docs but documented before and after
  /// (a gap in the reference, not a removal: Kafka still accepts it).
  bool undocumented(Scope scope, std::string_view name) const;

 private:
  friend std::optional<ConfigCatalog> parse_configs_fast(const PackText&, std::string_view);
  friend core::Result<ConfigCatalog> parse_configs_toml(const PackText&, std::string_view);
  friend bool operator==(const ConfigCatalog& a, const ConfigCatalog& b);
  static std::size_t index(Scope s) { return static_cast<std::size_t>(s); }
  // Fills slots_ from keys_; called once the keys are read and sorted.
  void build_index();

  std::string release_;
  std::string source_;
  std::array<bool, kAllScopes.size()> documented_{};
  std::array<std::vector<ConfigKey>, kAllScopes.size()> keys_;
  // Open-addressing hash of each scope's names (1 + index into keys_, 0 = empty; a power of
  // two at least twice the keys): find() runs for every key of every file, several scopes
  // and releases each, and a 160,000-key file spent a sixth of `check` in binary searches.
  std::array<std::vector<std::uint32_t>, kAllScopes.size()> slots_;
  std::vector<RemovedKey> removed_;
  std::array<std::vector<std::string>, kAllScopes.size()> undocumented_;  // sorted
};

/// Loads kafka/configs/<release_line>.toml from `packs` (embedded or a --rules overlay).
/// nullopt and *err on a missing file or a bad pack: the error names file:line:col, what is
/// wrong and what was expected. Never throws.
core::Result<ConfigCatalog> load_configs(const PackSource& packs, std::string_view release_line);

/// Parses the text of a configuration pack for `release_line` (what load_configs() does once
/// it has found the file; also the entry point of the fuzzer). Never throws.
core::Result<ConfigCatalog> parse_configs(const PackText& pack, std::string_view release_line);

/// The two readers behind parse_configs(): a fast reader of the exact layout the importer
/// writes (nullopt for anything else, with no error) and the general toml++ reader, which
/// reports every problem with its position. Both give the same catalogue for the same pack.
[[nodiscard]] std::optional<ConfigCatalog> parse_configs_fast(const PackText& pack,
                                                              std::string_view release_line);
core::Result<ConfigCatalog> parse_configs_toml(const PackText& pack, std::string_view release_line);

/// Same release, source and facts (tests compare the two readers with it).
bool operator==(const ConfigCatalog& a, const ConfigCatalog& b);

/// Release lines that have a configs pack, sorted by version ("0.9.0", ..., "4.4").
std::vector<std::string> config_releases(const PackSource& packs);

}  // namespace kafkalint::knowledge
