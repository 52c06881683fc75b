#pragma once
// Templated properties files (Jinja, ERB, Go/sed `{{VAR}}` placeholders) made checkable:
// template control code is blanked out and placeholders are marked opaque, keeping every
// byte offset, line and column of the original so findings and fixes point at the template.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/line_index.h"

namespace kafkalint::checks {

enum class TemplateSyntax {
  kNone,   // a plain file
  kJinja,  // {{ expr }}, {% stmt %}, {# comment #}; also sed/Go-style {{VAR}} placeholders
  kErb,    // <%= expr %>, <% code %>, <%# comment %>, with optional '-' trim markers
};

/// A byte range [begin, end) of the original text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct MaskedTemplate {
  TemplateSyntax syntax = TemplateSyntax::kNone;
  /// Same length and the same line breaks as the input. Control code and comments are
  /// replaced by spaces; each placeholder by underscores, so it stays one opaque word.
  std::string text;
  /// Placeholders ({{ }}, <%= %>) and config-provider or shell references (${...}): a key or
  /// value overlapping one of these is not known until the template is rendered.
  std::vector<ByteRange> opaque;
  /// Template code and comments ({% %}, <% %>, {# #}): an entry written around them has a
  /// key or value that depends on the template's logic.
  std::vector<ByteRange> code;
  /// 1-based numbers of lines that held only template control code (now blank).
  std::vector<int> control_lines;
  /// Unterminated tags (a template engine refuses the file); masking ends at their line's end.
  struct Problem {
    int line = 0;
    int column = 0;
    std::string message;
  };
  std::vector<Problem> problems;

  /// True when [begin, end) overlaps an opaque range.
  bool is_opaque(std::size_t begin, std::size_t end) const;
};

/// Which template syntax a file uses: by extension first (.j2, .jinja, .jinja2, .erb, .tpl,
/// .tmpl, .template), then by content: a well-formed tag ("{{ x }}", "{% if x %}",
/// "<%= @x %>", closed on its line) outside comment lines. A stray "{{" or "<%" in a value
/// or a comment leaves a plain file plain.
TemplateSyntax detect_template(std::string_view path, std::string_view content);

/// Masks `content` for `syntax`. For kNone only ${...} references are marked opaque.
/// `lines`, when given, is the kJava line index of `content` the caller already holds (it is
/// only needed, and otherwise built here, when there are tags to mask).
MaskedTemplate mask_template(std::string_view content, TemplateSyntax syntax,
                             const core::LineIndex* lines = nullptr);

/// Whether every rendering of a template holds at least one of `offsets` (byte offsets of the
/// original text, e.g. the entries of one key). Follows the if-blocks of the template code
/// (Jinja if/elif/else/endif, ERB if/unless/elsif/else/end): an offset inside an `if` without
/// an `else`, or inside some arms only, is not rendered every time. Other blocks (for, macro,
/// ERB `do` blocks) count as rendered, so only real branches make the answer false.
bool renders_always(std::string_view content, const MaskedTemplate& mask,
                    const std::vector<std::size_t>& offsets);

}  // namespace kafkalint::checks
