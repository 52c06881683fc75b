// Safe fixes are provably safe (issue 16 point 1), checked against the real
// java.util.Properties: thousands of generated broker files full of misspelt keys (duplicated,
// continued, escaped), every separator, line ending, comment and trailing backslash go through
// `check --fix`, and Java loads each file before and after. The only differences allowed are
// the intended ones: a misspelt key renamed to its one correction (value kept) where its
// effective entry is a plain key and the correction is not set yet, the byte order mark gone,
// and the protocol pin KL804 adds. A second --fix changes nothing.
// Skipped when no JDK is installed. KAFKALINT_DIFF_SEED picks another random seed.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "properties/document.h"
#include "properties/java_oracle.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;
using test::c_escape;
using test::JavaOracle;

namespace {

unsigned seed() {
  const char* s = std::getenv("KAFKALINT_DIFF_SEED");
  return s && *s ? static_cast<unsigned>(std::strtoul(s, nullptr, 10)) : 20261204u;
}

// Misspellings with exactly one correction among the broker keys of Kafka 3.9 (KL101 then
// offers a rename). Two misspell num.partitions: renaming both would set it twice.
struct Typo {
  const char* typo;
  const char* key;
};
const Typo kTypos[] = {
    {"num.partitons", "num.partitions"},
    {"num.partiions", "num.partitions"},
    {"default.replication.facter", "default.replication.factor"},
    {"socket.send.bufer.bytes", "socket.send.buffer.bytes"},
    {"auto.create.topics.enabel", "auto.create.topics.enable"},
};

// Known broker keys with numeric values: their values have no fix of their own.
const char* const kFillers[] = {"num.io.threads", "message.max.bytes", "log.retention.hours",
                                "num.network.threads", "log.segment.bytes"};

// The pin KL804 adds for --from 3.0 --to 3.9 on a ZooKeeper broker.
const char* const kPin = "inter.broker.protocol.version";

template <typename T, std::size_t N>
const T& pick(std::mt19937& rng, const T (&list)[N]) {
  return list[rng() % N];
}

std::string pick_s(std::mt19937& rng, const std::vector<std::string>& list) {
  return list[rng() % list.size()];
}

class Generator {
 public:
  explicit Generator(unsigned s) : rng_(s) {}

  std::string file() {
    static const std::vector<std::string> kEndings = {"\n", "\r\n", "\r"};
    le_ = pick_s(rng_, kEndings);
    std::string out;
    if (rng_() % 8 == 0) out += "\xEF\xBB\xBF";
    const bool head_first = rng_() % 5 != 0;
    if (head_first) out += head();
    const unsigned n = 2 + rng_() % 10;
    for (unsigned i = 0; i < n; ++i) out += item();
    if (!head_first) out += le() + head();  // after an empty line: never continued
    switch (rng_() % 6) {
      case 0:  // no final line break
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        break;
      case 1:  // a continuation left open at the end
        out += "x=1\\";
        break;
      case 2:
        out += "y=2\\" + le();
        break;
      default:
        break;
    }
    return out;
  }

 private:
  std::string le() {
    // Mostly the file's own line ending; sometimes another one.
    static const std::vector<std::string> kEndings = {"\n", "\r\n", "\r"};
    return rng_() % 10 == 0 ? pick_s(rng_, kEndings) : le_;
  }

  std::string head() {
    return "broker.id=1" + le_ + "log.dirs=/d" + le_ + "zookeeper.connect=zk:2181" + le_;
  }

  std::string blank() {
    static const std::vector<std::string> kBlanks = {"", " ", "\t", "\f", "  \t"};
    return pick_s(rng_, kBlanks);
  }

  std::string sep() {
    static const std::vector<std::string> kSeps = {"=", "=",  ":",   " ",  " = ",
                                                   ":", "\t", " : ", "==", " =: "};
    return pick_s(rng_, kSeps);
  }

  // `key` written in one of the ways Java decodes back to it.
  std::string spell_key(const std::string& key) {
    const std::size_t at = 1 + rng_() % (key.size() - 1);
    const char c = key[at];
    switch (rng_() % 10) {
      case 0: {  // an escaped letter (\o reads as o), where it is not an escape of its own
        if (std::string("tnrfu").find(c) != std::string::npos) return key;
        return key.substr(0, at) + "\\" + key.substr(at);
      }
      case 1: {  // a unicode escape
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        return key.substr(0, at) + buf + key.substr(at + 1);
      }
      case 2:  // continued over two lines
        return key.substr(0, at) + "\\" + le() + blank() + key.substr(at);
      default:
        return key;
    }
  }

