#include "core/finding.h"

#include <tuple>

namespace kafkalint::core {

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.where.file, a.where.line, a.where.column, a.code, a.message) <
         std::tie(b.where.file, b.where.line, b.where.column, b.code, b.message);
}

}  // namespace kafkalint::core
