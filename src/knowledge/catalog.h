#pragma once
// The curated packs besides versions.toml: the rule catalogue (rules.toml) and the facts the
// checks query (keys.toml, flags.toml, safety.toml). Each loads on its own, so a command
// reads only what it needs; the fact packs take the rule catalogue to verify that every rule
// they feed exists.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/finding.h"
#include "core/result.h"
#include "core/rule_id.h"
#include "core/version.h"
#include "knowledge/configs.h"
#include "knowledge/pack_source.h"

namespace kafkalint::knowledge {

/// Lifecycle of a rule; codes are never reused, a retired rule stays as kRemoved.
enum class RuleStatus { kStable, kPreview, kRemoved };
/// Whether the rule's fix can be applied without review.
enum class FixSafety { kSafe, kUnsafe, kNone };

const char* to_string(RuleStatus s);
const char* to_string(FixSafety f);

/// A reference backing a rule: KIP, JIRA, upgrade-notes section, documentation page.
struct RuleSource {
  std::string ref;
  std::string url;  // may be empty
};

/// One rule of the catalogue.
struct Rule {
  std::string code;  // "KL101"
  std::string name;  // "unknown-key"
  RuleStatus status = RuleStatus::kStable;
  core::Severity severity = core::Severity::kWarning;
  std::string category;  // "keys", "values", ...; matches the code's hundreds
  std::string summary;   // one line
  std::string why;
  std::string example;      // bad input; may be empty
  std::string example_fix;  // good input; may be empty
  FixSafety fix = FixSafety::kNone;
  std::string fix_title;
  std::vector<RuleSource> sources;
  /// Where the rule is implemented: the C++ file that reports it ("src/checks/kraft_startup.cpp")
  /// or, for a rule whose every instance is data, the pack that lists them
  /// ("rules/kafka/safety.toml"). Empty only for removed rules.
  std::string implemented_in;
};

/// The parsed rules.toml.
class RuleCatalog {
 public:
  static core::Result<RuleCatalog> load(const PackSource& packs);
  static core::Result<RuleCatalog> parse(const PackText& pack);
  /// Adds the long documentation (why, example, example_fix) from kafka/rule-docs.toml.
  /// Only `explain` and `rules` need it; `check` runs on the short catalogue.
  core::Result<void> load_docs(const PackSource& packs);
  core::Result<void> parse_docs(const PackText& pack);

  /// Every rule, ordered by code.
  const std::vector<Rule>& all() const { return rules_; }
  /// The rule with this code or name, case-insensitively ("kl101", "Unknown-Key"); nullptr.
  const Rule* find(std::string_view code_or_name) const;
  /// The rule of `id`; nullptr only in a catalogue that load() did not check (tests).
  const Rule* find(core::RuleId id) const;
  /// Codes or names close to `text`, best first, for "did you mean".
  std::vector<std::string> suggest(std::string_view text) const;

