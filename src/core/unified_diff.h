#pragma once
// Unified diffs of two texts, as `diff -u` prints them and `patch` / `git apply` read them.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kafkalint::core {

enum class LineOp { kKeep, kDelete, kInsert };

/// Myers' shortest edit script turning lines `a` into lines `b` (compared byte for byte), in
/// order: kKeep consumes one line of each, kDelete one of `a`, kInsert one of `b`.
std::vector<LineOp> line_edit_script(const std::vector<std::string_view>& a,
                                     const std::vector<std::string_view>& b);

/// The unified diff turning `before` into `after`: "--- a_name" / "+++ b_name" headers,
/// hunks with `context` lines of context, lines compared byte for byte (a '\r' before the
/// '\n' is part of the line), and "\ No newline at end of file" after a last line that has
/// no '\n'. Empty when the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view a_name,
                         std::string_view b_name, int context = 3);

/// The name a diff header gives `path` (as the user wrote it, relative to `cwd` or absolute)
/// so that `git apply` and `patch -p1` run in `cwd` find the file after the "a/" / "b/"
/// prefix: the path relative to `cwd` when the file is under it; otherwise the absolute path
/// without its leading '/', which applies from the root (`git -C / apply`) and `*outside` is
/// set. git refuses both absolute names and names with "..", so neither is ever returned.
std::string patch_path(const std::string& path, const std::filesystem::path& cwd, bool* outside);

}  // namespace kafkalint::core
