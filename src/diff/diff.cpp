#include "diff/diff.h"

#include <map>
#include <set>

#include "core/version.h"

namespace kafkalint::diff {

const char* to_string(Change c) {
  switch (c) {
    case Change::kAdded:
      return "added";
    case Change::kRemoved:
      return "removed";
    case Change::kChanged:
      return "changed";
    case Change::kSame:
      return "unchanged";
  }
  return "changed";
}

const char* to_string(Update u) {
  switch (u) {
    case Update::kUnknown:
      return "unknown";
    case Update::kRestart:
      return "restart";
    case Update::kPerBroker:
      return "per-broker";
    case Update::kClusterWide:
      return "cluster-wide";
  }
  return "unknown";
}

namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\f");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\f");
  return std::string(s.substr(b, e - b + 1));
}

struct Side {
  std::map<std::string, std::string> set;       // keys the file sets (Kafka trims values)
  std::map<std::string, std::string> defaults;  // release defaults of keys it leaves unset
};

Side read_side(const properties::Document& d, const knowledge::ConfigCatalog* cat,
               const std::vector<knowledge::Scope>& scopes) {
  Side s;
  for (const auto& [k, v] : d.effective()) s.set[std::string(k)] = trim(v);
  if (cat)
    for (knowledge::Scope scope : scopes)
      for (const knowledge::ConfigKey& key : cat->keys(scope))
        if (key.default_value && !s.set.count(key.name) && !key.internal)
          s.defaults.emplace(key.name, *key.default_value);
  return s;
}

std::optional<core::Version> version(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return core::Version::parse(*s);
}

}  // namespace

std::vector<KeyDiff> diff_documents(const properties::Document& a, const properties::Document& b,
                                    const DiffOptions& o) {
  const Side sa = read_side(a, o.a_configs, o.scopes);
  const Side sb = read_side(b, o.b_configs, o.scopes);
  std::set<std::string> keys;
  for (const Side* s : {&sa, &sb}) {
    for (const auto& kv : s->set) keys.insert(kv.first);
    for (const auto& kv : s->defaults) keys.insert(kv.first);
  }
  const auto from = version(o.from), to = version(o.to);
  const bool broker = !o.scopes.empty() && o.scopes.front() == knowledge::Scope::kBroker;
  std::string entity = "BROKER_ID";
  for (const char* id_key : {"node.id", "broker.id"})
    if (const properties::Entry* e = b.find(id_key)) entity = trim(b.value(*e));

  std::vector<KeyDiff> out;
  for (const std::string& key : keys) {
    KeyDiff d;
    d.key = key;
    auto take = [&](const Side& s, std::optional<std::string>* v, bool* dflt) {
      if (auto it = s.set.find(key); it != s.set.end()) {
        *v = it->second;
      } else if (auto jt = s.defaults.find(key); jt != s.defaults.end()) {
        *v = jt->second;
        *dflt = true;
      }
    };
    take(sa, &d.a, &d.a_default);
    take(sb, &d.b, &d.b_default);
    if (!d.a && !d.b) continue;
    d.change = !d.a           ? Change::kAdded
               : !d.b         ? Change::kRemoved
               : *d.a != *d.b ? Change::kChanged
                              : Change::kSame;
    const bool explicit_key = sa.set.count(key) || sb.set.count(key);
    d.in_files = explicit_key;

    // Notes from the curated facts and the generated references, for the step from -> to.
    if (o.keys && from && to && *from < *to) {
      for (knowledge::Scope scope : o.scopes) {
        const std::string scope_name = knowledge::scope_name(scope);
        if (const knowledge::KeyChange* c = o.keys->change(key, scope_name); c && explicit_key) {
          std::string n;
          if (c->removed_in && *from < *c->removed_in && *c->removed_in <= *to)
            n = "removed in " + c->removed_in->str();
          else if (c->deprecated_in && *from < *c->deprecated_in && *c->deprecated_in <= *to)
            n = "deprecated in " + c->deprecated_in->str();
          if (!n.empty()) {
            if (!c->replacement.empty())
              n += "; use '" + c->replacement + "'";
            else if (!c->replacement_note.empty())
              n += "; " + c->replacement_note;
            if (!c->source.empty()) n += " (" + c->source + ")";
            d.notes.push_back(n);
          }
        }
        if (o.b_configs && explicit_key && d.notes.empty())
          if (const knowledge::RemovedKey* r = o.b_configs->removed(scope, key))
            d.notes.push_back("Kafka " + *o.to + " no longer has it (last documented in " +
                              r->last + ")");
        for (const knowledge::DefaultChange* dc :
             o.keys->default_changes(key, scope_name, *from, *to))
          d.notes.push_back("default changed in " + dc->release_name + ": '" + dc->old_value +
                            "' -> '" + dc->new_value + "': " + dc->impact);
      }
    }
    if (d.change == Change::kSame && (d.notes.empty() || !explicit_key)) continue;
    // A key only one release has, set by neither file: the release's business, not a change
    // between the files (unless a curated note says why it matters).
    if (!explicit_key && !(d.a_default && d.b_default) && d.notes.empty()) continue;

    // Both values are release defaults: the binaries change it, not an edit to apply.
    if (broker && d.change != Change::kSame && explicit_key) {
      const knowledge::ConfigCatalog* cat = o.b_configs ? o.b_configs : o.a_configs;
      const auto release = o.b_configs ? to : from;
      const knowledge::ConfigKey* ck = cat ? cat->find(knowledge::Scope::kBroker, key) : nullptr;
      if (!ck && cat && d.change == Change::kRemoved) {
        d.update = Update::kRestart;  // B's release does not know the key: nothing to alter live
      } else if (ck && release && *release < *core::Version::parse("1.1")) {
        d.update = Update::kRestart;  // dynamic broker configs arrived in 1.1 (KIP-226)
      } else if (ck) {
        if (ck->update_mode == "read-only")
          d.update = Update::kRestart;
        else if (ck->update_mode == "per-broker")
          d.update = Update::kPerBroker;
        else if (ck->update_mode == "cluster-wide")
          d.update = Update::kClusterWide;
      }
      if (d.update == Update::kPerBroker || d.update == Update::kClusterWide) {
        d.command = "bin/kafka-configs.sh --bootstrap-server " + o.bootstrap +
                    " --entity-type brokers " +
                    (d.update == Update::kPerBroker ? "--entity-name " + entity
                                                    : std::string("--entity-default")) +
                    " --alter ";
        if (d.b) {
          const bool list = d.b->find(',') != std::string::npos;
          d.command += "--add-config " + key + "=" + (list ? "[" + *d.b + "]" : *d.b);
        } else {
          d.command += "--delete-config " + key;
        }
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace kafkalint::diff
