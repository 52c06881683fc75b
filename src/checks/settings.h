#pragma once
// Repository settings from .kafkalint.toml, found upward from the checked paths' folder.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"

namespace kafkalint::checks {

struct Settings {
  std::string path;  // the .kafkalint.toml read, empty when none was found
  std::string root;  // its directory: patterns are relative to it
  std::optional<std::string> to;
  std::optional<std::string> from;
  std::vector<std::string> select;  // rule codes, code prefixes ("KL4") or names
  std::vector<std::string> ignore;
  std::vector<std::string> exclude;  // path patterns (see glob.h)
  /// Keys plugins read ("myco.*", glob syntax of glob.h): never reported as unknown (KL101).
  std::vector<std::string> plugin_keys;
  std::vector<std::pair<std::string, std::vector<std::string>>> per_path_ignores;
  std::vector<std::pair<std::string, std::string>> roles;  // pattern -> broker|producer|...
  std::optional<std::string> fail_on;                      // error|warning|info
  std::optional<std::string> bootstrap_server;             // broker address for --zookeeper fixes
  /// Where `to` and `from` are written: a version the release catalogue does not know is an
  /// error at that place (the catalogue is loaded after the settings).
  core::Location to_at, from_at;
  /// Files larger than this are not read (a note says so); 0 = no limit. Unset: the default
  /// of checks/walk.h.
  std::optional<std::uintmax_t> max_file_size;
};

/// Looks for .kafkalint.toml in `start_dir` and its parents. No file is not an error.
/// A file that is not valid (TOML syntax, unknown key, wrong type, an empty version, an
/// unknown role or severity) is a located error.
core::Result<Settings> find_settings(const std::string& start_dir);

/// Reads one settings file.
core::Result<Settings> load_settings(const std::string& path);

/// Reads settings from `contents`, the text of the file `path` (named in errors; its folder
/// is the settings' root).
core::Result<Settings> parse_settings(const std::string& contents, const std::string& path);

}  // namespace kafkalint::checks
