#include "knowledge/generated_fields.h"

#include <algorithm>

#include "core/suggest.h"
#include "core/version.h"

namespace kafkalint::knowledge::generated {

bool FieldReader::fail(const toml::node& node, std::string message, std::string hint) {
  if (ok_) *err_ = pack_error(pack_, node, std::move(message), std::move(hint));
  ok_ = false;
  return false;
}

const toml::node* FieldReader::lookup(std::string_view key, bool required) {
  known_.push_back(key);
  if (!ok_) return nullptr;
  const toml::node* node = table_.get(key);
  if (!node && required) fail(table_, "missing field '" + std::string(key) + "' in " + what_);
  return node;
}

bool FieldReader::string(std::string_view key, std::string* out, bool required) {
  const toml::node* node = lookup(key, required);
  if (!node) return ok_;
  if (const auto* s = node->as_string()) {
    *out = s->get();
    return true;
  }
  return fail(*node, "field '" + std::string(key) + "' of " + what_ + " must be a string, got " +
                         toml_type_name(*node));
}

bool FieldReader::optional_string(std::string_view key, std::optional<std::string>* out) {
  if (!table_.contains(key)) {
    lookup(key, false);
    return ok_;
  }
  std::string value;
  if (!string(key, &value)) return false;
  *out = std::move(value);
  return true;
}

bool FieldReader::one_of(std::string_view key, std::string* out,
                         const std::vector<std::string_view>& allowed, bool required) {
  const toml::node* node = table_.get(key);
  if (!string(key, out, required) || !node) return ok_;
  if (std::find(allowed.begin(), allowed.end(), *out) != allowed.end()) return true;
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "'" : ", '") + std::string(a) + "'";
  return fail(*node, "invalid " + std::string(key) + " '" + *out + "' in " + what_,
              "expected one of " + list);
}

bool FieldReader::boolean(std::string_view key, bool* out) {
  const toml::node* node = lookup(key, false);
  if (!node) return ok_;
  if (const auto* b = node->as_boolean()) {
    *out = b->get();
    return true;
  }
  return fail(*node, "field '" + std::string(key) + "' of " + what_ + " must be a boolean, got " +
                         toml_type_name(*node));
}

const toml::array* FieldReader::array(std::string_view key, bool required) {
  const toml::node* node = lookup(key, required);
  if (!node) return nullptr;
  if (const auto* a = node->as_array()) return a;
  fail(*node, "field '" + std::string(key) + "' of " + what_ + " must be an array, got " +
                  toml_type_name(*node));
  return nullptr;
}

bool FieldReader::string_array(std::string_view key, std::vector<std::string>* out) {
  const toml::array* a = array(key);
  if (!a) return ok_;
  out->reserve(a->size());
  for (const toml::node& item : *a) {
    const auto* s = item.as_string();
    if (!s)
      return fail(item, "elements of '" + std::string(key) + "' in " + what_ +
                            " must be strings, got " + toml_type_name(item));
    out->push_back(s->get());
  }
  return true;
}

bool FieldReader::finish() {
  if (!ok_) return false;
  for (auto&& [k, v] : table_) {
    if (std::find(known_.begin(), known_.end(), k.str()) != known_.end()) continue;
    std::vector<std::string> names(known_.begin(), known_.end());
    auto near = core::closest(k.str(), names, 1);
    std::string hint =
        near.empty() ? "known fields: " : "did you mean '" + near[0] + "'? known fields: ";
    for (std::size_t i = 0; i < names.size(); ++i) hint += (i ? ", " : "") + names[i];
    return fail(v, "unknown field '" + std::string(k.str()) + "' in " + what_, hint);
  }
  return true;
}

bool check_table_array(const PackText& pack, const toml::array& array, std::string_view what,
                       core::Error* err) {
  for (const toml::node& item : array) {
    if (item.is_table()) continue;
    *err = pack_error(
        pack, item,
        "elements of " + std::string(what) + " must be tables, got " + toml_type_name(item),
        "write one inline table per entry: { name = \"...\", ... }");
    return false;
  }
  return true;
}

bool read_pack_header(const PackText& pack, const toml::table& root, std::string_view kind,
                      std::string_view release_line, std::string* source, core::Error* err) {
  const toml::node* node = root.get("pack");
  if (!node) {
    *err =
        pack_error(pack, root, "missing 'pack' table",
                   "a generated pack starts with pack = { kind = \"" + std::string(kind) +
                       "\", release = \"" + std::string(release_line) + "\", source = \"...\" }");
    err->where.line = 1;  // the root table has no position of its own
    err->where.column = 1;
    return false;
  }
  const toml::table* t = node->as_table();
  if (!t) {
    *err = pack_error(pack, *node,
                      std::string("'pack' must be a table, got ") + toml_type_name(*node));
    return false;
  }
  FieldReader r(pack, *t, "'pack'", err);
  std::string got_kind, release;
  r.string("kind", &got_kind, true);
  r.string("release", &release, true);
  r.string("source", source, true);
  if (!r.finish()) return false;
  if (got_kind != kind)
    return r.fail(*t->get("kind"),
                  "pack kind is '" + got_kind + "', expected '" + std::string(kind) + "'");
  if (release != release_line)
    return r.fail(
        *t->get("release"),
        "pack release is '" + release + "' but the file is for '" + std::string(release_line) + "'",
        "the file name names the release line: kafka/" + std::string(kind) + "/" +
            std::string(release_line) + ".toml");
  return true;
}

std::vector<std::string> releases_under(const PackSource& packs, std::string_view prefix) {
  std::vector<std::pair<core::Version, std::string>> found;
  for (const std::string& rel : packs.list(prefix)) {
    std::string_view name = std::string_view(rel).substr(prefix.size());
    constexpr std::string_view kExt = ".toml";
    if (name.size() <= kExt.size() || name.substr(name.size() - kExt.size()) != kExt) continue;
    name.remove_suffix(kExt.size());
    // Only files named after a release line count (not e.g. a README.toml in an overlay).
    auto v = core::Version::parse(name);
    if (!v || v->line() != name) continue;
    found.emplace_back(*v, std::string(name));
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  out.reserve(found.size());
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

std::optional<PackText> find_release_pack(const PackSource& packs, std::string_view prefix,
                                          std::string_view release_line, std::string_view what,
                                          core::Error* err) {
  const std::string rel = std::string(prefix) + std::string(release_line) + ".toml";
  std::optional<PackText> pack = packs.find(rel);
  if (pack) return pack;
  *err = core::Error{};
  err->where.file = "rules/" + rel;
  err->message = "no " + std::string(what) + " pack for Kafka '" + std::string(release_line) + "'";
  std::string known;
  for (const std::string& r : releases_under(packs, prefix))
    known += (known.empty() ? "" : ", ") + r;
  err->hint = known.empty() ? "no " + std::string(what) + " packs are available"
                            : "known releases: " + known;
  return std::nullopt;
}

}  // namespace kafkalint::knowledge::generated
