#pragma once
// The shared core of the readers: lexes shell snippets, unwraps wrappers, recognises Kafka
// tools and records commands, comments and warnings in original-file positions. Internal to
// src/scripts; the public entry point is extract() in extract.h.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/line_index.h"
#include "scripts/extract.h"
#include "scripts/shell_lexer.h"
#include "scripts/snippet.h"

namespace kafkalint::scripts {

/// How a wrapper program hands on to the command it runs (the table is in extractor.cpp).
enum class Wrap : unsigned char {
  kWord,       ///< only its own word: shell keywords, nohup ('time' may take '-p')
  kOptions,    ///< its options, then its operands (timeout's duration), then the command
  kCommand,    ///< 'command': as kOptions, but '-v'/'-V' only looks the name up
  kContainer,  ///< docker/podman/nerdctl [compose] exec|run [options] CONTAINER command
  kCluster,    ///< kubectl/oc ... -- command; the old 'kubectl exec POD command'
  kSsh,        ///< ssh [options] HOST script words (or a here-document)
  kShell,      ///< sh -c STRING; 'bash <<EOF'; 'bash script.sh' runs that script
  kSu,         ///< su ... -c STRING
  kRunuser,    ///< runuser -u USER [--] command, or like su with -c STRING
  kEval,       ///< eval WORDS; eval "$VAR" (VAR's last assignment)
  kWatch,      ///< watch [options] script words
  kJava,       ///< java [options] MAIN-CLASS: the tool that class belongs to
  kCmd,        ///< cmd.exe /c STRING (read as batch)
  kStart,      ///< cmd.exe start ["title"] [/options] command
};
struct Wrapper;

/// Collects one file's commands, comments and warnings into an ExtractResult. Nested reads
/// (substitutions, 'sh -c', eval, here-documents) share one byte budget and a depth limit, so
/// that any input costs time and memory linear in its size.
class Extractor {
 public:
  Extractor(std::string_view path, std::string_view content, const ExtractOptions& opts,
            ExtractResult& out);

  /// Reads `s` as shell text and records every Kafka command in it (substitutions, 'sh -c'
  /// strings, eval'd strings and here-documents fed to a shell included).
  void shell(const Snippet& s, const LexOptions& lo, int depth = 0);
  /// Records the exec-form command `words` (Dockerfile JSON, YAML lists) if it runs a Kafka tool.
  void argv(std::vector<Word>& words, const LexOptions& lo, int depth = 0);

  /// Records a properties block of a document (its lines, original offsets).
  void properties_block(PropertiesBlock block) { out_.properties.push_back(std::move(block)); }
  /// Records original[begin, end) as a comment.
  void comment(std::size_t begin, std::size_t end);
  /// Records a located warning at original offset `at`.
  void warn(std::size_t at, std::string message);
  /// Off for prose (notes): an apostrophe there is no unterminated quote worth reporting.
  void set_lexer_warnings(bool on) { lexer_warnings_ = on; }

  /// The whole original file.
  std::string_view content() const { return content_; }
  /// Snippet copying original[begin, end).
  Snippet copy(std::size_t begin, std::size_t end) const;
  /// A word for an exec-form list element whose cooked text maps through `map`.
  Word word(Snippet map, std::size_t begin, std::size_t end) const;

  /// Number of commands recorded so far.
  std::size_t command_count() const { return out_.commands.size(); }
  /// Drops the commands recorded after `mark` that have no argument: a tool named alone in
  /// inline code ("use `kafka-topics.sh`") is a mention, not an invocation.
  void drop_bare_commands(std::size_t mark);

  /// Sorts, removes duplicates (the same text read twice, e.g. 'eval $CMD' twice).
  void finish();

 private:
  /// Shell variables assigned so far in one script: name -> the assigning word ('NAME=...').
  using Assignments = std::unordered_map<std::string, Word>;
  struct Frame;  // one shell() call: its lex result and snippet, for lazy word maps
  struct Call;   // one command being unwrapped: its words and where they came from
  struct Step;   // where unwrapping goes on after a wrapper

  /// Reads the Windows lines of `s` as batch and the rest as shell; false when it has none.
  bool windows_lines(const Snippet& s, const LexOptions& lo, int depth);
  void command(std::vector<Word>& w, const Snippet* heredoc, const LexOptions& lo, int depth,
               Assignments* assignments);
  /// One wrapper of the table: dispatches on its Wrap kind.
  Step unwrap(const Wrapper& wr, Call& c, std::size_t i);
  Step unwrap_container(const Wrapper& wr, Call& c, std::size_t i);
  Step unwrap_cluster(const Wrapper& wr, Call& c, std::size_t i);
  Step unwrap_ssh(const Wrapper& wr, Call& c, std::size_t i);
  Step unwrap_shell(Call& c, std::size_t i);
  Step unwrap_su(const Wrapper& wr, Call& c, std::size_t i);
  Step unwrap_eval(Call& c, std::size_t i);
  Step unwrap_java(const Wrapper& wr, Call& c, std::size_t i);
  Step unwrap_cmd(Call& c, std::size_t i);
  /// Records w[i...] when w[i] names a Kafka tool (a launcher's main class resolved).
  void tool_command(std::vector<Word>& w, std::size_t i);
  void record(std::vector<Word>& w, std::size_t program, std::size_t class_arg,
              const std::string& tool);
  const Snippet& word_map(Word& w);
  void script_from_words(std::vector<Word>& w, std::size_t first, const LexOptions& lo, int depth);
  bool spend(std::size_t bytes, std::size_t at, int depth);
  Token token(const Word& w) const;

  std::string path_;
  std::string_view content_;
  const ExtractOptions& opts_;
  ExtractResult& out_;
  core::LineIndex lines_;
  std::size_t budget_;
  bool budget_warned_ = false;
  bool lexer_warnings_ = true;
};

}  // namespace kafkalint::scripts
