#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "properties/document.h"
#include "test_support.h"

using namespace kafkalint;

TEST_SUITE("cli_show_effective") {
  TEST_CASE("show --effective: the file's values, then the release's defaults, marked") {
    test::TempDir tmp;
    test::write(tmp.file("producer.properties"), "bootstrap.servers=k:9092\nlinger.ms=5\n");
    auto r28 =
        test::run_cli({"show", "--effective", "--to", "2.8", tmp.file("producer.properties")});
    auto r30 =
        test::run_cli({"show", "--effective", "--to", "3.0.1", tmp.file("producer.properties")});
    REQUIRE(r28.code == 0);
    REQUIRE(r30.code == 0);
    // The producer default of acks changed in 3.0 (KIP-679).
    CHECK(r28.out.find("\nacks=1\n") != std::string::npos);
    CHECK(r30.out.find("\nacks=all\n") != std::string::npos);
    CHECK(
        r30.out.rfind(
            "bootstrap.servers=k:9092\nlinger.ms=5\n# defaults of Kafka 3.0 for a producer config",
            0) == 0);
    // The text output is itself a properties file: the file's keys win, defaults fill in.
    auto parsed = properties::parse(r30.out, "out");
    REQUIRE(parsed.ok());
    CHECK(parsed.doc.value(*parsed.doc.find("linger.ms")) == "5");
    CHECK(parsed.doc.value(*parsed.doc.find("enable.idempotence")) == "true");
    CHECK(parsed.doc.find("group.id") == nullptr);  // a consumer key: not a producer default
  }

  TEST_CASE("show --effective --format json marks defaults and null defaults") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), "broker.id=7\nlog.retention.hours=24\n");
    auto r = test::run_cli(
        {"show", "--effective", "--to", "2.1", "--format", "json", tmp.file("server.properties")});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["broker.id"]["value"] == "7");
    CHECK(j["broker.id"]["default"] == false);
    CHECK(j["log.retention.hours"]["value"] == "24");
    CHECK(j["num.partitions"]["value"] == "1");
    CHECK(j["num.partitions"]["default"] == true);
    CHECK(j["log.message.format.version"]["value"] == "2.1-IV2");
    CHECK(j["broker.rack"]["value"].is_null());
    CHECK(j.count("zookeeper.connect") == 0);  // required: no default to show
  }

  TEST_CASE("show --effective: --role overrides the guess; usage errors exit 2") {
    test::TempDir tmp;
    test::write(tmp.file("app.properties"), "bootstrap.servers=k:9092\n");
    auto c = test::run_cli(
        {"show", "--effective", "--to", "3.9", "--role", "consumer", tmp.file("app.properties")});
    CHECK(c.out.find("\nauto.offset.reset=latest\n") != std::string::npos);
    CHECK(test::run_cli({"show", "--effective", tmp.file("app.properties")}).code == 2);
    CHECK(test::run_cli({"show", "--to", "3.9", tmp.file("app.properties")}).code == 2);
    auto bad = test::run_cli({"show", "--effective", "--to", "2.9", tmp.file("app.properties")});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("known versions:") != std::string::npos);
    CHECK(test::run_cli({"show", "--effective", "--to", "3.9", "--role", "zookeeper",
                         tmp.file("app.properties")})
              .code == 2);
  }
}
