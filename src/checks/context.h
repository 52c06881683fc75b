#pragma once
// What every check gets: the loaded knowledge for this run and a helper that turns a rule
// code and a place in the file into a finding with the rule's name and severity.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/props_file.h"
#include "core/finding.h"
#include "knowledge/catalog.h"
#include "knowledge/configs.h"
#include "knowledge/versions.h"

namespace kafkalint::checks {

struct ScriptKnowledge;  // script_checks.h

/// Loaded once before checking starts (checks/check_knowledge.h) and shared read-only by
/// every worker thread.
struct CheckKnowledge {
  const knowledge::VersionCatalog* versions = nullptr;
  const knowledge::RuleCatalog* rules = nullptr;
  const knowledge::KeyFacts* keys = nullptr;
  const knowledge::SafetyFacts* safety = nullptr;
  const knowledge::Release* to = nullptr;    // --to; nullptr when not given
  const knowledge::Release* from = nullptr;  // --from; nullptr when not given
  /// The reference keys are checked against: --to's, or the newest released line's when
  /// no target is given (then only version-independent findings are reported).
  const knowledge::ConfigCatalog* configs = nullptr;
  const knowledge::ConfigCatalog* from_configs = nullptr;  // --from's, when given
  const knowledge::Release* reference = nullptr;           // the release of `configs`
  /// Command-line knowledge, loaded the first time a script is checked (most runs check only
  /// properties files and never pay for it). Thread-safe; nullptr with *err set when a pack
  /// is broken; an empty function means scripts are not checked.
  std::function<const ScriptKnowledge*(core::Error* err)> scripts;
  /// The first release line after --to whose reference has `key` in `scope`; nullptr when
  /// none has it (or no --to). Reads the later references only when asked: most files have
  /// no key that is unknown to their target. Thread-safe; empty when not loaded.
  std::function<const knowledge::Release*(knowledge::Scope scope, std::string_view key)> added_in;
  /// Without --to: the knowledge of `--to release` for a config that names its own release
  /// (a Docker image tag, Strimzi's spec.kafka.version), so its keys are judged against the
  /// release that runs them. nullptr for an unknown line or one older than --from. Loaded
  /// once per release, thread-safe; empty when --to is given.
  std::function<const CheckKnowledge*(std::string_view release)> for_release;

  /// True when `release` has the change of milestone `m` (versions.toml): checks ask this
  /// instead of comparing with a release written in code. False without a release.
  bool reached(const knowledge::Release* release, knowledge::Milestone m) const {
    return release && versions && versions->reached(*release, m);
  }
};

/// Builds findings for one properties file.
class Emitter {
 public:
  Emitter(const PropsFile& file, const CheckKnowledge& k, std::vector<core::Finding>* out)
      : file_(file), k_(k), out_(out) {}

  /// A finding at the key of `e` (underlined when it is on one line).
  core::Finding& at_key(const properties::Entry& e, RuleId id, std::string message);
  /// A finding at the value of `e`.
  core::Finding& at_value(const properties::Entry& e, RuleId id, std::string message);
  /// A finding at a line and column of the file.
  core::Finding& at(int line, int column, int length, RuleId id, std::string message);

  /// A finding about the file as a whole (a key it leaves unset): reported at 1:1 without a
  /// source excerpt, since no line of the file is at fault.
  core::Finding& at_file(RuleId id, std::string message);

  /// A fix replacing bytes [begin, end) of the file with `text`, with the rule's safety.
  /// `review`: this fix needs a decision even if the rule's fixes are safe (unsafe then).
  void fix(core::Finding& f, std::size_t begin, std::size_t end, std::string text,
           std::string title, bool review = false);

  const PropsFile& file() const { return file_; }

 private:
  const PropsFile& file_;
  const CheckKnowledge& k_;
  std::vector<core::Finding>* out_;
};

/// The checks of one properties file, in rule-code order of families.
void check_properties(const PropsFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
