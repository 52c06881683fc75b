// KL1xx on keys the reference knows (KL110, KL111, KL105, KL304) and KL2xx on their values:
// removed values (KL204), types, ranges and sets (KL201-KL203), a backslash before blanks
// (KL503).

#include "checks/properties/file_checker.h"

namespace kafkalint::checks::props {

void FileChecker::check_known(const Entry& e, std::string_view key,
                              const knowledge::ConfigKey& ck) {
  // KL110: ZooKeeper settings on a KRaft node, unless it takes part in a migration.
  if (f_.kraft && key.rfind("zookeeper.", 0) == 0 && !zk_migration()) {
    emit_.at_key(e, RuleId::KL110,
                 quoted(key) +
                     " is a ZooKeeper setting on a KRaft node (process.roles "
                     "is set); it is ignored outside a ZooKeeper migration");
  }
  const knowledge::KeyChange* change = k_.keys->change(key, scope_set_);
  // KL304: the reference still lists the key, but the release no longer acts on it.
  if (change && k_.to && change->removed_in && *change->removed_in <= k_.to->version) {
    auto& fd = emit_.at_key(e, RuleId::KL304,
                            quoted(key) + " is still accepted by Kafka " + k_.to->name +
                                " but has no effect since " + change->removed_in->str());
    if (!change->replacement_note.empty()) fd.notes.push_back(change->replacement_note);
  }
  if (const knowledge::KeyChange* c = change) {
    if (k_.to && c->deprecated_in && *c->deprecated_in <= k_.to->version &&
        (!c->removed_in || k_.to->version < *c->removed_in)) {
      std::string msg = quoted(key) + " is deprecated since Kafka " + c->deprecated_in->str();
      if (c->removed_in) msg += " and removed in " + c->removed_in->str();
      // Still defined by the target: deprecated (KL105), not removed (KL103) yet.
      // Still read by the target: deprecated (KL105, info) whatever rule reports its removal.
      auto& fd = emit_.at_key(e, RuleId::KL105, msg);
      if (!c->replacement.empty())
        fd.suggestion = "use " + quoted(c->replacement) + " instead";
      else if (!c->replacement_note.empty())
        fd.notes.push_back(c->replacement_note);
    }
  }
  if (ck.internal)
    emit_.at_key(e, RuleId::KL111,
                 quoted(key) + " is an internal setting that Kafka " + k_.configs->release() +
                     " accepts but does not document");
  check_value(e, key, ck);
}

void FileChecker::check_value(const Entry& e, std::string_view key,
                              const knowledge::ConfigKey& ck) {
  if (f_.value_opaque(e)) return;
  if (key == "inter.broker.protocol.version" || key == "log.message.format.version" ||
      key == "message.format.version")
    return;  // checked against the release catalogue in check_protocol_pins
  std::string_view value = doc_.value(e);
  if (const knowledge::LegacyValue* lv = k_.keys->legacy_value(key, value, scope_set_)) {
    if (k_.to && lv->removed_in <= k_.to->version) {
      auto& fd = emit_.at_value(e, lv->rule,
                                quoted(std::string(key) + "=" + std::string(value)) +
                                    " is not accepted since Kafka " + lv->removed_in.str());
      if (!lv->replacement.empty()) {
        fd.suggestion = "use " + quoted(lv->replacement);
        if (plain_value(e))
          emit_.fix(fd, e.value.begin, e.value.end, lv->replacement,
                    "replace with " + quoted(lv->replacement), lv->review);
      }
      return;
    }
    // Without a target the value is valid in some releases and not in others: it is not
    // judged against the newest reference (KL203) either.
    if (!k_.to) return;
  }
  // ConfigDef.parseType trims the value of every key it defines, so trailing blanks change
  // nothing for Kafka: they matter only after a line-ending backslash, where the first blank
  // is escaped instead of the line break and the value stops there (KL503).
  const std::string_view raw(f_.original.data() + e.value.begin, e.value.size());
  const std::size_t raw_trimmed = raw.find_last_not_of(" \t\f");
  if (raw_trimmed != std::string_view::npos && raw_trimmed + 1 < raw.size() &&
      raw[raw_trimmed] == '\\' && !f_.value_opaque(e)) {
    std::size_t slashes = 0;
    for (std::size_t i = raw_trimmed + 1; i-- > 0 && raw[i] == '\\';) ++slashes;
    if (slashes % 2 == 1) {
      auto& fd = emit_.at_value(e, RuleId::KL503,
                                "value of " + quoted(key) +
                                    " ends with a backslash and a blank: the blank is escaped "
                                    "instead of the line break, so the value stops here and "
                                    "the next line is read as an entry of its own");
      const std::size_t cut = e.value.begin + raw_trimmed + 1;
      emit_.fix(fd, cut, e.value.end, "", "remove the blanks after the backslash");
    }
  }
  const std::size_t trimmed_len = value.find_last_not_of(" \t\f");
  if (trimmed_len != std::string_view::npos) value = value.substr(0, trimmed_len + 1);
  ValueVerdict v = checks::check_value(ck.type, ck.valid, value, ck.default_value.value_or(""));
  if (v.problem == ValueProblem::kNone) v = checks::check_key_format(key, value);
  const std::string where = k_.to ? " in Kafka " + k_.configs->release() : "";
  switch (v.problem) {
    case ValueProblem::kNone:
      break;
    case ValueProblem::kBadType:
      emit_.at_value(e, RuleId::KL201,
                     (v.bad_element.empty()
                          ? quoted(value) + " is not a valid " + knowledge::to_string(ck.type)
                          : quoted(v.bad_element) + " is not a valid entry") +
                         " for " + quoted(key) + "; expected " + v.detail);
      break;
    case ValueProblem::kOutOfRange:
      emit_.at_value(
          e, RuleId::KL202,
          quoted(value) + " is out of range for " + quoted(key) + where + "; expected " + v.detail);
      break;
    case ValueProblem::kNotInSet: {
      const std::string bad = v.bad_element.empty() ? std::string(value) : v.bad_element;
      auto& fd = emit_.at_value(e, RuleId::KL203,
                                quoted(bad) + " is not a valid value of " + quoted(key) + where +
                                    "; expected " + v.detail);
      (void)fd;
      break;
    }
  }
}

bool FileChecker::plain_value(const Entry& e) const {
  const std::string_view raw(f_.original.data() + e.value.begin, e.value.size());
  return raw == doc_.value(e) && !f_.opaque(e.value);
}

}  // namespace kafkalint::checks::props
