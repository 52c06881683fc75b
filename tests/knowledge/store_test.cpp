// How the commands load the packs: each reads only what it needs, a release without a pack is
// not an error, and a broken --rules overlay is a located error with exit 2.

#include <doctest/doctest.h>

#include <string>

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

}  // namespace

TEST_SUITE("knowledge_store") {
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
