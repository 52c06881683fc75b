// The generated command-line packs (rules/kafka/cli/) and their loader.

#include "knowledge/cli_pack.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/version.h"
#include "test_support.h"

using namespace kafkalint;
using knowledge::CliCatalog;
using knowledge::CliOption;

namespace {

CliCatalog load(const std::string& line) {
  knowledge::PackSource packs;
  core::Error err;
  auto cat = knowledge::load_cli(packs, line).take(&err);
  INFO(err.render());
  REQUIRE(cat);
  return std::move(*cat);
}

bool has_option(const CliCatalog& c, const std::string& script, const std::string& option) {
  const knowledge::CliTool* t = c.find(script);
  return t && t->find_option(option);
}

core::Error overlay_error(const std::string& text) {
  test::TempDir dir;
  test::write(dir.file("kafka/cli/2.1.toml"), text);
  knowledge::PackSource packs;
  core::Error err;
  REQUIRE(packs.add_directory(dir.path()).take(&err));
  CHECK_FALSE(knowledge::load_cli(packs, "2.1").take(&err));
  const std::string prefix = dir.path() + "/";
  if (err.where.file.rfind(prefix, 0) == 0) err.where.file = err.where.file.substr(prefix.size());
  return err;
}

const char* const kHeader = "pack = { kind = \"cli\", release = \"2.1\", source = \"test\" }\n";
const char* const kTool =
    "[[tool]]\nscript = \"kafka-topics.sh\"\nmain_class = \"kafka.admin.TopicCommand\"\n"
    "parser = \"joptsimple\"\nabbreviations = true\nkind = \"tool\"\n";

}  // namespace

