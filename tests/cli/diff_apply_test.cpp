// Every diff kafkalint prints must apply with `git apply`: for each golden case under
// testdata/checks, `check --diff` run on relative paths inside the case and on absolute paths
// from another directory, and `edit --diff` on an absolute path. git refuses "a//tmp/x" and
// "a/../x" headers, so this is where a wrong header shows. Skipped when git is absent.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

bool have_git() { return test::run_shell("git --version").code == 0; }

std::string quoted_list(const std::vector<std::string>& files, const std::string& prefix) {
  std::string s;
  for (const std::string& f : files) s += " '" + prefix + f + "'";
  return s;
}

// Applies `patch` with git from `dir`; the result of `git apply` (exit code and messages).
test::RunResult git_apply(const std::string& dir, const std::string& patch, bool check_only) {
  test::TempDir tmp;
  test::write(tmp.file("p.diff"), patch);
  return test::run_shell("cd '" + dir + "' && git apply " + (check_only ? "--check " : "") + "'" +
                         tmp.file("p.diff") + "' 2>&1");
}

// The unified diffs inside a larger text (a plan), in order: each "--- " / "+++ " header with
// its hunks, read by the hunks' line counts so that prose after a diff is never taken in.
std::vector<std::string> diffs_in(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 2 < lines.size(); ++i) {
    if (lines[i].rfind("--- ", 0) != 0 || lines[i + 1].rfind("+++ ", 0) != 0 ||
        lines[i + 2].rfind("@@ ", 0) != 0)
      continue;
    std::string d = lines[i] + "\n" + lines[i + 1] + "\n";
    std::size_t j = i + 2;
    while (j < lines.size() && lines[j].rfind("@@ ", 0) == 0) {
      int old_n = 1, new_n = 1, a = 0, c = 0;
      const std::string& h = lines[j];
      if (std::sscanf(h.c_str(), "@@ -%d,%d +%d,%d", &a, &old_n, &c, &new_n) < 4) {
        // "@@ -a +c,d @@" and friends: a missing count is 1.
        old_n = h.find(',') < h.find('+') ? old_n : 1;
      }
      d += h + "\n";
      for (++j; j < lines.size() && (old_n > 0 || new_n > 0 || lines[j].rfind("\\", 0) == 0); ++j) {
        const char k = lines[j].empty() ? ' ' : lines[j][0];
        if (k == ' ' || k == '-') --old_n;
        if (k == ' ' || k == '+') --new_n;
        d += lines[j] + "\n";
      }
    }
    out.push_back(d);
    i = j - 1;
  }
  return out;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("diff: every check --diff of the goldens applies with git apply") {
    if (!have_git()) {
      MESSAGE("git not installed: skipped");
      return;
    }
    const fs::path root = fs::path(test::source_dir()) / "testdata/checks";
    int diffs = 0;
    for (const auto& group : fs::directory_iterator(root)) {
      if (!group.is_directory()) continue;
      for (const auto& c : fs::directory_iterator(group.path())) {
        if (!c.is_directory()) continue;
        const fs::path dir = c.path();
        INFO("case: ", fs::relative(dir, root).generic_string());
        const std::string args =
            fs::exists(dir / "args") ? test::trim_newline(test::read((dir / "args").string())) : "";
        const std::vector<std::string> files = test::golden_case_inputs(dir.string());
        test::TempDir rel_copy, abs_copy;
        fs::copy(dir, rel_copy.path(), fs::copy_options::recursive);
        fs::copy(dir, abs_copy.path(), fs::copy_options::recursive);
        // A folder below the case, so that its .kafkalint.toml still applies (found upward).
        const std::string elsewhere = abs_copy.file("elsewhere");
        fs::create_directories(elsewhere);
        const std::string bin = "'" + test::binary() + "' check " + args + " --diff";
        const test::RunResult rel =
            test::run_shell("cd '" + rel_copy.path() + "' && " + bin + quoted_list(files, ""));
        if (rel.out.empty()) continue;
        ++diffs;
        INFO("diff: ", rel.out);
        CHECK(rel.out.find("--- a//") == std::string::npos);
        const test::RunResult applied = git_apply(rel_copy.path(), rel.out, false);
        INFO("git apply: ", applied.out);
        CHECK(applied.code == 0);

        // Absolute paths from another directory: the same change, applied from '/'.
        const test::RunResult abs = test::run_shell("cd '" + elsewhere + "' && " + bin +
                                                    quoted_list(files, abs_copy.path() + "/"));
        INFO("absolute diff: ", abs.out);
        CHECK(abs.err.find("git -C / apply") != std::string::npos);
        const test::RunResult abs_applied = git_apply("/", abs.out, false);
        INFO("git apply from /: ", abs_applied.out);
        CHECK(abs_applied.code == 0);
        for (const std::string& f : files)
          CHECK(test::read(abs_copy.file(f)) == test::read(rel_copy.file(f)));
      }
    }
    CHECK(diffs >= 15);
  }

  TEST_CASE("diff: the edits of every plan golden apply in order with git apply") {
    if (!have_git()) {
      MESSAGE("git not installed: skipped");
      return;
    }
    const fs::path root = fs::path(test::source_dir()) / "testdata/plan";
    int applied_total = 0;
    for (const auto& c : fs::directory_iterator(root)) {
      const fs::path dir = c.path();
      if (!fs::exists(dir / "brokers") || !fs::exists(dir / "args")) continue;
      INFO("case: ", dir.filename().string());
      const std::string args = test::trim_newline(test::read((dir / "args").string()));
      std::vector<std::string> files;
      for (const auto& e : fs::directory_iterator(dir / "brokers"))
        if (e.is_regular_file()) files.push_back(e.path().filename().string());
      std::sort(files.begin(), files.end());
      for (const bool absolute : {false, true}) {
        INFO("absolute paths: ", absolute);
        test::TempDir tmp;
        fs::copy(dir / "brokers", tmp.file("brokers"), fs::copy_options::recursive);
        fs::create_directories(tmp.file("elsewhere"));
        const std::string where = absolute ? tmp.file("elsewhere") : tmp.path();
        const test::RunResult plan = test::run_shell(
            // Secrets print as [hidden], which no file holds: a diff with a password in its
            // lines applies only as --show-secrets prints it.
            "cd '" + where + "' && NO_COLOR=1 '" + test::binary() + "' plan --show-secrets " +
            args + quoted_list(files, absolute ? tmp.file("brokers") + "/" : "brokers/"));
        // Edits and new files build on each other, in the order printed; a phase's way back
        // starts from the files after its edits (tried on a scratch copy, relative run only).
        std::vector<std::pair<bool, std::string>> segments;  // (way back?, text)
        bool way_back = false;
        for (std::size_t at = 0; at < plan.out.size();) {
          std::size_t end = plan.out.find('\n', at);
          if (end == std::string::npos) end = plan.out.size();
          const std::string line = plan.out.substr(at, end - at);
          const bool starts_back = line.rfind("  way back", 0) == 0;
          const bool starts_main =
              line.rfind("phase ", 0) == 0 || line == "  edits:" || line == "  new files:";
          if ((starts_back && !way_back) || (starts_main && way_back) || segments.empty())
            segments.push_back({starts_back || (way_back && !starts_main), ""});
          if (starts_back) way_back = true;
          if (starts_main) way_back = false;
          segments.back().second += line + "\n";
          at = end + 1;
        }
        std::unique_ptr<test::TempDir> scratch;
        for (const auto& [back, text] : segments) {
          if (back && absolute) continue;
          if (back) {
            scratch = std::make_unique<test::TempDir>();
            fs::remove_all(scratch->path());
            fs::copy(tmp.path(), scratch->path(), fs::copy_options::recursive);
          }
          for (const std::string& d : diffs_in(text)) {
            INFO("diff: ", d, "way back: ", back);
            CHECK(d.find("a//") == std::string::npos);
            const test::RunResult r = git_apply(back       ? scratch->path()
                                                : absolute ? "/"
                                                           : tmp.path(),
                                                d, false);
            INFO("git apply: ", r.out);
            CHECK(r.code == 0);
            ++applied_total;
          }
        }
      }
    }
    CHECK(applied_total >= 100);
  }

  TEST_CASE("diff: the file as given by path with '..' or from a subfolder still applies") {
    if (!have_git()) {
      MESSAGE("git not installed: skipped");
      return;
    }
    test::TempDir tmp;
    fs::create_directories(tmp.file("conf"));
    fs::create_directories(tmp.file("scripts"));
    test::write(tmp.file("conf/server.properties"),
                "broker.id=1\nlog.message.format.version=2.8\n");
    const std::string bin = "'" + test::binary() + "' check --to 4.0 --unsafe-fixes --diff ";
    // From a sibling folder through '..': named relative to the root, applied from '/'.
    const test::RunResult up =
        test::run_shell("cd '" + tmp.file("scripts") + "' && " + bin + "../conf/server.properties");
    INFO("diff: ", up.out);
    REQUIRE(!up.out.empty());
    CHECK(up.out.find("/../") == std::string::npos);
    CHECK(git_apply("/", up.out, true).code == 0);
    // An absolute path under the working directory: named relative to it.
    const test::RunResult under = test::run_shell("cd '" + tmp.path() + "' && " + bin + "'" +
                                                  tmp.file("conf/server.properties") + "'");
    CHECK(under.out.rfind("--- a/conf/server.properties\n+++ b/conf/server.properties\n", 0) == 0);
    CHECK(under.err.find("git -C / apply") == std::string::npos);
    CHECK(git_apply(tmp.path(), under.out, true).code == 0);
    // One file under the working directory and one outside: one diff, every name from '/'.
    test::write(tmp.file("scripts/server-2.properties"), "broker.id=2\nnum.partitons=3\n");
    const test::RunResult mixed = test::run_shell("cd '" + tmp.file("scripts") + "' && " + bin +
                                                  "server-2.properties ../conf/server.properties");
    INFO("mixed: ", mixed.out);
    CHECK(
        mixed.out.find(
            "--- a/" +
            fs::absolute(tmp.file("scripts")).lexically_normal().relative_path().generic_string() +
            "/server-2.properties\n") != std::string::npos);
    CHECK(mixed.err.find("git -C / apply") != std::string::npos);
    CHECK(git_apply("/", mixed.out, true).code == 0);
  }

  TEST_CASE("diff: edit --diff on an absolute path applies with git apply") {
    if (!have_git()) {
      MESSAGE("git not installed: skipped");
      return;
    }
    test::TempDir tmp, elsewhere;
    test::write(tmp.file("e.properties"), "a=1\nb=2\n");
    const test::RunResult r =
        test::run_shell("cd '" + elsewhere.path() + "' && '" + test::binary() + "' edit '" +
                        tmp.file("e.properties") + "' --set b=two --diff");
    INFO("diff: ", r.out, " err: ", r.err);
    REQUIRE(r.code == 0);
    const test::RunResult applied = git_apply("/", r.out, false);
    INFO("git apply: ", applied.out);
    CHECK(applied.code == 0);
    CHECK(test::read(tmp.file("e.properties")) == "a=1\nb=two\n");
  }
}
