// The ZooKeeper -> KRaft road planner (see migration.h). The ZooKeeper legs and the KRaft leg
// are ordinary plans (make_plan) chained file to file; the migration phases on the bridge are
// built here from anchors-2.md §3.2 (phases and keys) and §3.3 (the way back).

#include "plan/migration.h"

#include <algorithm>
#include <map>
#include <set>

#include "checks/check_knowledge.h"
#include "checks/cluster_checks.h"
#include "checks/kraft_startup.h"
#include "core/strings.h"
#include "plan/migration_model.h"
#include "plan/pins_above.h"
#include "plan/plan_knowledge.h"
#include "plan/readiness.h"
#include "properties/edit.h"
#include "properties/text.h"

namespace kafkalint::plan {

namespace {

using knowledge::Release;
constexpr const char* kIbpKey = "inter.broker.protocol.version";
using namespace migration;

std::string ops_source(const Release& bridge) {
  const auto& p = bridge.version.parts;
  return "Kafka " + bridge.name +
         " operations guide, 'ZooKeeper to KRaft Migration' (https://kafka.apache.org/" +
         std::to_string(p[0]) + std::to_string(p[1]) + "/documentation.html#kraft_zk_migration)";
}

class Road {
 public:
  Road(const knowledge::Store& store, const Release& from, const Release& to,
       const std::string& from_text, const std::string& to_text,
       const std::vector<const checks::PropsFile*>& files, const PlanOptions& options,
       const MigrationOptions& m, Plan* plan)
      : store_(store),
        from_(from),
        to_(to),
        from_text_(from_text),
        to_text_(to_text),
        options_(options),
        m_(m),
        plan_(*plan) {
    plan_.from = from_text;
    plan_.to = to_text;
    plan_.mode = "zookeeper";
    // Brokers first, then the controller files of a migration already under way.
    for (int pass = 0; pass < 2; ++pass)
      for (const checks::PropsFile* f : files) {
        const BrokerView v = view_of(f->doc());
        if ((v.controller_role && !v.broker_role) != (pass == 1)) continue;
        plan_.brokers.push_back(f->path);
        plan_.originals.push_back(f->original);
        texts_.push_back(f->original);
        files_.push_back(f);
        if (pass == 0) ++given_;
      }
  }

  bool run(core::Error* err) {
    using Part = knowledge::Store::Part;
    if (const core::Error* e = store_.load({Part::kVersions, Part::kRules})) {
      *err = *e;
      return false;
    }
    versions_ = store_.versions().get();
    rules_ = store_.rules().get();
    if (check_pins_above_from() && classify() && choose_bridge() && validate()) {
      add_controller_slots();
      // Without a ZooKeeper leg nothing has checked the files as given yet.
      if (bridge_->version == from_.version && !check_given(err)) return false;
      if (zookeeper_legs(err) && !plan_.refused) {
        if (!migrate(err)) return false;
        if (!plan_.refused && bridge_ != &to_ && !kraft_leg(err)) return false;
      }
    }
    if (!plan_.refused && err && !err->message.empty()) return false;
    std::stable_sort(plan_.findings.begin(), plan_.findings.end(), core::finding_less);
    return true;
  }

 private:
  // --- findings ------------------------------------------------------------------------

  core::Finding& finding(RuleId id, core::Severity severity, std::string message,
                         const std::string& source, const std::string& file = "") {
    core::Finding f = knowledge::make_finding(rules_, id, std::move(message));
    if (!rules_) f.severity = severity;
    f.where.file = file;
    if (!source.empty()) f.notes.push_back("source: " + source);
    plan_.findings.push_back(std::move(f));
    return plan_.findings.back();
  }

  bool refuse(RuleId id, std::string message, const std::string& source,
              const std::string& file = "", std::string_view key = "") {
    core::Finding& f = finding(id, core::Severity::kError, std::move(message), source, file);
    locate(f, key);
    plan_.refused = true;
    return false;
  }

  // Points a finding about a given file at the line of `key` (the file's start without it).
  void locate(core::Finding& f, std::string_view key) const {
    if (f.where.file.empty()) return;
    f.where.line = 1;
    f.where.column = 1;
    for (std::size_t i = 0; i < given_; ++i) {
      if (plan_.brokers[i] != f.where.file) continue;
      const auto parsed = properties::parse(plan_.originals[i], plan_.brokers[i]);
      if (const properties::Entry* e = key.empty() ? nullptr : parsed.doc.find(key)) {
        f.where.line = e->line;
        f.where.column = e->column;
        f.subject = std::string(key);
      }
    }
  }

  // Findings of a leg's plan: the first leg checks the files as given; later legs add what
  // they find in the files the plan wrote (the same finding twice is shown once).
  void merge_findings(const Plan& sub) {
    for (const core::Finding& f : sub.findings) {
      const std::string key = f.code + "\x1f" + f.where.file + "\x1f" + f.message;
      if (!seen_findings_.insert(key).second) continue;
      plan_.findings.push_back(f);
    }
  }

