#include "knowledge/configs.h"

#include <algorithm>
#include <utility>

#include "knowledge/generated_fields.h"

namespace kafkalint::knowledge {

namespace {

const std::vector<std::string_view> kTypes = {"boolean", "string", "int",   "short",   "long",
                                              "double",  "list",   "class", "password"};
const std::vector<std::string_view> kImportances = {"high", "medium", "low"};
const std::vector<std::string_view> kUpdateModes = {"read-only", "per-broker", "cluster-wide"};
const std::vector<std::string_view> kScopeNames = {"broker", "topic", "producer", "consumer",
                                                   "admin"};

bool by_name(const ConfigKey& a, std::string_view b) { return a.name < b; }

// One element of a scope array: { name = "...", type = "...", ... }.
bool read_key(const PackText& pack, const toml::table& t, Scope scope, ConfigKey* key,
              core::Error* err) {
  generated::FieldReader r(pack, t, std::string("key of '") + scope_name(scope) + "'", err);
  r.string("name", &key->name, true);
  r.one_of("type", &key->type, kTypes, true);
  r.optional_string("default", &key->default_value);
  r.boolean("required", &key->required);
  r.string("valid", &key->valid);
  r.one_of("importance", &key->importance, kImportances, true);
  r.one_of("update", &key->update_mode, kUpdateModes);
  r.string("server_default", &key->server_default);
  r.boolean("internal", &key->internal);
  if (!r.finish()) return false;
  if (key->name.empty()) return r.fail(*t.get("name"), "empty key name");
  if (key->required && key->default_value)
    return r.fail(*t.get("required"), "key '" + key->name + "' is required but has a default",
                  "'required = true' means Kafka has no default; drop one of the two");
  return true;
}

}  // namespace

const char* scope_name(Scope scope) {
  switch (scope) {
    case Scope::kBroker:
      return "broker";
    case Scope::kTopic:
      return "topic";
    case Scope::kProducer:
      return "producer";
    case Scope::kConsumer:
      return "consumer";
    case Scope::kAdmin:
      return "admin";
  }
  return "broker";
}

std::optional<Scope> parse_scope(std::string_view name) {
  for (Scope s : kAllScopes)
    if (name == scope_name(s)) return s;
  return std::nullopt;
}

const ConfigKey* ConfigCatalog::find(Scope scope, std::string_view name) const {
  const auto& v = keys_[index(scope)];
  auto it = std::lower_bound(v.begin(), v.end(), name, by_name);
  return it != v.end() && it->name == name ? &*it : nullptr;
}

const RemovedKey* ConfigCatalog::removed(Scope scope, std::string_view name) const {
  auto it = std::lower_bound(removed_.begin(), removed_.end(), std::pair(scope, name),
                             [](const RemovedKey& a, const std::pair<Scope, std::string_view>& b) {
                               return a.scope != b.first ? a.scope < b.first : a.name < b.second;
                             });
  return it != removed_.end() && it->scope == scope && it->name == name ? &*it : nullptr;
}

bool ConfigCatalog::undocumented(Scope scope, std::string_view name) const {
  const auto& v = undocumented_[index(scope)];
  return std::binary_search(v.begin(), v.end(), name, [](const auto& a, const auto& b) {
    return std::string_view(a) < std::string_view(b);
  });
}

std::optional<ConfigCatalog> load_configs(const PackSource& packs, std::string_view release_line,
                                          core::Error* err) {
  const std::string rel = "kafka/configs/" + std::string(release_line) + ".toml";
  std::optional<PackText> pack = packs.find(rel);
  if (!pack) {
    *err = core::Error{};
    err->where.file = "rules/" + rel;
    err->message = "no configuration pack for Kafka '" + std::string(release_line) + "'";
    std::string known;
    for (const std::string& r : config_releases(packs)) known += (known.empty() ? "" : ", ") + r;
    err->hint = known.empty() ? "no configuration packs are available" : "known releases: " + known;
    return std::nullopt;
  }
  return parse_configs(*pack, release_line, err);
}

std::optional<ConfigCatalog> parse_configs(const PackText& pack, std::string_view release_line,
                                           core::Error* err) {
  std::optional<toml::table> root = parse_pack(pack, err);
  if (!root) return std::nullopt;

  ConfigCatalog cat;
  cat.release_ = std::string(release_line);
  if (!generated::read_pack_header(pack, *root, "configs", release_line, &cat.source_, err))
    return std::nullopt;

  for (auto&& [k, v] : *root) {
    const std::string_view name = k.str();
    if (name == "pack") continue;
    if (auto scope = parse_scope(name)) {
      const toml::array* arr = v.as_array();
      if (!arr) {
        *err = pack_error(pack, v,
                          "'" + std::string(name) + "' must be an array of keys, got " +
                              generated::toml_type_name(v));
        return std::nullopt;
      }
      if (!generated::check_table_array(pack, *arr, "'" + std::string(name) + "'", err))
        return std::nullopt;
      const std::size_t i = ConfigCatalog::index(*scope);
      cat.documented_[i] = true;
      auto& keys = cat.keys_[i];
      keys.reserve(arr->size());
      for (const toml::node& item : *arr) {
        ConfigKey key;
        if (!read_key(pack, *item.as_table(), *scope, &key, err)) return std::nullopt;
        keys.push_back(std::move(key));
      }
      // The importer writes keys sorted; an overlay may not, and lookups need the order.
      std::stable_sort(keys.begin(), keys.end(),
                       [](const ConfigKey& a, const ConfigKey& b) { return a.name < b.name; });
      auto dup = std::adjacent_find(
          keys.begin(), keys.end(),
          [](const ConfigKey& a, const ConfigKey& b) { return a.name == b.name; });
      if (dup != keys.end()) {
        // Locate the second occurrence in the file for the message.
        const toml::node* second = nullptr;
        int seen = 0;
        for (const toml::node& item : *arr)
          if (const auto* n = item.as_table()->get("name");
              n && n->value<std::string>() == dup->name)
            if (++seen == 2) second = &item;
        *err = pack_error(pack, second ? *second : v,
                          "duplicate key '" + dup->name + "' in '" + std::string(name) + "'");
        return std::nullopt;
      }
    } else if (name == "removed" || name == "undocumented") {
      const toml::array* arr = v.as_array();
      if (!arr) {
        *err = pack_error(
            pack, v,
            "'" + std::string(name) + "' must be an array, got " + generated::toml_type_name(v));
        return std::nullopt;
      }
      if (!generated::check_table_array(pack, *arr, "'" + std::string(name) + "'", err))
        return std::nullopt;
      const bool is_removed = name == "removed";
      for (const toml::node& item : *arr) {
        generated::FieldReader r(pack, *item.as_table(), "'" + std::string(name) + "' entry", err);
        std::string scope_text, key_name, last;
        r.one_of("scope", &scope_text, kScopeNames, true);
        r.string("name", &key_name, true);
        if (is_removed) r.string("last", &last, true);
        if (!r.finish()) return std::nullopt;
        const Scope entry_scope = *parse_scope(scope_text);
        if (is_removed)
          cat.removed_.push_back({entry_scope, std::move(key_name), std::move(last)});
        else
          cat.undocumented_[ConfigCatalog::index(entry_scope)].push_back(std::move(key_name));
      }
    } else {
      *err = pack_error(pack, v, "unknown table '" + std::string(name) + "' in configuration pack",
                        "expected one of pack, broker, topic, producer, consumer, admin, removed, "
                        "undocumented");
      return std::nullopt;
    }
  }
  std::sort(cat.removed_.begin(), cat.removed_.end(), [](const RemovedKey& a, const RemovedKey& b) {
    return a.scope != b.scope ? a.scope < b.scope : a.name < b.name;
  });
  for (auto& u : cat.undocumented_) std::sort(u.begin(), u.end());
  return cat;
}

std::vector<std::string> config_releases(const PackSource& packs) {
  return generated::releases_under(packs, "kafka/configs/");
}

}  // namespace kafkalint::knowledge
