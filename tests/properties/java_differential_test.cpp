// Differential tests against the real java.util.Properties (via tests/java/PropsOracle.java):
// thousands of random inputs built from every corner of the format must load to the same
// map (or be refused alike), and random edits must read back in Java exactly as intended.
// Skipped when no JDK is installed. KAFKALINT_DIFF_SEED picks another random seed.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "java_oracle.h"
#include "properties/document.h"
#include "properties/edit.h"
#include "properties/text.h"
#include "test_support.h"

using namespace kafkalint::properties;
using kafkalint::test::c_escape;
using kafkalint::test::JavaOracle;
using kafkalint::test::oracle_json;
using kafkalint::test::OracleMap;

namespace {

unsigned seed() {
  const char* s = std::getenv("KAFKALINT_DIFF_SEED");
  return s && *s ? static_cast<unsigned>(std::strtoul(s, nullptr, 10)) : 20261125u;
}

// Pieces that exercise every rule of the format: separators, blanks of each kind, escapes
// (valid, malformed, split), continuations before each kind of line break, comments, BOM,
// ISO-8859-1 and UTF-8 bytes, NUL.
const std::vector<std::string> kPieces = {
    "a",
    "b",
    "key",
    "k.e-y_1",
    "v",
    "value",
    "x y",
    " ",
    "  ",
    "\t",
    "\f",
    "=",
    ":",
    "==",
    " = ",
    " : ",
    "#",
    "!",
    "# c",
    "! c",
    "\\",
    "\\\\",
    "\\\\\\",
    "\n",
    "\n",
    "\r",
    "\r\n",
    "\r\n",
    "\n\n",
    "\\\n",
    "\\\r\n",
    "\\\r",
    "\\\n   ",
    "\\\r\n\t",
    "\\ ",
    "\\=",
    "\\:",
    "\\#",
    "\\t",
    "\\n",
    "\\r",
    "\\f",
    "\\b",
    "\\q",
    "\\u0041",
    "\\u00e9",
    "\\u00E9",
    "\\u4e2d",
    "\\uD83D",
    "\\uDE00",
    "\\uDBFF",
    "\\u12",
    "\\u",
    "\\uZZZZ",
    "\\u00G0",
    "\\u00\\\n  41",
    "\xEF\xBB\xBF",
    "\xE9",
    "\xFF",
    "\x80",
    "\xC3\xA9",
    "\xF0\x9F\x98\x80",
    std::string(1, '\0'),
    "\x01",
    "\"",
    "/",
    "0",
    "9",
};

// Mostly short inputs; one in 50 spans several of Java's 8 KiB read buffers.
std::string random_input(std::mt19937& rng) {
  std::string s;
  const unsigned n = rng() % 50 == 0 ? 2000 + rng() % 4000 : rng() % 40;
  for (unsigned i = 0; i < n; ++i) s += kPieces[rng() % kPieces.size()];
  return s;
}

// A random string (UTF-8, lone surrogates in WTF-8) of the characters that need escaping.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> chars = {"a",
                                                 "b",
                                                 "Z",
                                                 "0",
                                                 ".",
                                                 "-",
                                                 " ",
                                                 " ",
                                                 "\t",
                                                 "\f",
                                                 "\n",
                                                 "\r",
                                                 "=",
                                                 ":",
                                                 "#",
                                                 "!",
                                                 "\\",
                                                 "\"",
                                                 "\x01",
                                                 "\x7F",
                                                 "\xC3\xA9",
                                                 "\xC3\xBF",
                                                 "\xC2\x80",
                                                 "\xE4\xB8\xAD",
                                                 "\xEF\xBF\xBF",
                                                 "\xF0\x9F\x98\x80",
                                                 "\xED\xA0\x80x",
                                                 "\xED\xB0\x80"};
  std::string s;
  const unsigned n = rng() % 8;
  for (unsigned i = 0; i < n; ++i) s += chars[rng() % chars.size()];
  return s;
}

