#include "checks/suppress.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/strings.h"
#include "knowledge/catalog.h"

namespace kafkalint::checks {

namespace {}  // namespace

Suppressions::Suppressions(const std::string& file, const std::vector<CommentLine>& comments,
                           const std::vector<Statement>& statements,
                           const std::function<bool(std::string_view)>& known_rule,
                           std::vector<core::Finding>* problems)
    : file_(file) {
  const int first_statement = statements.empty() ? 1 << 30 : statements.front().first_line;
  // The first line after each comment's block of comment lines, and the first statement
  // starting on each line: looked up per directive, found once here.
  std::map<int, int> block_end;
  for (auto it = comments.rbegin(); it != comments.rend(); ++it) {
    const auto next = block_end.find(it->line + 1);
    block_end.emplace(it->line, next != block_end.end() ? next->second : it->line + 1);
  }
  std::map<int, const Statement*> statement_at;
  for (const Statement& s : statements) statement_at.emplace(s.first_line, &s);
  std::map<std::pair<int, int>, std::vector<std::size_t>> by_statement;
  for (const CommentLine& c : comments) {
    std::string_view t = core::trim_line(c.text);
    constexpr std::string_view kTag = "kafkalint:";
    if (t.substr(0, kTag.size()) != kTag) continue;
    t = core::trim_line(t.substr(kTag.size()));
    constexpr std::string_view kDisable = "disable=";
    auto problem = [&](const std::string& msg, const std::string& subject) {
      core::Finding f = knowledge::make_finding(nullptr, RuleId::KL903);
      f.where = {file, c.line, c.column};
      f.message = msg;
      f.subject = subject;
      problems->push_back(std::move(f));
    };
    if (t.substr(0, kDisable.size()) != kDisable) {
      problem("unknown kafkalint directive '" + std::string(t) +
                  "'; expected 'kafkalint: disable=RULE[,RULE]'",
              std::string(t));
      continue;
    }
    Directive d;
    std::string_view list = t.substr(kDisable.size());
    // A reason may follow the list: "disable=KL101, KL103  # legacy file".
    if (auto hash = list.find('#'); hash != std::string_view::npos) list = list.substr(0, hash);
    while (!list.empty()) {
      const std::size_t comma = list.find(',');
      const std::string_view tok = core::trim_line(list.substr(0, comma));
      if (!tok.empty()) {
        if (core::ascii_lower(tok) == "all" || known_rule(tok)) {
          d.rules.push_back(core::ascii_lower(tok));
          d.written.emplace_back(tok);
        } else
          problem("suppression names unknown rule '" + std::string(tok) + "'", std::string(tok));
      }
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
    if (d.rules.empty()) continue;
    d.line = c.line;
    d.column = c.column;
    d.used.assign(d.rules.size(), 0);
    // The statement that starts right after this comment block.
    const auto end = block_end.find(c.line);
    const int next_line = end != block_end.end() ? end->second : c.line + 1;
    if (const auto st = statement_at.find(next_line); st != statement_at.end()) {
      d.first_line = st->second->first_line;
      d.last_line = st->second->last_line;
      by_statement[{d.first_line, d.last_line}].push_back(directives_.size());
    } else if (c.line < first_statement) {
      d.first_line = d.last_line = 0;  // file-wide
      for (std::size_t i = 0; i < d.rules.size(); ++i)
        file_wide_.emplace(d.rules[i], std::pair(directives_.size(), i));
    } else {
      continue;  // a directive above nothing: nothing to silence
    }
    directives_.push_back(std::move(d));
  }
  // Each statement's lines once, however many directives it has.
  for (const auto& [range, list] : by_statement)
    for (int line = range.first; line <= range.second; ++line) {
      std::vector<std::size_t>& v = by_line_[line];
      v.insert(v.end(), list.begin(), list.end());
    }
  for (auto& [line, v] : by_line_) std::sort(v.begin(), v.end());
}

bool Suppressions::suppressed(const core::Finding& f) const {
  if (directives_.empty()) return false;
  const std::string code = core::ascii_lower(f.code), name = core::ascii_lower(f.name);
  // The first directive in file order that names the rule silences it (and is the one used).
  std::optional<std::pair<std::size_t, std::size_t>> first;
  const auto consider = [&](std::pair<std::size_t, std::size_t> at) {
    if (!first || at < *first) first = at;
  };
  for (const std::string* r : {&code, &name})
    if (const auto it = file_wide_.find(*r); it != file_wide_.end()) consider(it->second);
  if (const auto it = file_wide_.find("all"); it != file_wide_.end()) consider(it->second);
  if (const auto it = by_line_.find(f.where.line); it != by_line_.end())
    for (std::size_t index : it->second) {
      if (first && index > first->first) break;
      const Directive& d = directives_[index];
      for (std::size_t i = 0; i < d.rules.size(); ++i)
        if (d.rules[i] == "all" || d.rules[i] == code || d.rules[i] == name) {
          consider({index, i});
          break;
        }
    }
  if (!first) return false;
  directives_[first->first].used[first->second] = 1;
  return true;
}

bool run_could_report(std::string_view rule, const knowledge::RuleCatalog& rules, bool has_to,
                      bool has_from) {
  if (!has_to) return false;
  if (core::ascii_lower(rule) == "all") return has_from;
  const knowledge::Rule* r = rules.find(rule);
  if (!r || r->category == "cluster") return false;
  if (r->category == "upgrade" || r->category == "defaults") return has_from;
  return true;
}

void Suppressions::keep_source_lines(const std::function<std::string(int)>& line_text) {
  for (Directive& d : directives_) d.source_line = line_text(d.line);
}

std::vector<core::Finding> Suppressions::unused(
    const std::function<bool(std::string_view rule)>& could_fire) const {
  std::vector<core::Finding> out;
  for (const Directive& d : directives_)
    for (std::size_t i = 0; i < d.rules.size(); ++i) {
      if (d.used[i] || !could_fire(d.rules[i])) continue;
      core::Finding f = knowledge::make_finding(nullptr, RuleId::KL904);
      f.where = {file_, d.line, d.column};
      f.message =
          "'disable=" + d.written[i] + "' silenced nothing " +
          (d.first_line == 0 ? std::string("in this file")
                             : "on line " + std::to_string(d.first_line) +
                                   (d.last_line > d.first_line ? "-" + std::to_string(d.last_line)
                                                               : std::string()));
      f.subject = d.written[i];
      f.suggestion = "remove it: a stale suppression would hide the next real finding there";
      f.source_line = d.source_line;
      // Underline the whole comment.
      const std::size_t from = static_cast<std::size_t>(d.column - 1);
      if (from < d.source_line.size()) f.length = static_cast<int>(d.source_line.size() - from);
      out.push_back(std::move(f));
    }
  return out;
}

}  // namespace kafkalint::checks
