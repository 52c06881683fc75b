// Secrets never reach the output (issue 16 point 3): password values, JAAS configs and keys
// whose names say password/secret/token/credentials, seeded into brokers, clients, a runbook
// and a template, must not appear in anything any command prints or writes as a report, in any
// format; --show-secrets brings them back; files written for Kafka keep them.
#include "core/secrets.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

const std::vector<std::string> kSecrets = {"Kst0re-Pw!",   "Tru5t-Pw#", "J4as-Admin-Pw",
                                           "AliceS3cret",  "Typo3dPw",  "Enc0der-Secret",
                                           "Tok3n-Master", "Cl1ent-Pw"};

void seed(const test::TempDir& dir) {
  for (int i = 1; i <= 2; ++i)
    test::write(dir.file("brokers/server-" + std::to_string(i) + ".properties"),
                "broker.id=" + std::to_string(i) +
                    "\n"
                    "zookeeper.connect=zk-1:2181/kafka\n"
                    "listeners=SASL_SSL://kafka-" +
                    std::to_string(i) +
                    ":9093\n"
                    "security.inter.broker.protocol=SASL_SSL\n"
                    "sasl.mechanism.inter.broker.protocol=PLAIN\n"
                    "sasl.enabled.mechanisms=PLAIN\n"
                    "ssl.keystore.location=/etc/kafka/ks.jks\n"
                    "ssl.keystore.password=Kst0re-Pw!\n"
                    "ssl.keystore.password=Kst0re-Pw!\n"
                    "ssl.truststore.password=Tru5t-Pw#\n"
                    "ssl.key.pasword=Typo3dPw\n"
                    "password.encoder.secret=Enc0der-Secret\n"
                    "delegation.token.master.key=Tok3n-Master\n"
                    "listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common."
                    "security.plain.PlainLoginModule required \\\n"
                    "    username=\"admin\" \\\n"
                    "    password=\"J4as-Admin-Pw\" \\\n"
                    "    user_alice=\"AliceS3cret\";\n"
                    "log.dirs=/data/kafka\n");
  test::write(
      dir.file("client.properties"),
      "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nssl.truststore.password=Tru5t-Pw#\n"
      "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
      "username=\"client\" password=\"Cl1ent-Pw\";\nbootstrap.servers=kafka-1:9093\n"
      "acks=1\n");
  test::write(dir.file("runbook.md"),
              "# Rotate the keystore\n\nIn server.properties:\n\n```properties\n"
              "ssl.keystore.password=Kst0re-Pw!\nssl.keystore.pasword=Typo3dPw\n```\n");
}

void expect_clean(const std::string& what, const std::string& text) {
  for (const std::string& s : kSecrets) {
    INFO(what << " leaks " << s);
    CHECK(text.find(s) == std::string::npos);
  }
}

}  // namespace

