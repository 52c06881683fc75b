// The checks of one properties file: keys (KL1xx), values (KL2xx), defaults (KL3xx),
// rolling-restart safety (KL4xx) and encoding (KL5xx). Cluster-wide checks over several
// broker files are in cluster_checks.cpp.

#include <algorithm>
#include <map>
#include <set>

#include "checks/context.h"
#include "checks/default_changes.h"
#include "checks/kraft_startup.h"
#include "checks/single_node.h"
#include "checks/upgrade_path.h"
#include "checks/value_check.h"
#include "core/suggest.h"
#include "properties/edit.h"

namespace kafkalint::checks {

namespace {

using knowledge::Scope;
using properties::Entry;

constexpr std::string_view kBomAsLatin1 = "\xC3\xAF\xC2\xBB\xC2\xBF";  // U+00EF U+00BB U+00BF

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string scope_word(Role r) { return role_name(r); }

/// Keys under these prefixes are read by plugins or per-listener overrides: Kafka passes
/// them on, so they are not "unknown".
bool documented_prefix(std::string_view key) {
  static constexpr std::string_view kPrefixes[] = {"listener.name.",
                                                   "rsm.config.",
                                                   "rlmm.config.",
                                                   "confluent.",
                                                   "remote.log.storage.manager.impl.",
                                                   "remote.log.metadata.manager.impl.",
                                                   "producer.override.",
                                                   "consumer.override.",
                                                   "admin.override.",
                                                   "client.quota.callback.static.",
                                                   "config.providers."};
  for (std::string_view p : kPrefixes)
    if (key.substr(0, p.size()) == p && key.size() > p.size()) return true;
  return false;
}

/// A list value without the whitespace around its commas, which Kafka drops when it splits it.
std::string compact_list(std::string_view v) {
  std::string out;
  std::size_t i = 0;
  while (true) {
    const std::size_t comma = v.find(',', i);
    out += java_trim(
        v.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
    if (comma == std::string_view::npos) return out;
    out += ',';
    i = comma + 1;
  }
}

std::string first_segment(std::string_view key) {
  return std::string(key.substr(0, key.find('.')));
}

class FileChecker {
 public:
  FileChecker(const PropsFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out)
      : f_(f), doc_(f.doc()), k_(k), emit_(f, k, out), scopes_(role_scopes(f.role)) {}

  void run() {
    check_encoding();
    check_duplicates();
    for (const Entry& e : doc_.entries()) check_entry(e);
    check_protocol_pins();
    check_shadowed();
    check_unset();
    check_required();
  }

 private:
  // The key as the check sees it: without a leading byte order mark (reported once as KL501).
  std::string_view key_of(const Entry& e) const {
    std::string_view key = doc_.key(e);
    if (&e == &doc_.entries().front() && key.substr(0, kBomAsLatin1.size()) == kBomAsLatin1)
      key.remove_prefix(kBomAsLatin1.size());
    return key;
  }

  const knowledge::ConfigKey* find_key(std::string_view key) const {
    for (Scope s : scopes_)
      if (const knowledge::ConfigKey* c = k_.configs->find(s, key)) return c;
    return nullptr;
  }

  bool plain_key(const Entry& e) const {
    // The key is written exactly as it decodes (no escapes, one line), so a fix can replace
    // its bytes with another plain key. And it is the key's only entry: renaming one of
    // several would change which value Java keeps (an earlier, ignored entry becoming the
    // renamed key's value while the effective one stays behind, continued or escaped), and a
    // second --fix would find the others still to rename. Duplicates are KL107's first.
    const std::string_view raw(f_.original.data() + e.key.begin, e.key.size());
    return raw == doc_.key(e) && !f_.opaque(e.key) && doc_.find_all(doc_.key(e)).size() == 1;
  }

  // --- KL5xx -------------------------------------------------------------------------------
  void check_encoding() {
    if (f_.original.compare(0, 3, "\xEF\xBB\xBF") == 0 && !doc_.entries().empty()) {
      const Entry& first = doc_.entries().front();
      auto& fd = emit_.at(1, 1, 1, RuleId::KL501,
                          "file starts with a UTF-8 byte order mark; Kafka reads it as part of "
                          "the first key " +
                              quoted(key_of(first)));
      fd.subject = std::string(key_of(first));
      emit_.fix(fd, 0, 3, "", "remove the byte order mark");
    }
    for (const Entry& e : doc_.entries()) {
      // A non-ASCII byte in a key or value (comments do not matter), other than the BOM.
      std::size_t from =
          e.key.begin == 0 && f_.original.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : e.key.begin;
      for (std::size_t i = from; i < e.value.end && i < f_.original.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(f_.original[i]);
        if (c < 0x80) continue;
        if (f_.mask.is_opaque(i, i + 1)) break;
        const auto it = std::upper_bound(f_.line_starts.begin(), f_.line_starts.end(), i);
        const int line = static_cast<int>(it - f_.line_starts.begin());
        const int col =
            static_cast<int>(i - f_.line_starts[static_cast<std::size_t>(line - 1)]) + 1;
        auto& fd = emit_.at(line, col, 1, RuleId::KL502,
                            "byte 0x" + hex(c) + " in " + quoted(key_of(e)) +
                                " is read as the Latin-1 character '" + latin1(c) +
                                "', not as UTF-8; write non-ASCII characters as \\uXXXX");
        fd.subject = std::string(key_of(e));
        break;
      }
    }
  }

  static std::string hex(unsigned char c) {
    static const char* d = "0123456789ABCDEF";
    return std::string{d[c >> 4], d[c & 15]};
  }
  static std::string latin1(unsigned char c) {
    return std::string{static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
  }

  // --- KL107 -------------------------------------------------------------------------------
  void check_duplicates() {
    // In a template with control code, repeated keys usually sit in if/else branches.
    if (!f_.mask.control_lines.empty() || !f_.mask.code.empty()) return;
    std::map<std::string_view, std::vector<const Entry*>> by_key;
    for (const Entry& e : doc_.entries())
      if (!f_.opaque(e.key)) by_key[key_of(e)].push_back(&e);
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

  // --- KL1xx and KL2xx, per entry -----------------------------------------------------------
  void check_entry(const Entry& e) {
    if (f_.opaque(e.key)) return;  // a templated key: unknown until rendered
    const std::string_view key = key_of(e);
    if (key.empty()) return;
    const std::string scope = scope_word(f_.role);

    if (k_.keys->is_log4j_key(key)) {
      emit_.at_key(e, k_.keys->log4j_rule(),
                   quoted(key) +
                       " is a Log4j setting; Kafka ignores it here, it belongs in "
                       "log4j.properties (log4j2.yaml from 4.0)");
      return;
    }

    if (const knowledge::ConfigKey* ck = find_key(key)) {
      check_known(e, key, *ck);
      return;
    }
    if (k_.keys->undocumented(key, scope, k_.to ? &k_.to->version : nullptr)) return;
    if (check_legacy_or_changed(e, key)) return;
    for (Scope s : scopes_) {
      if (const knowledge::RemovedKey* r = k_.configs->removed(s, key)) {
        if (k_.to) {
          std::string msg = quoted(key) + " was removed after Kafka " + r->last + "; Kafka " +
                            k_.to->name + " ignores it";
          emit_.at_key(e, RuleId::KL103, msg);
        }
        return;
      }
      if (k_.configs->undocumented(s, key)) return;
    }
    if (const knowledge::PrefixedKeys* p = k_.keys->prefixed_for(key)) {
      // Before `since` the target has no such plugin and no prefix to add.
      if (role_matches_scope(f_.role, p->scope) && (!k_.to || p->since <= k_.to->version)) {
        const std::string prefixed = p->required_prefix + std::string(key);
        auto& fd =
            emit_.at_key(e, p->rule, quoted(key) + " only takes effect as " + quoted(prefixed));
        if (!p->note.empty()) fd.notes.push_back(p->note);
        if (plain_key(e) && !doc_.find(prefixed))
          emit_.fix(fd, e.key.begin, e.key.end, prefixed, "rename to " + quoted(prefixed));
        return;
      }
    }
    if (documented_prefix(key)) return;
    if (check_other_scope(e, key)) return;
    check_unknown(e, key);
  }

  void check_known(const Entry& e, std::string_view key, const knowledge::ConfigKey& ck) {
    // KL110: ZooKeeper settings on a KRaft node, unless it takes part in a migration.
    if (f_.kraft && key.rfind("zookeeper.", 0) == 0 && !zk_migration()) {
      emit_.at_key(e, RuleId::KL110,
                   quoted(key) +
                       " is a ZooKeeper setting on a KRaft node (process.roles "
                       "is set); it is ignored outside a ZooKeeper migration");
    }
    const knowledge::KeyChange* change = k_.keys->change(key, scope_word(f_.role));
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

  void check_value(const Entry& e, std::string_view key, const knowledge::ConfigKey& ck) {
    if (f_.value_opaque(e)) return;
    if (key == "inter.broker.protocol.version" || key == "log.message.format.version" ||
        key == "message.format.version")
      return;  // checked against the release catalogue in check_protocol_pins
    std::string_view value = doc_.value(e);
    if (const knowledge::LegacyValue* lv = k_.keys->legacy_value(key, value, scope_word(f_.role))) {
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
                       (v.bad_element.empty() ? quoted(value) + " is not a valid " + ck.type
                                              : quoted(v.bad_element) + " is not a valid entry") +
                           " for " + quoted(key) + "; expected " + v.detail);
        break;
      case ValueProblem::kOutOfRange:
        emit_.at_value(e, RuleId::KL202,
                       quoted(value) + " is out of range for " + quoted(key) + where +
                           "; expected " + v.detail);
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

  bool plain_value(const Entry& e) const {
    const std::string_view raw(f_.original.data() + e.value.begin, e.value.size());
    return raw == doc_.value(e) && !f_.opaque(e.value);
  }

  // Curated lifecycle facts: 0.7/0.8 keys, old Scala client keys, renames (port -> listeners).
  bool check_legacy_or_changed(const Entry& e, std::string_view key) {
    const std::string scope = scope_word(f_.role);
    if (const knowledge::LegacyKey* l = k_.keys->legacy(key, scope)) {
      // Still read by the target release (the Scala clients lived until 2.0): not a finding.
      if (k_.to && k_.to->version < l->removed_in) return true;
      std::string msg = quoted(key) + " is a " +
                        (l->era == "scala-client" ? std::string("setting of the old Scala clients")
                                                  : std::string("setting of Kafka 0.7/0.8")) +
                        ", removed in " + l->removed_in.str() + "; no current release reads it";
      auto& fd = emit_.at_key(e, l->rule, msg);
      if (!l->replacement.empty()) fd.suggestion = "use " + quoted(l->replacement);
      if (!l->replacement_note.empty()) fd.notes.push_back(l->replacement_note);
      return true;
    }
    if (const knowledge::KeyChange* c = k_.keys->change(key, scope)) {
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
        if (c->value_hint.empty() && c->replacement_note.empty() && plain_key(e) &&
            !doc_.find(c->replacement))
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
  bool check_other_scope(const Entry& e, std::string_view key) {
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
          if (plain_key(e) && !doc_.find(ck->server_default))
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
                   quoted(key) + " is a " + owner + " setting; a " + scope_word(f_.role) +
                       " config does not read it");
      return true;
    }
    return false;
  }

  void check_unknown(const Entry& e, std::string_view key) {
    std::vector<std::string> candidates;
    for (Scope s : scopes_)
      for (const knowledge::ConfigKey& c : k_.configs->keys(s)) candidates.push_back(c.name);
    const std::vector<std::string> close = core::closest(key, candidates, 3);
    // Sharing not even its first word with any Kafka key, it is most likely a plugin's
    // (authorizer, metrics reporter): said as info, never dropped silently.
    const bool plugin_like = close.empty() && !known_first_segment(first_segment(key));
    // An indented line of a template is most likely the rest of a value that template code
    // split (a JAAS config under {% if %}): only the rendered file can tell.
    if (plugin_like && f_.templated() && f_.original.compare(e.raw.begin, 1, " ") == 0) return;
    // A key a later release reads: say when it comes, not that it is unknown.
    if (const knowledge::UndocumentedKey* u =
            k_.keys->undocumented(key, scope_word(f_.role), nullptr);
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
    if (k_.to) msg += " for a Kafka " + k_.configs->release() + " " + scope_word(f_.role);
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
    for (std::size_t i = 1; i < close.size(); ++i)
      fd.notes.push_back("or " + quoted(close[i]) + "?");
    if (close.size() == 1 && plain_key(e) && !doc_.find(close[0]))
      emit_.fix(fd, e.key.begin, e.key.end, close[0], "rename to " + quoted(close[0]));
  }

  bool known_first_segment(const std::string& seg) const {
    for (Scope s : knowledge::kAllScopes)
      for (const knowledge::ConfigKey& c : k_.configs->keys(s))
        if (c.name.compare(0, seg.size(), seg) == 0 &&
            (c.name.size() == seg.size() || c.name[seg.size()] == '.'))
          return true;
    return false;
  }

  // KL304: a key Kafka reads only when another one is unset (KafkaConfig falls back to the
  // older key); with both set, the older one does nothing.
  void check_shadowed() {
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

  bool zk_migration() const {
    const Entry* m = doc_.find("zookeeper.metadata.migration.enable");
    return m && !f_.value_opaque(*m) && java_trim(doc_.value(*m)) == "true";
  }

  // False when the target release no longer has the broker key (KL103 reports it instead).
  bool target_defines(std::string_view key) const {
    return !k_.to || k_.configs->find(Scope::kBroker, key) != nullptr;
  }

  // --- KL205-KL209: inter.broker.protocol.version and log.message.format.version ----------
  void check_protocol_pins() {
    if (f_.role != Role::kBroker) return;
    const Entry* ibp = doc_.find("inter.broker.protocol.version");
    const Entry* lmfv = doc_.find("log.message.format.version");
    const knowledge::Release* runs = k_.to ? k_.to : k_.from;  // the release that runs the file
    std::optional<knowledge::ProtocolVersion> ibp_v, lmfv_v;
    for (auto [entry, out] : {std::pair{ibp, &ibp_v}, std::pair{lmfv, &lmfv_v}}) {
      if (!entry || f_.value_opaque(*entry)) continue;
      const std::string_view key = doc_.key(*entry);
      const std::string value(java_trim(doc_.value(*entry)));
      if (f_.kraft && key == "log.message.format.version") {
        if (target_defines(key))
          emit_.at_key(*entry, RuleId::KL208, quoted(key) + " has no effect on a KRaft node");
        continue;
      }
      core::Error err;
      auto pv = k_.versions->resolve_protocol(value, &err);
      if (!pv) {
        auto& fd = emit_.at_value(*entry, RuleId::KL207,
                                  quoted(value) +
                                      " is not a protocol version any Kafka release "
                                      "defines; the broker will not start");
        if (k_.to) {
          auto all = k_.versions->protocol_versions_up_to(*k_.to);
          auto close = core::closest(value, all, 1);
          if (!close.empty()) fd.suggestion = "did you mean " + quoted(close[0]) + "?";
        }
        continue;
      }
      *out = pv;
      // A release's reference may list the next release's development versions (3.9 lists
      // 4.0-IV0 and 4.0-IV1): that release accepts them, but they are not for production.
      auto lists_unstable = [&](const knowledge::Release* r) {
        return r &&
               std::find(r->unstable_protocol_versions.begin(), r->unstable_protocol_versions.end(),
                         pv->name) != r->unstable_protocol_versions.end();
      };
      const knowledge::Release* lister = pv->unstable           ? pv->release
                                         : lists_unstable(runs) ? runs
                                                                : nullptr;
      if (lister)
        emit_.at_value(*entry, RuleId::KL209,
                       quoted(value) + " is listed by Kafka " + lister->name +
                           " but not supported in production");
      // A release that lists the version accepts it: KL209 says what is wrong with it.
      if (k_.to && !lists_unstable(k_.to) && k_.to->version < pv->release->version)
        emit_.at_value(*entry, RuleId::KL205,
                       quoted(value) + " is newer than Kafka " + k_.to->name +
                           "; a broker of that release refuses to start with it");
      else if (k_.from && !lists_unstable(k_.from) && k_.from->version < pv->release->version)
        emit_.at_value(*entry, RuleId::KL205,
                       quoted(value) + " is newer than the running Kafka " + k_.from->name +
                           "; raise it only after every broker runs the new release");
    }
    check_pins_for_upgrade(ibp, lmfv);
    if (f_.kraft && ibp && !f_.opaque(ibp->value) &&
        target_defines("inter.broker.protocol.version"))
      emit_.at_key(*ibp, RuleId::KL208,
                   "'inter.broker.protocol.version' is ignored on a KRaft node; the cluster's "
                   "metadata.version decides (kafka-features.sh)");
    // LMFV ahead of IBP: checked against the release that will run the file.
    if (!runs || !lmfv_v || !lmfv || f_.kraft) return;
    std::optional<knowledge::ProtocolVersion> ibp_eff = ibp_v;
    if (!ibp_eff && !ibp && !runs->ibp_default.empty()) {
      core::Error err;
      ibp_eff = k_.versions->resolve_protocol(runs->ibp_default, &err);
    }
    if (!ibp_eff) return;
    // KL304: from protocol 3.0 the broker writes record format V2 whatever the pin says.
    if (ibp_eff->release->version >= core::Version{{3, 0}}) {
      auto& fd = emit_.at_key(*lmfv, RuleId::KL304,
                              "'log.message.format.version' has no effect once "
                              "inter.broker.protocol.version is 3.0 or later (it is " +
                                  quoted(ibp_eff->name) + (ibp ? "" : ", the default") + ")");
      fd.notes.push_back("remove it together with the protocol bump (KIP-724)");
      return;
    }
    bool bad = false;
    if (runs->startup_check == knowledge::StartupCheck::kStrict)
      bad = lmfv_v->index > ibp_eff->index;
    else if (runs->startup_check == knowledge::StartupCheck::kRecordVersion)
      bad = lmfv_v->release->record_format > ibp_eff->release->record_format;
    if (bad)
      emit_.at_value(*lmfv, RuleId::KL206,
                     "log.message.format.version " + quoted(lmfv_v->name) +
                         " is ahead of inter.broker.protocol.version " + quoted(ibp_eff->name) +
                         (ibp ? "" : " (the default)") + "; Kafka " + runs->name +
                         " refuses to start");
  }

  // KL804: with --from and --to, a ZooKeeper-mode broker must pin the protocol of the running
  // release before its first restart on the new binaries; otherwise it talks its own newer
  // protocol to the old brokers. The message format too where `plan` pins it.
  void check_pins_for_upgrade(const Entry* ibp, const Entry* lmfv) {
    const knowledge::Release* from = k_.from;
    const knowledge::Release* to = k_.to;
    if (!from || !to || from == to || f_.kraft || !to->ibp_key) return;
    // A template line whose key is template code ("{{ k }}={{ v }}" in a loop) may set it.
    for (const Entry& e : doc_.entries())
      if (f_.opaque(e.key)) return;
    const bool lmfv_needed = knowledge::message_format_pin_needed(*from, *to);
    std::vector<std::string> missing;
    if (!ibp) missing.push_back("inter.broker.protocol.version");
    if (!lmfv && lmfv_needed) missing.push_back("log.message.format.version");
    if (missing.empty()) return;
    std::string keys, settings;
    std::vector<std::pair<std::string, std::string>> pins;
    for (const std::string& key : missing) {
      keys += (keys.empty() ? "" : " and ") + quoted(key);
      settings += (settings.empty() ? "" : " and ") + key + "=" + from->name;
      pins.emplace_back(key, from->name);
    }
    const char* what = missing.size() == 2 ? "inter-broker protocol and message format"
                       : ibp               ? "message format"
                                           : "inter-broker protocol";
    auto& fd =
        emit_.at_file(RuleId::KL804, keys + (missing.size() == 1 ? " is" : " are") +
                                         " not set: a broker restarted on Kafka " + to->name +
                                         " would use the newer " + what + " of " + to->name +
                                         " while the other brokers still run " + from->name);
    fd.subject = missing.front();
    const char* them = missing.size() == 1 ? "it" : "them";
    // Recommend only a plan that plan itself accepts; a refused path has KL802/KL803.
    const std::string steps =
        plan_accepts_path(k_, *from, *to, f_.kraft)
            ? " (kafkalint plan --from " + from->name + " --to " + to->name + " writes the steps)"
            : " (this path needs intermediate steps first: see KL802/KL803)";
    fd.notes.push_back(std::string("pin ") + them + " to " + from->name +
                       " before the rolling upgrade and raise " + them +
                       " after every broker runs " + to->name + steps);
    const std::size_t end = f_.original.size();
    emit_.fix(fd, end, end, properties::appended_entries(doc_, pins), "add " + settings);
  }

  // --- KL301, KL302, KL4xx for keys the file leaves unset, and KL4xx for set ones ------------
  // A KRaft controller that is not also a broker hosts no partitions: the replication and
  // producer-side safety checks do not apply to it (only those of keys that controllers read).
  bool controller_only() const {
    const Entry* r = doc_.find("process.roles");
    if (!r || f_.value_opaque(*r)) return false;
    return java_trim(doc_.value(*r)) == "controller";
  }

  bool broker_only() const {
    const Entry* r = doc_.find("process.roles");
    return r && !f_.value_opaque(*r) && java_trim(doc_.value(*r)) == "broker";
  }

  // In KRaft mode the active controller moves leadership back to the preferred replicas
  // (ControllerServer reads auto.leader.rebalance.enable): the setting counts on controller
  // nodes and does nothing on broker-only ones.
  static bool read_by_kraft_controller(std::string_view key) {
    return key == "auto.leader.rebalance.enable";
  }

  void check_unset() {
    const bool controller = controller_only(), broker = broker_only();
    const std::string scope = scope_word(f_.role);
    // Safety checks on explicit values.
    for (const Entry& e : doc_.entries()) {
      if (f_.value_opaque(e) || f_.opaque(e.key)) continue;
      if (doc_.find(key_of(e)) != &e) continue;  // only the value Kafka uses
      const bool controller_key = read_by_kraft_controller(key_of(e));
      if (controller ? !controller_key : broker && controller_key) continue;
      // A list as Kafka splits it: "broker, controller" is "broker,controller".
      std::string value(java_trim(doc_.value(e)));
      if (const knowledge::ConfigKey* ck = find_key(key_of(e)); ck && ck->type == "list")
        value = compact_list(value);
      for (Scope s : scopes_)
        for (const knowledge::SafetyCheck* c :
             k_.safety->for_key(key_of(e), knowledge::scope_name(s))) {
          // The other key as Kafka sees it: its value, or its default when the file leaves it
          // unset (min.insync.replicas=2 with the default replication factor 1).
          std::optional<std::string_view> other;
          bool other_default = false;
          if (!c->other_key.empty()) {
            if (const Entry* o = doc_.find(c->other_key)) {
              if (!f_.value_opaque(*o)) other = java_trim(doc_.value(*o));
            } else if (const knowledge::ConfigKey* ok = k_.to ? find_key(c->other_key) : nullptr;
                       ok && ok->default_value && !f_.templated()) {
              other = *ok->default_value;
              other_default = true;
            }
          }
          if (!c->fires(value, other)) continue;
          if (c->since && k_.to && k_.to->version < *c->since) continue;
          auto& fd = emit_.at_value(
              e, c->rule,
              quoted(std::string(key_of(e)) + "=" + std::string(java_trim(doc_.value(e)))) + ": " +
                  c->rationale);
          if (other_default)
            fd.notes.push_back(quoted(c->other_key) + " is not set: its default " + quoted(*other) +
                               " applies");
        }
    }
    // Unset keys: a controller hosts no partitions, template loops may set any key, and a
    // topic's file lists only its overrides (the rest come from the brokers' defaults).
    if (controller || f_.templated() || f_.role == Role::kTopic) return;
    // Safety checks on defaults, for the release the brokers or clients will run.
    const knowledge::Release* runs = k_.to ? k_.to : k_.from;
    // The reference of that release: with only --from given, a key --from lacks (idempotence
    // before 0.11) is no advice either, and its default is --from's, not the newest line's.
    const knowledge::ConfigCatalog* runs_configs = k_.to ? k_.configs : k_.from_configs;
    const bool scala = scala_producer();
    if (scala) check_scala_producer_acks(runs);
    for (Scope s : scopes_) {
      for (const knowledge::SafetyCheck& c : k_.safety->checks()) {
        if (std::find(c.scopes.begin(), c.scopes.end(), knowledge::scope_name(s)) == c.scopes.end())
          continue;
        if (doc_.find(c.key)) continue;
        // The Scala producer reads neither acks nor enable.idempotence.
        if (scala && s == Scope::kProducer) continue;
        // Advice about a key the release does not have (idempotence before 0.11) is no advice.
        if (runs_configs && !runs_configs->find(s, c.key)) continue;
        const bool fires = c.unset_fires || (runs && c.fires_when_unset(runs->version));
        if (!fires) continue;
        if (f_.role == Role::kBroker && f_.kraft && c.key.rfind("zookeeper", 0) == 0) continue;
        std::string msg = quoted(c.key) + " is not set";
        const knowledge::ConfigCatalog* defaults = runs_configs ? runs_configs : k_.configs;
        if (const knowledge::ConfigKey* ck = defaults->find(s, c.key); ck && ck->default_value)
          msg += " (default " + quoted(*ck->default_value) + ")";
        auto& fd = emit_.at_file(c.rule, msg + ": " + c.rationale);
        fd.subject = c.key;
      }
    }
    // KL301: the defaults that change under this file between --from and --to.
    check_default_changes(f_, k_, emit_);
  }

  // A producer file written for the Scala producer (kafka.producer.Producer, removed in 2.0):
  // it names the brokers with metadata.broker.list and has no bootstrap.servers.
  bool scala_producer() const {
    if (f_.role != Role::kProducer || doc_.find("bootstrap.servers")) return false;
    return doc_.find("metadata.broker.list") || doc_.find("request.required.acks") ||
           doc_.find("producer.type");
  }

  // KL401 for the Scala producer: it reads request.required.acks, whose default is 0 (no
  // acknowledgement at all); -1 waits for the in-sync replicas. From 2.0 on there is no Scala
  // producer and KL109 reports its keys instead.
  void check_scala_producer_acks(const knowledge::Release* runs) {
    if (runs && runs->version >= core::Version::parse("2.0").value()) return;
    const Entry* e = doc_.find("request.required.acks");
    const char* why =
        ": the Scala producer confirms a send after the leader's write only (1) or not at all "
        "(0, its default); -1 waits for every in-sync replica";
    if (!e) {
      auto& fd = emit_.at_file(
          RuleId::KL401, "'request.required.acks' is not set (default '0')" + std::string(why));
      fd.subject = "request.required.acks";
      return;
    }
    if (f_.value_opaque(*e)) return;
    const std::string_view v = java_trim(doc_.value(*e));
    if (v != "0" && v != "1") return;
    emit_.at_value(*e, RuleId::KL401, quoted("request.required.acks=" + std::string(v)) + why);
  }

  bool broker_id_set() const {
    const Entry* b = doc_.find("broker.id");
    return b && (f_.value_opaque(*b) || java_trim(doc_.value(*b)) != "-1");
  }

  // KL302: a broker or controller of the target release will not start without these keys.
  // Controllers too: a controller-only 4.x node needs node.id like any other.
  void check_required() {
    if (f_.templated()) return;  // keys may come from template loops: unset is unknowable
    if (k_.to && f_.role == Role::kBroker) {
      for (const knowledge::ConfigKey& ck : k_.configs->keys(Scope::kBroker)) {
        if (!ck.required || doc_.find(ck.name)) continue;
        if (ck.name == "zookeeper.connect" && f_.kraft) continue;
        // KafkaConfig.populateSynonyms sets an unset node.id from broker.id.
        if (ck.name == "node.id" && broker_id_set()) continue;
        auto& fd = emit_.at_file(RuleId::KL302,
                                 quoted(ck.name) + " is not set and has no default; a Kafka " +
                                     k_.to->name + (controller_only() ? " controller" : " broker") +
                                     " will not start without it");
        fd.subject = ck.name;
      }
      // KRaft nodes: KafkaConfig's own checks refuse a node that cannot find the controllers,
      // although the reference gives these keys an empty default.
      if (f_.kraft && k_.configs->find(Scope::kBroker, "controller.listener.names")) {
        const char* node = controller_only() ? " controller" : " KRaft node";
        if (!doc_.find("controller.listener.names") &&
            !required_in_reference("controller.listener.names")) {
          auto& fd = emit_.at_file(
              RuleId::KL302, "'controller.listener.names' is not set; a Kafka " + k_.to->name +
                                 node +
                                 " will not start without the name of the controller listener");
          fd.subject = "controller.listener.names";
        }
        const bool bootstrap_known =
            k_.configs->find(Scope::kBroker, "controller.quorum.bootstrap.servers");
        if (!doc_.find("controller.quorum.voters") &&
            !doc_.find("controller.quorum.bootstrap.servers") &&
            !required_in_reference("controller.quorum.voters")) {
          auto& fd = emit_.at_file(
              RuleId::KL302,
              std::string(bootstrap_known ? "neither 'controller.quorum.voters' nor "
                                            "'controller.quorum.bootstrap.servers' is set"
                                          : "'controller.quorum.voters' is not set") +
                  "; a Kafka " + k_.to->name + node +
                  " will not start without the controller quorum");
          fd.subject = "controller.quorum.voters";
        }
      }
    }
  }

  bool required_in_reference(std::string_view key) const {
    const knowledge::ConfigKey* ck = k_.configs->find(Scope::kBroker, key);
    return ck && ck->required;
  }

  const PropsFile& f_;
  const properties::Document& doc_;
  const CheckKnowledge& k_;
  Emitter emit_;
  std::vector<Scope> scopes_;
};

}  // namespace

void check_properties(const PropsFile& f, const CheckKnowledge& k,
                      std::vector<core::Finding>* out) {
  FileChecker(f, k, out).run();
  check_kraft_startup(f, k, out);
  check_loopback_advertised(f, k, out);
}

}  // namespace kafkalint::checks
