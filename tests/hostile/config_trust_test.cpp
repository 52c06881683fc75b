// Configuration trust (issue 16 point 10): .kafkalint.toml is searched up to the repository
// root and no further, and text toml++ 3.3 mishandles (invalid UTF-8, non-ASCII outside strings
// and comments) is a located error before it parses.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/strings.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

TEST_SUITE("hostile_config_trust") {
  TEST_CASE("settings above the repository root are not used") {
    test::TempDir dir;
    test::write(dir.file(".kafkalint.toml"), "to = \"2.0\"\n");  // outside the repository
    fs::create_directories(dir.file("repo/.git"));
    test::write(dir.file("repo/conf/server.properties"), "broker.id=1\nlog.dirs=/d\n");
    const auto r =
        test::run_shell("cd '" + dir.file("repo") + "' && '" + test::binary() + "' check conf");
    CHECK(r.out.find("no target version") != std::string::npos);  // 2.0 was not picked up
    test::write(dir.file("repo/.kafkalint.toml"), "to = \"3.9\"\n");
    const auto r2 =
        test::run_shell("cd '" + dir.file("repo/conf") + "' && '" + test::binary() + "' check .");
    CHECK(r2.out.find("no target version") == std::string::npos);
  }

  TEST_CASE("invalid UTF-8 and bare non-ASCII never reach toml++") {
    test::TempDir dir;
    for (const char* text : {"\xc3\xa9", "to = \"3.9\"\n\xff\n", "t\xc3\xb6 = \"3.9\"\n"}) {
      test::write(dir.file(".kafkalint.toml"), text);
      const auto r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' check .");
      CHECK(r.code == 2);
      CHECK(r.err.find(".kafkalint.toml:") != std::string::npos);
    }
    // Non-ASCII where TOML allows it is fine.
    test::write(dir.file(".kafkalint.toml"), "# caf\xc3\xa9\nto = \"3.9\"  # d\xc3\xa9j\xc3\xa0\n");
    CHECK(test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' check .").code != 2);
    const std::string quoted = "a = \"\xc3\xa9\"\nb = '''\xc3\xa9'''\n";
    CHECK(core::toml_bare_non_ascii(quoted) == quoted.size());
    CHECK(core::utf8_valid_prefix("ab\xe0\x80\x80") == 2);  // overlong
  }
}

namespace {

// `kafkalint ARGS` run in `dir` (with its .kafkalint.toml).
test::RunResult run_in(const test::TempDir& dir, const std::string& args) {
  return test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' " + args);
}

}  // namespace

TEST_SUITE("hostile_config_trust") {
  TEST_CASE("an empty value is a usage error, not a missing option") {
    test::TempDir dir;
    test::write(dir.file("server.properties"), "broker.id=1\nlog.dirs=/d\n");
    for (const char* args :
         {"check --to '' server.properties", "check --from '' --to 3.9 server.properties",
          "check --baseline '' server.properties", "show --effective --to '' server.properties",
          "diff --to '' server.properties server.properties",
          "plan --from 3.0 --to '' server.properties"}) {
      INFO(args);
      const auto r = run_in(dir, args);
      CHECK(r.code == 2);
      CHECK(r.err.find("was given an empty value") != std::string::npos);
    }
  }

  TEST_CASE(
      "versions, roles and severities of .kafkalint.toml are checked where they are written") {
    test::TempDir dir;
    test::write(dir.file("server.properties"), "broker.id=1\nlog.dirs=/d\n");
    struct Case {
      const char* toml;
      const char* error;  // the whole located first line of stderr
    };
    const Case cases[] = {
        {"to = \"\"\n", ".kafkalint.toml:1:6: error: 'to' is empty"},
        {"from = \" \"\nto = \"3.9\"\n", ".kafkalint.toml:1:8: error: 'from' is empty"},
        {"# target\nto = \"9.9\"\n", ".kafkalint.toml:2:6: error: 'to': "},
        {"to = \"3.9\"\nfrom = \"banana\"\n", ".kafkalint.toml:2:8: error: 'from': "},
        {"to = \"0.8.2\"\n", ".kafkalint.toml:1:6: error: 'to': kafkalint has no configuration"},
        {"fail-on = \"warn\"\n",
         ".kafkalint.toml:1:11: error: unknown severity 'warn' for 'fail-on'"},
        {"[roles]\n\"*.properties\" = \"borker\"\n",
         ".kafkalint.toml:2:18: error: unknown role 'borker' for '*.properties'"},
    };
    for (const Case& c : cases) {
      INFO(c.toml);
      test::write(dir.file(".kafkalint.toml"), c.toml);
      const auto r = run_in(dir, "check server.properties");
      CHECK(r.code == 2);
      CHECK(r.err.rfind(c.error, 0) == 0);
      CHECK(r.out.empty());
    }
    // The role's near miss is named.
    test::write(dir.file(".kafkalint.toml"), "[roles]\n\"*.properties\" = \"borker\"\n");
    CHECK(run_in(dir, "check server.properties").err.find("did you mean 'broker'?") !=
          std::string::npos);
    // An option still wins over the file: --to replaces its 'to' before it is resolved.
    test::write(dir.file(".kafkalint.toml"), "to = \"9.9\"\n");
    CHECK(run_in(dir, "check --to 3.9 server.properties").code != 2);
  }

  TEST_CASE("options that cannot go together are a usage error") {
    test::TempDir dir;
    test::write(dir.file("server.properties"), "broker.id=1\nnum.partitons=3\n");
    const auto r = run_in(dir, "check --to 3.9 --diff --write-baseline b.json server.properties");
    CHECK(r.code == 2);
    CHECK(r.err.find("'--diff' and '--write-baseline' exclude each other") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("b.json")));
  }

  TEST_CASE("baseline numbers are range-checked") {
    test::TempDir dir;
    test::write(dir.file("server.properties"), "broker.id=1\nnum.partitons=3\n");
    const std::string entry =
        R"({"rule": "KL101", "file": "server.properties", "subject": "num.partitons", )"
        R"("line_text": "num.partitons=3", "count": )";
    struct Case {
      std::string json;
      const char* error;
    };
    const Case cases[] = {
        {"{\"kafkalint_baseline\": 1, \"findings\": [" + entry + "99999999999999999999}]}",
         "entry 1 of 'findings': 'count' must be a whole number from 1 to 1000000000"},
        {"{\"kafkalint_baseline\": 1, \"findings\": [" + entry + "1e300}]}",
         "'count' must be a whole number"},
        {"{\"kafkalint_baseline\": 1, \"findings\": [" + entry + "0}]}",
         "'count' must be a whole number"},
        {"{\"kafkalint_baseline\": 1, \"findings\": [" + entry + "-2147483649}]}",
         "'count' must be a whole number"},
        {"{\"kafkalint_baseline\": 1, \"findings\": [" + entry + "\"7\"}]}",
         "'count' must be a whole number"},
        {"{\"kafkalint_baseline\": 1e400, \"findings\": []}", "not valid JSON"},
        {"{\"kafkalint_baseline\": 1.0e30, \"findings\": []}", "not a kafkalint baseline"},
        {"{\"kafkalint_baseline\": 4294967297, \"findings\": []}", "not a kafkalint baseline"},
        {"[1]", "not a kafkalint baseline"},
        {"{\"kafkalint_baseline\": 1, \"findings\": [{\"rule\": 101}]}",
         "entry 1 of 'findings': 'rule' must be a string"},
    };
    for (const Case& c : cases) {
      INFO(c.json);
      test::write(dir.file("base.json"), c.json);
      const auto r = run_in(dir, "check --to 3.9 --baseline base.json server.properties");
      CHECK(r.code == 2);
      CHECK(r.err.rfind("base.json", 0) == 0);
      CHECK(r.err.find(c.error) != std::string::npos);
    }
    // Two entries of the largest count add up without overflow and absorb the finding.
    test::write(dir.file("base.json"), "{\"kafkalint_baseline\": 1, \"findings\": [" + entry +
                                           "1000000000}, " + entry + "1000000000}]}");
    const auto r = run_in(dir, "check --to 3.9 --baseline base.json server.properties");
    CHECK(r.code != 2);
    CHECK(r.out.find("KL101") == std::string::npos);
    CHECK(run_in(dir, "check --to 3.9 server.properties").out.find("KL101") != std::string::npos);
  }

  TEST_CASE("-v says which .kafkalint.toml is used") {
    test::TempDir dir;
    fs::create_directories(dir.file("repo/.git"));
    fs::create_directories(dir.file("repo/conf"));
    test::write(dir.file("repo/conf/server.properties"), "broker.id=1\nlog.dirs=/d\n");
    auto r = test::run_shell("cd '" + dir.file("repo/conf") + "' && '" + test::binary() +
                             "' check -v --to 3.9 server.properties");
    CHECK(r.err.find("kafkalint: settings: none (no .kafkalint.toml in") != std::string::npos);
    test::write(dir.file("repo/.kafkalint.toml"), "to = \"3.9\"\n");
    r = test::run_shell("cd '" + dir.file("repo/conf") + "' && '" + test::binary() +
                        "' check -v server.properties");
    const std::string used =
        fs::weakly_canonical(dir.file("repo/.kafkalint.toml")).lexically_normal().string();
    CHECK(r.err.find("kafkalint: settings: " + used + "\n") != std::string::npos);
  }
}

