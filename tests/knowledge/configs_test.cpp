// The generated configuration packs (rules/kafka/configs/) and their loader.

#include "knowledge/configs.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "test_support.h"

using namespace kafkalint;
using knowledge::ConfigCatalog;
using knowledge::Scope;

namespace {

ConfigCatalog load(const std::string& line) {
  knowledge::PackSource packs;
  core::Error err;
  auto cat = knowledge::load_configs(packs, line).take(&err);
  INFO(err.render());
  REQUIRE(cat);
  return std::move(*cat);
}

std::string default_of(const ConfigCatalog& c, Scope s, const std::string& name) {
  const knowledge::ConfigKey* k = c.find(s, name);
  if (!k) return "<absent>";
  if (k->required) return "<required>";
  return k->default_value ? *k->default_value : "<null>";
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

// Loads a pack written into an overlay directory and returns the error it gives.
core::Error overlay_error(const std::string& line, const std::string& text) {
  test::TempDir dir;
  test::write(dir.file("kafka/configs/" + line + ".toml"), text);
  knowledge::PackSource packs;
  core::Error err;
  REQUIRE(packs.add_directory(dir.path()).take(&err));
  auto cat = knowledge::load_configs(packs, line).take(&err);
  CHECK_FALSE(cat);
  // Diagnostics name the file as given on disk; keep only the part under the overlay.
  const std::string prefix = dir.path() + "/";
  if (err.where.file.rfind(prefix, 0) == 0) err.where.file = err.where.file.substr(prefix.size());
  return err;
}

const char* const kHeader = "pack = { kind = \"configs\", release = \"2.1\", source = \"test\" }\n";

}  // namespace

TEST_SUITE("knowledge_generated") {
  TEST_CASE("configs: every release line from 0.9.0 on has a pack, in version order") {
    knowledge::PackSource packs;
    const std::vector<std::string> expected{
        "0.9.0", "0.10.0", "0.10.1", "0.10.2", "0.11.0", "1.0", "1.1", "2.0", "2.1", "2.2", "2.3",
        "2.4",   "2.5",    "2.6",    "2.7",    "2.8",    "3.0", "3.1", "3.2", "3.3", "3.4", "3.5",
        "3.6",   "3.7",    "3.8",    "3.9",    "4.0",    "4.1", "4.2", "4.3", "4.4"};
    // Newer lines follow 4.4 when a release is added; these stay as they are.
    const std::vector<std::string> got = knowledge::config_releases(packs);
    REQUIRE(got.size() >= expected.size());
    CHECK(std::vector<std::string>(got.begin(), got.begin() + static_cast<long>(expected.size())) ==
          expected);
    for (const std::string& line : expected) {
      CAPTURE(line);
      ConfigCatalog c = load(line);
      CHECK(c.release() == line);
      CHECK(c.documents(Scope::kBroker));
      CHECK(c.keys(Scope::kBroker).size() > 100);
    }
  }

  TEST_CASE("configs: scope names round-trip") {
    for (Scope s : knowledge::kAllScopes)
      CHECK(knowledge::parse_scope(knowledge::scope_name(s)) == s);
    CHECK_FALSE(knowledge::parse_scope("Broker"));
    CHECK_FALSE(knowledge::parse_scope("admin_client"));
  }

  TEST_CASE("configs: defaults checked by hand against the references, several eras") {
    // kafka-docs/2.1/kafka_config.html
    CHECK(default_of(load("2.1"), Scope::kBroker, "log.message.format.version") == "2.1-IV2");
    // kafka-docs/0.9/producer_config.html; 3.0 made the idempotent producer the default.
    CHECK(default_of(load("0.9.0"), Scope::kProducer, "acks") == "1");
    CHECK(default_of(load("2.8"), Scope::kProducer, "acks") == "1");
    CHECK(default_of(load("3.0"), Scope::kProducer, "acks") == "all");
    CHECK(default_of(load("4.0"), Scope::kProducer, "acks") == "all");
    // KIP-106: unclean leader election off by default from 0.11.0.
    CHECK(default_of(load("0.10.2"), Scope::kBroker, "unclean.leader.election.enable") == "true");
    CHECK(default_of(load("0.11.0"), Scope::kBroker, "unclean.leader.election.enable") == "false");
    CHECK(default_of(load("0.11.0"), Scope::kTopic, "unclean.leader.election.enable") == "false");
    // Unit suffixes of 3.x ("604800000 (7 days)") are dropped.
    CHECK(default_of(load("3.9"), Scope::kTopic, "retention.ms") == "604800000");
    CHECK(default_of(load("2.0"), Scope::kTopic, "retention.ms") == "604800000");
    // Required (no default) vs null vs empty.
    CHECK(default_of(load("0.9.0"), Scope::kBroker, "zookeeper.connect") == "<required>");
    CHECK(default_of(load("3.9"), Scope::kBroker, "zookeeper.connect") == "<null>");
    CHECK(default_of(load("4.0"), Scope::kProducer, "bootstrap.servers") == "");
    CHECK(default_of(load("0.10.1"), Scope::kProducer, "bootstrap.servers") == "<required>");
    CHECK(default_of(load("2.0"), Scope::kBroker, "advertised.listeners") == "<null>");
    // Lists: "[a, b]" before 0.10.2, "a,b" after; both stored as a,b.
    CHECK(default_of(load("0.9.0"), Scope::kProducer, "ssl.enabled.protocols") ==
          "TLSv1.2,TLSv1.1,TLSv1");
    CHECK(default_of(load("2.4"), Scope::kProducer, "ssl.enabled.protocols") ==
          "TLSv1.2,TLSv1.1,TLSv1");
    // Lists of classes lose ConfigDef's "class " prefix.
    CHECK(default_of(load("3.9"), Scope::kConsumer, "partition.assignment.strategy") ==
          "org.apache.kafka.clients.consumer.RangeAssignor,"
          "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    CHECK(default_of(load("4.1"), Scope::kConsumer, "partition.assignment.strategy") ==
          "org.apache.kafka.clients.consumer.RangeAssignor,"
          "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    // JVM-dependent TLS defaults are stored as on Java 11+ from 2.6 on, whatever JDK built the
    // docs.
    for (const char* line : {"2.6", "3.0", "3.5", "3.9", "4.0"}) {
      CAPTURE(line);
      CHECK(default_of(load(line), Scope::kBroker, "ssl.protocol") == "TLSv1.3");
      CHECK(default_of(load(line), Scope::kConsumer, "ssl.enabled.protocols") == "TLSv1.2,TLSv1.3");
    }
    CHECK(default_of(load("2.5"), Scope::kBroker, "ssl.protocol") == "TLSv1.2");
  }

  TEST_CASE("configs: types, validators, importance, update mode and server defaults") {
    ConfigCatalog c = load("2.1");
    const auto* k = c.find(Scope::kBroker, "log.retention.hours");
    REQUIRE(k);
    CHECK(std::string(knowledge::to_string(k->type)) == "int");
    CHECK(k->default_value == "168");
    CHECK(k->importance == "high");
    CHECK(k->update_mode == knowledge::UpdateMode::kReadOnly);
    CHECK(k->server_default.empty());
    const auto* t = c.find(Scope::kTopic, "retention.ms");
    REQUIRE(t);
    CHECK(std::string(knowledge::to_string(t->type)) == "long");
    CHECK(t->server_default == "log.retention.ms");
    CHECK(t->update_mode == knowledge::UpdateMode::kUnknown);
    CHECK(c.find(Scope::kBroker, "num.io.threads")->update_mode ==
          knowledge::UpdateMode::kClusterWide);
    CHECK(c.find(Scope::kBroker, "listeners")->update_mode == knowledge::UpdateMode::kPerBroker);
    CHECK(std::string(knowledge::to_string(c.find(Scope::kBroker, "sasl.jaas.config")->type)) ==
          "password");
    // The identity hash of the validator object ("...NonNullValidator@6093dd95") is dropped.
    CHECK(load("2.0").find(Scope::kConsumer, "bootstrap.servers")->valid == "non-null string");
    CHECK(load("1.0").find(Scope::kTopic, "cleanup.policy")->valid == "[compact, delete]");
    // No update mode before 1.1 or in the 4.x tables (which do not record it).
    CHECK(load("1.0").find(Scope::kBroker, "num.io.threads")->update_mode ==
          knowledge::UpdateMode::kUnknown);
    CHECK(load("4.0").find(Scope::kBroker, "num.io.threads")->update_mode ==
          knowledge::UpdateMode::kUnknown);
    // 4.x internal keys are present and marked.
    const ConfigCatalog c40 = load("4.0");
    const auto* internal = c40.find(Scope::kBroker, "group.share.enable");
    REQUIRE(internal);
    CHECK(internal->internal);
    CHECK_FALSE(c40.find(Scope::kBroker, "num.io.threads")->internal);
  }

  TEST_CASE("configs: scopes a release does not document") {
    CHECK_FALSE(load("0.9.0").documents(Scope::kTopic));
    CHECK_FALSE(load("0.10.0").documents(Scope::kTopic));
    CHECK(load("0.10.1").documents(Scope::kTopic));
    CHECK_FALSE(load("0.10.2").documents(Scope::kAdmin));
    CHECK(load("0.11.0").documents(Scope::kAdmin));
    CHECK(load("0.9.0").keys(Scope::kTopic).empty());
  }

  TEST_CASE("configs: removed keys and documentation gaps") {
    for (const char* line : {"2.0", "2.8"}) {
      CAPTURE(line);
      ConfigCatalog c = load(line);
      CHECK(c.find(Scope::kBroker, "port"));
      CHECK_FALSE(c.removed(Scope::kBroker, "port"));
    }
    for (const char* line : {"3.0", "3.9", "4.4"}) {
      CAPTURE(line);
      ConfigCatalog c = load(line);
      CHECK_FALSE(c.find(Scope::kBroker, "port"));
      const auto* r = c.removed(Scope::kBroker, "port");
      REQUIRE(r);
      CHECK(r->last == "2.8");
      CHECK(r->scope == Scope::kBroker);
      CHECK_FALSE(c.undocumented(Scope::kBroker, "port"));
    }
    CHECK(load("3.9").find(Scope::kBroker, "zookeeper.connect"));
    const ConfigCatalog c40 = load("4.0");
    const auto* zk = c40.removed(Scope::kBroker, "zookeeper.connect");
    REQUIRE(zk);
    CHECK(zk->last == "3.9");
    CHECK(c40.removed(Scope::kTopic, "message.format.version"));
    // The scope matters: a removed producer key is not a removed broker key.
    CHECK(load("3.0").removed(Scope::kProducer, "block.on.buffer.full"));
    CHECK_FALSE(load("3.0").removed(Scope::kBroker, "block.on.buffer.full"));
    // sasl.server.max.receive.size is missing from the 3.0 - 3.2 broker docs only.
    for (const char* line : {"3.0", "3.1", "3.2"}) {
      CAPTURE(line);
      ConfigCatalog c = load(line);
      CHECK_FALSE(c.find(Scope::kBroker, "sasl.server.max.receive.size"));
      CHECK(c.undocumented(Scope::kBroker, "sasl.server.max.receive.size"));
      CHECK_FALSE(c.removed(Scope::kBroker, "sasl.server.max.receive.size"));
    }
    CHECK(load("3.3").find(Scope::kBroker, "sasl.server.max.receive.size"));
    CHECK_FALSE(load("3.3").undocumented(Scope::kBroker, "sasl.server.max.receive.size"));
    // The tiered-storage topic keys shown by the 3.0 page, hidden until 3.6.
    CHECK(load("3.0").find(Scope::kTopic, "remote.storage.enable"));
    CHECK(load("3.4").undocumented(Scope::kTopic, "remote.storage.enable"));
    CHECK(load("3.6").find(Scope::kTopic, "remote.storage.enable"));
    // removed_keys() is sorted by scope, then name, so removed() can binary-search it.
    const auto& all = c40.removed_keys();
    CHECK(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return a.scope != b.scope ? a.scope < b.scope : a.name < b.name;
    }));
  }

