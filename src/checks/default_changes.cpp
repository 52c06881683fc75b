#include "checks/default_changes.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "checks/upgrade_path.h"
#include "checks/value_check.h"
#include "core/diagnostic.h"
#include "core/strings.h"
#include "knowledge/catalog.h"

namespace kafkalint::checks {
namespace {

using knowledge::DefaultChange;
using knowledge::Scope;

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// A default as a person reads it: the reference renders "no value" as null, an empty string
// as "", and class defaults with a "class " prefix; none of those is text to put in a file.
std::string shown(std::string_view rendered) {
  if (rendered == "null") return "no value";
  if (rendered == "\"\"") return "empty";
  std::string out;
  std::size_t i = 0;
  while (i <= rendered.size()) {
    std::size_t comma = rendered.find(',', i);
    if (comma == std::string_view::npos) comma = rendered.size();
    std::string_view part = rendered.substr(i, comma - i);
    if (part.rfind("class ", 0) == 0) part.remove_prefix(6);
    if (!out.empty()) out += ",";
    out += part;
    i = comma + 1;
  }
  return quoted(out);
}

class FileFeatures {
 public:
  FileFeatures(const PropsFile& f) : f_(f) {}

  bool uses(std::string_view feature) const {
    if (feature.empty()) return true;
    if (feature == "kraft") return f_.kraft;
    if (feature == "zookeeper") return f_.role == Role::kBroker && !f_.kraft;
    if (feature == "tls") return mentions("ssl");
    if (feature == "sasl") return mentions("sasl");
    if (feature == "tiered-storage") return value_is("remote.log.storage.system.enable", "true");
    // Kafka 4.0's sample server.properties sets the share-state topic's replication keys
    // for everyone: they say nothing about share groups being used.
    if (feature == "share-groups")
      return any_key_starts("group.share.") || any_share_key_beyond_sample() ||
             core::ascii_lower(value_of("group.coordinator.rebalance.protocols")).find("share") !=
                 std::string::npos;
    return true;
  }

 private:
  // A security protocol naming `word` (SSL, SASL_SSL, ...) in a listener map, listener,
  // protocol key, or any key of that family set explicitly (ssl.keystore.location).
  bool mentions(std::string_view word) const {
    const properties::Document& doc = f_.doc();
    for (const properties::Entry& e : doc.entries()) {
      const std::string key = core::ascii_lower(doc.key(e));
      if (key.rfind(std::string(word) + ".", 0) == 0) return true;
      if (key.find("listener") != std::string::npos || key.find("protocol") != std::string::npos)
        if (core::ascii_lower(doc.value(e)).find(word) != std::string::npos) return true;
      if (key.rfind("listener.name.", 0) == 0 &&
          key.find("." + std::string(word) + ".") != key.npos)
        return true;
    }
    return false;
  }
  bool any_share_key_beyond_sample() const {
    for (const properties::Entry& e : f_.doc().entries()) {
      const std::string_view key = f_.doc().key(e);
      if (key.rfind("share.", 0) == 0 && key.rfind("share.coordinator.state.topic.", 0) != 0)
        return true;
    }
    return false;
  }
  bool any_key_starts(std::string_view prefix) const {
    for (const properties::Entry& e : f_.doc().entries())
      if (f_.doc().key(e).rfind(prefix, 0) == 0) return true;
    return false;
  }
  std::string value_of(std::string_view key) const {
    const properties::Entry* e = f_.doc().find(key);
    return e ? std::string(java_trim(f_.doc().value(*e))) : std::string();
  }
  bool value_is(std::string_view key, std::string_view v) const {
    return core::ascii_lower(value_of(key)) == v;
  }

