#pragma once
// Splitting shell text into words and operators the way a POSIX shell (bash) would, without
// expanding anything. The grammar (Boost.Spirit X3) stays private to shell_lexer.cpp.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scripts/snippet.h"

namespace kafkalint::scripts {

/// Dialect switches for text that is shell only after another tool has processed it.
struct LexOptions {
  /// Jinja templates: '{% ... %}' and '{# ... #}' tags separate words, and a line break that
  /// Jinja would remove (after a tag with trim_blocks, before a '{%-' tag) joins the lines.
  bool jinja = false;
  /// Makefile recipes: '$(X)'/'${X}'/'$X' are make variables (opaque, not commands) and '$$' is
  /// the shell's '$'.
  bool make_vars = false;
  /// cmd.exe batch files (.bat/.cmd): lexed by lex_batch() instead.
  bool batch = false;
  /// Docs: a line running a .bat by a Windows path or after a 'C:\...>' prompt is batch
  /// (Extractor::windows_lines). Off for scripts, where such a line is data (a heredoc body
  /// writing a .bat file).
  bool windows_lines = false;
  /// Docs: '<CLUSTER_ID>', '<group_id>', '<host>:9092' are arguments to fill in (an opaque word
  /// or part of one), not redirections; a script's '<file' stays a redirection.
  bool doc_placeholders = false;
};

enum class LexKind {
  kWord,      ///< a shell word; text is the cooked value
  kControl,   ///< ';' '&&' '||' '|' '|&' '&' ';;' '(' ')' or a line break ("\n")
  kRedirect,  ///< '>', '2>', '>>', '<', '<<', '<<-', '<<<', '&>', '>&', ...; text is the operator
  kHeredoc,   ///< the body of a here-document; text is the body as written
};

/// One lexeme; begin/end are offsets in the lexed text.
struct LexToken {
  LexKind kind = LexKind::kWord;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  bool opaque = false;         ///< word: has an unexpanded part; heredoc: quoted delimiter
  std::size_t runs_begin = 0;  ///< word: its text->lexed-text map in LexResult::word_runs
  std::size_t runs_end = 0;
  /// '<<' / '<<-': index of the kHeredoc token holding its body (npos until it is read).
  std::size_t heredoc = static_cast<std::size_t>(-1);
};

/// Where a nested script sits in the lexed text: the inside of '$(...)', '`...`', '<(...)'.
struct Substitution {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct LexWarning {
  std::size_t at = 0;  ///< offset in the lexed text
  std::string message;
};

struct [[nodiscard]] LexResult {
  std::vector<LexToken> tokens;
  std::vector<Run> word_runs;  ///< Run::orig is an offset in the lexed text
  std::vector<std::pair<std::size_t, std::size_t>> comments;  ///< [begin, end) of '#...'
  std::vector<Substitution> substitutions;
  std::vector<LexWarning> warnings;
};

/// Lexes `text` completely; never fails (bad input yields warnings), linear time.
LexResult lex_shell(std::string_view text, const LexOptions& opts);

/// The same for cmd.exe batch text ('^' continuations and escapes, '%VAR%', REM and '::'
/// comments, '\' and '\'' as plain characters); lex_shell() calls it when opts.batch is set.
LexResult lex_batch(std::string_view text);

}  // namespace kafkalint::scripts
