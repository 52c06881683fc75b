// The wording of the planner's reasons (plan/reasons.h): every fact a reason records reaches its
// sentence, and the planner records the facts it decided on (a pin names its key and releases).

#include "plan/reasons.h"

#include <doctest/doctest.h>

#include <memory>

#include "checks/props_file.h"
#include "knowledge/store.h"
#include "plan/plan.h"
#include "plan/plan_knowledge.h"

using namespace kafkalint;
using plan::ReasonCode;

namespace {

// One code and the facts its sentence must name; every other fact must stay out of it.
struct Row {
  ReasonCode code;
  const char* facts;  // among: from to key value since removed_in series files items details
                      // dropped replaced
};

// In the order of the enum, one row per code (the test checks both).
const Row kRows[] = {
    {ReasonCode::kProvisionControllers, "files"},
    {ReasonCode::kZooKeeperSecured, ""},
    {ReasonCode::kZooKeeperTls, ""},
    {ReasonCode::kControllerProtocol, "value"},
    {ReasonCode::kFormatClusterId, "to files"},
    {ReasonCode::kDynamicQuorum, "since"},
    {ReasonCode::kStaticQuorum, "series since"},
    {ReasonCode::kScramAtFormat, "value"},
    {ReasonCode::kBrokersUntouched, ""},
    {ReasonCode::kMigrationMode, "to key value"},
    {ReasonCode::kControllerSasl, ""},
    {ReasonCode::kMigrationRoll, ""},
    {ReasonCode::kBrokersToKraft, ""},
    {ReasonCode::kControlPlaneDropped, ""},
    {ReasonCode::kMessageFormatDropped, "removed_in"},
    {ReasonCode::kAclAuthorizer, ""},
    {ReasonCode::kZooKeeperStillWritten, ""},
    {ReasonCode::kFinalizeMigration, ""},
    {ReasonCode::kReadiness, "to value since"},
    {ReasonCode::kPreflightChecks, "from"},
    {ReasonCode::kPatchKeepsProtocol, "from"},
    {ReasonCode::kNoProtocolKey, "to"},
    {ReasonCode::kAlreadyPinnedBeforeRoll, "value"},
    {ReasonCode::kPinProtocol, "from to"},
    {ReasonCode::kMessageFormatPinnedNoKey, "key from to"},
    {ReasonCode::kMessageFormatPinnedFormatChanges, "key from"},
    {ReasonCode::kMessageFormatPinnedStrict, "key to"},
    {ReasonCode::kMessageFormatPinnedByOption, "key"},
    {ReasonCode::kOlderPinsKept, ""},
    {ReasonCode::kKeysDropped, "to dropped"},
    {ReasonCode::kKeysReplaced, "replaced"},
    {ReasonCode::kValueReplacedWithPins, "key value to from"},
    {ReasonCode::kValueReplacedAtRoll, "key value to from items"},
    {ReasonCode::kVerifyBeforeEditing, "from"},
    {ReasonCode::kRollPinned, "from"},
    {ReasonCode::kRollUnpinned, ""},
    {ReasonCode::kAlreadyPinnedNothingToEdit, "value"},
    {ReasonCode::kAlreadyPinned, "value"},
    {ReasonCode::kRaiseProtocol, "to"},
    {ReasonCode::kMessageFormatRemovedWithProtocol, "key since removed_in"},
    {ReasonCode::kTopicFormatOverrides, "since removed_in"},
    {ReasonCode::kOldFormatRemoved, "value"},
    {ReasonCode::kMessageFormatMovesAlong, "key"},
    {ReasonCode::kProtocolOneWay, "items details"},
    {ReasonCode::kMessageFormatWaitAll, "value"},
    {ReasonCode::kMessageFormatWaitMost, "value"},
    {ReasonCode::kKraftNothingPinned, ""},
    {ReasonCode::kEditsAtRestart, ""},
    {ReasonCode::kControllersGetMinIsr, "to key value files"},
    {ReasonCode::kKraftRoll, "from"},
    {ReasonCode::kControllersFirst, ""},
    {ReasonCode::kRollControllersFirst, ""},
    {ReasonCode::kFinalizeMetadata, "to from value"},
    {ReasonCode::kReleaseVersion, "series"},
    {ReasonCode::kStaticQuorumReleaseVersion, ""},
    {ReasonCode::kMetadataOneWay, "items from"},
    {ReasonCode::kMetadataReversible, "from to"},
    {ReasonCode::kUnstableMetadata, "to from value"},
};

// A reason with every fact set to a token no sentence contains by itself.
plan::Reason full(ReasonCode code) {
  using Kind = plan::KeyReplacement::Kind;
  plan::Reason r = plan::Reason{code}
                       .with_from("FROM-7.1")
                       .with_to("TO-8.2")
                       .with_key("fact.key")
                       .with_value("VALUE-9")
                       .with_since("SINCE-5.5")
                       .with_removed_in("GONE-6.6")
                       .with_series("SERIES-3.x")
                       .with_files({"dir-a/one.properties", "dir-b/two.properties"})
                       .with_items({"LEVEL-IV1", "LEVEL-IV2"});
  r.details = {"CONSEQUENCE-ONE", "CONSEQUENCE-TWO"};
  r.dropped = {{"dropped.alpha", "successor.alpha", ""},
               {"dropped.beta", "", "NOTE-BETA"},
               {"dropped.gamma", "", ""}};
  r.replaced = {{Kind::kListeners, "", {}, "PLAINTEXT://HOST-L:1", "file-l.properties"},
                {Kind::kAdvertisedListeners, "", {}, "PLAINTEXT://HOST-A:2", "file-a.properties"},
                {Kind::kRenamed, "renamed.key", {"renamed.one", "renamed.two"}, "", ""},
                {Kind::kClientQuota, "quota.key", {"QUOTA_RATE"}, "QUOTA-VALUE", ""}};
  return r;
}

// The tokens that show fact `name` in a sentence.
std::vector<std::string> tokens(const std::string& name) {
  if (name == "from") return {"FROM-7.1"};
  if (name == "to") return {"TO-8.2"};
  if (name == "key") return {"fact.key"};
  if (name == "value") return {"VALUE-9"};
  if (name == "since") return {"SINCE-5.5"};
  if (name == "removed_in") return {"GONE-6.6"};
  if (name == "series") return {"SERIES-3.x"};
  if (name == "files") return {"dir-a/one.properties"};
  if (name == "items") return {"LEVEL-IV1", "LEVEL-IV2"};
  if (name == "details") return {"CONSEQUENCE-ONE", "CONSEQUENCE-TWO"};
  if (name == "dropped")
    return {"dropped.alpha", "successor.alpha", "dropped.beta", "NOTE-BETA", "dropped.gamma"};
  if (name == "replaced")
    return {"PLAINTEXT://HOST-L:1", "file-l.properties", "PLAINTEXT://HOST-A:2",
            "file-a.properties",    "renamed.key",       "renamed.one",
            "renamed.two",          "quota.key",         "QUOTA_RATE",
            "QUOTA-VALUE"};
  return {};
}

bool says(const std::string& text, const std::string& token) {
  return text.find(token) != std::string::npos;
}

const knowledge::Release& line(const knowledge::VersionCatalog& v, const char* name) {
  const knowledge::Release* r = v.find_line(name);
  REQUIRE(r);
  return *r;
}

}  // namespace

