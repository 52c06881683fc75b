#pragma once
// .gitignore rules, so that a check of a git work tree skips what git ignores (as ruff does):
// build output, vendored copies, generated configs.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kafkalint::checks {

class GitIgnore {
 public:
  /// True when git would ignore `path` (relative to the working directory, or absolute;
  /// `dir` says it is a folder): the .gitignore files from the work tree's root down to its
  /// folder and .git/info/exclude, later and deeper rules winning, '!' re-including. A path
  /// outside any git work tree is never ignored. The global excludes file is not read: a
  /// check must give the same result on every machine.
  bool ignored(const std::string& path, bool dir) const;

 private:
  struct Rule {
    std::string pattern;
    bool negate = false;
    bool dir_only = false;
    bool anchored = false;  // relative to the .gitignore's folder, not any name below it
  };
  using Rules = std::shared_ptr<const std::vector<Rule>>;
  struct Chain {
    std::filesystem::path dir;
    std::filesystem::path root;
    bool in_tree = false;            // dir lies in a git work tree, outside its .git
    std::vector<std::string> parts;  // dir's folders below the root
    std::string rel;                 // the same joined, each followed by '/'
    Rules exclude;                   // the root's .git/info/exclude
    // The .gitignore files that have rules, root first, each with where its path to dir
    // starts in rel. Folders without one (most, in a deep tree) take no room and no time.
    std::vector<std::pair<Rules, std::size_t>> levels;
  };
  Chain chain_of(const std::filesystem::path& dir) const;
  const std::optional<std::filesystem::path>& root_of(const std::filesystem::path& dir) const;
  Rules rules_of(const std::filesystem::path& file) const;

  // Folders whose root and .gitignore rules are remembered, at most: enough for the
  // ancestors of the folders a depth-first walk is in, small next to a large repository.
  static constexpr std::size_t kMaxCached = 1024;
  mutable std::map<std::filesystem::path, std::optional<std::filesystem::path>> roots_;
  mutable std::map<std::filesystem::path, Rules> rules_;
  mutable std::optional<Chain> last_;  // the folder of the last path asked about
};

/// The rules of one .gitignore text, for tests: whether `rel` (relative to the file's folder)
/// is ignored by them alone; nullopt when no rule matches.
std::optional<bool> gitignore_match(const std::string& text, const std::string& rel, bool dir);

}  // namespace kafkalint::checks