  std::string value() {
    static const std::vector<std::string> kValues = {
        "1",  "100",  "",      "7",  "x y",  "a\\\\b", "\\u0031\\u0032", "#3",      "=4",
        "5 ", "6\\ ", "v\\\\", "!8", "9\\t", "\\",     "10\\\\\\",       "1\\u00e9"};
    std::string v = pick_s(rng_, kValues);
    if (rng_() % 8 == 0) v += "\\" + le() + blank() + "0";  // continued value
    if (rng_() % 300 == 0) v += "\\u12";                    // malformed: Java refuses the file
    return v;
  }

  std::string entry(const std::string& key) { return blank() + spell_key(key) + sep() + value(); }

  std::string item() {
    switch (rng_() % 12) {
      case 0:
      case 1:
      case 2:
      case 3: {  // a misspelt key, sometimes several times
        const Typo& t = pick(rng_, kTypos);
        std::string out;
        const unsigned copies = 1 + (rng_() % 3 == 0 ? rng_() % 3 : 0);
        for (unsigned i = 0; i < copies; ++i) out += entry(t.typo) + le();
        return out;
      }
      case 4:
        return entry(rng_() % 3 ? pick(rng_, kTypos).key : kPin) + le();
      case 5:
      case 6:
        return entry(pick(rng_, kFillers)) + le();
      case 7: {
        static const std::vector<std::string> kComments = {"# c", "! c",  "#",          "# a\\",
                                                           "!\\", "#x=1", " # indented"};
        return pick_s(rng_, kComments) + le();
      }
      case 8:
        return blank() + le();
      case 9:
        return blank() + "\\" + le();  // a line that is only a continuation
      case 10:
        return entry(std::string(pick(rng_, kTypos).typo) + (rng_() % 2 ? "x" : "")) + le();
      default:
        return entry(pick(rng_, kFillers)) + "\\" + le();  // continues into the next item
    }
  }

  std::mt19937 rng_;
  std::string le_;
};

using Map = std::map<std::string, std::string>;

// The JSON map of the oracle as a map (keys and values stay JSON-escaped: compared only).
Map parse_json_map(const std::string& json) {
  Map m;
  std::size_t i = 0;
  auto string_at = [&](std::size_t* at) {
    std::string s;
    ++*at;  // opening quote
    while (*at < json.size() && json[*at] != '"') {
      if (json[*at] == '\\') s += json[(*at)++];
      s += json[(*at)++];
    }
    ++*at;
    return s;
  };
  while ((i = json.find('"', i)) != std::string::npos) {
    std::string k = string_at(&i);
    i = json.find('"', i);
    REQUIRE(i != std::string::npos);
    m[k] = string_at(&i);
  }
  return m;
}

// Whether the fix may rename `typo`: its effective entry's key is written plainly on one
// line (what the check's plain_key() requires of the entry it renames).
bool plain_effective(const properties::Document& doc, const std::string& typo) {
  const properties::Entry* e = doc.find(typo);
  return e && doc.text().compare(e->key.begin, e->key.size(), typo) == 0;
}

std::string describe(const Map& m) {
  std::string out;
  for (const auto& [k, v] : m) out += "  " + k + " = " + v + "\n";
  return out;
}

}  // namespace