TEST_SUITE("knowledge_generated") {
  TEST_CASE("cli: every release line from 0.8.2 to 4.4 has a pack, in version order") {
    knowledge::PackSource packs;
    const auto lines = knowledge::cli_releases(packs);
    // 0.8.2 to 4.4 at least; a newer release adds lines after these.
    REQUIRE(lines.size() >= 32);
    CHECK(lines.front() == "0.8.2");
    CHECK(lines[1] == "0.9.0");
    CHECK(lines[26] == "3.9");
    CHECK(lines[31] == "4.4");
    for (const std::string& line : lines) {
      CAPTURE(line);
      CliCatalog c = load(line);
      CHECK(c.release() == line);
      CHECK(c.find("kafka-topics.sh"));
      CHECK(std::is_sorted(c.tools().begin(), c.tools().end(),
                           [](const auto& a, const auto& b) { return a.script < b.script; }));
    }
  }

  TEST_CASE("cli: option lifecycles checked by hand against the references") {
    // --bootstrap-server for kafka-topics.sh arrived in 2.2 (KIP-377); --zookeeper went in 3.0.
    CHECK_FALSE(has_option(load("2.1"), "kafka-topics.sh", "--bootstrap-server"));
    CHECK(has_option(load("2.1"), "kafka-topics.sh", "--zookeeper"));
    CHECK(has_option(load("2.2"), "kafka-topics.sh", "--bootstrap-server"));
    const CliCatalog c22 = load("2.2");
    const CliOption* zk = c22.find("kafka-topics.sh")->find_option("--zookeeper");
    REQUIRE(zk);
    CHECK(zk->deprecated);
    CHECK(zk->arg == CliOption::Arg::kRequired);
    CHECK_FALSE(has_option(load("3.0"), "kafka-topics.sh", "--zookeeper"));
    CHECK_FALSE(has_option(load("4.0"), "kafka-topics.sh", "--zookeeper"));
    const CliCatalog c40 = load("4.0");
    const auto* removed = c40.removed_option("kafka-topics.sh", "--zookeeper");
    REQUIRE(removed);
    CHECK(removed->last == "2.8");
    CHECK_FALSE(load("2.8").removed_option("kafka-topics.sh", "--zookeeper"));
    // Console producer: --bootstrap-server from 2.5, --broker-list deprecated then gone in 4.0.
    CHECK_FALSE(has_option(load("2.4"), "kafka-console-producer.sh", "--bootstrap-server"));
    CHECK(has_option(load("2.5"), "kafka-console-producer.sh", "--bootstrap-server"));
    const CliCatalog c25 = load("2.5");
    const CliOption* bl = c25.find("kafka-console-producer.sh")->find_option("--broker-list");
    REQUIRE(bl);
    CHECK(bl->deprecated);
    CHECK(bl->replacement == "--bootstrap-server");
    CHECK_FALSE(has_option(load("4.0"), "kafka-console-producer.sh", "--broker-list"));
    CHECK(load("4.0").removed_option("kafka-console-producer.sh", "--broker-list")->last == "3.9");
    // kafka-configs.sh kept --zookeeper through 3.9 and lost it in 4.0.
    CHECK(has_option(load("3.9"), "kafka-configs.sh", "--zookeeper"));
    CHECK_FALSE(has_option(load("4.0"), "kafka-configs.sh", "--zookeeper"));
    // 4.2 renamed client-config options (KIP-1147) and marked the old ones deprecated.
    const CliCatalog c42 = load("4.2");
    const CliOption* pc = c42.find("kafka-console-producer.sh")->find_option("--producer.config");
    REQUIRE(pc);
    CHECK(pc->deprecated);
    CHECK(pc->replacement == "--command-config");
  }

  TEST_CASE("cli: removed tools") {
    CHECK(load("2.8").find("kafka-preferred-replica-election.sh"));
    CHECK_FALSE(load("2.8").removed_tool("kafka-preferred-replica-election.sh"));
    for (const char* line : {"3.0", "3.9", "4.0", "4.4"}) {
      CAPTURE(line);
      CliCatalog c = load(line);
      CHECK_FALSE(c.find("kafka-preferred-replica-election.sh"));
      const auto* r = c.removed_tool("kafka-preferred-replica-election.sh");
      REQUIRE(r);
      CHECK(r->last == "2.8");
    }
    CHECK(load("4.0").removed_tool("kafka-mirror-maker.sh")->last == "3.9");
    CHECK(load("4.0").removed_tool("zookeeper-shell.sh")->last == "3.9");
    CHECK(load("4.0").find("kafka-groups.sh"));
    // Removed options are only listed for tools the release still ships.
    CHECK_FALSE(load("4.0").removed_option("kafka-preferred-replica-election.sh", "--zookeeper"));
    // The whole-tool deprecation of script_deprecations.tsv.
    const CliCatalog c24 = load("2.4");
    const auto* pre = c24.find("kafka-preferred-replica-election.sh");
    REQUIRE(pre);
    CHECK(pre->deprecated);
    CHECK(pre->replacement == "kafka-leader-election.sh");
    CHECK_FALSE(load("2.4").find("kafka-topics.sh")->deprecated);
  }

  TEST_CASE("cli: parser facts, abbreviations and sub-commands") {
    CliCatalog c21 = load("2.1");
    const auto* topics = c21.find("kafka-topics.sh");
    REQUIRE(topics);
    CHECK(topics->main_class == "kafka.admin.TopicCommand");
    CHECK(topics->parser == "joptsimple");
    CHECK(topics->uses_parser("joptsimple"));
    CHECK_FALSE(topics->uses_parser("argparse4j"));
    CHECK(topics->kind == "tool");
    const CliCatalog c39 = load("3.9");
    const auto* start = c39.find("kafka-server-start.sh");
    REQUIRE(start);
    CHECK(start->parser == "joptsimple+shell");
    CHECK(start->uses_parser("shell"));
    CHECK(start->kind == "server");
    CHECK(start->find_option("-daemon"));
    const CliCatalog c40 = load("4.0");
    const auto* storage = c40.find("kafka-storage.sh");
    REQUIRE(storage);
    CHECK(storage->parser == "argparse4j");
    CHECK(storage->abbreviations);
    CHECK(std::find(storage->subcommands.begin(), storage->subcommands.end(), "format") !=
          storage->subcommands.end());
    const auto* format = storage->subcommand("format");
    REQUIRE(format);
    CHECK(std::any_of(format->options.begin(), format->options.end(),
                      [](const CliOption& o) { return o.name == "--cluster-id"; }));
    CHECK_FALSE(storage->subcommand("no-such-subcommand"));
    // 4.x tools new since kafka-cli: parser facts read from the 4.x sources.
    CHECK(load("4.0").find("kafka-groups.sh")->parser == "joptsimple");
    CHECK_FALSE(load("4.0").find("kafka-groups.sh")->abbreviations);
    CHECK(load("4.4").find("connect-internal-topics.sh")->parser == "argparse4j");
    CHECK(load("4.1").find("kafka-e2e-latency.sh")->parser == "positional");
    CHECK(load("4.2").find("kafka-e2e-latency.sh")->parser == "joptsimple+positional");
    // Abbreviation lookup: long options sharing a prefix, sorted.
    const auto* consumer = c39.find("kafka-console-consumer.sh");
    REQUIRE(consumer);
    auto matches = consumer->options_with_prefix("--bootstrap");
    REQUIRE(matches.size() == 1);
    CHECK(matches[0]->name == "--bootstrap-server");
    CHECK(consumer->options_with_prefix("--nope").empty());
    CHECK(consumer->options_with_prefix("--from").size() == 1);
  }

  TEST_CASE("cli: every option of every tool of every release is in the packs") {
    auto shared = test::shared_dir();
    if (!shared) {
      MESSAGE("skipped: ../shared is absent");
      return;
    }
    std::map<std::string, CliCatalog> cats;
    auto cat = [&](const std::string& line) -> const CliCatalog& {
      auto it = cats.find(line);
      if (it == cats.end()) it = cats.emplace(line, load(line)).first;
      return it->second;
    };
    // (release, script, option) -> arg, from both references.
    std::map<std::tuple<std::string, std::string, std::string>, std::string> expected;
    std::set<std::pair<std::string, std::string>> scripts;
    for (const auto& row : test::read_tsv(*shared + "/kafka-cli/options.tsv")) {
      if (row[0] == "version" || row[0] == "4.0-pre") continue;
      expected[{core::Version::parse(row[0])->line(), row[1], row[2]}] = row[3];
    }
    for (const auto& row : test::read_tsv(*shared + "/kafka-cli/scripts.tsv"))
      if (row[0] != "version" && row[0] != "4.0-pre")
        scripts.insert({core::Version::parse(row[0])->line(), row[1]});
    for (const auto& row : test::read_tsv(*shared + "/kafka-4x/cli-options.tsv"))
      if (row[0] != "version") expected[{row[0], row[1], row[2]}] = row[3];
    for (const auto& row : test::read_tsv(*shared + "/kafka-4x/cli-scripts.tsv"))
      if (row[0] != "version") scripts.insert({row[0], row[1]});
    REQUIRE(expected.size() > 9000);
    std::size_t missing = 0;
    for (const auto& [key, arg] : expected) {
      const auto& [line, script, option] = key;
      const knowledge::CliTool* tool = cat(line).find(script);
      const CliOption* o = tool ? tool->find_option(option) : nullptr;
      if (!o || knowledge::arg_name(o->arg) != arg) {
        ++missing;
        CHECK_MESSAGE(false, line << " " << script << " " << option << " " << arg);
      }
    }
    CHECK(missing == 0);
    // And the other way round: the packs hold nothing the references do not.
    std::size_t options = 0, tools = 0;
    for (const auto& [line, c] : cats) {
      for (const auto& t : c.tools()) {
        CHECK_MESSAGE(scripts.count({line, t.script}), line << " " << t.script);
        ++tools;
        options += t.options.size();
      }
    }
    CHECK(options == expected.size());
    CHECK(tools == scripts.size());
  }

  TEST_CASE("cli: per sub-command options of 4.x match cli-subcommands.tsv") {
    auto shared = test::shared_dir();
    if (!shared) {
      MESSAGE("skipped: ../shared is absent");
      return;
    }
    std::map<std::string, CliCatalog> cats;
    std::size_t rows = 0;
    for (const auto& row : test::read_tsv(*shared + "/kafka-4x/cli-subcommands.tsv")) {
      if (row[0] == "version") continue;
      auto it = cats.find(row[0]);
      if (it == cats.end()) it = cats.emplace(row[0], load(row[0])).first;
      CAPTURE(row[0] + " " + row[1] + " '" + row[2] + "' " + row[3]);
      const auto* tool = it->second.find(row[1]);
      REQUIRE(tool);
      const auto* sub = tool->subcommand(row[2]);
      REQUIRE(sub);
      if (row[3].empty()) continue;
      ++rows;
      auto o = std::find_if(sub->options.begin(), sub->options.end(),
                            [&](const CliOption& x) { return x.name == row[3]; });
      REQUIRE(o != sub->options.end());
      CHECK(knowledge::arg_name(o->arg) == row[4]);
    }
    CHECK(rows > 1000);
  }

  TEST_CASE("cli: bad packs give file:line:col errors") {
    SUBCASE("bad arg value") {
      core::Error e = overlay_error(std::string(kHeader) + kTool +
                                    "options = [\n  { name = \"--alter\", arg = \"maybe\" },\n]\n");
      CHECK(e.where.file == "kafka/cli/2.1.toml");
      CHECK(e.where.line == 9);
      CHECK(e.where.column == 29);
      CHECK(e.message == "invalid arg 'maybe' in option of tool 'kafka-topics.sh'");
      CHECK(e.hint == "expected one of 'none', 'required', 'optional'");
    }
    SUBCASE("option name without a dash") {
      core::Error e = overlay_error(std::string(kHeader) + kTool +
                                    "options = [ { name = \"alter\", arg = \"none\" } ]\n");
      CHECK(e.where.line == 8);
      CHECK(e.message == "option name 'alter' in tool 'kafka-topics.sh' must start with '-'");
    }
    SUBCASE("missing options") {
      core::Error e = overlay_error(std::string(kHeader) + kTool);
      CHECK(e.where.line == 2);
      CHECK(e.message == "missing field 'options' in [[tool]]");
    }
    SUBCASE("unknown parser") {
      std::string tool = kTool;
      tool.replace(tool.find("\"joptsimple\""), 12, "\"joptsimple+picocli\"");
      core::Error e = overlay_error(std::string(kHeader) + tool + "options = []\n");
      CHECK(e.where.line == 5);
      CHECK(e.message == "invalid parser 'joptsimple+picocli' of tool 'kafka-topics.sh'");
    }
    SUBCASE("wrong type") {
      std::string tool = kTool;
      tool.replace(tool.find("true"), 4, "\"yes\"");
      core::Error e = overlay_error(std::string(kHeader) + tool + "options = []\n");
      CHECK(e.where.line == 6);
      CHECK(e.message == "field 'abbreviations' of [[tool]] must be a boolean, got string");
    }
    SUBCASE("unknown field") {
      core::Error e = overlay_error(std::string(kHeader) + kTool + "options = []\nalias = \"x\"\n");
      CHECK(e.where.line == 9);
      CHECK(e.message == "unknown field 'alias' in [[tool]]");
    }
    SUBCASE("duplicate option") {
      core::Error e = overlay_error(std::string(kHeader) + kTool +
                                    "options = [\n  { name = \"--alter\", arg = \"none\" },\n"
                                    "  { name = \"--alter\", arg = \"none\" },\n]\n");
      CHECK(e.where.line == 10);
      CHECK(e.message == "duplicate option '--alter' in tool 'kafka-topics.sh'");
    }
    SUBCASE("duplicate tool") {
      core::Error e =
          overlay_error(std::string(kHeader) + kTool + "options = []\n" + kTool + "options = []\n");
      CHECK(e.where.line == 9);
      CHECK(e.message == "duplicate [[tool]] for script 'kafka-topics.sh'");
    }
    SUBCASE("removed_option without option") {
      core::Error e = overlay_error(std::string(kHeader) +
                                    "removed_option = [ { script = \"a.sh\", last = \"2.0\" } ]\n");
      CHECK(e.where.line == 2);
      CHECK(e.message == "missing field 'option' in 'removed_option' entry");
    }
    SUBCASE("TOML syntax") {
      core::Error e = overlay_error(std::string(kHeader) + "[[tool]\n");
      CHECK(e.where.line == 2);
      CHECK(e.message.find("invalid TOML in rule pack") == 0);
    }
  }
}
