#include "checks/settings.h"

#include <toml++/toml.h>

#include <filesystem>

#include "checks/props_file.h"
#include "checks/walk.h"
#include "core/file_io.h"
#include "core/line_index.h"
#include "core/strings.h"
#include "core/suggest.h"

namespace kafkalint::checks {

namespace fs = std::filesystem;

namespace {

core::Error at(const std::string& path, const toml::node& n, std::string message,
               std::string hint = {}) {
  core::Error e;
  e.where.file = path;
  e.where.line = static_cast<int>(n.source().begin.line);
  e.where.column = static_cast<int>(n.source().begin.column);
  e.message = std::move(message);
  e.hint = std::move(hint);
  return e;
}

bool read_string(const std::string& path, const toml::node& n, const std::string& key,
                 std::optional<std::string>* out, core::Error* err) {
  if (auto s = n.value<std::string>()) {
    *out = *s;
    return true;
  }
  *err = at(path, n, "'" + key + "' must be a string");
  return false;
}

bool read_list(const std::string& path, const toml::node& n, const std::string& key,
               std::vector<std::string>* out, core::Error* err) {
  const toml::array* arr = n.as_array();
  if (!arr) {
    *err = at(path, n, "'" + key + "' must be an array of strings", "for example [\"KL101\"]");
    return false;
  }
  for (const toml::node& item : *arr) {
    auto s = item.value<std::string>();
    if (!s) {
      *err = at(path, item, "'" + key + "' must contain only strings");
      return false;
    }
    out->push_back(*s);
  }
  return true;
}

// A version must name a release: an empty one would silently mean "no target".
bool read_version(const std::string& path, const toml::node& n, const std::string& key,
                  std::optional<std::string>* out, core::Location* where, core::Error* err) {
  if (!read_string(path, n, key, out, err)) return false;
  *where = at(path, n, "").where;
  if (out->value().find_first_not_of(" \t") != std::string::npos) return true;
  *err =
      at(path, n, "'" + key + "' is empty", "give a Kafka version such as \"3.9\", or remove it");
  return false;
}

}  // namespace

core::Result<Settings> load_settings(const std::string& path) {
  return core::capture<Settings>([&](core::Error* err) -> std::optional<Settings> {
    const auto text = core::read_file(path, err);
    if (!text) return std::nullopt;
    return parse_settings(*text, path).take(err);
  });
}

core::Result<Settings> parse_settings(const std::string& contents, const std::string& path) {
  return core::capture<Settings>([&](core::Error* err) -> std::optional<Settings> {
    const std::string* text = &contents;
    // toml++ 3.3 (Debian 12) reaches undefined behaviour on invalid UTF-8 and on non-ASCII
    // text: it reads the file rewritten in ASCII with the same meaning (core::toml_to_ascii).
    std::size_t bad = core::utf8_valid_prefix(*text);
    const bool utf8 = bad == text->size();
    std::string ascii;
    if (utf8) bad = core::toml_to_ascii(*text, &ascii);
    if (bad != text->size()) {
      const core::TextPosition at = core::position_of(*text, bad);
      err->where = {path, at.line, at.column};
      err->message = utf8 ? "invalid TOML: a non-ASCII character outside a string or comment"
                          : "invalid TOML: the file is not UTF-8 here";
      err->hint = utf8 ? "quote the value" : "save .kafkalint.toml as UTF-8";
      return std::nullopt;
    }
    toml::table tbl;
    try {
      tbl = toml::parse(ascii, path);
    } catch (const toml::parse_error& e) {
      err->where = {path, static_cast<int>(e.source().begin.line),
                    static_cast<int>(e.source().begin.column)};
      err->message = "invalid TOML: " + std::string(e.description());
      return std::nullopt;
    }
    Settings s;
    s.path = path;
    s.root = fs::path(path).parent_path().string();
    if (s.root.empty()) s.root = ".";
    static const std::vector<std::string> kKeys = {
        "to",    "from",    "select",           "ignore",      "exclude",      "per-path-ignores",
        "roles", "fail-on", "bootstrap-server", "plugin-keys", "max-file-size"};
    for (const auto& [k, node] : tbl) {
      const std::string key(k.str());
      bool ok = true;
      if (key == "to")
        ok = read_version(path, node, key, &s.to, &s.to_at, err);
      else if (key == "from")
        ok = read_version(path, node, key, &s.from, &s.from_at, err);
      else if (key == "fail-on") {
        ok = read_string(path, node, key, &s.fail_on, err);
        if (ok && *s.fail_on != "error" && *s.fail_on != "warning" && *s.fail_on != "info") {
          *err = at(path, node, "unknown severity '" + *s.fail_on + "' for 'fail-on'",
                    "expected error, warning or info");
          return std::nullopt;
        }
      } else if (key == "bootstrap-server")
        ok = read_string(path, node, key, &s.bootstrap_server, err);
      else if (key == "max-file-size") {
        // 1048576 or "64M" (K, M, G: binary multiples); 0 turns the limit off.
        std::optional<std::uintmax_t> size;
        if (const auto n = node.value<std::int64_t>(); n && *n >= 0 && node.is_integer())
          size = static_cast<std::uintmax_t>(*n);
        else if (const auto size_text_value = node.value<std::string>())
          size = parse_size(*size_text_value);
        if (!size) {
          *err =
              at(path, node, "'max-file-size' must be a size in bytes",
                 "for example 67108864 or \"64M\" (K, M and G multiply by 1024); 0 for no limit");
          return std::nullopt;
        }
        s.max_file_size = size;
      } else if (key == "select")
        ok = read_list(path, node, key, &s.select, err);
      else if (key == "ignore")
        ok = read_list(path, node, key, &s.ignore, err);
      else if (key == "exclude")
        ok = read_list(path, node, key, &s.exclude, err);
      else if (key == "plugin-keys")
        ok = read_list(path, node, key, &s.plugin_keys, err);
      else if (key == "per-path-ignores" || key == "roles") {
        const toml::table* t = node.as_table();
        if (!t) {
          *err = at(path, node, "'" + key + "' must be a table of path patterns");
          return std::nullopt;
        }
        for (const auto& [pk, pv] : *t) {
          if (key == "roles") {
            std::optional<std::string> role;
            if (!read_string(path, pv, key + "." + std::string(pk.str()), &role, err))
              return std::nullopt;
            // A misspelt role would silently fall back to guessing the file's kind.
            if (!parse_role(*role)) {
              static const std::vector<std::string> kRoles = {"broker",   "server",   "controller",
                                                              "producer", "consumer", "admin",
                                                              "client",   "topic"};
              std::string hint = "expected broker, producer, consumer, admin, client or topic";
              if (auto c = core::closest(*role, kRoles, 1); !c.empty())
                hint = "did you mean '" + c[0] + "'?";
              *err = at(path, pv,
                        "unknown role '" + *role + "' for '" + std::string(pk.str()) + "'", hint);
              return std::nullopt;
            }
            s.roles.emplace_back(std::string(pk.str()), *role);
          } else {
            std::vector<std::string> codes;
            if (!read_list(path, pv, key + "." + std::string(pk.str()), &codes, err))
              return std::nullopt;
            s.per_path_ignores.emplace_back(std::string(pk.str()), std::move(codes));
          }
        }
      } else {
        std::string hint =
            "known keys: to, from, select, ignore, exclude, per-path-ignores, roles, "
            "fail-on, bootstrap-server, plugin-keys, max-file-size";
        if (auto c = core::closest(key, kKeys, 1); !c.empty())
          hint = "did you mean '" + c[0] + "'?";
        *err = at(path, node, "unknown setting '" + key + "'", hint);
        err->where.line = static_cast<int>(k.source().begin.line);
        err->where.column = static_cast<int>(k.source().begin.column);
        return std::nullopt;
      }
      if (!ok) return std::nullopt;
    }
    return s;
  });
}

core::Result<Settings> find_settings(const std::string& start_dir) {
  return core::capture<Settings>([&](core::Error* err) -> std::optional<Settings> {
    std::error_code ec;
    fs::path dir = fs::absolute(start_dir, ec).lexically_normal();
    if (dir.has_filename() == false && dir.has_parent_path()) dir = dir.parent_path();
    while (!dir.empty()) {
      const fs::path candidate = dir / ".kafkalint.toml";
      if (fs::is_regular_file(candidate, ec)) {
        // Reported relative to the working directory, as the checked files are.
        fs::path shown = fs::relative(candidate, fs::current_path(ec), ec);
        if (ec || shown.empty()) shown = candidate;
        return load_settings(shown.generic_string()).take(err);
      }
      // A repository's settings never come from above it: the search stops at its root.
      if (fs::exists(dir / ".git", ec) || dir == dir.root_path()) break;
      dir = dir.parent_path();
    }
    return Settings{};
  });
}

}  // namespace kafkalint::checks
