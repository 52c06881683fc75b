// Property test of the ZooKeeper -> KRaft road (plan/migration.h) over sources 2.1 .. 3.9,
// every bridge 3.5 .. 3.9, targets the bridge and 4.1, static and (on 3.9) dynamic quorums, on
// generated broker files (LF and CRLF, comments, continuation lines, no final newline, pins,
// SASL_SSL with listener-prefixed settings). Applying the phases in order must give files that
//  - java.util.Properties loads to exactly the expected map (our parser without a JDK),
//  - keep every line of the brokers the plan did not need to touch,
//  - `check --to` each release running in that phase finds free of errors;
// every command printed (steps, phase commands, gates, reverts) names a tool and flags of a
// release running when it is given; planning again from the files after any migration phase
// before finalisation gives the same remaining phases and the same final files;
// and the way back from every phase before finalisation must give, at its first file step, the
// files of the phase before, and at its last, the brokers as they were before the migration
// with no controller left.

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "checks/check_knowledge.h"
#include "checks/context.h"
#include "checks/props_file.h"
#include "knowledge/cli_pack.h"
#include "knowledge/store.h"
#include "plan/migration.h"
#include "plan/plan.h"
#include "properties/document.h"
#include "properties/java_oracle.h"
#include "test_support.h"

using namespace kafkalint;

