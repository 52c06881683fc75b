// .gitignore: the rules (gitignore(5)) and check's folder walk skipping what git ignores.
#include "checks/gitignore.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;
using checks::gitignore_match;

TEST_SUITE("checks") {
  TEST_CASE("gitignore: names, anchors, folders, negation, escapes, last rule wins") {
    const std::string rules =
        "# comment\n"
        "\n"
        "*.generated.properties\n"
        "!keep.generated.properties\n"
        "/top.properties\n"
        "build/\n"
        "conf/*.bak\n"
        "deep/**/x.properties\n"
        "\\#literal\n"
        "trailing   \n";
    auto m = [&](const char* rel, bool dir = false) { return gitignore_match(rules, rel, dir); };
    CHECK(m("a.generated.properties") == true);
    CHECK(m("sub/a.generated.properties") == true);      // a name matches in any folder
    CHECK(m("sub/keep.generated.properties") == false);  // re-included: the later rule wins
    CHECK(m("top.properties") == true);
    CHECK_FALSE(m("sub/top.properties").has_value());  // anchored to this folder
    CHECK(m("build", true) == true);
    CHECK_FALSE(m("build", false).has_value());  // "build/" names folders only
    CHECK(m("conf/x.bak") == true);
    CHECK_FALSE(m("other/conf/x.bak").has_value());  // a slash anchors it
    CHECK_FALSE(m("conf/sub/x.bak").has_value());
    CHECK(m("deep/a/b/x.properties") == true);
    CHECK(m("#literal") == true);
    CHECK(m("trailing") == true);
    CHECK_FALSE(m("comment").has_value());
    // Never "everything below": the walk does not enter an ignored folder, and a folder given
    // on the command line is checked even when git ignores it.
    CHECK_FALSE(m("build/x.properties").has_value());
  }

  TEST_CASE("gitignore: check's walk skips what git ignores, unless told not to") {
    test::TempDir tmp;
    const std::string root = tmp.file("repo");
    for (const char* d : {"repo/.git/info", "repo/conf", "repo/build", "repo/sub"})
      fs::create_directories(tmp.file(d));
    test::write(root + "/.gitignore", "build/\n*.generated.properties\n");
    test::write(root + "/sub/.gitignore", "!keep.generated.properties\nlocal.properties\n");
    test::write(root + "/.git/info/exclude", "mine.properties\n");
    const char* broker = "broker.id=1\nnum.partitons=3\n";
    for (const char* f : {"conf/a.properties", "build/b.properties", "conf/c.generated.properties",
                          "sub/keep.generated.properties", "sub/local.properties",
                          "conf/local.properties", "mine.properties"})
      test::write(root + "/" + f, broker);
    const std::string cmd = "cd '" + root + "' && NO_COLOR=1 '" + test::binary() +
                            "' check --to 3.9 --select KL101 --format concise ";
    const auto walked = test::run_shell(cmd + "-v");
    CHECK(walked.out ==
          "conf/a.properties:2:1: warning: unknown key 'num.partitons' for a Kafka 3.9 broker; did "
          "you mean 'num.partitions'? [KL101 unknown-key]\n"
          "conf/local.properties:2:1: warning: unknown key 'num.partitons' for a Kafka 3.9 broker; "
          "did you mean 'num.partitions'? [KL101 unknown-key]\n"
          "sub/keep.generated.properties:2:1: warning: unknown key 'num.partitons' for a Kafka 3.9 "
          "broker; did you mean 'num.partitions'? [KL101 unknown-key]\n");
    CHECK(walked.err.find("kafkalint: not entered: build (ignored by git)\n") != std::string::npos);
    // Everything with --no-respect-gitignore; a file or folder named explicitly always.
    const auto all = test::run_shell(cmd + "--no-respect-gitignore");
    CHECK(std::count(all.out.begin(), all.out.end(), '\n') == 7);
    const auto named = test::run_shell(cmd + "build conf/c.generated.properties");
    CHECK(named.out.find("build/b.properties:2:1") != std::string::npos);
    CHECK(named.out.find("conf/c.generated.properties:2:1") != std::string::npos);
  }

  TEST_CASE("walk: a Go vendor folder is third-party code and not entered; named, it is read") {
    // corybuecker/kafka-testing vendors Sarama, whose READMEs document its own Go tool
    // 'kafka-console-consumer -topic=test -brokers=...': eleven KL701 errors on code that
    // is not the user's. A folder merely named vendor (no Go layout) is entered.
    test::TempDir tmp;
    const std::string root = tmp.file("repo");
    for (const char* d : {"repo/vendor/github.com/Shopify/sarama", "repo/ansible/vendor"})
      fs::create_directories(tmp.file(d));
    const char* broker = "broker.id=1\nnum.partitons=3\n";
    for (const char* f : {"vendor/github.com/Shopify/sarama/server.properties",
                          "ansible/vendor/server.properties", "server.properties"})
      test::write(root + "/" + f, broker);
    const std::string cmd = "cd '" + root + "' && NO_COLOR=1 '" + test::binary() +
                            "' check --to 3.9 --select KL101 --format concise ";
    const auto walked = test::run_shell(cmd + "-v");
    CHECK(walked.out.find("vendor/github.com") == std::string::npos);
    CHECK(walked.out.find("ansible/vendor/server.properties:2:1") != std::string::npos);
    CHECK(walked.out.rfind("server.properties:2:1", 0) == 0);  // a folder's files come first
    CHECK(walked.err.find("not entered: vendor (Go vendor folder (third-party code))") !=
          std::string::npos);
    const auto named = test::run_shell(cmd + "vendor");
    CHECK(named.out.find("vendor/github.com/Shopify/sarama/server.properties:2:1") !=
          std::string::npos);
  }
}

TEST_SUITE("checks") {
  TEST_CASE("gitignore: verdicts stay right past the folders the caches hold") {
    // More folders than GitIgnore remembers (kMaxCached): its caches are emptied on the way,
    // and a folder asked about again, or one of a deeper .gitignore, still gets its rules.
    test::TempDir tmp;
    const std::string root = tmp.file("repo");
    fs::create_directories(root + "/.git");
    test::write(root + "/.gitignore", "*.log\n");
    fs::create_directories(root + "/keep");
    test::write(root + "/keep/.gitignore", "!*.log\nlocal.properties\n");
    checks::GitIgnore g;
    for (int round = 0; round < 2; ++round)
      for (int i = 0; i < 1500; ++i) {
        const std::string dir = root + "/f" + std::to_string(i);
        CAPTURE(dir);
        REQUIRE(g.ignored(dir + "/a.log", false));
        REQUIRE_FALSE(g.ignored(dir + "/a.properties", false));
        if (i % 100 == 0) {
          CHECK_FALSE(g.ignored(root + "/keep/a.log", false));
          CHECK(g.ignored(root + "/keep/local.properties", false));
          CHECK_FALSE(g.ignored(root + "/.git", true));
        }
      }
  }
}
