// `kafkalint check` on the script corpus (shared/corpus/scripts): every file is checked with
// the release it was written for, must not crash, and must give exactly the findings that
// were verified by hand (none for the files that are correct for their release).

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

struct CorpusCase {
  const char* file;
  const char* to;  // the release line the file targets (MANIFEST apparent_kafka_version)
  std::vector<std::string> findings;  // "LINE:RULE", in file order
};

// --to per file, from MANIFEST.tsv's apparent_kafka_version:
// - a concrete Apache version: its line (2.4.1 -> 2.4, 0.10.2.1 -> 0.10.2);
// - Confluent Platform N (CP 7.3 = Kafka 3.3, CP 5.x = Kafka 2.0, the first 5.x): that Kafka;
// - a range: the release its image or role defaults to (wurstmeister 2.8.1 image, idealista
//   role default 4.1.0); "2.x" notes/scripts without an image tag: 2.8, the last 2.x line, so
//   that only what 2.x as a whole lacks is reported; uReplicator "0.10-2.x": 2.0, the line
//   its --zookeeper/--broker-list usage is current for.
const std::vector<CorpusCase> kCases = {
    {"amalaruja-mm1-entrypoint.sh", "2.4", {}},
    {"apache-kafka-1.1.0-docs-quickstart.html", "1.1", {}},
    {"ches-docker-README.md", "0.10.2", {}},
    // kafka-topics --zookeeper is deprecated from 2.2.
    {"ditofry-ssl-README.md", "2.3", {"11:KL705"}},
    {"ericmackay-benchmarking-README.md", "3.3", {}},
    {"escalopa-playground-Makefile", "3.2", {}},
    {"escalopa-playground-run_workaround.sh", "3.2", {}},
    {"helk-kafka-create-topics.sh", "2.4", {"22:KL705"}},
    {"idealista-ansible-kafka-acls-command.j2", "4.1", {}},
    // The delete and alter tasks still use --zookeeper and --force, both gone in 3.0.
    {"idealista-ansible-tasks-3.0-topics.yml",
     "4.1",
     {"38:KL704", "42:KL704", "105:KL704", "110:KL704"}},
    {"ih0rd-cp-kraft-Dockerfile", "3.5", {}},
    {"ih0rd-init_topics.sh", "3.5", {}},
    {"jangseokhan-cutover-to-kraft-39.sh", "3.9", {}},
    {"jangseokhan-migrate-to-kraft-39.sh", "3.9", {}},
    {"leshevi-ansible-sasl-setup.yml", "4.1", {}},
    // The old consumer's --zookeeper left kafka-console-consumer.sh in 2.0.
    {"markchristiansen-consumer_offsets.sh", "2.0", {"6:KL704"}},
    {"markchristiansen-modify_repls.sh", "2.0", {}},
    {"saliha-lab-kraft-migration-README.md", "3.9", {}},
    {"saliha-lab-start-kraft.sh", "3.9", {}},
    // --broker-list deprecated (2.5); ConsumerOffsetChecker gone since 1.0; '--bootstr' is a
    // truncated note that kafka-console-consumer.sh (no abbreviations since 0.11) rejects.
    {"skshukla-kafka_commands.txt",
     "2.8",
     {"35:KL705", "36:KL705", "74:KL706", "90:KL705", "98:KL701"}},
    // Six executed kafka-topics --zookeeper calls; the ones inside echo '...' are text.
    {"skshukla-run_kafka.sh",
     "2.8",
     {"20:KL705", "21:KL705", "22:KL705", "27:KL705", "28:KL705", "29:KL705"}},
    {"ureplicator-produce-dummyTopic.sh", "2.0", {}},
    {"wurstmeister-create-topics.sh", "2.8", {"48:KL705"}},
    {"wurstmeister-docker-compose-swarm.yml", "2.8", {}},
    {"yandexpraktikum-docker-compose-task2.yaml", "3.4", {}},
    {"yandexpraktikum-scripts_task1.sh", "3.4", {}},
    // --broker-list (2.5) and kafka-acls --authorizer-properties (3.1) are deprecated.
    {"yandexpraktikum-scripts_task2.sh", "3.4", {"35:KL705", "135:KL705"}},
    // The tool is replaced by kafka-leader-election.sh from 2.4; its --zookeeper deprecated.
    {"yolean-k8s-preferred-replica-election-job.yml", "2.4", {"14:KL707", "15:KL705"}},
    {"yolean-k8s-reassign-partitions-job.yml", "2.4", {}},
};