  // --- where the files stand (a migration may be under way) -------------------------------

  // A pin above --from means the brokers run newer binaries than --from says: every leg and
  // the bridge would be chosen from the wrong release (plan/pins_above.h).
  bool check_pins_above_from() {
    const PinAboveFrom pin = find_pin_above_from(*versions_, from_, files_);
    if (!pin.pinned) return true;
    PinRefusal r = pin_above_refusal(pin, from_, to_);
    refuse(RuleId::KL807, std::move(r.message), r.source);
    plan_.path = std::move(r.path);
    return false;
  }

  bool classify();

  // --- the bridge --------------------------------------------------------------------------

  bool choose_bridge() {
    std::string name = m_.bridge;
    if (name.empty() && stage_ != Stage::kStart) name = from_.name;  // under way: stays there
    if (name.empty())
      name = to_.zookeeper == knowledge::ZooKeeperSupport::kRemoved ? last_bridge().name : to_.name;
    core::Error e;
    bridge_ = versions_->resolve(name, &e);
    if (!bridge_ || bridge_->zk_migration == knowledge::MigrationSupport::kNone ||
        bridge_->zk_migration == knowledge::MigrationSupport::kEarlyAccess ||
        bridge_->zookeeper == knowledge::ZooKeeperSupport::kRemoved)
      return refuse(RuleId::KL820,
                    "Kafka " + name +
                        " cannot be the bridge of a ZooKeeper to KRaft migration; the migration "
                        "runs on " +
                        first_bridge(knowledge::MigrationSupport::kPreview) + " .. " +
                        last_bridge().name + " (production-ready from " +
                        first_bridge(knowledge::MigrationSupport::kProduction) + ", " +
                        last_bridge().name + " recommended)",
                    ops_source(last_bridge()));
    if (bridge_->zk_migration == knowledge::MigrationSupport::kPreview)
      finding(RuleId::KL820, core::Severity::kWarning,
              "the migration is a preview on Kafka " + bridge_->name +
                  "; it is production-ready from " +
                  first_bridge(knowledge::MigrationSupport::kProduction) + " and " +
                  last_bridge().name + " is recommended",
              ops_source(*bridge_))
          .severity = core::Severity::kWarning;
    if (bridge_->version < from_.version)
      return refuse(RuleId::KL820,
                    "the bridge release " + bridge_->name + " is older than --from " + from_.name +
                        "; the migration runs on the release the cluster is upgraded to",
                    ops_source(*bridge_));
    if (to_.version < bridge_->version)
      return refuse(RuleId::KL820,
                    "--to " + to_.name + " is older than the bridge release " + bridge_->name,
                    ops_source(*bridge_));
    return true;
  }

  // --- refusals before planning (anchors-2.md §3.1, §3.4) --------------------------------

