// A broker address that a fix pastes into a file ('--zookeeper zk:2181' -> '--bootstrap-server
// ADDR') is checked as HOST:PORT[,HOST:PORT...] and written so that the real reader of each
// context (bash, make, JSON, YAML, HTML, Markdown) hands the tool exactly that one argument.
// tests/hostile/read_back.py runs each fixed file through that reader with a stub tool.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_support.h"

using namespace kafkalint;

namespace {

struct Context {
  const char* name;  // file name, which picks kafkalint's reader
  const char* kind;  // read_back.py's reader
  std::string text;  // with '@' where the old ZooKeeper value goes
};

std::vector<Context> contexts() {
  return {
      {"run.sh", "shell", "#!/bin/sh\nkafka-topics.sh --zookeeper @ --list\n"},
      {"run.sh", "shell", "#!/bin/sh\nkafka-topics.sh --zookeeper=@ --list\n"},
      {"run.sh", "shell", "#!/bin/sh\nkafka-topics.sh --zookeeper \"@\" --list\n"},
      {"run.sh", "shell", "#!/bin/sh\nkafka-topics.sh --zookeeper '@' --list\n"},
      {"run.sh", "shell", "#!/bin/sh\nsh -c \"kafka-topics.sh --zookeeper @ --list\"\n"},
      {"run.sh", "shell", "#!/bin/sh\nsh -c 'kafka-topics.sh --zookeeper @ --list'\n"},
      {"Makefile", "make", "topics:\n\tkafka-topics.sh --zookeeper @ --list\n"},
      {"Dockerfile", "docker-exec",
       "FROM apache/kafka:3.9.0\nRUN [\"kafka-topics.sh\", \"--zookeeper\", \"@\", \"--list\"]\n"},
      {"Dockerfile", "docker-shell",
       "FROM apache/kafka:3.9.0\nRUN kafka-topics.sh --zookeeper @ --list\n"},
      {"pod.yaml", "yaml",
       "spec:\n  containers:\n    - name: t\n      command: [kafka-topics.sh, --zookeeper, @, "
       "--list]\n"},
      {"pod.yaml", "yaml",
       "spec:\n  containers:\n    - name: t\n      command: [\"kafka-topics.sh\", \"--zookeeper\", "
       "\"@\", "
       "\"--list\"]\n"},
      {"pod.yaml", "yaml",
       "spec:\n  containers:\n    - name: t\n      command:\n        - kafka-topics.sh\n"
       "        - --zookeeper\n        - @\n        - --list\n"},
      {"pod.yaml", "yaml",
       "spec:\n  containers:\n    - name: t\n      command: [\"sh\", \"-c\", \"kafka-topics.sh "
       "--zookeeper @ --list\"]\n"},
      {"pod.yaml", "yaml",
       "spec:\n  containers:\n    - name: t\n      command: ['sh', '-c', 'kafka-topics.sh "
       "--zookeeper @ --list']\n"},
      {"doc.html", "html",
       "<p>List them:</p>\n<pre><code>kafka-topics.sh --zookeeper @ --list</code></pre>\n"},
      {"README.md", "md", "# Topics\n\n```sh\nkafka-topics.sh --zookeeper @ --list\n```\n"},
      {"README.md", "md", "# Topics\n\nRun `kafka-topics.sh --zookeeper @ --list` to see them.\n"},
  };
}

std::string with(std::string text, const std::string& value) {
  const std::size_t at = text.find('@');
  return text.replace(at, 1, value);
}

// The arguments read_back.py sees, one per line; "exit N" when the reader refused the file.
std::string read_back(const Context& c, const std::string& file) {
  const test::RunResult r =
      test::run_shell("python3 '" + test::source_dir() + "/tests/hostile/read_back.py' " + c.kind +
                      " '" + file + "'");
  if (r.code != 0) return "exit " + std::to_string(r.code) + ": " + r.err;
  return r.out;
}

}  // namespace

