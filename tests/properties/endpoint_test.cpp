// Where the admin tools of a plan or a diff reach a node: properties::client_endpoint.

#include "properties/endpoint.h"

#include <doctest/doctest.h>

#include "properties/document.h"

using namespace kafkalint::properties;

namespace {

Endpoint of(const std::string& text) { return client_endpoint(parse(text, "t").doc); }

}  // namespace

TEST_SUITE("properties") {
  TEST_CASE("endpoint: advertised listener first, controller listeners skipped, map applied") {
    const Endpoint e =
        of("listeners=CLIENT://0.0.0.0:9094,REPL://k1:9095\n"
           "advertised.listeners=CLIENT://k1.corp:9094\n"
           "listener.security.protocol.map=CLIENT:SASL_SSL,REPL:SSL\n");
    CHECK(e.address == "k1.corp:9094");
    CHECK(e.protocol == "SASL_SSL");
    CHECK_FALSE(e.plaintext());
    CHECK(of("listeners=PLAINTEXT://:9092\n").address == "localhost:9092");
    CHECK(of("port=9093\nhost.name=k2\n").address == "k2:9093");
  }

  TEST_CASE("endpoint: a KRaft controller without the map is PLAINTEXT, as Kafka maps it") {
    const std::string controller =
        "process.roles=controller\nnode.id=1\ncontroller.listener.names=CONTROLLER\n"
        "listeners=CONTROLLER://ctl-1:9093\n";
    CHECK(of(controller).address == "ctl-1:9093");
    CHECK(of(controller).plaintext());
    // An SSL or SASL listener name in use: Kafka adds no default mapping.
    CHECK_FALSE(of("process.roles=broker,controller\ncontroller.listener.names=CONTROLLER\n"
                   "listeners=SSL://k:9092,CONTROLLER://k:9093\n"
                   "advertised.listeners=CONTROLLER://k:9093\n")
                    .plaintext());
    // A ZooKeeper broker never gets the default mapping.
    CHECK_FALSE(
        of("controller.listener.names=CONTROLLER\nlisteners=CONTROLLER://k:9093\n").plaintext());
    // An explicit map is taken as it is.
    CHECK_FALSE(of(controller + "listener.security.protocol.map=CONTROLLER:SSL\n").plaintext());
  }
}
