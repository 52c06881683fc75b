// tools/new-rule.py, the scaffold CONTRIBUTING.md tells a rule author to run, on a copy of the
// files it edits: the catalogue entry lands in its own category block, sorted, and --input
// copies the user's file into the golden case instead of writing over it.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

using namespace kafkalint;
namespace fs = std::filesystem;

namespace {

// A copy of what the scaffold reads and writes, laid out as in the repository.
void copy_tree(const test::TempDir& dir) {
  const std::string src = test::source_dir();
  for (const char* rel : {"tools/new-rule.py", "rules/kafka/rules.toml",
                          "rules/kafka/rule-docs.toml", "src/checks/properties/keys.cpp"}) {
    fs::create_directories(fs::path(dir.file(rel)).parent_path());
    fs::copy_file(src + "/" + rel, dir.file(rel));
  }
}

test::RunResult scaffold(const test::TempDir& dir, const std::string& args) {
  return test::run_shell("cd '" + dir.path() + "' && python3 tools/new-rule.py " + args);
}

// The position of `needle` in `text`, or npos (doctest prints both).
std::size_t at(const std::string& text, const std::string& needle) { return text.find(needle); }

}  // namespace

TEST_SUITE("new_rule_scaffold") {
  TEST_CASE("new-rule: the entry goes after its code's predecessor, before the next section") {
    if (test::run_shell("command -v python3").code != 0) {
      MESSAGE("skipped: python3 is not installed");
      return;
    }
    test::TempDir dir;
    copy_tree(dir);
    const std::string before = test::read(dir.file("rules/kafka/rules.toml"));
    // The last code of the keys block: the next [[rule]] (KL201) is preceded by the KL2xx
    // section comment, which must stay with KL201.
    auto r = scaffold(dir, "KL151 some-new-thing --file src/checks/properties/keys.cpp");
    INFO(r.out, r.err);
    REQUIRE(r.code == 0);
    const std::string rules = test::read(dir.file("rules/kafka/rules.toml"));
    const std::string entry = "[[rule]]\ncode = \"KL151\"\nname = \"some-new-thing\"\n";
    CHECK(at(rules, entry) > at(rules, "code = \"KL150\""));
    CHECK(at(rules, entry) < at(rules, "-- KL2xx values"));
    // Only the entry and one blank line were added, right before that section comment.
    const std::size_t added = at(rules, entry);
    CHECK(rules.substr(0, added) == before.substr(0, added));
    const std::size_t len = rules.size() - before.size();
    CHECK(rules.substr(added + len) == before.substr(added));
    CHECK(rules.compare(added + len, 10, "# --------") == 0);
    CHECK(rules.compare(added + len - 2, 2, "\n\n") == 0);
    // rule-docs.toml has no section comments: the doc goes right before the next code's.
    const std::string docs = test::read(dir.file("rules/kafka/rule-docs.toml"));
    CHECK(at(docs, "[[doc]]\ncode = \"KL151\"") < at(docs, "[[doc]]\ncode = \"KL201\""));
    CHECK(at(docs, "[[doc]]\ncode = \"KL151\"") > at(docs, "[[doc]]\ncode = \"KL150\""));
    // The placeholder input under the default name.
    const std::string case_dir = dir.file("testdata/checks/KL151-some-new-thing/first-case/");
    CHECK(test::read(case_dir + "server.properties").find("FILL IN") != std::string::npos);
    CHECK(test::read(case_dir + "args") == "--to 3.9 --select KL151\n");
  }

  TEST_CASE("new-rule: --input with a path copies the user's file and leaves it alone") {
    if (test::run_shell("command -v python3").code != 0) {
      MESSAGE("skipped: python3 is not installed");
      return;
    }
    test::TempDir dir;
    copy_tree(dir);
    test::TempDir user;
    const std::string input = user.file("broker-1.properties");
    const std::string text = "broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\n";
    test::write(input, text);
    auto r = scaffold(
        dir, "KL152 another-thing --file src/checks/properties/keys.cpp --input '" + input + "'");
    INFO(r.out, r.err);
    REQUIRE(r.code == 0);
    CHECK(test::read(input) == text);
    const std::string case_dir = dir.file("testdata/checks/KL152-another-thing/first-case/");
    CHECK(test::read(case_dir + "broker-1.properties") == text);
    CHECK_FALSE(fs::exists(case_dir + "server.properties"));

    // A path that does not exist, or a code that is taken, is refused before anything is
    // written.
    const std::string rules = test::read(dir.file("rules/kafka/rules.toml"));
    r = scaffold(dir, "KL153 missing-input --file src/checks/properties/keys.cpp --input '" +
                          user.file("nope/x.properties") + "'");
    CHECK(r.code != 0);
    CHECK(r.err.find("does not exist") != std::string::npos);
    r = scaffold(dir, "KL101 taken --file src/checks/properties/keys.cpp");
    CHECK(r.code != 0);
    CHECK(test::read(dir.file("rules/kafka/rules.toml")) == rules);
    CHECK_FALSE(fs::exists(dir.file("testdata/checks/KL153-missing-input")));
    CHECK_FALSE(fs::exists(dir.file("testdata/checks/KL101-taken")));
  }
}
