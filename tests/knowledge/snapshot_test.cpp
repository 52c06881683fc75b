// Build-time snapshots of the embedded packs (knowledge/snapshot.h): each decodes to exactly
// the table toml++ parses from the text, damaged snapshots are rejected without a crash, and
// the loaders' errors stay located when they read a snapshot.

#include "knowledge/snapshot.h"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include "knowledge/catalog.h"
#include "knowledge/embedded.h"
#include "knowledge/pack_source.h"
#include "test_support.h"

namespace kl = kafkalint::knowledge;
using kafkalint::core::Error;

namespace {

std::string snapshot_of(std::string_view text) {
  auto s = kl::write_snapshot(toml::parse(text));
  REQUIRE(s);
  return *s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A table holding every kind of node, with the corner cases of each.
const char* const kAllKinds = R"(
s = "text with \"quotes\", \\ and \u00e9"
empty = ""
multi = """
two
lines"""
i = 42
neg = -17
max = 9223372036854775807
min = -9223372036854775808
hex = 0xff
f = 3.5
tiny = 5e-324
big = -1.5e300
inf = -inf
nan = nan
zero = -0.0
yes = true
no = false
day = 2024-02-29
clock = 07:32:00.999999
local = 1979-05-27T07:32:00
utc = 1979-05-27T07:32:00Z
offset = 1979-05-27T00:32:00.5-07:00
none = []
mixed = [1, "two", 3.0, [true, false], { a = 1 }, []]
"quoted key" = 1
"" = "empty key"
"é" = 2
inline = { b = 2, a = 1, nested = { deep = [[1], [2, [3]]] } }

[table]
z = 1
a.b.c = "dotted"

[empty_table]

[[items]]
name = "first"

[[items]]
name = "second"
sub = [{ x = 1 }, { y = 2 }]
)";

// Snapshot bytes for `levels` tables nested in the root, written by hand (tag 1 is a table):
// {a = {a = ... {} }}.
std::string nested_snapshot(int levels) {
  std::string s = "KLS1";
  for (int i = 0; i < levels; ++i)
    s += std::string(
        "\x01"
        "\x01"
        "a"
        "\x01",
        4);
  s += '\0';
  return s;
}

}  // namespace

