#pragma once
// Program-name helpers shared by the readers (internal to src/scripts).

#include <string>
#include <string_view>

#include "scripts/extract.h"

namespace kafkalint::scripts {

/// The part after the last '/' or '\': "$KAFKA_HOME/bin/kafka-topics.sh" -> "kafka-topics.sh".
std::string_view base_name(std::string_view program);

/// The script a main class is started by ('kafka-run-class.sh CLASS'), or "" when unknown.
std::string script_for_class(std::string_view main_class, const ExtractOptions& opts);

}  // namespace kafkalint::scripts
