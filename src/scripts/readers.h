#pragma once
// One reader per file kind (internal to src/scripts). Readers work on lines given as original
// byte ranges, so that a Markdown fence can hand its (de-indented) lines to the YAML or
// Dockerfile reader and positions still point into the original file.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scripts/extractor.h"

namespace kafkalint::scripts {

/// One line: original[begin, end), without its line break.
struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Lines of content[start, end), split at '\n' with a trailing '\r' removed.
std::vector<Line> split_lines(std::string_view content, std::size_t start, std::size_t end);

/// The lines joined with '\n' (each break mapped to the original one).
Snippet join_lines(const Extractor& ex, const std::vector<Line>& lines, std::size_t first,
                   std::size_t last);

void read_dockerfile(Extractor& ex, const std::vector<Line>& lines);
void read_makefile(Extractor& ex, const std::vector<Line>& lines);
void read_yaml(Extractor& ex, const std::vector<Line>& lines);
void read_text_notes(Extractor& ex, const std::vector<Line>& lines);
void read_markdown(Extractor& ex, const std::vector<Line>& lines, bool asciidoc);
void read_html(Extractor& ex, std::size_t start);

/// A code block of docs: shell with optional '$ ' / '> ' prompts, where unprompted lines are
/// output (unless they continue a command with a trailing backslash). `batch`: a cmd.exe block.
/// `powershell`: a line ending with a backtick continues on the next one (a '>> ' console
/// prompt there is dropped). `prompts_allowed` false: a script file, where every line is input.
void read_console_block(Extractor& ex, const Snippet& block, bool batch = false,
                        bool powershell = false, bool prompts_allowed = true);

/// Parses a JSON array / YAML flow sequence starting at content[at] == '['; appends its scalar
/// elements to `out` and returns the offset after ']' (or `limit` when unterminated, with a
/// warning). Nested collections become opaque words.
std::size_t read_flow_sequence(Extractor& ex, std::size_t at, std::size_t limit,
                               std::vector<Word>& out);

/// Reads a double-quoted (JSON/YAML) or single-quoted (YAML) scalar starting at content[at]
/// (the quote); multi-line scalars are folded. Returns the offset after the closing quote.
std::size_t read_quoted(Extractor& ex, std::size_t at, std::size_t limit, Snippet& out);

}  // namespace kafkalint::scripts
