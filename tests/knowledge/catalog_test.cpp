// The rule catalogue and the curated fact packs (rules.toml, keys.toml, flags.toml,
// safety.toml): completeness, lookups, strict validation of overlays, and cross-checks with
// the extracted Kafka tables when ../shared is present.

#include "knowledge/catalog.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "knowledge/versions.h"
#include "test_support.h"

namespace kl = kafkalint::knowledge;
using kafkalint::RuleId;
using kafkalint::core::Error;
using kafkalint::core::Version;

namespace {

// A scope word of the packs ("broker", "client", "any") as the set the lookups take.
kl::ScopeSet S(std::string_view word) { return *kl::ScopeSet::parse(word); }

// The release line of each version in ../shared/kafka-cli/versions.tsv ("2.8.1" -> "2.8").
std::map<std::string, std::string> cli_release_lines() {
  std::map<std::string, std::string> line_of;
  std::istringstream versions(
      kafkalint::test::read(*kafkalint::test::shared_dir() + "/kafka-cli/versions.tsv"));
  std::string row;
  std::getline(versions, row);
  while (std::getline(versions, row)) {
    std::istringstream cols(row);
    std::string version, line;
    std::getline(cols, version, '\t');
    std::getline(cols, line, '\t');
    line_of[version] = line;
  }
  return line_of;
}

const kl::RuleCatalog& rules() {
  static const kl::RuleCatalog cat = [] {
    Error err;
    auto c = kl::RuleCatalog::load(kl::PackSource{}).take(&err);
    REQUIRE_MESSAGE(c.has_value(), err.render());
    REQUIRE_MESSAGE(c->load_docs(kl::PackSource{}).take(&err), err.render());
    return *c;
  }();
  return cat;
}

const kl::KeyFacts& keys() {
  static const kl::KeyFacts facts = [] {
    Error err;
    auto f = kl::KeyFacts::load(kl::PackSource{}, rules()).take(&err);
    REQUIRE_MESSAGE(f.has_value(), err.render());
    return *f;
  }();
  return facts;
}

const kl::FlagFacts& flags() {
  static const kl::FlagFacts facts = [] {
    Error err;
    auto f = kl::FlagFacts::load(kl::PackSource{}, rules()).take(&err);
    REQUIRE_MESSAGE(f.has_value(), err.render());
    return *f;
  }();
  return facts;
}

const kl::SafetyFacts& safety() {
  static const kl::SafetyFacts facts = [] {
    Error err;
    auto f = kl::SafetyFacts::load(kl::PackSource{}, rules()).take(&err);
    REQUIRE_MESSAGE(f.has_value(), err.render());
    return *f;
  }();
  return facts;
}

Version v(std::string_view text) { return *Version::parse(text); }

const std::string kRule =
    "[[rule]]\ncode = \"KL101\"\nname = \"unknown-key\"\nstatus = \"stable\"\n"
    "severity = \"warning\"\ncategory = \"keys\"\nsummary = \"s\"\nwhy = \"w\"\n"
    "fix = \"safe\"\nfix_title = \"t\"\nsources = [{ ref = \"KIP-1\" }]\n"
    "implemented_in = \"src/checks/properties_checks.cpp\"\n";

std::string parse_rules_error(const std::string& text) {
  Error err;
  auto c = kl::RuleCatalog::parse({"test/rules.toml", text}).take(&err);
  if (c) return "ok";
  return err.render();
}

}  // namespace

