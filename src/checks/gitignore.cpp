#include "checks/gitignore.h"

#include <algorithm>
#include <iterator>

#include "checks/glob.h"
#include "core/file_io.h"

namespace kafkalint::checks {

namespace fs = std::filesystem;

namespace {

struct ParsedRule {
  std::string pattern;
  bool negate = false, dir_only = false, anchored = false;
};

// One line of a .gitignore (gitignore(5)); nullopt for blank lines and comments.
std::optional<ParsedRule> parse_line(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  // Trailing blanks go unless escaped with a backslash.
  while (!line.empty() && line.back() == ' ' &&
         !(line.size() >= 2 && line[line.size() - 2] == '\\'))
    line.pop_back();
  if (line.empty() || line[0] == '#') return std::nullopt;
  ParsedRule r;
  if (line[0] == '!') {
    r.negate = true;
    line.erase(0, 1);
  } else if (line[0] == '\\' && line.size() > 1 && (line[1] == '#' || line[1] == '!')) {
    line.erase(0, 1);
  }
  if (!line.empty() && line.back() == '/') {
    r.dir_only = true;
    line.pop_back();
  }
  // A slash at the start or in the middle ties the pattern to the .gitignore's folder.
  r.anchored = line.find('/') != std::string::npos;
  if (!line.empty() && line[0] == '/') line.erase(0, 1);
  if (line.empty()) return std::nullopt;
  r.pattern = line;
  return r;
}

std::size_t segments(std::string_view s) { return std::count(s.begin(), s.end(), '/') + 1u; }

// The path itself, never "everything below" (glob_match's reading of a folder pattern): the
// walk does not enter an ignored folder, and a folder given on the command line is checked
// whole even when git ignores it.
template <typename R>  // ParsedRule, or GitIgnore's own copy of one
bool rule_matches(const R& r, const std::string& rel, bool dir) {
  if (r.dir_only && !dir) return false;
  const bool has_slash = r.pattern.find('/') != std::string::npos;
  if (!has_slash && !r.anchored) {  // a name, in any folder
    const std::size_t slash = rel.rfind('/');
    return glob_match(r.pattern, slash == std::string::npos ? rel : rel.substr(slash + 1));
  }
  if (r.pattern.find("**") == std::string::npos && segments(r.pattern) != segments(rel))
    return false;
  return glob_match(r.pattern, rel);
}

std::vector<ParsedRule> parse(const std::string& text) {
  std::vector<ParsedRule> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    if (auto r = parse_line(text.substr(at, end - at))) out.push_back(*r);
    at = end + 1;
  }
  return out;
}

std::optional<bool> last_match(const std::vector<ParsedRule>& rules, const std::string& rel,
                               bool dir) {
  std::optional<bool> verdict;
  for (const ParsedRule& r : rules)
    if (rule_matches(r, rel, dir)) verdict = !r.negate;
  return verdict;
}

}  // namespace

std::optional<bool> gitignore_match(const std::string& text, const std::string& rel, bool dir) {
  return last_match(parse(text), rel, dir);
}

const std::optional<fs::path>& GitIgnore::root_of(const fs::path& dir) const {
  auto it = roots_.find(dir);
  if (it != roots_.end()) return it->second;
  std::optional<fs::path> root;
  std::error_code ec;
  if (fs::exists(dir / ".git", ec))
    root = dir;
  else if (dir.has_parent_path() && dir.parent_path() != dir)
    root = root_of(dir.parent_path());
  return roots_[dir] = root;
}

GitIgnore::Rules GitIgnore::rules_of(const fs::path& file) const {
  auto it = rules_.find(file);
  if (it != rules_.end()) return it->second;
  auto rules = std::make_shared<std::vector<Rule>>();
  std::error_code ec;
  if (fs::is_regular_file(file, ec)) {
    core::Error err;
    if (auto text = core::read_file(file.string(), &err))
      for (const ParsedRule& p : parse(*text))
        rules->push_back({p.pattern, p.negate, p.dir_only, p.anchored});
  }
  return rules_[file] = std::move(rules);
}

