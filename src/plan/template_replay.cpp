#include "plan/template_replay.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "core/unified_diff.h"

namespace kafkalint::plan {
namespace {

// Lines with their terminators, so joining them gives the text back.
std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) {
      out.push_back(s.substr(b, i + 1 - b));
      b = i + 1;
    }
  }
  if (b < s.size()) out.push_back(s.substr(b));
  return out;
}

std::string body(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return std::string(line);
}

using Op = core::LineOp;

// core's Myers diff, on the lines as views.
std::vector<Op> edit_script(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::vector<std::string_view> va(a.begin(), a.end()), vb(b.begin(), b.end());
  return core::line_edit_script(va, vb);
}

// True when bytes [b, e) of the template's line hold template code: its masked line differs
// there, or the two do not line up at all.
bool touches_template(const std::string& real, const std::string& masked, std::size_t b,
                      std::size_t e) {
  if (real.size() != masked.size()) return true;
  for (std::size_t i = b; i < e && i < real.size(); ++i)
    if (real[i] != masked[i]) return true;
  return false;
}

// The key of a masked line ("key=value", "key value", "key:value"), "" for comments/blanks.
std::string_view key_of(std::string_view line) {
  std::size_t b = line.find_first_not_of(" \t\f");
  if (b == std::string_view::npos || line[b] == '#' || line[b] == '!') return {};
  std::size_t e = line.find_first_of("=: \t\f\r\n", b);
  return line.substr(b, (e == std::string_view::npos ? line.size() : e) - b);
}

}  // namespace

ReplayResult replay_on_template(const TemplatePair& before, const std::string& masked_after) {
  const std::vector<std::string> real = lines_of(before.real);
  const std::vector<std::string> old_m = lines_of(before.masked);
  const std::vector<std::string> new_m = lines_of(masked_after);
  ReplayResult r;
  r.after.masked = masked_after;
  if (real.size() != old_m.size()) {
    // Not line for line (cannot happen for a mask of the same text): keep the template.
    r.after.real = before.real;
    return r;
  }
  const std::vector<Op> ops = edit_script(old_m, new_m);
  std::size_t i = 0, j = 0, k = 0;
  while (k < ops.size()) {
    if (ops[k] == Op::kKeep) {
      r.after.real += real[i];
      ++i, ++j, ++k;
      continue;
    }
    // One hunk: the deleted lines of the template, then the lines the planner wrote there.
    std::vector<std::size_t> deleted;
    std::vector<std::size_t> inserted;
    for (; k < ops.size() && ops[k] != Op::kKeep; ++k)
      if (ops[k] == Op::kDelete)
        deleted.push_back(i++);
      else
        inserted.push_back(j++);
    std::vector<bool> used(deleted.size(), false);
    for (std::size_t nj : inserted) {
      const std::string& line = new_m[nj];
      std::string out = line;
      for (std::size_t di = 0; di < deleted.size(); ++di) {
        if (used[di]) continue;
        const std::size_t oi = deleted[di];
        const std::string& om = old_m[oi];
        // Only its line ending changed (an entry appended after a last line without one).
        if (body(line) == body(om)) {
          out = body(real[oi]) + line.substr(body(line).size());
          used[di] = true;
          break;
        }
        // Commented out: the template's own line behind the mark.
        if (line.size() > om.size() && line.compare(line.size() - om.size(), om.size(), om) == 0 &&
            body(line.substr(0, line.size() - om.size())).find_first_not_of("#! ") ==
                std::string::npos) {
          out = line.substr(0, line.size() - om.size()) + real[oi];
          used[di] = true;
          break;
        }
        // The same entry with another value: splice the new bytes into the template's line.
        const std::string_view key = key_of(om);
        if (key.empty() || key != key_of(line)) continue;
        used[di] = true;
        std::size_t p = 0;
        while (p < om.size() && p < line.size() && om[p] == line[p]) ++p;
        std::size_t s = 0;
        while (s < om.size() - p && s < line.size() - p &&
               om[om.size() - 1 - s] == line[line.size() - 1 - s])
          ++s;
        if (touches_template(real[oi], om, p, om.size() - s)) {
          out = real[oi];
          r.by_hand.push_back({static_cast<int>(oi) + 1, body(om), body(line), body(real[oi])});
        } else {
          out = real[oi].substr(0, p) + line.substr(p, line.size() - s - p) +
                real[oi].substr(om.size() - s);
        }
        break;
      }
      r.after.real += out;
    }
  }
  return r;
}

}  // namespace kafkalint::plan
