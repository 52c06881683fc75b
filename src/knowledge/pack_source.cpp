#include "knowledge/pack_source.h"

#include <algorithm>
#include <filesystem>

#include "core/file_io.h"
#include "core/line_index.h"
#include "core/strings.h"
#include "knowledge/embedded.h"
#include "knowledge/snapshot.h"

namespace kafkalint::knowledge {

namespace fs = std::filesystem;

core::Result<void> PackSource::add_directory(const std::string& dir) {
  return core::capture_void([&](core::Error* err) -> bool {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      err->where.file = dir;
      err->message = "'--rules' needs a directory of rule packs laid out like rules/";
      err->hint = "for example DIR/kafka/rules.toml; see rules/SCHEMA.md";
      return false;
    }
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".toml") files.push_back(it->path());
    if (ec) {
      err->where.file = dir;
      err->message = "cannot list directory: " + ec.message();
      return false;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      auto text = core::read_file(p.string(), err);
      if (!text) return false;
      std::string rel = fs::relative(p, dir, ec).generic_string();
      overlays_.erase(std::remove_if(overlays_.begin(), overlays_.end(),
                                     [&](const Overlay& o) { return o.rel == rel; }),
                      overlays_.end());
      overlays_.push_back({rel, p.string(), std::move(*text)});
    }
    return true;
  });
}

std::optional<PackText> PackSource::find(std::string_view rel) const {
  for (auto it = overlays_.rbegin(); it != overlays_.rend(); ++it)
    if (it->rel == rel) return PackText{it->path, it->text};
  if (const EmbeddedFile* f = find_embedded(rel))
    return PackText{"rules/" + std::string(f->path), f->content, f->snapshot};
  return std::nullopt;
}

std::vector<std::string> PackSource::list(std::string_view prefix) const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i)
    if (kEmbeddedFiles[i].path.substr(0, prefix.size()) == prefix)
      out.emplace_back(kEmbeddedFiles[i].path);
  for (const Overlay& o : overlays_)
    if (std::string_view(o.rel).substr(0, prefix.size()) == prefix) out.push_back(o.rel);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<toml::table> parse_pack(const PackText& pack, core::Error* err) {
  // A snapshot that does not decode can only come from a damaged binary; the text next to it
  // still gives the right table, only slower.
  if (!pack.snapshot.empty())
    if (std::optional<toml::table> root = read_snapshot(pack.snapshot)) return root;
  // toml++ 3.3 reaches undefined behaviour on invalid UTF-8 and on non-ASCII text: it reads
  // the pack rewritten in ASCII with the same meaning (core::toml_to_ascii).
  std::size_t bad = core::utf8_valid_prefix(pack.text);
  std::string ascii;
  if (bad == pack.text.size()) bad = core::toml_to_ascii(pack.text, &ascii);
  if (bad != pack.text.size()) {
    err->where.file = pack.display_name;
    err->where.line = core::position_of(pack.text, bad).line;
    err->message =
        "invalid TOML in rule pack: invalid UTF-8, or a non-ASCII character outside a string";
    err->hint = "save the pack file as UTF-8";
    return std::nullopt;
  }
  // Debian's toml++ is built with exceptions; they stop here and become a located error.
  try {
    return toml::parse(ascii, pack.display_name);
  } catch (const toml::parse_error& e) {
    err->where.file = pack.display_name;
    err->where.line = static_cast<int>(e.source().begin.line);
    err->where.column = static_cast<int>(e.source().begin.column);
    err->message = "invalid TOML in rule pack: " + std::string(e.description());
    err->hint = "fix the pack file; its format is described in rules/SCHEMA.md";
    return std::nullopt;
  }
}

const char* toml_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "float";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::array:
      return "array";
    case toml::node_type::table:
      return "table";
    case toml::node_type::date:
      return "date";
    case toml::node_type::time:
      return "time";
    case toml::node_type::date_time:
      return "date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

core::Error pack_error(const PackText& pack, const toml::node& node, std::string message,
                       std::string hint) {
  core::Error e;
  e.where.file = pack.display_name;
  e.where.line = static_cast<int>(node.source().begin.line);
  e.where.column = static_cast<int>(node.source().begin.column);
  e.message = std::move(message);
  e.hint = hint.empty() ? "see rules/SCHEMA.md for the pack format" : std::move(hint);
  return e;
}

}  // namespace kafkalint::knowledge