  TEST_CASE("configs: 3.9 (docs) to 4.0 (source tables) shows only real changes") {
    // The two releases come from different references. With the normalisation, the default
    // changes between them are exactly those kafka-4x/changes.md lists for 3.9 -> 4.0,
    // less ssl.protocol and ssl.enabled.protocols, which were JVM-dependent in 3.9.
    const ConfigCatalog a = load("3.9");
    const ConfigCatalog b = load("4.0");
    std::map<std::string, std::vector<std::string>> changed;
    for (Scope s : knowledge::kAllScopes)
      for (const auto& k : a.keys(s))
        if (const auto* n = b.find(s, k.name);
            n && (n->default_value != k.default_value || n->required != k.required))
          changed[knowledge::scope_name(s)].push_back(k.name);
    // 12 documented keys, and two internal ones of KIP-848's general availability:
    // group.coordinator.new.enable false -> true, group.consumer.migration.policy
    // disabled -> bidirectional.
    CHECK(changed["broker"].size() == 12 + 2);
    CHECK(std::count(changed["broker"].begin(), changed["broker"].end(),
                     "group.coordinator.new.enable") == 1);
    CHECK(changed["topic"] == std::vector<std::string>{"message.timestamp.after.max.ms"});
    CHECK(changed["producer"] ==
          std::vector<std::string>{"linger.ms", "metadata.recovery.strategy", "metric.reporters"});
    CHECK(changed["consumer"] ==
          std::vector<std::string>{"metadata.recovery.strategy", "metric.reporters"});
    CHECK(changed["admin"] == std::vector<std::string>{"enable.metrics.push",
                                                       "metadata.recovery.strategy",
                                                       "metric.reporters"});
    CHECK(default_of(b, Scope::kBroker, "group.consumer.assignors") == "uniform,range");
  }

