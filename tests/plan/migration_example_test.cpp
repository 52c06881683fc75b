// The bundled migration example (testdata/examples/zk-3.6) planned with the command the README
// shows: a ZooKeeper 3.6 cluster with SASL_SSL into 4.1 through the 3.9 bridge.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

using namespace kafkalint;

TEST_SUITE("plan_migration_example") {
  TEST_CASE("plan: the README's migration example plans the whole road") {
    const std::string root = test::source_dir();
    const std::string readme = test::read(root + "/README.md");
    const std::string controllers =
        "3000@ctl-1.orders.internal:9093,3001@ctl-2.orders.internal:9093,"
        "3002@ctl-3.orders.internal:9093";
    REQUIRE(readme.find("--controllers " + controllers) != std::string::npos);
    REQUIRE(readme.find("testdata/examples/zk-3.6/*.properties") != std::string::npos);
    test::TempDir out;
    const test::RunResult r = test::run_shell(
        "cd '" + root + "' && NO_COLOR=1 '" + test::binary() +
        "' plan --from 3.6 --to 4.1 --controllers " + controllers +
        " testdata/examples/zk-3.6/*.properties --fail-on error --format markdown --out '" +
        out.path() + "'");
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(r.out == test::read(out.file("plan.md")));
    for (const char* heading :
         {"## Leg 1 of 3: upgrade the ZooKeeper cluster from 3.6 to 3.9",
          "## Leg 2 of 3: migrate from ZooKeeper to KRaft on 3.9",
          "## Leg 3 of 3: upgrade the KRaft cluster from 3.9 to 4.1",
          "### Phase 4: provision the KRaft controllers", "Way back (before the next phase):",
          "Before the next phase, check:", "--release-version 4.1", "--add-scram"})
      CHECK_MESSAGE(r.out.find(heading) != std::string::npos, heading);
    // The new controller files exist from the phase that creates them on, not before.
    namespace fs = std::filesystem;
    CHECK_FALSE(fs::exists(out.file("phase-3/controller-3000.properties")));
    CHECK(fs::exists(out.file("phase-4/controller-3000.properties")));
    CHECK(
        fs::exists(out.file("phase-6/revert/step-4/testdata/examples/zk-3.6/broker-1.properties")));
    CHECK(test::read(out.file("phase-10/controller-3000.properties")).find("zookeeper.") ==
          std::string::npos);
  }

  TEST_CASE("plan: migration findings take their severity from a --rules catalogue") {
    // The migration phases used the built-in catalogue: an overlay that raises KL827 to an
    // error must be obeyed there as everywhere else.
    const std::string root = test::source_dir();
    const std::string cluster = root + "/testdata/plan/migrate-zk-3.9-scram-jaas-file";
    test::TempDir rules;
    std::filesystem::create_directories(rules.file("kafka"));
    std::string catalogue = test::read(root + "/rules/kafka/rules.toml");
    const std::size_t at = catalogue.find("code = \"KL827\"");
    REQUIRE(at != std::string::npos);
    const std::size_t sev = catalogue.find("severity = \"warning\"", at);
    REQUIRE(sev != std::string::npos);
    catalogue.replace(sev, 20, "severity = \"error\"  ");
    { std::ofstream(rules.file("kafka/rules.toml")) << catalogue; }
    const std::string cmd = "'" + test::binary() + "' %s plan " +
                            test::trim_newline(test::read(cluster + "/args")) + " --format json '" +
                            cluster + "'/brokers/*";
    auto run = [&](const std::string& extra) {
      std::string c = cmd;
      c.replace(c.find("%s"), 2, extra);
      return test::run_shell(c);
    };
    const test::RunResult builtin = run("");
    const test::RunResult overlay = run("--rules '" + rules.path() + "'");
    const std::string warning =
        "\"rule\": \"KL827\",\n      \"name\": "
        "\"controller-listener-unusable\",\n      \"severity\": ";
    CHECK(builtin.out.find(warning + "\"warning\"") != std::string::npos);
    CHECK(overlay.out.find(warning + "\"error\"") != std::string::npos);
  }
}
