// Golden tests of `kafkalint check`: every folder testdata/checks/<group>/<case>/ holds the
// input files, `args` (the command line after `check`, without paths), `expected.txt`
// (stdout, text format), `expected.exit` (exit code) and optionally `expected.json`
// (stdout with --format json) and `fixed/<file>` (files after --fix).
// KAFKALINT_UPDATE_GOLDEN=1 rewrites the expectations; review them with git diff.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

test::RunResult run_in(const fs::path& dir, const std::string& args) {
  return test::run_shell("cd '" + dir.string() + "' && NO_COLOR=1 '" + test::binary() + "' check " +
                         args);
}

}  // namespace

TEST_SUITE("checks_golden") {
  TEST_CASE("check: golden cases under testdata/checks") {
    const fs::path root = fs::path(test::source_dir()) / "testdata/checks";
    std::vector<fs::path> cases;
    for (const auto& group : fs::directory_iterator(root))
      if (group.is_directory())
        for (const auto& c : fs::directory_iterator(group.path()))
          if (c.is_directory()) cases.push_back(c.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() > 0);
    for (const fs::path& dir : cases) {
      INFO("case: ", fs::relative(dir, root).generic_string());
      const std::string args =
          fs::exists(dir / "args") ? test::trim_newline(test::read((dir / "args").string())) : "";
      std::string files;
      for (const std::string& f : test::golden_case_inputs(dir.string())) files += " '" + f + "'";

      const test::RunResult text = run_in(dir, args + files);
      INFO("stderr: ", text.err);
      test::compare_golden((dir / "expected.txt").string(),
                           text.out + (text.err.empty() ? "" : "--- stderr\n" + text.err));
      test::compare_golden((dir / "expected.exit").string(), std::to_string(text.code) + "\n");

      if (fs::exists(dir / "expected.json") ||
          (test::update_golden() && fs::exists(dir / "args") &&
           args.find("--format") == std::string::npos && fs::exists(dir / "expected.json"))) {
        const test::RunResult json = run_in(dir, args + " --format json" + files);
        test::compare_golden((dir / "expected.json").string(), json.out);
      }

      if (fs::exists(dir / "fixed")) {
        test::TempDir tmp;
        fs::copy(dir, tmp.path(), fs::copy_options::recursive);
        const test::RunResult fixed = run_in(tmp.path(), args + " --fix" + files);
        INFO("fix stdout: ", fixed.out, "fix stderr: ", fixed.err);
        for (const auto& e : fs::recursive_directory_iterator(dir / "fixed")) {
          if (!e.is_regular_file()) continue;
          const std::string rel = fs::relative(e.path(), dir / "fixed").generic_string();
          test::compare_golden(e.path().string(), test::read(tmp.file(rel)));
        }
        // A second --fix changes nothing.
        const test::RunResult again = run_in(tmp.path(), args + " --diff" + files);
        CHECK(again.out.empty());
      }
    }
  }
}

// The catalogue promises what the goldens show: every rule fires in some golden case, and
// every rule that declares a fix shows one.
TEST_SUITE("checks_golden") {
  TEST_CASE("golden: every rule of the catalogue fires, and its declared fix is shown") {
    const test::RunResult r = test::run_cli({"rules", "--format", "json"});
    REQUIRE(r.code == 0);
    const auto rules = nlohmann::json::parse(r.out)["rules"];
    REQUIRE(rules.size() > 50);
    std::set<std::string> fired, fixed;
    for (const auto& e : fs::recursive_directory_iterator(test::source_dir() + "/testdata")) {
      const std::string name = e.path().filename().string();
      if (!e.is_regular_file() || name.rfind("expected.", 0) != 0) continue;
      const std::string text = test::read(e.path().string());
      std::string last;  // the code of the finding the next lines belong to
      std::size_t at = 0;
      while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(at, end - at);
        for (std::size_t k = line.find("KL"); k != std::string::npos; k = line.find("KL", k + 2))
          if (k + 5 <= line.size() &&
              std::all_of(line.begin() + static_cast<long>(k) + 2,
                          line.begin() + static_cast<long>(k) + 5, ::isdigit)) {
            last = line.substr(k, 5);
            fired.insert(last);
          }
        if (line.rfind("  fix", 0) == 0 && !last.empty()) fixed.insert(last);
        at = end + 1;
      }
    }
    for (const auto& rule : rules) {
      const std::string code = rule["code"];
      INFO(code);
      // KL901 is plan's report of an edit the lossless editor refuses; the editor's own tests
      // (properties_edit) cover every refusal, and valid input never reaches it.
      if (code == "KL901") continue;
      CHECK(fired.count(code) == 1);
      if (rule["fix"] != "none") CHECK(fixed.count(code) == 1);
    }
  }
}
