#include "core/unified_diff.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace kafkalint::core {

namespace {

// Lines end after each '\n' (like diff and patch); the last one may lack it.
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t at = 0;
  while (at < s.size()) {
    const std::size_t nl = s.find('\n', at);
    const std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(at, end - at));
    at = end;
  }
  return lines;
}

using Op = LineOp;

}  // namespace

// Myers' O(ND) shortest edit script; keeps the reachable part of V per step (O(D^2)
// memory) to walk the path back.
std::vector<LineOp> line_edit_script(const std::vector<std::string_view>& a,
                                     const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  const auto m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t max = n + m;
  const std::ptrdiff_t offset = max + 1;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * max + 3), 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;
  std::ptrdiff_t found_d = 0;
  for (std::ptrdiff_t d = 0; d <= max; ++d) {
    // Only diagonals -d..d can be read when walking back from step d.
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    bool done = false;
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      const auto at = [&](std::ptrdiff_t kk) -> std::ptrdiff_t& {
        return v[static_cast<std::size_t>(kk + offset)];
      };
      std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)])
        ++x, ++y;
      at(k) = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      found_d = d;
      break;
    }
  }
  // Walk back from (n, m) through the saved V arrays.
  std::vector<Op> ops;
  std::ptrdiff_t x = n;
  std::ptrdiff_t y = m;
  for (std::ptrdiff_t d = found_d; d > 0; --d) {
    const std::vector<std::ptrdiff_t>& pv = trace[static_cast<std::size_t>(d)];
    const auto at = [&](std::ptrdiff_t kk) { return pv[static_cast<std::size_t>(kk + d)]; };
    const std::ptrdiff_t k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const std::ptrdiff_t pk = down ? k + 1 : k - 1;
    const std::ptrdiff_t px = at(pk);
    const std::ptrdiff_t py = px - pk;
    while (x > px && y > py) {
      ops.push_back(Op::kKeep);
      --x, --y;
    }
    ops.push_back(down ? Op::kInsert : Op::kDelete);
    if (down)
      --y;
    else
      --x;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::kKeep);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

namespace {

void append_range(std::string& out, std::size_t start, std::size_t count) {
  // GNU diff: "l" for one line, "l,c" otherwise; an empty range names the line before it.
  out += std::to_string(count == 0 ? start : start + 1);
  if (count != 1) out += ',' + std::to_string(count);
}

void append_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out.append(line.data(), line.size());
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view a_name,
                         std::string_view b_name, int context) {
  if (before == after) return {};
  // The common leading lines, except the last `context` of them, can be in no hunk: the
  // script starts after them (Myers' first snake would only walk them), so a large file
  // with a change near its end costs little more than its two texts.
  const auto ctx_lines = static_cast<std::size_t>(std::max(context, 0));
  std::vector<std::size_t> starts;  // byte offsets of the last (up to ctx_lines) common lines
  std::size_t skipped = 0;          // lines left out
  std::size_t from = 0;             // where the first line not left out starts
  for (std::size_t at = 0;;) {
    const std::size_t nl = before.find('\n', at);
    if (nl == std::string_view::npos || nl >= after.size() ||
        before.compare(at, nl + 1 - at, after, at, nl + 1 - at) != 0)
      break;
    starts.push_back(at);
    at = nl + 1;
    if (starts.size() > ctx_lines) {
      starts.erase(starts.begin());
      ++skipped;
      from = starts.empty() ? at : starts.front();
    }
  }
  const auto a = split_lines(before.substr(from));
  const auto b = split_lines(after.substr(from));
  const std::vector<Op> ops = line_edit_script(a, b);
  const auto ctx = static_cast<std::size_t>(std::max(context, 0));

  std::string out;
  out += "--- ";
  out.append(a_name.data(), a_name.size());
  out += "\n+++ ";
  out.append(b_name.data(), b_name.size());
  out += '\n';

  // Positions in a and b before each op.
  std::vector<std::size_t> ai(ops.size() + 1), bi(ops.size() + 1);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    ai[i + 1] = ai[i] + (ops[i] != Op::kInsert);
    bi[i + 1] = bi[i] + (ops[i] != Op::kDelete);
  }
  std::size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::kKeep) {
      ++i;
      continue;
    }
    // A hunk: from ctx keeps before the first change to ctx keeps after the last change
    // whose following run of keeps is too short to split the hunk (<= 2 * ctx).
    const std::size_t begin = i >= ctx ? i - ctx : 0;
    std::size_t end = i;
    for (;;) {
      while (end < ops.size() && ops[end] != Op::kKeep) ++end;
      std::size_t keeps = end;
      while (keeps < ops.size() && ops[keeps] == Op::kKeep) ++keeps;
      if (keeps < ops.size() && keeps - end <= 2 * ctx) {
        end = keeps;
        continue;
      }
      end = std::min(end + ctx, ops.size());
      break;
    }
    out += "@@ -";
    append_range(out, skipped + ai[begin], ai[end] - ai[begin]);
    out += " +";
    append_range(out, skipped + bi[begin], bi[end] - bi[begin]);
    out += " @@\n";
    for (std::size_t j = begin; j < end; ++j) {
      switch (ops[j]) {
        case Op::kKeep:
          append_line(out, ' ', a[ai[j]]);
          break;
        case Op::kDelete:
          append_line(out, '-', a[ai[j]]);
          break;
        case Op::kInsert:
          append_line(out, '+', b[bi[j]]);
          break;
      }
    }
    i = end;
  }
  return out;
}

namespace {

std::filesystem::path full_path(const std::string& path, const std::filesystem::path& cwd) {
  const std::filesystem::path p(path);
  return (p.is_absolute() ? p : cwd / p).lexically_normal();
}

}  // namespace

bool outside_dir(const std::string& path, const std::filesystem::path& cwd) {
  const std::filesystem::path rel = full_path(path, cwd).lexically_relative(cwd.lexically_normal());
  return rel.empty() || *rel.begin() == ".." || rel == ".";
}

std::string patch_path(const std::string& path, const std::filesystem::path& cwd, bool from_root) {
  const std::filesystem::path full = full_path(path, cwd);
  if (from_root || outside_dir(path, cwd)) return full.relative_path().generic_string();
  return full.lexically_relative(cwd.lexically_normal()).generic_string();
}

}  // namespace kafkalint::core