  bool validate() {
    bool ok = true;
    std::vector<BrokerView> views;
    for (std::size_t i = 0; i < given_; ++i) {
      auto parsed = properties::parse(texts_[i], plan_.brokers[i]);
      views.push_back(view_of(parsed.doc));
    }
    std::set<std::string> ids;
    std::string zk;
    for (std::size_t i = 0; i < given_; ++i) {
      const BrokerView& b = views[i];
      const std::string& file = plan_.brokers[i];
      const std::string ops = ops_source(*bridge_);
      if (b.broker_role && b.controller_role) {
        ok = refuse(RuleId::KL821,
                    "a combined node (process.roles=broker,controller) cannot take part in a "
                    "migration, which needs dedicated controllers",
                    ops + "; Strimzi, Confluent for Kubernetes and cp-ansible migration docs", file,
                    "process.roles");
        continue;
      }
      if (b.migration_flag || b.kraft) {
        if (bridge_->version != from_.version) {
          ok = refuse(RuleId::KL826,
                      "these files are part way through a migration, which runs on one release "
                      "from start to end: finish it on " +
                          from_.name + " (--bridge " + from_.name +
                          "), then upgrade; the plan would migrate on " + bridge_->name,
                      ops +
                          " ('Limitations'); Confluent Platform migration docs (do not upgrade "
                          "and migrate at the same time)",
                      file, b.kraft ? "process.roles" : migration::kFlag);
          continue;
        }
      }
      if (b.kraft) {  // a broker already in KRaft mode: its id is node.id
        if (!ids.insert(b.node_id).second)
          ok = refuse(RuleId::KL823, "node.id " + b.node_id + " is used by another file too", ops,
                      file, "node.id");
        check_advertised(b, file, &ok);
        continue;
      }
      long id = -1;
      if (!b.broker_id.empty()) {
        try {
          std::size_t used = 0;
          id = std::stol(b.broker_id, &used);
          if (used != b.broker_id.size()) id = -1;
        } catch (...) {
          id = -1;
        }
      }
      if (b.broker_id.empty() || id < 0)
        ok = refuse(
            RuleId::KL823,
            std::string(b.broker_id.empty() ? "no broker.id" : "broker.id '" + b.broker_id + "'") +
                ": the migration needs every broker's id written out and non-negative "
                "(a generated id is refused with the migration flag); it becomes the "
                "broker's node.id in KRaft",
            ops + "; KC39 validateValues", file, "broker.id");
      else if (const long max_id = std::stol(reserved_max(i)); id > max_id)
        ok = refuse(RuleId::KL823,
                    "broker.id " + std::to_string(id) + " is above reserved.broker.max.id (" +
                        std::to_string(max_id) +
                        "): Kafka refuses it while broker.id generation is on, and the "
                        "migration checks the same limit",
                    ops + "; KC39 validateValues", file, "broker.id");
      else if (!ids.insert(std::to_string(id)).second)
        ok = refuse(RuleId::KL823,
                    "broker.id " + std::to_string(id) + " is used by another file too", ops, file,
                    "broker.id");
      if (zk.empty()) zk = b.zookeeper;
      if (b.zookeeper.empty())
        ok = refuse(RuleId::KL829, "no zookeeper.connect: not a ZooKeeper broker", ops, file);
      else if (b.zookeeper != zk)
        ok = refuse(RuleId::KL829,
                    "zookeeper.connect '" + b.zookeeper + "' differs from '" + zk +
                        "' in the other files: the controllers copy it, so every broker must "
                        "name the same ensemble and chroot",
                    ops, file, "zookeeper.connect");
      check_advertised(b, file, &ok);
      if (b.log_dirs > 1 && !jbod_ok())
        ok = refuse(RuleId::KL822,
                    std::to_string(b.log_dirs) +
                        " log directories (JBOD): a JBOD broker takes the migration flag only "
                        "with inter.broker.protocol.version " +
                        versions_->milestone_protocol(knowledge::Milestone::kKraftJbodMigration) +
                        " or later, so migrate on " +
                        versions_->milestone_name(knowledge::Milestone::kKraftJbodMigration) +
                        " or later (--bridge)",
                    "KC39 l. 989-995 (isDirectoryAssignmentSupported); KAFKA-16431", file,
                    "log.dirs");
      if (b.log_dirs > 1 && jbod_ok()) {
        core::Finding& f = finding(
            RuleId::KL822, core::Severity::kWarning,
            "JBOD (several log.dirs): a log directory failure on a ZooKeeper broker during the "
            "migration shuts the broker down (KAFKA-16431); several vendors refuse JBOD "
            "migrations",
            "KAFKA-16431; Confluent for Kubernetes and cp-ansible migration docs", file);
        f.severity = core::Severity::kWarning;
        locate(f, "log.dirs");
      }
    }
    if (stage_ == Stage::kStart && m_.controllers.empty()) {
      plan_.refused = true;
      finding(RuleId::KL803, core::Severity::kError,
              "Kafka " + to_.name + " has no ZooKeeper mode" +
                  std::string(bridge_ == &to_ ? ""
                                              : ", so the cluster migrates to KRaft on " +
                                                    bridge_->name + " first") +
                  "; the migration needs new KRaft controllers: name them with --controllers "
                  "ID@HOST:PORT,... (ids no broker uses)",
              ops_source(*bridge_));
      std::string files;
      for (std::size_t i = 0; i < given_; ++i) files += " " + plan_.brokers[i];
      plan_.path = {"kafkalint plan --from " + from_text_ + " --to " + to_text_ +
                    " --controllers 3000@HOST-1:9093,3001@HOST-2:9093,3002@HOST-3:9093" + files};
      return false;
    }
    for (const ControllerNode& c : controllers())
      if (ids.count(std::to_string(c.id)))
        ok = refuse(RuleId::KL824,
                    "controller id " + std::to_string(c.id) +
                        " is a broker.id: brokers and controllers share one id space",
                    ops_source(*bridge_));
    if (stage_ == Stage::kStart && m_.quorum == Quorum::kDynamic &&
        !versions_->reached(*bridge_, knowledge::Milestone::kDynamicQuorum))
      ok = refuse(RuleId::KL820,
                  "--quorum dynamic needs a " +
                      versions_->milestone_name(knowledge::Milestone::kDynamicQuorum) +
                      " bridge (KIP-853); migrations on " + bridge_->name +
                      " use a static quorum (controller.quorum.voters)",
                  "KIP-853; " + ops_source(*bridge_));
    if (stage_ != Stage::kStart && ok) ok = check_startup();
    return ok;
  }

