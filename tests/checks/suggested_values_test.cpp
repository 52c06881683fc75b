// Every value a rule suggests must be one the target release accepts (issue 11, point 2):
// KL301's "set k=v to keep today's behaviour" and KL204's replacement values, fed through
// the target release's own value checks, for every release line a suggestion can reach.

#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "checks/check_knowledge.h"
#include "checks/default_changes.h"
#include "checks/props_file.h"
#include "checks/value_check.h"
#include "core/rule_id.h"
#include "knowledge/catalog.h"
#include "knowledge/store.h"

using namespace kafkalint;

namespace {

// A file of the scope that uses the feature the change belongs to, so that KL301 speaks.
std::string file_for(const knowledge::DefaultChange& d, checks::Role* role) {
  std::string text;
  if (d.scope.name() == "broker") {
    *role = checks::Role::kBroker;
    text = "broker.id=1\n";
    if (d.requires_feature == "kraft") text = "process.roles=broker\nnode.id=1\n";
    if (d.requires_feature == "zookeeper") text += "zookeeper.connect=zk:2181\n";
    if (d.requires_feature == "tiered-storage") text += "remote.log.storage.system.enable=true\n";
    if (d.requires_feature == "share-groups") text += "group.share.enable=true\n";
  } else if (d.scope.name() == "producer") {
    *role = checks::Role::kProducer;
  } else if (d.scope.name() == "consumer") {
    *role = checks::Role::kConsumer;
  } else if (d.scope.name() == "admin") {
    *role = checks::Role::kAdmin;
  } else if (d.scope.name() == "topic") {
    *role = checks::Role::kBroker;  // topic keys have no file of their own yet
  } else {
    *role = checks::Role::kClient;
  }
  if (d.requires_feature == "tls") text += "security.protocol=SSL\n";
  return text;
}

bool accepted(const knowledge::ConfigCatalog& cat, const std::string& key,
              const std::string& value) {
  for (knowledge::Scope s :
       {knowledge::Scope::kBroker, knowledge::Scope::kTopic, knowledge::Scope::kProducer,
        knowledge::Scope::kConsumer, knowledge::Scope::kAdmin})
    if (const knowledge::ConfigKey* ck = cat.find(s, key))
      if (checks::check_value(ck->type, ck->valid, value, ck->default_value.value_or("")).problem ==
          checks::ValueProblem::kNone)
        return true;
  return false;
}

}  // namespace

TEST_SUITE("suggested_values") {
  TEST_CASE("KL301: every value it suggests passes the target release's value checks") {
    const knowledge::Store store;
    const auto versions = store.versions();
    const auto keys = store.keys();
    REQUIRE(versions);
    REQUIRE(keys);
    const std::regex set_note("^set '([^=]+)=(.*)' to keep today's behaviour$");
    int suggestions = 0, refused_silently = 0;
    for (const knowledge::DefaultChange& d : keys->default_changes()) {
      // --from: the newest line before the change that has a reference and the key.
      const knowledge::Release* from = nullptr;
      for (const knowledge::Release& r : versions->lines())
        if (r.version < d.release && r.supported && store.configs(r)) from = &r;
      if (!from) continue;
      for (const knowledge::Release& to : versions->lines()) {
        if (to.version < d.release || !to.released || !store.configs(to)) continue;
        core::Error err;
        auto k = checks::load_check_knowledge(store, &to, from).take(&err);
        REQUIRE_MESSAGE(k, err.message);
        checks::Role role = checks::Role::kBroker;
        auto f = checks::load_props("t.properties", file_for(d, &role));
        f->role = role;
        f->kraft = d.requires_feature == "kraft";
        std::vector<core::Finding> out;
        checks::Emitter emit(*f, *k, &out);
        checks::check_default_changes(*f, *k, emit);
        for (const core::Finding& fd : out)
          for (const std::string& note : fd.notes) {
            std::smatch m;
            if (!std::regex_match(note, m, set_note)) continue;
            ++suggestions;
            INFO(d.key << " " << from->name << " -> " << to.name << ": " << note);
            CHECK(accepted(*k->configs, m[1], m[2]));
            CHECK(m[2] != "null");
            CHECK(std::string(m[2]).rfind("class ", 0) != 0);
            // Nor a value the target removed (a class it no longer ships passes the type check).
            const knowledge::LegacyValue* gone =
                keys->legacy_value(m[1].str(), m[2].str(), d.scope);
            CHECK_FALSE((gone && gone->removed_in <= to.version));
          }
        // A restore value the target refuses is never shown: the finding says so instead.
        if (d.restore && !accepted(*k->configs, d.key, *d.restore))
          for (const core::Finding& fd : out)
            if (fd.subject == d.key) {
              ++refused_silently;
              CHECK(fd.notes.back().find("restores the old behaviour") != std::string::npos);
            }
      }
    }
    CHECK(suggestions > 100);
    CHECK(refused_silently > 0);  // client.dns.lookup=default on 3.0+, at least
  }

  TEST_CASE("KL204: every replacement value is accepted from the release that removed the old") {
    const knowledge::Store store;
    const auto versions = store.versions();
    const auto keys = store.keys();
    REQUIRE(versions);
    REQUIRE(keys);
    int checked = 0;
    for (const knowledge::LegacyValue& lv : keys->legacy_values()) {
      if (lv.replacement.empty()) continue;
      for (const knowledge::Release& to : versions->lines()) {
        if (to.version < lv.removed_in || !to.released) continue;
        const auto cat = store.configs(to);
        if (!cat) continue;
        bool known = false;
        for (knowledge::Scope s :
             {knowledge::Scope::kBroker, knowledge::Scope::kTopic, knowledge::Scope::kProducer,
              knowledge::Scope::kConsumer, knowledge::Scope::kAdmin})
          known = known || cat->find(s, lv.key) != nullptr;
        if (!known) continue;  // the key itself is gone: KL103 reports it, not KL204
        ++checked;
        INFO(lv.key << "=" << lv.replacement << " in " << to.name);
        CHECK(accepted(*cat, lv.key, lv.replacement));
      }
    }
    CHECK(checked > 10);
  }
}

