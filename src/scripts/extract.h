#pragma once
// Finding the Kafka command lines in scripts, build files, manifests and docs.
//
// Every front end (shell, Dockerfile, Makefile, YAML, Markdown/AsciiDoc/HTML, notes) turns
// its input into shell text or an argv list; one recogniser then unwraps wrappers (sudo, env,
// timeout, nohup, exec, xargs, tini, dumb-init, gosu, su-exec, runuser, docker/podman
// exec|run, docker compose exec|run, kubectl/oc exec ... --, oc rsh, ssh, su -c, sh/bash -c,
// eval; cmd.exe call/start/cmd /c) and keeps the commands whose program is a Kafka tool.
// Batch files (.bat/.cmd) and the Windows lines of docs are lexed with cmd.exe rules.
// Positions always point into the original file.
//
// What counts as a command line: a command the shell would execute. So:
// - echo/printf strings, comments, assignments and arguments of other programs are data;
//   what runs inside '$(...)', '`...`' and '<(...)' is executed, wherever it sits (even in an
//   echo), and so are 'sh -c STRING', 'eval STRING' and 'eval "$VAR"' (VAR's last assignment).
// - Here-document bodies are data ('cat <<EOF > file'), except when the command reading them
//   is a shell with no script argument ('bash <<EOF', 'ssh host <<EOF', 'docker exec -i c sh
//   <<EOF', 'cat <<EOF | sh'): the shell then executes the body, so it is read as a script.
// - Markdown/AsciiDoc prose is never read. Inline code spans (and HTML <code>) are, because
//   READMEs often give commands only that way, but count only with at least one argument:
//   "`kafka-topics.sh`" alone is a mention. In blocks with '$ '/'> ' prompts, unprompted
//   lines are the commands' output and are skipped.
// - Plain-text notes: lines naming a Kafka tool (with their backslash continuations).

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace kafkalint::scripts {

/// One shell word as the program receives it, located in the original file.
struct Token {
  std::string text;  ///< unquoted, unescaped value as the shell would pass it; unexpanded
                     ///< parts ($VAR, ${VAR}, $(...), `...`, {{ ... }}) are kept as written
  std::string raw;   ///< the bytes of the original file the word spans (quotes, escapes, entities)
  int line = 0;      ///< 1-based line of the first byte
  int column = 0;    ///< 1-based byte column of the first byte
  std::size_t offset = 0;  ///< byte offset of the first byte in the original file
  std::size_t length = 0;  ///< bytes spanned in the original file (raw.size())
  bool opaque = false;     ///< contains something only known at run time ($VAR, $(..), {{..}})
};

/// One invocation of a Kafka tool.
struct CommandLine {
  std::string tool;        ///< normalised script name, e.g. "kafka-topics.sh"
  std::string invoked_as;  ///< as written: "kafka-topics", "bin/kafka-topics.sh",
                           ///< "kafka-run-class.sh kafka.admin.TopicCommand"
  Token program;           ///< the word naming the program (for run-class: the script word)
  std::vector<Token>
      args;      ///< the arguments, redirections removed (for run-class: after the class)
  int line = 0;  ///< where the program word starts
  int column = 0;
};

/// A comment of the input (shell/YAML/Makefile/Dockerfile '#', HTML '<!-- -->'), kept so that
/// '# kafkalint: disable=...' on the line before a command can be honoured.
struct Comment {
  int line = 0;
  int column = 0;
  std::string text;  ///< as written, marker included ("# kafkalint: disable=KL701")
};

/// How a file is read.
enum class FileKind {
  kShell,
  kDockerfile,
  kMakefile,
  kYaml,
  kMarkdown,
  kAsciiDoc,
  kHtml,
  kText,
  kBatch,       ///< cmd.exe batch file (.bat, .cmd)
  kPowerShell,  ///< PowerShell script (.ps1): shell-like words, backtick line continuations
  kEnv,         ///< Compose/Docker env file ('.env', 'kafka.env'): NAME=VALUE lines, no commands
  kInventory,   ///< Ansible INI inventory ('hosts', 'inventory.ini'): groups, hosts, their vars
  kUnknown
};

/// "shell", "dockerfile", "makefile", "yaml", "markdown", "asciidoc", "html", "text", "batch",
/// "powershell", "env", "ansible-inventory", "unknown".
const char* kind_name(FileKind kind);

/// Picks the reader for a file from its name, then its content (shebang, Dockerfile/YAML
/// shape). Templates ("x.yml.j2", "Dockerfile.j2") take the kind of the inner name; properties
/// files and other unknown names are kUnknown (the check command does not scan them).
FileKind detect_kind(std::string_view path, std::string_view content);

/// What the caller knows about Kafka's tools (from the knowledge packs).
struct ExtractOptions {
  /// Main class -> script, for 'kafka-run-class.sh CLASS ...'. Empty: a built-in table of
  /// the well-known classes (kafka.admin.TopicCommand -> kafka-topics.sh, ...).
  std::map<std::string, std::string, std::less<>> main_classes;
  /// Extra program names that count as Kafka tools besides kafka-*, zookeeper-*, connect-*
  /// and trogdor* (e.g. "windows-only-tool.sh"). Compared with the normalised name.
  std::vector<std::string> extra_tools;
};

/// A block of properties in a document (a fenced block labelled `properties`, or one whose
/// lines are mostly Kafka `key=value` entries): checked as a properties snippet in place.
struct PropertiesBlock {
  std::vector<std::pair<std::size_t, std::size_t>> lines;  ///< original [begin, end) per line
  /// "broker", "producer", "consumer", "admin", "connect" from the label or the text just
  /// before the block (a file name like producer.properties); "other" when that text names a
  /// program with Kafka-like keys that is not a broker or client (ksqlDB, Schema Registry,
  /// Connect); "" when nothing says.
  std::string role;
  /// HTML: the block's text with tags dropped and entities decoded, and the file offset of
  /// each of its bytes (plus one for its end); both empty when `lines` are the text.
  std::string text;
  std::vector<std::size_t> offsets;
};

/// Everything found in one file.
struct [[nodiscard]] ExtractResult {
  std::vector<PropertiesBlock> properties;  ///< documents only, in file order
  std::vector<CommandLine> commands;        ///< in file order (by offset of the program word)
  std::vector<Comment> comments;            ///< in file order
  std::vector<core::Error> warnings;        ///< located and not fatal (unterminated quote, ...)
};

/// Extracts every Kafka command line of `content`, read as `kind`. Never throws; any input
/// gives a result in time and memory linear in its size (nested re-reads are budgeted).
ExtractResult extract(std::string_view path, std::string_view content, FileKind kind,
                      const ExtractOptions& opts = {});

/// Normalised tool name for a program word ("bin/kafka-topics" -> "kafka-topics.sh"), or ""
/// when the word does not name a Kafka tool.
std::string kafka_tool_name(std::string_view program, const ExtractOptions& opts = {});

}  // namespace kafkalint::scripts