  // A migration under way: the files must start on the bridge as they are (KafkaConfig's role
  // checks, KL230-KL244), or the remaining phases would build on a node that does not run.
  bool check_startup() {
    const auto configs = store_.configs(*bridge_);
    if (configs.failed() || !configs.get()) return true;
    checks::CheckKnowledge ck;
    ck.versions = versions_;
    ck.rules = rules_;
    ck.to = bridge_;
    ck.reference = bridge_;
    ck.configs = configs.get();
    bool ok = true;
    for (std::size_t i = 0; i < plan_.brokers.size(); ++i) {
      auto f = checks::load_props(plan_.brokers[i], texts_[i]);
      f->role = checks::Role::kBroker;
      std::vector<core::Finding> found;
      checks::check_kraft_startup(*f, ck, &found);
      for (core::Finding& fd : found) {
        if (fd.severity != core::Severity::kError) continue;
        ok = false;
        plan_.findings.push_back(std::move(fd));
      }
    }
    if (!ok) plan_.refused = true;
    return ok;
  }

  // reserved.broker.max.id of file i, "1000" (the default) when unset or not a number; an id
  // generation turned off (broker.id.generation.enable=false) lifts the limit.
  std::string reserved_max(std::size_t i) const {
    const auto parsed = properties::parse(texts_[i], plan_.brokers[i]);
    auto value = [&](const char* key) -> std::string {
      const properties::Entry* e = parsed.doc.find(key);
      return e ? std::string(parsed.doc.value(*e)) : "";
    };
    if (value("broker.id.generation.enable") == "false") return "2147483647";
    std::string v = value("reserved.broker.max.id");
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
      return "1000";
    return v;
  }

  void check_advertised(const BrokerView& b, const std::string& file, bool* ok) {
    for (const std::string& name : b.advertised_names)
      if (!b.listener_names.count(name))
        *ok = refuse(RuleId::KL828,
                     "advertised listener '" + name +
                         "' is not in listeners; a KRaft broker refuses to start with it",
                     "KC39 validateValues (advertised listener names must be a subset of "
                     "listeners)",
                     file, "advertised.listeners");
  }

  // The first line whose migration is at least `support` (a preview, or production-ready).
  std::string first_bridge(knowledge::MigrationSupport support) const {
    for (const Release& r : versions_->lines())
      if (r.zk_migration == support || r.zk_migration == knowledge::MigrationSupport::kProduction)
        return r.name;
    return "";
  }

  // The last line that runs a production migration (3.9): the bridge the guides recommend,
  // and the default one into 4.x.
  // A catalogue without one (a broken --rules overlay) gets the target's own guide.
  const Release& last_bridge() const {
    const Release* last = &to_;
    for (const Release& r : versions_->lines())
      if (r.zk_migration == knowledge::MigrationSupport::kProduction) last = &r;
    return *last;
  }

  bool jbod_ok() const {
    return versions_->reached(*bridge_, knowledge::Milestone::kKraftJbodMigration);
  }

  // The files as `check --to FROM` sees them (the first ZooKeeper leg does this otherwise):
  // errors and warnings, not infos; no topic-safety rules on controller-only files.
  bool check_given(core::Error* err) {
    const auto ck = checks::load_check_knowledge(store_, &from_, nullptr).take(err);
    if (!ck) return false;
    std::vector<core::Finding> raw;
    std::vector<checks::BrokerFacts> facts;
    std::set<std::string> controller_only;
    for (std::size_t i = 0; i < plan_.originals.size(); ++i) {
      if (stage_ == Stage::kStart && i >= given_) break;  // the controllers the plan writes
      auto f = checks::load_props(plan_.brokers[i], plan_.originals[i]);
      f->role = checks::Role::kBroker;
      f->role_reason = "plan";
      checks::check_properties(*f, *ck, &raw);
      facts.push_back(checks::broker_facts(*f));
      if (i >= given_) controller_only.insert(plan_.brokers[i]);
    }
    std::vector<const checks::BrokerFacts*> ptrs;
    for (const auto& f : facts) ptrs.push_back(&f);
    checks::check_cluster(ptrs, *ck, &raw);
    for (core::Finding& f : raw) {
      if (f.severity == core::Severity::kInfo) continue;
      if (controller_only.count(f.where.file) && f.code.rfind("KL4", 0) == 0) continue;
      const std::string key = f.code + "\x1f" + f.where.file + "\x1f" + f.message;
      if (seen_findings_.insert(key).second) plan_.findings.push_back(std::move(f));
    }
    return true;
  }

  const std::vector<ControllerNode>& controllers() const {
    return stage_ == Stage::kStart ? m_.controllers : controllers_;
  }

