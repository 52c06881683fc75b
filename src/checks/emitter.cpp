#include <algorithm>

#include "checks/context.h"

namespace kafkalint::checks {

core::Finding& Emitter::at(int line, int column, int length, RuleId id, std::string message) {
  core::Finding f = knowledge::make_finding(k_.rules, id, std::move(message));
  f.where = {file_.path, line, column};
  f.length = length;
  f.source_line = file_.source_line(line);
  out_->push_back(std::move(f));
  return out_->back();
}

core::Finding& Emitter::at_file(RuleId id, std::string message) {
  core::Finding& f = at(1, 1, 0, id, std::move(message));
  f.source_line.clear();
  return f;
}

core::Finding& Emitter::at_key(const properties::Entry& e, RuleId id, std::string message) {
  const bool one_line = file_.line_starts.size() <= static_cast<std::size_t>(e.line) ||
                        e.key.end <= file_.line_starts[static_cast<std::size_t>(e.line)];
  core::Finding& f =
      at(e.line, e.column, one_line ? static_cast<int>(e.key.size()) : 0, id, std::move(message));
  f.subject = std::string(file_.doc().key(e));
  return f;
}

core::Finding& Emitter::at_value(const properties::Entry& e, RuleId id, std::string message) {
  const bool one_line = e.value_line == e.last_line;
  core::Finding& f = at(e.value_line, e.value_column,
                        one_line ? static_cast<int>(e.value.size()) : 0, id, std::move(message));
  f.subject = std::string(file_.doc().key(e));
  return f;
}

void Emitter::fix(core::Finding& f, std::size_t begin, std::size_t end, std::string text,
                  std::string title, bool review) {
  const knowledge::Rule* r = k_.rules ? k_.rules->find(f.code) : nullptr;
  if (r && r->fix == knowledge::FixSafety::kNone) return;
  core::Fix fx;
  fx.title = std::move(title);
  fx.safety = r && r->fix == knowledge::FixSafety::kSafe && !review ? core::FixSafety::kSafe
                                                                    : core::FixSafety::kUnsafe;
  core::TextEdit edit;
  edit.offset = begin;
  edit.length = end - begin;
  edit.replacement = std::move(text);
  auto locate = [&](std::size_t off, int* line, int* col) {
    const auto& ls = file_.line_starts;
    const auto it = std::upper_bound(ls.begin(), ls.end(), off);
    *line = static_cast<int>(it - ls.begin());
    *col = static_cast<int>(off - ls[static_cast<std::size_t>(*line - 1)]) + 1;
  };
  locate(begin, &edit.line, &edit.column);
  locate(end, &edit.end_line, &edit.end_column);
  fx.edits.push_back(std::move(edit));
  f.fix = std::move(fx);
}

}  // namespace kafkalint::checks
