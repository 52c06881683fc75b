#pragma once
// JSON pieces shared by the json and sarif reporters (private to report/).

#include <nlohmann/json.hpp>

#include "core/finding.h"

namespace kafkalint::report {

nlohmann::ordered_json fix_to_json(const core::Fix& fix);

}  // namespace kafkalint::report
