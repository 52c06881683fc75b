// The wording of the planner's reasons (plan/reasons.h): every fact a reason records reaches its
// sentence.

#include "plan/reasons.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kafkalint;
using plan::ReasonCode;

namespace {

// One code and the facts its sentence must name; every other fact must stay out of it.
struct Row {
  ReasonCode code;
  const char* facts;  // among: from to key value files items details dropped replaced
};

// In the order of the enum, one row per code (the test checks both).
const Row kRows[] = {
    {ReasonCode::kProvisionControllers, "files"},
    {ReasonCode::kZooKeeperSecured, ""},
    {ReasonCode::kZooKeeperTls, ""},
    {ReasonCode::kControllerProtocol, "value"},
    {ReasonCode::kFormatClusterId, "to files"},
    {ReasonCode::kDynamicQuorum, ""},
    {ReasonCode::kStaticQuorum, ""},
    {ReasonCode::kScramAtFormat, "value"},
    {ReasonCode::kBrokersUntouched, ""},
    {ReasonCode::kMigrationMode, "to key value"},
    {ReasonCode::kControllerSasl, ""},
    {ReasonCode::kMigrationRoll, ""},
    {ReasonCode::kBrokersToKraft, ""},
    {ReasonCode::kControlPlaneDropped, ""},
    {ReasonCode::kMessageFormatDropped, ""},
    {ReasonCode::kAclAuthorizer, ""},
    {ReasonCode::kZooKeeperStillWritten, ""},
    {ReasonCode::kFinalizeMigration, ""},
    {ReasonCode::kReadiness, "to value"},
};

// A reason with every fact set to a token no sentence contains by itself.
plan::Reason full(ReasonCode code) {
  using Kind = plan::KeyReplacement::Kind;
  plan::Reason r = plan::Reason{code}
                       .with_from("FROM-7.1")
                       .with_to("TO-8.2")
                       .with_key("fact.key")
                       .with_value("VALUE-9")
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

}  // namespace

TEST_SUITE("plan_reasons") {
  TEST_CASE("reasons: every code words exactly the facts it records") {
    const std::vector<std::string> all = {"from",  "to",      "key",     "value",   "files",
                                          "items", "details", "dropped", "replaced"};
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
    CHECK(static_cast<int>(ReasonCode::kReadiness) + 1 == index);  // then kText
  }
}