TEST_SUITE("knowledge_snapshot") {
  TEST_CASE("snapshot: every embedded pack decodes to the table toml++ parses from its text") {
    std::size_t packs = 0;
    for (std::size_t i = 0; i < kl::kEmbeddedFileCount; ++i) {
      const kl::EmbeddedFile& f = kl::kEmbeddedFiles[i];
      INFO(f.path);
      // Configuration references have their own line reader and carry no snapshot.
      if (!ends_with(f.path, ".toml") || f.path.rfind("kafka/configs/", 0) == 0) {
        CHECK(f.snapshot.empty());
        continue;
      }
      ++packs;
      const toml::table parsed = toml::parse(f.content);
      auto decoded = kl::read_snapshot(f.snapshot);
      REQUIRE(decoded);
      // toml::table's == compares keys, node types and values, recursively.
      CHECK(*decoded == parsed);
      // The library's writer gives the same bytes as the build's, so the test covers both.
      CHECK(kl::write_snapshot(parsed) == std::string(f.snapshot));
    }
    CHECK(packs >= 38);  // the CLI references and the curated packs
  }

  TEST_CASE("snapshot: every kind of TOML value round-trips with its type") {
    const toml::table parsed = toml::parse(kAllKinds);
    auto decoded = kl::read_snapshot(snapshot_of(kAllKinds));
    REQUIRE(decoded);
    CHECK(*decoded == parsed);
    const toml::table& t = *decoded;
    CHECK(t["max"].value<std::int64_t>() == std::numeric_limits<std::int64_t>::max());
    CHECK(t["min"].value<std::int64_t>() == std::numeric_limits<std::int64_t>::min());
    CHECK(t["i"].is_integer());
    CHECK(t["f"].is_floating_point());
    CHECK(std::signbit(*t["zero"].value<double>()));
    CHECK(std::isnan(*t["nan"].value<double>()));
    CHECK(t["tiny"].value<double>() == std::numeric_limits<double>::denorm_min());
    CHECK(t["yes"].value<bool>() == true);
    CHECK(t["no"].value<bool>() == false);
    CHECK(t["day"].is_date());
    CHECK(t["clock"].value<toml::time>()->nanosecond == 999999000u);
    CHECK_FALSE(t["local"].value<toml::date_time>()->offset);
    CHECK(t["offset"].value<toml::date_time>()->offset->minutes == -7 * 60);
    CHECK(t["s"].value<std::string>() == "text with \"quotes\", \\ and \xc3\xa9");
    CHECK(t[""].value<std::string>() == "empty key");
    CHECK(t["mixed"][3][1].value<bool>() == false);
    CHECK(t["items"][1]["sub"][1]["y"].value<std::int64_t>() == 2);
    CHECK(t["table"]["a"]["b"]["c"].value<std::string>() == "dotted");
    CHECK(t["empty_table"].as_table()->empty());
    // Decoded nodes have no position; parse_pack's callers fall back to the text for errors.
    CHECK(t["i"].node()->source().begin.line == 0);
  }

  TEST_CASE("snapshot: truncated, extended and corrupted snapshots are rejected cleanly") {
    const std::string good = snapshot_of(kAllKinds);
    REQUIRE(kl::read_snapshot(good));
    // Every snapshot is exactly one table: no proper prefix decodes, and nothing may follow.
    for (std::size_t n = 0; n < good.size(); ++n) {
      INFO("prefix of ", n, " bytes");
      CHECK_FALSE(kl::read_snapshot(std::string_view(good).substr(0, n)));
    }
    CHECK_FALSE(kl::read_snapshot(good + '\0'));
    // Any byte changed to anything: a table or a rejection, never a crash (the sanitizer build
    // runs this too). Some changes only alter a string and still decode.
    std::size_t rejected = 0;
    for (std::size_t i = 0; i < good.size(); ++i)
      for (unsigned char b : {0x00, 0x01, 0x02, 0x07, 0x0b, 0x7f, 0x80, 0xff}) {
        std::string bad = good;
        bad[i] = static_cast<char>(b);
        if (!kl::read_snapshot(bad)) ++rejected;
      }
    CHECK(rejected > good.size());
    CHECK_FALSE(kl::read_snapshot(""));
    CHECK_FALSE(kl::read_snapshot("KLS2" + good.substr(4)));
    // Counts and lengths larger than the bytes left: rejected before anything is reserved.
    CHECK_FALSE(kl::read_snapshot(std::string("KLS1\xff\xff\xff\xff\x0f", 9)));
    CHECK_FALSE(kl::read_snapshot(std::string("KLS1\x01\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 14)));
    CHECK_FALSE(
        kl::read_snapshot(std::string("KLS1\x01\x01"
                                      "a"
                                      "\x02\xff\xff\x03",
                                      11)));
    // A varint of more than 64 bits.
    CHECK_FALSE(
        kl::read_snapshot(std::string("KLS1\x01\x01"
                                      "a"
                                      "\x04\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02",
                                      18)));
    // Keys out of order or repeated (the writer keeps the table's sorted order).
    CHECK(
        kl::read_snapshot(std::string("KLS1\x02\x01"
                                      "a"
                                      "\x06\x01"
                                      "b"
                                      "\x07",
                                      11)));
    CHECK_FALSE(
        kl::read_snapshot(std::string("KLS1\x02\x01"
                                      "b"
                                      "\x06\x01"
                                      "a"
                                      "\x07",
                                      11)));
    CHECK_FALSE(
        kl::read_snapshot(std::string("KLS1\x02\x01"
                                      "a"
                                      "\x06\x01"
                                      "a"
                                      "\x07",
                                      11)));
    // An unknown tag, a boolean that is not 0/1 in an offset flag, an offset out of range.
    CHECK_FALSE(
        kl::read_snapshot(std::string("KLS1\x01\x01"
                                      "a"
                                      "\x0b",
                                      8)));
    CHECK(kl::read_snapshot(snapshot_of("t = 1979-05-27T07:32:00Z")));
    std::string dt = snapshot_of("t = 1979-05-27T07:32:00Z");
    CHECK(dt.back() == '\0');  // offset 0
    dt.back() = '\x02';
    CHECK(kl::read_snapshot(dt));  // zigzag 2 is +1 minute
    dt.back() = '\xff';
    CHECK_FALSE(kl::read_snapshot(dt));
    CHECK_FALSE(kl::read_snapshot(dt.substr(0, dt.size() - 1) + std::string("\xff\xff\x07", 3)));
    dt.back() = '\0';
    dt[dt.size() - 2] = '\x02';  // the offset flag
    CHECK_FALSE(kl::read_snapshot(dt));
  }

  TEST_CASE("snapshot: nesting is bounded on both sides") {
    CHECK(kl::read_snapshot(nested_snapshot(kl::kSnapshotMaxDepth - 1)));
    CHECK_FALSE(kl::read_snapshot(nested_snapshot(kl::kSnapshotMaxDepth)));
    CHECK_FALSE(kl::read_snapshot(nested_snapshot(100000)));
    toml::table root;
    toml::table* t = &root;
    for (int i = 1; i < kl::kSnapshotMaxDepth; ++i)
      t = t->emplace<toml::table>("a").first->second.as_table();
    auto written = kl::write_snapshot(root);
    REQUIRE(written);
    CHECK(*written == nested_snapshot(kl::kSnapshotMaxDepth - 1));
    t->emplace<toml::array>("a");
    CHECK_FALSE(kl::write_snapshot(root));
  }

  TEST_CASE("snapshot: a damaged snapshot falls back to the text") {
    const std::string text = "schema = 1\n[[check]]\nkey = \"acks\"\n";
    Error err;
    auto root = kl::parse_pack({"p.toml", text, "KLS1\x05"}, &err);
    REQUIRE(root);
    CHECK(*root == toml::parse(text));
  }

  TEST_CASE("snapshot: a loader that fails on a snapshot reports the position in the text") {
    const std::string text =
        "schema = 1\n[[legacy]]\nrule = \"KL999\"\nkey = \"brokerid\"\nscope = \"broker\"\n"
        "era = \"0.7\"\nremoved_in = \"0.8.0\"\nreplacement = \"broker.id\"\nsource = "
        "\"KAFKA-648\"\n";
    const std::string snap = snapshot_of(text);
    Error rules_err;
    auto rules = kl::RuleCatalog::load(kl::PackSource{}).take(&rules_err);
    REQUIRE_MESSAGE(rules, rules_err.render());
    Error from_text, from_snapshot;
    CHECK_FALSE(kl::KeyFacts::parse({"test/keys.toml", text}, *rules).take(&from_text));
    CHECK_FALSE(kl::KeyFacts::parse({"test/keys.toml", text, snap}, *rules).take(&from_snapshot));
    CHECK(from_text.render().rfind("test/keys.toml:3:8: error: [[legacy]] refers to the unknown "
                                   "rule 'KL999'",
                                   0) == 0);
    CHECK(from_snapshot.render() == from_text.render());
  }

  TEST_CASE(
      "snapshot: an overlay rules.toml that drops a rule points into the embedded keys.toml") {
    kafkalint::test::TempDir dir;
    std::filesystem::create_directories(dir.file("kafka"));
    // Only KL101: the embedded keys.toml refers to many other rules.
    kafkalint::test::write(
        dir.file("kafka/rules.toml"),
        "schema = 1\n[[rule]]\ncode = \"KL101\"\nname = \"unknown-key\"\nstatus = \"stable\"\n"
        "severity = \"warning\"\ncategory = \"keys\"\nsummary = \"s\"\nwhy = \"w\"\n"
        "fix = \"safe\"\nfix_title = \"t\"\nsources = [{ ref = \"KIP-1\" }]\n"
        "implemented_in = \"src/checks/properties_checks.cpp\"\n");
    kl::PackSource packs;
    Error err;
    REQUIRE(packs.add_directory(dir.path()).take(&err));
    // load() refuses a catalogue without the rules the binary reports; parse() reads it as
    // written, which is what the fact packs' own check needs here.
    CHECK_FALSE(kl::RuleCatalog::load(packs).take(&err));
    CHECK(err.message.find("lacks KL102, which this kafkalint reports") != std::string::npos);
    auto rules = kl::RuleCatalog::parse(*packs.find("kafka/rules.toml")).take(&err);
    REQUIRE_MESSAGE(rules, err.render());
    auto keys_pack = packs.find("kafka/keys.toml");
    REQUIRE(keys_pack);
    REQUIRE_FALSE(keys_pack->snapshot.empty());
    CHECK_FALSE(kl::KeyFacts::load(packs, *rules).take(&err));
    CHECK(err.where.file == "rules/kafka/keys.toml");
    CHECK(err.where.line > 0);
    CHECK(err.where.column > 0);
    CHECK(err.message.find("unknown rule") != std::string::npos);
    Error text_err;
    CHECK_FALSE(
        kl::KeyFacts::parse({keys_pack->display_name, keys_pack->text}, *rules).take(&text_err));
    CHECK(err.render() == text_err.render());
  }
}