TEST_SUITE("hostile_secrets") {
  TEST_CASE("no command prints a secret in any format; --show-secrets does") {
    test::TempDir dir;
    seed(dir);
    const std::string cd = "cd '" + dir.path() + "' && '" + test::binary() + "' ";
    const std::string files = " brokers/server-1.properties brokers/server-2.properties";
    std::vector<std::string> commands;
    for (const char* f :
         {"text", "json", "sarif", "github", "concise", "gitlab", "junit", "checkstyle"})
      commands.push_back("check --from 2.8 --to 3.9 --format " + std::string(f) +
                         " brokers client.properties runbook.md");
    commands.push_back("check --to 3.9 --diff brokers runbook.md");
    commands.push_back("check --to 3.9 --output-file report.json --format json brokers");
    commands.push_back("check --to 3.9 --write-baseline baseline.json brokers");
    commands.push_back("diff brokers/server-1.properties client.properties");
    commands.push_back("diff --from 2.8 --to 3.9 --format json" + files);
    commands.push_back("show brokers/server-1.properties");
    commands.push_back("show --format json client.properties");
    commands.push_back("edit brokers/server-1.properties --set num.io.threads=16 --diff");
    for (const char* f : {"text", "json", "markdown"})
      commands.push_back("plan --from 2.8 --to 3.9 --format " + std::string(f) + files);
    commands.push_back("plan --from 2.8 --to 3.9 --out out" + files);
    commands.push_back(
        "plan --from 3.9 --to 4.0 --controllers 3000@c1:9093,3001@c2:9093,"
        "3002@c3:9093 --format json" +
        files);
    for (const std::string& c : commands) {
      const test::RunResult r = test::run_shell(cd + c);
      expect_clean(c, r.out + r.err);
    }
    for (const char* written : {"report.json", "baseline.json", "out/plan.json", "out/plan.md"})
      if (fs::exists(dir.file(written))) expect_clean(written, test::read(dir.file(written)));
    // The phase files are the cluster's own configs: they keep every secret.
    CHECK(test::read(dir.file("out/phase-1/brokers/server-1.properties")).find("Kst0re-Pw!") !=
          std::string::npos);
    // edit without --diff prints the file itself, for redirecting into a config.
    CHECK(test::run_shell(cd + "edit brokers/server-1.properties --set num.io.threads=16")
              .out.find("J4as-Admin-Pw") != std::string::npos);
    // Opting in.
    CHECK(test::run_shell(cd + "check --to 3.9 --show-secrets brokers").out.find("Kst0re-Pw!") !=
          std::string::npos);
  }

  TEST_CASE("a secret is hidden as a whole word, not inside another word") {
    // The corpus has a client whose passwords are "confluent" beside Compose files that run
    // confluentinc/cp-kafka: the image name is not the password.
    core::SecretRegistry r;
    r.note("ssl.key.password", "confluent");
    r.note("sasl.jaas.config", "x password=\"p@ss-w0rd\";");
    r.add("p@ss-w0rd");
    CHECK(r.scrub("ssl.key.password=confluent") == "ssl.key.password=[hidden]");
    CHECK(r.scrub("'confluent' is weak; image confluentinc/cp-kafka:7.4.4") ==
          "'[hidden]' is weak; image confluentinc/cp-kafka:7.4.4");
    CHECK(r.scrub("userconfluent") == "userconfluent");
    CHECK(r.scrub("password=\"p@ss-w0rd\"") == "password=\"[hidden]\"");
    CHECK(r.scrub("confluent") == "[hidden]");
    // A secret that is also a word of a config key: the key stays readable, the value does not
    // (cp-ansible's samples set ssl.truststore.password: password and ldap.* keys beside it).
    r.add("password");
    CHECK(r.scrub("unknown key 'ldap.ssl.truststore.password'") ==
          "unknown key 'ldap.ssl.truststore.password'");
    CHECK(r.scrub("ssl.truststore.password=password") == "ssl.truststore.password=[hidden]");
    CHECK(r.scrub("'confluent.license' is set; password: confluent.") ==
          "'confluent.license' is set; [hidden]: [hidden].");
    // A path's segment is the file's name, not the value (e271828182/picture keeps its canal
    // configs in docker/canal/conf and sets canal.instance.tsdb.dbPassword = canal).
    r.add("canal");
    CHECK(r.scrub("docker/canal/conf/canal.properties: note: value canal") ==
          "docker/canal/conf/canal.properties: note: value [hidden]");
    CHECK(r.scrub("canal/x /canal/ =canal") == "canal/x /[hidden]/ =[hidden]");
    // A JAAS file's login-module line read as 'key value' is no JAAS config: its 'required'
    // is not a secret (it blanked 'KL302 required-key-missing' in cp-ansible's tree).
    CHECK(core::secret_key("listener.name.sasl_ssl.plain.sasl.jaas.config"));
    CHECK(core::secret_key("sasl.jaas.conifg"));
    CHECK_FALSE(core::secret_key("org.eclipse.jetty.jaas.spi.PropertyFileLoginModule"));
    CHECK(core::secret_key("kafka_sasl_jaas_config"));
    CHECK(core::secret_key("sasl.jaas.conf"));
    // Keys that name JAAS but hold no JAAS config (a ZooKeeper sample of Kafka's own tree,
    // Khaoula036/KafkaProject, set jaasServerName=zookeeper, and every 'zookeeper' of the
    // report, rule names included, read [hidden]; a Spring file beside it set
    // spring.kafka.jaas.enable = true).
    CHECK_FALSE(core::secret_key("jaasServerName"));
    CHECK_FALSE(core::secret_key("jaasRealm"));
    CHECK_FALSE(core::secret_key("spring.kafka.jaas.enable"));
    CHECK_FALSE(core::secret_key("spring.kafka.jaas.control-flag"));
    CHECK(core::secret_key("spring.kafka.jaas.options.password"));
    // A boolean is never recorded, whatever its key says.
    core::SecretRegistry b;
    b.note("ssl.secret.enabled", "true");
    b.note("sasl.jaas.config", "False");
    CHECK(b.scrub("auto.create.topics.enable=true, False") ==
          "auto.create.topics.enable=true, False");
  }

  // The registry scrubs a line in one pass over it, whatever the number of secrets. Its result
  // must be what replacing one secret at a time gave (longest first, then in the order
  // recorded, each left to right, whole words only), written out here as the reference.
  TEST_CASE("many secrets, nested and overlapping, are hidden as one at a time would") {
    auto word = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    auto one_at_a_time = [&](std::vector<std::string> values, std::string out) {
      std::stable_sort(
          values.begin(), values.end(),
          [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      for (const std::string& v : values) {
        std::size_t p = 0;
        while ((p = out.find(v, p)) != std::string::npos) {
          const std::size_t end = p + v.size();
          // Whole words only, and not a word of a dotted name ('a.word', 'word.b') or a
          // segment of a path ('a/word', 'word/b').
          auto joined = [&](char c) {
            return (p >= 2 && out[p - 1] == c && word(out[p - 2])) ||
                   (end + 1 < out.size() && out[end] == c && word(out[end + 1]));
          };
          if ((p > 0 && word(v.front()) && word(out[p - 1])) ||
              (end < out.size() && word(v.back()) && word(out[end])) || joined('.') ||
              joined('/')) {
            ++p;
            continue;
          }
          out.replace(p, v.size(), core::kHidden);
          p += core::kHidden.size();
        }
      }
      return out;
    };
    // A small alphabet makes secrets nest and overlap; none of its letters is in "[hidden]",
    // so the reference cannot find a secret inside a replacement.
    std::mt19937 rng(16);
    const std::string alphabet = "abc-./ 01";
    auto random_text = [&](std::size_t len) {
      std::string t;
      for (std::size_t i = 0; i < len; ++i) t += alphabet[rng() % alphabet.size()];
      return t;
    };
    core::SecretRegistry r;
    std::vector<std::string> values;
    for (int i = 0; i < 3000; ++i) {
      std::string v = random_text(4 + rng() % 6);
      if (v.find_first_not_of(' ') != 0 || v.back() == ' ') continue;  // add() trims blanks
      if (std::all_of(v.begin(), v.end(), [](char c) { return c == '0' || c == '1'; })) continue;
      if (std::find(values.begin(), values.end(), v) != values.end()) continue;
      r.add(v);
      values.push_back(v);
    }
    REQUIRE(values.size() > 1000);
    int hidden = 0;
    for (int line = 0; line < 300; ++line) {
      const std::string text = random_text(1 + rng() % 120);
      const std::string got = r.scrub(text);
      CHECK(got == one_at_a_time(values, text));
      if (got != text) ++hidden;
    }
    CHECK(hidden > 100);  // the comparison above is not only of untouched lines
    // A file of 20,000 password keys: each value hidden, each key kept.
    test::TempDir dir;
    std::string file;
    for (int i = 0; i < 20000; ++i)
      file += "app." + std::to_string(i) + ".ssl.key.password=Sec" + std::to_string(i) + "ret-" +
              std::to_string(i * 7) + "\n";
    test::write(dir.file("many.properties"), file);
    const std::string shown =
        test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' show many.properties")
            .out;
    CHECK(shown.find("Sec") == std::string::npos);
    std::size_t n = 0;
    for (std::size_t p = 0;
         (p = shown.find(".ssl.key.password=[hidden]\n", p)) != std::string::npos; ++p)
      ++n;
    CHECK(n == 20000);
  }
}