  void add_controller_slots() {
    if (stage_ != Stage::kStart) {
      plan_.created_in.assign(plan_.brokers.size(), 0);
      return;
    }
    for (const ControllerNode& c : m_.controllers) {
      plan_.brokers.push_back("controller-" + std::to_string(c.id) + ".properties");
      plan_.originals.push_back("");
      texts_.push_back("");
    }
    plan_.created_in.assign(plan_.brokers.size(), 0);
  }

  // --- the legs ----------------------------------------------------------------------------

  std::vector<std::unique_ptr<checks::PropsFile>> props(std::size_t count) const {
    std::vector<std::unique_ptr<checks::PropsFile>> out;
    for (std::size_t i = 0; i < count; ++i) {
      auto f = checks::load_props(plan_.brokers[i], texts_[i]);
      f->role = checks::Role::kBroker;
      f->role_reason = "plan";
      out.push_back(std::move(f));
    }
    return out;
  }

  // Appends the phases of an ordinary plan as leg `leg`, files indexed as in plan_.brokers.
  void append(const Plan& sub, std::size_t leg) {
    for (Phase ph : sub.phases) {
      ph.number = static_cast<int>(plan_.phases.size()) + 1;
      ph.leg = leg;
      for (std::size_t i = ph.files_after.size(); i < texts_.size(); ++i)
        ph.files_after.push_back(texts_[i]);
      for (std::size_t i = 0; i < sub.brokers.size(); ++i) texts_[i] = ph.files_after[i];
      plan_.phases.push_back(std::move(ph));
    }
  }

  // One ordinary plan from `a` to `b` on the first `count` files; false on a broken pack.
  bool ordinary_leg(const Release& a, const Release& b, const std::string& a_text,
                    std::size_t count, Leg leg, core::Error* err) {
    auto k = load_plan_knowledge(store_, a, b).take(err);
    if (!k) return false;
    const auto files = props(count);
    std::vector<const checks::PropsFile*> ptrs;
    for (const auto& f : files) ptrs.push_back(f.get());
    const Plan sub = make_plan(a, b, a_text, b.name, ptrs, *k, options_);
    merge_findings(sub);
    if (sub.refused) {
      plan_.refused = true;
      plan_.path = sub.path;
      return true;
    }
    plan_.legs.push_back(std::move(leg));
    append(sub, plan_.legs.size() - 1);
    return true;
  }

  // ZooKeeper hops from --from to the bridge, each where the notes require one.
  bool zookeeper_legs(core::Error* err) {
    if (stage_ == Stage::kKraftBrokers) return true;
    const Release* at = &from_;
    std::string at_text = from_text_;
    while (at->version < bridge_->version && !plan_.refused) {
      const Release* next = bridge_;
      for (const knowledge::PathConstraint* c :
           versions_->constraints_for(*at, *bridge_, knowledge::ClusterMode::kZooKeeper))
        if (c->kind == knowledge::ConstraintKind::kIntermediateHop && c->via_max &&
            at->version < *c->via_max)
          if (const Release* via = versions_->find_line(c->via_max->line())) next = via;
      Leg leg;
      leg.kind = "zookeeper-upgrade";
      leg.from = at_text;
      leg.to = next->name;
      leg.title = "upgrade the ZooKeeper cluster from " + at_text + " to " + next->name;
      leg.running = {"brokers: " + at_text + " -> " + next->name + " (ZooKeeper mode)"};
      if (!ordinary_leg(*at, *next, at_text, given_, std::move(leg), err)) return false;
      at = next;
      at_text = next->name;
    }
    if (plan_.refused) return true;
    // The migration starts only once every broker pins the bridge's protocol.
    for (std::size_t i = 0; i < given_; ++i) {
      auto parsed = properties::parse(texts_[i], plan_.brokers[i]);
      const BrokerView b = view_of(parsed.doc);
      if (b.ibp.empty() || b.kraft) continue;  // the default of the bridge release
      core::Error e;
      const auto pv = versions_->resolve_protocol(b.ibp, &e);
      const auto top = versions_->resolve_protocol(bridge_->name, &e);
      if (pv && top && pv->index < top->index) {
        if (stage_ != Stage::kStart) {
          refuse(RuleId::KL826,
                 "inter.broker.protocol.version " + b.ibp + " is below " + bridge_->name +
                     ", the release these files run in the middle of a migration: the binaries "
                     "were upgraded during the migration; go back to the release the migration "
                     "started on and finish it there",
                 ops_source(*bridge_) +
                     " ('Limitations': no protocol or metadata.version change during the "
                     "migration); Confluent Platform migration docs",
                 plan_.brokers[i], kIbpKey);
          continue;
        }
        refuse(RuleId::KL825,
               "inter.broker.protocol.version " + b.ibp + " is below the bridge release " +
                   bridge_->name +
                   ": finish the upgrade (raise it and roll) before the migration starts",
               ops_source(*bridge_) + " ('Preparing for migration')", plan_.brokers[i], kIbpKey);
        plan_.path = {"raise inter.broker.protocol.version to " + bridge_->name +
                          " on every broker and roll them one at a time (the end of the "
                          "earlier upgrade)",
                      "kafkalint plan --from " + bridge_->name + " --to " + to_text_ +
                          " --controllers ... (the migration)"};
      }
    }
    return true;
  }

