// KL4xx: rolling-restart safety, on the values a file sets and on the defaults of the keys
// it leaves unset, including the old Scala producer's acknowledgements (KL401).

#include "checks/properties/file_checker.h"

namespace kafkalint::checks::props {

namespace {

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

// In KRaft mode the active controller moves leadership back to the preferred replicas
// (ControllerServer reads auto.leader.rebalance.enable): the setting counts on controller
// nodes and does nothing on broker-only ones.
bool read_by_kraft_controller(std::string_view key) {
  return key == "auto.leader.rebalance.enable";
}

}  // namespace

// Safety checks on the values the file sets.
void FileChecker::check_set_values() {
  const bool controller = controller_only(), broker = broker_only();
  // As for unset keys: a key the running release does not have (enable.idempotence before
  // 0.11, reported by KL101 as not yet available) does nothing there, so no advice on it.
  const knowledge::ConfigCatalog* runs_configs = k_.to ? k_.configs : k_.from_configs;
  for (const Entry& e : doc_.entries()) {
    if (f_.value_opaque(e) || f_.opaque(e.key)) continue;
    if (doc_.find(key_of(e)) != &e) continue;  // only the value Kafka uses
    const bool controller_key = read_by_kraft_controller(key_of(e));
    if (controller ? !controller_key : broker && controller_key) continue;
    // A list as Kafka splits it: "broker, controller" is "broker,controller".
    std::string value(java_trim(doc_.value(e)));
    if (const knowledge::ConfigKey* ck = find_key(key_of(e));
        ck && ck->type == knowledge::ConfigType::kList)
      value = compact_list(value);
    for (Scope s : scopes_) {
      if (runs_configs && !runs_configs->find(s, key_of(e))) continue;
      for (const knowledge::SafetyCheck* c :
           k_.safety->for_key(key_of(e), knowledge::ScopeSet::of(s))) {
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
  }
}

// KL404 from the other side: a minimum the file leaves at its default against a replication
// factor it sets. transaction.state.log.min.isr defaults to 2, so a transaction log of one
// replica never completes a transaction (issue 11, point 3: effective values on both sides).
void FileChecker::check_default_minimums() {
  if (!k_.to || f_.templated() || controller_only()) return;
  for (Scope s : scopes_)
    for (const knowledge::SafetyCheck& c : k_.safety->checks()) {
      if (c.when != knowledge::SafetyCondition::kNotBelow || !c.scopes.contains(s)) continue;
      if (c.since && k_.to->version < *c.since) continue;
      const Entry* o = doc_.find(c.other_key);
      if (doc_.find(c.key) || !o || f_.value_opaque(*o) || f_.opaque(o->key)) continue;
      const knowledge::ConfigKey* ck = find_key(c.key);
      if (!ck || !ck->default_value) continue;
      const std::string factor(java_trim(doc_.value(*o)));
      if (!c.fires(*ck->default_value, factor)) continue;
      auto& fd =
          emit_.at_value(*o, c.rule,
                         quoted(c.other_key + "=" + factor) + " with " + quoted(c.key) +
                             " at its default " + quoted(*ck->default_value) + ": " + c.rationale);
      fd.notes.push_back(quoted(c.key) + " is not set: its default " + quoted(*ck->default_value) +
                         " applies");
    }
}

// Safety checks on the defaults of the keys the file leaves unset, for the release the
// brokers or clients will run.
void FileChecker::check_unset_keys() {
  const knowledge::Release* runs = k_.to ? k_.to : k_.from;
  // The reference of that release: with only --from given, a key --from lacks (idempotence
  // before 0.11) is no advice either, and its default is --from's, not the newest line's.
  const knowledge::ConfigCatalog* runs_configs = k_.to ? k_.configs : k_.from_configs;
  const bool scala = scala_producer();
  if (scala) check_scala_producer_acks(runs);
  for (Scope s : scopes_) {
    for (const knowledge::SafetyCheck& c : k_.safety->checks()) {
      if (!c.scopes.contains(s)) continue;
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
}

// A producer file written for the Scala producer (kafka.producer.Producer, removed in 2.0):
// it names the brokers with metadata.broker.list and has no bootstrap.servers.
bool FileChecker::scala_producer() const {
  if (f_.role != Role::kProducer || doc_.find("bootstrap.servers")) return false;
  return doc_.find("metadata.broker.list") || doc_.find("request.required.acks") ||
         doc_.find("producer.type");
}

// KL401 for the Scala producer: it reads request.required.acks, whose default is 0 (no
// acknowledgement at all); -1 waits for the in-sync replicas. From 2.0 on there is no Scala
// producer and KL109 reports its keys instead.
void FileChecker::check_scala_producer_acks(const knowledge::Release* runs) {
  if (k_.reached(runs, knowledge::Milestone::kScalaClientsRemoved)) return;
  const Entry* e = doc_.find("request.required.acks");
  const char* why =
      ": the Scala producer confirms a send after the leader's write only (1) or not at all "
      "(0, its default); -1 waits for every in-sync replica";
  if (!e) {
    auto& fd = emit_.at_file(RuleId::KL401,
                             "'request.required.acks' is not set (default '0')" + std::string(why));
    fd.subject = "request.required.acks";
    return;
  }
  if (f_.value_opaque(*e)) return;
  const std::string_view v = java_trim(doc_.value(*e));
  if (v != "0" && v != "1") return;
  emit_.at_value(*e, RuleId::KL401, quoted("request.required.acks=" + std::string(v)) + why);
}

}  // namespace kafkalint::checks::props