 private:
  std::vector<Rule> rules_;
};

/// A finding of rule `id`, with its code, name and severity from `rules` (from the built-in
/// catalogue when `rules` is null). The one place a finding gets its
/// identity: every check, planner step and the CLI start from it.
core::Finding make_finding(const RuleCatalog* rules, core::RuleId id, std::string message = {});

/// A key whose name changed, was replaced, deprecated or removed (keys.toml [[key]]).
struct KeyChange {
  std::string key;
  ScopeSet scope;  // the files it applies to
  std::optional<core::Version> deprecated_in;
  std::optional<core::Version> removed_in;
  std::string replacement;       // a key; may be empty
  std::string replacement_note;  // what to do when there is no plain replacement key
  std::string value_hint;        // how the value converts
  RuleId rule{};                 // required in the pack
  std::string source;
};

/// A default that changes in `release` (keys.toml [[default_change]]).
struct DefaultChange {
  std::string key;
  ScopeSet scope;  // the files it applies to
  core::Version release;
  std::string release_name;
  std::string old_value;
  std::string new_value;
  std::string impact;
  std::string caveat;  // may be empty
  /// "warning" when the change can lose data, refuse clients or stop a process, "info" for
  /// tuning; empty = the rule's severity.
  std::string severity;
  /// True when the file behaves the same under the new default (another name or form of the
  /// same behaviour): KL301 stays silent, `diff` still lists the change.
  bool same_behaviour = false;
  /// The feature the default belongs to ("tls", "sasl", "kraft", "zookeeper",
  /// "tiered-storage", "share-groups"); empty = always in use.
  std::string requires_feature;
  /// The value that restores the old behaviour ("" is an empty value), or nullopt when none
  /// does; then `restore_note` says what to do instead.
  std::optional<std::string> restore;
  std::string restore_note;
  /// What releases before the key existed did, as a value of the key ("default" for
  /// client.dns.lookup: clients used the first address); nullopt when it has no equivalent,
  /// and then KL301 is silent for a --from without the key.
  std::optional<std::string> before_key;
  std::string triage;  // why this severity and these conditions
  RuleId rule{};       // required in the pack
  std::string source;
};

/// Where a legacy key comes from: Kafka 0.7/0.8 ("0.7") or the Scala clients ("scala-client").
enum class LegacyEra { kKafka07, kScalaClient };

/// A key of Kafka 0.7/0.8 or the Scala clients (keys.toml [[legacy]]).
struct LegacyKey {
  std::string key;
  ScopeSet scope;  // the files it applies to
  LegacyEra era = LegacyEra::kKafka07;
  core::Version removed_in;
  std::string replacement;
  std::string replacement_note;
  RuleId rule{};  // required in the pack
  std::string source;
};

/// A value that a key no longer accepts (keys.toml [[legacy_value]]).
struct LegacyValue {
  std::string key;
  ScopeSet scope;  // the files it applies to
  std::string value;
  std::string replacement;
  core::Version removed_in;
  // The first release that accepts the replacement, when later than the oldest one a
  // reference covers: before it, the old value is the only one that works.
  std::optional<core::Version> replacement_since;
  bool review = false;  // the replacement needs a human decision: its fix is unsafe
  RuleId rule{};        // required in the pack
  std::string source;
};

/// A key Kafka reads that its generated reference does not list (keys.toml [[undocumented]]):
/// authorizer settings, KRaft keys of the 2.8 early access.
struct UndocumentedKey {
  std::string key;
  ScopeSet scope;  // the files it applies to
  core::Version since;
  std::optional<core::Version> last;  // last release line that reads it; open when absent
  std::string reader;                 // what reads it ("AclAuthorizer")
  std::string source;
};

/// Plugin keys that only take effect under a prefix (keys.toml [[prefixed]]).
struct PrefixedKeys {
  std::string key_prefix;       // "remote.log.metadata."
  std::string required_prefix;  // "rlmm.config."
  std::string prefix_key;       // the broker key that can change the prefix
  ScopeSet scope;               // the files it applies to
  core::Version since;
  std::vector<std::string> examples;
  std::string note;
  RuleId rule{};  // required in the pack
  std::string source;
};

/// The parsed keys.toml.
class KeyFacts {
 public:
  /// Loads kafka/keys.toml; every `rule` must exist in `rules` and not be removed.
  static core::Result<KeyFacts> load(const PackSource& packs, const RuleCatalog& rules);
  static core::Result<KeyFacts> parse(const PackText& pack, const RuleCatalog& rules);

  const std::vector<KeyChange>& changes() const { return changes_; }
  const std::vector<DefaultChange>& default_changes() const { return default_changes_; }
  const std::vector<LegacyKey>& legacy_keys() const { return legacy_; }
  const std::vector<LegacyValue>& legacy_values() const { return legacy_values_; }
  const std::vector<PrefixedKeys>& prefixed() const { return prefixed_; }
  const std::vector<std::string>& log4j_prefixes() const { return log4j_prefixes_; }
  RuleId log4j_rule() const { return log4j_rule_; }

  /// The lifecycle entry of `key` in a file of `scope` (the scopes the file may be read as:
  /// a facts entry applies when it covers them all), or nullptr.
  const KeyChange* change(std::string_view key, ScopeSet scope) const;
  /// Default changes of `key` in `scope` whose release lies in (from, to].
  std::vector<const DefaultChange*> default_changes(std::string_view key, ScopeSet scope,
                                                    const core::Version& from,
                                                    const core::Version& to) const;
  /// Every default change of `scope` whose release lies in (from, to], by release then key.
  std::vector<const DefaultChange*> default_changes_between(ScopeSet scope,
                                                            const core::Version& from,
                                                            const core::Version& to) const;
  /// The legacy entry of `key` in a `scope` file, or nullptr.
  const LegacyKey* legacy(std::string_view key, ScopeSet scope) const;
  /// The removed value `value` of `key` (case-insensitive), or nullptr.
  const LegacyValue* legacy_value(std::string_view key, std::string_view value,
                                  ScopeSet scope) const;
  /// The entry of a key Kafka reads without documenting it, for `scope`, read by `release`
  /// (any release when nullptr), or nullptr.
  const UndocumentedKey* undocumented(std::string_view key, ScopeSet scope,
                                      const core::Version* release) const;
  /// The prefix rule whose key_prefix starts `key`, or nullptr.
  const PrefixedKeys* prefixed_for(std::string_view key) const;
  /// True for Log4j settings ("log4j.logger.kafka=INFO").
  bool is_log4j_key(std::string_view key) const;

 private:
  // A one-hash Bloom filter of every key changes_, legacy_ and undocumented_ name: change(),
  // legacy() and undocumented() run for every entry of every file and scope, and almost no
  // key is in those lists; a miss here answers without scanning them.
  bool may_name(std::string_view key) const;
  void index_names();

