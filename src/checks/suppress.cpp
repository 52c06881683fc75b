#include "checks/suppress.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"
#include "knowledge/catalog.h"

namespace kafkalint::checks {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

Suppressions::Suppressions(const std::string& file, const std::vector<CommentLine>& comments,
                           const std::vector<Statement>& statements,
                           const std::function<bool(std::string_view)>& known_rule,
                           std::vector<core::Finding>* problems)
    : file_(file) {
  const int first_statement = statements.empty() ? 1 << 30 : statements.front().first_line;
  for (const CommentLine& c : comments) {
    std::string_view t = trim(c.text);
    constexpr std::string_view kTag = "kafkalint:";
    if (t.substr(0, kTag.size()) != kTag) continue;
    t = trim(t.substr(kTag.size()));
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
      const std::string_view tok = trim(list.substr(0, comma));
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
    int next_line = c.line + 1;
    for (const CommentLine& other : comments)
      if (other.line == next_line) ++next_line;
    auto st = std::find_if(statements.begin(), statements.end(),
                           [&](const Statement& s) { return s.first_line == next_line; });
    if (st != statements.end()) {
      d.first_line = st->first_line;
      d.last_line = st->last_line;
    } else if (c.line < first_statement) {
      d.first_line = d.last_line = 0;  // file-wide
    } else {
      continue;  // a directive above nothing: nothing to silence
    }
    directives_.push_back(std::move(d));
  }
}

bool Suppressions::suppressed(const core::Finding& f) const {
  const std::string code = core::ascii_lower(f.code), name = core::ascii_lower(f.name);
  for (const Directive& d : directives_) {
    const bool file_wide = d.first_line == 0;
    if (!file_wide && (f.where.line < d.first_line || f.where.line > d.last_line)) continue;
    for (std::size_t i = 0; i < d.rules.size(); ++i) {
      const std::string& r = d.rules[i];
      if (r == "all" || r == code || r == name) {
        d.used[i] = 1;
        return true;
      }
    }
  }
  return false;
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
