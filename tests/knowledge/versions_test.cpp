// The release catalogue (rules/kafka/versions.toml): resolution of user versions and of
// protocol version strings, era facts, constraints, and a cross-check with Kafka's own
// generated reference pages when ../shared is present.

#include "knowledge/versions.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"

namespace kl = kafkalint::knowledge;
using kafkalint::core::Version;

namespace {

const kl::VersionCatalog& catalog() {
  static const kl::VersionCatalog cat = [] {
    kafkalint::core::Error err;
    kl::PackSource packs;
    auto c = kl::VersionCatalog::load(packs).take(&err);
    REQUIRE_MESSAGE(c.has_value(), err.render());
    return *c;
  }();
  return cat;
}

const kl::Release& line(const char* name) {
  const kl::Release* r = catalog().find_line(name);
  REQUIRE_MESSAGE(r != nullptr, name);
  return *r;
}

std::string resolve_line(const char* text) {
  kafkalint::core::Error err;
  const kl::Release* r = catalog().resolve(text, &err);
  return r ? r->name : "error: " + err.message + " | " + err.hint;
}

std::string protocol(const char* value) {
  kafkalint::core::Error err;
  auto p = catalog().resolve_protocol(value, &err);
  return p ? p->name : "error: " + err.message;
}

std::optional<kl::VersionCatalog> parse_text(const std::string& text, kafkalint::core::Error* err) {
  return kl::VersionCatalog::parse({"test/versions.toml", text}).take(err);
}

}  // namespace

