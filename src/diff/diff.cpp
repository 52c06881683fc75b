#include "diff/diff.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <string_view>
#include <utility>

#include "checks/value_check.h"
#include "core/strings.h"
#include "core/version.h"
#include "properties/endpoint.h"

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

// Blanks Kafka trims from a value (ConfigDef parses the trimmed text).
std::string_view trimmed_value(std::string_view s) { return core::trim_chars(s, " \t\f"); }

// One file's map in byte order of keys, as views into its document and the catalogue: a
// diff of two large files holds 4 bytes a key besides the documents, never a copy of a map.
struct Side {
  const properties::Document* doc = nullptr;
  std::vector<std::uint32_t> set;  // entries() indices of the effective entries, by key bytes
  std::vector<std::pair<std::string_view, std::string_view>> defaults;  // keys left unset
  std::size_t next_set = 0, next_default = 0;                           // the merge's positions

  std::string_view set_key(std::size_t i) const { return doc->key(doc->entries()[set[i]]); }
  std::string_view set_value(std::size_t i) const {
    return trimmed_value(doc->value(doc->entries()[set[i]]));
  }
  bool sets(std::string_view key) const {
    std::size_t lo = 0, hi = set.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (set_key(mid) < key)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo < set.size() && set_key(lo) == key;
  }
  // The smallest key not yet merged, if any.
  std::optional<std::string_view> head() const {
    std::optional<std::string_view> k;
    if (next_set < set.size()) k = set_key(next_set);
    if (next_default < defaults.size() && (!k || defaults[next_default].first < *k))
      k = defaults[next_default].first;
    return k;
  }
  // Takes `key` if this side has it: its value, and whether that is the release default.
  std::optional<std::string_view> take(std::string_view key, bool* from_file, bool* dflt) {
    if (next_set < set.size() && set_key(next_set) == key) {
      *from_file = true;
      return set_value(next_set++);
    }
    if (next_default < defaults.size() && defaults[next_default].first == key) {
      *dflt = true;
      return defaults[next_default++].second;
    }
    return std::nullopt;
  }
};