TEST_SUITE("suggested_values") {
  TEST_CASE("KL101/KL102: no did-you-mean or rename names a key the target does not define") {
    const knowledge::Store store;
    const auto versions = store.versions();
    REQUIRE(versions);
    const std::regex mean("^did you mean '([^']+)'\\?$");
    int suggestions = 0;
    for (const knowledge::Release& to : versions->lines()) {
      if (!to.released || !store.configs(to)) continue;
      core::Error err;
      auto k = checks::load_check_knowledge(store, &to, nullptr).take(&err);
      REQUIRE_MESSAGE(k, err.message);
      // A broker file holding every topic-level key: each is KL102, most with a broker synonym.
      std::string text = "broker.id=1\nzookeeper.connect=zk:2181\n";
      for (const knowledge::ConfigKey& c : k->configs->keys(knowledge::Scope::kTopic))
        text += c.name + "=1\n";
      auto f = checks::load_props("server.properties", text);
      f->role = checks::Role::kBroker;
      std::vector<core::Finding> out;
      checks::check_properties(*f, *k, &out);
      for (const core::Finding& fd : out) {
        std::smatch m;
        if (!std::regex_match(fd.suggestion, m, mean)) continue;
        ++suggestions;
        INFO(to.name << ": " << fd.subject << " -> " << m[1]);
        CHECK(k->configs->find(knowledge::Scope::kBroker, m[1].str()) != nullptr);
        if (fd.fix)
          for (const auto& edit : fd.fix->edits) CHECK(edit.replacement != "null");
      }
    }
    CHECK(suggestions > 100);
  }
}

TEST_SUITE("suggested_values") {
  TEST_CASE("KL804: every pin it appends is valid for the release that reads it") {
    // For every upgrade between two lines with references, a ZooKeeper broker without pins
    // gets KL804 and a fix that appends the pins. The fixed file is checked again, for the
    // target and for the release the brokers run before the roll: no value rule (KL2xx, which
    // for protocol versions are the release catalogue's checks KL205-KL209, the way Kafka
    // parses a version) may fire on a pinned key, and KL804 is gone.
    const knowledge::Store store;
    const auto versions = store.versions();
    REQUIRE(versions);
    int pins = 0;
    for (const knowledge::Release& from : versions->lines()) {
      if (!from.released || !store.configs(from)) continue;
      for (const knowledge::Release& to : versions->lines()) {
        if (!(from.version < to.version) || !to.released || !store.configs(to)) continue;
        core::Error err;
        auto k = checks::load_check_knowledge(store, &to, &from).take(&err);
        REQUIRE_MESSAGE(k, err.message);
        const std::string text = "broker.id=1\nzookeeper.connect=zk:2181\n";
        auto f = checks::load_props("server.properties", text);
        f->role = checks::Role::kBroker;
        std::vector<core::Finding> out;
        checks::check_properties(*f, *k, &out);
        for (const core::Finding& fd : out) {
          if (!fd.is(RuleId::KL804) || !fd.fix) continue;
          std::string fixed = text;
          for (auto it = fd.fix->edits.rbegin(); it != fd.fix->edits.rend(); ++it)
            fixed.replace(it->offset, it->length, it->replacement);
          INFO(from.name << " -> " << to.name << ": " << fixed);
          for (const knowledge::Release* reads : {&to, &from}) {
            auto kr = checks::load_check_knowledge(store, reads, reads == &to ? &from : nullptr)
                          .take(&err);
            REQUIRE_MESSAGE(kr, err.message);
            auto g = checks::load_props("server.properties", fixed);
            g->role = checks::Role::kBroker;
            std::vector<core::Finding> again;
            checks::check_properties(*g, *kr, &again);
            for (const core::Finding& a : again) {
              INFO("read by " << reads->name << ": " << a.code << " " << a.message);
              CHECK_FALSE(a.is(RuleId::KL804));
              const bool pinned_key = a.subject == "inter.broker.protocol.version" ||
                                      a.subject == "log.message.format.version";
              CHECK_FALSE((pinned_key && a.code.rfind("KL2", 0) == 0));
            }
          }
          ++pins;
        }
      }
    }
    CHECK(pins > 100);
  }
}
