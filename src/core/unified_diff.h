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

/// True when `path` (as the user wrote it: relative to `cwd`, or absolute) is not under `cwd`,
/// judged on the spelling alone. A diff naming such a file must name every file from '/'.
bool outside_dir(const std::string& path, const std::filesystem::path& cwd);

/// The name a diff header gives `path` after its "a/" / "b/" prefix, one `git apply` accepts
/// (git refuses absolute names and names with ".."): relative to `cwd`, so the diff applies in
/// `cwd`; or, with `from_root` (some file of the diff is outside `cwd`), the absolute path
/// without its leading '/', so the diff applies from the root (`git -C / apply`).
std::string patch_path(const std::string& path, const std::filesystem::path& cwd, bool from_root);

}  // namespace kafkalint::core
