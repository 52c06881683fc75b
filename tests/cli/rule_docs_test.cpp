#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "test_support.h"

using namespace kafkalint;

TEST_SUITE("rule_docs") {
  TEST_CASE(
      "rule docs: docs/rules/ holds exactly the pages explain prints (run gen-rule-docs.sh)") {
    auto all = test::run_cli({"explain", "--all", "--format", "json"});
    REQUIRE(all.code == 0);
    const auto rules = nlohmann::json::parse(all.out);
    REQUIRE(rules.size() > 40);
    const std::string dir = test::source_dir() + "/docs/rules";
    const std::string index = test::read(dir + "/README.md");
    std::set<std::string> codes;
    for (const auto& r : rules) {
      const std::string code = r["code"];
      CAPTURE(code);
      codes.insert(code);
      auto page = test::run_cli({"explain", code, "--format", "markdown"});
      REQUIRE(page.code == 0);
      CHECK(page.out.rfind("# " + code + " ", 0) == 0);
      CHECK(test::read(dir + "/" + code + ".md") == page.out);
      CHECK(index.find("[" + code + "](" + code + ".md)") != std::string::npos);
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name == "README.md") continue;
      CAPTURE(name);
      CHECK(codes.count(entry.path().stem().string()) == 1);  // no page of a rule that left
    }
  }

  TEST_CASE("explain --all prints every rule once, and refuses a rule with --all") {
    auto text = test::run_cli({"explain", "--all"});
    REQUIRE(text.code == 0);
    auto json = nlohmann::json::parse(test::run_cli({"explain", "--all", "--format", "json"}).out);
    for (const auto& r : json) {
      const std::string head =
          "\n" + r["code"].get<std::string>() + " " + r["name"].get<std::string>() + " (";
      CHECK(("\n" + text.out).find(head) != std::string::npos);
    }
    auto both = test::run_cli({"explain", "KL101", "--all"});
    CHECK(both.code == 2);
    CHECK(both.err.find("not both") != std::string::npos);
  }
}