namespace {

std::string broker_file(int variant, int id, const knowledge::Release& from) {
  const std::string n = std::to_string(id);
  const std::string h = "kafka-" + n + ".example.internal";
  switch (variant) {
    case 0:
      return "broker.id=" + n + "\nlisteners=PLAINTEXT://" + h +
             ":9092\nlog.dirs=/var/lib/kafka\nzookeeper.connect=zk-1:2181,zk-2:2181/kafka\n";
    case 1:  // CRLF, comments, an existing pin
      return "# broker " + n + "\r\n! by hand\r\n\r\nbroker.id = " + n +
             "\r\nlisteners=PLAINTEXT://" + h +
             ":9092\r\n# "
             "storage\r\nlog.dirs=/data/1\r\nzookeeper.connect=zk-1:2181,zk-2:2181/kafka" +
             "\r\ninter.broker.protocol.version=" + from.name + "\r\nnum.partitions=3\r\n";
    case 2:  // continuation lines, no final newline
      return "broker.id:" + n +
             "\nzookeeper.connect = zk-1:2181,\\\n  zk-2:2181/kafka\nlog.dirs=/data/a\nlisteners="
             "PLAINTEXT://" +
             h + ":9092";
    default:  // SASL_SSL between brokers, listener-prefixed JAAS
      return "broker.id=" + n + "\nlisteners=INTERNAL://" + h + ":9093,EXTERNAL://" + h +
             ":9094\nlistener.security.protocol.map=INTERNAL:SASL_SSL,EXTERNAL:SASL_SSL\n"
             "inter.broker.listener.name=INTERNAL\nsasl.enabled.mechanisms=PLAIN\n"
             "sasl.mechanism.inter.broker.protocol=PLAIN\n"
             "listener.name.internal.plain.sasl.jaas.config=org.apache.kafka.common.security."
             "plain.PlainLoginModule required username=\"b\" password=\"p\" user_b=\"p\";\n"
             "ssl.truststore.location=/etc/tls/trust.p12\nssl.keystore.location=/etc/tls/" +
             n + ".p12\nlog.dirs=/var/lib/kafka\nzookeeper.connect=zk-1:2181,zk-2:2181/kafka\n";
  }
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

test::OracleMap map_of(const std::string& text) {
  test::OracleMap m;
  const properties::ParseResult parsed = properties::parse(text, "f");
  for (const auto& [key, value] : parsed.doc.effective()) m[std::string(key)] = std::string(value);
  return m;
}

struct Outcome {
  std::string label;
  std::string text;
  test::OracleMap expected;
};

}  // namespace

TEST_SUITE("plan_migration_property") {
  TEST_CASE("plan: ZooKeeper -> KRaft roads yield loadable, minimal, valid files and reverts") {
    core::Error err;
    const knowledge::Store store;
    const auto loaded = store.versions();
    REQUIRE(loaded);
    const knowledge::VersionCatalog& versions = *loaded;
    auto line = [&](const char* name) {
      const knowledge::Release* r = versions.find_line(name);
      REQUIRE(r);
      return r;
    };
    std::vector<const knowledge::Release*> froms, bridges;
    for (const char* n : {"2.1", "2.8", "3.3", "3.5", "3.6", "3.7", "3.8", "3.9"})
      froms.push_back(line(n));
    for (const char* n : {"3.5", "3.6", "3.7", "3.8", "3.9"}) bridges.push_back(line(n));
    const knowledge::Release* v41 = line("4.1");

    std::map<std::string, std::unique_ptr<checks::CheckKnowledge>> check_ks;
    auto check_k = [&](const knowledge::Release& r) -> const checks::CheckKnowledge& {
      auto& slot = check_ks[r.name];
      if (!slot) {
        auto k = checks::load_check_knowledge(store, &r, nullptr).take(&err);
        REQUIRE_MESSAGE(k, err.message);
        slot = std::make_unique<checks::CheckKnowledge>(*k);
      }
      return *slot;
    };
    auto no_errors = [&](const std::string& path, const std::string& text,
                         const knowledge::Release& r, const std::string& where) {
      auto f = checks::load_props(path, text);
      f->role = checks::Role::kBroker;
      std::vector<core::Finding> found;
      checks::check_properties(*f, check_k(r), &found);
      for (const core::Finding& fd : found)
        CHECK_MESSAGE(fd.severity != core::Severity::kError, fd.code << " " << fd.message << " ("
                                                                     << where << ", " << path
                                                                     << ", " << r.name << ")\n"
                                                                     << text);
    };

    // Every command the plan prints uses a tool and flags of the release it runs on.
    int commands = 0;
    // "" when `cmd` names a tool of `r` and only flags it has; else what is wrong.
    auto problem = [&](const std::string& cmd, const knowledge::Release& r) -> std::string {
      const auto at = cmd.find("bin/");
      if (at == std::string::npos) return "";  // not a Kafka tool (java -version)
      const auto end = cmd.find_first_of(" )", at);
      const std::string script = cmd.substr(at + 4, end == std::string::npos ? end : end - at - 4);
      const auto cli = store.cli(r);
      if (!cli) return "no command-line pack for " + r.name;
      const knowledge::CliTool* tool = cli->find(script);
      if (!tool) return script + " is not a tool of " + r.name;
      std::size_t i = 0;
      while ((i = cmd.find(" --", i)) != std::string::npos) {
        const auto e = cmd.find_first_of(" =", i + 1);
        const std::string flag = cmd.substr(i + 1, e == std::string::npos ? e : e - i - 1);
        if (!tool->find_option(flag)) return script + " " + flag + " does not exist in " + r.name;
        i += 3;
      }
      return "";
    };
    // Valid for at least one of the releases that may run while the command is given.
    auto tools_exist = [&](const std::string& cmd, const std::vector<std::string>& running,
                           const std::string& where) {
      std::string why;
      for (const std::string& name : running) {
        why = problem(cmd, *line(name.c_str()));
        if (why.empty()) break;
      }
      ++commands;
      CHECK_MESSAGE(why.empty(), why << " (" << where << ": " << cmd << ")");
    };

    std::vector<Outcome> outcomes;
    int plans = 0, phases = 0, reverts = 0;
    auto run = [&](const knowledge::Release& from, const knowledge::Release& bridge,
                   const knowledge::Release& to, plan::Quorum quorum) {
      const std::string label = from.name + " -> " + to.name + " via " + bridge.name +
                                (quorum == plan::Quorum::kDynamic ? " (dynamic)" : "");
      INFO("road: " << label);
      std::vector<std::unique_ptr<checks::PropsFile>> files;
      for (int v = 0; v < 4; ++v) {
        auto f = checks::load_props("broker-" + std::to_string(v + 1) + ".properties",
                                    broker_file(v, v + 1, from));
        REQUIRE(f->parsed.ok());
        f->role = checks::Role::kBroker;
        files.push_back(std::move(f));
      }
      std::vector<const checks::PropsFile*> ptrs;
      for (const auto& f : files) ptrs.push_back(f.get());
      plan::MigrationOptions m;
      m.controllers = {{3000, "ctl-1", "9093"}, {3001, "ctl-2", "9093"}, {3002, "ctl-3", "9093"}};
      m.quorum = quorum;
      m.bridge = bridge.name;
      const auto road = plan::make_migration_plan(store, from, to, from.name, to.name, ptrs,
                                                  plan::PlanOptions{}, m)
                            .take(&err);
      REQUIRE_MESSAGE(road, err.message);
      const plan::Plan& p = *road;
      ++plans;
      for (const core::Finding& f : p.findings) INFO(f.code << " " << f.message);
      REQUIRE_MESSAGE(!p.refused, label);
      phases += static_cast<int>(p.phases.size());
      REQUIRE(p.brokers.size() == 7);
      REQUIRE(p.created_in.size() == 7);

      int provision = 0;
      for (const plan::Phase& ph : p.phases)
        if (!ph.new_files.empty()) provision = ph.number;
      REQUIRE(provision > 0);
      // The brokers just before the migration starts (the bridge reached, protocol raised).
      const std::vector<std::string> base =
          provision > 1 ? p.phases[static_cast<std::size_t>(provision - 2)].files_after
                        : p.originals;

      for (std::size_t i = 0; i < p.brokers.size(); ++i) {
        INFO("file: " << p.brokers[i]);
        const bool controller = p.created_in[i] > 0;
        test::OracleMap expected = map_of(p.originals[i]);
        std::set<std::string> edited;
        for (const plan::Phase& ph : p.phases) {
          INFO("after phase " << ph.number << ": " << ph.title);
          for (const plan::NewFile& nf : ph.new_files)
            if (nf.path == p.brokers[i]) expected = map_of(nf.content);
          for (const plan::Edit& e : ph.edits) {
            if (e.file != i) continue;
            edited.insert(e.key);
            if (e.action == plan::EditAction::kSet)
              expected[e.key] = e.value;
            else
              expected.erase(e.key);
          }
          const std::string& text = ph.files_after[i];
          if (controller && ph.number < p.created_in[i]) {
            CHECK(text.empty());
            continue;
          }
          CHECK(map_of(text) == expected);
          outcomes.push_back(
              {label + " " + p.brokers[i] + " phase " + std::to_string(ph.number), text, expected});
          for (const std::string& name : ph.running)
            no_errors(p.brokers[i], text, *line(name.c_str()),
                      label + ", phase " + std::to_string(ph.number));
        }
        if (controller) continue;
        // Every line of an entry the plan never edited, and every comment, is still there.
        const properties::ParseResult parsed = properties::parse(p.originals[i], "f");
        const std::vector<std::string> original_lines = lines_of(p.originals[i]);
        std::set<int> dropped;
        for (const properties::Entry& e : parsed.doc.entries())
          if (edited.count(std::string(parsed.doc.key(e))))
            for (int l = e.line; l <= e.last_line; ++l) dropped.insert(l);
        std::vector<std::string> kept;
        for (std::size_t l = 0; l < original_lines.size(); ++l)
          if (!dropped.count(static_cast<int>(l) + 1)) kept.push_back(original_lines[l]);
        std::size_t at = 0;
        for (const std::string& l : lines_of(p.phases.back().files_after[i]))
          if (at < kept.size() && l == kept[at]) ++at;
        CHECK_MESSAGE(at == kept.size(), "lost line: '" << (at < kept.size() ? kept[at] : ""));
      }

      for (const plan::Phase& ph : p.phases) {
        const std::string where = label + ", phase " + std::to_string(ph.number);
        for (const std::string& cmd : ph.commands) tools_exist(cmd, ph.running, where);
        for (const plan::Gate& g : ph.gates)
          if (!g.command.empty()) tools_exist(g.command, ph.running, where);
        for (const plan::NodeSteps& st : ph.steps)
          for (const plan::StepAction& a : st.actions)
            if (!a.command.empty()) tools_exist(a.command, {st.running}, where);
      }

      // Resuming from the files after each migration phase before finalisation plans the
      // same remaining road: the same final files.
      for (int stage = provision; stage < provision + 3; ++stage) {
        INFO("resumed after phase " << stage);
        const plan::Phase& at = p.phases[static_cast<std::size_t>(stage - 1)];
        std::vector<std::unique_ptr<checks::PropsFile>> now;
        for (std::size_t i = 0; i < p.brokers.size(); ++i) {
          auto f = checks::load_props(p.brokers[i], at.files_after[i]);
          f->role = checks::Role::kBroker;
          now.push_back(std::move(f));
        }
        std::vector<const checks::PropsFile*> now_ptrs;
        for (const auto& f : now) now_ptrs.push_back(f.get());
        const auto resumed =
            plan::make_migration_plan(store, bridge, to, bridge.name, to.name, now_ptrs,
                                      plan::PlanOptions{}, plan::MigrationOptions{})
                .take(&err);
        REQUIRE(resumed);
        for (const core::Finding& f : resumed->findings) INFO(f.code << " " << f.message);
        REQUIRE_FALSE(resumed->refused);
        REQUIRE(resumed->brokers == p.brokers);
        CHECK(resumed->phases.size() == p.phases.size() - static_cast<std::size_t>(stage));
        CHECK(resumed->phases.back().files_after == p.phases.back().files_after);
      }

      // The way back.
      for (std::size_t pi = 0; pi < p.phases.size(); ++pi) {
        const plan::Phase& ph = p.phases[pi];
        for (const plan::RevertStep& st : ph.revert)
          for (const std::string& cmd : st.commands)
            tools_exist(cmd, {bridge.name},
                        label + ", revert of phase " + std::to_string(ph.number));
        if (ph.revert.empty()) continue;
        INFO("revert of phase " << ph.number << ": " << ph.title);
        CHECK(ph.reversible);
        ++reverts;
        // The first roll back gives the brokers of the phase before; the last step leaves the
        // brokers as they were before the migration and no controller.
        const plan::RevertStep* first_roll = nullptr;
        const plan::RevertStep* last = nullptr;
        for (const plan::RevertStep& st : ph.revert) {
          if (st.files.empty()) continue;
          if (!first_roll && st.restart == plan::Restart::kRolling) first_roll = &st;
          last = &st;
        }
        REQUIRE(last);
        const std::vector<std::string>& previous =
            pi > 0 ? p.phases[pi - 1].files_after : p.originals;
        for (std::size_t i = 0; i < p.brokers.size(); ++i) {
          INFO("file: " << p.brokers[i]);
          const bool controller = p.created_in[i] > 0;
          if (first_roll && !controller) CHECK(first_roll->files[i] == previous[i]);
          CHECK(last->files[i] == (controller ? "" : base[i]));
          if (!controller)
            for (const plan::RevertStep& st : ph.revert)
              if (!st.files.empty())
                no_errors(p.brokers[i], st.files[i], bridge,
                          label + ", revert of phase " + std::to_string(ph.number));
        }
      }
    };
    for (const knowledge::Release* bridge : bridges)
      for (const knowledge::Release* from : froms) {
        if (bridge->version < from->version) continue;
        run(*from, *bridge, *bridge, plan::Quorum::kStatic);
        run(*from, *bridge, *v41, plan::Quorum::kStatic);
        if (bridge->name == "3.9") run(*from, *bridge, *v41, plan::Quorum::kDynamic);
      }
    MESSAGE(plans << " roads, " << phases << " phases, " << reverts << " reverts, "
                  << outcomes.size() << " phase files, " << commands << " commands");
    CHECK(plans >= 40);

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
