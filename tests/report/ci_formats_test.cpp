#include <doctest/doctest.h>

#include <string>

#include "test_support.h"

using namespace kafkalint;

namespace {

const char* const kCiFormats[] = {"concise", "gitlab", "junit", "checkstyle"};

test::RunResult validate(const std::string& format, const std::string& file) {
  return test::run_shell("python3 '" + test::source_dir() +
                         "/tests/report/validate_ci_format.py' " + format + " '" + file + "'");
}

// Runs `check ARGS --format FORMAT --output-file OUT` on the bundled example cluster.
test::RunResult check_to_file(const std::string& format, const std::string& out,
                              const std::string& paths) {
  return test::run_shell("cd '" + test::source_dir() + "' && '" + test::binary() +
                         "' check --to 2.6 --format " + format + " --output-file '" + out + "' " +
                         paths);
}

}  // namespace

TEST_SUITE("ci_formats") {
  TEST_CASE("ci formats: each parses as its consumer reads it and carries every finding") {
    test::TempDir tmp;
    // Findings with fixes, notes and quotes, and a file that is not checked.
    const std::string paths =
        "testdata/checks/KL101-unknown-key testdata/checks/KL106-log4j-key-in-kafka-config";
    // The concise report has one line per finding or file not checked: the count every format
    // must carry.
    check_to_file("concise", tmp.file("count.txt"), paths);
    const std::size_t findings =
        std::stoul(test::run_shell("grep -c . '" + tmp.file("count.txt") + "'").out);
    REQUIRE(findings > 3);
    for (const char* format : kCiFormats) {
      CAPTURE(format);
      const std::string out = tmp.file(std::string("report.") + format);
      auto r = check_to_file(format, out, paths);
      CHECK(r.code == 1);
      // The log keeps the text report while the file gets the chosen format.
      CHECK(r.out.find("[KL") != std::string::npos);
      CHECK(r.out.find(" findings in ") != std::string::npos);
      auto v = validate(format, out);
      INFO(v.out, v.err);
      CHECK(v.code == 0);
      CHECK(v.out.find("ok, " + std::to_string(findings) + " entries") != std::string::npos);
    }
  }

  TEST_CASE("ci formats: the validator rejects documents that do not fit") {
    test::TempDir tmp;
    const std::pair<const char*, const char*> bad[] = {
        {"gitlab", R"([{"description": "x", "check_name": "KL101", "severity": "warning"}])"},
        {"junit", R"(<testsuites><testsuite tests="2" failures="1"><testcase name="a" )"
                  R"(classname="b"><failure/></testcase></testsuite></testsuites>)"},
        {"checkstyle", R"(<checkstyle><file name="a"><error severity="fatal"/></file>)"},
        {"concise", "a.properties: something\n"},
    };
    for (auto [format, doc] : bad) {
      CAPTURE(format);
      test::write(tmp.file("bad"), doc);
      CHECK(validate(format, tmp.file("bad")).code == 1);
    }
  }

  TEST_CASE("ci formats: --output-file with text leaves stdout to the notes") {
    test::TempDir tmp;
    auto r = check_to_file("text", tmp.file("report.txt"), "testdata/checks/KL101-unknown-key");
    CHECK(r.code == 1);
    CHECK(r.out.find("[KL") == std::string::npos);
    CHECK(test::read(tmp.file("report.txt")).find("findings in") != std::string::npos);
  }

  TEST_CASE("ci formats: an unknown format lists every format") {
    auto r = test::run_cli({"check", "--format", "xml", "."});
    CHECK(r.code == 2);
    CHECK(r.err.find("text, concise, json, sarif, github, gitlab, junit, checkstyle") !=
          std::string::npos);
  }
}