TEST_SUITE("knowledge_curated") {
  TEST_CASE("curated: rule-docs.toml documents every rule, once, and nothing else") {
    Error err;
    std::string no_why = kRule;
    no_why.replace(no_why.find("why = \"w\"\n"), 10, "");
    auto c = kl::RuleCatalog::parse({"test/rules.toml", "schema = 1\n" + no_why}).take(&err);
    REQUIRE(c);
    CHECK(c->parse_docs({"test/rule-docs.toml",
                         "schema = 1\n[[doc]]\ncode = \"KL101\"\nwhy = \"because\"\n"})
              .take(&err));
    CHECK(c->find("KL101")->why == "because");
    CHECK_FALSE(c->parse_docs({"test/rule-docs.toml",
                               "schema = 1\n[[doc]]\ncode = \"KL102\"\nwhy = \"x\"\n"})
                    .take(&err));
    CHECK(err.render().find("test/rule-docs.toml:3:8: error: documentation for 'KL102', which "
                            "rules.toml does not define") == 0);
    auto d = kl::RuleCatalog::parse({"test/rules.toml", "schema = 1\n" + no_why}).take(&err);
    REQUIRE(d);
    CHECK_FALSE(d->parse_docs({"test/rule-docs.toml", "schema = 1\n[[doc]]\ncode = \"KL101\"\n"})
                    .take(&err));
    CHECK(err.message.find("'why'") != std::string::npos);
  }

  TEST_CASE("rules: every rule is complete and well-formed") {
    REQUIRE(rules().all().size() >= 60);
    std::set<std::string> codes, names;
    const std::regex code_re("KL[1-9][0-9]{2}");
    const std::regex name_re("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    const char* categories[] = {"",         "keys",    "values", "defaults", "safety",
                                "encoding", "cluster", "cli",    "upgrade",  "meta"};
    for (const auto& r : rules().all()) {
      INFO(r.code);
      CHECK(std::regex_match(r.code, code_re));
      CHECK(std::regex_match(r.name, name_re));
      CHECK(codes.insert(r.code).second);
      CHECK(names.insert(r.name).second);
      CHECK(r.category == categories[r.code[2] - '0']);
      CHECK(!r.summary.empty());
      CHECK(r.summary.find('\n') == std::string::npos);
      CHECK(r.summary.back() != '.');
      CHECK(r.why.size() > 40);
      CHECK(!r.fix_title.empty());
      REQUIRE(!r.sources.empty());
      for (const auto& s : r.sources) {
        CHECK(!s.ref.empty());
        if (!s.url.empty()) CHECK(s.url.rfind("https://", 0) == 0);
      }
      // The name names the problem, not the fix (ruff: no "disallow"/"no-" prefixes).
      CHECK(r.name.rfind("no-", 0) != 0);
      CHECK(r.name.rfind("disallow", 0) != 0);
    }
  }

  TEST_CASE("rules: the catalogue has the rules the product needs") {
    const std::map<std::string, std::string> expected = {
        {"KL101", "unknown-key"},
        {"KL102", "key-for-another-scope"},
        {"KL103", "removed-key"},
        {"KL104", "renamed-key"},
        {"KL105", "deprecated-key"},
        {"KL106", "log4j-key-in-kafka-config"},
        {"KL107", "duplicate-key"},
        {"KL108", "plugin-key-without-prefix"},
        {"KL109", "legacy-key"},
        {"KL201", "invalid-value-type"},
        {"KL202", "value-out-of-range"},
        {"KL203", "invalid-enum-value"},
        {"KL205", "protocol-version-above-binary"},
        {"KL206", "message-format-above-protocol"},
        {"KL207", "invalid-protocol-version"},
        {"KL208", "protocol-version-in-kraft-mode"},
        {"KL301", "default-changed-under-file"},
        {"KL401", "producer-acks-not-all"},
        {"KL403", "min-insync-replicas-one"},
        {"KL404", "min-insync-replicas-not-below-replication-factor"},
        {"KL405", "unclean-leader-election-enabled"},
        {"KL406", "internal-topic-single-replica"},
        {"KL407", "internal-topic-min-isr-one"},
        {"KL408", "controlled-shutdown-disabled"},
        {"KL409", "default-replication-factor-one"},
        {"KL501", "utf8-bom"},
        {"KL502", "non-ascii-byte"},
        {"KL503", "trailing-whitespace-in-value"},
        {"KL601", "duplicate-broker-id"},
        {"KL602", "differing-protocol-pins"},
        {"KL603", "differing-cluster-settings"},
        {"KL604", "port-clash-on-host"},
        {"KL701", "unknown-option"},
        {"KL702", "option-of-another-tool"},
        {"KL703", "option-not-yet-available"},
        {"KL704", "removed-option"},
        {"KL705", "deprecated-option"},
        {"KL706", "removed-tool"},
        {"KL707", "renamed-tool"},
        {"KL708", "unsupported-option-syntax"},
        {"KL709", "missing-option-argument"},
        {"KL801", "unsupported-upgrade-path"},
        {"KL802", "needs-intermediate-hop"},
        {"KL803", "zookeeper-removed"},
        {"KL901", "unparsable-file"},
        {"KL903", "invalid-suppression-comment"},
    };
    for (const auto& [code, name] : expected) {
      INFO(code);
      const kl::Rule* r = rules().find(code);
      REQUIRE(r != nullptr);
      CHECK(r->name == name);
      CHECK(r->status != kl::RuleStatus::kRemoved);
    }
  }

  TEST_CASE("rules: find is case-insensitive on code and name; suggest finds near misses") {
    REQUIRE(rules().find("kl101") != nullptr);
    CHECK(rules().find("kl101")->name == "unknown-key");
    CHECK(rules().find("Unknown-Key")->code == "KL101");
    CHECK(rules().find("KL999") == nullptr);
    CHECK(rules().find("") == nullptr);
    REQUIRE(!rules().suggest("KL1O1").empty());
    CHECK(rules().suggest("KL1O1")[0] == "KL101");
    CHECK(rules().suggest("unknwn-key")[0] == "unknown-key");
    CHECK(rules().suggest("utf8-bomb")[0] == "utf8-bom");
  }

  TEST_CASE("rules: a broken overlay gives a located error") {
    CHECK(parse_rules_error("schema = 1\n" + kRule) == "ok");
    CHECK(parse_rules_error("schema = 1\n" + kRule + "sevrity = \"x\"\n") ==
          "test/rules.toml:14:11: error: unknown field 'sevrity' in [[rule]] 'KL101'; did you "
          "mean 'severity'?\n  note: expected one of: code name status severity category summary "
          "why example example_fix fix fix_title sources implemented_in");
    std::string r = kRule;
    r.replace(r.find("severity = \"warning\""), 20, "severity = 2");
    CHECK(parse_rules_error("schema = 1\n" + r) ==
          "test/rules.toml:6:12: error: field 'severity' of [[rule]] 'KL101' must be a string, "
          "got integer\n  note: see rules/SCHEMA.md for the pack format");
    CHECK(parse_rules_error("schema = 1\n" + kRule + kRule)
              .find("test/rules.toml:15:8: error: rule code 'KL101' is used twice") == 0);
    r = kRule;
    r.replace(r.find("sources = [{ ref = \"KIP-1\" }]"), 29, "sources = []");
    CHECK(parse_rules_error("schema = 1\n" + r).find("error: rule KL101 cites no source") !=
          std::string::npos);
    r = kRule;
    r.replace(r.find("category = \"keys\""), 17, "category = \"cli\"");
    CHECK(parse_rules_error("schema = 1\n" + r).find("code block KL1xx is 'keys'") !=
          std::string::npos);
    r = kRule;
    r.replace(r.find("name = \"unknown-key\""), 20, "name = \"Unknown_Key\"");
    CHECK(parse_rules_error("schema = 1\n" + r).find("is not kebab-case") != std::string::npos);
    r = kRule;
    r.replace(r.find("code = \"KL101\""), 14, "code = \"KX101\"");
    CHECK(parse_rules_error("schema = 1\n" + r).find("'KX101' is not a rule code") !=
          std::string::npos);
    CHECK(parse_rules_error("schema = 1\n" + kRule + "\"why\" = 3\n").find("must be a string") ==
          std::string::npos);  // a duplicate key is a TOML error, reported by the parser
    CHECK(parse_rules_error("schema = 1\n" + kRule + "\"why\" = 3\n").find("test/rules.toml:14") ==
          0);
    CHECK(parse_rules_error("schema = 1\n[[rule]]\ncode = \"KL101\"\n")
              .find("test/rules.toml:2:1: error: [[rule]] 'KL101' has no field 'name'") == 0);
    CHECK(parse_rules_error("").find("rule pack has no 'schema' version") != std::string::npos);
  }

  TEST_CASE("rules: constraints and known issues of versions.toml feed existing KL8xx rules") {
    Error err;
    auto versions = kl::VersionCatalog::load(kl::PackSource{}).take(&err);
    REQUIRE_MESSAGE(versions.has_value(), err.render());
    for (const auto& c : versions->constraints()) {
      INFO(c.id);
      const kl::Rule* r = rules().find(c.rule);
      REQUIRE(r != nullptr);
      CHECK(r->category == "upgrade");
    }
    for (const auto& k : versions->known_issues())
      CHECK(rules().find(k.rule)->name == "known-bad-release");
  }

  TEST_CASE("keys: every entry feeds an existing rule and cites a source") {
    for (const auto& k : keys().changes()) {
      INFO(k.key);
      CHECK(rules().find(k.rule) != nullptr);
      CHECK(!k.source.empty());
    }
    for (const auto& d : keys().default_changes()) {
      INFO(d.key);
      CHECK(d.rule == RuleId::KL301);
      CHECK(!d.source.empty());
      CHECK(!d.impact.empty());
    }
    for (const auto& l : keys().legacy_keys()) CHECK(l.rule == RuleId::KL109);
    for (const auto& l : keys().legacy_values()) CHECK(l.rule == RuleId::KL204);
    CHECK(keys().log4j_rule() == RuleId::KL106);
  }

  TEST_CASE("keys: renames, deprecations and removals") {
    const kl::KeyChange* port = keys().change("port", S("broker"));
    REQUIRE(port != nullptr);
    CHECK(port->replacement == "listeners");
    CHECK(port->removed_in->str() == "3.0");
    CHECK(keys().change("advertised.host.name", S("broker"))->replacement ==
          "advertised.listeners");
    const kl::KeyChange* lmfv = keys().change("log.message.format.version", S("broker"));
    REQUIRE(lmfv != nullptr);
    CHECK(lmfv->deprecated_in->str() == "3.0");
    CHECK(lmfv->removed_in->str() == "4.0");
    CHECK(keys().change("message.format.version", S("topic")) != nullptr);
    CHECK(keys().change("message.format.version", S("broker")) == nullptr);
    CHECK(keys().change("metrics.jmx.blacklist", S("producer"))->replacement ==
          "metrics.jmx.exclude");
    CHECK(keys().change("timeout.ms", S("producer"))->replacement == "request.timeout.ms");
    CHECK(keys().change("timeout.ms", S("consumer")) == nullptr);
  }

  TEST_CASE("keys: default changes by key and release window") {
    auto unclean = keys().default_changes("unclean.leader.election.enable", S("broker"),
                                          v("0.10.2"), v("1.0"));
    REQUIRE(unclean.size() == 1);
    CHECK(unclean[0]->old_value == "true");
    CHECK(unclean[0]->new_value == "false");
    CHECK(keys()
              .default_changes("unclean.leader.election.enable", S("broker"), v("0.11.0"), v("3.9"))
              .empty());
    CHECK(keys()
              .default_changes("delete.topic.enable", S("broker"), v("0.11.0"), v("1.0"))[0]
              ->new_value == "true");
    auto offsets =
        keys().default_changes("offsets.retention.minutes", S("broker"), v("1.1"), v("2.0"));
    REQUIRE(offsets.size() == 1);
    CHECK(offsets[0]->old_value == "1440");
    CHECK(offsets[0]->new_value == "10080");

    std::set<std::string> producer;
    const kl::DefaultChange* idempotence = nullptr;
    for (const auto* d : keys().default_changes_between(S("producer"), v("2.8"), v("3.0"))) {
      producer.insert(d->key);
      if (d->key == "enable.idempotence") idempotence = d;
    }
    CHECK(producer == std::set<std::string>{"acks", "enable.idempotence"});
    REQUIRE(idempotence != nullptr);
    CHECK(idempotence->caveat.find("3.0.0 and 3.1.0") != std::string::npos);
    CHECK(idempotence->source.find("KAFKA-13598") != std::string::npos);
    // "client" entries apply to producers, consumers and admin clients.
    CHECK(keys().default_changes("client.dns.lookup", S("consumer"), v("2.5"), v("2.6")).size() ==
          1);
    CHECK(keys().default_changes("linger.ms", S("producer"), v("3.9"), v("4.0"))[0]->new_value ==
          "5");
    auto group = keys().default_changes("group.coordinator.rebalance.protocols", S("broker"),
                                        v("3.9"), v("4.2"));
    REQUIRE(group.size() == 2);
    CHECK(group[0]->release_name == "4.0");
    CHECK(group[1]->release_name == "4.1");
  }

  TEST_CASE("keys: legacy keys, removed values, prefixes, Log4j") {
    const kl::LegacyKey* mbl = keys().legacy("metadata.broker.list", S("producer"));
    REQUIRE(mbl != nullptr);
    CHECK(mbl->replacement == "bootstrap.servers");
    CHECK(keys().legacy("brokerid", S("broker"))->replacement == "broker.id");
    CHECK(keys().legacy("zk.connect", S("broker"))->era == kl::LegacyEra::kKafka07);
    CHECK(keys().legacy("zookeeper.connect", S("consumer")) != nullptr);
    CHECK(keys().legacy("zookeeper.connect", S("broker")) ==
          nullptr);  // still valid there until 4.0
    CHECK(keys().legacy("auto.commit.enable", S("consumer"))->replacement == "enable.auto.commit");
    const kl::LegacyValue* smallest =
        keys().legacy_value("auto.offset.reset", "SMALLEST", S("consumer"));
    REQUIRE(smallest != nullptr);
    CHECK(smallest->replacement == "earliest");
    CHECK(keys().legacy_value("auto.offset.reset", "earliest", S("consumer")) == nullptr);
    const kl::PrefixedKeys* rlmm =
        keys().prefixed_for("remote.log.metadata.topic.replication.factor");
    REQUIRE(rlmm != nullptr);
    CHECK(rlmm->required_prefix == "rlmm.config.");
    CHECK(keys().prefixed_for("rlmm.config.remote.log.metadata.topic.replication.factor") ==
          nullptr);
    CHECK(keys().is_log4j_key("log4j.logger.kafka.controller"));
    CHECK_FALSE(keys().is_log4j_key("log.dirs"));
  }

  TEST_CASE("keys: an entry that feeds an unknown rule is a located error") {
    Error err;
    const std::string text =
        "schema = 1\n[[legacy]]\nrule = \"KL999\"\nkey = \"brokerid\"\nscope = \"broker\"\n"
        "era = \"0.7\"\nremoved_in = \"0.8.0\"\nreplacement = \"broker.id\"\nsource = "
        "\"KAFKA-648\"\n";
    CHECK_FALSE(kl::KeyFacts::parse({"test/keys.toml", text}, rules()).take(&err));
    CHECK(err.render().rfind(
              "test/keys.toml:3:8: error: [[legacy]] refers to the unknown rule 'KL999'", 0) == 0);
    std::string no_source = text;
    no_source.replace(no_source.find("KL999"), 5, "KL109");
    no_source.replace(no_source.find("\"KAFKA-648\""), 11, "\"  \"");
    CHECK_FALSE(kl::KeyFacts::parse({"test/keys.toml", no_source}, rules()).take(&err));
    CHECK(err.message == "[[legacy]] cites no source");
    CHECK(err.where.line == 9);
    std::string bad_scope = no_source;
    bad_scope.replace(bad_scope.find("\"  \""), 4, "\"KAFKA-648\"");
    bad_scope.replace(bad_scope.find("scope = \"broker\""), 16, "scope = \"brokers\"");
    CHECK_FALSE(kl::KeyFacts::parse({"test/keys.toml", bad_scope}, rules()).take(&err));
    CHECK(err.message == "field 'scope' of [[legacy]] has the unknown value 'brokers'");
  }

  TEST_CASE("flags: tool and option replacements") {
    const kl::ToolChange* pre = flags().tool("kafka-preferred-replica-election.sh");
    REQUIRE(pre != nullptr);
    CHECK(pre->replacement == "kafka-leader-election.sh");
    CHECK(pre->replacement_args == "--election-type preferred");
    CHECK(pre->removed_in->str() == "3.0");
    CHECK(pre->rule == RuleId::KL707);
    // Confluent Platform spelling and a path.
    CHECK(flags().tool("/usr/bin/kafka-preferred-replica-election") == pre);
    CHECK(flags().canonical_tool("kafka-topics") == "kafka-topics.sh");
    CHECK(flags().canonical_tool("./bin/kafka-topics.sh") == "kafka-topics.sh");

    const kl::OptionChange* zk = flags().option("kafka-topics.sh", "--zookeeper");
    REQUIRE(zk != nullptr);
    CHECK(zk->replacement == "--bootstrap-server");
    CHECK(zk->replacement_since->str() == "2.2");
    CHECK(zk->removed_in->str() == "3.0");
    CHECK(flags().option("kafka-configs", "--zookeeper")->removed_in->str() == "4.0");
    CHECK(flags().option("kafka-console-producer.sh", "--broker-list")->replacement ==
          "--bootstrap-server");
    CHECK(flags().option("kafka-console-consumer.sh", "--whitelist")->replacement == "--include");
    CHECK(flags().option("kafka-topics.sh", "--whitelist") == nullptr);

    auto topic = flags().run_class("kafka.admin.TopicCommand");
    REQUIRE(topic.size() == 1);
    CHECK(topic[0]->tool == "kafka-topics.sh");
    CHECK(topic[0]->first.str() == "0.8.2");
    auto feature = flags().run_class("kafka.admin.FeatureCommand");
    REQUIRE(feature.size() == 1);
    CHECK(feature[0]->redirect_removed_in->str() == "4.0");
    for (const auto& t : flags().tools()) CHECK(!t.source.empty());
    for (const auto& o : flags().options()) CHECK(!o.source.empty());
    for (const auto& a : flags().run_classes()) CHECK(!a.source.empty());
  }

  TEST_CASE("safety: checks fire on the risky values only") {
    auto acks = safety().for_key("acks", S("producer"));
    REQUIRE(acks.size() == 1);
    CHECK(acks[0]->rule == RuleId::KL401);
    CHECK(acks[0]->fires("1"));
    CHECK(acks[0]->fires(" 0 "));
    CHECK_FALSE(acks[0]->fires("all"));
    CHECK_FALSE(acks[0]->fires("-1"));
    CHECK(acks[0]->fires_when_unset(v("2.8")));
    CHECK_FALSE(acks[0]->fires_when_unset(v("3.0")));
    CHECK(safety().for_key("acks", S("broker")).empty());

    const kl::SafetyCheck* one = nullptr;
    const kl::SafetyCheck* rf = nullptr;
    const kl::SafetyCheck* offsets = nullptr;
    for (const auto* c : safety().for_key("min.insync.replicas", S("broker"))) {
      if (c->rule == RuleId::KL403)
        one = c;
      else if (c->other_key == "default.replication.factor")
        rf = c;
      else if (c->other_key == "offsets.topic.replication.factor")
        offsets = c;
    }
    REQUIRE((one && rf && offsets));
    // 1 of 1 is the replication-factor rules' finding, not KL404's.
    CHECK_FALSE(offsets->fires("1", std::string_view("1")));
    CHECK(offsets->fires("2", std::string_view("2")));
    CHECK(one->fires("1"));
    CHECK_FALSE(one->fires("2"));
    CHECK_FALSE(one->fires("two"));
    CHECK(rf->other_key == "default.replication.factor");
    CHECK(rf->fires("3", std::string_view("3")));
    CHECK(rf->fires("4", std::string_view("3")));
    CHECK_FALSE(rf->fires("2", std::string_view("3")));
    CHECK_FALSE(rf->fires("2"));

    std::set<std::string> internal;
    for (const auto& c : safety().checks())
      if (c.rule == RuleId::KL406 || c.rule == RuleId::KL407) internal.insert(c.key);
    CHECK(internal.count("offsets.topic.replication.factor"));
    CHECK(internal.count("transaction.state.log.replication.factor"));
    CHECK(internal.count("transaction.state.log.min.isr"));
    auto unclean = safety().for_key("unclean.leader.election.enable", S("topic"));
    REQUIRE(unclean.size() == 1);
    CHECK(unclean[0]->fires("TRUE"));
    CHECK(unclean[0]->fires_when_unset(v("0.10.2")));
    CHECK_FALSE(unclean[0]->fires_when_unset(v("0.11.0")));
    for (const auto& c : safety().checks()) {
      INFO(c.key);
      CHECK(!c.source.empty());
      CHECK(!c.rationale.empty());
      CHECK(kafkalint::core::code(c.rule).rfind("KL4", 0) == 0);
    }
  }

  TEST_CASE("safety: an operand that does not fit the condition is rejected") {
    Error err;
    const std::string text =
        "schema = 1\n[[check]]\nrule = \"KL401\"\nscopes = [\"producer\"]\nkey = \"acks\"\n"
        "when = \"in\"\nthreshold = 1\nrationale = \"r\"\nsource = \"s\"\n";
    CHECK_FALSE(kl::SafetyFacts::parse({"test/safety.toml", text}, rules()).take(&err));
    CHECK(err.where.line == 6);
    CHECK(err.message.find("needs exactly its own operand") != std::string::npos);
  }

  TEST_CASE("keys: 4.x removals and defaults agree with the extracted ConfigDef tables" *
            doctest::skip(!kafkalint::test::shared_dir().has_value())) {
    const std::string changes =
        kafkalint::test::read(*kafkalint::test::shared_dir() + "/kafka-4x/changes.md");
    REQUIRE(!changes.empty());
    // The section of changes.md for one step and scope ("## 3.9 -> 4.0" / "### broker").
    auto section = [&](const std::string& step, const std::string& scope) {
      const std::size_t s = changes.find("## " + step + "\n");
      REQUIRE(s != std::string::npos);
      const std::size_t e = changes.find("\n## ", s + 3);
      const std::string part =
          changes.substr(s, e == std::string::npos ? std::string::npos : e - s);
      const std::size_t ss = part.find("### " + scope + "\n");
      if (ss == std::string::npos) return std::string();
      const std::size_t se = part.find("\n### ", ss + 4);
      return part.substr(ss, se == std::string::npos ? std::string::npos : se - ss);
    };
    // The line before each 4.x line, from the release catalogue (a new line needs no edit).
    std::map<std::string, std::string> previous;
    {
      kafkalint::core::Error err;
      const auto versions = kl::VersionCatalog::load(kl::PackSource{}).take(&err);
      REQUIRE(versions);
      const auto& lines = versions->lines();
      for (std::size_t i = 1; i < lines.size(); ++i) previous[lines[i].name] = lines[i - 1].name;
    }
    int checked = 0;
    for (const auto& d : keys().default_changes()) {
      if (d.release < v("4.0")) continue;
      INFO(d.key << " " << d.release_name);
      const std::string scope = d.scope.name() == "client" ? "producer"
                                : d.scope.name() == "any"  ? "broker"
                                                           : d.scope.name();
      const std::string text =
          section(previous.at(d.release_name) + " -> " + d.release_name, scope);
      CHECK(text.find("- `" + d.key + "`: `" + d.old_value + "` -> `" + d.new_value + "`") !=
            std::string::npos);
      ++checked;
    }
    CHECK(checked >= 20);
    const std::string removed = section("3.9 -> 4.0", "broker");
    for (const auto& k : keys().changes()) {
      if (k.scope.name() != "broker" || !k.removed_in || k.removed_in->str() != "4.0") continue;
      INFO(k.key);
      CHECK(removed.find("- `" + k.key + "` (") != std::string::npos);
    }
  }

  TEST_CASE("flags: replacements exist in the release that introduces them" *
            doctest::skip(!kafkalint::test::shared_dir().has_value())) {
    // (line, script, option) from the per-release option tables.
    std::set<std::tuple<std::string, std::string, std::string>> options;
    std::map<std::string, std::string> line_of = cli_release_lines();
    line_of.erase("4.0-pre");
    std::string row;
    for (const char* file : {"/kafka-cli/options.tsv", "/kafka-4x/cli-options.tsv"}) {
      std::istringstream in(kafkalint::test::read(*kafkalint::test::shared_dir() + file));
      std::getline(in, row);
      while (std::getline(in, row)) {
        std::istringstream cols(row);
        std::string version, script, option;
        std::getline(cols, version, '\t');
        std::getline(cols, script, '\t');
        std::getline(cols, option, '\t');
        const std::string line = line_of.count(version) ? line_of[version] : version;
        if (version != "4.0-pre") options.insert({line, script, option});
      }
    }
    REQUIRE(options.size() > 1000);
    int checked = 0;
    for (const auto& o : flags().options()) {
      INFO(o.tool << " " << o.option);
      if (o.removed_in) {
        // The option is gone in the removal release (the tables cover 0.8.2 .. 4.4).
        CHECK_FALSE(options.count({o.removed_in->str(), o.tool, o.option}));
      }
      if (o.replacement.empty()) continue;
      CHECK(options.count({o.replacement_since->str(), o.tool, o.replacement}));
      ++checked;
    }
    CHECK(checked >= 20);
  }

  TEST_CASE("flags: every class a shipped script ran is known, with the release it left" *
            doctest::skip(!kafkalint::test::shared_dir().has_value())) {
    // (line, script, main class) from the per-release script tables.
    const std::map<std::string, std::string> line_of = cli_release_lines();
    std::string row;
    std::set<std::tuple<std::string, std::string, std::string>> ran;  // class, script, line
    std::string newest = "0.8.2";
    for (const char* file : {"/kafka-cli/scripts.tsv", "/kafka-4x/cli-scripts.tsv"}) {
      std::istringstream in(kafkalint::test::read(*kafkalint::test::shared_dir() + file));
      std::getline(in, row);
      while (std::getline(in, row)) {
        std::istringstream cols(row);
        std::string version, script, cls;
        std::getline(cols, version, '\t');
        std::getline(cols, script, '\t');
        std::getline(cols, cls, '\t');
        if (version == "4.0-pre" || cls.empty() || cls == "-" || cls.find(';') != std::string::npos)
          continue;
        const std::string line = line_of.count(version) ? line_of.at(version) : version;
        if (v(line) > v(newest)) newest = line;
        ran.insert({cls, script, line});
      }
    }
    REQUIRE(ran.size() > 500);
    for (const auto& [cls, script, line] : ran) {
      if (cls.rfind("org.apache.kafka.trogdor.", 0) == 0) continue;  // trogdor.sh picks one
      INFO(line << " " << script << " " << cls);
      const auto aliases = flags().run_class(cls);
      bool covered = false;
      for (const kl::RunClassAlias* a : aliases)
        covered = covered ||
                  (a->tool == script && a->first <= v(line) && (!a->last || v(line) <= *a->last));
      CHECK(covered);
    }
    // A class its script stopped running before the newest line is gone or only a redirect:
    // the KL706 check needs the release that dropped it (a missing one means no finding).
    // A class the newest line still runs has no `last` (a new release edits nothing), and one
    // without `last` is run by the newest line's script.
    std::set<std::pair<std::string, std::string>> newest_runs;
    for (const auto& [cls, script, line] : ran)
      if (line == newest) newest_runs.insert({cls, script});
    for (const auto& a : flags().run_classes()) {
      INFO(a.main_class);
      if (!a.last) {
        CHECK(newest_runs.count({a.main_class, a.tool}) == 1);
        continue;
      }
      CHECK(*a.last < v(newest));
      CHECK((a.removed_in.has_value() || a.redirect_removed_in.has_value()));
      if (a.removed_in) CHECK(*a.removed_in > *a.last);
      if (a.redirect_removed_in) CHECK(*a.redirect_removed_in > *a.last);
    }
  }
}

