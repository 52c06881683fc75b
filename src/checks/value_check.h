#pragma once
// Validating a property value the way Kafka's ConfigDef does: parse by type, then apply the
// validator, as far as the reference renders the validator precisely enough to say so.

#include <optional>
#include <string>
#include <string_view>

#include "knowledge/configs.h"

namespace kafkalint::checks {

enum class ValueProblem {
  kNone,
  kBadType,     // not a boolean / int / long / short / double as ConfigDef parses it
  kOutOfRange,  // outside [min,...,max]
  kNotInSet,    // not one of the listed values
};

struct [[nodiscard]] ValueVerdict {
  ValueProblem problem = ValueProblem::kNone;
  std::string detail;  // what was expected, for the message: "an int", "at least 1", "one of ..."
  std::string bad_element;  // for lists: the element that failed
};

/// Checks `value` (as Java loaded it) against a key's `type` and validator text `valid`
/// (as rendered by the reference). Validators whose text cannot be read exactly are not
/// enforced: no finding is better than a wrong one. `default_value` (when the key has one)
/// tells a case-insensitive validator the reference does not mark: ConfigDef validates a
/// key's default when it is defined, so a default that matches the set only ignoring case
/// means the validator ignores case ('BATCH_OPTIMIZED' of [batch_optimized, record_limit]).
ValueVerdict check_value(knowledge::ConfigType type, std::string_view valid, std::string_view value,
                         std::string_view default_value = {});

/// The custom validators the reference cannot print: the entries of controller.quorum.voters
/// ("id@host:port", QuorumConfig's voter parser, since 2.8) and of
/// controller.quorum.bootstrap.servers ("host:port"). kNone for every other key.
ValueVerdict check_key_format(std::string_view key, std::string_view value);

/// ConfigDef's number and boolean parsing trims surrounding whitespace (String.trim: every
/// char <= U+0020); strings and passwords keep it.
std::string_view java_trim(std::string_view s);

}  // namespace kafkalint::checks
