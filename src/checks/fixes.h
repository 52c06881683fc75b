#pragma once
// Applying fixes: non-overlapping text edits on the original bytes of a file.

#include <string>
#include <vector>

#include "core/finding.h"

namespace kafkalint::checks {

struct AppliedFixes {
  std::string text;                // the file after the edits
  int applied = 0;                 // fixes applied
  int conflicting = 0;             // fixes skipped because they overlapped an earlier one
  std::vector<std::size_t> taken;  // indices in `findings` of the fixes applied, in order
};

/// Applies the fixes of `findings` whose safety is allowed (safe ones always, unsafe ones
/// when `unsafe` is true). Fixes are taken in finding order; a fix whose edits overlap
/// an edit already taken is skipped whole, so the result never mixes two fixes of one place.
AppliedFixes apply_fixes(const std::string& original, const std::vector<core::Finding>& findings,
                         bool unsafe);

}  // namespace kafkalint::checks