TEST_SUITE("knowledge_curated") {
  TEST_CASE("versions: the embedded catalogue covers 0.7 and 0.8.0 .. 4.4 in order") {
    const auto& lines = catalog().lines();
    // 0.7 to 4.4 at least: a new release is data, and adds lines after these.
    REQUIRE(lines.size() >= 35);
    CHECK(lines.front().name == "0.7");
    CHECK(lines[1].name == "0.8.0");
    CHECK(lines[34].name == "4.4");
    for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i - 1].version < lines[i].version);
    for (const auto& r : lines) {
      INFO(r.name);
      CHECK(!r.source.empty());
    }
  }

  TEST_CASE("versions: resolve accepts lines, patches and the short 0.x form") {
    CHECK(resolve_line("2.1") == "2.1");
    CHECK(resolve_line("2.1.1") == "2.1");
    CHECK(resolve_line("0.10.2") == "0.10.2");
    CHECK(resolve_line("0.10.2.1") == "0.10.2");
    CHECK(resolve_line("0.9") == "0.9.0");
    CHECK(resolve_line("0.9.0.1") == "0.9.0");
    CHECK(resolve_line("0.8.1.1") == "0.8.1");
    CHECK(resolve_line("4.0") == "4.0");
    CHECK(resolve_line("3.9.0") == "3.9");
  }

  TEST_CASE("versions: unreleased lines resolve but are flagged, and only the newest are") {
    // Written against the catalogue, not a release number: adding or releasing a line is data.
    bool unreleased_seen = false;
    for (const kl::Release& r : catalog().lines()) {
      INFO(r.name);
      if (!r.released) {
        unreleased_seen = true;
        kafkalint::core::Error err;
        CHECK(catalog().resolve(r.name, &err) == &r);
        // Its metadata.version levels exist but are not for production yet.
        CHECK_FALSE(r.unstable_protocol_versions.empty());
        for (const std::string& pv : r.unstable_protocol_versions) {
          INFO(pv);
          auto u = catalog().resolve_protocol(pv, &err);
          REQUIRE(u);
          CHECK(u->unstable);
        }
      } else {
        CHECK_FALSE(unreleased_seen);  // a released line never follows an unreleased one
      }
    }
  }

  TEST_CASE("versions: an unknown version is an error that lists the known ones") {
    kafkalint::core::Error err;
    CHECK(catalog().resolve("2.9", &err) == nullptr);
    CHECK(err.message == "unknown Kafka version '2.9'");
    CHECK(err.hint.find("2.8, 3.0") != std::string::npos);
    CHECK(err.hint.find("0.10.2") != std::string::npos);
    CHECK(err.hint.find("4.4") != std::string::npos);
    CHECK(err.hint.find("0.7") == std::string::npos);  // known, but not offered

    CHECK(resolve_line("2").rfind("error: '2' is not a Kafka version", 0) == 0);
    CHECK(resolve_line("two.one").rfind("error:", 0) == 0);
    CHECK(resolve_line("2.1.1.1").rfind("error: unknown Kafka version", 0) == 0);
    CHECK(resolve_line("5.0").rfind("error: unknown Kafka version", 0) == 0);
  }

  TEST_CASE("versions: an unknown patch names the line's patches; 0.7 is refused") {
    kafkalint::core::Error err;
    CHECK(catalog().resolve("2.1.7", &err) == nullptr);
    CHECK(err.message == "unknown patch release '2.1.7' of Kafka 2.1");
    CHECK(err.hint == "known patch releases of 2.1: 2.1.0, 2.1.1");

    CHECK(catalog().resolve("0.7", &err) == nullptr);
    CHECK(err.message.rfind("Kafka 0.7 is not supported: ", 0) == 0);
    CHECK(catalog().resolve("0.7.2", &err) == nullptr);
    CHECK(err.message.rfind("Kafka 0.7 is not supported", 0) == 0);
  }

  TEST_CASE("versions: protocol strings resolve like Kafka's parser") {
    CHECK(protocol("2.1") == "2.1-IV2");
    CHECK(protocol("0.10.0") == "0.10.0-IV1");
    CHECK(protocol("0.10.1") == "0.10.1-IV2");
    CHECK(protocol("0.11.0") == "0.11.0-IV2");
    CHECK(protocol("3.3") == "3.3-IV3");
    CHECK(protocol("2.8.1") == "2.8-IV1");        // cut to two parts
    CHECK(protocol("0.10.2.1") == "0.10.2-IV0");  // cut to three parts for 0.x
    CHECK(protocol("0.8.2.X") == "0.8.2");
    CHECK(protocol("0.9.0.X") == "0.9.0");
    CHECK(protocol("3.0-IV0") == "3.0-IV0");
    CHECK(protocol("2.8-IV5") == "error: unknown protocol version '2.8-IV5'");
    CHECK(protocol("2.9") == "error: unknown protocol version '2.9'");
  }

  TEST_CASE("versions: protocol order and record formats") {
    kafkalint::core::Error err;
    auto a = catalog().resolve_protocol("2.1-IV0", &err);
    auto b = catalog().resolve_protocol("2.1", &err);
    auto c = catalog().resolve_protocol("2.2-IV0", &err);
    REQUIRE((a && b && c));
    CHECK(a->index < b->index);
    CHECK(b->index < c->index);
    auto rf = [&](const char* v) {
      auto p = catalog().resolve_protocol(v, &err);
      return std::string(p ? kl::to_string(p->release->record_format) : "?");
    };
    CHECK(rf("0.8.2") == "V0");
    CHECK(rf("0.9.0") == "V0");
    CHECK(rf("0.10.0-IV0") == "V1");
    CHECK(rf("0.10.2") == "V1");
    CHECK(rf("0.11.0-IV0") == "V2");
    CHECK(rf("3.9") == "V2");
    CHECK_FALSE(catalog().resolve_protocol("4.0-IV3", &err)->unstable);
  }

  TEST_CASE("versions: protocol defaults and the startup check per era") {
    for (const auto& r : catalog().lines()) {
      INFO(r.name);
      const bool ibp = r.version >= *Version::parse("0.9.0") && r.version < *Version::parse("4.0");
      const bool lmfv =
          r.version >= *Version::parse("0.10.0") && r.version < *Version::parse("4.0");
      CHECK(r.ibp_key == ibp);
      CHECK(r.lmfv_key == lmfv);
      if (ibp && r.name != "0.9.0") CHECK(r.ibp_default == r.protocol_versions.back());
      if (lmfv && r.version >= *Version::parse("3.0")) CHECK(r.lmfv_default == "3.0-IV1");
      if (lmfv && r.version < *Version::parse("3.0")) CHECK(r.lmfv_default == r.ibp_default);
    }
    CHECK(line("0.9.0").ibp_default == "0.9.0.X");
    CHECK(line("0.9.0").startup_check == kl::StartupCheck::kNone);
    CHECK(line("0.10.0").startup_check == kl::StartupCheck::kStrict);
    CHECK(line("1.0").startup_check == kl::StartupCheck::kStrict);
    CHECK(line("1.1").startup_check == kl::StartupCheck::kRecordVersion);
    CHECK(line("3.9").startup_check == kl::StartupCheck::kRecordVersion);
    CHECK(line("4.0").startup_check == kl::StartupCheck::kNone);
  }

  TEST_CASE("versions: ZooKeeper, KRaft and migration support") {
    CHECK(line("2.7").kraft == kl::KraftSupport::kNone);
    CHECK(line("2.8").kraft == kl::KraftSupport::kEarlyAccess);
    CHECK(line("3.0").kraft == kl::KraftSupport::kPreview);
    CHECK(line("3.2").kraft == kl::KraftSupport::kPreview);
    CHECK(line("3.3").kraft == kl::KraftSupport::kProduction);
    CHECK(line("4.0").kraft == kl::KraftSupport::kOnly);
    CHECK(line("3.4").zookeeper == kl::ZooKeeperSupport::kSupported);
    CHECK(line("3.5").zookeeper == kl::ZooKeeperSupport::kDeprecated);
    CHECK(line("4.0").zookeeper == kl::ZooKeeperSupport::kRemoved);
    CHECK(line("3.3").zk_migration == kl::MigrationSupport::kNone);
    CHECK(line("3.4").zk_migration == kl::MigrationSupport::kEarlyAccess);
    CHECK(line("3.5").zk_migration == kl::MigrationSupport::kPreview);
    CHECK(line("3.6").zk_migration == kl::MigrationSupport::kProduction);
    CHECK(line("3.9").zk_migration == kl::MigrationSupport::kProduction);
    CHECK(line("4.0").zk_migration == kl::MigrationSupport::kNone);
  }

  TEST_CASE("versions: metadata.version levels and metadata-change flags") {
    std::vector<kl::MetadataVersion> all;
    for (const auto& r : catalog().lines())
      all.insert(all.end(), r.metadata_versions.begin(), r.metadata_versions.end());
    REQUIRE(all.size() >= 33);  // 3.0-IV1 .. 4.4-IV2, and whatever newer lines add
    CHECK(all.front().name == "3.0-IV1");
    CHECK(all.front().level == 1);
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i].level == static_cast<int>(i) + 1);
    auto mv = [&](const std::string& n) {
      return *std::find_if(all.begin(), all.end(), [&](const auto& m) { return m.name == n; });
    };
    CHECK(mv("3.3-IV3").level == 7);
    CHECK(mv("3.3-IV3").metadata_change);
    CHECK_FALSE(mv("3.9-IV0").metadata_change);
    CHECK(mv("4.0-IV1").metadata_change);
    CHECK_FALSE(mv("4.0-IV3").metadata_change);
    CHECK(mv("4.3-IV0").metadata_change);
    CHECK(line("4.0").mv_latest_production == "4.0-IV3");
  }

  TEST_CASE("versions: Java floors and one-way protocol versions are data") {
    // java_min is given where it changes and inherited by the lines after.
    CHECK(line("0.8.2").java_min == 6);
    CHECK(line("0.10.2").java_min == 7);
    CHECK(line("3.9").java_min == 8);
    CHECK(line("4.0").java_min == 17);
    CHECK(catalog().lines().back().java_min >= 17);
    const auto& ow = catalog().one_way_protocols();
    REQUIRE(ow.size() >= 2);
    CHECK(ow[0].version == "2.1-IV0");
    CHECK(ow[0].line == "2.1");
    CHECK(ow[1].line == "2.8");
    for (const auto& o : ow) CHECK(!o.source.empty());

    const std::string good_line =
        "[[line]]\nname = \"2.1\"\nstatus = \"released\"\npatches = [\"2.1.0\"]\n"
        "zookeeper = \"supported\"\nkraft = \"none\"\nzk_migration = \"none\"\n"
        "protocol_versions = [\"2.1-IV0\"]\nrecord_format = \"V2\"\n"
        "startup_check = \"record-version\"\nsource = \"x\"\n";
    kafkalint::core::Error err;
    CHECK(parse_text("schema = 1\n" + good_line +
                         "[[one_way_protocol]]\nversion = \"2.1-IV0\"\nconsequence = \"c\"\n"
                         "source = \"s\"\n",
                     &err));
    CHECK_FALSE(parse_text("schema = 1\n" + good_line +
                               "[[one_way_protocol]]\nversion = \"2.9-IV0\"\nconsequence = "
                               "\"c\"\nsource = \"s\"\n",
                           &err));
    CHECK(err.message.find("'2.9-IV0' is not a protocol version of any line") != std::string::npos);
    CHECK_FALSE(parse_text("schema = 1\n" + good_line + "java_min = 3\n", &err));
    CHECK(err.message.find("java_min 3") != std::string::npos);
  }

  TEST_CASE("versions: generated packs per line") {
    CHECK(line("0.7").configs_pack.empty());
    CHECK(line("0.7").cli_pack.empty());
    CHECK(line("0.8.1").cli_pack.empty());
    CHECK(line("0.8.2").configs_pack.empty());
    CHECK(line("0.8.2").cli_pack == "0.8.2");
    CHECK(line("0.9.0").configs_pack == "0.9.0");
    CHECK(line("2.1").configs_pack == "2.1");
    CHECK(line("2.1").cli_pack == "2.1");
    CHECK(line("4.4").configs_pack == "4.4");
    // Once the generated packs are in the tree, every declared one must exist.
    kl::PackSource packs;
    if (!packs.list("kafka/configs/").empty()) {
      for (const auto& r : catalog().lines()) {
        INFO(r.name);
        if (!r.configs_pack.empty())
          CHECK(packs.find("kafka/configs/" + r.configs_pack + ".toml").has_value());
        if (!r.cli_pack.empty()) CHECK(packs.find("kafka/cli/" + r.cli_pack + ".toml").has_value());
      }
    }
  }

  TEST_CASE("versions: upgrade-path constraints") {
    auto codes = [](const kl::Release& from, const kl::Release& to, kl::ClusterMode mode) {
      std::set<std::string> out;
      for (const auto* c : catalog().constraints_for(from, to, mode)) {
        CHECK(!c->source.empty());
        out.insert(std::string(kafkalint::core::code(c->rule)) + ":" + kl::to_string(c->kind));
      }
      return out;
    };
    const auto zk = kl::ClusterMode::kZooKeeper;
    const auto kraft = kl::ClusterMode::kKraft;
    CHECK(codes(line("0.7"), line("2.1"), zk).count("KL801:refused"));
    CHECK(codes(line("2.0"), line("3.6"), zk).count("KL802:intermediate-hop"));
    CHECK(codes(line("2.3"), line("3.9"), zk).count("KL802:intermediate-hop"));
    CHECK_FALSE(codes(line("2.4"), line("3.9"), zk).count("KL802:intermediate-hop"));
    CHECK_FALSE(codes(line("2.0"), line("3.5"), zk).count("KL802:intermediate-hop"));
    CHECK(codes(line("2.8"), line("3.0"), kraft).count("KL801:refused"));
    CHECK_FALSE(codes(line("2.8"), line("3.0"), zk).count("KL801:refused"));
    CHECK(codes(line("3.9"), line("4.0"), zk).count("KL803:requires-migration"));
    CHECK(codes(line("3.2"), line("4.0"), kraft).count("KL802:intermediate-hop"));
    const auto ok = codes(line("3.3"), line("4.0"), kraft);
    CHECK_FALSE(ok.count("KL802:intermediate-hop"));
    CHECK_FALSE(ok.count("KL801:refused"));
    CHECK(codes(line("3.6"), line("2.0"), zk).count("KL807:downgrade"));
    // Supported single-hop upgrades carry no blocking constraint.
    CHECK(codes(line("2.4"), line("3.9"), zk).empty());
    CHECK(codes(line("0.10.2"), line("2.3"), zk).empty());
    CHECK(codes(line("3.3"), line("4.1"), kraft) == std::set<std::string>{"KL808:client-compat"});

    const kl::PathConstraint* hop = nullptr;
    for (const auto& c : catalog().constraints())
      if (c.id == "old-zookeeper-jar") hop = &c;
    REQUIRE(hop != nullptr);
    CHECK(hop->via_min->str() == "2.4");
    CHECK(hop->via_max->str() == "3.5");
    // The planner adds its ensemble advice because of the milestone, not the id.
    CHECK(hop->milestone == kl::Milestone::kZooKeeperClient38);
    for (const auto& c : catalog().constraints())
      if (&c != hop) CHECK_FALSE(c.milestone.has_value());
  }

  TEST_CASE("versions: known-bad patch releases") {
    CHECK(catalog().known_issues_for("3.5.1").size() == 1);
    CHECK(catalog().known_issues_for("3.0.0").size() == 1);
    CHECK(catalog().known_issues_for("3.5.2").empty());
  }

  TEST_CASE("versions: a broken pack gives a located error, never a crash") {
    kafkalint::core::Error err;
    CHECK_FALSE(parse_text("schema = 1\n[[line]]\nname = \"2.1\"\nstatuss = \"released\"\n", &err));
    CHECK(err.where.file == "test/versions.toml");
    CHECK(err.where.line == 2);  // a missing required field points at the table header
    CHECK(err.message == "[[line]] '2.1' has no field 'status'");

    const std::string good_line =
        "[[line]]\nname = \"2.1\"\nstatus = \"released\"\npatches = [\"2.1.0\"]\n"
        "zookeeper = \"supported\"\nkraft = \"none\"\nzk_migration = \"none\"\n"
        "record_format = \"V2\"\nstartup_check = \"record-version\"\nsource = \"x\"\n";
    REQUIRE(parse_text("schema = 1\n" + good_line, &err));

    CHECK_FALSE(parse_text("schema = 1\n" + good_line + "kraftt = \"none\"\n", &err));
    CHECK(err.message == "unknown field 'kraftt' in [[line]] '2.1'; did you mean 'kraft'?");
    CHECK(err.where.line == 12);
    CHECK(err.where.column == 10);

    CHECK_FALSE(parse_text("schema = 1\n" + good_line + good_line, &err));
    CHECK(err.message == "release line '2.1' is defined twice");

    CHECK_FALSE(parse_text("schema = 2\n" + good_line, &err));
    CHECK(err.message.find("unsupported pack schema") != std::string::npos);

    CHECK_FALSE(parse_text("schema = 1\nlines = []\n" + good_line, &err));
    CHECK(err.message == "unknown top-level entry 'lines'; did you mean 'line'?");

    std::string bad = good_line;
    bad.replace(bad.find("kraft = \"none\""), 14, "kraft = \"maybe\"");
    CHECK_FALSE(parse_text("schema = 1\n" + bad, &err));
    CHECK(err.message == "field 'kraft' of [[line]] '2.1' has the unknown value 'maybe'");

    bad = good_line;
    bad.replace(bad.find("patches = [\"2.1.0\"]"), 19, "patches = [\"2.2.0\"]");
    CHECK_FALSE(parse_text("schema = 1\n" + bad, &err));
    CHECK(err.message == "patch release '2.2.0' does not belong to line '2.1'");

    CHECK_FALSE(
        parse_text("schema = 1\n" + good_line +
                       "[[constraint]]\nid = \"x\"\nkind = \"refused\"\nmode = \"any\"\n"
                       "from_max = \"1.9\"\nrule = \"KL801\"\nmessage = \"m\"\nsource = \"s\"\n",
                   &err));
    CHECK(err.message == "field 'from_max' of [[constraint]] names the unknown release line '1.9'");

    CHECK_FALSE(parse_text("schema = 1\n[[line]\n", &err));
    CHECK(err.where.line == 2);
    CHECK(err.message.rfind("invalid TOML in rule pack", 0) == 0);
  }

  TEST_CASE("versions: defaults and IBP values match Kafka's generated reference" *
            doctest::skip(!kafkalint::test::shared_dir().has_value())) {
    namespace fs = std::filesystem;
    const std::string docs = *kafkalint::test::shared_dir() + "/kafka-docs";
    // Text of the reference around a key, with tags replaced by '|'.
    auto around = [](const std::string& html, const std::string& key) {
      const std::size_t at = html.find(">" + key + "<");
      if (at == std::string::npos) return std::string();
      std::string s = std::regex_replace(html.substr(at, 4000), std::regex("<[^>]*>"), "|");
      return std::regex_replace(s, std::regex("[|\\s]*\\|[|\\s]*"), "|");
    };
    auto default_of = [](const std::string& text) {
      std::smatch m;
      if (std::regex_search(text, m, std::regex("\\|Default:?\\|:? *([^|]*)\\|")))
        return m[1].str();
      if (std::regex_search(text, m, std::regex("\\|string\\|([^|]*)\\|"))) return m[1].str();
      return std::string();
    };
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(docs)) {
      if (!entry.is_directory()) continue;
      const std::string dir = entry.path().filename().string();
      const std::string name = dir == "0.9" ? "0.9.0" : dir;
      const kl::Release& r = line(name.c_str());
      const std::string html = kafkalint::test::read(entry.path().string() + "/kafka_config.html");
      INFO(dir);
      const std::string ibp = around(html, "inter.broker.protocol.version");
      REQUIRE(!ibp.empty());
      CHECK(default_of(ibp) == r.ibp_default);
      const std::string lmfv = around(html, "log.message.format.version");
      if (r.lmfv_key)
        CHECK(default_of(lmfv) == r.lmfv_default);
      else
        CHECK(lmfv.empty());
      // From 2.4 the reference lists every valid value; 3.7, 3.8 and 3.9 also list development
      // versions of the next release, which the catalogue marks unstable.
      std::smatch m;
      if (std::regex_search(ibp, m, std::regex("\\|Valid Values:?\\|:? *\\[([^\\]]*)\\]"))) {
        std::vector<std::string> listed;
        const std::string values = m[1].str();
        std::regex item("[^, ]+");
        for (auto it = std::sregex_iterator(values.begin(), values.end(), item);
             it != std::sregex_iterator(); ++it)
          listed.push_back(it->str());
        for (const std::string& u : r.unstable_protocol_versions) {
          auto at = std::find(listed.begin(), listed.end(), u);
          CHECK_MESSAGE(at != listed.end(), u);
          if (at != listed.end()) listed.erase(at);
        }
        CHECK(listed == catalog().protocol_versions_up_to(r));
        if (dir == "3.9") {
          CHECK(values.find("4.0-IV0") != std::string::npos);
          CHECK(r.unstable_protocol_versions == std::vector<std::string>{"4.0-IV0", "4.0-IV1"});
        }
        ++compared;
      }
    }
    CHECK(compared >= 10);
  }

  TEST_CASE("versions: every milestone the planner asks for is stated once, with its line") {
    const kl::VersionCatalog& cat = catalog();
    for (kl::Milestone m : kl::kAllMilestones) {
      INFO(kl::to_string(m));
      REQUIRE(cat.milestone_line(m) != nullptr);
      // A milestone's own line has reached it, the line before has not.
      const kl::Release& first = *cat.milestone_line(m);
      CHECK(cat.reached(first, m));
      const auto& lines = cat.lines();
      const auto at = std::find_if(lines.begin(), lines.end(),
                                   [&](const kl::Release& r) { return &r == &first; });
      REQUIRE(at != lines.begin());
      CHECK_FALSE(cat.reached(*std::prev(at), m));
    }
    // Facts the planner used to write in code, now data: spot-check them against the lines.
    CHECK(cat.milestone_line(kl::Milestone::kZooKeeperRemoved)->zookeeper ==
          kl::ZooKeeperSupport::kRemoved);
    CHECK(cat.milestone_line(kl::Milestone::kMessageFormatIgnored)->name == "3.0");
    CHECK(cat.reached(*cat.find_line("4.1"), kl::Milestone::kEligibleLeaderReplicas));
    CHECK_FALSE(cat.reached(*cat.find_line("4.0"), kl::Milestone::kEligibleLeaderReplicas));
    // The checks' facts, which were literals in src/checks and src/diff.
    CHECK(cat.milestone_name(kl::Milestone::kDynamicBrokerConfigs) == "1.1");
    CHECK(cat.milestone_name(kl::Milestone::kScalaClientsRemoved) == "2.0");
    for (kl::Milestone m : {kl::Milestone::kLog4j2, kl::Milestone::kScala212Removed,
                            kl::Milestone::kCommaBootstrapList, kl::Milestone::kJava17})
      CHECK(cat.milestone_line(m) == cat.milestone_line(kl::Milestone::kZooKeeperRemoved));
  }

  TEST_CASE("versions: a milestone must be known, named once and name a line") {
    const std::string line =
        "[[line]]\nname = \"3.9\"\nstatus = \"released\"\npatches = [\"3.9.0\"]\n"
        "zookeeper = \"deprecated\"\nkraft = \"production\"\nzk_migration = \"production\"\n"
        "record_format = \"V2\"\nstartup_check = \"record-version\"\nsource = \"x\"\n";
    const auto milestone = [](const std::string& name, const std::string& at) {
      return "[[milestone]]\nname = \"" + name + "\"\nline = \"" + at +
             "\"\nwhat = \"w\"\nsource = \"s\"\n";
    };
    kafkalint::core::Error err;
    const auto ok = parse_text("schema = 1\n" + line + milestone("dynamic-quorum", "3.9"), &err);
    REQUIRE(ok);
    CHECK(ok->reached(ok->lines().front(), kl::Milestone::kDynamicQuorum));
    // A test catalogue that does not state a milestone never reaches it.
    CHECK_FALSE(ok->reached(ok->lines().front(), kl::Milestone::kZooKeeperRemoved));

    CHECK_FALSE(parse_text("schema = 1\n" + line + milestone("dynamic-quorom", "3.9"), &err));
    CHECK(err.message == "unknown milestone 'dynamic-quorom'");
    CHECK(err.hint.find("dynamic-quorum") != std::string::npos);
    CHECK_FALSE(parse_text("schema = 1\n" + line + milestone("dynamic-quorum", "3.9") +
                               milestone("dynamic-quorum", "3.9"),
                           &err));
    CHECK(err.message == "milestone 'dynamic-quorum' is listed twice");
    CHECK_FALSE(parse_text("schema = 1\n" + line + milestone("dynamic-quorum", "3.8"), &err));
    CHECK(err.message == "milestone 'dynamic-quorum' names no [[line]] '3.8'");
    // A constraint's milestone is one the binary knows.
    CHECK_FALSE(parse_text("schema = 1\n" + line +
                               "[[constraint]]\nid = \"c\"\nkind = \"refused\"\nmode = \"any\"\n"
                               "rule = \"KL801\"\nmessage = \"m\"\nsource = \"s\"\n"
                               "milestone = \"zookeeper-client-3.9\"\n",
                           &err));
    CHECK(err.message == "unknown milestone 'zookeeper-client-3.9'");
    CHECK(err.hint.find("zookeeper-client-3.8") != std::string::npos);
  }

  TEST_CASE("versions: a --rules catalogue without the planner's milestones is refused") {
    const auto pack = kl::PackSource{}.find("kafka/versions.toml");
    REQUIRE(pack);
    const std::string full(pack->text);
    const std::size_t cut = full.find("[[milestone]]\nname = \"dynamic-quorum\"");
    REQUIRE(cut != std::string::npos);
    const std::size_t end = full.find("[[milestone]]", cut + 1);
    kafkalint::test::TempDir dir;
    std::filesystem::create_directories(dir.file("kafka"));
    std::ofstream(dir.file("kafka/versions.toml")) << full.substr(0, cut) + full.substr(end);
    kl::PackSource packs;
    kafkalint::core::Error err;
    REQUIRE(packs.add_directory(dir.path()).take(&err));
    CHECK_FALSE(kl::VersionCatalog::load(packs).take(&err));
    CHECK(err.message == "the release catalogue has no [[milestone]] 'dynamic-quorum'");
  }

  TEST_CASE("versions: the facts the planner's sentences name are data") {
    const kl::VersionCatalog& cat = catalog();
    // Spot checks against the sources versions.toml cites (UP-39 #upgrade_240_notable,
    // #upgrade_360_notable, #upgrade_371_notable, #upgrade_10_breaking; MV MINIMUM_VERSION).
    CHECK(cat.milestone_name(kl::Milestone::kZooKeeper35) == "2.4");
    CHECK(cat.milestone_zookeeper(kl::Milestone::kZooKeeper35) == "3.5");
    CHECK(cat.milestone_zookeeper_before(kl::Milestone::kZooKeeper35) == "3.4");
    CHECK(cat.milestone_zookeeper(kl::Milestone::kZooKeeperClient38) == "3.8");
    CHECK(cat.milestone_protocol(kl::Milestone::kKraftJbodMigration) == "3.7-IV2");
    CHECK(cat.milestone_protocol(kl::Milestone::kDynamicQuorum).empty());
    // The metadata.version floor: stated from the zookeeper-removed line on, kept by later lines
    // (a later line may raise it, never drop it).
    const kl::Release* v4 = cat.milestone_line(kl::Milestone::kZooKeeperRemoved);
    REQUIRE(v4 != nullptr);
    CHECK(v4->mv_minimum == "3.3-IV3");
    CHECK(line("4.1").mv_minimum == "3.3-IV3");
    CHECK(line("3.9").mv_minimum.empty());
    for (const kl::Release& r : cat.lines()) {
      INFO(r.name);
      CHECK(r.mv_minimum.empty() == (r.version < v4->version));
    }
    // Only the 0.7 refusal has somewhere to go; the others mean a new cluster.
    int advised = 0;
    for (const kl::PathConstraint& c : cat.constraints()) {
      if (c.advice.empty()) continue;
      ++advised;
      CHECK(c.id == "from-0.7");
      CHECK(c.advice.find("0.8") != std::string::npos);
    }
    CHECK(advised == 1);
  }

  TEST_CASE("versions: milestone facts, mv_minimum and advice are checked when read") {
    const std::string head =
        "schema = 1\n[[line]]\nname = \"3.7\"\nstatus = \"released\"\npatches = [\"3.7.0\"]\n"
        "zookeeper = \"deprecated\"\nkraft = \"production\"\nzk_migration = \"production\"\n"
        "protocol_versions = [\"3.7-IV0\", \"3.7-IV1\"]\nrecord_format = \"V2\"\n"
        "startup_check = \"record-version\"\n"
        "metadata_versions = [{ name = \"3.7-IV0\", level = 15, metadata_change = false }]\n";
    const std::string tail = "source = \"x\"\n";
    const auto milestone = [](const std::string& fields) {
      return "[[milestone]]\nname = \"kraft-jbod-migration\"\nline = \"3.7\"\n" + fields +
             "what = \"w\"\nsource = \"s\"\n";
    };
    kafkalint::core::Error err;
    const auto ok = parse_text(head + "mv_minimum = \"3.7-IV0\"\n" + tail +
                                   milestone("protocol = \"3.7-IV1\"\nzookeeper = \"3.8\"\n"
                                             "zookeeper_before = \"3.6\"\n"),
                               &err);
    REQUIRE_MESSAGE(ok, err.render());
    CHECK(ok->milestone_protocol(kl::Milestone::kKraftJbodMigration) == "3.7-IV1");
    CHECK(ok->milestone_zookeeper(kl::Milestone::kKraftJbodMigration) == "3.8");
    CHECK(ok->milestone_zookeeper_before(kl::Milestone::kKraftJbodMigration) == "3.6");
    CHECK(ok->lines().front().mv_minimum == "3.7-IV0");

    CHECK_FALSE(parse_text(head + tail + milestone("protocol = \"3.6-IV0\"\n"), &err));
    CHECK(err.message ==
          "milestone 'kraft-jbod-migration': '3.6-IV0' is not a protocol version of line '3.7'");
    CHECK_FALSE(parse_text(head + tail + milestone("protocol = \"3.7\"\n"), &err));
    CHECK(err.message ==
          "milestone 'kraft-jbod-migration': '3.7' is not a protocol version of line '3.7'");
    CHECK_FALSE(parse_text(
        head + tail + milestone("zookeeper = \"3.4\"\nzookeeper_before = \"3.5\"\n"), &err));
    CHECK(err.message.find("the one before older") != std::string::npos);
    CHECK_FALSE(parse_text(head + tail + milestone("zookeeper_before = \"3.4\"\n"), &err));
    CHECK_FALSE(parse_text(head + "mv_minimum = \"3.3-IV3\"\n" + tail, &err));
    CHECK(err.message == "mv_minimum '3.3-IV3' is not a known metadata version");
    CHECK_FALSE(
        parse_text(head + tail +
                       "[[constraint]]\nid = \"c\"\nkind = \"intermediate-hop\"\n"
                       "mode = \"any\"\nvia_min = \"3.7\"\nvia_max = \"3.7\"\n"
                       "rule = \"KL802\"\nmessage = \"m\"\nadvice = \"a\"\nsource = \"s\"\n",
                   &err));
    CHECK(err.message.find("advice goes with kind 'refused'") != std::string::npos);
  }

  TEST_CASE("versions: a --rules catalogue without the facts the planner words is refused") {
    const auto pack = kl::PackSource{}.find("kafka/versions.toml");
    REQUIRE(pack);
    const std::string full(pack->text);
    const auto refused_without = [&](const std::string& line_text) {
      const std::size_t at = full.find(line_text);
      REQUIRE(at != std::string::npos);
      kafkalint::test::TempDir dir;
      std::filesystem::create_directories(dir.file("kafka"));
      std::ofstream(dir.file("kafka/versions.toml"))
          << full.substr(0, at) + full.substr(at + line_text.size());
      kl::PackSource packs;
      kafkalint::core::Error err;
      REQUIRE(packs.add_directory(dir.path()).take(&err));
      CHECK_FALSE(kl::VersionCatalog::load(packs).take(&err));
      return err.message;
    };
    CHECK(refused_without("protocol = \"3.7-IV2\"\n") ==
          "the release catalogue's [[milestone]] 'kraft-jbod-migration' gives no 'protocol'");
    CHECK(refused_without("zookeeper_before = \"3.4\"\n") ==
          "the release catalogue's [[milestone]] 'zookeeper-3.5' gives no 'zookeeper_before'");
    CHECK(refused_without("mv_minimum = \"3.3-IV3\"\n") ==
          "the release catalogue's [[line]] '4.0' gives no 'mv_minimum'");
  }

  TEST_CASE("no layer but knowledge/ writes a Kafka release in code: they ask versions.toml") {
    // Era boundaries as literals (Version::parse("3.0"), find_line("3.9")) drift from the
    // catalogue and make a new release touch code; milestones and line facts say the same once.
    namespace fs = std::filesystem;
    const std::regex literal(
        R"((Version::parse|find_line|resolve|resolve_protocol)\("[0-9]+\.[0-9]|"[0-9]+\.[0-9]+-IV[0-9])");
    int files = 0;
    for (const char* layer : {"plan", "checks", "diff", "scripts", "cli", "report"}) {
      const std::string root = kafkalint::test::source_dir() + "/src/" + layer;
      for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.path().extension() != ".cpp" && e.path().extension() != ".h") continue;
        ++files;
        std::ifstream in(e.path());
        std::string line;
        while (std::getline(in, line)) {
          const std::size_t code = line.find_first_not_of(' ');
          if (code != std::string::npos && line.compare(code, 2, "//") == 0) continue;
          const std::string where = e.path().string() + ": " + line;
          INFO(where);
          CHECK_FALSE(std::regex_search(line, literal));
        }
      }
    }
    CHECK(files >= 100);
  }

  TEST_CASE("the planner's sentences name no Kafka release: each is a fact from versions.toml") {
    // "protocol 3.0", "Kafka 4.1 or newer", "0.11.0", "4.x" in a string of src/plan/ are Kafka's
    // history written twice; reasons.cpp words releases the planner passes as facts, and the
    // planner takes them from milestones and line facts.
    namespace fs = std::filesystem;
    const std::regex literal(R"("(?:[^"\\\n]|\\.)*")");
    const std::regex release(R"((^|[^0-9A-Za-z.])[0-9]+\.([0-9]+|x)($|[^0-9A-Za-z]))");
    // Strings that look like a release but are none, each with its reason. A string that
    // leaves the code must leave this list (checked below).
    std::map<std::string, bool> known = {
        // the wildcard address of a listener, replaced by localhost in a command
        {"migration_phases.cpp:0.0.0.0", false},
    };
    for (const auto& e : fs::directory_iterator(kafkalint::test::source_dir() + "/src/plan")) {
      if (e.path().extension() != ".cpp") continue;
      std::ifstream in(e.path());
      std::string line;
      while (std::getline(in, line)) {
        if (line.find_first_not_of(' ') != std::string::npos &&
            line.compare(line.find_first_not_of(' '), 2, "//") == 0)
          continue;  // a comment may say which release a rule of thumb comes from
        for (auto m = std::sregex_iterator(line.begin(), line.end(), literal);
             m != std::sregex_iterator(); ++m) {
          const std::string text = m->str().substr(1, m->str().size() - 2);
          if (!std::regex_search(text, release)) continue;
          const std::string id = e.path().filename().string() + ":" + text;
          INFO(id);
          const auto k = known.find(id);
          CHECK(k != known.end());
          if (k != known.end()) k->second = true;
        }
      }
    }
    for (const auto& [id, seen] : known) {
      INFO(id);
      CHECK(seen);
    }
  }
}
