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
                           std::vector<core::Finding>* problems) {
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
        if (core::ascii_lower(tok) == "all" || known_rule(tok))
          d.rules.push_back(core::ascii_lower(tok));
        else
          problem("suppression names unknown rule '" + std::string(tok) + "'", std::string(tok));
      }
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
    if (d.rules.empty()) continue;
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
    for (const std::string& r : d.rules)
      if (r == "all" || r == code || r == name) return true;
  }
  return false;
}

}  // namespace kafkalint::checks