  bool kraft_leg(core::Error* err) {
    Leg leg;
    leg.kind = "kraft-upgrade";
    leg.from = bridge_->name;
    leg.to = to_text_;
    leg.title = "upgrade the KRaft cluster from " + bridge_->name + " to " + to_text_;
    leg.running = {"controllers and brokers: " + bridge_->name + " -> " + to_text_ +
                   " (KRaft mode)"};
    auto k = load_plan_knowledge(store_, *bridge_, to_).take(err);
    if (!k) return false;
    const auto files = props(texts_.size());
    std::vector<const checks::PropsFile*> ptrs;
    for (const auto& f : files) ptrs.push_back(f.get());
    Plan sub = make_plan(*bridge_, to_, bridge_->name, to_text_, ptrs, *k, options_);
    merge_findings(sub);
    if (sub.refused) {
      plan_.refused = true;
      plan_.path = sub.path;
      return true;
    }
    plan_.legs.push_back(std::move(leg));
    if (versions_->reached(to_, knowledge::Milestone::kZooKeeperRemoved))
      readiness(plan_.legs.size() - 1);
    append(sub, plan_.legs.size() - 1);
    return true;
  }

  void readiness(std::size_t leg) {
    Phase p = readiness_phase(*versions_, *bridge_, to_);
    p.number = static_cast<int>(plan_.phases.size()) + 1;
    p.leg = leg;
    p.files_after = texts_;
    plan_.phases.push_back(std::move(p));
  }

  // --- the migration on the bridge -----------------------------------------------------------

  bool migrate(core::Error* err);

