// Golden tests of `kafkalint diff`: every folder testdata/diff/<case>/ holds the two files,
// `args` (the command line after `diff`), expected.txt, expected.json (--format json) and
// expected.exit. KAFKALINT_UPDATE_GOLDEN=1 rewrites the expectations; review with git diff.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {}  // namespace

TEST_SUITE("diff_golden") {
  TEST_CASE("diff: golden cases") {
    const fs::path root = fs::path(test::source_dir()) / "testdata" / "diff";
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(root))
      if (e.is_directory()) cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 4);
    for (const fs::path& dir : cases) {
      INFO("case: " << dir.filename().string());
      const std::string args = test::trim_newline(test::read((dir / "args").string()));
      const std::string cmd = "cd '" + dir.string() + "' && '" + test::binary() + "' diff " + args;
      const test::RunResult text = test::run_shell(cmd);
      test::compare_golden((dir / "expected.txt").string(), text.out);
      test::compare_golden((dir / "expected.exit").string(), std::to_string(text.code) + "\n");
      CHECK_MESSAGE(text.err.empty(), text.err);
      const test::RunResult json = test::run_shell(cmd + " --format json");
      test::compare_golden((dir / "expected.json").string(), json.out);
      CHECK(json.code == text.code);
    }
  }

  TEST_CASE("diff: usage errors exit 2") {
    const fs::path dir = fs::path(test::source_dir()) / "testdata" / "diff" / "identical";
    const std::string a = (dir / "a.properties").string(), b = (dir / "b.properties").string();
    CHECK(test::run_cli({"diff", a}).code == 2);
    CHECK(test::run_cli({"diff", a, b, "--to", "9.9"}).code == 2);
    CHECK(test::run_cli({"diff", a, b, "--from", "3.0", "--to", "2.8"}).code == 2);
    CHECK(test::run_cli({"diff", a, (dir / "missing.properties").string()}).code == 2);
    CHECK(test::run_cli({"diff", a, b, "--format", "sarif"}).code == 2);
  }
}
