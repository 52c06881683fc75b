#pragma once
// JSON pieces shared by the json and sarif reporters (private to report/).

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace kafkalint::report {

/// The rule of a file that could not be read or loaded: the run did not fully succeed.
constexpr const char* kFileFailedRule = "KL901";

/// A stable fingerprint of a finding (rule, file, subject, source line; not the line number),
/// so services can follow it across runs when lines move. SARIF, JSON and GitLab share it.
std::string fingerprint(const core::Finding& f);

/// Writes `j` as dump(2) would inside a document where it sits `indent` spaces deep, so a
/// document written piece by piece reads exactly like one dumped whole.
void write_nested(std::ostream& os, const nlohmann::ordered_json& j, int indent);

/// Writes JSON into a string laid out exactly as nlohmann's dump(2) would lay it out at
/// `indent` spaces deep: the reporters build each of thousands of findings with it instead
/// of a json value (allocations per member, then a dump), which was most of a
/// 160,000-finding JSON report. Strings are escaped as dump() escapes them.
class JsonText {
 public:
  JsonText(std::string* out, int indent) : out_(*out), indent_(indent) {}
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  /// The next member's key (inside an object).
  void key(std::string_view k);
  void string(std::string_view s);
  void number(long long n);

 private:
  void open(char c);
  void close(char c);
  void element();  // the separator and indentation before an array element or a key
  std::string& out_;
  int indent_;
  std::vector<bool> any_;  // per open container: whether it has a member yet
  bool after_key_ = false;
};

/// `s` as a JSON string, escaped as dump() escapes it (invalid UTF-8 replaced).
void append_json_string(std::string* out, std::string_view s);

/// Streams the elements of one JSON array: "[", the elements at `indent` + 2, "]".
class ArrayWriter {
 public:
  ArrayWriter(std::ostream& os, int indent) : os_(os), indent_(indent) {}
  void add(const nlohmann::ordered_json& element);
  /// An element already laid out at `indent` + 2 (JsonText).
  void add_text(std::string_view element);
  void close();  // "[]" when empty, as dump() writes it

 private:
  std::ostream& os_;
  int indent_;
  bool any_ = false;
};

}  // namespace kafkalint::report
