// Section ids of the upgrade notes. Most minors have a section named after their .0 release;
// for some the page only keeps the section of a later patch (2.8.1, 3.0.1, 3.3.1, 3.6.2,
// 3.7.1), so a link built from ".0" would land on the top of the page. The table below lists
// the exceptions as they appear in upgrade-3.9.html; tests/plan/notes_sources_test.cpp checks
// every id against that page.

#include "plan/notes_sources.h"

#include <map>
#include <utility>

namespace kafkalint::plan {

namespace {

constexpr const char* kUpgradeNotes = "https://kafka.apache.org/39/documentation.html#";

// Minors whose section is not "upgrade_X_Y_0" (and the 0.x names, which follow no pattern).
std::string irregular_section(int major, int minor, int patch) {
  if (major == 0) {
    if (minor == 8) return patch == 0 ? "upgrade_7" : "upgrade_8" + std::to_string(patch);
    if (minor == 9) return "upgrade_9";
    if (minor == 10 && patch == 0) return "upgrade_10";
    if (minor == 10 && patch == 1) return "upgrade_10_1";
    if (minor == 10) return "upgrade_10_2_0";
    return "upgrade_11_0_0";
  }
  static const std::map<std::pair<int, int>, const char*> kLaterPatch = {
      {{2, 8}, "upgrade_2_8_1"}, {{3, 0}, "upgrade_3_0_1"}, {{3, 3}, "upgrade_3_3_1"},
      {{3, 6}, "upgrade_3_6_2"}, {{3, 7}, "upgrade_3_7_1"},
  };
  const auto it = kLaterPatch.find({major, minor});
  return it == kLaterPatch.end() ? std::string() : it->second;
}

}  // namespace

std::string upgrade_notes_section(const knowledge::Release& to) {
  const auto& p = to.version.parts;
  const int major = p.empty() ? 0 : p[0];
  const int minor = p.size() > 1 ? p[1] : 0;
  const int patch = p.size() > 2 ? p[2] : 0;
  if (major >= 4) return {};
  std::string section = irregular_section(major, minor, patch);
  if (section.empty())
    section = "upgrade_" + std::to_string(major) + "_" + std::to_string(minor) + "_0";
  return section;
}

std::string upgrade_notes_source(const knowledge::Release& to) {
  const auto& p = to.version.parts;
  if (!p.empty() && p[0] >= 4)
    return "UP-4x " + to.name + " upgrade.md (kafka.apache.org/" + std::to_string(p[0]) +
           std::to_string(p.size() > 1 ? p[1] : 0) + "/getting-started/upgrade)";
  const std::string section = upgrade_notes_section(to);
  return "UP-39 #" + section + " (" + kUpgradeNotes + section + ")";
}

}  // namespace kafkalint::plan
