#pragma once
// Helpers shared by the tests: paths to the source tree, running the CLI in-process
// or as a real process, temporary directories.

#include <optional>
#include <string>
#include <vector>

namespace kafkalint::test {

/// The repository root (where CMakeLists.txt is).
std::string source_dir();
/// ../shared next to the repository, or nullopt when it is absent (tests then skip).
std::optional<std::string> shared_dir();
/// Path of the built kafkalint binary.
std::string binary();

std::string read(const std::string& path);
void write(const std::string& path, const std::string& content);

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

/// Runs the CLI in-process: `args` excludes the program name.
RunResult run_cli(const std::vector<std::string>& args);

/// Runs a shell command, capturing stdout and stderr (for end-to-end tests of the binary).
RunResult run_shell(const std::string& command);

/// Runs a shell test script of the source tree (`tests/cli/x.sh`) as
/// `bash SCRIPT SOURCE_DIR BUILD_DIR WORK_DIR`: the end-to-end recipes (CI jobs, hooks) that
/// are written as the user would type them.
RunResult run_script_test(const std::string& script, const std::string& work_dir);

/// Cells of a tab-separated file, one row per line (the header row included).
std::vector<std::vector<std::string>> read_tsv(const std::string& path);

/// The input files of a golden case folder (testdata/checks/<group>/<case>/), relative to it
/// and sorted: everything but its expectations (args, expected.*, fixed/), its README.md and
/// MANIFEST.tsv, and its own .kafkalint.toml.
std::vector<std::string> golden_case_inputs(const std::string& dir);

/// True when KAFKALINT_UPDATE_GOLDEN is set (and not 0): golden runners rewrite expectations.
bool update_golden();

/// Checks `actual` against the golden file `path`, or writes it there in update mode.
void compare_golden(const std::string& path, const std::string& actual);

/// `text` without its trailing line breaks (an `args` file's last newline).
std::string trim_newline(std::string text);

/// A fresh directory under the build tree, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace kafkalint::test
