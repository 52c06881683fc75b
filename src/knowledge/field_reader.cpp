#include "knowledge/field_reader.h"

#include <algorithm>

#include "core/suggest.h"

namespace kafkalint::knowledge {

FieldReader::FieldReader(const PackText& pack, const toml::table& table, std::string what,
                         core::Error* err, Wording wording)
    : pack_(pack), table_(table), what_(std::move(what)), err_(err), wording_(wording) {
  // Pack tables have up to ~25 fields; one allocation instead of a growth series per table.
  known_.reserve(32);
}

bool FieldReader::fail(const toml::node& node, std::string message, std::string hint) {
  if (ok_) *err_ = pack_error(pack_, node, std::move(message), std::move(hint));
  ok_ = false;
  return false;
}

const toml::node* FieldReader::lookup(std::string_view key, bool required) {
  known_.emplace_back(key);
  if (!ok_) return nullptr;
  const toml::node* n = table_.get(key);
  if (!n && required)
    fail(table_, curated() ? what_ + " has no field '" + std::string(key) + "'"
                           : "missing field '" + std::string(key) + "' in " + what_);
  return n;
}

const toml::node& FieldReader::node_of(std::string_view key) const {
  const toml::node* n = table_.get(key);
  return n ? *n : static_cast<const toml::node&>(table_);
}

bool FieldReader::str(std::string_view key, std::string* out, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return ok_;
  if (const auto* s = n->as_string()) {
    *out = s->get();
    return true;
  }
  return fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be a string, got " +
                      toml_type_name(*n));
}

bool FieldReader::optional_str(std::string_view key, std::optional<std::string>* out) {
  if (!table_.contains(key)) {
    lookup(key, false);
    return ok_;
  }
  std::string value;
  if (!str(key, &value)) return false;
  *out = std::move(value);
  return true;
}

bool FieldReader::one_of(std::string_view key, std::string* out,
                         const std::vector<std::string_view>& allowed, bool required) {
  std::string value;
  const toml::node* n = table_.get(key);
  if (!str(key, &value, required) || !n) return ok_;
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) {
    *out = std::move(value);
    return true;
  }
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "'" : ", '") + std::string(a) + "'";
  return fail(*n,
              curated() ? "field '" + std::string(key) + "' of " + what_ +
                              " has the unknown value '" + value + "'"
                        : "invalid " + std::string(key) + " '" + value + "' in " + what_,
              "expected one of " + list);
}

bool FieldReader::version(std::string_view key, std::optional<core::Version>* out, bool required) {
  std::string value;
  const toml::node* n = table_.get(key);
  if (!str(key, &value, required) || !n) return ok_;
  auto v = core::Version::parse(value);
  if (!v) {
    return fail(
        *n, "field '" + std::string(key) + "' of " + what_ + " is not a version: '" + value + "'",
        "write versions as dot-separated numbers, e.g. \"2.1\" or \"0.10.2\"");
  }
  *out = std::move(v);
  return true;
}

bool FieldReader::boolean(std::string_view key, bool* out, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return ok_;
  if (const auto* b = n->as_boolean()) {
    *out = b->get();
    return true;
  }
  return fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be a boolean, got " +
                      toml_type_name(*n));
}

bool FieldReader::integer(std::string_view key, std::int64_t* out, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return ok_;
  if (const auto* i = n->as_integer()) {
    *out = i->get();
    return true;
  }
  return fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be an integer, got " +
                      toml_type_name(*n));
}

bool FieldReader::str_array(std::string_view key, std::vector<std::string>* out, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return ok_;
  const auto* arr = n->as_array();
  if (!arr) {
    return fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be an array" +
                        (curated() ? " of strings" : "") + ", got " + toml_type_name(*n));
  }
  out->clear();
  out->reserve(arr->size());
  for (const toml::node& item : *arr) {
    const auto* s = item.as_string();
    if (!s) {
      return fail(item, (curated() ? "items of '" : "elements of '") + std::string(key) + "' in " +
                            what_ + " must be strings, got " + toml_type_name(item));
    }
    out->push_back(s->get());
  }
  return true;
}

const toml::array* FieldReader::array(std::string_view key, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return nullptr;
  if (const auto* a = n->as_array()) return a;
  fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be an array, got " +
               toml_type_name(*n));
  return nullptr;
}

bool FieldReader::table_array(std::string_view key, std::vector<const toml::table*>* out,
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

const toml::table* FieldReader::table(std::string_view key, bool required) {
  const toml::node* n = lookup(key, required);
  if (!n) return nullptr;
  if (const auto* t = n->as_table()) return t;
  fail(*n, "field '" + std::string(key) + "' of " + what_ + " must be a table, got " +
               toml_type_name(*n));
  return nullptr;
}

bool FieldReader::finish() {
  if (!ok_) return false;
  for (const auto& [k, v] : table_) {
    const std::string_view name = k.str();
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    const std::vector<std::string> known(known_.begin(), known_.end());
    const std::vector<std::string> near = core::closest(name, known, 1);
    std::string message = "unknown field '" + std::string(name) + "' in " + what_;
    std::string hint;
    if (curated()) {
      if (!near.empty()) message += "; did you mean '" + near[0] + "'?";
      hint = "expected one of:";
      for (const std::string& f : known) hint += " " + f;
    } else {
      hint = near.empty() ? "known fields: " : "did you mean '" + near[0] + "'? known fields: ";
      for (std::size_t i = 0; i < known.size(); ++i) hint += (i ? ", " : "") + known[i];
    }
    return fail(v, message, hint);
  }
  return true;
}

}  // namespace kafkalint::knowledge
