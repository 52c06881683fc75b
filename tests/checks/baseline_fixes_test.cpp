#include <doctest/doctest.h>

#include "checks/baseline.h"
#include "checks/fixes.h"
#include "test_support.h"

using namespace kafkalint;

namespace {

core::Finding finding(const char* code, const char* file, int line, const char* subject,
                      const char* source) {
  core::Finding f;
  f.code = code;
  f.name = "n";
  f.where = {file, line, 1};
  f.subject = subject;
  f.source_line = source;
  return f;
}

core::Finding with_fix(core::Finding f, std::size_t off, std::size_t len, const char* repl,
                       core::FixSafety safety = core::FixSafety::kSafe) {
  core::Fix fix;
  fix.title = "t";
  fix.safety = safety;
  fix.edits.push_back({off, len, repl, 1, 1, 1, 1});
  f.fix = fix;
  return f;
}

}  // namespace

TEST_SUITE("checks") {
  TEST_CASE("baseline: known findings are filtered, new ones and extra copies stay") {
    std::vector<core::Finding> today{finding("KL101", "a.properties", 3, "og.x", "og.x=1"),
                                     finding("KL401", "p.properties", 1, "acks", "acks=1")};
    test::TempDir tmp;
    test::write(tmp.file("baseline.json"), checks::Baseline::render(today));
    core::Error err;
    auto b = checks::Baseline::load(tmp.file("baseline.json")).take(&err);
    REQUIRE(b);
    // The same findings moved down two lines, plus a new one and a second copy of acks.
    std::vector<core::Finding> later{finding("KL101", "a.properties", 5, "og.x", "og.x=1"),
                                     finding("KL401", "p.properties", 1, "acks", "acks=1"),
                                     finding("KL401", "p.properties", 7, "acks", "acks=1"),
                                     finding("KL101", "a.properties", 9, "og.y", "og.y=1")};
    CHECK(b->filter(&later) == 2);
    REQUIRE(later.size() == 2);
    CHECK(later[0].where.line == 7);
    CHECK(later[1].subject == "og.y");
  }

  TEST_CASE("baseline: a malformed file is a located error") {
    test::TempDir tmp;
    test::write(tmp.file("b.json"), "{\n  \"kafkalint_baseline\": 1,\n  \"findings\": [,]\n}\n");
    core::Error err;
    CHECK_FALSE(checks::Baseline::load(tmp.file("b.json")).take(&err));
    CHECK(err.where.line == 3);
    CHECK(err.message == "invalid baseline: not valid JSON");
    test::write(tmp.file("c.json"), "{\"findings\": []}");
    CHECK_FALSE(checks::Baseline::load(tmp.file("c.json")).take(&err));
    CHECK(err.message == "invalid baseline: not a kafkalint baseline (version 1)");
  }

  TEST_CASE("fixes: safe fixes apply, unsafe ones only when asked, overlaps are skipped") {
    const std::string text = "og.x=1\nacks=1\n";
    auto typo = with_fix(finding("KL101", "f", 1, "og.x", ""), 0, 4, "log.x");
    auto acks =
        with_fix(finding("KL401", "f", 2, "acks", ""), 12, 1, "all", core::FixSafety::kUnsafe);
    auto clash = with_fix(finding("KL101", "f", 1, "og.x", ""), 2, 3, "zzz");
    auto safe = checks::apply_fixes(text, {typo, acks, clash}, false);
    CHECK(safe.text == "log.x=1\nacks=1\n");
    CHECK(safe.applied == 1);
    CHECK(safe.conflicting == 1);
    auto all = checks::apply_fixes(text, {typo, acks}, true);
    CHECK(all.text == "log.x=1\nacks=all\n");
    CHECK(all.applied == 2);
  }
}
