#include "knowledge/curated_fields.h"

#include <algorithm>

#include "core/suggest.h"

namespace kafkalint::knowledge::curated {

Fields::Fields(const PackText& pack, const toml::table& table, std::string what, core::Error* err)
    : pack_(pack), table_(table), what_(std::move(what)), err_(err) {
  // Pack tables have up to ~25 fields; one allocation instead of a growth series per table.
  known_.reserve(32);
}

bool Fields::fail(const toml::node& node, std::string message, std::string hint) {
  if (ok_) *err_ = pack_error(pack_, node, std::move(message), std::move(hint));
  ok_ = false;
  return false;
}

const toml::node* Fields::lookup(std::string_view key, bool required) {
  known_.emplace_back(key);
  if (!ok_) return nullptr;
  const toml::node* n = table_.get(key);
  if (!n && required) fail(table_, what_ + " has no field '" + std::string(key) + "'");
  return n;
}

const toml::node& Fields::node_of(std::string_view key) const {
  const toml::node* n = table_.get(key);
  return n ? *n : static_cast<const toml::node&>(table_);
}

bool Fields::str(std::string_view key, std::string* out, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return ok_;
  if (const auto* s = n->as_string()) {
    *out = s->get();
    return true;
  }
  return fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be a string, got " +
                      toml_type_name(*n));
}

bool Fields::one_of(std::string_view key, std::string* out,
                    const std::vector<std::string_view>& allowed, bool required) {
  std::string value;
  const bool had = table_.get(key) != nullptr;
  if (!str(key, &value, required) || !had) return ok_;
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) {
    *out = value;
    return true;
  }
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "'" : ", '") + std::string(a) + "'";
  return fail(
      *table_.get(key),
      "field '" + std::string(key) + "' of " + what_ + " has the unknown value '" + value + "'",
      "expected one of " + list);
}

bool Fields::version(std::string_view key, std::optional<core::Version>* out, bool required) {
  std::string value;
  const bool had = table_.get(key) != nullptr;
  if (!str(key, &value, required) || !had) return ok_;
  auto v = core::Version::parse(value);
  if (!v) {
    return fail(
        *table_.get(key),
        "field '" + std::string(key) + "' of " + what_ + " is not a version: '" + value + "'",
        "write versions as dot-separated numbers, e.g. \"2.1\" or \"0.10.2\"");
  }
  *out = std::move(v);
  return true;
}

bool Fields::boolean(std::string_view key, bool* out, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return ok_;
  if (const auto* b = n->as_boolean()) {
    *out = b->get();
    return true;
  }
  return fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be a boolean, got " +
                      toml_type_name(*n));
}

bool Fields::integer(std::string_view key, std::int64_t* out, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return ok_;
  if (const auto* i = n->as_integer()) {
    *out = i->get();
    return true;
  }
  return fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be an integer, got " +
                      toml_type_name(*n));
}

bool Fields::str_array(std::string_view key, std::vector<std::string>* out, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return ok_;
  const auto* arr = n->as_array();
  if (!arr) {
    return fail(*n, "field '" + std::string(key) + "' of " + what_ +
                        " must be an array of strings, got " + toml_type_name(*n));
  }
  out->clear();
  for (const toml::node& item : *arr) {
    const auto* s = item.as_string();
    if (!s) {
      return fail(item, "items of '" + std::string(key) + "' in " + what_ +
                            " must be strings, got " + toml_type_name(item));
    }
    out->push_back(s->get());
  }
  return true;
}

bool Fields::table_array(std::string_view key, std::vector<const toml::table*>* out,
                         bool required) {
  const toml::node* n = lookup(key, required);
  out->clear();
  if (!n) return ok_;
  const auto* arr = n->as_array();
  if (!arr) {
    return fail(*n, "field '" + std::string(key) + "' of " + what_ +
                        " must be an array of tables, got " + toml_type_name(*n));
  }
  for (const toml::node& item : *arr) {
    const auto* t = item.as_table();
    if (!t) {
      return fail(item, "items of '" + std::string(key) + "' in " + what_ +
                            " must be tables, got " + toml_type_name(item));
    }
    out->push_back(t);
  }
  return true;
}

const toml::table* Fields::table(std::string_view key, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return nullptr;
  if (const auto* t = n->as_table()) return t;
  fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be a table, got " +
               toml_type_name(*n));
  return nullptr;
}

bool Fields::finish() {
  if (!ok_) return false;
  for (const auto& [k, v] : table_) {
    const std::string_view name = k.str();
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    const std::vector<std::string> known(known_.begin(), known_.end());
    std::string message = "unknown field '" + std::string(name) + "' in " + what_;
    if (auto s = core::closest(name, known, 1); !s.empty())
      message += "; did you mean '" + s[0] + "'?";
    std::string hint = "expected one of:";
    for (const std::string& f : known) hint += " " + f;
    return fail(v, message, hint);
  }
  return true;
}

bool check_root(const PackText& pack, const toml::table& root,
                const std::vector<std::string_view>& allowed, core::Error* err) {
  const toml::node* schema = root.get("schema");
  if (!schema) {
    *err = pack_error(pack, root, "rule pack has no 'schema' version",
                      "add 'schema = 1' at the top; see rules/SCHEMA.md");
    return false;
  }
  const auto* schema_int = schema->as_integer();
  if (!schema_int || schema_int->get() != 1) {
    *err = pack_error(pack, *schema, "unsupported pack schema; this kafkalint reads schema = 1");
    return false;
  }
  std::vector<std::string> names(allowed.begin(), allowed.end());
  names.emplace_back("schema");
  for (const auto& [k, v] : root) {
    const std::string_view name = k.str();
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    std::string message = "unknown top-level entry '" + std::string(name) + "'";
    if (auto s = core::closest(name, names, 1); !s.empty())
      message += "; did you mean '" + s[0] + "'?";
    std::string hint = "expected one of:";
    for (const std::string& f : names) hint += " " + f;
    *err = pack_error(pack, v, message, hint);
    return false;
  }
  return true;
}

bool is_rule_code(std::string_view text) {
  return text.size() == 5 && text[0] == 'K' && text[1] == 'L' && text[2] >= '1' && text[2] <= '9' &&
         text[3] >= '0' && text[3] <= '9' && text[4] >= '0' && text[4] <= '9';
}

}  // namespace kafkalint::knowledge::curated
