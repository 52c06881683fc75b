#pragma once
// A plan rendered as text (terminal), JSON (interface.md contract) or Markdown (plan.md).
// Rendering builds strings; cli/ prints them.

#include <string>

#include "plan/plan.h"

namespace kafkalint::plan {

/// The plan for a terminal: phases in order, a unified diff per edited file, per-broker steps.
std::string render_text(const Plan& plan);

/// The plan as one JSON object (see design/interface.md), pretty-printed, newline-terminated.
std::string render_json(const Plan& plan);

/// The plan as a Markdown document (what --out writes to plan.md).
std::string render_markdown(const Plan& plan);

/// Where --out puts a broker file given as `path`: the path made relative and without '..'
/// ("/etc/kafka/server.properties" -> "etc/kafka/server.properties").
std::string out_relative_path(const std::string& path);

}  // namespace kafkalint::plan
