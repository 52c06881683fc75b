#include "scripts/extract.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>

#include "test_support.h"

using namespace kafkalint::scripts;
namespace fs = std::filesystem;

namespace {

std::string escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\r')
      out += "\\r";
    else if (static_cast<unsigned char>(c) < 0x20)
      out += "\\x" + std::to_string(static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out;
}

std::string pos(int line, int column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

std::string token_line(const Token& t) {
  std::string s = pos(t.line, t.column) + " " + escape(t.text);
  if (t.raw != t.text) s += "  <- " + escape(t.raw);
  if (t.opaque) s += "  ~opaque";
  return s;
}

// The golden format: one command per block, each argument with its own position.
std::string render(FileKind kind, const ExtractResult& r) {
  std::string out = std::string("# kind: ") + kind_name(kind) + "\n";
  for (const CommandLine& c : r.commands) {
    out += pos(c.line, c.column) + " " + c.tool + "  (" + escape(c.invoked_as) + ")\n";
    for (const Token& a : c.args) out += "  " + token_line(a) + "\n";
  }
  for (const Comment& c : r.comments)
    out += "comment " + pos(c.line, c.column) + " " + escape(c.text) + "\n";
  for (const auto& w : r.warnings)
    out += "warning " + pos(w.where.line, w.where.column) + " " + w.message + "\n";
  return out;
}

ExtractResult run(std::string_view name, std::string_view text) {
  return extract(name, text, detect_kind(name, text));
}

std::vector<std::string> tools(const ExtractResult& r) {
  std::vector<std::string> t;
  for (const auto& c : r.commands) t.push_back(c.tool);
  return t;
}

std::vector<std::string> args(const CommandLine& c) {
  std::vector<std::string> a;
  for (const auto& t : c.args) a.push_back(t.text);
  return a;
}

// Every position the extractor reports must point at the bytes it claims.
void check_positions(std::string_view content, const ExtractResult& r) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < content.size(); ++i)
    if (content[i] == '\n') starts.push_back(i + 1);
  auto check = [&](const Token& t) {
    REQUIRE(t.offset <= content.size());
    REQUIRE(t.length <= content.size() - t.offset);
    CHECK(t.raw == content.substr(t.offset, t.length));
    const auto it = std::upper_bound(starts.begin(), starts.end(), t.offset);
    CHECK(t.line == static_cast<int>(it - starts.begin()));
    CHECK(t.column == static_cast<int>(t.offset - *(it - 1)) + 1);
  };
  for (const auto& c : r.commands) {
    check(c.program);
    CHECK(c.line == c.program.line);
    CHECK(c.column == c.program.column);
    for (const auto& a : c.args) check(a);
  }
}

}  // namespace

