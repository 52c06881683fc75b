// A fix is only as good as the file it leaves: every golden case with a fix (or a `fixed/`) is
// fixed again in a scratch copy and re-checked. The findings a fix claimed to remove must be
// gone, the fix must not bring a new error, and a renamed option must not leave part of its old
// spelling behind ('--replication factor 3' -> '--replication-factor factor 3').

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;
using nlohmann::json;

namespace {

std::string input_list(const fs::path& dir) {
  std::string files;
  for (const std::string& f : test::golden_case_inputs(dir.string())) files += " '" + f + "'";
  return files;
}

json check_json(const fs::path& dir, const std::string& args) {
  const test::RunResult r = test::run_shell("cd '" + dir.string() + "' && NO_COLOR=1 '" +
                                            test::binary() + "' check " + args + " --format json");
  INFO("stderr: ", r.err);
  REQUIRE(json::accept(r.out));
  return json::parse(r.out)["findings"];
}

// A finding without its position: fixes that join lines move the findings after them.
std::string key(const json& f) {
  return f["file"].get<std::string>() + " " + f["rule"].get<std::string>() + " " +
         f["message"].get<std::string>();
}

// True when `text` holds `name` followed by blanks and the last word of `name` again
// ('--replication-factor factor'): the rename kept a word the new name already contains.
bool leaves_tail(const std::string& text, const std::string& name) {
  const std::size_t dash = name.rfind('-');
  if (name.rfind("--", 0) != 0 || dash == std::string::npos || dash < 2) return false;
  const std::string tail = name.substr(dash + 1);
  for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    std::size_t p = at + name.size();
    if (p >= text.size() || (text[p] != ' ' && text[p] != '\t')) continue;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    std::size_t end = p;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    if (text.compare(p, end - p, tail) == 0 && end - p == tail.size()) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("checks_golden") {
  TEST_CASE("fixes: every fixed golden re-checks clean of what the fix removed") {
    const fs::path root = fs::path(test::source_dir()) / "testdata/checks";
    int cases = 0, claimed_total = 0;
    // Every case, not only those that keep fixed/: any safe fix in a golden is re-checked.
    std::vector<fs::path> dirs;
    for (const auto& group : fs::directory_iterator(root))
      if (group.is_directory())
        for (const auto& c : fs::directory_iterator(group.path()))
          if (c.is_directory() && fs::exists(c.path() / "expected.txt")) dirs.push_back(c.path());
    std::sort(dirs.begin(), dirs.end());
    for (const fs::path& dir : dirs) {
      INFO("case: ", fs::relative(dir, root).generic_string());
      const std::string args =
          fs::exists(dir / "args") ? test::trim_newline(test::read((dir / "args").string())) : "";
      if (args.find("--format") != std::string::npos || args.find("--diff") != std::string::npos)
        continue;
      const bool keeps_fixed = fs::exists(dir / "fixed");
      const bool unsafe = args.find("--unsafe-fixes") != std::string::npos;
      const std::string files = input_list(dir);
      test::TempDir tmp;
      fs::copy(dir, tmp.path(), fs::copy_options::recursive);

      const json before = check_json(tmp.path(), args + files);
      std::map<std::string, int> count, claimed;
      std::set<std::string> renamed;
      for (const json& f : before) {
        ++count[key(f)];
        if (!f.contains("fix")) continue;
        if (f["fix"]["safety"] != "safe" && !unsafe) continue;
        ++claimed[key(f)];
        for (const json& ed : f["fix"]["edits"]) renamed.insert(ed["replacement"]);
      }
      if (claimed.empty() && !keeps_fixed) continue;
      const test::RunResult fixed = test::run_shell(
          "cd '" + tmp.path() + "' && '" + test::binary() + "' check " + args + " --fix" + files);
      INFO("fix stdout: ", fixed.out);
      // Some cases keep fixed/ to show that an unsafe fix is left alone.
      CHECK((fixed.out.find("fixed ") != std::string::npos) == !claimed.empty());
      const json after = check_json(tmp.path(), args + files);

      std::map<std::string, int> left;
      std::set<std::string> errors;
      for (const json& f : after) {
        ++left[key(f)];
        if (f["severity"] == "error") errors.insert(key(f));
      }
      for (const auto& [k, n] : left) {
        INFO("finding after --fix: ", k);
        // No error the fix brought: the result must be valid for the target. (A fix may reveal
        // warnings: a command made readable is then checked, a renamed key is deprecated.)
        if (errors.count(k)) CHECK(count.count(k) == 1);
        if (count.count(k)) CHECK(n <= count[k] - claimed[k]);  // none it claimed to remove
      }
      // The files as --fix left them.
      std::string rels = files;
      for (std::size_t q = rels.find('\''); q != std::string::npos; q = rels.find('\'', q)) {
        const std::size_t end = rels.find('\'', q + 1);
        const std::string rel = rels.substr(q + 1, end - q - 1);
        q = end + 1;
        const std::string text = test::read(tmp.file(rel));
        for (const std::string& name : renamed) {
          INFO("file: ", rel, " option: ", name);
          CHECK_FALSE(leaves_tail(text, name));
        }
      }
      ++cases;
      for (const auto& [k, n] : claimed) claimed_total += n;
    }
    CHECK(cases >= 40);
    CHECK(claimed_total >= 80);
  }

  TEST_CASE("fixes: the tail check sees the split-option bug") {
    CHECK(leaves_tail("x --replication-factor factor 3\n", "--replication-factor"));
    CHECK_FALSE(leaves_tail("x --replication-factor 3\n", "--replication-factor"));
    CHECK_FALSE(leaves_tail("x --replication-factor factors\n", "--replication-factor"));
  }
}
