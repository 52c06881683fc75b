// Wrappers in front of a Kafka tool: each one must hand the tool's own arguments on, and
// nothing the wrapper itself takes (users, pods, containers, durations) may leak into them.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scripts/extract.h"
#include "test_support.h"

using namespace kafkalint::scripts;

namespace {

// The single command of `line` as "tool arg arg ...", or "" when there is none.
std::string one(std::string_view line) {
  const std::string text = std::string(line) + "\n";
  const ExtractResult r = extract("w.sh", text, FileKind::kShell);
  if (r.commands.size() != 1) return r.commands.empty() ? "" : "many";
  std::string s = r.commands[0].tool;
  for (const Token& a : r.commands[0].args) s += " " + a.text;
  return s;
}

}  // namespace

TEST_SUITE("scripts") {
  TEST_CASE("scripts: init and privilege wrappers hand the tool on") {
    const std::string want = "kafka-topics.sh --list";
    CHECK(one("tini -- kafka-topics.sh --list") == want);
    CHECK(one("/sbin/tini -s -g -- kafka-topics.sh --list") == want);
    CHECK(one("tini -p SIGTERM -- kafka-topics.sh --list") == want);
    CHECK(one("dumb-init kafka-topics.sh --list") == want);
    CHECK(one("dumb-init --single-child -- kafka-topics.sh --list") == want);
    CHECK(one("dumb-init -r 15:2 kafka-topics.sh --list") == want);
    CHECK(one("gosu kafka kafka-topics.sh --list") == want);
    CHECK(one("gosu kafka:kafka /opt/kafka/bin/kafka-topics.sh --list") == want);
    CHECK(one("su-exec kafka kafka-topics.sh --list") == want);
    CHECK(one("runuser -u kafka -- kafka-topics.sh --list") == want);
    CHECK(one("runuser -l kafka -c 'kafka-topics.sh --list'") == want);
    CHECK(one("su -c 'kafka-topics.sh --list' kafka") == want);
    CHECK(one("su - kafka -c \"kafka-topics.sh --list\"") == want);
    CHECK(one("sudo -u kafka kafka-topics.sh --list") == want);
    CHECK(one("sudo -E -u kafka kafka-topics.sh --list") == want);
    CHECK(one("timeout 30 kafka-topics.sh --list") == want);
    CHECK(one("timeout -s KILL 30s kafka-topics.sh --list") == want);
    CHECK(one("nohup kafka-topics.sh --list &") == want);
    CHECK(one("env A=B KAFKA_HEAP_OPTS=-Xmx1g kafka-topics.sh --list") == want);
    CHECK(one("env -i PATH=/bin kafka-topics.sh --list") == want);
    CHECK(one("exec gosu kafka tini -- kafka-topics.sh --list") == want);
    // Nothing runs: the wrapper alone, or a user name only.
    CHECK(one("gosu kafka") == "");
    CHECK(one("su-exec kafka-user id") == "");
  }

  TEST_CASE("scripts: container and cluster wrappers hand the tool on") {
    const std::string want = "kafka-topics.sh --list";
    CHECK(one("oc exec kafka-0 -- kafka-topics.sh --list") == want);
    CHECK(one("oc exec -n kafka -c kafka kafka-0 -- bin/kafka-topics.sh --list") == want);
    CHECK(one("oc rsh kafka-0 kafka-topics.sh --list") == want);
    CHECK(one("oc rsh -c kafka kafka-0 kafka-topics.sh --list") == want);
    CHECK(one("oc -n kafka rsh kafka-0 kafka-topics.sh --list") == want);
    CHECK(one("oc -n kafka exec kafka-0 kafka-topics.sh --list") == want);
    CHECK(one("kubectl exec kafka-0 kafka-topics.sh --list") == want);
    CHECK(one("kubectl exec -it kafka-0 -- kafka-topics.sh --list") == want);
    CHECK(one("kubectl -n kafka exec -ti kafka-0 -c kafka -- kafka-topics.sh --list") == want);
    CHECK(one("docker exec kafka kafka-topics.sh --list") == want);
    CHECK(one("docker exec -it -u root -e A=B kafka kafka-topics.sh --list") == want);
    CHECK(one("docker exec -it kafka /opt/bitnami/kafka/bin/kafka-topics.sh --list") ==
          "kafka-topics.sh --list");
    CHECK(one("docker compose exec kafka kafka-topics.sh --list") == want);
    CHECK(one("docker compose -f c.yml exec -T kafka kafka-topics.sh --list") == want);
    CHECK(one("docker-compose exec kafka kafka-topics.sh --list") == want);
    CHECK(one("podman exec -it kafka kafka-topics.sh --list") == want);
    // The pod alone opens a shell: nothing of Kafka runs on that line.
    CHECK(one("oc rsh kafka-0") == "");
    CHECK(one("oc get pods") == "");
  }

  TEST_CASE("scripts: real entrypoints start the broker through gosu and runuser -c") {
    // testdata/checks/inputs/wrappers-real (provenance in its MANIFEST.tsv).
    const std::string dir =
        kafkalint::test::source_dir() + "/testdata/checks/inputs/wrappers-real/";
    const std::string gosu = kafkalint::test::read(dir + "camptocamp-docker-entrypoint-kafka.sh");
    const ExtractResult g = extract("e.sh", gosu, FileKind::kShell);
    REQUIRE(g.commands.size() == 1);
    CHECK(g.commands[0].tool == "kafka-server-start.sh");
    CHECK(g.commands[0].args.size() == 1);
    const std::string runuser = kafkalint::test::read(dir + "evdobe-entrypoint.sh");
    const ExtractResult r = extract("e.sh", runuser, FileKind::kShell);
    REQUIRE(r.commands.size() == 1);
    CHECK(r.commands[0].tool == "kafka-server-start.sh");
    CHECK(r.commands[0].args.size() == 13);  // the properties file and six --override pairs
  }
}
