#include "test_support.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/command.h"

namespace kafkalint::test {

namespace fs = std::filesystem;

std::string source_dir() { return KAFKALINT_SOURCE_DIR; }

std::optional<std::string> shared_dir() {
  if (const char* env = std::getenv("KAFKALINT_SHARED_DIR"); env && *env) {
    if (fs::is_directory(env)) return std::string(env);
    return std::nullopt;
  }
  std::error_code ec;
  if (fs::is_directory(KAFKALINT_SHARED_DIR, ec))
    return fs::canonical(KAFKALINT_SHARED_DIR, ec).string();
  return std::nullopt;
}

std::string binary() { return KAFKALINT_BINARY; }

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

RunResult run_cli(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"kafkalint"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::ostringstream out, err;
  RunResult r;
  r.code = cli::run(argv, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

RunResult run_shell(const std::string& command) {
  TempDir tmp;
  const std::string full = "( " + command + " ) >" + tmp.file("out") + " 2>" + tmp.file("err");
  const int status = std::system(full.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read(tmp.file("out"));
  r.err = read(tmp.file("err"));
  return r;
}

TempDir::TempDir() {
  // tools/run-unprivileged.sh runs the tests as a user who may not write the build tree.
  const char* base = std::getenv("KAFKALINT_TEST_TMPDIR");
  const std::string root = base && *base ? base : KAFKALINT_BUILD_DIR;
  std::string tmpl = root + "/test-tmp-XXXXXX";
  fs::create_directories(root);
  char* p = ::mkdtemp(tmpl.data());
  path_ = p ? p : tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

RunResult run_script_test(const std::string& script, const std::string& work_dir) {
  const std::string build_dir = KAFKALINT_BUILD_DIR;
  return run_shell("bash '" + source_dir() + "/" + script + "' '" + source_dir() + "' '" +
                   build_dir + "' '" + work_dir + "'");
}

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read(path));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::vector<std::string> golden_case_inputs(const std::string& dir) {
  static const std::set<std::string> kNotInputs = {
      "args",      "expected.txt", "expected.exit",  "expected.json",
      "README.md", "MANIFEST.tsv", ".kafkalint.toml"};
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), dir).generic_string();
    if (kNotInputs.count(rel) || rel.rfind("fixed/", 0) == 0) continue;
    out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool update_golden() {
  const char* u = std::getenv("KAFKALINT_UPDATE_GOLDEN");
  return u && *u && std::string(u) != "0";
}

void compare_golden(const std::string& path, const std::string& actual) {
  if (update_golden()) {
    fs::create_directories(fs::path(path).parent_path());
    write(path, actual);
    return;
  }
  REQUIRE_MESSAGE(fs::exists(path),
                  "missing golden file " << path << " (run with KAFKALINT_UPDATE_GOLDEN=1)");
  CHECK_MESSAGE(read(path) == actual, "differs: " << path);
}

std::string trim_newline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace kafkalint::test