TEST_SUITE("hostile_fix_java") {
  TEST_CASE("java: safe fixes of generated files change exactly what they intend") {
    JavaOracle* java = JavaOracle::get();
    if (!java) {
      MESSAGE("no JDK (javac/java): skipped");
      return;
    }
    constexpr std::size_t kFiles = 3000;
    Generator gen(seed());
    test::TempDir dir;
    std::vector<std::string> before, paths;
    for (std::size_t i = 0; i < kFiles; ++i) {
      before.push_back(gen.file());
      const std::string folder = dir.file("c" + std::to_string(i));
      fs::create_directories(folder);
      paths.push_back(folder + "/server.properties");
      test::write(paths.back(), before.back());
    }
    const std::vector<std::string> args = {"check",  "--isolated", "--no-respect-gitignore",
                                           "--from", "3.0",        "--to",
                                           "3.9",    "--format",   "concise",
                                           "--fix",  dir.path()};
    const test::RunResult first = test::run_cli(args);
    // Exit 2 comes from the files Java refuses (KL901); nothing else may fail.
    REQUIRE_MESSAGE(first.err.empty(), first.err);
    std::vector<std::string> after;
    for (const std::string& p : paths) after.push_back(test::read(p));

    // What the fixes intend: the file as Java reads it without its byte order mark.
    std::vector<std::string> base_texts;
    for (const std::string& b : before)
      base_texts.push_back(b.compare(0, 3, "\xEF\xBB\xBF") == 0 ? b.substr(3) : b);
    std::vector<std::string> all = base_texts;
    all.insert(all.end(), after.begin(), after.end());
    const std::vector<test::OracleAnswer> answers = java->load_all(all);

    int failures = 0, renamed = 0, kept = 0, refused = 0, pinned = 0;
    for (std::size_t i = 0; i < kFiles && failures < 10; ++i) {
      const test::OracleAnswer& b = answers[i];
      const test::OracleAnswer& a = answers[kFiles + i];
      INFO("file " << i << ": \"" << c_escape(before[i]) << "\"");
      INFO("fixed: \"" << c_escape(after[i]) << "\"");
      if (b.refused) {
        // No map to keep: a file Java refuses is not touched.
        ++refused;
        const bool same = after[i] == before[i];
        CHECK(same);
        failures += !same;
        continue;
      }
      REQUIRE(!a.refused);
      const Map base = parse_json_map(b.text);
      const Map got = parse_json_map(a.text);
      Map want = base;
      const properties::ParseResult parsed = properties::parse(base_texts[i], "f");
      // Per correction not set yet, the misspellings (and their "x" variants, which have the
      // same one correction) whose effective entry is plain: exactly one of them is renamed,
      // the first the checks meet; a second rename would set the key twice.
      std::map<std::string, std::vector<std::string>> eligible;
      for (const Typo& t : kTypos)
        for (const std::string& typo : {std::string(t.typo), std::string(t.typo) + "x"})
          if (base.count(typo) && !base.count(t.key) && plain_effective(parsed.doc, typo))
            eligible[t.key].push_back(typo);
      for (const auto& [key, typos] : eligible) {
        // The one renamed: the eligible typo missing from Java's map after the fix.
        std::string gone = typos.front();
        for (const std::string& t : typos)
          if (!got.count(t)) gone = t;
        want[key] = want[gone];
        want.erase(gone);
        ++renamed;
      }
      for (const Typo& t : kTypos) kept += want.count(t.typo) > 0;
      // The pin is appended unless the file ends in a line that is only a backslash: Java
      // reads that as an empty key, which appended lines would continue away.
      if (!base.count(kPin) && (got.count(kPin) || !base.count(""))) {
        want[kPin] = "3.0";
        ++pinned;
      }
      if (got != want) {
        ++failures;
        INFO("java before (without BOM):\n" << describe(base));
        INFO("java after:\n" << describe(got));
        INFO("expected:\n" << describe(want));
        CHECK(got == want);
      }
    }
    CHECK(failures == 0);
    MESSAGE(kFiles << " files: " << renamed << " renames, " << kept << " misspellings kept, "
                   << pinned << " pins, " << refused << " refused by Java");
    // The generator must reach every kind of case, or the test proves little.
    CHECK(renamed > 1000);
    CHECK(kept > 500);
    CHECK(refused > 0);
    CHECK(pinned > 1000);

    // A fixed point: a second --fix finds nothing left to change.
    const test::RunResult second = test::run_cli(args);
    REQUIRE_MESSAGE(second.err.empty(), second.err);
    int changed = 0;
    for (std::size_t i = 0; i < kFiles && changed < 5; ++i) {
      const std::string again = test::read(paths[i]);
      if (again == after[i]) continue;
      ++changed;
      INFO("file " << i << " after one --fix: \"" << c_escape(after[i]) << "\"");
      CHECK(c_escape(again) == c_escape(after[i]));
    }
    CHECK(changed == 0);
  }
}
