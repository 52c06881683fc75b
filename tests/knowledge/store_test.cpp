// How the commands load the packs: each reads only what it needs, a release without a pack is
// not an error, and a broken --rules overlay is a located error with exit 2.

#include "knowledge/store.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>

#include "checks/check_knowledge.h"
#include "checks/cli_history.h"
#include "checks/script_checks.h"
#include "plan/plan_knowledge.h"
#include "test_support.h"

using namespace kafkalint;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

constexpr const char* kBroker = "log.dirs=/var/kafka\nbroker.id=1\n";
constexpr const char* kScript = "#!/bin/sh\nkafka-topics.sh --bootstrap-server b:9092 --list\n";

// A directory with server.properties, run.sh and an overlay `ov/` holding one broken pack.
struct Overlay {
  test::TempDir dir;
  Overlay(const std::string& rel, const std::string& text) {
    test::write(dir.file("server.properties"), kBroker);
    test::write(dir.file("run.sh"), kScript);
    test::write(dir.file("ov/" + rel), text);
  }
  std::string pack(const std::string& rel) const { return dir.file("ov/" + rel); }
  test::RunResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--rules", dir.file("ov")});
    for (std::string& a : args)
      if (a == "server.properties" || a == "run.sh") a = dir.file(a);
    return test::run_cli(args);
  }
};

const std::string kBrokenToml =
    "pack = { kind = \"configs\", release = \"3.9\", source = \"x\" }\n"
    "[broker\n";

using Part = knowledge::Store::Part;

// A store over the embedded packs and an overlay holding `text` at `rel`.
struct OverlayStore {
  test::TempDir dir;
  std::optional<knowledge::Store> store;
  OverlayStore(const std::string& rel, const std::string& text) {
    test::write(dir.file(rel), text);
    knowledge::PackSource packs;
    core::Error err;
    REQUIRE(packs.add_directory(dir.path()).take(&err));
    store.emplace(std::move(packs));
  }
};

const knowledge::Release& line(const knowledge::Store& store, const char* name) {
  const knowledge::Release* r = store.versions()->find_line(name);
  REQUIRE(r);
  return *r;
}

}  // namespace

