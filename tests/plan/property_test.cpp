// Property test of the planner over every supported pair: ZooKeeper mode 0.9.0 .. 3.9 and
// KRaft mode 3.3 .. 4.4, on generated broker files (LF and CRLF, comments, continuation lines,
// no final newline, existing pins, duplicate keys). Applying the phases in order must give
// files that
//  - java.util.Properties loads to exactly the expected map (tests/java oracle; our own parser
//    when no JDK is installed),
//  - keep every line the plan did not need to touch, with the file's own line endings,
//  - `check --to TO` finds free of errors,
// and every intermediate file must be valid for the releases running during that phase: no
// protocol version above the running binary, the message format not ahead of the protocol as
// that release checks it, and the pin in effect before the first new binary starts; every
// phase file the target's brokers may read has no `check --to TO` error.

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>

#include "checks/check_knowledge.h"
#include "checks/context.h"
#include "checks/props_file.h"
#include "knowledge/store.h"
#include "plan/plan.h"
#include "plan/plan_knowledge.h"
#include "properties/document.h"
#include "properties/java_oracle.h"
#include "properties/text.h"

using namespace kafkalint;

namespace {

constexpr const char* kIbp = "inter.broker.protocol.version";
constexpr const char* kLmfv = "log.message.format.version";

std::string zk_file(int variant, int id, const knowledge::Release& from) {
  const std::string h = "kafka-" + std::to_string(id) + ".example.internal";
  switch (variant) {
    case 0:
      return "broker.id=" + std::to_string(id) + "\nlisteners=PLAINTEXT://" + h +
             ":9092\nlog.dirs=/var/lib/kafka\nzookeeper.connect=zk-1:2181,zk-2:2181/kafka\n";
    case 1:  // CRLF, comments of both kinds, blank lines
      return "# broker " + std::to_string(id) +
             "\r\n! managed by hand\r\n\r\nbroker.id = " + std::to_string(id) +
             "\r\nlisteners=PLAINTEXT://" + h +
             ":9092\r\n\r\n# "
             "storage\r\nlog.dirs=/data/1\r\nzookeeper.connect=zk-1:2181\r\nnum.partitions=3\r\n";
    case 2:  // continuation lines, no final newline
      return "broker.id:" + std::to_string(id) +
             "\nlog.dirs=/data/a,\\\n    /data/b\nzookeeper.connect = zk-1:2181,\\\n  "
             "zk-2:2181\nlisteners=PLAINTEXT://" +
             h + ":9092";
    default: {  // existing pins, a duplicate key, a colon separator
      std::string s = "broker.id=" + std::to_string(id) + "\nlisteners=PLAINTEXT://" + h +
                      ":9092\nzookeeper.connect=zk-1:2181\n";
      if (from.ibp_key)
        s += "inter.broker.protocol.version=0.9.0\ninter.broker.protocol.version : " + from.name +
             "\n";
      if (from.lmfv_key)
        s += "# left behind by an earlier upgrade\nlog.message.format.version=0.10.0\n";
      return s + "log.dirs=/data\n";
    }
  }
}

std::string kraft_file(int variant, int id, bool controller) {
  std::string s = std::string("process.roles=") + (controller ? "controller" : "broker") +
                  "\nnode.id=" + std::to_string(id) +
                  "\ncontroller.quorum.voters=4@c-4:9093\ncontroller."
                  "listener.names=CONTROLLER\n";
  s += controller
           ? "listeners=CONTROLLER://c-" + std::to_string(id) + ":9093\n"
           : "listeners=PLAINTEXT://b-" + std::to_string(id) +
                 ":9092\nlistener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n";
  s += "log.dirs=/data,\\\n  /data2\n";
  if (variant == 1) s += "# deprecated in KRaft, gone in 4.0\ninter.broker.protocol.version=3.3\n";
  if (variant == 2) {
    std::string crlf;
    for (char c : s) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    s = crlf;
  }
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      out.push_back(cur);
      cur.clear();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

class Validity {
 public:
  explicit Validity(const knowledge::VersionCatalog& v) : v_(v) {}

  std::size_t top(const knowledge::Release& r) const {
    return resolve(r.protocol_versions.empty() ? r.name : r.protocol_versions.back())->index;
  }
  std::optional<knowledge::ProtocolVersion> resolve(const std::string& s) const {
    core::Error err;
    return v_.resolve_protocol(s, &err);
  }
  static std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\f");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\f") - b + 1));
  }

  // Empty when a broker of release `r` starts with `text`; else what is wrong. With `cap`,
  // the effective protocol and message format must not be above that release (the pin).
  std::string check(const std::string& text, const knowledge::Release& r,
                    const knowledge::Release* cap) const {
    properties::ParseResult p = properties::parse(text, "f");
    const properties::Entry* ie = p.doc.find(kIbp);
    const properties::Entry* le = p.doc.find(kLmfv);
    if (r.zookeeper == knowledge::ZooKeeperSupport::kRemoved) {
      if (ie || le) return "protocol keys on " + r.name + ", which removed them";
      return "";
    }
    if (p.doc.find("process.roles")) return "";  // KRaft 3.x: metadata.version rules, not these
    std::optional<knowledge::ProtocolVersion> ibp, lmfv;
    if (ie && r.ibp_key) {
      ibp = resolve(trim(p.doc.value(*ie)));
      if (!ibp || ibp->index > top(r))
        return "IBP '" + std::string(p.doc.value(*ie)) + "' above " + r.name;
    }
    if (le && r.lmfv_key) {
      lmfv = resolve(trim(p.doc.value(*le)));
      if (!lmfv || lmfv->index > top(r))
        return "LMFV '" + std::string(p.doc.value(*le)) + "' above " + r.name;
    }
    if (!r.ibp_key) return "";
    if (!ibp) ibp = resolve(r.protocol_versions.back());
    if (!lmfv && r.lmfv_key) lmfv = resolve(r.lmfv_default);
    if (cap) {
      if (ibp->index > top(*cap))
        return "IBP " + ibp->name + " above the running " + cap->name + " during the roll";
      if (lmfv && lmfv->release->record_format > cap->record_format)
        return "message format " + lmfv->name + " newer than " + cap->name + "'s during the roll";
    }
    if (!lmfv) return "";
    if (r.startup_check == knowledge::StartupCheck::kStrict && lmfv->index > ibp->index)
      return "LMFV " + lmfv->name + " above IBP " + ibp->name + " (strict check of " + r.name + ")";
    const auto v30 = resolve("3.0-IV1");
    if (r.startup_check == knowledge::StartupCheck::kRecordVersion && ibp->index < v30->index &&
        lmfv->release->record_format > ibp->release->record_format)
      return "record format of LMFV " + lmfv->name + " above IBP " + ibp->name;
    return "";
  }

 private:
  const knowledge::VersionCatalog& v_;
};

