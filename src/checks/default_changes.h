#pragma once
// KL301: defaults that change under a properties file between --from and --to.

#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// Reports the default changes that alter what `f` does: the file leaves the key unset, the
/// key existed in --from (so the old value is --from's own), the feature the default belongs
/// to is in use, and the new default is not the same behaviour under another form. A key the
/// target requires without a default is KL302's. One finding per key, however many scopes
/// the file's role reads, with the severity the curated pack gives the change.
void check_default_changes(const PropsFile& f, const CheckKnowledge& k, Emitter& emit);

}  // namespace kafkalint::checks
