// The unified diff generator (src/core/unified_diff.*), checked against exact expectations
// and by applying its output with the real `patch`.

#include "core/unified_diff.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "test_support.h"

using kafkalint::core::unified_diff;

TEST_SUITE("properties") {
  TEST_CASE("diff: equal texts give no diff") {
    CHECK(unified_diff("a\nb\n", "a\nb\n", "a", "b").empty());
  }

  TEST_CASE("diff: one changed line with three lines of context") {
    const std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    const std::string b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    CHECK(unified_diff(a, b, "a/f", "b/f") ==
          "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  }

  TEST_CASE("diff: distant changes make separate hunks, close ones merge") {
    std::string a, b;
    for (int i = 1; i <= 20; ++i) {
      a += std::to_string(i) + "\n";
      b += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
    }
    CHECK(unified_diff(a, b, "a", "b") ==
          "--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
          "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
    const std::string c = "1\n2\n3\n4\n5\n6\n7\n8\n";
    const std::string d = "x\n2\n3\n4\n5\n6\n7\ny\n";
    CHECK(unified_diff(c, d, "a", "b") ==
          "--- a\n+++ b\n@@ -1,8 +1,8 @@\n-1\n+x\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+y\n");
  }

  TEST_CASE("diff: insertions into and deletions from empty texts") {
    CHECK(unified_diff("", "a\n", "a", "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n");
    CHECK(unified_diff("a\nb\n", "", "a", "b") == "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-a\n-b\n");
  }

  TEST_CASE("diff: a missing final newline is marked, CRLF lines kept as bytes") {
    CHECK(unified_diff("a\nb", "a\nc", "a", "b") ==
          "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
          "\\ No newline at end of file\n");
    CHECK(unified_diff("a\nb", "a\nb\n", "a", "b") ==
          "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    CHECK(unified_diff("a\r\nb\r\n", "a\r\nc\r\n", "a", "b") ==
          "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
  }

  TEST_CASE("diff: random edits apply cleanly with patch") {
    if (kafkalint::test::run_shell("command -v patch").code != 0) {
      MESSAGE("patch is not installed: skipped");
      return;
    }
    kafkalint::test::TempDir tmp;
    std::mt19937 rng(7);
    const char* lines[] = {"a\n", "b\n", "c\r\n", "d\n", "\n", "e\n"};
    for (int round = 0; round < 60; ++round) {
      std::string a, b;
      const int na = static_cast<int>(rng() % 30);
      for (int i = 0; i < na; ++i) a += lines[rng() % 6];
      for (int i = 0; i < na + 3; ++i) {
        const unsigned r = rng() % 10;
        if (r < 6 && i < na)
          b += lines[rng() % 6];
        else if (r < 8)
          b += "new" + std::to_string(i) + "\n";
      }
      if (rng() % 3 == 0 && !a.empty()) a.pop_back();  // sometimes no final newline
      if (rng() % 3 == 0 && !b.empty()) b.pop_back();
      INFO("a=" << a << " b=" << b);
      kafkalint::test::write(tmp.file("f"), a);
      kafkalint::test::write(tmp.file("p"), unified_diff(a, b, "a/f", "b/f"));
      if (a == b) continue;
      const auto r =
          kafkalint::test::run_shell("cd '" + tmp.path() + "' && patch -s -p1 --binary -o out < p");
      CHECK(r.code == 0);
      CHECK(kafkalint::test::read(tmp.file("out")) == b);
    }
  }
}
