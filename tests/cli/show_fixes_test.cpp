// check --show-fixes: the fixes --fix would apply (or, with --fix, the ones it wrote), listed
// after the report; on stderr when stdout carries a diff or a machine format.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace kafkalint;

namespace {

const char* kBroker = "broker.id=1\nnum.partitons=3\nlog.retention.hour=1\n";

test::RunResult check_in(const test::TempDir& dir, const std::string& args) {
  return test::run_shell("cd '" + dir.path() + "' && NO_COLOR=1 '" + test::binary() +
                         "' check --to 3.9 --select KL101 " + args + " server.properties");
}

}  // namespace

TEST_SUITE("cli_show_fixes") {
  TEST_CASE("--show-fixes lists the fixes without writing; with --fix the ones written") {
    test::TempDir dir;
    test::write(dir.file("server.properties"), kBroker);
    const std::string list =
        "  server.properties:2:1: KL101 rename to 'num.partitions'\n"
        "  server.properties:3:1: KL101 rename to 'log.retention.hours'\n";
    const auto shown = check_in(dir, "--show-fixes");
    CHECK(shown.code == 1);
    CHECK(shown.out.find("2 findings in 1 file (2 warnings); 2 fixable with --fix\n"
                         "fixes --fix would apply: 2\n" +
                         list) != std::string::npos);
    CHECK(test::read(dir.file("server.properties")) == kBroker);  // nothing written

    // A diff or JSON stays a clean document: the list goes to stderr.
    const auto diff = check_in(dir, "--show-fixes --diff");
    CHECK(diff.out.rfind("--- a/server.properties", 0) == 0);
    CHECK(diff.err == "fixes --fix would apply: 2\n" + list);
    const auto json = check_in(dir, "--show-fixes --format json");
    CHECK(nlohmann::json::accept(json.out));
    CHECK(json.err == "fixes --fix would apply: 2\n" + list);

    const auto fixed = check_in(dir, "--show-fixes --fix");
    CHECK(fixed.code == 0);
    CHECK(fixed.out.find("fixed 2 findings in 1 file\nfixes applied: 2\n" + list) !=
          std::string::npos);
    CHECK(test::read(dir.file("server.properties")) ==
          "broker.id=1\nnum.partitions=3\nlog.retention.hours=1\n");
    const auto again = check_in(dir, "--show-fixes");
    CHECK(again.out.find("fixes --fix would apply: none\n") != std::string::npos);
  }

  TEST_CASE("--show-fixes marks fixes that need review") {
    test::TempDir dir;
    test::write(dir.file("t.sh"), "kafka-topics.sh --zookeeper zk:2181 --list\n");
    const std::string cmd = "cd '" + dir.path() + "' && NO_COLOR=1 '" + test::binary() +
                            "' check --to 3.9 -q --show-fixes ";
    const auto safe_only = test::run_shell(cmd + "t.sh");
    CHECK(safe_only.out.find("fixes --fix would apply: none\n") != std::string::npos);
    const auto unsafe = test::run_shell(cmd + "--unsafe-fixes t.sh");
    CHECK(unsafe.out.find("fixes --fix --unsafe-fixes would apply: 1\n  t.sh:1:17: KL704 use "
                          "'--bootstrap-server' (fill in a broker address) (unsafe)\n") !=
          std::string::npos);
  }
}
