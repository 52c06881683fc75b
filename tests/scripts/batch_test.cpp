// cmd.exe batch files and the Windows lines of docs: '^' continuations and escapes, %VAR%,
// REM/:: comments, backslash paths, cmd.exe prompts, call/start/cmd /c.

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "scripts/extract.h"

using namespace kafkalint::scripts;

namespace {

// Every command of `r` as "tool arg arg ...".
std::vector<std::string> commands(const ExtractResult& r) {
  std::vector<std::string> out;
  for (const CommandLine& c : r.commands) {
    std::string s = c.tool;
    for (const Token& a : c.args) s += " " + a.text;
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> bat(std::string_view text) {
  return commands(extract("run.bat", text, detect_kind("run.bat", text)));
}

// Every token's raw bytes are the bytes of the file at its offset.
void check_raw(std::string_view content, const ExtractResult& r) {
  for (const CommandLine& c : r.commands) {
    REQUIRE(c.program.offset + c.program.length <= content.size());
    CHECK(c.program.raw == content.substr(c.program.offset, c.program.length));
    for (const Token& a : c.args) {
      REQUIRE(a.offset + a.length <= content.size());
      CHECK(a.raw == content.substr(a.offset, a.length));
    }
  }
}

}  // namespace

TEST_SUITE("scripts") {
  TEST_CASE("scripts: batch files are read with cmd.exe rules") {
    CHECK(detect_kind("create-topics.bat", "") == FileKind::kBatch);
    CHECK(detect_kind("START.CMD", "") == FileKind::kBatch);
    // Backslash paths, '^' continuation (CRLF too), %VAR% (opaque), quotes removed.
    const std::string text =
        "@echo off\r\n"
        "REM kafka-topics.bat --in-a-comment\r\n"
        ":: kafka-topics.bat --also-a-comment\r\n"
        "set BS=localhost:9092\r\n"
        "call %KAFKA_HOME%\\bin\\windows\\kafka-topics.bat --create --topic orders ^\r\n"
        "  --bootstrap-server %BS% --config \"retention.ms=1000\" > nul 2>&1\r\n"
        "\"C:\\Program Files\\kafka\\bin\\windows\\kafka-topics.bat\" --list --bootstrap-server x "
        "^& y\r\n"
        "Start \"Kafka\" /b kafka-server-start.bat ..\\..\\config\\server.properties\r\n"
        "start cmd /k \"F:\\kafka\\bin\\windows\\kafka-console-consumer.bat --topic t\"\r\n"
        "if exist x (kafka-topics.bat --describe) else (echo no)\r\n";
    const ExtractResult r = extract("t.bat", text, FileKind::kBatch);
    CHECK(commands(r) ==
          std::vector<std::string>{
              "kafka-topics.sh --create --topic orders --bootstrap-server %BS% --config "
              "retention.ms=1000",
              "kafka-topics.sh --list --bootstrap-server x & y",
              "kafka-server-start.sh ..\\..\\config\\server.properties",
              "kafka-console-consumer.sh --topic t",
              "kafka-topics.sh --describe",
          });
    REQUIRE(r.commands.size() == 5);
    CHECK(r.commands[0].invoked_as == "%KAFKA_HOME%\\bin\\windows\\kafka-topics.bat");
    CHECK(r.commands[0].program.opaque);
    CHECK(r.commands[0].args[4].opaque);  // %BS%
    CHECK(r.comments.size() == 2);
    check_raw(text, r);
    // '$', '\'' and '#' are plain characters in cmd.exe.
    CHECK(bat("kafka-topics.bat --topic a$b 'x' #y\n") ==
          std::vector<std::string>{"kafka-topics.sh --topic a$b 'x' #y"});
  }

  TEST_CASE("scripts: Windows lines of a doc block are read as batch, the others as shell") {
    const std::string md =
        "```\n"
        ".\\bin\\windows\\kafka-topics.bat --create --topic t --partitions 1\n"
        "bin/kafka-topics.sh --list \\\n  --bootstrap-server b:9092\n"
        "C:\\kafka\\bin\\windows> kafka-topics.bat --list --zookeeper z:2181\n"
        "C:\\Program Files\\kafka>bin\\windows\\kafka-topics.bat --describe ^\n  --topic t\n"
        "C:\\kafka\\bin\\windows\\kafka-topics.bat --list > out.txt\n"
        "```\n"
        "```powershell\n"
        "PS C:\\kafka> .\\bin\\windows\\kafka-topics.bat --describe\n"
        "```\n"
        "```cmd\n"
        "kafka-console-consumer.bat --topic t ^\n"
        "  --from-beginning\n"
        "```\n";
    const ExtractResult r = extract("README.md", md, FileKind::kMarkdown);
    CHECK(commands(r) == std::vector<std::string>{
                             "kafka-topics.sh --create --topic t --partitions 1",
                             "kafka-topics.sh --list --bootstrap-server b:9092",
                             "kafka-topics.sh --list --zookeeper z:2181",
                             "kafka-topics.sh --describe --topic t",
                             "kafka-topics.sh --list",
                             "kafka-topics.sh --describe",
                             "kafka-console-consumer.sh --topic t --from-beginning",
                         });
    check_raw(md, r);
    // In a script, a Windows line is data (here a heredoc writing a batch file).
    CHECK(commands(extract("gen.sh",
                           "cat > run.bat <<EOF\nC:\\kafka\\bin\\windows\\kafka-topics.bat "
                           "--list\nEOF\n",
                           FileKind::kShell))
              .empty());
    // Unix blocks without a Windows line are untouched: '\' still escapes there.
    const std::string sh = "kafka-topics.sh --topic a\\ b\n";
    CHECK(commands(extract("x.sh", sh, FileKind::kShell)) ==
          std::vector<std::string>{"kafka-topics.sh --topic a b"});
  }

  TEST_CASE("scripts: any batch text ends quickly with exact positions") {
    // A small fuzz over the characters batch lexing cares about.
    const std::string alphabet = "^%!\"&|<>() \t\r\n:@\\/-=;,abkREMcall kafka-topics.bat ";
    std::mt19937 rng(7);
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      const std::size_t len = rng() % 120;
      for (std::size_t i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
      if (round % 3 == 0) text = "kafka-topics.bat " + text;
      const ExtractResult r = extract("f.bat", text, FileKind::kBatch);
      check_raw(text, r);
      const ExtractResult m =
          extract("f.md", "```\nC:\\k>" + text + "\n```\n", FileKind::kMarkdown);
      (void)m;
    }
  }
}