  const knowledge::Store& store_;
  const Release& from_;
  const Release& to_;
  std::string from_text_, to_text_;
  const PlanOptions& options_;
  const MigrationOptions& m_;
  Plan& plan_;
  const knowledge::VersionCatalog* versions_ = nullptr;
  const knowledge::RuleCatalog* rules_ = nullptr;
  const Release* bridge_ = nullptr;
  std::size_t given_ = 0;  // broker files (ZooKeeper or KRaft); controller files follow them
  Stage stage_ = Stage::kStart;
  // A migration under way: what its controller files say.
  std::vector<ControllerNode> controllers_;
  Quorum quorum_ = Quorum::kStatic;
  std::string quorum_value_, cname_, cprotocol_;
  std::vector<std::string> texts_;  // every file as it is at the current point of the plan
  std::vector<const checks::PropsFile*> files_;  // the files as given, brokers first
  std::set<std::string> seen_findings_;
};

// Recognises the step a migration has reached from the files: controller files (process.roles=
// controller) with the flag, and brokers without it, all with it, or all in KRaft mode. Files
// that mix steps are reported (KL821): the docs' way back assumes every step was completed.
bool Road::classify() {
  const std::size_t total = plan_.brokers.size();
  std::vector<std::string> zk, flagged, kraft, ctl_noflag;
  for (std::size_t i = 0; i < total; ++i) {
    const BrokerView b = view_of(properties::parse(texts_[i], plan_.brokers[i]).doc);
    if (i >= given_) {
      if (!b.migration_flag) ctl_noflag.push_back(plan_.brokers[i]);
      continue;
    }
    if (b.broker_role && b.controller_role) continue;  // combined: validate() refuses it
    (b.kraft ? kraft : b.migration_flag ? flagged : zk).push_back(plan_.brokers[i]);
  }
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size() && i < 3; ++i) s += (i ? ", " : "") + v[i];
    if (v.size() > 3) s += " and " + std::to_string(v.size() - 3) + " more";
    return s;
  };
  const std::string ops = ops_source(last_bridge());
  if (total == given_) {
    if (flagged.empty() && kraft.empty()) return true;
    return refuse(RuleId::KL821,
                  "the brokers are part way through a migration (" +
                      list(flagged.empty() ? kraft : flagged) +
                      "): give the controller files too (process.roles=controller), since the "
                      "remaining phases edit them",
                  ops);
  }
  if (given_ == 0)
    return refuse(RuleId::KL821, "only controller files were given: give the broker files too",
                  ops);
  if (!ctl_noflag.empty() && zk.empty() && flagged.empty())
    return refuse(RuleId::KL821,
                  "the migration is finalized already (every broker in KRaft mode, the "
                  "controllers without the flag): plan the KRaft upgrade without --controllers",
                  ops);
  if (!ctl_noflag.empty())
    return refuse(RuleId::KL821,
                  "controller files without zookeeper.metadata.migration.enable (" +
                      list(ctl_noflag) +
                      ") next to brokers that are not all in KRaft mode: a migration's "
                      "controllers keep the flag until every broker runs in KRaft mode",
                  ops);
  const int kinds = (zk.empty() ? 0 : 1) + (flagged.empty() ? 0 : 1) + (kraft.empty() ? 0 : 1);
  if (kinds > 1) {
    std::string what;
    if (kraft.empty())
      what = "the roll into migration mode is half done: " + list(flagged) + " have the flag, " +
             list(zk) + " not; finish that roll (or revert it)";
    else if (zk.empty())
      what = "the roll to KRaft mode is half done: " + list(kraft) + " run in KRaft mode, " +
             list(flagged) +
             " are still ZooKeeper brokers in migration mode; finish that roll "
             "(or revert it)";
    else
      what = "the brokers are at different steps of the migration: " + list(zk) +
             " without the flag, " + list(kraft) + " in KRaft mode";
    // The way forward: finish the half-done roll the way its finished brokers show, then the
    // same command again, which resumes from the step every broker has then reached.
    std::string files;
    for (std::size_t i = 0; i < total; ++i) files += " " + plan_.brokers[i];
    const std::string model = !flagged.empty() ? flagged.front() : "";
    if (!zk.empty())
      plan_.path.push_back(
          "roll " + list(zk) + " into migration mode, one broker at a time: give each the keys " +
          (model.empty() ? "the migration guide lists" : model + " has") +
          " (zookeeper.metadata.migration.enable=true, controller.quorum.voters or "
          "controller.quorum.bootstrap.servers, controller.listener.names and its "
          "listener.security.protocol.map entry) and restart it");
    if (!kraft.empty()) {
      std::vector<std::string> left = flagged;
      left.insert(left.end(), zk.begin(), zk.end());
      plan_.path.push_back("restart " + list(left) +
                           " as KRaft brokers, one at a time, configured as " + kraft.front() +
                           " is (process.roles=broker, node.id, no zookeeper.connect and no "
                           "migration flag)");
    }
    plan_.path.push_back(
        "plan again with the same files; the plan resumes from the step every "
        "broker has reached: kafkalint plan --from " +
        from_text_ + " --to " + to_text_ + files);
    return refuse(RuleId::KL821, what,
                  ops + (kraft.empty() || !zk.empty() ? ""
                                                      : "; KAFKA-20960 (finalizing while brokers "
                                                        "are still registered through ZooKeeper)"));
  }
  stage_ = !zk.empty()        ? Stage::kProvisioned
           : !flagged.empty() ? Stage::kMigrationMode
                              : Stage::kKraftBrokers;
  // The controllers as their files describe them.
  for (std::size_t i = given_; i < total; ++i) {
    const auto parsed = properties::parse(texts_[i], plan_.brokers[i]);
    const BrokerView v = view_of(parsed.doc);
    const properties::Entry* names = parsed.doc.find("controller.listener.names");
    std::string cname = names ? std::string(parsed.doc.value(*names)) : "CONTROLLER";
    if (auto c = cname.find(','); c != std::string::npos) cname = cname.substr(0, c);
    cname = core::ascii_upper(cname);
    ControllerNode node;
    if (v.node_id.empty() || v.node_id.find_first_not_of("0123456789") != std::string::npos ||
        v.node_id.size() > 9)
      return refuse(RuleId::KL821, "a controller file without a numeric node.id", ops,
                    plan_.brokers[i], "node.id");
    node.id = std::stoi(v.node_id);
    for (const migration::Listener& l : v.listeners)
      if (l.name == cname) {
        node.host = l.host;
        node.port = l.port;
      }
    controllers_.push_back(node);
    if (i == given_) {
      cname_ = cname;
      const auto p = v.protocols.find(cname);
      cprotocol_ = p != v.protocols.end() ? p->second : "PLAINTEXT";
      const properties::Entry* voters = parsed.doc.find("controller.quorum.voters");
      const properties::Entry* boot = parsed.doc.find("controller.quorum.bootstrap.servers");
      quorum_ = voters ? Quorum::kStatic : Quorum::kDynamic;
      if (voters || boot) quorum_value_ = std::string(parsed.doc.value(voters ? *voters : *boot));
    }
  }
  if (!m_.controllers.empty()) {
    std::set<int> a, b;
    for (const ControllerNode& c : m_.controllers) a.insert(c.id);
    for (const ControllerNode& c : controllers_) b.insert(c.id);
    if (a != b)
      return refuse(RuleId::KL821,
                    "--controllers names other ids than the controller files given; leave it "
                    "out when resuming",
                    ops);
  }
  return true;
}

