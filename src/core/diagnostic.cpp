#include "core/diagnostic.h"

namespace kafkalint::core {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::string Error::render() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += ':' + std::to_string(where.line);
      if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  out += "error: ";
  out += message;
  if (!hint.empty()) {
    out += "\n  note: ";
    out += hint;
  }
  return out;
}

}  // namespace kafkalint::core
