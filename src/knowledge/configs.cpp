#include "knowledge/configs.h"

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

#include "knowledge/generated_fields.h"

namespace kafkalint::knowledge {

namespace {

const std::vector<std::string_view> kTypes = {"boolean", "string", "int",   "short",   "long",
                                              "double",  "list",   "class", "password"};
const std::vector<std::string_view> kImportances = {"high", "medium", "low"};
// In UpdateMode order, after kUnknown.
const std::vector<std::string_view> kUpdateModes = {"read-only", "per-broker", "cluster-wide"};

UpdateMode update_mode_of(std::string_view name) {
  for (std::size_t i = 0; i < kUpdateModes.size(); ++i)
    if (kUpdateModes[i] == name) return static_cast<UpdateMode>(i + 1);
  return UpdateMode::kUnknown;
}
const std::vector<std::string_view> kScopeNames = {"broker", "topic", "producer", "consumer",
                                                   "admin"};

bool by_name(const ConfigKey& a, std::string_view b) { return a.name < b; }

// One element of a scope array: { name = "...", type = "...", ... }.
bool read_key(const PackText& pack, const toml::table& t, Scope scope, ConfigKey* key,
              core::Error* err) {
  generated::Fields r(pack, t, std::string("key of '") + scope_name(scope) + "'", err);
  r.str("name", &key->name, true);
  std::string type;
  r.one_of("type", &type, kTypes, true);
  r.optional_str("default", &key->default_value);
  r.boolean("required", &key->required);
  r.str("valid", &key->valid);
  r.one_of("importance", &key->importance, kImportances, true);
  std::string update;
  r.one_of("update", &update, kUpdateModes);
  r.str("server_default", &key->server_default);
  r.boolean("internal", &key->internal);
  if (!r.finish()) return false;
  key->type = parse_config_type(type).value_or(ConfigType::kString);  // one_of checked it
  key->update_mode = update_mode_of(update);
  if (key->name.empty()) return r.fail(*t.get("name"), "empty key name");
  if (key->required && key->default_value)
    return r.fail(*t.get("required"), "key '" + key->name + "' is required but has a default",
                  "'required = true' means Kafka has no default; drop one of the two");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Fast path for packs in the exact layout tools/import_kafka.py writes: one inline table per
// line of plain strings and booleans. toml++ spends ~300 instructions a byte building a
// document tree with source positions; this reader does the same job in a few, which keeps a
// one-file `check` within its start-up budget. Anything it does not expect (another layout,
// an unknown field, a bad value, a duplicate) makes it give up, and the toml++ path below
// reads the file and reports the problem with its position. A test checks that both paths
// give the same catalogue for every embedded pack.

// Character classes of the layout, looked up rather than compared: the loops below run over
// every byte of the pack.
enum : unsigned char { kBareKey = 1, kStringStop = 2 };
constexpr std::array<unsigned char, 256> kCharClass = [] {
  std::array<unsigned char, 256> c{};
  for (int i = 0; i < 256; ++i) {
    if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || (i >= '0' && i <= '9') || i == '_' ||
        i == '-')
      c[i] = kBareKey;
    // The end of a string, an escape, or a character a basic string may not hold.
    if (i == '"' || i == '\\' || i < 0x20 || i == 0x7f) c[i] = kStringStop;
  }
  return c;
}();

bool is(char c, unsigned char cls) { return kCharClass[static_cast<unsigned char>(c)] & cls; }

class LineReader {
 public:
  explicit LineReader(std::string_view s) : s_(s) {}
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool eat(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  void spaces() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }
  bool at_end() const { return i_ == s_.size(); }
  bool bare_key(std::string_view* out) {
    const std::size_t b = i_;
    while (i_ < s_.size() && is(s_[i_], kBareKey)) ++i_;
    *out = s_.substr(b, i_ - b);
    return i_ > b;
  }
  // A TOML basic string without escapes other than \" \\ (the importer writes no others);
  // anything else gives up. *raw is the text between the quotes, still escaped when
  // *escaped: most values are copied once, into the catalogue, and never unescaped.
  bool basic_string(std::string_view* raw, bool* escaped) {
    if (!eat('"')) return false;
    const std::size_t begin = i_;
    *escaped = false;
    for (;;) {
      while (i_ < s_.size() && !is(s_[i_], kStringStop)) ++i_;
      if (i_ == s_.size()) return false;
      const char c = s_[i_++];
      if (c == '"') {
        *raw = s_.substr(begin, i_ - 1 - begin);
        return true;
      }
      if (c != '\\' || i_ == s_.size() || (s_[i_] != '"' && s_[i_] != '\\')) return false;
      ++i_;
      *escaped = true;
    }
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

// One field of an inline table as it stands in the text.
struct Field {
  enum Kind { kString, kEscaped, kTrue, kFalse };
  std::string_view key;
  std::string_view raw;  // a string between its quotes, escapes (kEscaped) not yet undone
  Kind kind = kString;

  bool is_bool() const { return kind == kTrue || kind == kFalse; }
  std::string value() const {
    if (kind != kEscaped) return std::string(raw);
    std::string out;
    out.reserve(raw.size());
    // basic_string() let through only \" and \\, so a backslash always has a successor.
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\') ++i;
      out.push_back(raw[i]);
    }
    return out;
  }
};

// Reads "{ k = "v", k = true }" into fields.
bool read_inline_table(LineReader& r, std::vector<Field>* out) {
  out->clear();
  if (!r.eat('{')) return false;
  r.spaces();
  if (r.eat('}')) return true;
  for (;;) {
    std::string_view k;
    if (!r.bare_key(&k)) return false;
    r.spaces();
    if (!r.eat('=')) return false;
    r.spaces();
    Field f;
    f.key = k;
    bool escaped = false;
    if (r.eat("true"))
      f.kind = Field::kTrue;
    else if (r.eat("false"))
      f.kind = Field::kFalse;
    else if (!r.basic_string(&f.raw, &escaped))
      return false;
    else if (escaped)
      f.kind = Field::kEscaped;
    for (const Field& seen : *out)
      if (seen.key == k) return false;
    out->push_back(f);
    r.spaces();
    if (r.eat('}')) return true;
    if (!r.eat(',')) return false;
    r.spaces();
  }
}

bool is_one_of(std::string_view v, const std::vector<std::string_view>& allowed) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

bool fast_key(const std::vector<Field>& fields, ConfigKey* key) {
  bool has_type = false, has_importance = false;
  for (const Field& f : fields) {
    const std::string_view k = f.key;
    if (k == "required" || k == "internal") {
      if (!f.is_bool()) return false;
      (k == "required" ? key->required : key->internal) = f.kind == Field::kTrue;
      continue;
    }
    if (f.is_bool()) return false;
    // The enumerations are compared as written; an escaped one is not in the list and gives up.
    if (k == "name")
      key->name = f.value();
    else if (k == "type") {
      const std::optional<ConfigType> t = parse_config_type(f.raw);
      if (!t) return false;
      key->type = *t;
      has_type = true;
    } else if (k == "default")
      key->default_value = f.value();
    else if (k == "valid")
      key->valid = f.value();
    else if (k == "importance") {
      if (!is_one_of(f.raw, kImportances)) return false;
      key->importance = f.raw;
      has_importance = true;
    } else if (k == "update") {
      if (!is_one_of(f.raw, kUpdateModes)) return false;
      key->update_mode = update_mode_of(f.raw);
    } else if (k == "server_default")
      key->server_default = f.value();
    else
      return false;
  }
  return !key->name.empty() && has_type && has_importance && !(key->required && key->default_value);
}

}  // namespace

const char* to_string(ConfigType type) { return kTypes[static_cast<std::size_t>(type)].data(); }

const char* to_string(UpdateMode mode) {
  return mode == UpdateMode::kUnknown ? ""
                                      : kUpdateModes[static_cast<std::size_t>(mode) - 1].data();
}

std::optional<ConfigType> parse_config_type(std::string_view name) {
  for (std::size_t i = 0; i < kTypes.size(); ++i)
    if (kTypes[i] == name) return static_cast<ConfigType>(i);
  return std::nullopt;
}

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

std::optional<ScopeSet> ScopeSet::parse(std::string_view word) {
  if (word == "client") return clients();
  if (word == "any") return all();
  if (std::optional<Scope> s = parse_scope(word)) return of(*s);
  return std::nullopt;
}

std::string ScopeSet::name() const {
  if (*this == all()) return "any";
  if (*this == clients()) return "client";
  std::string out;
  for (Scope s : kAllScopes) {
    if (!contains(s)) continue;
    if (!out.empty()) out += '+';
    out += scope_name(s);
  }
  return out;
}

namespace {

std::size_t name_hash(std::string_view name) { return std::hash<std::string_view>{}(name); }

}  // namespace

void ConfigCatalog::build_index() {
  for (std::size_t s = 0; s < keys_.size(); ++s) {
    const std::vector<ConfigKey>& keys = keys_[s];
    std::size_t size = 8;
    while (size < keys.size() * 2) size *= 2;
    std::vector<std::uint32_t>& slots = slots_[s];
    slots.assign(size, 0);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      std::size_t at = name_hash(keys[i].name) & (size - 1);
      while (slots[at] != 0) at = (at + 1) & (size - 1);
      slots[at] = static_cast<std::uint32_t>(i + 1);
    }
  }
}

const ConfigKey* ConfigCatalog::find(Scope scope, std::string_view name) const {
  const auto& v = keys_[index(scope)];
  const auto& slots = slots_[index(scope)];
  if (slots.empty()) {  // not indexed (a catalog put together by hand)
    auto it = std::lower_bound(v.begin(), v.end(), name, by_name);
    return it != v.end() && it->name == name ? &*it : nullptr;
  }
  const std::size_t mask = slots.size() - 1;
  for (std::size_t at = name_hash(name) & mask; slots[at] != 0; at = (at + 1) & mask)
    if (const ConfigKey& k = v[slots[at] - 1]; k.name == name) return &k;
  return nullptr;
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

core::Result<ConfigCatalog> load_configs(const PackSource& packs, std::string_view release_line) {
  return core::capture<ConfigCatalog>([&](core::Error* err) -> std::optional<ConfigCatalog> {
    std::optional<PackText> pack =
        generated::find_release_pack(packs, "kafka/configs/", release_line, "configuration", err);
    if (!pack) return std::nullopt;
    return parse_configs(*pack, release_line).take(err);
  });
}

core::Result<ConfigCatalog> parse_configs(const PackText& pack, std::string_view release_line) {
  return core::capture<ConfigCatalog>([&](core::Error* err) -> std::optional<ConfigCatalog> {
    if (auto fast = parse_configs_fast(pack, release_line)) return fast;
    return parse_configs_toml(pack, release_line).take(err);
  });
}

std::optional<ConfigCatalog> parse_configs_fast(const PackText& pack,
                                                std::string_view release_line) {
  ConfigCatalog cat;
  cat.release_ = std::string(release_line);
  std::string_view text = pack.text;
  enum class In { kTop, kScope, kRemoved, kUndocumented } in = In::kTop;
  std::size_t scope_index = 0;
  bool header = false;
  std::array<bool, kAllScopes.size()> seen_scope{};
  bool seen_removed = false, seen_undocumented = false;
  std::vector<Field> fields;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') return std::nullopt;
    std::size_t lead = line.find_first_not_of(' ');
    if (lead == std::string_view::npos || line[lead] == '#') continue;
    LineReader r(line);
    r.spaces();
    if (in == In::kTop) {
      std::string_view name;
      if (!r.bare_key(&name)) return std::nullopt;
      r.spaces();
      if (!r.eat('=')) return std::nullopt;
      r.spaces();
      if (name == "pack") {
        if (header || !read_inline_table(r, &fields)) return std::nullopt;
        std::string kind, release, source;
        for (const Field& f : fields) {
          if (f.is_bool()) return std::nullopt;
          if (f.key == "kind")
            kind = f.value();
          else if (f.key == "release")
            release = f.value();
          else if (f.key == "source")
            source = f.value();
          else
            return std::nullopt;
        }
        if (kind != "configs" || release != release_line || source.empty()) return std::nullopt;
        cat.source_ = source;
        header = true;
      } else if (r.eat('[')) {
        if (auto scope = parse_scope(name)) {
          scope_index = ConfigCatalog::index(*scope);
          if (seen_scope[scope_index]) return std::nullopt;
          seen_scope[scope_index] = true;
          cat.documented_[scope_index] = true;
          // One key a line up to the closing bracket: counting the lines (memchr) is cheaper
          // than growing the vector of a thousand keys step by step.
          const std::string_view body = text.substr(0, text.find("\n]"));
          std::size_t lines = 1;
          for (std::size_t p = body.find('\n'); p != std::string_view::npos;
               p = body.find('\n', p + 1))
            ++lines;
          cat.keys_[scope_index].reserve(lines);
          in = In::kScope;
        } else if (name == "removed" && !seen_removed) {
          seen_removed = true;
          in = In::kRemoved;
        } else if (name == "undocumented" && !seen_undocumented) {
          seen_undocumented = true;
          in = In::kUndocumented;
        } else {
          return std::nullopt;
        }
      } else {
        return std::nullopt;
      }
      r.spaces();
      if (!r.at_end()) return std::nullopt;
      continue;
    }
    if (r.eat(']')) {
      r.spaces();
      if (!r.at_end()) return std::nullopt;
      in = In::kTop;
      continue;
    }
    if (!read_inline_table(r, &fields)) return std::nullopt;
    r.spaces();
    r.eat(',');
    r.spaces();
    if (!r.at_end()) return std::nullopt;
    if (in == In::kScope) {
      if (!fast_key(fields, &cat.keys_[scope_index].emplace_back())) return std::nullopt;
    } else {
      std::string scope_text, name, last;
      for (const Field& f : fields) {
        if (f.is_bool()) return std::nullopt;
        if (f.key == "scope")
          scope_text = f.value();
        else if (f.key == "name")
          name = f.value();
        else if (f.key == "last" && in == In::kRemoved)
          last = f.value();
        else
          return std::nullopt;
      }
      auto scope = parse_scope(scope_text);
      if (!scope || name.empty() || (in == In::kRemoved && last.empty())) return std::nullopt;
      if (in == In::kRemoved)
        cat.removed_.push_back({*scope, std::move(name), std::move(last)});
      else
        cat.undocumented_[ConfigCatalog::index(*scope)].push_back(std::move(name));
    }
  }
  if (!header || in != In::kTop) return std::nullopt;
  for (auto& keys : cat.keys_) {
    auto by_name_less = [](const ConfigKey& a, const ConfigKey& b) { return a.name < b.name; };
    // The importer writes keys sorted; sorting again would cost more than the reading.
    if (!std::is_sorted(keys.begin(), keys.end(), by_name_less))
      std::stable_sort(keys.begin(), keys.end(), by_name_less);
    if (std::adjacent_find(keys.begin(), keys.end(), [](const ConfigKey& a, const ConfigKey& b) {
          return a.name == b.name;
        }) != keys.end())
      return std::nullopt;
  }
  std::sort(cat.removed_.begin(), cat.removed_.end(), [](const RemovedKey& a, const RemovedKey& b) {
    return a.scope != b.scope ? a.scope < b.scope : a.name < b.name;
  });
  for (auto& u : cat.undocumented_) std::sort(u.begin(), u.end());
  cat.build_index();
  return cat;
}

bool operator==(const ConfigCatalog& a, const ConfigCatalog& b) {
  auto same_key = [](const ConfigKey& x, const ConfigKey& y) {
    return x.name == y.name && x.type == y.type && x.default_value == y.default_value &&
           x.required == y.required && x.valid == y.valid && x.importance == y.importance &&
           x.update_mode == y.update_mode && x.server_default == y.server_default &&
           x.internal == y.internal;
  };
  if (a.release_ != b.release_ || a.source_ != b.source_ || a.documented_ != b.documented_ ||
      a.undocumented_ != b.undocumented_ || a.removed_.size() != b.removed_.size())
    return false;
  for (std::size_t i = 0; i < a.removed_.size(); ++i)
    if (a.removed_[i].scope != b.removed_[i].scope || a.removed_[i].name != b.removed_[i].name ||
        a.removed_[i].last != b.removed_[i].last)
      return false;
  for (std::size_t s = 0; s < a.keys_.size(); ++s)
    if (!std::equal(a.keys_[s].begin(), a.keys_[s].end(), b.keys_[s].begin(), b.keys_[s].end(),
                    same_key))
      return false;
  return true;
}

core::Result<ConfigCatalog> parse_configs_toml(const PackText& pack,
                                               std::string_view release_line) {
  return core::capture<ConfigCatalog>([&](core::Error* err) -> std::optional<ConfigCatalog> {
    return read_pack(pack, err, [&](const toml::table& root) -> std::optional<ConfigCatalog> {
      ConfigCatalog cat;
      cat.release_ = std::string(release_line);
      if (!generated::read_pack_header(pack, root, "configs", release_line, &cat.source_, err))
        return std::nullopt;

      for (auto&& [k, v] : root) {
        const std::string_view name = k.str();
        if (name == "pack") continue;
        if (auto scope = parse_scope(name)) {
          const toml::array* arr = v.as_array();
          if (!arr) {
            *err = pack_error(
                pack, v,
                "'" + std::string(name) + "' must be an array of keys, got " + toml_type_name(v));
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
                pack, v, "'" + std::string(name) + "' must be an array, got " + toml_type_name(v));
            return std::nullopt;
          }
          if (!generated::check_table_array(pack, *arr, "'" + std::string(name) + "'", err))
            return std::nullopt;
          const bool is_removed = name == "removed";
          for (const toml::node& item : *arr) {
            generated::Fields r(pack, *item.as_table(), "'" + std::string(name) + "' entry", err);
            std::string scope_text, key_name, last;
            r.one_of("scope", &scope_text, kScopeNames, true);
            r.str("name", &key_name, true);
            if (is_removed) r.str("last", &last, true);
            if (!r.finish()) return std::nullopt;
            const Scope entry_scope = *parse_scope(scope_text);
            if (is_removed)
              cat.removed_.push_back({entry_scope, std::move(key_name), std::move(last)});
            else
              cat.undocumented_[ConfigCatalog::index(entry_scope)].push_back(std::move(key_name));
          }
        } else {
          *err =
              pack_error(pack, v, "unknown table '" + std::string(name) + "' in configuration pack",
                         "expected one of pack, broker, topic, producer, consumer, admin, removed, "
                         "undocumented");
          return std::nullopt;
        }
      }
      std::sort(cat.removed_.begin(), cat.removed_.end(),
                [](const RemovedKey& a, const RemovedKey& b) {
                  return a.scope != b.scope ? a.scope < b.scope : a.name < b.name;
                });
      for (auto& u : cat.undocumented_) std::sort(u.begin(), u.end());
      cat.build_index();
      return cat;
    });
  });
}

std::vector<std::string> config_releases(const PackSource& packs) {
  return generated::releases_under(packs, "kafka/configs/");
}

}  // namespace kafkalint::knowledge