  TEST_CASE("configs: key counts per release and scope") {
    // Counted by hand in the references (kafka-docs pages; kafka-4x README "Counts":
    // documented + internal keys).
    CHECK(load("0.9.0").keys(Scope::kBroker).size() == 126);
    CHECK(load("2.1").keys(Scope::kBroker).size() == 184);
    CHECK(load("2.4").keys(Scope::kBroker).size() == 192);
    CHECK(load("3.9").keys(Scope::kBroker).size() == 314 + 14);  // + the internal rows of 3.9
    CHECK(load("3.9").keys(Scope::kTopic).size() == 36);
    CHECK(load("4.0").keys(Scope::kBroker).size() == 289 + 17);
    CHECK(load("4.4").keys(Scope::kProducer).size() == 119 + 1);
    CHECK(load("4.2").keys(Scope::kConsumer).size() == 115 + 1);
  }

  TEST_CASE("configs: counts equal the entries of the references, counted independently") {
    auto shared = test::shared_dir();
    if (!shared) {
      MESSAGE("skipped: ../shared is absent");
      return;
    }
    namespace fs = std::filesystem;
    const std::map<std::string, Scope> files{{"kafka_config.html", Scope::kBroker},
                                             {"topic_config.html", Scope::kTopic},
                                             {"producer_config.html", Scope::kProducer},
                                             {"consumer_config.html", Scope::kConsumer},
                                             {"admin_client_config.html", Scope::kAdmin}};
    int checked = 0;
    for (const auto& dir : fs::directory_iterator(*shared + "/kafka-docs")) {
      if (!dir.is_directory()) continue;
      const std::string folder = dir.path().filename().string();
      const std::string line = folder == "0.9" ? "0.9.0" : folder;
      ConfigCatalog c = load(line);
      for (const auto& [file, scope] : files) {
        const std::string path = dir.path().string() + "/" + file;
        CAPTURE(path);
        if (!fs::exists(path)) {
          CHECK_FALSE(c.documents(scope));
          continue;
        }
        const std::string html = test::read(path);
        // One entry per key in each of the three layouts: a table row starting with a cell,
        // a horizontal fact list (2.4), or an <h4> heading (2.5+).
        std::size_t n = count(html, "<h4");
        if (n == 0) n = count(html, "class=\"horizontal-list\"");
        if (n == 0) n = count(html, "<tr>\n<td>");
        // 3.9 also carries the internal keys extracted from its source (configs-internal.tsv).
        for (const auto& row : test::read_tsv(*shared + "/kafka-4x/configs-internal.tsv"))
          if (row[0] == line && row[1] == knowledge::scope_name(scope)) ++n;
        CHECK(c.keys(scope).size() == n);
        ++checked;
      }
    }
    CHECK(checked == 26 * 3 + 24 + 22);
    // 4.x: one row per documented key, plus the internal rows of the version.
    const auto internal = test::read_tsv(*shared + "/kafka-4x/configs-internal.tsv");
    for (const char* line : {"4.0", "4.1", "4.2", "4.3", "4.4"}) {
      CAPTURE(line);
      ConfigCatalog c = load(line);
      std::map<std::string, std::set<std::string>> expected;
      const auto rows = test::read_tsv(*shared + "/kafka-4x/configs-" + line + ".tsv");
      for (std::size_t i = 1; i < rows.size(); ++i) expected[rows[i][0]].insert(rows[i][1]);
      for (std::size_t i = 1; i < internal.size(); ++i)
        if (internal[i][0] == line) expected[internal[i][1]].insert(internal[i][2]);
      for (Scope s : knowledge::kAllScopes) {
        CAPTURE(knowledge::scope_name(s));
        const auto& want = expected[knowledge::scope_name(s)];
        CHECK(c.keys(s).size() == want.size());
        for (const std::string& name : want) CHECK_MESSAGE(c.find(s, name), name);
      }
    }
  }