std::vector<std::string> finding_keys(const std::string& json_text) {
  std::vector<std::string> out;
  const nlohmann::json j = nlohmann::json::parse(json_text);
  for (const auto& f : j.at("findings"))
    out.push_back(std::to_string(f.at("line").get<int>()) + ":" + f.at("rule").get<std::string>());
  return out;
}

}  // namespace

TEST_SUITE("checks") {
  TEST_CASE("script corpus: exact findings per file at the release it targets") {
    const auto shared = test::shared_dir();
    if (!shared) {
      MESSAGE("shared corpus not available; skipped");
      return;
    }
    const fs::path dir = fs::path(*shared) / "corpus/scripts";
    REQUIRE(fs::is_directory(dir));
    // Every corpus file has a case, so a new file cannot go unchecked.
    std::set<std::string> listed;
    for (const CorpusCase& c : kCases) listed.insert(c.file);
    for (const auto& e : fs::directory_iterator(dir)) {
      INFO("file: ", e.path().filename().string());
      CHECK(listed.count(e.path().filename().string()) == 1);
    }
    for (const CorpusCase& c : kCases) {
      INFO("file: ", c.file, " --to ", c.to);
      const test::RunResult r =
          test::run_shell("cd '" + dir.string() + "' && '" + test::binary() + "' check --to " +
                          c.to + " --select KL7 --format json '" + c.file + "'");
      INFO("stderr: ", r.err);
      REQUIRE((r.code == 0 || r.code == 1));
      CHECK(r.err.empty());
      CHECK(finding_keys(r.out) == c.findings);
      CHECK(r.code == (c.findings.empty() ? 0 : 1));
    }
  }

  TEST_CASE("script corpus: without --to only typos of every release are reported") {
    const auto shared = test::shared_dir();
    if (!shared) return;
    const test::RunResult r =
        test::run_shell("cd '" + *shared + "/corpus/scripts' && '" + test::binary() +
                        "' check --select KL7 --format json .");
    REQUIRE(r.code == 1);
    // --zkconnect never was an option of the offset checker; '--bootstr' passes because the
    // console consumer accepted abbreviations up to 0.10.2.
    CHECK(finding_keys(r.out) == std::vector<std::string>{"74:KL701"});
    const nlohmann::json j = nlohmann::json::parse(r.out);
    CHECK(j.at("findings").at(0).at("file") == "skshukla-kafka_commands.txt");
  }

  TEST_CASE("check walks directories into scripts and checks files without commands") {
    test::TempDir tmp;
    test::write(tmp.file("bin/create.sh"),
                "#!/bin/sh\nkafka-topics.sh --bootstrap-server b:9092 --lst\n");
    test::write(tmp.file("deploy/entrypoint"),
                "#!/bin/bash\nexec kafka-topics --bootstrap-server b:9092 --lis\n");
    test::write(tmp.file("docs/notes.md"), "# Notes\n\nNothing about Kafka tools here.\n");
    test::write(tmp.file("LICENSE"), "Apache License\n");
    test::write(tmp.file(".kafkalint.toml"), "to = \"3.9\"\nbootstrap-server = \"b1:9092\"\n");
    test::write(tmp.file("ops/Makefile"),
                "topics:\n\tkafka-topics.sh --zookeeper zk:2181 --list\n");
    const test::RunResult r =
        test::run_shell("cd '" + tmp.path() + "' && NO_COLOR=1 '" + test::binary() +
                        "' check --select KL7 --format json");
    INFO(r.out, r.err);
    REQUIRE(r.code == 1);
    const nlohmann::json j = nlohmann::json::parse(r.out);
    std::vector<std::string> got;
    for (const auto& f : j.at("findings"))
      got.push_back(f.at("file").get<std::string>() + ":" +
                    std::to_string(f.at("line").get<int>()) + ":" +
                    f.at("rule").get<std::string>());
    CHECK(got == std::vector<std::string>{"bin/create.sh:2:KL701", "deploy/entrypoint:2:KL701",
                                          "ops/Makefile:2:KL704"});
    // The Markdown file is checked (clean), the licence is no script and is passed over.
    CHECK(j.at("summary").at("files_checked") == 4);
    // The bootstrap-server of .kafkalint.toml makes the --zookeeper fix safe.
    const test::RunResult fix = test::run_shell("cd '" + tmp.path() + "' && '" + test::binary() +
                                                "' check --select KL704 --fix");
    CHECK(fix.code == 0);
    CHECK(test::read(tmp.file("ops/Makefile")) ==
          "topics:\n\tkafka-topics.sh --bootstrap-server b1:9092 --list\n");
  }
}
