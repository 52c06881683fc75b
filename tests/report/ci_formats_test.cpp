#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
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

TEST_SUITE("ci_formats") {
  TEST_CASE("every format: missing and refused files are KL901 findings in a complete document") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), "broker.id=1\nzookeeper.connect=zk:2181\n");
    // java.util.Properties refuses a malformed \uXXXX escape.
    test::write(tmp.file("refused.properties"), "a=1\nb=\\u12\n");
    const std::string all[] = {"text",   "concise", "json",  "sarif",
                               "github", "gitlab",  "junit", "checkstyle"};
    for (const std::string& format : all) {
      CAPTURE(format);
      const std::string out = tmp.file("out." + format);
      auto r = test::run_shell(
          "cd '" + tmp.path() + "' && '" + test::binary() + "' check --to 2.1 --format " + format +
          " server.properties missing.properties refused.properties > '" + out + "'");
      CHECK(r.code == 2);  // some files could not be checked
      const std::string doc = test::read(out);
      // Both failures are in the report, and the run went on to the file that loads.
      CHECK(doc.find("KL901") != std::string::npos);
      CHECK(doc.find("missing.properties") != std::string::npos);
      CHECK(doc.find("refused.properties") != std::string::npos);
      CHECK(doc.find("KL403") != std::string::npos);
      auto v = validate(format, out);
      INFO(v.out, v.err);
      CHECK(v.code == 0);
      // Two KL901 and the three findings of server.properties (KL403, KL409, KL410).
      CHECK(v.out.find("ok, 5 entries") != std::string::npos);
    }
    auto sarif = nlohmann::json::parse(test::read(tmp.file("out.sarif")));
    const auto& invocation = sarif["runs"][0]["invocations"][0];
    CHECK(invocation["executionSuccessful"] == false);
    CHECK(invocation["toolExecutionNotifications"].size() >= 2);
    CHECK(invocation["workingDirectory"]["uri"].get<std::string>().rfind("file:///", 0) == 0);
    CHECK(invocation["properties"]["target"] == "2.1");
    auto json = nlohmann::json::parse(test::read(tmp.file("out.json")));
    CHECK(json["summary"]["files_failed"] == 2);
    CHECK(json["summary"]["target"] == "2.1");
    CHECK(json["findings"][0]["fingerprint"].is_string());
  }

  TEST_CASE("every format: no target version is recorded; a bad config prints no document") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), "broker.id=1\n");
    for (const std::string format : {"json", "sarif"}) {
      auto r = test::run_shell("cd '" + tmp.path() + "' && '" + test::binary() +
                               "' check --format " + format + " server.properties");
      auto doc = nlohmann::json::parse(r.out);
      if (format == "json") CHECK(doc["summary"]["target"].is_null());
      if (format == "sarif") {
        const auto& inv = doc["runs"][0]["invocations"][0];
        CHECK(inv["properties"]["target"].is_null());
        CHECK(inv["toolExecutionNotifications"][0]["message"]["text"].get<std::string>().find(
                  "no target version") != std::string::npos);
      }
    }
    // A broken .kafkalint.toml stops the run before any report starts: stdout stays empty
    // (never a cut document) and the error is on stderr.
    test::write(tmp.file(".kafkalint.toml"), "to = [\n");
    const std::string all[] = {"text",   "concise", "json",  "sarif",
                               "github", "gitlab",  "junit", "checkstyle"};
    for (const std::string& format : all) {
      CAPTURE(format);
      auto r = test::run_shell("cd '" + tmp.path() + "' && '" + test::binary() +
                               "' check --format " + format + " server.properties");
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err.find(".kafkalint.toml") != std::string::npos);
    }
  }
}