  static constexpr std::size_t kNamedBits = 8192;
  std::vector<std::uint64_t> named_;
  std::vector<KeyChange> changes_;
  std::vector<DefaultChange> default_changes_;
  std::vector<LegacyKey> legacy_;
  std::vector<LegacyValue> legacy_values_;
  std::vector<UndocumentedKey> undocumented_;
  std::vector<PrefixedKeys> prefixed_;
  std::vector<std::string> log4j_prefixes_;
  RuleId log4j_rule_ = RuleId::KL106;
};

/// A tool replaced by another tool or removed (flags.toml [[tool]]).
struct ToolChange {
  std::string name;
  std::optional<core::Version> deprecated_in;
  std::optional<core::Version> removed_in;
  std::string replacement;
  std::string replacement_args;
  std::optional<core::Version> replacement_since;
  std::string replacement_note;
  RuleId rule{};  // required in the pack
  std::string source;
};

/// An option replaced by another option, deprecated or removed (flags.toml [[option]]).
struct OptionChange {
  std::string tool;
  std::string option;
  std::string replacement;
  std::optional<core::Version> replacement_since;
  std::optional<core::Version> deprecated_in;
  std::optional<core::Version> removed_in;
  std::string note;
  RuleId rule{};  // required in the pack
  std::string source;
};

/// A main class that `kafka-run-class.sh <class>` runs, and the tool it stands for.
struct RunClassAlias {
  std::string main_class;
  std::string tool;
  core::Version first;
  /// The last line whose script calls it; none while the newest line still does, so a new
  /// release needs no edit for the classes it keeps.
  std::optional<core::Version> last;
  std::optional<core::Version> redirect_removed_in;
  /// The release whose jars no longer have the class at all (moved to org.apache.kafka.tools).
  std::optional<core::Version> removed_in;
  std::string source;
};

/// The parsed flags.toml.
class FlagFacts {
 public:
  static core::Result<FlagFacts> load(const PackSource& packs, const RuleCatalog& rules);
  static core::Result<FlagFacts> parse(const PackText& pack, const RuleCatalog& rules);

  const std::vector<ToolChange>& tools() const { return tools_; }
  const std::vector<OptionChange>& options() const { return options_; }
  const std::vector<RunClassAlias>& run_classes() const { return run_classes_; }

  /// The tool name as Apache ships it: drops a directory and adds the Confluent-less
  /// suffix ("/opt/cp/bin/kafka-topics" -> "kafka-topics.sh").
  std::string canonical_tool(std::string_view name) const;
  /// The change entry of a tool (any spelling canonical_tool accepts), or nullptr.
  const ToolChange* tool(std::string_view name) const;
  /// The change entry of `option` in `tool`, or nullptr.
  const OptionChange* option(std::string_view tool, std::string_view option) const;
  /// The tools a main class stood for, newest use last.
  std::vector<const RunClassAlias*> run_class(std::string_view main_class) const;

 private:
  std::vector<ToolChange> tools_;
  std::vector<OptionChange> options_;
  std::vector<RunClassAlias> run_classes_;
  std::string suffix_ = ".sh";
};

/// How a safety check compares the value.
enum class SafetyCondition { kIn, kAtMost, kNotBelow };

/// One rolling-restart safety check (safety.toml [[check]]).
struct SafetyCheck {
  RuleId rule{};    // required in the pack
  ScopeSet scopes;  // the files it applies to
  std::string key;
  SafetyCondition when = SafetyCondition::kIn;
  std::vector<std::string> values;  // kIn
  std::int64_t threshold = 0;       // kAtMost
  std::string other_key;            // kNotBelow
  bool unset_fires = false;
  std::optional<core::Version> unset_fires_before;
  std::optional<core::Version> since;
  std::string rationale;
  std::string source;

  /// True when an explicit `value` triggers the check. `other` is the value of other_key
  /// in the same file (kNotBelow); values that are not numbers never trigger.
  bool fires(std::string_view value, std::optional<std::string_view> other = std::nullopt) const;
  /// True when leaving the key unset triggers the check for a process of `release`.
  bool fires_when_unset(const core::Version& release) const;
};

/// The parsed safety.toml.
class SafetyFacts {
 public:
  static core::Result<SafetyFacts> load(const PackSource& packs, const RuleCatalog& rules);
  static core::Result<SafetyFacts> parse(const PackText& pack, const RuleCatalog& rules);

  const std::vector<SafetyCheck>& checks() const { return checks_; }
  /// The checks of `key` in a `scope` file.
  std::vector<const SafetyCheck*> for_key(std::string_view key, ScopeSet scope) const;

 private:
  std::vector<SafetyCheck> checks_;
};

}  // namespace kafkalint::knowledge