// The raw text of every entry whose key is not in `keys`, line breaks at the end dropped:
// appending after a last line without one (or after an open continuation) adds them.
std::multiset<std::string> raws_except(const Document& d, const std::set<std::string>& keys) {
  std::multiset<std::string> out;
  for (const Entry& e : d.entries()) {
    if (keys.count(std::string(d.key(e)))) continue;
    std::string raw = d.text().substr(e.raw.begin, e.raw.size());
    while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r')) raw.pop_back();
    out.insert(raw);
  }
  return out;
}

}  // namespace

TEST_SUITE("java_differential") {
  TEST_CASE("java: golden .json files are what java.util.Properties loads") {
    JavaOracle* java = JavaOracle::get();
    if (!java) {
      MESSAGE("no JDK (javac/java): skipped");
      return;
    }
    namespace fs = std::filesystem;
    std::vector<std::string> files, inputs;
    for (const auto& e :
         fs::directory_iterator(kafkalint::test::source_dir() + "/testdata/properties/valid"))
      if (e.path().extension() == ".properties") files.push_back(e.path().string());
    for (const auto& f : files) inputs.push_back(kafkalint::test::read(f));
    const auto answers = java->load_all(inputs);
    for (std::size_t i = 0; i < files.size(); ++i) {
      INFO(files[i]);
      CHECK_FALSE(answers[i].refused);
      const std::string golden = files[i].substr(0, files[i].size() - 11) + ".json";
      CHECK(answers[i].text == kafkalint::test::read(golden));
    }
  }

  TEST_CASE("java: every corpus file loads to the map Java loads") {
    JavaOracle* java = JavaOracle::get();
    const auto shared = kafkalint::test::shared_dir();
    if (!java || !shared) {
      MESSAGE("no JDK or no ../shared corpus: skipped");
      return;
    }
    namespace fs = std::filesystem;
    std::vector<std::string> files, inputs;
    for (const auto& e : fs::recursive_directory_iterator(*shared + "/corpus")) {
      if (!e.is_regular_file()) continue;
      files.push_back(e.path().string());
      inputs.push_back(kafkalint::test::read(files.back()));
    }
    REQUIRE(files.size() > 10);
    const auto answers = java->load_all(inputs);
    for (std::size_t i = 0; i < files.size(); ++i) {
      INFO(files[i]);
      const ParseResult r = parse(inputs[i], files[i]);
      CHECK(answers[i].refused == !r.ok());
      if (!answers[i].refused && r.ok()) CHECK(to_json(r.doc) == answers[i].text);
    }
  }

  TEST_CASE("java: random inputs load to the same map, or are refused alike") {
    JavaOracle* java = JavaOracle::get();
    if (!java) {
      MESSAGE("no JDK (javac/java): skipped");
      return;
    }
    std::mt19937 rng(seed());
    std::vector<std::string> inputs;
    for (int i = 0; i < 20000; ++i) inputs.push_back(random_input(rng));
    const auto answers = java->load_all(inputs);
    int mismatches = 0;
    int refused = 0;
    for (std::size_t i = 0; i < inputs.size() && mismatches < 10; ++i) {
      const ParseResult r = parse(inputs[i], "in");
      const bool same =
          answers[i].refused ? !r.ok() : (r.ok() && to_json(r.doc) == answers[i].text);
      refused += answers[i].refused;
      if (!same) {
        ++mismatches;
        INFO("input: \"" << c_escape(inputs[i]) << "\"");
        INFO("java: " << answers[i].text);
        INFO("kafkalint: " << (r.ok() ? to_json(r.doc) : r.errors[0].render()));
        CHECK(same);
      }
      if (write(r.doc) != inputs[i]) {
        ++mismatches;
        INFO("input: \"" << c_escape(inputs[i]) << "\"");
        CHECK(write(r.doc) == inputs[i]);
      }
    }
    CHECK(mismatches == 0);
    // `show --format text` prints a properties file: Java must load the same map from it.
    std::vector<std::string> texts, jsons;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (answers[i].refused) continue;
      const ParseResult r = parse(inputs[i], "in");
      texts.push_back(to_properties(r.doc));
      jsons.push_back(answers[i].text);
    }
    const auto reread = java->load_all(texts);
    for (std::size_t i = 0, shown = 0; i < texts.size() && shown < 10; ++i) {
      if (!reread[i].refused && reread[i].text == jsons[i]) continue;
      ++shown;
      INFO("text: \"" << c_escape(texts[i]) << "\"");
      CHECK(reread[i].text == jsons[i]);
    }
    // The generator must reach both outcomes, or the test proves little.
    CHECK(refused > 300);
    CHECK(refused < 16000);
  }

  TEST_CASE("java: random edits read back in Java exactly as intended") {
    JavaOracle* java = JavaOracle::get();
    if (!java) {
      MESSAGE("no JDK (javac/java): skipped");
      return;
    }
    std::mt19937 rng(seed() + 1);
    std::vector<std::string> originals, results, expected;
    int refused_edits = 0;
    while (originals.size() < 5000) {
      std::string text = random_input(rng);
      ParseResult r = parse(text, "in");
      if (!r.ok()) continue;
      OracleMap want;
      for (const auto& [k, v] : r.doc.effective()) want[std::string(k)] = std::string(v);
      std::vector<std::string> keys;
      for (const auto& [k, v] : want) keys.push_back(k);
      const Document before = r.doc;
      std::set<std::string> touched;
      bool failed = false;
      const unsigned ops = 1 + rng() % 4;
      for (unsigned i = 0; i < ops && !failed; ++i) {
        const std::string key =
            !keys.empty() && rng() % 2 ? keys[rng() % keys.size()] : random_text(rng);
        touched.insert(key);
        std::optional<kafkalint::core::Error> err;
        std::string value;
        const unsigned kind = rng() % 3;
        switch (kind) {
          case 0: {
            value = random_text(rng);
            err = set(r.doc, key, value);
            if (!err) want[key] = value;
            break;
          }
          case 1:
            err = unset(r.doc, key);
            if (!err) want.erase(key);
            break;
          default:
            err = comment(r.doc, key);
            if (!err) want.erase(key);
        }
        if (err) {
          // Only a continuation left open at the end of the file can make an edit unsafe.
          INFO("input: \"" << c_escape(text) << "\" op " << kind << " key: \"" << c_escape(key)
                           << "\" value: \"" << c_escape(value) << "\" now: \""
                           << c_escape(write(r.doc)) << "\"");
          CHECK(before.ends_in_continuation());
          ++refused_edits;
          failed = true;
        }
      }
      if (failed) continue;
      // Entries of keys no operation touched keep their exact bytes.
      if (raws_except(before, touched) != raws_except(r.doc, touched)) {
        INFO("original: \"" << c_escape(text) << "\"");
        INFO("edited: \"" << c_escape(write(r.doc)) << "\"");
        CHECK(raws_except(before, touched) == raws_except(r.doc, touched));
      }
      originals.push_back(text);
      results.push_back(write(r.doc));
      expected.push_back(oracle_json(want));
    }
    const auto answers = java->load_all(results);
    int mismatches = 0;
    for (std::size_t i = 0; i < results.size() && mismatches < 10; ++i) {
      if (!answers[i].refused && answers[i].text == expected[i]) continue;
      ++mismatches;
      INFO("original: \"" << c_escape(originals[i]) << "\"");
      INFO("edited: \"" << c_escape(results[i]) << "\"");
      INFO("expected: " << expected[i]);
      CHECK(answers[i].text == expected[i]);
    }
    CHECK(mismatches == 0);
    CHECK(refused_edits < 100);
  }
}
