#pragma once
// Located diagnostics shared by every layer: parse errors, findings, usage errors.

#include <string>
#include <vector>

namespace kafkalint::core {

enum class Severity { kInfo, kWarning, kError };

/// "info", "warning" or "error".
const char* severity_name(Severity s);

/// A position in a file. Lines and columns are 1-based; column counts characters
/// of the line as decoded (ISO-8859-1 for properties files, so one byte = one column).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

/// An error that stops a job (exit code 2): bad input, unreadable file, bad pack.
struct Error {
  Location where;       // where.line == 0: no position (e.g. file not found)
  std::string message;  // lowercase, no trailing period, user tokens in single quotes
  std::string hint;     // what to do about it; may be empty

  /// "file:line:col: error: message" (plus "\n  hint" when there is one).
  std::string render() const;
};

}  // namespace kafkalint::core
