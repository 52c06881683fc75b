// KL1xx: keys. A key repeated (KL107), from the 0.7/0.8 era or the Scala clients (KL109),
// renamed or removed (KL103, KL104), for another kind of file (KL102), unknown (KL101), or
// shadowed by its listener-prefixed form.

#include <algorithm>

#include "checks/properties/file_checker.h"

namespace kafkalint::checks::props {

namespace {

std::string first_segment(std::string_view key) {
  return std::string(key.substr(0, key.find('.')));
}

}  // namespace

void FileChecker::check_duplicates() {
  // In a template with control code, repeated keys usually sit in if/else branches.
  if (!f_.mask.control_lines.empty() || !f_.mask.code.empty()) return;
  // Only keys the document holds more than once go into the map (a key whose byte order
  // mark was stripped may match another entry's, so those go in too): a 160,000-key file
  // of distinct keys spent a tenth of `check` building a map of one-entry lists.
  const Entry* first = doc_.entries().empty() ? nullptr : &doc_.entries().front();
  const std::string_view bom_key =
      first && key_of(*first).size() != doc_.key(*first).size() ? key_of(*first) : "";
  std::map<std::string_view, std::vector<const Entry*>> by_key;
  for (const Entry& e : doc_.entries()) {
    if (f_.opaque(e.key)) continue;
    const std::string_view key = key_of(e);
    const bool bom_related = !bom_key.empty() && (&e == first || key == bom_key);
    if (bom_related || doc_.count(key) > 1) by_key[key].push_back(&e);
  }
  for (const auto& [key, list] : by_key) {
    if (list.size() < 2) continue;
    const Entry& last = *list.back();
    for (std::size_t i = 0; i + 1 < list.size(); ++i) {
      const Entry& e = *list[i];
      std::string msg = quoted(key) + " is set again on line " + std::to_string(last.line) +
                        "; Kafka uses the last value";
      if (doc_.value(e) == doc_.value(last))
        msg += " (the same)";
      else
        msg += ", " + quoted(doc_.value(last)) + ", and ignores " + quoted(doc_.value(e));
      auto& fd = emit_.at_key(e, RuleId::KL107, msg);
      if (!f_.templated()) emit_.fix(fd, e.raw.begin, e.raw.end, "", "remove the ignored entry");
    }
  }
}

// Curated lifecycle facts: 0.7/0.8 keys, old Scala client keys, renames (port -> listeners).
bool FileChecker::check_legacy_or_changed(const Entry& e, std::string_view key) {
  if (const knowledge::LegacyKey* l = k_.keys->legacy(key, scope_set_)) {
    // Still read by the target release (the Scala clients lived until 2.0): not a finding.
    if (k_.to && k_.to->version < l->removed_in) return true;
    std::string msg = quoted(key) + " is a " +
                      (l->era == knowledge::LegacyEra::kScalaClient
                           ? std::string("setting of the old Scala clients")
                           : std::string("setting of Kafka 0.7/0.8")) +
                      ", removed in " + l->removed_in.str() + "; no current release reads it";
    auto& fd = emit_.at_key(e, l->rule, msg);
    if (!l->replacement.empty()) fd.suggestion = "use " + quoted(l->replacement);
    if (!l->replacement_note.empty()) fd.notes.push_back(l->replacement_note);
    return true;
  }
  if (const knowledge::KeyChange* c = k_.keys->change(key, scope_set_)) {
    const bool removed = c->removed_in && (!k_.to || *c->removed_in <= k_.to->version);
    if (!removed) return false;  // still defined: the generated reference decides
    if (!k_.to) return true;     // a real key of older releases: not unknown
    std::string msg = quoted(key) + " was removed in Kafka " + c->removed_in->str();
    // An entry's rule names how its key is reported; a deprecated key (KL105) that the
    // target has removed is a removed key (KL103), not a deprecated one.
    const RuleId rule = c->rule == RuleId::KL105 ? RuleId::KL103 : c->rule;
    auto& fd = emit_.at_key(e, rule, msg);
    if (!c->replacement.empty()) {
      fd.suggestion = "use " + quoted(c->replacement) + " instead";
      if (!c->value_hint.empty()) fd.notes.push_back("for example " + c->value_hint);
      // A pure rename keeps the value; offer it when the new key is not set already. A
      // replacement that needs a value hint or a note means something else (a count
      // became a time, a flag became a list): no rename then.
      if (c->value_hint.empty() && c->replacement_note.empty() && can_rename(e, c->replacement))
        emit_.fix(fd, e.key.begin, e.key.end, c->replacement,
                  "rename to " + quoted(c->replacement));
    }
    if (!c->replacement_note.empty()) fd.notes.push_back(c->replacement_note);
    // Otherwise the key is commented out: the target ignores it anyway, but the running
    // release may still read it, so the fix needs review (unsafe).
    if (!fd.fix && rule == RuleId::KL103 && !f_.templated()) {
      const std::string_view raw(f_.original.data() + e.raw.begin, e.raw.size());
      const std::string commented = properties::commented_lines(raw, "# ");
      emit_.fix(fd, e.raw.begin, e.raw.end, commented, "comment the key out");
    }
    return true;
  }
  return false;
}

// KL102: a key Kafka knows, but for another kind of process.
bool FileChecker::check_other_scope(const Entry& e, std::string_view key) {
  for (Scope s : knowledge::kAllScopes) {
    if (std::find(scopes_.begin(), scopes_.end(), s) != scopes_.end()) continue;
    const knowledge::ConfigKey* ck = k_.configs->find(s, key);
    if (!ck) continue;
    if (f_.role == Role::kBroker && s == Scope::kTopic) {
      auto& fd = emit_.at_key(e, RuleId::KL102,
                              quoted(key) +
                                  " is a topic-level setting; a broker config does "
                                  "not read it");
      // The reference renders "no broker synonym" as null: only a key the broker defines is
      // a suggestion (remote.storage.enable has none).
      if (!ck->server_default.empty() && k_.configs->find(Scope::kBroker, ck->server_default)) {
        fd.suggestion = "did you mean " + quoted(ck->server_default) + "?";
        if (can_rename(e, ck->server_default))
          emit_.fix(fd, e.key.begin, e.key.end, ck->server_default,
                    "rename to " + quoted(ck->server_default));
      }
      return true;
    }
    // Client keys in a broker config and the other way round. ssl/sasl keys are shared
    // and were found in the role's own scope already.
    std::string owner = knowledge::scope_name(s);
    if (s != Scope::kBroker && s != Scope::kTopic) {
      int clients = 0;
      for (Scope c : {Scope::kProducer, Scope::kConsumer, Scope::kAdmin})
        if (k_.configs->find(c, key)) ++clients;
      if (clients > 1) owner = "client";
    }
    emit_.at_key(e, RuleId::KL102,
                 quoted(key) + " is a " + owner + " setting; a " + role_name(f_.role) +
                     " config does not read it");
    return true;
  }
  return false;
}

void FileChecker::check_unknown(const Entry& e, std::string_view key) {
  if (!known_names_) {
    std::vector<std::string> names;
    for (Scope s : scopes_)
      for (const knowledge::ConfigKey& c : k_.configs->keys(s)) names.push_back(c.name);
    // A generic client file reads the producer's, consumer's and admin's keys, which share
    // most names: each name once, or 'sasl.mechanism' came back as its own two alternatives
    // and, being three, was never offered as a fix. One scope's names are distinct already
    // (sorting them cost every broker file with an unknown key 1.7% of a check's run).
    if (scopes_.size() > 1) {
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
    }
    known_names_.emplace(std::move(names));
  }
  const std::vector<std::string> close = (*known_names_)(key, 3);
  // Sharing not even its first word with any Kafka key, it is most likely a plugin's
  // (authorizer, metrics reporter): said as info, never dropped silently.
  const bool plugin_like = close.empty() && !known_first_segment(first_segment(key));
  // An indented line of a template is most likely the rest of a value that template code
  // split (a JAAS config under {% if %}): only the rendered file can tell.
  if (plugin_like && f_.templated() && f_.original.compare(e.raw.begin, 1, " ") == 0) return;
  // A key a later release reads: say when it comes, not that it is unknown.
  if (const knowledge::UndocumentedKey* u = k_.keys->undocumented(key, scope_set_, nullptr);
      u && k_.to && k_.to->version < u->since) {
    auto& fd = emit_.at_key(e, RuleId::KL101,
                            quoted(key) + " is not yet available in Kafka " + k_.to->name +
                                " (added in " + u->since.str() + ")");
    fd.subject = std::string(key);
    return;
  }
  // The same for every key of a later reference (delivery.timeout.ms on 0.10.2).
  if (k_.added_in)
    for (Scope s : scopes_)
      if (const knowledge::Release* r = k_.added_in(s, key)) {
        auto& fd = emit_.at_key(e, RuleId::KL101,
                                quoted(key) + " is not yet available in Kafka " + k_.to->name +
                                    " (added in " + r->name + ")");
        fd.subject = std::string(key);
        return;
      }
  std::string msg = "unknown key " + quoted(key);
  if (k_.to) msg += " for a Kafka " + k_.configs->release() + " " + role_name(f_.role);
  auto& fd = emit_.at_key(e, RuleId::KL101, msg);
  fd.subject = std::string(key);
  if (plugin_like) {
    fd.severity = core::Severity::kInfo;
    fd.notes.push_back(
        "if a plugin reads it, give it the plugin's prefix, list it in plugin-keys of "
        ".kafkalint.toml, or suppress it");
    return;
  }
  if (close.empty()) return;
  fd.suggestion = "did you mean " + quoted(close[0]) + "?";
  for (std::size_t i = 1; i < close.size(); ++i) fd.notes.push_back("or " + quoted(close[i]) + "?");
  if (close.size() == 1 && can_rename(e, close[0]))
    emit_.fix(fd, e.key.begin, e.key.end, close[0], "rename to " + quoted(close[0]));
}

bool FileChecker::known_first_segment(const std::string& seg) {
  if (const auto it = first_segments_.find(seg); it != first_segments_.end()) return it->second;
  const bool known = [&] {
    for (Scope s : knowledge::kAllScopes)
      for (const knowledge::ConfigKey& c : k_.configs->keys(s))
        if (c.name.compare(0, seg.size(), seg) == 0 &&
            (c.name.size() == seg.size() || c.name[seg.size()] == '.'))
          return true;
    return false;
  }();
  first_segments_.emplace(seg, known);
  return known;
}

// KL304: a key Kafka reads only when another one is unset (KafkaConfig falls back to the
// older key); with both set, the older one does nothing.
void FileChecker::check_shadowed() {
  if (f_.role != Role::kBroker) return;
  struct Shadow {
    const char* key;
    const char* by;
  };
  static constexpr Shadow kShadows[] = {
      {"log.dir", "log.dirs"},  // log.dirs wins when set
      {"port", "listeners"},    // port/host.name only without listeners
      {"host.name", "listeners"},
      {"advertised.port", "advertised.listeners"},
      {"advertised.host.name", "advertised.listeners"},
  };
  for (const Shadow& sh : kShadows) {
    const Entry* e = doc_.find(sh.key);
    const Entry* by = doc_.find(sh.by);
    if (!e || !by || f_.opaque(e->key) || java_trim(doc_.value(*by)).empty()) continue;
    if (k_.to && !k_.configs->find(Scope::kBroker, sh.key))
      continue;  // removed: KL103/KL104 say it
    emit_.at_key(*e, RuleId::KL304,
                 quoted(sh.key) + " has no effect because " + quoted(sh.by) + " is set (line " +
                     std::to_string(by->line) + ")");
  }
}

}  // namespace kafkalint::checks::props