TEST_SUITE("hostile_config_trust") {
  TEST_CASE("a pack with an impossible number is a located error, exit 2") {
    // A metadata.version level past a Java short was cut to an int: 4294967297 read as 1.
    std::string versions = test::read(test::source_dir() + "/rules/kafka/versions.toml");
    const std::string level = "{ name = \"3.0-IV1\", level = 1,";
    const std::size_t at = versions.find(level);
    REQUIRE(at != std::string::npos);
    for (const char* n : {"4294967297", "0", "-3", "32768"}) {
      INFO(n);
      test::TempDir dir;
      std::string text = versions;
      text.replace(at, level.size(), "{ name = \"3.0-IV1\", level = " + std::string(n) + ",");
      test::write(dir.file("kafka/versions.toml"), text);
      const auto r = test::run_cli({"--rules", dir.path(), "versions"});
      CHECK(r.code == 2);
      CHECK(r.err.find("versions.toml:") != std::string::npos);
      CHECK(r.err.find("metadata.version level " + std::string(n) +
                       " of '3.0-IV1' is not a feature level") != std::string::npos);
    }
  }
}

TEST_SUITE("hostile_config_trust") {
  TEST_CASE("toml++ only ever reads ASCII: non-ASCII text is rewritten with the same meaning") {
    std::string out;
    // Strings keep their value as escapes; a literal string becomes the same basic string.
    CHECK(core::toml_to_ascii("a = \"caf\xc3\xa9\"  # d\xc3\xa9j\xc3\xa0\n", &out) == 22);
    CHECK(out == "a = \"caf\\u00E9\"  # d@@j@@\n");
    CHECK(core::toml_to_ascii("b = '''x\\\"\xf0\x9f\x98\x80'''", &out) == 17);
    CHECK(out == "b = \"\"\"x\\\\\\\"\\U0001F600\"\"\"");
    // Outside strings and comments there is no way to write it.
    CHECK(core::toml_to_ascii("t\xc3\xb6 = 1", &out) == 1);
    // Found by fuzz/settings_fuzzer: a value toml++ reads as a number reached its
    // "unreachable" Unicode-whitespace table on the e-acute after it.
    test::TempDir dir;
    test::write(dir.file(".kafkalint.toml"),
                "# x\nto =-\"JJ*(JJcaf\xc3\xa9\nfrom = 'caf\xc3\xa9'\n");
    const auto r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' check .");
    CHECK(r.code == 2);
    CHECK(r.err.rfind(".kafkalint.toml:2:", 0) == 0);
    // And a valid file with non-ASCII strings loads with their values.
    test::write(dir.file(".kafkalint.toml"),
                "to = \"3.9\"\nplugin-keys = ['caf\xc3\xa9.*', \"d\xc3\xa9j\xc3\xa0\"]\n");
    test::write(dir.file("server.properties"), "broker.id=1\nlog.dirs=/d\ncaf\\u00e9.x=1\n");
    const auto ok = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                    "' check server.properties");
    CHECK(ok.code != 2);
    CHECK(ok.out.find("KL101") == std::string::npos);
  }
}
