// End-to-end behaviour of `kafkalint check` that the golden cases do not cover: formats
// validated as a whole, baselines, --fail-on, --diff/--fix on disk, refused files.

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace kafkalint;
namespace fs = std::filesystem;

namespace {

test::RunResult check_in(const std::string& dir, const std::string& args) {
  return test::run_shell("cd '" + dir + "' && NO_COLOR=1 '" + test::binary() + "' check " + args);
}

const char* kBroker =
    "broker.id=1\nzookeeper.connect=zk:2181\nog.message.format.version=2.1\nmin.insync.replicas=2\n"
    "default.replication.factor=3\nauto.create.topics.enable=false\n";

}  // namespace

TEST_SUITE("checks_cli") {
  TEST_CASE("check: json output is one object with findings, skipped files and a summary") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), kBroker);
    test::write(tmp.file("log4j.properties"), "log4j.rootLogger=INFO\n");
    auto r = check_in(tmp.path(), "--to 2.1 --format json");
    CHECK(r.code == 1);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].size() == 1);
    CHECK(j["findings"][0]["rule"] == "KL101");
    CHECK(j["findings"][0]["subject"] == "og.message.format.version");
    CHECK(j["findings"][0]["line"] == 3);
    CHECK(j["findings"][0]["fix"]["edits"][0]["replacement"] == "log.message.format.version");
    CHECK(j["skipped"][0]["file"] == "log4j.properties");
    CHECK(j["summary"]["files_checked"] == 1);
  }

  TEST_CASE("check: sarif of a real run validates against the SARIF 2.1.0 schema") {
    auto shared = test::shared_dir();
    if (!shared || test::run_shell("python3 -c 'import jsonschema'").code != 0) {
      MESSAGE("skipped: needs ../shared and python3-jsonschema");
      return;
    }
    test::TempDir tmp;
    auto r = check_in(test::source_dir() + "/testdata/checks",
                      "--to 3.9 --format sarif . > '" + tmp.file("out.sarif") + "'");
    CHECK(r.code == 1);
    auto v = test::run_shell("python3 '" + test::source_dir() +
                             "/tests/report/validate_json.py' '" + *shared +
                             "/schemas/sarif-schema-2.1.0.json' '" + tmp.file("out.sarif") + "'");
    INFO(v.out, v.err);
    CHECK(v.code == 0);
    auto j = nlohmann::json::parse(test::read(tmp.file("out.sarif")));
    CHECK(j["runs"][0]["results"].size() > 20);
  }

  TEST_CASE("check: github annotations, one per finding") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), kBroker);
    auto r = check_in(tmp.path(), "--to 2.1 --format github");
    CHECK(r.code == 1);
    CHECK(r.out.rfind("::warning file=server.properties,line=3,col=1,endColumn=26,"
                      "title=KL101 unknown-key::unknown key",
                      0) == 0);
  }

  TEST_CASE("check: --fail-on sets the severity that fails the run") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), kBroker);
    CHECK(check_in(tmp.path(), "--to 2.1 --fail-on error").code == 0);
    CHECK(check_in(tmp.path(), "--to 2.1 --fail-on warning").code == 1);
    CHECK(check_in(tmp.path(), "--to 2.1 --fail-on fatal").code == 2);
  }

  TEST_CASE("check: a baseline hides today's findings and shows new ones") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), kBroker);
    auto w = check_in(tmp.path(), "--to 2.1 --write-baseline base.json");
    CHECK(w.code == 0);
    CHECK(w.err.find("wrote 1 finding to base.json") != std::string::npos);
    CHECK(check_in(tmp.path(), "--to 2.1 --baseline base.json").code == 0);
    // A new problem above the old one: only the new one is reported.
    test::write(tmp.file("server.properties"), std::string("num.partitons=3\n") + kBroker);
    auto r = check_in(tmp.path(), "--to 2.1 --baseline base.json");
    CHECK(r.code == 1);
    CHECK(r.out.find("num.partitons") != std::string::npos);
    CHECK(r.out.find("og.message.format.version") == std::string::npos);
  }

  TEST_CASE("check: --diff prints fixes, --fix writes them atomically keeping the mode") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), kBroker);
    ::chmod(tmp.file("server.properties").c_str(), 0640);
    auto d = check_in(tmp.path(), "--to 2.1 --diff");
    CHECK(d.out.find("-og.message.format.version=2.1\n+log.message.format.version=2.1\n") !=
          std::string::npos);
    CHECK(test::read(tmp.file("server.properties")) == kBroker);  // --diff writes nothing
    auto f = check_in(tmp.path(), "--to 2.1 --fix");
    CHECK(f.code == 0);
    CHECK(f.out.find("fixed 1 finding in 1 file") != std::string::npos);
    CHECK(test::read(tmp.file("server.properties")).find("\nlog.message.format.version=2.1\n") !=
          std::string::npos);
    struct stat st {};
    ::stat(tmp.file("server.properties").c_str(), &st);
    CHECK((st.st_mode & 0777) == 0640);
    CHECK(check_in(tmp.path(), "--to 2.1 --diff").out.empty());
  }

  TEST_CASE("check: a file Kafka refuses is a located error and exit 2, other files still run") {
    test::TempDir tmp;
    test::write(tmp.file("bad.properties"), "broker.id=1\nssl.key.password=\\u12G4\n");
    test::write(tmp.file("server.properties"), kBroker);
    auto r = check_in(tmp.path(), "--to 2.1");
    CHECK(r.code == 2);
    // In the report (every format carries it), as a KL901 finding at the bad escape.
    CHECK(r.out.find("bad.properties:2:18: error:") != std::string::npos);
    CHECK(r.out.find("[KL901 unparsable-file]") != std::string::npos);
    CHECK(r.out.find("og.message.format.version") != std::string::npos);
  }

  TEST_CASE("check: usage errors and missing paths name the problem and exit 2") {
    test::TempDir tmp;
    auto v = check_in(tmp.path(), "--to 2.9");
    CHECK(v.code == 2);
    CHECK(v.err.find("2.9") != std::string::npos);
    CHECK(v.err.find("2.8") != std::string::npos);  // lists the known versions
    auto s = check_in(tmp.path(), "--select KL9999");
    CHECK(s.code == 2);
    CHECK(s.err.find("unknown rule selector 'KL9999'") != std::string::npos);
    auto m = check_in(tmp.path(), "missing.properties");
    CHECK(m.code == 2);
    CHECK(m.out.find("missing.properties:1:1: error: no such file or directory [KL901") == 0);
    auto ft = check_in(tmp.path(), "--from 3.0 --to 2.1");
    CHECK(ft.code == 2);
  }

  TEST_CASE("check: a bad .kafkalint.toml is a located error") {
    test::TempDir tmp;
    test::write(tmp.file(".kafkalint.toml"), "to = \"2.1\"\nignroe = [\"KL101\"]\n");
    auto r = check_in(tmp.path(), "");
    CHECK(r.code == 2);
    CHECK(r.err.find(".kafkalint.toml:2:1: error: unknown setting 'ignroe'") != std::string::npos);
    CHECK(r.err.find("did you mean 'ignore'?") != std::string::npos);
  }

  TEST_CASE("check: a folder's files come before its subfolders, each folder once") {
    test::TempDir tmp;
    fs::create_directories(tmp.file("conf/b"));
    test::write(tmp.file("conf/a.properties"), "og.message.format.version=2.1\nbroker.id=1\n");
    test::write(tmp.file("conf/b/x.properties"), "og.message.format.version=2.1\nbroker.id=1\n");
    test::write(tmp.file("conf/c.properties"), "og.message.format.version=2.1\nbroker.id=1\n");
    test::write(tmp.file("conf-2.properties"), "og.message.format.version=2.1\nbroker.id=1\n");
    // The same files reached through a folder, a subfolder and a file of it are checked once.
    auto r = check_in(tmp.path(), "--to 2.1 --select KL101 . conf conf/b ./conf/c.properties");
    CHECK(r.code == 1);
    std::vector<std::string> files;
    for (std::size_t at = 0; (at = r.out.find(": warning: unknown key", at)) != std::string::npos;
         ++at) {
      const std::size_t start =
          r.out.rfind('\n', at) == std::string::npos ? 0 : r.out.rfind('\n', at) + 1;
      files.push_back(r.out.substr(start, r.out.find(':', start) - start));
    }
    CHECK(files == std::vector<std::string>{"conf-2.properties", "conf/a.properties",
                                            "conf/c.properties", "conf/b/x.properties"});
    CHECK(r.out.find("4 findings in 4 files") != std::string::npos);
  }

  TEST_CASE("check: a folder larger than a chunk keeps its cluster checks and fixes") {
    // Files are checked and reported a chunk (512 files) at a time; a folder of 700 brokers
    // is compared as one cluster all the same.
    test::TempDir tmp;
    fs::create_directories(tmp.file("brokers"));
    for (int i = 1; i <= 700; ++i) {
      char name[64];
      std::snprintf(name, sizeof name, "brokers/b%03d.properties", i);
      test::write(tmp.file(name),
                  "broker.id=" + std::to_string(i == 690 ? 3 : i) +
                      "\nzookeeper.connect=zk1:2181\nog.message.format.version=2.1\n");
    }
    auto r = check_in(tmp.path(), "--to 2.1 --select KL101,KL601 brokers");
    CHECK(r.code == 1);
    CHECK(r.out.find("brokers/b690.properties:1:11: error: 'broker.id' '3' is also used by "
                     "brokers/b003.properties") != std::string::npos);
    CHECK(r.out.find("701 findings in 700 files (1 error, 700 warnings); 700 fixable") !=
          std::string::npos);
    auto fixed = check_in(tmp.path(), "--to 2.1 --select KL101,KL601 --fix brokers");
    CHECK(fixed.code == 1);  // the duplicate id has no fix
    CHECK(fixed.out.find("1 finding in 700 files (1 error)") != std::string::npos);
    CHECK(fixed.out.find("fixed 700 findings in 700 files") != std::string::npos);
    CHECK(test::read(tmp.file("brokers/b700.properties"))
              .find("\nlog.message.format.version=2.1\n") != std::string::npos);
    auto again = check_in(tmp.path(), "--to 2.1 --select KL101,KL601 --fix brokers");
    CHECK(again.out.find("fixed") == std::string::npos);
    CHECK(again.out == fixed.out.substr(0, fixed.out.find("fixed 700")));
  }

  TEST_CASE("check: streamed json and sarif read exactly like documents dumped whole") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), kBroker);
    test::write(tmp.file("producer.properties"), "acks=1\nbootstrap.servers=k:9092\n");
    test::write(tmp.file("log4j.properties"), "log4j.rootLogger=INFO\n");
    for (const char* format : {"json", "sarif"}) {
      auto r = check_in(tmp.path(), std::string("--to 2.1 --format ") + format);
      CHECK(r.code == 1);
      const auto j = nlohmann::ordered_json::parse(r.out);
      CHECK(j.dump(2) + "\n" == r.out);
    }
    auto empty = check_in(tmp.path(), "--to 2.1 --format json --select KL999 log4j.properties");
    CHECK(empty.code == 2);  // an unknown selector is a usage error
    auto none = check_in(tmp.path(), "--to 2.1 --format json log4j.properties");
    CHECK(none.code == 0);
    CHECK(nlohmann::ordered_json::parse(none.out).dump(2) + "\n" == none.out);
    CHECK(nlohmann::json::parse(none.out)["findings"].empty());
  }
}