  const PropsFile& f_;
};

// The restoring value, when the target release accepts it.
bool accepted_by(const knowledge::ConfigCatalog& cat, Scope s, const std::string& key,
                 const std::string& value) {
  const knowledge::ConfigKey* ck = cat.find(s, key);
  if (!ck) return false;
  return check_value(ck->type, ck->valid, value, ck->default_value.value_or("")).problem ==
         ValueProblem::kNone;
}

// metric.reporters set without JmxReporter loses its JMX metrics once Kafka stops adding
// JmxReporter on its own (jmx_reporters_to_keep).
void check_jmx_reporter(const PropsFile& f, const CheckKnowledge& k, Emitter& emit) {
  bool from_reads = false;
  for (Scope s : role_scopes(f.role))
    from_reads = from_reads || k.from_configs->find(s, "auto.include.jmx.reporter");
  const auto keep = jmx_reporters_to_keep(f.doc(), *k.keys, *k.from, *k.to, from_reads);
  if (!keep) return;
  auto& fd = emit.at_value(*keep->entry, RuleId::KL301,
                           "'metric.reporters' does not list JmxReporter: Kafka " + k.from->name +
                               " adds it on its own, Kafka " + keep->removed_in.str() +
                               " does not (auto.include.jmx.reporter is gone, KIP-830), so the "
                               "JMX metrics reported today disappear");
  fd.subject = "metric.reporters";
  fd.severity = core::Severity::kWarning;
  fd.notes.push_back("set 'metric.reporters=" + keep->reporters + "' to keep today's behaviour");
}

}  // namespace

// Until auto.include.jmx.reporter is removed, Kafka adds JmxReporter to metric.reporters on its
// own (always before 3.4; from 3.4 while that key is true, KIP-830); from then on only
// metric.reporters counts.
std::optional<JmxKeep> jmx_reporters_to_keep(const properties::Document& doc,
                                             const knowledge::KeyFacts& keys,
                                             const knowledge::Release& from,
                                             const knowledge::Release& to,
                                             bool from_reads_auto_include) {
  constexpr std::string_view kJmxReporter = "org.apache.kafka.common.metrics.JmxReporter";
  const knowledge::KeyChange* gone =
      keys.change("auto.include.jmx.reporter", knowledge::ScopeSet::of(Scope::kBroker));
  if (!gone || !gone->removed_in || !(from.version < *gone->removed_in) ||
      to.version < *gone->removed_in)
    return std::nullopt;
  const properties::Entry* reporters = doc.find("metric.reporters");
  if (!reporters) return std::nullopt;  // the new default is JmxReporter itself
  const std::string value(java_trim(doc.value(*reporters)));
  // ConfigDef reads a LIST as comma-separated items, blanks trimmed.
  for (const std::string& item : core::split_list(value))
    if (core::trim_blanks(item) == kJmxReporter) return std::nullopt;
  if (const properties::Entry* e = doc.find("auto.include.jmx.reporter");
      e && from_reads_auto_include && core::ascii_lower(java_trim(doc.value(*e))) == "false")
    return std::nullopt;  // JMX is off today as well
  return JmxKeep{
      value.empty() ? std::string(kJmxReporter) : value + "," + std::string(kJmxReporter),
      *gone->removed_in, reporters};
}

void check_default_changes(const PropsFile& f, const CheckKnowledge& k, Emitter& emit) {
  if (!k.from || !k.to || !(k.from->version < k.to->version) || !k.from_configs) return;
  if (kraft_file_before_kraft(f, k)) return;  // KL801's; no default of --from applies
  const FileFeatures features(f);
  // Chained changes of one key (10 -> 5 in 4.0, 5 -> -1 in 4.2) are one finding: --from's
  // value against --to's.
  std::map<std::string, std::vector<const DefaultChange*>> by_key;
  std::map<std::string, Scope> scope_of;
  std::vector<std::string> order;
  const std::vector<Scope> scopes = role_scopes(f.role);
  // A generic client file (client.properties, a --command-config) may serve an admin tool, a
  // producer or a consumer. A producer's or consumer's default change on a file that names no
  // key only that client reads is said as info, for that use: on a TLS-only client.properties
  // (1123/kafka-docker-mtls) acks, idempotence and group.id were three warnings about clients
  // the file may never configure. Ditofry's README does pass its TLS client.properties to the
  // console producer and consumer, so the change is still said.
  std::set<Scope> in_use;
  if (f.role == Role::kClient) {
    for (const properties::Entry& e : f.doc().entries()) {
      std::vector<Scope> readers;
      for (Scope s : scopes)
        if (k.configs->find(s, f.doc().key(e))) readers.push_back(s);
      if (readers.size() == 1) in_use.insert(readers.front());
    }
  }
  auto shown_use = [&](Scope s, const std::string& key) {
    if (f.role != Role::kClient || in_use.count(s)) return true;
    return std::all_of(scopes.begin(), scopes.end(), [&](Scope o) {
      return k.configs->find(o, key) != nullptr || k.from_configs->find(o, key) != nullptr;
    });
  };
  for (Scope s : scopes)
    for (const DefaultChange* d : k.keys->default_changes_between(knowledge::ScopeSet::of(s),
                                                                  k.from->version, k.to->version)) {
      if (f.doc().find(d->key)) continue;
      // Not in --from: the old behaviour is what that release did without the key, when the
      // curated pack can name it as a value; otherwise nothing is known to change.
      if (!k.from_configs->find(s, d->key) && !d->before_key) continue;
      auto [it, fresh] = by_key.try_emplace(d->key);
      if (fresh) {
        order.push_back(d->key);
        scope_of.emplace(d->key, s);
      }
      if (std::find(it->second.begin(), it->second.end(), d) == it->second.end())
        it->second.push_back(d);
    }
  check_jmx_reporter(f, k, emit);
  for (const std::string& key : order) {
    const std::vector<const DefaultChange*>& chain = by_key[key];
    const DefaultChange& first = *chain.front();
    const DefaultChange& last = *chain.back();
    if (last.new_value == "<no-default>") continue;  // KL302: the target needs it set
    const bool same = std::all_of(chain.begin(), chain.end(),
                                  [](const DefaultChange* d) { return d->same_behaviour; });
    if (same || !features.uses(last.requires_feature)) continue;
    std::string impact;
    for (const DefaultChange* d : chain) impact += (impact.empty() ? "" : "; ") + d->impact;
    // The old value is --from's own default, as its reference gives it.
    const knowledge::ConfigKey* before = k.from_configs->find(scope_of.at(key), key);
    const std::string& old_value = before && before->default_value ? *before->default_value
                                   : !before && first.before_key   ? *first.before_key
                                                                   : first.old_value;
    if (old_value == last.new_value) continue;  // --from already had the new default
    auto& fd = emit.at_file(last.rule, quoted(key) + " is not set, so its default changes from " +
                                           shown(old_value) + " to " + shown(last.new_value) +
                                           " in Kafka " + last.release_name + ": " + impact);
    fd.subject = key;
    const std::string& sev = last.severity.empty() ? first.severity : last.severity;
    if (sev == "info") fd.severity = core::Severity::kInfo;
    if (sev == "warning") fd.severity = core::Severity::kWarning;
    if (!shown_use(scope_of.at(key), key)) {
      fd.severity = core::Severity::kInfo;
      fd.notes.push_back(std::string("for a ") + knowledge::scope_name(scope_of.at(key)) +
                         " that reads this file: it sets no key that only a " +
                         knowledge::scope_name(scope_of.at(key)) + " reads");
    }
    for (const DefaultChange* d : chain)
      if (!d->caveat.empty()) fd.notes.push_back(d->caveat);
    // A restore value the target removed (a class, keys.toml [[legacy_value]]) passes the
    // value checks but stops the process from starting: never suggested then.
    const knowledge::LegacyValue* gone =
        first.restore
            ? k.keys->legacy_value(key, *first.restore, knowledge::ScopeSet::of(scope_of.at(key)))
            : nullptr;
    const bool restorable = first.restore && !(gone && gone->removed_in <= k.to->version);
    if (restorable && accepted_by(*k.configs, scope_of.at(key), key, *first.restore)) {
      fd.notes.push_back("set " + quoted(key + "=" + *first.restore) +
                         " to keep today's behaviour");
    } else if (!first.restore_note.empty()) {
      fd.notes.push_back(first.restore_note);
    } else {
      fd.notes.push_back("no value of " + quoted(key) + " in Kafka " + k.to->name +
                         " restores the old behaviour");
    }
  }
}

}  // namespace kafkalint::checks
