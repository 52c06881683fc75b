// The migration phases against the sample configurations of the Kafka operations guide
// ("ZooKeeper to KRaft Migration", git show 3.8:docs/ops.html and 3.9:docs/ops.html): a
// one-broker PLAINTEXT cluster on localhost with one controller 3000, a static quorum on 3.8
// (controller.quorum.voters) and a dynamic one on 3.9 (controller.quorum.bootstrap.servers). The
// broker files of each phase must equal the samples key for key; the controller file must hold
// every sample key with the sample's value (only the listener names its host) plus its protocol map
// and data directory.

#include <doctest/doctest.h>

#include <map>

#include "checks/props_file.h"
#include "knowledge/store.h"
#include "plan/migration.h"
#include "properties/document.h"

using namespace kafkalint;

namespace {

using Map = std::map<std::string, std::string>;

Map map_of(const std::string& text) {
  Map m;
  const properties::ParseResult parsed = properties::parse(text, "f");
  for (const auto& [key, value] : parsed.doc.effective()) m[std::string(key)] = std::string(value);
  return m;
}

const plan::Phase* phase_titled(const plan::Plan& p, const std::string& start) {
  for (const plan::Phase& ph : p.phases)
    if (ph.title.rfind(start, 0) == 0) return &ph;
  return nullptr;
}

}  // namespace

namespace {

void check_samples(const std::string& bridge, plan::Quorum quorum, const std::string& quorum_key,
                   const std::string& quorum_value) {
  INFO("bridge " << bridge);
  const knowledge::Store store;
  const auto versions = store.versions();
  REQUIRE(versions);
  const knowledge::Release* v39 = versions->find_line(bridge);
  REQUIRE(v39);
  // The ZooKeeper broker of the guide before the migration (its IBP already at 3.9).
  const Map zk_broker = {{"broker.id", "0"},
                         {"listeners", "PLAINTEXT://:9092"},
                         {"advertised.listeners", "PLAINTEXT://localhost:9092"},
                         {"listener.security.protocol.map", "PLAINTEXT:PLAINTEXT"},
                         {"inter.broker.protocol.version", bridge},
                         {"zookeeper.connect", "localhost:2181"}};
  std::string text;
  for (const auto& [k, v] : zk_broker) text += k + "=" + v + "\n";
  auto f = checks::load_props("server.properties", text);
  f->role = checks::Role::kBroker;
  plan::MigrationOptions m;
  m.controllers = {{3000, "localhost", "9093"}};
  m.quorum = quorum;
  core::Error err;
  const auto p = plan::make_migration_plan(store, *v39, *v39, bridge, bridge, {f.get()},
                                           plan::PlanOptions{}, m)
                     .take(&err);
  REQUIRE(p);
  REQUIRE_FALSE(p->refused);
  REQUIRE(p->brokers.size() == 2);

  // "Enter Migration Mode on the Brokers": the sample broker ready for migration.
  Map migrating = zk_broker;
  migrating["listener.security.protocol.map"] = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
  migrating["zookeeper.metadata.migration.enable"] = "true";
  migrating[quorum_key] = quorum_value;
  migrating["controller.listener.names"] = "CONTROLLER";
  const plan::Phase* mode = phase_titled(*p, "brokers into migration mode");
  REQUIRE(mode);
  CHECK(map_of(mode->files_after[0]) == migrating);

  // "Migrating brokers to KRaft": the sample KRaft broker.
  const Map kraft = {{"process.roles", "broker"},
                     {"node.id", "0"},
                     {"listeners", "PLAINTEXT://:9092"},
                     {"advertised.listeners", "PLAINTEXT://localhost:9092"},
                     {"listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"},
                     {quorum_key, quorum_value},
                     {"controller.listener.names", "CONTROLLER"}};
  const plan::Phase* to_kraft = phase_titled(*p, "brokers to KRaft mode");
  REQUIRE(to_kraft);
  CHECK(map_of(to_kraft->files_after[0]) == kraft);

  // "Provisioning the KRaft controller quorum" and "Finalizing the migration": the sample
  // controller, with the migration keys and without them.
  Map controller = {{"process.roles", "controller"},
                    {"node.id", "3000"},
                    {quorum_key, quorum_value},
                    {"controller.listener.names", "CONTROLLER"},
                    {"listeners", "CONTROLLER://localhost:9093"},
                    {"zookeeper.metadata.migration.enable", "true"},
                    {"zookeeper.connect", "localhost:2181"},
                    {"inter.broker.listener.name", "PLAINTEXT"}};
  const plan::Phase* provision = phase_titled(*p, "provision the KRaft controllers");
  REQUIRE(provision);
  Map written = map_of(provision->files_after[1]);
  CHECK(written["listener.security.protocol.map"] == "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
  CHECK(!written["log.dirs"].empty());
  written.erase("listener.security.protocol.map");
  written.erase("log.dirs");
  CHECK(written == controller);
  // The sample formats the standalone controller with --standalone; with the voter set named
  // up front the plan gives the same single voter through --initial-controllers.
  bool formats = false;
  for (const plan::NodeSteps& s : provision->steps)
    for (const plan::StepAction& a : s.actions)
      if (a.what == "format")
        formats = quorum == plan::Quorum::kDynamic
                      ? a.command.find("--initial-controllers \"3000@localhost:9093:") !=
                            std::string::npos
                      : a.command.find("--initial-controllers") == std::string::npos &&
                            a.command.find("--standalone") == std::string::npos;
  CHECK(formats);

  const plan::Phase* finalize = phase_titled(*p, "finalize the migration");
  REQUIRE(finalize);
  CHECK_FALSE(finalize->reversible);
  controller.erase("zookeeper.metadata.migration.enable");
  controller.erase("zookeeper.connect");
  written = map_of(finalize->files_after[1]);
  written.erase("listener.security.protocol.map");
  written.erase("log.dirs");
  CHECK(written == controller);
}

}  // namespace

TEST_SUITE("plan_migration_samples") {
  TEST_CASE("plan: the migration reproduces the operations guide's sample files") {
    check_samples("3.8", plan::Quorum::kStatic, "controller.quorum.voters", "3000@localhost:9093");
    check_samples("3.9", plan::Quorum::kDynamic, "controller.quorum.bootstrap.servers",
                  "localhost:9093");
  }
}
