#pragma once
// Properties snippets inside documents (runbooks, READMEs, wiki pages): each block the
// extractor found is checked in place, with the document's own lines and columns, as a
// fragment: rules that judge a whole file (keys that are not set, required keys, cluster
// rules) do not apply to a few lines quoted in a page.

#include <optional>
#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "checks/script_checks.h"
#include "core/finding.h"

namespace kafkalint::checks {

/// The findings of every properties block of `f`. `role` (from --role) overrides the block's
/// own role, which comes from its label or the file name the text before it mentions; a block
/// nothing places is a broker snippet. A block whose keys are mostly not Kafka's (Spring,
/// log4j) is left alone.
void check_doc_properties(const ScriptFile& f, const CheckKnowledge& k, std::optional<Role> role,
                          std::vector<core::Finding>* out);

/// One block, as check_doc_properties checks each; `what` (e.g. "ConfigMap kafka-config") is
/// added to every finding as a note when not empty.
void check_properties_block(const ScriptFile& f, const scripts::PropertiesBlock& b,
                            const CheckKnowledge& k, std::optional<Role> role,
                            const std::string& what, std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
