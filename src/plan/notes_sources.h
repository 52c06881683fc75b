#pragma once
// Where the upgrade notes describe the move to a release: the section id of UP-39 (the 3.9
// upgrade page, which carries every section from 0.8 to 3.9) or, for 4.x, the branch's notes.

#include <string>

#include "knowledge/versions.h"

namespace kafkalint::plan {

/// The id of the UP-39 section for upgrading to release line `to` ("2.6" -> "upgrade_2_6_0");
/// empty for 4.x and later, whose notes live on the 4.x pages.
std::string upgrade_notes_section(const knowledge::Release& to);

/// The source line a plan cites for the upgrade notes of `to`.
std::string upgrade_notes_source(const knowledge::Release& to);

}  // namespace kafkalint::plan
