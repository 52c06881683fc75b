#include "report/report.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

using namespace kafkalint;

namespace {

report::Report sample() {
  report::Report r;
  r.tool_version = "0.1.0";
  r.files_checked = 2;
  core::Finding typo;
  typo.code = "KL101";
  typo.name = "unknown-key";
  typo.severity = core::Severity::kWarning;
  typo.where = {"conf/server.properties", 12, 1};
  typo.length = 25;
  typo.message = "unknown key 'og.message.format.version'";
  typo.subject = "og.message.format.version";
  typo.suggestion = "did you mean 'log.message.format.version'?";
  typo.source_line = "og.message.format.version=2.1";
  core::Fix fix;
  fix.title = "replace with 'log.message.format.version'";
  fix.edits.push_back({220, 25, "log.message.format.version", 12, 1, 12, 26});
  typo.fix = fix;
  core::Finding acks;
  acks.code = "KL401";
  acks.name = "producer-acks-not-all";
  acks.severity = core::Severity::kError;
  acks.where = {"conf/my producer.properties", 3, 6};
  acks.message =
      "'acks=1' loses acknowledged messages when a leader fails over, as in a rolling restart";
  acks.subject = "acks";
  acks.notes.push_back("set 'acks=all' together with 'min.insync.replicas=2'");
  acks.source_line = "\tacks=1";
  r.findings = {typo, acks};
  std::sort(r.findings.begin(), r.findings.end(), core::finding_less);
  r.rules = {
      {"KL101", "unknown-key", "a key Kafka does not know", core::Severity::kWarning, "", "", ""},
      {"KL401", "producer-acks-not-all", "producer acks below all", core::Severity::kError, "", "",
       ""}};
  r.skipped.push_back({"conf/odd.bin", "not a properties file or a script"});
  return r;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("report: text shows location, severity, message, rule, source and caret") {
    std::ostringstream os;
    report::write_text(os, sample(), {});
    CHECK(os.str() ==
          "conf/my producer.properties:3:6: error: 'acks=1' loses acknowledged messages when a "
          "leader fails over, as in a rolling restart [KL401 producer-acks-not-all]\n"
          " 3 | \tacks=1\n"
          "   | \t    ^\n"
          "  note: set 'acks=all' together with 'min.insync.replicas=2'\n"
          "conf/server.properties:12:1: warning: unknown key 'og.message.format.version'; did "
          "you mean 'log.message.format.version'? [KL101 unknown-key]\n"
          " 12 | og.message.format.version=2.1\n"
          "    | ^~~~~~~~~~~~~~~~~~~~~~~~~\n"
          "  fix: replace with 'log.message.format.version'\n"
          "conf/odd.bin: note: not checked: not a properties file or a script\n"
          "2 findings in 2 files (1 error, 1 warning); 1 fixable with --fix; 1 file not checked\n");
  }

  TEST_CASE("report: text colours only when asked") {
    std::ostringstream plain, colored;
    report::write_text(plain, sample(), {false, true});
    report::write_text(colored, sample(), {true, true});
    CHECK(plain.str().find('\033') == std::string::npos);
    CHECK(colored.str().find("\033[1;31merror:") != std::string::npos);
  }

  TEST_CASE("report: text summary with no findings") {
    report::Report r;
    r.files_checked = 1;
    std::ostringstream os;
    report::write_text(os, r, {});
    CHECK(os.str() == "no findings in 1 file\n");
  }

  TEST_CASE("report: json carries every field of the interface") {
    std::ostringstream os;
    report::write_json(os, sample());
    auto j = nlohmann::json::parse(os.str());
    REQUIRE(j["findings"].size() == 2);
    auto f = j["findings"][1];
    CHECK(f["rule"] == "KL101");
    CHECK(f["severity"] == "warning");
    CHECK(f["file"] == "conf/server.properties");
    CHECK(f["line"] == 12);
    CHECK(f["column"] == 1);
    CHECK(f["subject"] == "og.message.format.version");
    CHECK(f["suggestion"] == "did you mean 'log.message.format.version'?");
    CHECK(f["fix"]["safety"] == "safe");
    CHECK(f["fix"]["edits"][0]["replacement"] == "log.message.format.version");
    CHECK(j["findings"][0].count("suggestion") == 0);
    CHECK(j["summary"]["errors"] == 1);
    CHECK(j["summary"]["warnings"] == 1);
    CHECK(j["summary"]["files_skipped"] == 1);
  }

  TEST_CASE("report: github annotations escape properties and data") {
    std::ostringstream os;
    report::write_github(os, sample());
    const std::string out = os.str();
    CHECK(out.find("::error file=conf/my producer.properties,line=3,col=6,"
                   "title=KL401 producer-acks-not-all::'acks=1' loses") == 0);
    CHECK(out.find("::warning file=conf/server.properties,line=12,col=1,endColumn=26,"
                   "title=KL101 unknown-key::unknown key") != std::string::npos);
    core::Finding f;
    f.code = "KL1";
    f.name = "x";
    f.where = {"a,b:c", 1, 1};
    f.message = "50% done\nnext";
    report::Report r;
    r.findings = {f};
    std::ostringstream os2;
    report::write_github(os2, r);
    CHECK(os2.str() == "::warning file=a%2Cb%3Ac,line=1,col=1,title=KL1 x::50%25 done%0Anext\n");
  }

  TEST_CASE("report: sarif validates against the SARIF 2.1.0 schema") {
    std::ostringstream os;
    report::write_sarif(os, sample());
    auto j = nlohmann::json::parse(os.str());
    CHECK(j["version"] == "2.1.0");
    auto run = j["runs"][0];
    CHECK(run["tool"]["driver"]["rules"].size() == 2);
    CHECK(run["results"][1]["ruleId"] == "KL101");
    CHECK(run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "conf/server.properties");
    CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "conf/my%20producer.properties");
    CHECK(run["results"][1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]
             ["text"] == "log.message.format.version");

    auto shared = test::shared_dir();
    if (!shared) {
      MESSAGE("skipped schema validation: ../shared is absent");
      return;
    }
    if (test::run_shell("python3 -c 'import jsonschema'").code != 0) {
      MESSAGE("skipped schema validation: python3-jsonschema is not installed");
      return;
    }
    test::TempDir tmp;
    test::write(tmp.file("out.sarif"), os.str());
    auto r = test::run_shell("python3 '" + test::source_dir() +
                             "/tests/report/validate_json.py' '" + *shared +
                             "/schemas/sarif-schema-2.1.0.json' '" + tmp.file("out.sarif") + "'");
    INFO(r.out, r.err);
    CHECK(r.code == 0);
    // The validator must be able to fail: a run without a tool driver is not SARIF.
    test::write(tmp.file("bad.sarif"), R"({"version": "2.1.0", "runs": [{"tool": {}}]})");
    auto bad = test::run_shell("python3 '" + test::source_dir() +
                               "/tests/report/validate_json.py' '" + *shared +
                               "/schemas/sarif-schema-2.1.0.json' '" + tmp.file("bad.sarif") + "'");
    CHECK(bad.code == 1);
  }
}
