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
  const bool one_line = !file_.lines.has(e.line + 1) || e.key.end <= file_.lines.start(e.line + 1);
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
  const core::TextPosition b = file_.lines.position(begin), e = file_.lines.position(end);
  edit.line = b.line;
  edit.column = b.column;
  edit.end_line = e.line;
  edit.end_column = e.column;
  fx.edits.push_back(std::move(edit));
  f.fix = std::move(fx);
}

}  // namespace kafkalint::checks