// The rule sets that apply to the entries of folder `dir`, from the root's info/exclude down
// to dir's own .gitignore, each with the path from its folder to `dir`.
GitIgnore::Chain GitIgnore::chain_of(const fs::path& dir) const {
  // The caches are only caches: emptied when full, so a walk of any number of folders holds
  // a bounded number of each (a repository's folders would otherwise all stay in memory).
  // The bound leaves room for the folder's own ancestors: emptied at a fixed 1,024, a tree
  // deeper than that refilled the whole chain for every folder (issue 16).
  const auto depth = static_cast<std::size_t>(std::distance(dir.begin(), dir.end()));
  const std::size_t room = kMaxCached + 2 * (depth + 2);
  if (roots_.size() > room) roots_.clear();
  if (rules_.size() > room) rules_.clear();
  Chain c;
  c.dir = dir;
  const std::optional<fs::path>& root = root_of(dir);
  if (!root) return c;
  c.root = *root;
  for (const fs::path& p : dir.lexically_relative(*root))
    if (p != ".") c.parts.push_back(p.string());
  if (!c.parts.empty() && (c.parts[0] == ".." || c.parts[0] == ".git")) return c;
  c.in_tree = true;
  for (const std::string& p : c.parts) c.rel += p + "/";
  // A walk goes down one folder at a time: the chain of an ancestor (the last one asked
  // about, usually the parent) already holds the .gitignore files down to it. Rebuilding
  // every level for every folder was cubic in the depth: a 2,000-deep tree inside a git work
  // tree took 78 s (issue 16).
  std::size_t known = 0;  // levels 0 .. known-1 (the root and parts[0 .. known-2]) are read
  if (last_ && last_->in_tree && last_->root == c.root && last_->parts.size() < c.parts.size() &&
      std::equal(last_->parts.begin(), last_->parts.end(), c.parts.begin())) {
    c.exclude = last_->exclude;
    c.levels = last_->levels;
    known = last_->parts.size() + 1;
  } else {
    c.exclude = rules_of(c.root / ".git" / "info" / "exclude");
  }
  fs::path folder = c.root;
  std::size_t offset = 0;
  for (std::size_t i = 0; i <= c.parts.size(); ++i) {
    if (i >= known) {
      Rules rules = rules_of(folder / ".gitignore");
      if (!rules->empty()) c.levels.emplace_back(std::move(rules), offset);
    }
    if (i < c.parts.size()) {
      folder /= c.parts[i];
      offset += c.parts[i].size() + 1;
    }
  }
  return c;
}

bool GitIgnore::ignored(const std::string& path, bool dir) const {
  fs::path full = fs::absolute(fs::path(path)).lexically_normal();
  if (!full.has_filename() && full.has_parent_path()) full = full.parent_path();  // "a/b/"
  if (!full.has_parent_path() || full.parent_path() == full) return false;
  // The entries of one folder come one after another in a walk: its chain is built once.
  const fs::path parent = full.parent_path();
  if (!last_ || last_->dir != parent) last_ = chain_of(parent);
  const Chain& c = *last_;
  const std::string name = full.filename().string();
  if (!c.in_tree || (c.parts.empty() && name == ".git")) return false;
  // Rules of the root's info/exclude, then of each .gitignore from the root down: the last
  // rule that matches decides.
  std::optional<bool> verdict;
  std::string rel;
  auto apply = [&](const std::vector<Rule>& rules, std::size_t offset) {
    rel.assign(c.rel, offset, std::string::npos);
    rel += name;
    for (const Rule& x : rules)
      if (rule_matches(x, rel, dir)) verdict = !x.negate;
  };
  apply(*c.exclude, 0);
  for (const auto& [rules, offset] : c.levels) apply(*rules, offset);
  return verdict.value_or(false);
}

}  // namespace kafkalint::checks