bool Road::migrate(core::Error* err) {
  auto k = load_plan_knowledge(store_, *bridge_, *bridge_).take(err);
  if (!k) return false;
  MigrationInput in;
  in.bridge = bridge_;
  in.versions = versions_;
  in.rules = rules_;
  in.cli = k->to_cli;
  in.quorum = stage_ == Stage::kStart ? m_.quorum : quorum_;
  in.controllers = controllers();
  in.stage = stage_;
  in.listener_name = cname_;
  in.controller_protocol = cprotocol_;
  in.quorum_value = quorum_value_;
  in.given = given_;
  in.paths = plan_.brokers;
  in.texts = texts_;
  in.first_phase = static_cast<int>(plan_.phases.size()) + 1;
  MigrationOutput out = build_migration(in);
  for (core::Finding& f : out.findings) plan_.findings.push_back(std::move(f));
  Leg leg;
  leg.kind = "migration";
  leg.from = bridge_->name + " (ZooKeeper)";
  leg.to = bridge_->name + " (KRaft)";
  leg.title = "migrate from ZooKeeper to KRaft on " + bridge_->name;
  leg.running = {"brokers: " + bridge_->name + " (ZooKeeper mode, then KRaft mode)",
                 "new controllers: " + bridge_->name + " (KRaft mode)",
                 "ZooKeeper ensemble: kept until the migration is finalized"};
  plan_.legs.push_back(std::move(leg));
  for (Phase& ph : out.phases) {
    ph.leg = plan_.legs.size() - 1;
    plan_.phases.push_back(std::move(ph));
  }
  for (std::size_t i = 0; i < out.created_in.size(); ++i)
    if (out.created_in[i]) plan_.created_in[i] = out.created_in[i];
  texts_ = out.texts;
  return true;
}

}  // namespace

core::Result<std::vector<ControllerNode>> parse_controllers(std::string_view text) {
  return core::capture<std::vector<ControllerNode>>(
      [&](core::Error* err) -> std::optional<std::vector<ControllerNode>> {
        std::vector<ControllerNode> out;
        std::set<int> ids;
        std::size_t i = 0;
        while (i <= text.size()) {
          std::size_t c = text.find(',', i);
          if (c == std::string_view::npos) c = text.size();
          const std::string item(text.substr(i, c - i));
          i = c + 1;
          if (item.empty()) {
            if (c >= text.size()) break;
            continue;
          }
          const auto at = item.find('@');
          const auto colon = item.rfind(':');
          ControllerNode n;
          bool ok = at != std::string::npos && colon != std::string::npos && colon > at + 1 &&
                    colon + 1 < item.size() && at > 0;
          if (ok) {
            const std::string id = item.substr(0, at);
            ok = id.find_first_not_of("0123456789") == std::string::npos && id.size() < 10;
            if (ok) n.id = std::stoi(id);
            n.host = item.substr(at + 1, colon - at - 1);
            n.port = item.substr(colon + 1);
            ok = ok && n.port.find_first_not_of("0123456789") == std::string::npos &&
                 n.host.find_first_of("@/ ") == std::string::npos;
          }
          if (!ok) {
            err->message =
                "--controllers: '" + item + "' is not ID@HOST:PORT (e.g. 3000@ctl-1:9093)";
            return std::nullopt;
          }
          if (!ids.insert(n.id).second) {
            err->message =
                "--controllers: controller id " + std::to_string(n.id) + " is given twice";
            return std::nullopt;
          }
          out.push_back(std::move(n));
          if (c >= text.size()) break;
        }
        if (out.empty()) {
          err->message = "--controllers: no controller given (ID@HOST:PORT,...)";
          return std::nullopt;
        }
        return out;
      });
}

bool is_migration(const knowledge::Release& to, const std::vector<const checks::PropsFile*>& files,
                  const MigrationOptions& m) {
  if (!m.controllers.empty()) return true;
  std::size_t kraft = 0;
  bool flag = false;
  for (const checks::PropsFile* f : files) {
    kraft += f->kraft ? 1 : 0;
    if (const properties::Entry* e = f->doc().find("zookeeper.metadata.migration.enable"))
      flag = flag || f->doc().value(*e) == "true";
  }
  if (flag) return true;  // a migration under way (controllers keep the flag until finalized)
  if (kraft == files.size()) return false;
  return kraft != 0 || to.zookeeper == knowledge::ZooKeeperSupport::kRemoved;
}

core::Result<Plan> make_migration_plan(const knowledge::Store& store,
                                       const knowledge::Release& from, const knowledge::Release& to,
                                       const std::string& from_text, const std::string& to_text,
                                       const std::vector<const checks::PropsFile*>& files,
                                       const PlanOptions& options, const MigrationOptions& m) {
  return core::capture<Plan>([&](core::Error* err) -> std::optional<Plan> {
    Plan plan;
    Road road(store, from, to, from_text, to_text, files, options, m, &plan);
    if (!road.run(err)) return std::nullopt;
    return plan;
  });
}

}  // namespace kafkalint::plan
