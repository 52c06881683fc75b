// Golden tests of `kafkalint plan`: every folder testdata/plan/<case>/ holds brokers/*.properties,
// `args` (the command line after `plan`, without the files), expected.txt (text output),
// expected.json (--format json), expected.md (plan.md), expected.exit and phase-N/brokers/*
// (the files after each phase, as --out writes them). The broker files are passed sorted, as
// brokers/<name>, from inside the case folder.
// KAFKALINT_UPDATE_GOLDEN=1 rewrites the expectations; review them with git diff.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

test::RunResult run_in(const fs::path& dir, const std::string& args) {
  return test::run_shell("cd '" + dir.string() + "' && NO_COLOR=1 '" + test::binary() + "' plan " +
                         args);
}

}  // namespace

TEST_SUITE("plan_golden") {
  TEST_CASE("plan: golden cases") {
    const fs::path root = fs::path(test::source_dir()) / "testdata" / "plan";
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(root))
      if (e.is_directory()) cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 12);
    for (const fs::path& dir : cases) {
      INFO("case: " << dir.filename().string());
      const std::string args = test::trim_newline(test::read((dir / "args").string()));
      std::string files;
      for (const std::string& f : files_under(dir / "brokers")) files += " 'brokers/" + f + "'";
      REQUIRE(!files.empty());
      std::vector<std::string> inputs;
      for (const std::string& f : files_under(dir / "brokers"))
        inputs.push_back(test::read((dir / "brokers" / f).string()));

      const test::RunResult text = run_in(dir, args + files);
      test::compare_golden((dir / "expected.txt").string(), text.out);
      test::compare_golden((dir / "expected.exit").string(), std::to_string(text.code) + "\n");
      CHECK_MESSAGE(text.err.empty(), text.err);
      const test::RunResult json = run_in(dir, args + files + " --format json");
      test::compare_golden((dir / "expected.json").string(), json.out);
      CHECK(json.code == text.code);

      // --out: every phase's files, plan.json (same as --format json) and plan.md.
      test::TempDir out;
      const test::RunResult written =
          run_in(dir, args + files + " --out '" + out.path() + "' --format json");
      CHECK(written.code == text.code);
      CHECK(test::read(out.file("plan.json")) == json.out);
      test::compare_golden((dir / "expected.md").string(), test::read(out.file("plan.md")));
      std::vector<std::string> produced = files_under(out.path());
      produced.erase(std::remove_if(produced.begin(), produced.end(),
                                    [](const std::string& f) { return f.rfind("phase-", 0) != 0; }),
                     produced.end());
      if (test::update_golden()) {
        for (const auto& e : fs::directory_iterator(dir))
          if (e.path().filename().string().rfind("phase-", 0) == 0) fs::remove_all(e.path());
      } else {
        std::vector<std::string> expected = files_under(dir);
        expected.erase(
            std::remove_if(expected.begin(), expected.end(),
                           [](const std::string& f) { return f.rfind("phase-", 0) != 0; }),
            expected.end());
        CHECK(produced == expected);
      }
      for (const std::string& f : produced)
        test::compare_golden((dir / f).string(), test::read(out.file(f)));
      // Every command that passes --command-config client.properties has that file in --out.
      const bool client = fs::exists(out.file("client.properties"));
      CHECK(client == (text.out.find("--command-config client.properties") != std::string::npos));
      if (client || fs::exists(dir / "expected-client.properties"))
        test::compare_golden((dir / "expected-client.properties").string(),
                             client ? test::read(out.file("client.properties")) : "");

      // The input files are never modified.
      std::size_t i = 0;
      for (const std::string& f : files_under(dir / "brokers"))
        CHECK(test::read((dir / "brokers" / f).string()) == inputs[i++]);
    }
  }
}

TEST_SUITE("plan_golden") {
  TEST_CASE("plan: unusable input exits 2, a refusal exits 1") {
    const std::string dir = test::source_dir() + "/testdata/plan/zk-2.1-to-2.6/brokers";
    const std::string f = dir + "/broker-1.properties";
    CHECK(test::run_cli({"plan", "--from", "2.1", "--to", "9.9", f}).code == 2);
    CHECK(test::run_cli({"plan", "--from", "2.1", f}).code == 2);
    CHECK(test::run_cli({"plan", "--from", "2.1", "--to", "2.6"}).code == 2);
    CHECK(
        test::run_cli({"plan", "--from", "2.1", "--to", "2.6", dir + "/missing.properties"}).code ==
        2);
    CHECK(test::run_cli({"plan", "--from", "2.1", "--to", "2.6", "--format", "sarif", f}).code ==
          2);
    test::TempDir t;
    test::write(t.file("bad.properties"), "broker.id=1\nkey=\\u12\n");
    const test::RunResult bad =
        test::run_cli({"plan", "--from", "2.1", "--to", "2.6", t.file("bad.properties")});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("bad.properties:2:") != std::string::npos);
    // A directory is walked for *.properties.
    const test::RunResult d =
        test::run_cli({"plan", "--from", "2.1", "--to", "2.6", dir, "--format", "json"});
    CHECK(d.code == 0);
    CHECK(d.out.find("broker-3.properties") != std::string::npos);
    CHECK(test::run_cli({"plan", "--from", "2.6", "--to", "2.1", f}).code == 1);
  }

  TEST_CASE("plan: --pin-message-format pins both keys from a V2 source") {
    const std::string f =
        test::source_dir() + "/testdata/plan/zk-2.1-to-2.6/brokers/broker-1.properties";
    const test::RunResult r = test::run_cli(
        {"plan", "--from", "2.1", "--to", "2.6", "--pin-message-format", f, "--format", "json"});
    CHECK(r.code == 0);
    CHECK(r.out.find("\"key\": \"log.message.format.version\",\n          \"value\": \"2.1\"") !=
          std::string::npos);
    // ... and raises it once the consumers are ready (same format: with the protocol).
    CHECK(r.out.find("\"value\": \"2.6\"") != std::string::npos);
  }
}