struct Outcome {
  std::string label;
  std::string text;
  test::OracleMap expected;
};

}  // namespace

TEST_SUITE("plan_property") {
  TEST_CASE("plan: every supported pair yields loadable, minimal, valid files") {
    core::Error err;
    const knowledge::Store store;
    const auto loaded = store.versions();
    REQUIRE_MESSAGE(loaded, (loaded.failed() ? loaded.error().render() : ""));
    const knowledge::VersionCatalog& versions = *loaded;
    Validity validity(versions);

    std::vector<const knowledge::Release*> zk, kraft;
    for (const knowledge::Release& r : versions.lines()) {
      if (!r.supported || r.configs_pack.empty()) continue;
      if (r.zookeeper != knowledge::ZooKeeperSupport::kRemoved &&
          r.version >= *core::Version::parse("0.9.0"))
        zk.push_back(&r);
      if (r.version >= *core::Version::parse("3.3")) kraft.push_back(&r);
    }
    REQUIRE(zk.size() >= 25);
    REQUIRE(kraft.size() >= 12);

    std::vector<Outcome> outcomes;
    int plans = 0, refused = 0, phases = 0;
    auto run_pair = [&](const knowledge::Release& from, const knowledge::Release& to,
                        bool is_kraft) {
      INFO("pair: " << from.name << " -> " << to.name << (is_kraft ? " (KRaft)" : " (ZooKeeper)"));
      std::vector<std::unique_ptr<checks::PropsFile>> files;
      for (int v = 0; v < 4; ++v) {
        std::string text = is_kraft ? kraft_file(v % 3, v + 1, v == 3) : zk_file(v, v + 1, from);
        auto f = checks::load_props("broker-" + std::to_string(v + 1) + ".properties", text);
        REQUIRE(f->parsed.ok());
        f->role = checks::Role::kBroker;
        files.push_back(std::move(f));
      }
      std::vector<const checks::PropsFile*> ptrs;
      for (const auto& f : files) ptrs.push_back(f.get());
      auto k = plan::load_plan_knowledge(store, from, to).take(&err);
      REQUIRE_MESSAGE(k, err.message);
      const plan::Plan p =
          plan::make_plan(from, to, from.name, to.name, ptrs, *k, plan::PlanOptions{});
      ++plans;
      if (p.refused) {
        ++refused;
        CHECK(p.phases.empty());
        // Only the documented hops refuse a supported pair: <2.4 -> 3.6+ in ZooKeeper mode.
        CHECK((!is_kraft && from.version < *core::Version::parse("2.4") &&
               to.version >= *core::Version::parse("3.6")));
        return;
      }
      REQUIRE(!p.phases.empty());
      phases += static_cast<int>(p.phases.size());
      auto check_k = checks::load_check_knowledge(store, &to, nullptr).take(&err);
      REQUIRE_MESSAGE(check_k, err.message);

      // The roll phase: the first rolling phase; before and during it the pin must hold.
      int roll = 0;
      for (const plan::Phase& ph : p.phases)
        if (ph.restart == plan::Restart::kRolling && !roll) roll = ph.number;
      REQUIRE(roll > 0);
      const bool pinned_era = !is_kraft && to.ibp_key;

      for (std::size_t i = 0; i < files.size(); ++i) {
        INFO("file: " << p.brokers[i] << "\n" << test::c_escape(files[i]->original));
        const properties::Document& original = files[i]->doc();
        test::OracleMap expected;
        for (const auto& [key, value] : original.effective())
          expected[std::string(key)] = std::string(value);
        std::set<std::string> edited;
        for (const plan::Phase& ph : p.phases) {
          INFO("after phase " << ph.number << ": " << ph.title);
          for (const plan::Edit& e : ph.edits) {
            if (e.file != i) continue;
            edited.insert(e.key);
            if (e.action == plan::EditAction::kSet)
              expected[e.key] = e.value;
            else
              expected.erase(e.key);
          }
          const std::string& text = ph.files_after[i];
          outcomes.push_back({from.name + "->" + to.name + " " + p.brokers[i] + " phase " +
                                  std::to_string(ph.number),
                              text, expected});
          // Our own parser agrees with the expected map (Java is asked below, in one batch).
          test::OracleMap ours;
          const properties::ParseResult parsed = properties::parse(text, "f");
          for (const auto& [key, value] : parsed.doc.effective())
            ours[std::string(key)] = std::string(value);
          CHECK(ours == expected);
          // Valid for every release whose brokers may read it after this phase.
          for (const std::string& name : ph.running) {
            const knowledge::Release* r = versions.find_line(name);
            REQUIRE(r);
            const knowledge::Release* cap =
                pinned_era && ph.number <= roll && r == &to ? &from : nullptr;
            const std::string problem = validity.check(text, *r, cap);
            CHECK_MESSAGE(problem.empty(), problem << " (" << from.name << " -> " << to.name << ", "
                                                   << p.brokers[i] << ", phase " << ph.number
                                                   << ")");
            // Target checks: a phase the target's brokers may read has no `check --to TO`
            // error (a plan that is not refused promises exactly that).
            if (r != &to) continue;
            auto pf = checks::load_props(p.brokers[i], text);
            pf->role = checks::Role::kBroker;
            std::vector<core::Finding> found;
            checks::check_properties(*pf, *check_k, &found);
            for (const core::Finding& fd : found)
              CHECK_MESSAGE(fd.severity != core::Severity::kError,
                            fd.code << " " << fd.message << " (" << from.name << " -> " << to.name
                                    << ", phase " << ph.number << ")");
          }
        }
        const std::string& final_text = p.phases.back().files_after[i];
        // Every line the plan did not need to touch is still there, in order, and no line
        // ending other than the file's own was introduced.
        std::vector<std::string> kept;
        const std::vector<std::string> before = lines_of(files[i]->original);
        std::set<int> touched;
        for (const properties::Entry& e : original.entries())
          if (edited.count(std::string(original.key(e))))
            for (int l = e.line; l <= e.last_line; ++l) touched.insert(l);
        for (std::size_t l = 0; l < before.size(); ++l)
          if (!touched.count(static_cast<int>(l) + 1)) kept.push_back(before[l]);
        const std::vector<std::string> after = lines_of(final_text);
        std::size_t at = 0;
        for (const std::string& line : after)
          if (at < kept.size() && line == kept[at]) ++at;
        CHECK_MESSAGE(at == kept.size(),
                      "lost line: '" << (at < kept.size() ? kept[at] : "") << "'");
        const bool crlf = files[i]->original.find("\r\n") != std::string::npos;
        std::size_t bare_lf = 0;
        for (std::size_t c = 0; c < final_text.size(); ++c)
          if (final_text[c] == '\n' && (c == 0 || final_text[c - 1] != '\r')) ++bare_lf;
        if (crlf) CHECK(bare_lf == 0);
        // `check --to TO` finds no error in the final file.
        auto f = checks::load_props(p.brokers[i], final_text);
        f->role = checks::Role::kBroker;
        std::vector<core::Finding> found;
        checks::check_properties(*f, *check_k, &found);
        for (const core::Finding& fd : found)
          CHECK_MESSAGE(fd.severity != core::Severity::kError, fd.code << " " << fd.message << " ("
                                                                       << from.name << " -> "
                                                                       << to.name << ")");
      }
    };
    for (std::size_t a = 0; a < zk.size(); ++a)
      for (std::size_t b = a + 1; b < zk.size(); ++b) run_pair(*zk[a], *zk[b], false);
    for (std::size_t a = 0; a < kraft.size(); ++a)
      for (std::size_t b = a + 1; b < kraft.size(); ++b) run_pair(*kraft[a], *kraft[b], true);
    MESSAGE(plans << " plans (" << refused << " refused as documented), " << phases << " phases, "
                  << outcomes.size() << " phase files");
    CHECK(plans == static_cast<int>(zk.size() * (zk.size() - 1) / 2 +
                                    kraft.size() * (kraft.size() - 1) / 2));

    test::JavaOracle* java = test::JavaOracle::get();
    if (!java) {
      MESSAGE("no JDK (javac/java): the Java comparison is skipped");
      return;
    }
    std::vector<std::string> inputs;
    for (const Outcome& o : outcomes) inputs.push_back(o.text);
    const std::vector<test::OracleAnswer> answers = java->load_all(inputs);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      INFO(outcomes[i].label);
      CHECK_FALSE(answers[i].refused);
      CHECK(answers[i].text == test::oracle_json(outcomes[i].expected));
    }
  }
}