Side read_side(const properties::Document& d, const knowledge::ConfigCatalog* cat,
               const std::vector<knowledge::Scope>& scopes) {
  Side s;
  s.doc = &d;
  s.set = d.effective_order();  // Java's order (UTF-16), the same as bytes for most files
  const auto byte_less = [&d](std::uint32_t x, std::uint32_t y) {
    return d.key(d.entries()[x]) < d.key(d.entries()[y]);
  };
  if (!std::is_sorted(s.set.begin(), s.set.end(), byte_less))
    std::sort(s.set.begin(), s.set.end(), byte_less);
  if (cat) {
    for (knowledge::Scope scope : scopes)
      for (const knowledge::ConfigKey& key : cat->keys(scope))
        if (key.default_value && !key.internal && !s.sets(key.name))
          s.defaults.emplace_back(key.name, *key.default_value);
    // A key of several scopes takes the default of the first scope that has one.
    std::stable_sort(s.defaults.begin(), s.defaults.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    s.defaults.erase(std::unique(s.defaults.begin(), s.defaults.end(),
                                 [](const auto& x, const auto& y) { return x.first == y.first; }),
                     s.defaults.end());
  }
  return s;
}

// The TLS stores: the only listener security keys an existing listener reloads live, and only
// under the listener's own prefix; Kafka refuses them unprefixed in an --alter ("can be
// dynamically updated only per-listener", DynamicBrokerConfig, KIP-226).
bool per_listener_store(std::string_view key) {
  static constexpr std::string_view kStores[] = {
      "ssl.keystore.type",       "ssl.keystore.location",
      "ssl.keystore.password",   "ssl.key.password",
      "ssl.truststore.type",     "ssl.truststore.location",
      "ssl.truststore.password", "ssl.keystore.certificate.chain",
      "ssl.keystore.key",        "ssl.truststore.certificates"};
  for (std::string_view k : kStores)
    if (k == key) return true;
  return false;
}

// The other listener security keys the reference calls per-broker: Kafka stores an --alter of
// them, but a listener that already exists keeps what it was created with until a restart.
bool listener_security(std::string_view key) {
  return key.rfind("ssl.", 0) == 0 || key.rfind("sasl.", 0) == 0 ||
         key == "principal.builder.class" || key == "connections.max.reauth.ms";
}

// "listener.name.<l>.<base>" -> base; "" for any other key.
std::string_view listener_base(std::string_view key) {
  constexpr std::string_view kPrefix = "listener.name.";
  if (key.rfind(kPrefix, 0) != 0) return {};
  const auto dot = key.find('.', kPrefix.size());
  return dot == std::string_view::npos ? std::string_view{} : key.substr(dot + 1);
}

// What an --add-config carries for B's value: list values in brackets; a password never, so
// the command does not leak it (the operator types it).
std::string config_value(const std::string& value, const knowledge::ConfigKey* ck) {
  if (ck && ck->type == knowledge::ConfigType::kPassword) return "<new value>";
  return value.find(',') != std::string::npos ? "[" + value + "]" : value;
}

// Why B's release refuses `value` for `key`, as `check` judges it ("" = accepted). Protocol
// pins are left to `check` (they are matched against the release catalogue, where "3.0"
// stands for 3.0-IV1); templated values are not judged.
std::string invalid_value(const std::string& key, const std::string& value, const DiffOptions& o) {
  if (key == "inter.broker.protocol.version" || key == "log.message.format.version" ||
      key == "message.format.version")
    return {};
  if (value.find("${") != std::string::npos || value.find("{{") != std::string::npos ||
      value.find("<%") != std::string::npos)
    return {};
  const auto to = core::Version::parse(o.to.value_or(""));
  for (knowledge::Scope scope : o.scopes) {
    const knowledge::ConfigKey* ck = o.b_configs->find(scope, key);
    if (!ck) continue;
    if (o.keys && to)
      if (const knowledge::LegacyValue* lv =
              o.keys->legacy_value(key, value, knowledge::ScopeSet::of(scope));
          lv && lv->removed_in <= *to)
        return "Kafka " + *o.to + " no longer accepts '" + value + "' (since " +
               lv->removed_in.str() + ")" +
               (lv->replacement.empty() ? "" : "; use '" + lv->replacement + "'");
    checks::ValueVerdict v =
        checks::check_value(ck->type, ck->valid, value, ck->default_value.value_or(""));
    if (v.problem == checks::ValueProblem::kNone) v = checks::check_key_format(key, value);
    if (v.problem == checks::ValueProblem::kNone) return {};
    return "Kafka " + *o.to + " rejects '" + value + "': expected " + v.detail;
  }
  return {};
}

// One shell word: quoted when the shell would split, glob ("[a,b]" matches a file named a) or
// redirect it.
std::string shell_word(const std::string& s) {
  if (s.find_first_of(" \t\n'\"\\$`<>|&;()[]{}*?!#~") == std::string::npos) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::optional<core::Version> version(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return core::Version::parse(*s);
}

}  // namespace

std::vector<KeyDiff> diff_documents(const properties::Document& a, const properties::Document& b,
                                    const DiffOptions& o) {
  Side sa = read_side(a, o.a_configs, o.scopes);
  Side sb = read_side(b, o.b_configs, o.scopes);
  const auto from = version(o.from), to = version(o.to);
  const bool broker = !o.scopes.empty() && o.scopes.front() == knowledge::Scope::kBroker;
  std::string entity = "BROKER_ID";
  for (const char* id_key : {"node.id", "broker.id"})
    if (const properties::Entry* e = b.find(id_key)) entity = core::trim_blanks(b.value(*e));
  // Commands go to B's own client listener, with the client settings it needs.
  const properties::Endpoint endpoint = properties::client_endpoint(b);
  const std::string connect = "bin/kafka-configs.sh --bootstrap-server " + endpoint.address +
                              (endpoint.plaintext() ? "" : " --command-config client.properties");
  // The listeners whose TLS stores a per-listener --alter reaches (lower case, as in the prefix).
  std::set<std::string> controller_names;
  if (const properties::Entry* e = b.find("controller.listener.names"))
    for (const std::string& n : core::split_list(b.value(*e))) controller_names.insert(n);
  std::vector<std::string> tls_listeners;
  for (const properties::Endpoint& l : properties::listener_endpoints(b))
    if ((l.protocol == "SSL" || l.protocol == "SASL_SSL") && !controller_names.count(l.listener))
      tls_listeners.push_back(core::ascii_lower(l.listener));
  const bool zookeeper_mode = b.find("zookeeper.connect") && !b.find("process.roles");

  std::vector<KeyDiff> out;
  // Both sides' keys merged in byte order: each key once, with what each side gives it.
  const auto next_key = [&sa, &sb]() -> std::optional<std::string_view> {
    const std::optional<std::string_view> ka = sa.head(), kb = sb.head();
    if (!ka || !kb) return ka ? ka : kb;
    return std::min(*ka, *kb);
  };
  for (std::optional<std::string_view> next = next_key(); next; next = next_key()) {
    const std::string_view key = *next;
    KeyDiff d;
    bool a_set = false, b_set = false;
    const std::optional<std::string_view> va = sa.take(key, &a_set, &d.a_default);
    const std::optional<std::string_view> vb = sb.take(key, &b_set, &d.b_default);
    d.key = std::string(key);
    if (va) d.a = std::string(*va);
    if (vb) d.b = std::string(*vb);
    d.change = !d.a           ? Change::kAdded
               : !d.b         ? Change::kRemoved
               : *d.a != *d.b ? Change::kChanged
                              : Change::kSame;
    const bool explicit_key = a_set || b_set;
    d.in_files = explicit_key;

    // Notes from the curated facts and the generated references, for the step from -> to.
    if (o.keys && from && to && *from < *to) {
      for (knowledge::Scope scope : o.scopes) {
        const knowledge::ScopeSet scope_set = knowledge::ScopeSet::of(scope);
        if (const knowledge::KeyChange* c = o.keys->change(key, scope_set); c && explicit_key) {
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
        // A key B sets itself does not follow the default: the change is not B's concern.
        if (!b_set)
          for (const knowledge::DefaultChange* dc :
               o.keys->default_changes(key, scope_set, *from, *to))
            d.notes.push_back("default changed in " + dc->release_name + ": '" + dc->old_value +
                              "' -> '" + dc->new_value + "': " + dc->impact);
      }
    }
    // B's own value, as B's release validates it.
    if (o.b_configs && b_set) d.invalid = invalid_value(d.key, *d.b, o);
    if (d.change == Change::kSame && d.invalid.empty() && (d.notes.empty() || !explicit_key))
      continue;
    // A key only one release has, set by neither file: the release's business, not a change
    // between the files (unless a curated note says why it matters).
    if (!explicit_key && !(d.a_default && d.b_default) && d.notes.empty()) continue;

    // Both values are release defaults: the binaries change it, not an edit to apply.
    if (broker && d.change != Change::kSame && explicit_key) {
      const knowledge::ConfigCatalog* cat = o.b_configs ? o.b_configs : o.a_configs;
      const auto release = o.b_configs ? to : from;
      const knowledge::ConfigKey* ck = cat ? cat->find(knowledge::Scope::kBroker, key) : nullptr;
      const std::string_view base = listener_base(key);
      if (!ck && cat && !base.empty() && per_listener_store(base)) {
        d.update = Update::kPerBroker;  // already the listener's own key
      } else if (!ck && cat && d.change == Change::kRemoved) {
        d.update = Update::kRestart;  // B's release does not know the key: nothing to alter live
      } else if (ck && release && o.dynamic_configs_since && *release < *o.dynamic_configs_since) {
        d.update = Update::kRestart;  // before dynamic broker configs (KIP-226)
      } else if (ck && ck->update_mode == knowledge::UpdateMode::kPerBroker &&
                 listener_security(key) && !per_listener_store(key)) {
        d.update = Update::kRestart;
        d.notes.push_back(
            "a running listener keeps the value it started with: only its TLS key and trust "
            "stores can change live (KIP-226); restart the broker to apply it");
      } else if (ck && per_listener_store(key) && tls_listeners.empty()) {
        d.update = Update::kRestart;
        d.notes.push_back(
            "only a TLS listener reloads its stores live, and B declares none: restart the broker");
      } else if (ck) {
        if (ck->update_mode == knowledge::UpdateMode::kReadOnly)
          d.update = Update::kRestart;
        else if (ck->update_mode == knowledge::UpdateMode::kPerBroker)
          d.update = Update::kPerBroker;
        else if (ck->update_mode == knowledge::UpdateMode::kClusterWide)
          d.update = Update::kClusterWide;
      }
      // A value B's release refuses gets no command: Kafka would reject the --alter too.
      if ((d.update == Update::kPerBroker || d.update == Update::kClusterWide) &&
          d.invalid.empty()) {
        // The TLS stores change only under each TLS listener's prefix.
        std::vector<std::string> names{d.key};
        if (ck && per_listener_store(key)) {
          names.clear();
          for (const std::string& l : tls_listeners)
            names.push_back("listener.name." + l + "." + d.key);
        }
        d.command = connect + " --entity-type brokers " +
                    (d.update == Update::kPerBroker ? "--entity-name " + entity
                                                    : std::string("--entity-default")) +
                    " --alter ";
        std::string items;
        for (const std::string& n : names)
          items += (items.empty() ? "" : ",") + (d.b ? n + "=" + config_value(*d.b, ck) : n);
        d.command += (d.b ? "--add-config " : "--delete-config ") + shell_word(items);
        const bool password = (ck && ck->type == knowledge::ConfigType::kPassword) ||
                              (!base.empty() && base.find("password") != std::string_view::npos);
        if (password && zookeeper_mode && !b.find("password.encoder.secret"))
          d.notes.push_back(
              "in ZooKeeper mode Kafka refuses a live password change unless the brokers set "
              "password.encoder.secret (KIP-226)");
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace kafkalint::diff
