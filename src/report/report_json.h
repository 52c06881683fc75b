#pragma once
// JSON pieces shared by the json and sarif reporters (private to report/).

#include <iosfwd>
#include <nlohmann/json.hpp>

#include "core/finding.h"

namespace kafkalint::report {

/// The rule of a file that could not be read or loaded: the run did not fully succeed.
constexpr const char* kFileFailedRule = "KL901";

nlohmann::ordered_json fix_to_json(const core::Fix& fix);

/// A stable fingerprint of a finding (rule, file, subject, source line; not the line number),
/// so services can follow it across runs when lines move. SARIF, JSON and GitLab share it.
std::string fingerprint(const core::Finding& f);

/// Writes `j` as dump(2) would inside a document where it sits `indent` spaces deep, so a
/// document written piece by piece reads exactly like one dumped whole.
void write_nested(std::ostream& os, const nlohmann::ordered_json& j, int indent);

/// Streams the elements of one JSON array: "[", the elements at `indent` + 2, "]".
class ArrayWriter {
 public:
  ArrayWriter(std::ostream& os, int indent) : os_(os), indent_(indent) {}
  void add(const nlohmann::ordered_json& element);
  void close();  // "[]" when empty, as dump() writes it

 private:
  std::ostream& os_;
  int indent_;
  bool any_ = false;
};

}  // namespace kafkalint::report
