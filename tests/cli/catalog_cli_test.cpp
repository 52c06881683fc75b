// `kafkalint versions`, `rules` and `explain`: output, exit codes, and located errors for
// broken --rules overlays.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

using kafkalint::test::run_cli;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_SUITE("cli_catalog") {
  TEST_CASE("cli_catalog: --help lists versions, rules and explain") {
    auto r = run_cli({"--help"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "  versions  list the Kafka releases the rule packs know\n"));
    CHECK(has(r.out, "  rules     list the rules\n"));
    CHECK(has(r.out, "  explain   explain one rule: what, why, example, fix, source\n"));
  }

  TEST_CASE("cli_catalog: versions prints one row per release line") {
    auto r = run_cli({"versions"});
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("LINE    PATCHES", 0) == 0);
    CHECK(has(r.out, "IBP DEFAULT"));
    CHECK(has(r.out, "\n0.7     -  "));
    CHECK(has(r.out, "no path"));
    CHECK(has(r.out, "\n2.1     2.1.0..2.1.1 "));
    CHECK(has(r.out, " 2.1-IV2 "));
    CHECK(has(r.out, "\n4.4     4.4.0 "));
    // Counted and flagged from the catalogue itself: a new or released line is data.
    const auto j = nlohmann::json::parse(run_cli({"versions", "--format", "json"}).out);
    CHECK(has(r.out, std::to_string(j["lines"].size()) + " release lines"));
    for (const auto& l : j["lines"])
      if (l["status"] == "unreleased")
        CHECK(has(r.out, "note: " + l["name"].get<std::string>() + ": not released yet"));
    // Deterministic: a second run prints the same bytes.
    CHECK(run_cli({"versions"}).out == r.out);
  }

  TEST_CASE("cli_catalog: versions --format json carries every fact") {
    auto r = run_cli({"versions", "--format", "json"});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    // 0.7 to 4.4 at least; a newer release adds lines without changing these.
    REQUIRE(j["lines"].size() >= 35);
    CHECK(j["lines"][0]["name"] == "0.7");
    CHECK(j["lines"][0]["supported"] == false);
    CHECK(j["lines"][34]["name"] == "4.4");
    const auto& newest = j["lines"].back();
    CHECK((newest["status"] == "unreleased" || newest["status"] == "released"));
    CHECK(newest["ibp_default"].is_null());  // no inter.broker.protocol.version since 4.0
    bool found = false;
    for (const auto& l : j["lines"]) {
      if (l["name"] != "2.1") continue;
      found = true;
      CHECK(l["ibp_default"] == "2.1-IV2");
      CHECK(l["lmfv_default"] == "2.1-IV2");
      CHECK(l["record_format"] == "V2");
      CHECK(l["packs"]["configs"]["name"] == "2.1");
    }
    CHECK(found);
    REQUIRE(j["constraints"].size() >= 8);
    for (const auto& c : j["constraints"]) CHECK(!c["source"].get<std::string>().empty());
    CHECK(j["known_issues"].size() >= 4);
  }

  TEST_CASE("cli_catalog: versions rejects an unknown format and stray arguments") {
    auto r = run_cli({"versions", "--format", "yaml"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "unknown format 'yaml'"));
    CHECK(run_cli({"versions", "extra"}).code == 2);
  }

  TEST_CASE("cli_catalog: rules prints a table with fix markers") {
    auto r = run_cli({"rules"});
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("CODE   NAME ", 0) == 0);
    CHECK(has(r.out, "\nKL101  unknown-key "));
    CHECK(has(r.out, "warning   [*]  key that no Kafka release"));
    CHECK(has(r.out, "\nKL106  log4j-key-in-kafka-config "));
    CHECK(has(r.out, "(preview)"));
    CHECK(has(r.out, "[*] safe fix, [~] fix that needs review"));
  }

  TEST_CASE("cli_catalog: rules --format json lists every rule with its sources") {
    auto r = run_cli({"rules", "--format", "json"});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["rules"].size() >= 60);
    for (const auto& rule : j["rules"]) {
      INFO(rule["code"].get<std::string>());
      CHECK(!rule["sources"].empty());
      CHECK(!rule["why"].get<std::string>().empty());
    }
  }

  TEST_CASE("cli_catalog: explain prints ruff-style sections and the sources") {
    auto r = run_cli({"explain", "KL101"});
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("KL101 unknown-key (warning, stable, keys)\n", 0) == 0);
    for (const char* section :
         {"\nWhat it does\n", "\nWhy\n", "\nExample\n", "\nFix\n", "\nSources\n"})
      CHECK(has(r.out, section));
    CHECK(has(r.out, "    og.message.format.version=2.1\n"));
    CHECK(has(r.out, "  Use instead:\n    log.message.format.version=2.1\n"));
    CHECK(has(r.out, "(safe fix: applied by 'check --fix')"));
    CHECK(has(r.out, "https://kafka.apache.org/39/documentation.html#brokerconfigs"));
    // Code or name, any case: the same page.
    CHECK(run_cli({"explain", "kl101"}).out == r.out);
    CHECK(run_cli({"explain", "Unknown-Key"}).out == r.out);
  }

  TEST_CASE("cli_catalog: explain --format json prints the rule object") {
    auto r = run_cli({"explain", "protocol-version-above-binary", "--format", "json"});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["code"] == "KL205");
    CHECK(j["severity"] == "error");
    CHECK(j["fix"] == "none");  // the remedy (raise the pin later) is a decision, not an edit
    CHECK(!j["sources"].empty());
    CHECK(j["example"].get<std::string>().find("inter.broker.protocol.version=3.0") !=
          std::string::npos);
  }

  TEST_CASE("cli_catalog: explain shows the sources of every rule") {
    auto j = nlohmann::json::parse(run_cli({"rules", "--format", "json"}).out);
    for (const auto& rule : j["rules"]) {
      const std::string code = rule["code"];
      INFO(code);
      auto r = run_cli({"explain", code});
      REQUIRE(r.code == 0);
      for (const auto& s : rule["sources"]) CHECK(has(r.out, "  - " + s["ref"].get<std::string>()));
    }
  }

  TEST_CASE("cli_catalog: explain of an unknown rule exits 2 with a suggestion") {
    auto r = run_cli({"explain", "KL1O1"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "kafkalint explain: error: unknown rule 'KL1O1'; did you mean 'KL101'?"));
    r = run_cli({"explain", "unknwn-key"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "did you mean 'unknown-key'?"));
    r = run_cli({"explain"});
    CHECK(r.code == 2);
    CHECK(
        has(r.err, "kafkalint explain: error: missing RULE, a rule code or name such as 'KL101'"));
    CHECK(run_cli({"explain", "KL101", "KL102"}).code == 2);
  }

  TEST_CASE("cli_catalog: a broken versions.toml overlay is a located error, exit 2") {
    kafkalint::test::TempDir dir;
    kafkalint::test::write(dir.file("kafka/versions.toml"),
                           "schema = 1\n[[line]]\nname = \"2.1\"\nstauts = \"released\"\n");
    auto r = run_cli({"--rules", dir.path(), "versions"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, dir.file("kafka/versions.toml") +
                         ":2:1: error: [[line]] '2.1' has no field 'status'"));
    // Packs load lazily: `rules` does not read versions.toml.
    CHECK(run_cli({"--rules", dir.path(), "rules"}).code == 0);

    kafkalint::test::write(dir.file("kafka/versions.toml"), "schema = 1\n[[line]\n");
    r = run_cli({"versions", "--rules", dir.path()});
    CHECK(r.code == 2);
    CHECK(has(r.err, dir.file("kafka/versions.toml") + ":2:"));
    CHECK(has(r.err, "invalid TOML in rule pack"));
  }

  TEST_CASE("cli_catalog: a broken rules.toml overlay fails rules and explain, exit 2") {
    kafkalint::test::TempDir dir;
    kafkalint::test::write(dir.file("kafka/rules.toml"),
                           "schema = 1\n[[rule]]\ncode = \"KL101\"\nname = \"unknown-key\"\n"
                           "status = \"stable\"\nseverity = \"fatal\"\n");
    const std::string where = dir.file("kafka/rules.toml") +
                              ":6:12: error: field 'severity' of "
                              "[[rule]] 'KL101' has the unknown value 'fatal'";
    auto r = run_cli({"--rules", dir.path(), "rules"});
    CHECK(r.code == 2);
    CHECK(has(r.err, where));
    CHECK(has(r.err, "note: expected one of 'error', 'warning', 'info'"));
    r = run_cli({"--rules", dir.path(), "explain", "KL101"});
    CHECK(r.code == 2);
    CHECK(has(r.err, where));
    CHECK(run_cli({"--rules", dir.path(), "versions"}).code == 0);
  }
}