  TEST_CASE("configs: no description text leaks into the packs") {
    knowledge::PackSource packs;
    // Phrases and markup of the Apache-licensed descriptions that no fact contains.
    const std::vector<std::string> prose{". ",     " the ", " The ",  "This ", " should ",
                                         " must ", " is ",  " will ", "<p>",   "<code>",
                                         "href",   "&lt;",  "&quot;", "\n"};
    for (const std::string& line : knowledge::config_releases(packs)) {
      ConfigCatalog c = load(line);
      for (Scope s : knowledge::kAllScopes)
        for (const auto& k : c.keys(s)) {
          CAPTURE(line);
          CAPTURE(k.name);
          std::vector<std::string> fields{k.name,
                                          knowledge::to_string(k.type),
                                          k.valid,
                                          k.importance,
                                          knowledge::to_string(k.update_mode),
                                          k.server_default,
                                          k.default_value.value_or("")};
          for (const std::string& f : fields)
            for (const std::string& p : prose) CHECK_MESSAGE(f.find(p) == std::string::npos, f);
          CHECK(k.name.size() < 80);
          CHECK(k.server_default.size() < 80);
          CHECK(k.default_value.value_or("").size() < 200);
          // Only enumerations ("[a, b, ...]", "(case insensitive) [...]") may be long.
          if (k.valid.find('[') == std::string::npos) CHECK(k.valid.size() < 40);
        }
    }
  }

