#include "checks/fixes.h"

#include <algorithm>

namespace kafkalint::checks {

AppliedFixes apply_fixes(const std::string& original, const std::vector<core::Finding>& findings,
                         bool unsafe) {
  std::vector<const core::TextEdit*> taken;
  AppliedFixes out;
  auto overlaps = [&](const core::TextEdit& e) {
    for (const core::TextEdit* t : taken) {
      const std::size_t a0 = e.offset, a1 = e.offset + e.length;
      const std::size_t b0 = t->offset, b1 = t->offset + t->length;
      // Two insertions at one point conflict too: their order would be arbitrary.
      if (a0 < b1 && b0 < a1) return true;
      if (a0 == b0 && (e.length == 0 || t->length == 0)) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const core::Finding& f = findings[i];
    if (!f.fix || f.fix->edits.empty()) continue;
    if (f.fix->safety == core::FixSafety::kUnsafe && !unsafe) continue;
    bool clash = false;
    for (const core::TextEdit& e : f.fix->edits)
      if (e.offset + e.length > original.size() || overlaps(e)) clash = true;
    if (clash) {
      ++out.conflicting;
      continue;
    }
    for (const core::TextEdit& e : f.fix->edits) taken.push_back(&e);
    ++out.applied;
    out.taken.push_back(i);
  }
  std::sort(taken.begin(), taken.end(),
            [](const core::TextEdit* a, const core::TextEdit* b) { return a->offset < b->offset; });
  std::size_t pos = 0;
  for (const core::TextEdit* e : taken) {
    out.text.append(original, pos, e->offset - pos);
    out.text += e->replacement;
    pos = e->offset + e->length;
  }
  out.text.append(original, pos, std::string::npos);
  return out;
}

}  // namespace kafkalint::checks
