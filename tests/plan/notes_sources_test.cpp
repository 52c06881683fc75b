// Every upgrade-notes section a plan cites exists: the UP-39 ids in ../shared/kafka-docs/
// upgrade-3.9.html (the same bytes as kafka.apache.org/39/upgrade.html) and, for 4.x, a branch
// listed in ../shared/kafka-4x/sources.tsv. Skips when ../shared is absent.

#include "plan/notes_sources.h"

#include <doctest/doctest.h>

#include "knowledge/store.h"
#include "test_support.h"

using namespace kafkalint;

TEST_SUITE("plan_sources") {
  TEST_CASE("plan: every cited upgrade-notes section exists in the cited page") {
    const auto shared = test::shared_dir();
    if (!shared) {
      MESSAGE("skipped: needs ../shared");
      return;
    }
    const std::string up39 = test::read(*shared + "/kafka-docs/upgrade-3.9.html");
    const std::string branches = test::read(*shared + "/kafka-4x/sources.tsv");
    REQUIRE(up39.size() > 10000);
    REQUIRE(!branches.empty());

    const knowledge::Store store;
    const auto versions = store.versions();
    REQUIRE(versions);
    int checked = 0;
    for (const knowledge::Release& r : versions->lines()) {
      if (!r.supported) continue;
      const std::string source = plan::upgrade_notes_source(r);
      CAPTURE(r.name);
      CAPTURE(source);
      if (r.version.parts[0] >= 4) {
        CHECK(source.rfind("UP-4x " + r.name + " ", 0) == 0);
        CHECK(branches.find("\n" + r.name + "\t") != std::string::npos);
      } else {
        const std::string id = plan::upgrade_notes_section(r);
        CHECK(source.find("#" + id + ")") != std::string::npos);
        CHECK(up39.find("id=\"" + id + "\"") != std::string::npos);
      }
      ++checked;
    }
    CHECK(checked >= 30);
  }
}