TEST_SUITE("hostile_quoting") {
  TEST_CASE("a pasted broker address reaches the tool as one argument in every context") {
    for (const Context& c : contexts()) {
      const bool one_word = std::string(c.text).find("=@") != std::string::npos;
      {
        test::TempDir tmp;
        const std::string file = tmp.file(c.name);
        test::write(file, with(c.text, "zk:2181"));
        REQUIRE(read_back(c, file) ==
                (one_word ? "--zookeeper=zk:2181\n--list\n" : "--zookeeper\nzk:2181\n--list\n"));
      }
      // A list (',' splits a YAML flow sequence), and IPv6 ('[' globs in a shell).
      for (const std::string addr : {"b1:9092,b2:9093", "[::1]:9092,kafka-2.example.com:9093"}) {
        test::TempDir tmp;
        const std::string file = tmp.file(c.name);
        test::write(file, with(c.text, "zk:2181"));
        const test::RunResult r = test::run_cli({"check", "--to", "3.9", "--select", "KL704",
                                                 "--fix", "--bootstrap-server", addr, file});
        INFO(std::string(c.name), ": ", c.text, addr, "\n", r.out, r.err, test::read(file));
        CHECK(r.code == 0);
        CHECK(read_back(c, file) == (one_word ? "--bootstrap-server=" + addr + "\n--list\n"
                                              : "--bootstrap-server\n" + addr + "\n--list\n"));
      }
    }
  }

  TEST_CASE("the placeholder of an unsafe fix is one word too, and no markup in HTML") {
    for (const Context& c : contexts()) {
      test::TempDir tmp;
      const std::string file = tmp.file(c.name);
      test::write(file, with(c.text, "zk:2181"));
      const test::RunResult r = test::run_cli(
          {"check", "--to", "3.9", "--select", "KL704", "--fix", "--unsafe-fixes", file});
      INFO(std::string(c.name), ": ", c.text, "\n", r.out, r.err, test::read(file));
      const bool one_word = std::string(c.text).find("=@") != std::string::npos;
      CHECK(read_back(c, file) == (one_word ? "--bootstrap-server=<broker-host:9092>\n--list\n"
                                            : "--bootstrap-server\n<broker-host:9092>\n--list\n"));
    }
  }

  TEST_CASE("a hostile address is refused before any file is touched") {
    const std::vector<std::string> hostile = {"b1:9092' ; touch x ; echo '",
                                              "$(id):9092",
                                              "`id`:9092",
                                              "b1:9092\"; touch x; \"",
                                              "b1:9092\nRUN touch x",
                                              "b1:9092 --list",
                                              "${BROKERS}",
                                              "{{ brokers }}",
                                              "b1",
                                              "b1:90922",
                                              "b1:0",
                                              "[fe80::1%eth0]:9092",
                                              "b1:9092,",
                                              "&lt;b&gt;:9092"};
    const std::vector<Context> all = contexts();
    // The refusal comes before any file is read, so every value in one context, and two
    // values in every context.
    for (std::size_t i = 0; i < hostile.size(); ++i)
      for (std::size_t j = 0; j < all.size(); ++j) {
        if (i >= 2 && j > 0) continue;
        const Context& c = all[j];
        test::TempDir tmp;
        const std::string file = tmp.file(c.name);
        const std::string text = with(c.text, "zk:2181");
        test::write(file, text);
        const test::RunResult r = test::run_cli({"check", "--to", "3.9", "--select", "KL704",
                                                 "--fix", "--bootstrap-server", hostile[i], file});
        INFO(std::string(c.name), ": ", hostile[i], "\n", r.out, r.err);
        CHECK(r.code == 2);
        CHECK(r.err.find("is not HOST:PORT[,HOST:PORT...]") != std::string::npos);
        CHECK(test::read(file) == text);
      }
  }

  TEST_CASE("an address from .kafkalint.toml is held to the same rule") {
    test::TempDir tmp;
    const std::string text = "#!/bin/sh\nkafka-topics.sh --zookeeper zk:2181 --list\n";
    test::write(tmp.file("run.sh"), text);
    test::write(tmp.file(".kafkalint.toml"),
                "to = \"3.9\"\nbootstrap-server = \"b1:9092' ; touch x ; echo '\"\n");
    const test::RunResult r = test::run_shell("cd '" + tmp.path() + "' && '" + test::binary() +
                                              "' check --select KL704 --fix run.sh");
    CHECK(r.code == 2);
    CHECK(r.err.find("(from .kafkalint.toml) is not HOST:PORT") != std::string::npos);
    CHECK(test::read(tmp.file("run.sh")) == text);
  }
}