  TEST_CASE("configs: a missing pack is an error that lists the known releases") {
    knowledge::PackSource packs;
    core::Error err;
    CHECK_FALSE(knowledge::load_configs(packs, "2.9").take(&err));
    CHECK(err.where.file == "rules/kafka/configs/2.9.toml");
    CHECK(err.message == "no configuration pack for Kafka '2.9'");
    CHECK(err.hint.find("known releases: 0.9.0, 0.10.0,") == 0);
    CHECK(err.hint.find("3.9, 4.0, 4.1, 4.2, 4.3, 4.4") != std::string::npos);
  }

  TEST_CASE("configs: an overlay pack replaces the embedded one and is validated") {
    test::TempDir dir;
    test::write(
        dir.file("kafka/configs/2.1.toml"),
        std::string(kHeader) +
            "broker = [\n"
            "  { name = \"b.key\", type = \"int\", default = \"1\", importance = \"low\" },\n"
            "  { name = \"a.key\", type = \"string\", required = true, importance = \"high\" },\n"
            "]\n");
    knowledge::PackSource packs;
    core::Error err;
    REQUIRE(packs.add_directory(dir.path()).take(&err));
    auto c = knowledge::load_configs(packs, "2.1").take(&err);
    INFO(err.render());
    REQUIRE(c);
    CHECK(c->source() == "test");
    REQUIRE(c->keys(Scope::kBroker).size() == 2);
    CHECK(c->keys(Scope::kBroker)[0].name == "a.key");  // sorted on load
    CHECK(c->find(Scope::kBroker, "a.key")->required);
    CHECK_FALSE(c->find(Scope::kBroker, "log.retention.hours"));
    CHECK_FALSE(c->documents(Scope::kTopic));
    // Arrays of tables are the same data model as one inline table per line.
    test::write(dir.file("kafka/configs/2.2.toml"),
                "[pack]\nkind = \"configs\"\nrelease = \"2.2\"\nsource = \"hand\"\n\n"
                "[[broker]]\nname = \"log.dirs\"\ntype = \"string\"\nimportance = \"high\"\n\n"
                "[[removed]]\nscope = \"broker\"\nname = \"port\"\nlast = \"2.1\"\n");
    knowledge::PackSource tables;
    REQUIRE(tables.add_directory(dir.path()).take(&err));
    auto t = knowledge::load_configs(tables, "2.2").take(&err);
    INFO(err.render());
    REQUIRE(t);
    CHECK(t->find(Scope::kBroker, "log.dirs"));
    CHECK_FALSE(t->find(Scope::kBroker, "log.dirs")->default_value);
    CHECK(t->removed(Scope::kBroker, "port"));
    // An overlay can add a release line.
    test::write(dir.file("kafka/configs/9.9.toml"),
                "pack = { kind = \"configs\", release = \"9.9\", source = \"x\" }\n");
    knowledge::PackSource more;
    REQUIRE(more.add_directory(dir.path()).take(&err));
    CHECK(knowledge::config_releases(more).back() == "9.9");
    CHECK(knowledge::load_configs(more, "9.9").take(&err));
  }

