// Compose env files: NAME=VALUE lines read as Compose reads them, decoded with the image of the
// service that names them in env_file:, and only for services that run the broker.

#include <doctest/doctest.h>

#include <string>

#include "scripts/carriers.h"

using namespace kafkalint::scripts;

TEST_SUITE("scripts") {
  TEST_CASE("scripts: an env file of a Compose service is that service's environment") {
    const std::string env =
        "# comment\n"
        "KAFKA_NUM_PARTITIONS=3\n"
        "  export KAFKA_LOG_RETENTION_HOURS=168   # a week\n"
        "KAFKA_ADVERTISED_LISTENERS=\"PLAINTEXT://a b:9092\"\n"
        "KAFKA_HEAP_OPTS=-Xmx1g\n"
        "KAFKA_BROKER_ID\n"
        "=orphan\n";
    const Carrier c =
        env_file_carrier(env, ComposeEnvFile{"kafka.env", "kafka", "apache/kafka:3.9.0", true});
    REQUIRE(c.entries.size() == 3);
    CHECK(c.release == "3.9");
    CHECK(c.entries[0].key == "num.partitions");
    CHECK(c.entries[0].value == "3");
    CHECK(c.entries[0].value_literal);
    CHECK(env.substr(c.entries[0].key_begin, c.entries[0].key_end - c.entries[0].key_begin) ==
          "KAFKA_NUM_PARTITIONS");
    CHECK(c.entries[1].key == "log.retention.hours");
    CHECK(c.entries[1].value == "168");
    CHECK(c.entries[1].key_line == 3);
    CHECK(env.substr(c.entries[1].value_begin, c.entries[1].value_end - c.entries[1].value_begin) ==
          "168");
    CHECK(c.entries[2].value == "PLAINTEXT://a b:9092");
    CHECK_FALSE(c.entries[2].value_literal);
    // Bitnami's names under its own convention; another program's environment is no broker's.
    CHECK(env_file_carrier("KAFKA_CFG_NUM_PARTITIONS=3\n",
                           ComposeEnvFile{"e", "k", "bitnami/kafka:3.9", true})
              .entries.size() == 1);
    CHECK(env_file_carrier(env, ComposeEnvFile{"e", "k", "apache/kafka:3.9.0", false})
              .entries.empty());
    CHECK(env_file_carrier(env, ComposeEnvFile{"e", "k", "postgres:16", true}).entries.empty());
  }

  TEST_CASE("scripts: Compose services name their env files and say what they run") {
    const std::string compose =
        "services:\n"
        "  kafka:\n"
        "    image: confluentinc/cp-kafka:7.6.1\n"
        "    env_file: [kafka.env, {path: ./extra.env, required: false}]\n"
        "  init:\n"
        "    image: confluentinc/cp-kafka:7.6.1\n"
        "    env_file: init.env\n"
        "    command: kafka-topics --bootstrap-server kafka:9092 --list\n";
    const auto uses = compose_env_files(parse_yaml(compose));
    REQUIRE(uses.size() == 3);
    CHECK(uses[0].path == "kafka.env");
    CHECK(uses[1].path == "./extra.env");
    CHECK(uses[0].broker);
    CHECK(uses[0].single_node);  // init runs a tool: one broker in the file
    CHECK(uses[2].service == "init");
    CHECK_FALSE(uses[2].broker);
  }

  TEST_CASE("scripts: Compose interpolation follows Compose's rules") {
    const DotEnv env = read_dotenv("A=1\nEMPTY=\n# c\nQ=\"x y\"\nA=2\n");
    REQUIRE(env.vars.size() == 3);
    CHECK(env.vars.at("A").value == "2");  // a later line overrides
    CHECK(env.vars.at("A").line == 5);
    CHECK(env.vars.at("Q").value == "x y");
    const auto run = [&](std::string_view v) { return compose_interpolate(v, env); };
    CHECK(run("${A}").text == "2");
    CHECK(run("$A-x").text == "2-x");
    CHECK(run("pre${Q}post").text == "prex ypost");
    CHECK(run("$$A").text == "$A");
    CHECK(run("$${A}").text == "${A}");
    CHECK_FALSE(run("plain").changed);
    // ':-' takes the default for unset and empty, '-' only for unset.
    CHECK(run("${EMPTY:-d}").text == "d");
    CHECK(run("${EMPTY-d}").text.empty());
    CHECK(run("${NOPE-d}").text == "d");
    CHECK(run("${A:-d}").text == "2");
    // ':+' / '+' replace a set variable.
    CHECK(run("${A:+alt}").text == "alt");
    CHECK(run("${EMPTY:+alt}").text.empty());
    CHECK(run("${EMPTY+alt}").text == "alt");
    // An unset variable without a default stays a placeholder.
    const Interpolation u = run("PLAINTEXT://$HOST:9092");
    CHECK_FALSE(u.resolved);
    CHECK(u.text == "PLAINTEXT://${HOST}:9092");
    CHECK_FALSE(run("${NOPE:?must be set}").resolved);
    // Where a default used as the whole value sits, and where values came from.
    const Interpolation d = run("${NOPE:-abc}");
    CHECK(d.default_at == 8);
    CHECK(d.default_len == 3);
    CHECK(run("x${NOPE:-abc}").default_at == std::string::npos);
    CHECK(run("${A}").note == "A=2 from .env line 5");
    CHECK(run("${NOPE:-${A}}").text == "2");
  }

  TEST_CASE("scripts: a .env value names the variables set above it, unless single-quoted") {
    // As in JrMarcco/middleware-docker's kafka/.env (golden compose-dotenv-bitnami-real).
    const DotEnv env = read_dotenv(
        "HOST_1=172.25.3.142\nPORT_1=19092\nLISTENER_1=${HOST_1}:${PORT_1}\n"
        "QUOTED=\"${HOST_1}\"\nLITERAL='${HOST_1}'\nLATER=${AFTER}\nAFTER=1\n");
    CHECK(env.vars.at("LISTENER_1").value == "172.25.3.142:19092");
    CHECK(env.vars.at("QUOTED").value == "172.25.3.142");
    CHECK(env.vars.at("LITERAL").value == "${HOST_1}");
    // A variable set only below (or nowhere) leaves the value as written.
    CHECK(env.vars.at("LATER").value == "${AFTER}");
    const Interpolation in = compose_interpolate("PLAINTEXT://${LISTENER_1}", env);
    CHECK(in.text == "PLAINTEXT://172.25.3.142:19092");
    CHECK(in.note == "LISTENER_1=172.25.3.142:19092 from .env line 3");
  }
}