TEST_SUITE("scripts") {
  TEST_CASE("scripts: golden extractions, one file per construct") {
    const fs::path dir = fs::path(kafkalint::test::source_dir()) / "testdata/scripts/golden";
    const bool update = std::getenv("KAFKALINT_UPDATE_GOLDEN") != nullptr;
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const fs::path input = entry.path();
      if (input.extension() == ".golden") continue;
      ++cases;
      INFO(input.string());
      const std::string content = kafkalint::test::read(input.string());
      const std::string name = input.filename().string();
      const FileKind kind = detect_kind(name, content);
      const ExtractResult r = extract(name, content, kind);
      check_positions(content, r);
      const std::string got = render(kind, r);
      const std::string golden = input.string() + ".golden";
      if (update) {
        kafkalint::test::write(golden, got);
      } else {
        REQUIRE_MESSAGE(fs::exists(golden), "missing golden; rerun with KAFKALINT_UPDATE_GOLDEN=1");
        CHECK(got == kafkalint::test::read(golden));
      }
    }
    CHECK(cases >= 15);
  }

  TEST_CASE("scripts: file kinds come from the name, then the content") {
    CHECK(detect_kind("a/b/create-topics.sh", "") == FileKind::kShell);
    CHECK(detect_kind("x.bash", "") == FileKind::kShell);
    CHECK(detect_kind("scripts/Create-Topics.PS1", "") == FileKind::kPowerShell);
    CHECK(detect_kind("entrypoint", "#!/usr/bin/env bash\nkafka-topics.sh\n") == FileKind::kShell);
    CHECK(detect_kind("entrypoint", "#!/bin/sh -e\n") == FileKind::kShell);
    CHECK(detect_kind("tool", "#!/usr/bin/python3\n") == FileKind::kUnknown);
    CHECK(detect_kind("Dockerfile", "") == FileKind::kDockerfile);
    CHECK(detect_kind("Dockerfile.prod", "") == FileKind::kDockerfile);
    CHECK(detect_kind("broker-Dockerfile", "") == FileKind::kDockerfile);
    CHECK(detect_kind("image", "# comment\nFROM alpine\n") == FileKind::kDockerfile);
    CHECK(detect_kind("Makefile", "") == FileKind::kMakefile);
    CHECK(detect_kind("rules.mk", "") == FileKind::kMakefile);
    CHECK(detect_kind("docker-compose.yml", "") == FileKind::kYaml);
    CHECK(detect_kind("job.yaml", "") == FileKind::kYaml);
    CHECK(detect_kind("manifest", "apiVersion: v1\n") == FileKind::kYaml);
    CHECK(detect_kind("README.md", "") == FileKind::kMarkdown);
    CHECK(detect_kind("guide.adoc", "") == FileKind::kAsciiDoc);
    CHECK(detect_kind("quickstart.HTML", "") == FileKind::kHtml);
    CHECK(detect_kind("notes.txt", "") == FileKind::kText);
    CHECK(detect_kind("tasks.yml.j2", "") == FileKind::kYaml);
    CHECK(detect_kind("run.sh.j2", "") == FileKind::kShell);
    CHECK(detect_kind("kafka-acls-command.j2", "{{ x }}/bin/kafka-acls.sh") == FileKind::kShell);
    CHECK(detect_kind("server.properties", "broker.id=1\n") == FileKind::kUnknown);
    CHECK(detect_kind("server.properties.j2", "broker.id={{ id }}\n") == FileKind::kUnknown);
    CHECK(detect_kind("LICENSE", "Apache License\n") == FileKind::kUnknown);
    CHECK(std::string(kind_name(FileKind::kAsciiDoc)) == "asciidoc");
  }

  TEST_CASE("scripts: tool names are normalised to the script in Kafka's bin/") {
    CHECK(kafka_tool_name("kafka-topics") == "kafka-topics.sh");
    // Lone punctuation words (found by the scripts fuzzer: it read before the string).
    for (const char* mark : {".", ",", ";", ",.", "..", ".;", "bin/."})
      CHECK(kafka_tool_name(mark).empty());
    CHECK(kafka_tool_name("kafka-topics.sh.") == "kafka-topics.sh");
    CHECK(kafka_tool_name("bin/kafka-topics.sh") == "kafka-topics.sh");
    CHECK(kafka_tool_name("${KAFKA_HOME}/bin/kafka-acls.sh") == "kafka-acls.sh");
    CHECK(kafka_tool_name("bin/windows/kafka-topics.bat") == "kafka-topics.sh");
    CHECK(kafka_tool_name("zookeeper-shell.sh") == "zookeeper-shell.sh");
    CHECK(kafka_tool_name("connect-standalone") == "connect-standalone.sh");
    CHECK(kafka_tool_name("trogdor.sh") == "trogdor.sh");
    CHECK(kafka_tool_name("kafka-") == "");
    CHECK(kafka_tool_name("kafka") == "");
    CHECK(kafka_tool_name("kafka-topics.sh.orig") == "");
    CHECK(kafka_tool_name("log.dir=/tmp/kafka-logs") == "");
    CHECK(kafka_tool_name("kcat") == "");
    ExtractOptions opts;
    opts.extra_tools = {"kcat"};
    CHECK(kafka_tool_name("/usr/bin/kcat", opts) == "kcat.sh");
  }

  TEST_CASE("scripts: the caller's main-class table replaces the built-in one") {
    const std::string text =
        "kafka-run-class.sh kafka.admin.TopicCommand --list\n"
        "kafka-run-class.sh com.acme.Tool --x\n";
    const auto builtin = extract("r.sh", text, FileKind::kShell);
    REQUIRE(builtin.commands.size() == 2);
    CHECK(builtin.commands[0].tool == "kafka-topics.sh");
    CHECK(builtin.commands[0].invoked_as == "kafka-run-class.sh kafka.admin.TopicCommand");
    CHECK(args(builtin.commands[0]) == std::vector<std::string>{"--list"});
    CHECK(builtin.commands[1].tool == "kafka-run-class.sh");
    CHECK(args(builtin.commands[1]) == std::vector<std::string>{"com.acme.Tool", "--x"});
    ExtractOptions opts;
    opts.main_classes["com.acme.Tool"] = "acme-tool.sh";
    const auto custom = extract("r.sh", text, FileKind::kShell, opts);
    REQUIRE(custom.commands.size() == 2);
    CHECK(custom.commands[0].tool == "kafka-run-class.sh");  // not in the caller's table
    CHECK(custom.commands[1].tool == "acme-tool.sh");
    CHECK(args(custom.commands[1]) == std::vector<std::string>{"--x"});
  }

  TEST_CASE("scripts: words are cooked as the shell passes them") {
    const auto r = run("w.sh",
                       "kafka-configs.sh x=$'a\\tb' 'it''s' \"q\\\"q\" a\\ b \"$X\" {{ y }} \\\n"
                       "  c\\\nd\n");
    REQUIRE(r.commands.size() == 1);
    CHECK(args(r.commands[0]) ==
          std::vector<std::string>{"x=a\tb", "its", "q\"q", "a b", "$X", "{{ y }}", "cd"});
    CHECK(r.commands[0].args[4].opaque);
    CHECK_FALSE(r.commands[0].args[3].opaque);
    const auto d = run("d.sh", "kafka-topics.sh --topic ^a$ $ \"x$\"\n");
    REQUIRE(d.commands.size() == 1);
    CHECK(args(d.commands[0]) == std::vector<std::string>{"--topic", "^a$", "$", "x$"});
    // In a template, {{ ... }} is one opaque unit, inside quotes too.
    const auto t =
        extract("c.sh.j2", "kafka-topics.sh --topic '{{ t }}' {{ a | b }}\n", FileKind::kShell);
    REQUIRE(t.commands.size() == 1);
    CHECK(args(t.commands[0]) == std::vector<std::string>{"--topic", "{{ t }}", "{{ a | b }}"});
    CHECK(t.commands[0].args[1].opaque);
    // Makefile recipes: $(VAR) is make's, $$ is the shell's $.
    const auto m =
        extract("Makefile", "all:\n\tkafka-topics.sh $(B) $$HOME\n", FileKind::kMakefile);
    REQUIRE(m.commands.size() == 1);
    CHECK(args(m.commands[0]) == std::vector<std::string>{"$(B)", "$HOME"});
  }

  TEST_CASE("scripts: only executed command lines count") {
    // A command only when it is executed: echo/printf strings, comments, assignments,
    // arguments of other programs and here-document bodies fed to cat are data.
    const auto r = run("n.sh",
                       "# kafka-topics.sh --create\n"
                       "echo \"kafka-topics.sh --create\"\n"
                       "printf '%s' 'kafka-topics.sh'\n"
                       "T=kafka-topics.sh\n"
                       "cp kafka-topics.sh /tmp\n"
                       "cat <<EOF\nkafka-topics.sh --in-heredoc\nEOF\n"
                       "command -v kafka-topics.sh\n");
    CHECK(r.commands.empty());
    CHECK(r.warnings.empty());
    REQUIRE(r.comments.size() == 1);
    CHECK(r.comments[0].text == "# kafka-topics.sh --create");
    // ...but what an echo's command substitution runs is executed.
    const auto s = run("s.sh", "echo \"id: $(kafka-storage random-uuid)\"\n");
    CHECK(tools(s) == std::vector<std::string>{"kafka-storage.sh"});
  }

  TEST_CASE("scripts: Markdown prose is no command, inline code with arguments is") {
    const auto r = run("r.md",
                       "Use kafka-topics.sh --list to list.\n"
                       "Use `kafka-topics.sh` (a mention) or `kafka-topics --list` (a command).\n");
    REQUIRE(r.commands.size() == 1);
    CHECK(r.commands[0].tool == "kafka-topics.sh");
    CHECK(r.commands[0].line == 2);
    CHECK(r.commands[0].column == 39);
  }

  TEST_CASE("scripts: comments keep their positions for suppressions") {
    const auto r =
        run("c.sh", "x=1\n  # kafkalint: disable=KL701\nkafka-topics.sh --list # trailing\n");
    REQUIRE(r.comments.size() == 2);
    CHECK(r.comments[0].line == 2);
    CHECK(r.comments[0].column == 3);
    CHECK(r.comments[0].text == "# kafkalint: disable=KL701");
    CHECK(r.comments[1].line == 3);
    CHECK(r.comments[1].column == 24);
    REQUIRE(r.commands.size() == 1);
    CHECK(r.commands[0].line == 3);
  }

  TEST_CASE("scripts: unterminated constructs are located warnings, not failures") {
    const auto q = run("q.sh", "kafka-topics.sh --topic \"abc\n");
    REQUIRE(q.warnings.size() == 1);
    CHECK(q.warnings[0].where.line == 1);
    CHECK(q.warnings[0].where.column == 25);
    CHECK(q.warnings[0].message == "unterminated double quote");
    CHECK(q.warnings[0].where.file == "q.sh");
    REQUIRE(q.commands.size() == 1);
    CHECK(args(q.commands[0]) == std::vector<std::string>{"--topic", "abc\n"});
    const auto h = run("h.sh", "cat <<END\nno end\n");
    REQUIRE(h.warnings.size() == 1);
    CHECK(h.warnings[0].message == "unterminated here-document 'END'");
    CHECK(h.warnings[0].where.column == 5);
    const auto s = run("s.sh", "x=$(kafka-topics.sh --list\n");
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0].message == "unterminated command substitution");
    CHECK(tools(s) == std::vector<std::string>{"kafka-topics.sh"});
  }

  TEST_CASE("scripts: a UTF-8 BOM is skipped but columns count its bytes") {
    const auto r =
        extract("Dockerfile", "\xEF\xBB\xBFRUN kafka-topics --list\n", FileKind::kDockerfile);
    REQUIRE(r.commands.size() == 1);
    CHECK(r.commands[0].column == 8);
    CHECK(r.commands[0].program.offset == 7);
  }

  TEST_CASE("scripts: hand-counted command lines of the shared corpus") {
    const auto shared = kafkalint::test::shared_dir();
    if (!shared) return;  // the corpus is not part of every checkout
    const fs::path dir = fs::path(*shared) / "corpus/scripts";
    auto load = [&](const std::string& name) {
      const std::string content = kafkalint::test::read((dir / name).string());
      const ExtractResult r = extract(name, content, detect_kind(name, content));
      check_positions(content, r);
      return r;
    };
    // Counted by reading each file: every line (with its continuations) that executes a tool
    // of Kafka's bin/, including ones inside $(...), `...`, sh -c, docker exec and eval.
    const std::map<std::string, std::size_t> counts{
        {"amalaruja-mm1-entrypoint.sh", 1},            // kafka-run-class.sh kafka.tools.MirrorMaker
        {"escalopa-playground-run_workaround.sh", 0},  // only an echo string
        {"helk-kafka-create-topics.sh", 1},
        {"ih0rd-init_topics.sh", 3},
        {"jangseokhan-cutover-to-kraft-39.sh", 0},  // tool named in an echo only
        {"jangseokhan-migrate-to-kraft-39.sh", 1},  // sudo -u ... kafka-storage.sh format
        {"markchristiansen-modify_repls.sh", 1},    // docker run ... kafka-topics
        {"markchristiansen-consumer_offsets.sh", 1},
        {"saliha-lab-start-kraft.sh", 2},  // kafka-storage.sh format, exec kafka-server-start.sh
        {"skshukla-run_kafka.sh", 6},      // the samples in the echo '...' are not run
        {"ureplicator-produce-dummyTopic.sh", 3},  // one inside EXIST=$(...)
        {"wurstmeister-create-topics.sh", 1},      // COMMAND="..."; eval "${COMMAND}"
        {"yandexpraktikum-scripts_task1.sh", 5},
        {"yandexpraktikum-scripts_task2.sh", 29},
        {"escalopa-playground-Makefile", 11},
        {"ih0rd-cp-kraft-Dockerfile", 1},  // $(kafka-storage random-uuid) runs at build time
        {"idealista-ansible-tasks-3.0-topics.yml", 5},
        {"leshevi-ansible-sasl-setup.yml", 3},
        {"yolean-k8s-preferred-replica-election-job.yml", 1},
        {"yolean-k8s-reassign-partitions-job.yml", 2},
        {"wurstmeister-docker-compose-swarm.yml", 0},
        {"ches-docker-README.md", 3},
        {"ditofry-ssl-README.md", 5},  // inline code spans only
        {"ericmackay-benchmarking-README.md", 3},
        {"saliha-lab-kraft-migration-README.md", 16},
        {"apache-kafka-1.1.0-docs-quickstart.html", 17},
        {"skshukla-kafka_commands.txt", 18},
        {"idealista-ansible-kafka-acls-command.j2", 1},
    };
    for (const auto& [name, count] : counts) {
      INFO(name);
      CHECK(load(name).commands.size() == count);
    }

    // A few exact tokens and positions.
    {
      const auto r = load("amalaruja-mm1-entrypoint.sh");
      const CommandLine& c = r.commands.at(0);
      CHECK(c.tool == "kafka-mirror-maker.sh");
      CHECK(c.invoked_as == "bin/kafka-run-class.sh kafka.tools.MirrorMaker");
      CHECK(pos(c.line, c.column) == "21:1");
      CHECK(token_line(c.args.at(7)) == "25:13 $WHITELISTED_TOPICS  ~opaque");
    }
    {
      const auto r = load("wurstmeister-create-topics.sh");
      const CommandLine& c = r.commands.at(0);
      CHECK(pos(c.line, c.column) == "46:26");
      CHECK(c.program.raw == "${KAFKA_HOME}/bin/kafka-topics.sh");
      CHECK(token_line(c.args.at(1)) == "48:3 --zookeeper");
    }
    {
      const auto r = load("markchristiansen-consumer_offsets.sh");
      REQUIRE(r.commands.size() == 1);
      const Token& f = r.commands[0].args.at(5);
      CHECK(f.text == "kafka.coordinator.group.GroupMetadataManager$OffsetsMessageFormatter");
      CHECK_FALSE(f.opaque);  // '\$' is a literal dollar
      CHECK(pos(f.line, f.column) == "6:184");
    }
    {
      const auto r = load("yolean-k8s-preferred-replica-election-job.yml");
      const CommandLine& c = r.commands.at(0);
      CHECK(pos(c.line, c.column) == "14:11");
      CHECK(token_line(c.args.at(1)) == "16:11 zookeeper:2181");
    }
    {
      const auto r = load("ih0rd-cp-kraft-Dockerfile");  // starts with a BOM
      const CommandLine& c = r.commands.at(0);
      CHECK(c.tool == "kafka-storage.sh");
      CHECK(args(c) == std::vector<std::string>{"random-uuid"});
      CHECK(pos(c.line, c.column) == "9:56");
    }
    {
      const auto r = load("apache-kafka-1.1.0-docs-quickstart.html");
      const CommandLine& c =
          r.commands.at(7);  // '&gt; bin/kafka-server-start.sh config/server-2.properties &amp;'
      CHECK(pos(c.line, c.column) == "130:6");
      CHECK(args(c) == std::vector<std::string>{"config/server-2.properties"});
    }
    {
      const auto r = load("ericmackay-benchmarking-README.md");  // CRLF line ends
      const CommandLine& c = r.commands.at(0);
      CHECK(c.tool == "kafka-producer-perf-test.sh");
      const Token& jaas = c.args.at(10);
      CHECK(jaas.text.substr(0, 16) == "sasl.jaas.config");
      CHECK(jaas.opaque);
      CHECK(pos(jaas.line, jaas.column) == "170:58");
    }
    {
      const auto r = load("ditofry-ssl-README.md");
      CHECK(tools(r) == std::vector<std::string>{
                            "zookeeper-server-start.sh", "kafka-server-start.sh", "kafka-topics.sh",
                            "kafka-console-producer.sh", "kafka-console-consumer.sh"});
    }
  }

  TEST_CASE("scripts: every corpus file is read without a crash and with exact positions") {
    const auto shared = kafkalint::test::shared_dir();
    if (!shared) return;
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(*shared) / "corpus")) {
      if (!entry.is_regular_file()) continue;
      const std::string content = kafkalint::test::read(entry.path().string());
      for (FileKind kind :
           {FileKind::kShell, FileKind::kDockerfile, FileKind::kMakefile, FileKind::kYaml,
            FileKind::kMarkdown, FileKind::kAsciiDoc, FileKind::kHtml, FileKind::kText}) {
        INFO(entry.path().string() << " as " << kind_name(kind));
        check_positions(content, extract(entry.path().filename().string(), content, kind));
      }
      ++files;
    }
    CHECK(files > 30);
  }

  TEST_CASE("scripts: hostile input ends quickly with bounded output") {
    std::mt19937 rng(42);
    const std::string alphabet = "kafka-topics.sh $(){}[]`'\"\\\n\t #<>|&;=-:{{%}}EOF";
    for (int round = 0; round < 300; ++round) {
      std::string s;
      const int n = static_cast<int>(rng() % 400);
      for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
      for (FileKind kind :
           {FileKind::kShell, FileKind::kDockerfile, FileKind::kMakefile, FileKind::kYaml,
            FileKind::kMarkdown, FileKind::kAsciiDoc, FileKind::kHtml, FileKind::kText}) {
        const auto r = extract("f.j2", s, kind);
        check_positions(s, r);
      }
    }
    // Deep nesting and repeated evals are budgeted, not exponential.
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += "$(";
    deep += "kafka-topics.sh";
    const auto d = extract("d.sh", deep, FileKind::kShell);
    CHECK_FALSE(d.warnings.empty());
    // Quadratic traps (blank lines in a template, '&' without ';' in HTML, open quoted YAML
    // keys, backtick runs, heredocs never closed) must end with exact positions; their cost is
    // measured in bench/scripts/traps.sh (timing never belongs in a test: CI machines are busy).
    for (const auto& [name, unit] : {std::pair<std::string, std::string>{"t.sh.j2", "\n"},
                                     {"p.html", "<pre>&"},
                                     {"k.yml", "\"k\n"},
                                     {"m.md", "` `` "},
                                     {"d.sh", "<<E "}}) {
      INFO(name);
      std::string big;
      for (int i = 0; i < 20000; ++i) big += unit;
      check_positions(big, extract(name, big, detect_kind(name, big)));
    }
    std::string evals = "C='kafka-topics.sh --list'\n";
    for (int i = 0; i < 20000; ++i) evals += "eval \"$C\"; sh -c \"$C\"\n";
    const auto e = extract("e.sh", evals, FileKind::kShell);
    CHECK(e.commands.size() == 1);  // the same text, found once
  }
}