  TEST_CASE("configs: bad packs give file:line:col errors") {
    SUBCASE("TOML syntax") {
      core::Error e =
          overlay_error("2.1", std::string(kHeader) + "broker = [\n  { name = \"x\" \n]\n");
      CHECK(e.where.file == "kafka/configs/2.1.toml");
      CHECK(e.where.line == 3);
      CHECK(e.message.find("invalid TOML in rule pack") == 0);
    }
    SUBCASE("wrong type of a field") {
      core::Error e = overlay_error("2.1", std::string(kHeader) +
                                               "broker = [\n  { name = \"x\", type = \"int\", "
                                               "default = 168, importance = \"high\" },\n]\n");
      CHECK(e.render() ==
            "kafka/configs/2.1.toml:3:41: error: field 'default' of key of 'broker' must be a "
            "string, got integer\n  note: see rules/SCHEMA.md for the pack format");
    }
    SUBCASE("unknown field, with a suggestion") {
      core::Error e = overlay_error("2.1", std::string(kHeader) +
                                               "topic = [\n  { name = \"x\", type = \"int\", "
                                               "importance = \"high\", defualt = \"1\" },\n]\n");
      CHECK(e.where.line == 3);
      CHECK(e.where.column == 62);
      CHECK(e.message == "unknown field 'defualt' in key of 'topic'");
      CHECK(e.hint.find("did you mean 'default'?") == 0);
    }
    SUBCASE("missing name") {
      core::Error e =
          overlay_error("2.1", std::string(kHeader) +
                                   "broker = [\n  { type = \"int\", importance = \"high\" },\n]\n");
      CHECK(e.where.line == 3);
      CHECK(e.where.column == 3);
      CHECK(e.message == "missing field 'name' in key of 'broker'");
    }
    SUBCASE("value outside the allowed set") {
      core::Error e = overlay_error(
          "2.1",
          std::string(kHeader) +
              "broker = [\n  { name = \"x\", type = \"integer\", importance = \"high\" },\n]\n");
      CHECK(e.where.line == 3);
      CHECK(e.where.column == 24);
      CHECK(e.message == "invalid type 'integer' in key of 'broker'");
      CHECK(e.hint.find("expected one of 'boolean', 'string', 'int'") == 0);
    }
    SUBCASE("a scope that is not an array of tables") {
      core::Error e = overlay_error("2.1", std::string(kHeader) + "broker = [ \"log.dirs\" ]\n");
      CHECK(e.where.line == 2);
      CHECK(e.message == "elements of 'broker' must be tables, got string");
    }
    SUBCASE("unknown top-level table") {
      core::Error e = overlay_error("2.1", std::string(kHeader) + "brokers = []\n");
      CHECK(e.where.line == 2);
      CHECK(e.message == "unknown table 'brokers' in configuration pack");
    }
    SUBCASE("removed entry with a bad scope") {
      core::Error e = overlay_error(
          "2.1", std::string(kHeader) +
                     "removed = [ { scope = \"server\", name = \"port\", last = \"2.0\" } ]\n");
      CHECK(e.where.line == 2);
      CHECK(e.message == "invalid scope 'server' in 'removed' entry");
    }
    SUBCASE("removed entry without last") {
      core::Error e = overlay_error(
          "2.1", std::string(kHeader) + "removed = [ { scope = \"broker\", name = \"port\" } ]\n");
      CHECK(e.message == "missing field 'last' in 'removed' entry");
    }
    SUBCASE("pack header for another release") {
      core::Error e = overlay_error(
          "2.1", "pack = { kind = \"configs\", release = \"2.2\", source = \"x\" }\n");
      CHECK(e.where.line == 1);
      CHECK(e.message == "pack release is '2.2' but the file is for '2.1'");
    }
    SUBCASE("pack of another kind") {
      core::Error e =
          overlay_error("2.1", "pack = { kind = \"cli\", release = \"2.1\", source = \"x\" }\n");
      CHECK(e.message == "pack kind is 'cli', expected 'configs'");
    }
    SUBCASE("no pack header") {
      core::Error e = overlay_error("2.1", "broker = []\n");
      CHECK(e.where.line == 1);
      CHECK(e.message == "missing 'pack' table");
    }
    SUBCASE("duplicate key") {
      core::Error e = overlay_error(
          "2.1", std::string(kHeader) +
                     "broker = [\n  { name = \"x\", type = \"int\", importance = \"high\" },\n"
                     "  { name = \"x\", type = \"int\", importance = \"low\" },\n]\n");
      CHECK(e.where.line == 4);
      CHECK(e.message == "duplicate key 'x' in 'broker'");
    }
    SUBCASE("required with a default") {
      core::Error e = overlay_error(
          "2.1",
          std::string(kHeader) +
              "broker = [\n  { name = \"x\", type = \"int\", default = \"1\", required = true, "
              "importance = \"high\" },\n]\n");
      CHECK(e.message == "key 'x' is required but has a default");
    }
  }
}