TEST_SUITE("plan_reasons") {
  TEST_CASE("reasons: every code words exactly the facts it records") {
    const std::vector<std::string> all = {"from",  "to",         "key",     "value",
                                          "since", "removed_in", "series",  "files",
                                          "items", "details",    "dropped", "replaced"};
    int index = 0;
    for (const Row& row : kRows) {
      INFO("code " << static_cast<int>(row.code) << ", facts '" << row.facts << "'");
      CHECK(static_cast<int>(row.code) == index++);
      const std::string text = plan::word(full(row.code));
      INFO("text: " << text);
      CHECK(!text.empty());
      CHECK(text.back() == '.');
      const std::string facts = std::string(" ") + row.facts + " ";
      for (const std::string& name : all) {
        const bool used = facts.find(" " + name + " ") != std::string::npos;
        for (const std::string& t : tokens(name)) {
          INFO("fact " << name << ", token " << t);
          CHECK(says(text, t) == used);
        }
      }
    }
    // A code added after the last row must get a row (and a sentence) too.
    CHECK(static_cast<int>(ReasonCode::kUnstableMetadata) + 1 == index);
  }

  TEST_CASE("reasons: a phase's why joins its sentences with one space") {
    const std::vector<plan::Reason> why = {plan::Reason{ReasonCode::kRaiseProtocol}.with_to("2.8"),
                                           plan::Reason{ReasonCode::kTopicFormatOverrides}};
    CHECK(plan::word_why(why) == plan::word(why[0]) + " " + plan::word(why[1]));
    CHECK(plan::word_why({}).empty());
    // Dropped keys are said once each, in the order of their words, whatever the file order.
    plan::Reason a = plan::Reason{ReasonCode::kKeysDropped}.with_to("3.0");
    a.dropped = {{"port", "", ""}, {"host.name", "", ""}, {"port", "", ""}};
    CHECK(plan::word(a) ==
          "Kafka 3.0 no longer has 'host.name', 'port': those lines are commented out, so the new "
          "binaries never read them (check that nothing relies on them).");
  }

  TEST_CASE("reasons: the planner records the pin's key and releases") {
    const knowledge::Store store;
    const auto loaded = store.versions();
    REQUIRE(loaded);
    const knowledge::Release& from = line(*loaded, "0.10.2");
    const knowledge::Release& to = line(*loaded, "2.0");
    auto f = checks::load_props("broker-1.properties",
                                "broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\n"
                                "zookeeper.connect=zk-1:2181\n");
    f->role = checks::Role::kBroker;
    core::Error err;
    auto k = plan::load_plan_knowledge(store, from, to).take(&err);
    REQUIRE_MESSAGE(k, err.message);
    const plan::Plan p =
        plan::make_plan(from, to, from.name, to.name, {f.get()}, *k, plan::PlanOptions{});
    REQUIRE(!p.refused);
    REQUIRE(!p.phases.empty());
    const plan::Reason* pin = nullptr;
    const plan::Reason* format = nullptr;
    const plan::Phase* phase = nullptr;
    for (const plan::Phase& ph : p.phases)
      for (const plan::Reason& r : ph.why) {
        if (r.code == ReasonCode::kPinProtocol) {
          pin = &r;
          phase = &ph;
        }
        if (r.code == ReasonCode::kMessageFormatPinnedFormatChanges) format = &r;
      }
    REQUIRE(pin);
    CHECK(pin->from == "0.10.2");
    CHECK(pin->to == "2.0");
    REQUIRE(format);
    CHECK(format->key == "log.message.format.version");
    CHECK(format->from == "0.10.2");
    // The phase's text names them.
    const std::string text = plan::word_why(phase->why);
    CHECK(says(text, "log.message.format.version is pinned as well"));
    CHECK(says(text, "the message format changes after 0.10.2"));
    CHECK(says(text, "a broker started on 2.0 without the pin"));
  }
}
