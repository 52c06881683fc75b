#pragma once
// The one walk of the file system that `check` and `plan` share: what is under the given
// paths, a folder at a time in report order, and a note for everything met but not read (a
// link to a folder, a dangling link, a symlink loop, a FIFO or device, a folder that cannot
// be listed, a path too long for the system). It never throws and never follows a link to a
// folder, so a loop cannot make it spin.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/diagnostic.h"
#include "core/result.h"

namespace kafkalint::checks {

/// kScript: a script, build file, manifest or doc (by name); kMaybeScript: a file without an
/// extension whose content decides (a shebang, a Dockerfile or YAML shape); kMaybeProperties:
/// .config/.conf/.cfg, taken when the content looks like a Kafka config.
enum class Candidate { kProperties, kMaybeProperties, kScript, kMaybeScript, kNo };

/// Which files a `check` walk picks up, by name alone.
Candidate candidate(const std::filesystem::path& p);

/// The file name without a template extension: "server.properties.j2" -> "server.properties".
std::string inner_name(std::string_view name);

/// One file to read, or one thing met in a walk that is not read (`note` says why).
struct Input {
  std::string path;  // as reported
  bool explicit_file = false;
  Candidate kind = Candidate::kProperties;
  std::optional<std::string> note;
};

struct WalkOptions {
  std::vector<std::string> roots;  // files or folders; empty means "."
  /// Files given by content (stdin): never looked up on disk.
  const std::map<std::string, std::string>* contents = nullptr;
  /// Which files of a walked folder to take (files named in `roots` are always taken).
  std::function<Candidate(const std::filesystem::path&)> pick = candidate;
  /// Paths the user excluded (.kafkalint.toml): passed over, folders not entered.
  std::function<bool(const std::string& path)> excluded;
  /// Whether the walk passes over a file or folder it meets (.gitignore).
  std::function<bool(const std::string& path, bool is_dir)> ignored;
  /// Told of each folder not entered (version control, excluded, ignored). For -v.
  std::function<void(const std::string& folder, const char* why)> skipped_folder;
};

/// The files under `roots`, handed out one folder at a time in report order
/// (core::folder_less), so a run holds one folder's names rather than the whole tree's.
/// Folders are walked depth first, each folder's files before its subfolders.
class Walker {
 public:
  /// Checks that every root exists (before anything is reported) and sets up the walks.
  core::Result<void> open(WalkOptions options);
  /// The files of the next folder, in order; false when there are none left. A folder that
  /// several roots reach (a folder given twice, a file inside a folder given) comes once.
  bool next(std::vector<Input>* out);

 private:
  // The stack keeps, for each folder on the way down, the names of its subfolders still to
  // visit: memory grows with the depth and width of the tree, not with the number of files.
  struct Frame {
    std::filesystem::path dir;
    std::vector<std::string> subdirs;  // sorted
    std::size_t next = 0;
  };
  struct Walk {
    std::optional<std::filesystem::path> root;  // not read yet
    std::vector<Frame> stack;
    bool has_folder = false;  // dir/files hold the next folder with candidates
    std::string dir;
    std::vector<Input> files;
  };
  void advance(Walk& w) const;
  void read_folder(const std::filesystem::path& dir, Frame* frame, std::vector<Input>* files) const;

  WalkOptions o_;
  std::vector<Input> explicit_;
  std::size_t next_explicit_ = 0;
  std::vector<Walk> walks_;
};

/// Why a path met in a walk or named by the user cannot be read as a file, from the error
/// the system gave ("a symlink loop", "a path longer than the system allows", ...).
std::string unreadable_because(const std::error_code& ec);

/// A size in bytes from "65536", "64K", "64M", "1G" (binary multiples); 0 means no limit.
std::optional<std::uintmax_t> parse_size(std::string_view text);

/// "64 MiB", "1.5 KiB", "300 bytes".
std::string size_text(std::uintmax_t bytes);

/// The size limit of a file when none is set: far above any config, script or doc, far
/// below what would exhaust memory.
constexpr std::uintmax_t kDefaultMaxFileSize = std::uintmax_t{64} << 20;

}  // namespace kafkalint::checks
