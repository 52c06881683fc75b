#include "checks/suppress.h"

#include <doctest/doctest.h>

#include <cctype>

using namespace kafkalint;
using checks::CommentLine;
using checks::Statement;
using checks::Suppressions;

namespace {

core::Finding at(int line, const char* code, const char* name) {
  core::Finding f;
  f.code = code;
  f.name = name;
  f.where = {"f.properties", line, 1};
  return f;
}

bool known(std::string_view r) {
  std::string l(r);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == "kl101" || l == "unknown-key" || l == "kl401" || l == "kl107";
}

}  // namespace

TEST_SUITE("checks") {
  TEST_CASE("suppress: a directive above an entry silences those rules for that entry only") {
    // 1 a=1
    // 2 # kafkalint: disable=KL101
    // 3 og.message.format.version=2.1
    // 4 x=2
    std::vector<CommentLine> comments{{2, 1, " kafkalint: disable=KL101"}};
    std::vector<Statement> st{{1, 1}, {3, 3}, {4, 4}};
    std::vector<core::Finding> problems;
    Suppressions s("f.properties", comments, st, known, &problems);
    CHECK(problems.empty());
    CHECK(s.suppressed(at(3, "KL101", "unknown-key")));
    CHECK_FALSE(s.suppressed(at(3, "KL401", "producer-acks")));
    CHECK_FALSE(s.suppressed(at(4, "KL101", "unknown-key")));
    CHECK_FALSE(s.suppressed(at(1, "KL101", "unknown-key")));
  }

  TEST_CASE("suppress: names work, case does not matter, continuation lines are covered") {
    std::vector<CommentLine> comments{{1, 1, "kafkalint: disable=Unknown-Key, kl401"}};
    std::vector<Statement> st{{2, 4}};
    std::vector<core::Finding> problems;
    Suppressions s("f.properties", comments, st, known, &problems);
    CHECK(s.suppressed(at(3, "KL101", "unknown-key")));
    CHECK(s.suppressed(at(4, "KL401", "x")));
  }

  TEST_CASE("suppress: at the top of the file, apart from any entry, it covers the file") {
    std::vector<CommentLine> comments{{1, 1, " kafkalint: disable=KL107"}, {2, 1, " managed"}};
    std::vector<Statement> st{{4, 4}, {9, 9}};
    std::vector<core::Finding> problems;
    Suppressions s("f.properties", comments, st, known, &problems);
    CHECK(s.suppressed(at(9, "KL107", "duplicate-key")));
    CHECK_FALSE(s.suppressed(at(9, "KL101", "unknown-key")));
  }

  TEST_CASE("suppress: unknown rules and directives are findings, not silent") {
    std::vector<CommentLine> comments{{1, 3, " kafkalint: disable=KL999,KL101"},
                                      {5, 1, " kafkalint: enable=KL101"}};
    std::vector<Statement> st{{2, 2}};
    std::vector<core::Finding> problems;
    Suppressions s("f.properties", comments, st, known, &problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].message == "suppression names unknown rule 'KL999'");
    CHECK(problems[0].where.line == 1);
    CHECK(problems[0].where.column == 3);
    CHECK(problems[1].code == "KL903");
    CHECK(s.suppressed(at(2, "KL101", "unknown-key")));
  }

  TEST_CASE("suppress: ordinary comments mentioning kafkalint are ignored") {
    std::vector<CommentLine> comments{{1, 1, " checked by kafkalint: yes"}};
    std::vector<core::Finding> problems;
    Suppressions s("f.properties", comments, {{2, 2}}, known, &problems);
    CHECK(problems.empty());
  }
}

TEST_SUITE("checks") {
  TEST_CASE("suppress: unused() reports each rule of a directive that silenced nothing") {
    // 1 # kafkalint: disable=KL107
    // 2 a=1
    // 3 # kafkalint: disable=KL101, unknown-key  # why
    // 4 og.message.format.version=2.1
    std::vector<CommentLine> comments{{1, 1, " kafkalint: disable=KL107"},
                                      {3, 1, " kafkalint: disable=KL101, unknown-key  # why"}};
    std::vector<Statement> st{{2, 2}, {4, 4}};
    std::vector<core::Finding> problems;
    Suppressions s("f.properties", comments, st, known, &problems);
    s.keep_source_lines([](int line) { return "# line " + std::to_string(line); });
    const auto all = [](std::string_view) { return true; };
    std::vector<core::Finding> u = s.unused(all);
    REQUIRE(u.size() == 3);  // nothing silenced yet: KL107 (file), KL101 and unknown-key
    CHECK(u[0].code == "KL904");
    CHECK(u[0].message == "'disable=KL107' silenced nothing on line 2");
    CHECK(u[0].where.line == 1);
    CHECK(u[0].source_line == "# line 1");
    CHECK(u[1].message == "'disable=KL101' silenced nothing on line 4");
    CHECK(u[2].subject == "unknown-key");

    // The first matching rule of a directive is the one used.
    CHECK(s.suppressed(at(4, "KL101", "unknown-key")));
    u = s.unused(all);
    REQUIRE(u.size() == 2);
    CHECK(u[0].subject == "KL107");
    CHECK(u[1].subject == "unknown-key");
    // Rules the run could not report are left alone.
    CHECK(s.unused([](std::string_view r) { return r != "kl107" && r != "unknown-key"; }).empty());
  }

  TEST_CASE("suppress: a file-wide directive is unused only when nothing in the file matched") {
    std::vector<CommentLine> comments{{1, 1, " kafkalint: disable=KL401"}};
    std::vector<Statement> st{{3, 3}};
    std::vector<core::Finding> problems;
    Suppressions s("f.properties", comments, st, known, &problems);
    const auto all = [](std::string_view) { return true; };
    REQUIRE(s.unused(all).size() == 1);
    CHECK(s.unused(all)[0].message == "'disable=KL401' silenced nothing in this file");
    CHECK(s.suppressed(at(3, "KL401", "x")));
    CHECK(s.unused(all).empty());
  }
}