TEST_SUITE("knowledge_generated") {
  TEST_CASE("configs: the fast reader and toml++ give the same catalogue for every pack") {
    const kafkalint::knowledge::PackSource packs;
    const auto releases = kafkalint::knowledge::config_releases(packs);
    REQUIRE(releases.size() >= 31);
    for (const std::string& line : releases) {
      INFO("release ", line);
      auto text = packs.find("kafka/configs/" + line + ".toml");
      REQUIRE(text);
      kafkalint::core::Error err;
      auto fast = kafkalint::knowledge::parse_configs_fast(*text, line);
      // The text alone, so toml++ parses it rather than the snapshot being decoded.
      auto slow = kafkalint::knowledge::parse_configs_toml({text->display_name, text->text}, line)
                      .take(&err);
      REQUIRE(fast);
      REQUIRE_MESSAGE(slow, err.render());
      CHECK(*fast == *slow);
    }
  }

  TEST_CASE("configs: the fast reader gives up on anything but the importer's layout") {
    const std::string head =
        "pack = { kind = \"configs\", release = \"9.9\", source = \"test\" }\nbroker = [\n";
    auto fast = [](const std::string& t) {
      return kafkalint::knowledge::parse_configs_fast({"t.toml", t}, "9.9").has_value();
    };
    CHECK(fast(head + "  { name = \"a\", type = \"int\", importance = \"low\" },\n]\n"));
    CHECK_FALSE(fast(head + "  { name = \"a\", type = \"integer\", importance = \"low\" },\n]\n"));
    CHECK_FALSE(
        fast(head + "  { name = \"a\", type = \"int\", importance = \"low\", x = \"y\" },\n]\n"));
    CHECK_FALSE(fast(head + "  { name = \"a\", type = \"int\", importance = \"low\" },\n"
                            "  { name = \"a\", type = \"int\", importance = \"low\" },\n]\n"));
    CHECK_FALSE(fast(head + "  { name = 'a', type = \"int\", importance = \"low\" },\n]\n"));
    CHECK_FALSE(
        fast(head + "  { name = \"a\\u0041\", type = \"int\", importance = \"low\" },\n]\n"));
    CHECK_FALSE(fast(head + "  { name = \"a\", type = \"int\", importance = \"low\" },\n"));
    CHECK_FALSE(fast(head + "  { name = \"a\", type = \"int\", importance = \"low\", required = "
                            "true, default = \"1\" },\n]\n"));
    // \" and \\ are the escapes the importer writes; both readers undo them alike.
    const std::string escaped =
        head +
        "  { name = \"a\", type = \"string\", default = \"say \\\"hi\\\" \\\\ bye\", "
        "importance = \"low\" },\n]\n";
    auto with_escapes = kafkalint::knowledge::parse_configs_fast({"t.toml", escaped}, "9.9");
    REQUIRE(with_escapes);
    CHECK(with_escapes->find(Scope::kBroker, "a")->default_value == "say \"hi\" \\ bye");
    kafkalint::core::Error escaped_err;
    auto escaped_toml =
        kafkalint::knowledge::parse_configs_toml({"t.toml", escaped}, "9.9").take(&escaped_err);
    REQUIRE_MESSAGE(escaped_toml, escaped_err.render());
    CHECK(*with_escapes == *escaped_toml);
    // The toml++ reader still reports such a pack with its position.
    kafkalint::core::Error err;
    CHECK_FALSE(
        kafkalint::knowledge::parse_configs(
            {"t.toml", head + "  { name = \"a\", type = \"integer\", importance = \"low\" },\n]\n"},
            "9.9")
            .take(&err));
    CHECK(err.where.line == 3);
  }
}