TEST_SUITE("knowledge_registry") {
  // One row per rule: rules.toml's implemented_in names the C++ file that reports the rule
  // (RuleId::KLnnn appears there) or the pack whose entries are its instances.
  TEST_CASE("registry: every rule names where it is implemented, and that place has it") {
    const std::string root = kafkalint::test::source_dir() + "/";
    std::map<std::string, std::string> texts;
    for (const kl::Rule& r : rules().all()) {
      INFO(r.code);
      if (r.status == kl::RuleStatus::kRemoved) {
        CHECK(r.implemented_in.empty());
        continue;
      }
      REQUIRE_FALSE(r.implemented_in.empty());
      auto [it, fresh] = texts.try_emplace(r.implemented_in);
      if (fresh) {
        std::ifstream in(root + r.implemented_in);
        REQUIRE_MESSAGE(in, (r.implemented_in + " does not exist"));
        std::stringstream ss;
        ss << in.rdbuf();
        it->second = ss.str();
      }
      const bool cpp = r.implemented_in.rfind("src/", 0) == 0;
      CHECK((cpp || r.implemented_in.rfind("rules/kafka/", 0) == 0));
      const std::string mark = cpp ? "RuleId::" + r.code : "rule = \"" + r.code + "\"";
      const std::regex whole(cpp ? mark + "\\b" : mark);
      CHECK_MESSAGE(std::regex_search(it->second, whole),
                    (r.implemented_in + " does not mention " + mark));
    }
  }

  TEST_CASE("registry: the compiled rule ids are exactly the catalogue's live rules") {
    std::set<std::string> compiled, live;
    for (RuleId id : kafkalint::core::kAllRuleIds) {
      compiled.insert(std::string(kafkalint::core::code(id)));
      const kl::Rule* r = rules().find(id);
      REQUIRE(r);
      CHECK(r->name == kafkalint::core::name(id));
      CHECK(r->severity == kafkalint::core::default_severity(id));
      CHECK(kafkalint::core::rule_id(r->code) == id);
    }
    for (const kl::Rule& r : rules().all())
      if (r.status != kl::RuleStatus::kRemoved) live.insert(r.code);
    CHECK(compiled == live);
    CHECK_FALSE(kafkalint::core::rule_id("KL100"));
    CHECK_FALSE(kafkalint::core::rule_id("kl101"));  // codes are matched as spelled
  }

  TEST_CASE("registry: a finding takes its identity from the catalogue, or the built-in one") {
    const auto f = kl::make_finding(&rules(), RuleId::KL103, "m");
    CHECK(f.code == "KL103");
    CHECK(f.name == rules().find("KL103")->name);
    CHECK(f.message == "m");
    CHECK(f.is(RuleId::KL103));
    CHECK_FALSE(f.is(RuleId::KL101));
    const auto g = kl::make_finding(nullptr, RuleId::KL901);
    CHECK(g.name == "unparsable-file");
    CHECK(g.severity == kafkalint::core::Severity::kError);
  }

  TEST_CASE("scopes: the packs' words become sets when they load") {
    CHECK(S("client") ==
          (kl::ScopeSet::of(kl::Scope::kProducer) | kl::ScopeSet::of(kl::Scope::kConsumer) |
           kl::ScopeSet::of(kl::Scope::kAdmin)));
    CHECK(S("any") == kl::ScopeSet::all());
    CHECK_FALSE(kl::ScopeSet::parse("server").has_value());
    for (const char* word : {"broker", "topic", "producer", "consumer", "admin", "client", "any"})
      CHECK(S(word).name() == word);
    CHECK((S("broker") | S("topic")).name() == "broker+topic");
    // An entry covers a file when it applies to every scope the file may be read as: a
    // "client" fact applies to a producer file, a producer-only fact not to a client file
    // whose kind is unknown; the prefix rules only need the sets to meet.
    CHECK(S("client").covers(S("producer")));
    CHECK(S("any").covers(S("client")));
    CHECK_FALSE(S("producer").covers(S("client")));
    CHECK(S("producer").overlaps(S("client")));
    CHECK_FALSE(S("broker").overlaps(S("client")));
    // The lookups use it: a legacy key of "client" scope is found for a consumer file.
    int client_entries = 0;
    for (const kl::LegacyKey& l : keys().legacy_keys())
      if (l.scope == S("client")) {
        ++client_entries;
        CHECK(keys().legacy(l.key, S("consumer")) == &l);
        CHECK(keys().legacy(l.key, S("client")) == &l);
        CHECK(keys().legacy(l.key, S("topic")) == nullptr);
      }
    CHECK(client_entries >= 3);
  }
}
