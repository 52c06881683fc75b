#include <doctest/doctest.h>

#include "test_support.h"

using kafkalint::test::run_cli;

TEST_SUITE("cli") {
  TEST_CASE("cli: --version prints the project version and exits 0") {
    auto r = run_cli({"--version"});
    CHECK(r.code == 0);
    CHECK(r.out == std::string("kafkalint ") + KAFKALINT_TEST_VERSION + "\n");
  }

  TEST_CASE("cli: no command is a usage error on stderr") {
    auto r = run_cli({});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("usage: kafkalint") != std::string::npos);
  }

  TEST_CASE("cli: --help lists the commands and exit codes") {
    auto r = run_cli({"--help"});
    CHECK(r.code == 0);
    CHECK(r.out.find("exit codes: 0 clean") != std::string::npos);
  }

  TEST_CASE("cli: an unknown command exits 2 and names it") {
    auto r = run_cli({"lint"});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown command 'lint'") != std::string::npos);
  }

  TEST_CASE("cli: --rules with a missing directory exits 2") {
    auto r = run_cli({"--rules", "/nonexistent/kafkalint-rules", "--version"});
    CHECK(r.code == 2);
    CHECK(r.err.find("/nonexistent/kafkalint-rules") != std::string::npos);
  }

  TEST_CASE("cli: the real binary runs and reports its version") {
    auto r = kafkalint::test::run_shell("'" + kafkalint::test::binary() + "' --version");
    CHECK(r.code == 0);
    CHECK(r.out.rfind("kafkalint ", 0) == 0);
  }
}