TEST_SUITE("knowledge_store") {
  TEST_CASE("store: without a release and without a released line, check and diff stop") {
    std::string versions = test::read(test::source_dir() + "/rules/kafka/versions.toml");
    for (std::size_t p = versions.find("\"released\""); p != std::string::npos;
         p = versions.find("\"released\"", p))
      versions.replace(p, 10, "\"unreleased\"");
    const Overlay ov("kafka/versions.toml", versions);
    test::write(ov.dir.file("app.properties"), "log.dirs=/var/kafka\n");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check", "server.properties"},
          {"diff", ov.dir.file("app.properties"), ov.dir.file("app.properties")}}) {
      const test::RunResult r = ov.run(args);
      CHECK(r.code == 2);
      CHECK(r.err == "error: no released Kafka line has a configuration reference\n");
    }
    CHECK(ov.run({"check", "--to", "3.9", "server.properties"}).code == 1);
  }

  TEST_CASE("store: found, none and failed are three answers") {
    const knowledge::Store store;
    const auto c39 = store.configs(line(store, "3.9"));
    REQUIRE(c39);
    CHECK_FALSE(c39.failed());
    CHECK(c39->release() == "3.9");
    CHECK(store.configs(line(store, "3.9")).get() == c39.get());  // read once
    // 0.8.2 has a command-line reference but no configuration reference; 0.8.1 has neither.
    const auto c082 = store.configs(line(store, "0.8.2"));
    CHECK_FALSE(c082);
    CHECK_FALSE(c082.failed());
    CHECK(c082.get() == nullptr);
    CHECK(store.cli(line(store, "0.8.2")));
    CHECK_FALSE(store.cli(line(store, "0.8.1")));
    CHECK_FALSE(store.cli(line(store, "0.8.1")).failed());
    // A release of another catalogue is matched by name; a line the packs do not know has
    // nothing.
    knowledge::Release copy = line(store, "2.1");
    CHECK(store.configs(copy).get() == store.configs(line(store, "2.1")).get());
    copy.name = "9.9";
    CHECK_FALSE(store.configs(copy));
    CHECK_FALSE(store.configs(copy).failed());
  }

  TEST_CASE("store: a broken pack fails its lookups only, with a located error") {
    const OverlayStore ov("kafka/configs/3.9.toml", kBrokenToml);
    const knowledge::Store& store = *ov.store;
    const auto broken = store.configs(line(store, "3.9"));
    CHECK_FALSE(broken);
    REQUIRE(broken.failed());
    CHECK(broken.error().where.file == ov.dir.file("kafka/configs/3.9.toml"));
    CHECK(broken.error().where.line == 2);
    CHECK(broken.error().where.column == 8);
    CHECK(broken.error().message.rfind("invalid TOML in rule pack", 0) == 0);
    // The error is kept: asking again does not read the pack again.
    CHECK(&store.configs(line(store, "3.9")).error() == &broken.error());
    CHECK(store.configs(line(store, "3.8")));
    CHECK(store.cli(line(store, "3.9")));
    CHECK(store.load({Part::kVersions, Part::kRules, Part::kKeys, Part::kFlags, Part::kSafety}) ==
          nullptr);
  }

  TEST_CASE("store: a broken fact pack fails what depends on it, in order") {
    const OverlayStore ov("kafka/keys.toml", "schema = 1\n[[key]]\nkey = 1\n");
    const knowledge::Store& store = *ov.store;
    CHECK(store.load({Part::kVersions, Part::kRules, Part::kSafety}) == nullptr);
    const core::Error* e = store.load({Part::kVersions, Part::kKeys, Part::kFlags});
    REQUIRE(e);
    CHECK(e->where.file == ov.dir.file("kafka/keys.toml"));
    CHECK(e == &store.keys().error());

    const OverlayStore rules("kafka/rules.toml", "schema = 1\n[[rule]]\ncode = \"KL101\"\n");
    const knowledge::Store& broken = *rules.store;
    REQUIRE(broken.rules().failed());
    // The facts check their rule references against the catalogue: they fail with its error.
    for (const core::Error* f : {&broken.keys().error(), &broken.flags().error(),
                                 &broken.safety().error(), &broken.documented_rules().error()}) {
      CHECK(f->render() == broken.rules().error().render());
    }
    CHECK(broken.versions());
  }

  TEST_CASE("store: the rule documentation is a second catalogue") {
    const knowledge::Store store;
    const auto rules = store.rules();
    const auto documented = store.documented_rules();
    REQUIRE(rules);
    REQUIRE(documented);
    CHECK(rules.get() != documented.get());
    REQUIRE(documented->find("KL101"));
    CHECK_FALSE(documented->find("KL101")->why.empty());
    CHECK(rules->find("KL101")->why.empty());
    CHECK(rules->all().size() == documented->all().size());
  }

  TEST_CASE("store: lookups from many threads read each pack once") {
    knowledge::Store store;
    store.preload({Part::kRules, Part::kKeys, Part::kSafety});
    const auto versions = store.versions();
    REQUIRE(versions);
    std::vector<std::vector<const void*>> seen(4);
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < seen.size(); ++t)
      workers.emplace_back([&, t] {
        for (const knowledge::Release& r : versions->lines()) {
          seen[t].push_back(store.cli(r).get());
          seen[t].push_back(store.configs(r).get());
        }
        seen[t].push_back(store.keys().get());
        seen[t].push_back(store.flags().get());
      });
    for (std::thread& w : workers) w.join();
    for (std::size_t t = 1; t < seen.size(); ++t) CHECK(seen[t] == seen[0]);
    CHECK(std::set<const void*>(seen[0].begin(), seen[0].end()).size() > 60);
    CHECK(store.safety().get() != nullptr);
  }

  TEST_CASE("store: the newest reference is the newest released line with one") {
    const knowledge::Store store;
    const knowledge::Release* r = knowledge::newest_reference(*store.versions());
    REQUIRE(r);
    CHECK(r->released);
    CHECK(store.configs(*r));
    for (const knowledge::Release& later : store.versions()->lines())
      if (later.version > r->version) CHECK((!later.released || later.configs_pack.empty()));
  }

  TEST_CASE("store: the command-line history is a view of the store") {
    const knowledge::Store store;
    const checks::CliHistory history(store, *store.versions());
    REQUIRE(!history.lines().empty());
    CHECK(history.lines().front()->name == "0.8.2");
    CHECK(history.newest()->name == store.versions()->lines().back().name);
    for (const knowledge::Release* r : history.lines())
      CHECK(history.at(*r) == store.cli(*r).get());
    CHECK(history.at(line(store, "0.8.1")) == nullptr);
  }

  TEST_CASE("store: check knowledge loads the command-line part on first use") {
    const OverlayStore ov("kafka/flags.toml", "schema = 1\n[[tool]]\nnme = \"x\"\n");
    const knowledge::Store& store = *ov.store;
    core::Error err;
    const auto k = checks::load_check_knowledge(store, &line(store, "3.9"), nullptr).take(&err);
    REQUIRE_MESSAGE(k, err.render());
    CHECK(k->configs == store.configs(line(store, "3.9")).get());
    CHECK(k->reference == &line(store, "3.9"));
    CHECK(k->from_configs == nullptr);
    REQUIRE(k->scripts);
    CHECK(k->scripts(&err) == nullptr);
    CHECK(err.where.file == ov.dir.file("kafka/flags.toml"));
    CHECK(err.message == "[[tool]] has no field 'name'");

    const knowledge::Store good;
    const auto g = checks::load_check_knowledge(good, nullptr, &line(good, "2.1")).take(&err);
    REQUIRE_MESSAGE(g, err.render());
    CHECK(g->reference == knowledge::newest_reference(*good.versions()));
    CHECK(g->from_configs == good.configs(line(good, "2.1")).get());
    const checks::ScriptKnowledge* s = g->scripts(&err);
    REQUIRE(s);
    CHECK(g->scripts(&err) == s);
    CHECK(s->cli->at(line(good, "2.1")) != nullptr);
    // A release with no configuration reference cannot be checked against.
    CHECK_FALSE(checks::load_check_knowledge(good, &line(good, "0.8.2"), nullptr).take(&err));
    CHECK(err.message ==
          "kafkalint has no configuration reference for Kafka 0.8.2 (the generated references "
          "start at 0.9)");
  }

  TEST_CASE("store: plan knowledge leaves the references a release lacks null") {
    const knowledge::Store store;
    core::Error err;
    auto k = plan::load_plan_knowledge(store, line(store, "0.8.2"), line(store, "2.6")).take(&err);
    REQUIRE_MESSAGE(k, err.render());
    CHECK(k->from_configs == nullptr);
    CHECK(k->from_cli == store.cli(line(store, "0.8.2")).get());
    CHECK(k->to_configs == store.configs(line(store, "2.6")).get());
    CHECK(k->to_cli != nullptr);

    const OverlayStore ov("kafka/cli/2.6.toml", "x = \n");
    CHECK_FALSE(plan::load_plan_knowledge(*ov.store, line(*ov.store, "2.1"), line(*ov.store, "2.6"))
                    .take(&err));
    CHECK(err.where.file == ov.dir.file("kafka/cli/2.6.toml"));
  }
  TEST_CASE("store: a broken configuration pack fails every command that reads it, located") {
    const Overlay ov("kafka/configs/3.9.toml", kBrokenToml);
    const std::string where = ov.pack("kafka/configs/3.9.toml") +
                              ":2:8: error: invalid TOML in rule pack: Error while parsing table "
                              "header: expected ']', saw '\\n'\n";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check", "--to", "3.9", "server.properties"},
          {"check", "--from", "3.9", "--to", "4.0", "server.properties"},
          {"plan", "--from", "3.5", "--to", "3.9", "server.properties"},
          {"show", "--effective", "--to", "3.9.1", "server.properties"}}) {
      INFO(args[0]);
      const test::RunResult r = ov.run(args);
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err.rfind(where, 0) == 0);
    }
    // diff reports a version whose reference it cannot read at the option that named it.
    const test::RunResult d =
        ov.run({"diff", "--from", "3.5", "--to", "3.9", "server.properties", "server.properties"});
    CHECK(d.code == 2);
    CHECK(has(d.err, "kafkalint diff: error: --to: invalid TOML in rule pack"));
    // Other releases, and commands that need no reference, do not read it.
    CHECK(ov.run({"check", "--to", "3.8", "server.properties"}).code == 1);
    CHECK(ov.run({"plan", "--from", "3.5", "--to", "3.8", "server.properties"}).code == 1);
    CHECK(ov.run({"show", "server.properties"}).code == 0);
    CHECK(ov.run({"versions"}).code == 0);
  }

  TEST_CASE("store: command-line packs load only when a script is checked") {
    const Overlay ov("kafka/cli/3.9.toml",
                     "pack = { kind = \"cli\", release = \"3.9\", source = \"x\" }\nbogus = 1\n");
    const std::string where =
        ov.pack("kafka/cli/3.9.toml") + ":2:9: error: unknown table 'bogus' in command-line pack\n";
    CHECK(ov.run({"check", "--to", "3.9", "server.properties"}).code == 1);
    test::RunResult r = ov.run({"check", "--to", "3.9", "run.sh"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind(where, 0) == 0);
    // Properties files are still checked and reported; the error is said once.
    r = ov.run({"check", "--to", "3.9", "run.sh", "run.sh", "server.properties"});
    CHECK(r.code == 2);
    CHECK(r.err == where + "  note: expected one of pack, tool, removed_tool, removed_option\n");
    CHECK(has(r.out, "[KL403 min-insync-replicas-one]"));
    // --to, --from and the newest line are read up front; other lines only when a finding
    // needs their history, and a broken one then gives no history rather than an error.
    CHECK(ov.run({"check", "--to", "3.5", "run.sh"}).code == 0);
    CHECK(ov.run({"check", "--from", "3.9", "--to", "4.0", "run.sh"}).code == 2);
    // plan reads the command-line packs of both ends.
    CHECK(ov.run({"plan", "--from", "3.9", "--to", "4.0", "server.properties"}).code == 2);
  }

  TEST_CASE("store: fact packs are located errors; the flag facts only for scripts") {
    const Overlay keys("kafka/keys.toml", "schema = 1\n[[key]]\nkey = 1\n");
    test::RunResult r = keys.run({"check", "--to", "3.9", "server.properties"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind(keys.pack("kafka/keys.toml") + ":3:7: error: ", 0) == 0);
    CHECK(keys.run({"diff", "server.properties", "server.properties"}).code == 2);
    CHECK(keys.run({"plan", "--from", "2.1", "--to", "2.6", "server.properties"}).code == 2);
    CHECK(keys.run({"show", "--effective", "--to", "3.9", "server.properties"}).code == 0);
    CHECK(keys.run({"rules"}).code == 0);

    const Overlay flags("kafka/flags.toml", "schema = 1\n[[tool]]\nnme = \"x\"\n");
    CHECK(flags.run({"check", "--to", "3.9", "server.properties"}).code == 1);
    r = flags.run({"check", "--to", "3.9", "run.sh"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind(flags.pack("kafka/flags.toml") + ":2:1: error: [[tool]] has no field 'name'",
                      0) == 0);
    CHECK(flags.run({"plan", "--from", "2.1", "--to", "2.6", "server.properties"}).code == 1);

    const Overlay docs("kafka/rule-docs.toml", "schema = 1\n[[doc]]\ncode = 3\n");
    CHECK(docs.run({"explain", "KL101"}).code == 2);
    CHECK(docs.run({"rules"}).code == 2);
    CHECK(docs.run({"check", "--to", "3.9", "server.properties"}).code == 1);
  }

  TEST_CASE("store: a release without a configuration reference is a usage error") {
    const Overlay ov("kafka/configs/3.5.toml", "x\n");
    test::RunResult r = ov.run({"check", "--to", "0.8.2", "server.properties"});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "kafkalint check: error: --to: kafkalint has no configuration reference for Kafka "
          "0.8.2 (the generated references start at 0.9)\n");
    r = ov.run({"show", "--effective", "--to", "0.8.2", "server.properties"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "kafkalint has no configuration reference for Kafka 0.8.2"));
    r = ov.run({"diff", "--from", "0.8.2", "server.properties", "server.properties"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "--from: kafkalint has no configuration reference for Kafka 0.8.2"));
    // plan has no reference to check the files against before 0.9, and plans without it.
    CHECK(ov.run({"plan", "--from", "0.8.2", "--to", "2.6", "server.properties"}).code != 2);
  }
}
