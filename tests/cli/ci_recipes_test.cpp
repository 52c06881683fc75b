// The GitHub Action (action.yml) and the README's GitLab CI job, run as written
// (tests/cli/ci_recipes_test.sh) on a folder with findings.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace kafkalint;

TEST_SUITE("ci_recipes") {
  TEST_CASE("ci recipes: the action annotates, writes SARIF and fails; the GitLab job reports") {
    if (test::run_shell("python3 -c 'import yaml'").code != 0) {
      MESSAGE("skipped: python3-yaml is not installed (tools/setup-debian.sh --dev installs it)");
      return;
    }
    test::TempDir tmp;
    auto r = test::run_script_test("tests/cli/ci_recipes_test.sh", tmp.path());
    INFO(r.out, r.err);
    REQUIRE(r.code == 0);
    // The install step finds kafkalint on the PATH and does not build.
    CHECK(r.out.find("step Install kafkalint: exit 0") != std::string::npos);
    CHECK(r.out.find("kafkalint 0.") != std::string::npos);
    // Annotations for the workflow log, at the file and line of each finding.
    CHECK(r.out.find("::warning file=config/server.properties,line=3,col=1,endColumn=26,"
                     "title=KL101 unknown-key::") != std::string::npos);
    CHECK(r.out.find("step Check: exit 0") != std::string::npos);
    CHECK(r.out.find("skipped uses step: Upload SARIF") != std::string::npos);
    // The job fails because check found warnings (exit 1).
    CHECK(r.out.find("step Result: exit 1") != std::string::npos);
    CHECK(r.out.find("rules: KL101,KL403,KL409,KL410") != std::string::npos);
    // The job fails like the action does; `when: always` still publishes the report.
    CHECK(r.out.find("gitlab script: exit 1") != std::string::npos);
    CHECK(r.out.find("first path: config/server.properties") != std::string::npos);
  }
}
