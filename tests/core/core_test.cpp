#include <doctest/doctest.h>

#include <algorithm>

#include "core/diagnostic.h"
#include "core/finding.h"
#include "core/suggest.h"
#include "core/version.h"

using namespace kafkalint::core;

namespace {

// What closest() must answer, by brute force: every other word within the length-dependent
// bound of the full edit distance, nearest first (ties in input order), at most `limit`.
std::vector<std::string> reference_closest(const std::string& w,
                                           const std::vector<std::string>& words,
                                           std::size_t limit) {
  const std::size_t len = w.size();
  const std::size_t bound = len <= 4 ? 1 : len <= 10 ? 2 : std::min<std::size_t>(4, len / 5);
  std::vector<std::pair<std::size_t, std::string>> want;
  for (const std::string& c : words)
    if (c != w && edit_distance(w, c) <= bound) want.emplace_back(edit_distance(w, c), c);
  std::stable_sort(want.begin(), want.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> expected;
  for (const auto& [d, c] : want)
    if (expected.size() < limit) expected.push_back(c);
  return expected;
}

}  // namespace

TEST_SUITE("core") {
  TEST_CASE("core: versions parse as users write them") {
    auto v = Version::parse("0.10.2.1");
    REQUIRE(v);
    CHECK(v->line() == "0.10.2");
    CHECK(v->patch() == 1);
    auto w = Version::parse("2.1.1");
    REQUIRE(w);
    CHECK(w->line() == "2.1");
    CHECK(w->patch() == 1);
    CHECK(Version::parse("2.1")->patch() == std::nullopt);
    CHECK_FALSE(Version::parse(""));
    CHECK_FALSE(Version::parse("2..1"));
    CHECK_FALSE(Version::parse("2.1-IV2"));
    CHECK_FALSE(Version::parse("v2.1"));
    CHECK_FALSE(Version::parse("2.1."));
    CHECK_FALSE(Version::parse("1.2.3.4.5"));
  }

  TEST_CASE("core: versions compare numerically, missing parts as zero") {
    CHECK(*Version::parse("0.10.2") > *Version::parse("0.9.0"));
    CHECK(*Version::parse("2.10") > *Version::parse("2.9"));
    CHECK(*Version::parse("2.1") == *Version::parse("2.1.0"));
    CHECK(*Version::parse("3.0") < *Version::parse("3.0.1"));
  }

  TEST_CASE("core: edit distance counts transpositions as one edit") {
    CHECK(edit_distance("og.message.format.version", "log.message.format.version") == 1);
    CHECK(edit_distance("acsk", "acks") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
  }

  // closest() computes only a band of the distance table and stops early: its answers must
  // be those of the full edit distance on every pair.
  TEST_CASE("core: closest agrees with the full edit distance") {
    std::vector<std::string> words;
    unsigned seed = 7;
    const auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
    for (int i = 0; i < 300; ++i) {
      std::string w;
      const unsigned len = next() % 14;
      for (unsigned k = 0; k < len; ++k) w += "abc.d"[next() % 5];
      words.push_back(w);
    }
    for (const std::string& w : words) {
      CHECK(closest(w, words, 1000) == reference_closest(w, words, 1000));
    }
  }

  // Closest rules candidates out by the characters they lack before computing a distance:
  // over an alphabet large enough for that to prune, its answers are the full distance's.
  TEST_CASE("core: Closest agrees with the full edit distance") {
    std::vector<std::string> words;
    unsigned seed = 11;
    const auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
    const std::string alphabet = "abcdefgxyz.012_-";
    for (int i = 0; i < 400; ++i) {
      // Variants of a few stems, so that many pairs are within the bound.
      std::string w = i % 4 == 0 ? "log.retention" : i % 4 == 1 ? "plugin.x.12" : "ab.cd.ef";
      const unsigned edits = next() % 4;
      for (unsigned k = 0; k < edits && !w.empty(); ++k) {
        const std::size_t at = next() % w.size();
        switch (next() % 3) {
          case 0:
            w[at] = alphabet[next() % alphabet.size()];
            break;
          case 1:
            w.insert(w.begin() + static_cast<long>(at), alphabet[next() % alphabet.size()]);
            break;
          default:
            w.erase(at, 1);
        }
      }
      words.push_back(w);
    }
    const Closest index(words);
    std::size_t found = 0;
    for (const std::string& w : words) {
      const std::vector<std::string> expected = reference_closest(w, words, words.size());
      found += expected.size();
      CHECK(index(w, 100000) == expected);
      CHECK(index(w, 2) == closest(w, words, 2));
    }
    CHECK(found > 1000);  // not only empty answers
  }

  TEST_CASE("core: closest suggests near words only, best first") {
    std::vector<std::string> keys{"log.dirs", "log.dir", "broker.id", "listeners"};
    auto s = closest("log.dirz", keys);
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "log.dirs");
    CHECK(s[1] == "log.dir");
    CHECK(closest("zookeeper", keys).empty());
    CHECK(closest("listeners", keys).empty());  // an exact match is no suggestion
  }

  TEST_CASE("core: errors render as file:line:col with a note") {
    Error e;
    e.where.file = "a.properties";
    e.where.line = 3;
    e.where.column = 7;
    e.message = "malformed \\uxxxx encoding";
    e.hint = "write four hex digits";
    CHECK(e.render() ==
          "a.properties:3:7: error: malformed \\uxxxx encoding\n  note: write four hex digits");
    Error f;
    f.where.file = "x";
    f.message = "cannot open file";
    CHECK(f.render() == "x: error: cannot open file");
  }

  TEST_CASE("core: paths sort folder by folder, a folder's files before its subfolders") {
    std::vector<std::string> paths = {"a/b/y", "a-c/z", "a/z", "x", "a/x", "a/b/c/w", "a/d/v", "b"};
    std::sort(paths.begin(), paths.end(),
              [](const std::string& l, const std::string& r) { return path_less(l, r); });
    CHECK(paths ==
          std::vector<std::string>{"b", "x", "a/x", "a/z", "a/b/y", "a/b/c/w", "a/d/v", "a-c/z"});
    CHECK(folder_less("", "a"));
    CHECK(folder_less("a", "a/b"));
    CHECK(folder_less("a/b", "a-c"));
    CHECK_FALSE(folder_less("a/b", "a"));
    CHECK_FALSE(folder_less("a", "a"));
  }
}
