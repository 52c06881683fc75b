#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.h"

using namespace kafkalint;

TEST_SUITE("precommit") {
  TEST_CASE(
      "pre-commit: README steps: installed hook fails on bad, passes on good, sees all files") {
    if (test::run_shell("command -v pre-commit").code != 0) {
      MESSAGE("skipped: pre-commit is not installed (tools/setup-debian.sh --dev installs it)");
      return;
    }
    test::TempDir tmp;
    auto r = test::run_script_test("tests/cli/precommit_test.sh", tmp.path());
    INFO(r.out, r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("bad=1 good=0 dup=1") != std::string::npos);
  }
}
