// plan FOLDER reads the brokers' configs only: the client, ZooKeeper, Connect, Log4j files and
// the log directory's meta.properties that a config folder also holds are passed over with a
// note, so no phase edits them (a pin written into zookeeper.properties, a client file counted
// as a broker). Files named on the command line are read as given.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace kafkalint;

namespace {

const char* kBroker =
    "broker.id=1\nzookeeper.connect=zk:2181\nlisteners=PLAINTEXT://kafka-1:9092\n"
    "log.dirs=/data/kafka\n";

}  // namespace

TEST_SUITE("plan_folder_inputs") {
  TEST_CASE("a folder's non-broker files are noted and left out of the plan") {
    test::TempDir dir;
    test::write(dir.file("config/server.properties"), kBroker);
    test::write(dir.file("config/client.properties"),
                "bootstrap.servers=kafka-1:9092\nsecurity.protocol=SASL_SSL\n"
                "sasl.mechanism=PLAIN\n");
    test::write(dir.file("config/zookeeper.properties"), "dataDir=/data/zk\nclientPort=2181\n");
    test::write(dir.file("config/connect-distributed.properties"),
                "bootstrap.servers=kafka-1:9092\ngroup.id=connect\n"
                "key.converter=org.apache.kafka.connect.json.JsonConverter\n");
    test::write(dir.file("data/meta.properties"), "version=0\nbroker.id=1\ncluster.id=abc\n");
    const auto r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                   "' plan --from 3.6 --to 3.9 config data");
    CHECK(r.code < 2);  // 1: the plan lists findings of the broker file
    CHECK(r.out.find("1 broker\n  config/server.properties\n") != std::string::npos);
    for (const char* other : {"client.properties", "zookeeper.properties",
                              "connect-distributed.properties", "meta.properties"}) {
      INFO(other);
      CHECK(r.out.find(other) == std::string::npos);
      CHECK(r.err.find(std::string(other) + ": note: not read: ") != std::string::npos);
    }
  }

  TEST_CASE("a folder without a broker config is a usage error; a named file is read") {
    test::TempDir dir;
    test::write(dir.file("config/client.properties"),
                "bootstrap.servers=kafka-1:9092\nsecurity.protocol=SSL\n");
    const auto none = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                      "' plan --from 3.6 --to 3.9 config");
    CHECK(none.code == 2);
    CHECK(none.err.find("no broker config") != std::string::npos);
    test::write(dir.file("named/kafka.properties"), kBroker);
    const auto named = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                       "' plan --from 3.6 --to 3.9 named/kafka.properties");
    CHECK(named.code < 2);
    CHECK(named.out.find("named/kafka.properties") != std::string::npos);
  }
}
