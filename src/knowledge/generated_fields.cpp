#include "knowledge/generated_fields.h"

#include <algorithm>

#include "core/version.h"

namespace kafkalint::knowledge::generated {

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
  Fields r(pack, *t, "'pack'", err);
  std::string got_kind, release;
  r.str("kind", &got_kind, true);
  r.str("release", &release, true);
  r.str("source", source, true);
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
