// The upgrade planner. Facts per era come from versions.toml (protocol versions, record
// formats, startup checks, metadata.version levels, path constraints); the procedure follows
// the upgrade notes (UP-39 sections per target release, UP-4x for 4.x).

#include "plan/plan.h"

#include <algorithm>
#include <map>
#include <set>

#include "checks/cluster_checks.h"
#include "checks/context.h"
#include "checks/default_changes.h"
#include "checks/props_file.h"
#include "checks/template.h"
#include "core/strings.h"
#include "plan/notes_sources.h"
#include "plan/pins_above.h"
#include "plan/template_replay.h"
#include "properties/edit.h"
#include "properties/endpoint.h"

namespace kafkalint::plan {

const char* to_string(Restart r) { return r == Restart::kNone ? "none" : "rolling"; }

const char* to_string(EditAction a) {
  switch (a) {
    case EditAction::kSet:
      return "set";
    case EditAction::kUnset:
      return "unset";
    case EditAction::kComment:
      return "comment";
  }
  return "set";
}

const char* to_string(NodeGroup g) {
  switch (g) {
    case NodeGroup::kAll:
      return "all";
    case NodeGroup::kBrokers:
      return "brokers";
    case NodeGroup::kControllers:
      return "controllers";
  }
  return "all";
}

namespace {

constexpr const char* kIbp = "inter.broker.protocol.version";
constexpr const char* kLmfv = "log.message.format.version";
// The plan edits broker and controller files: the curated facts of broker keys apply.
constexpr knowledge::ScopeSet kBrokerScope = knowledge::ScopeSet::of(knowledge::Scope::kBroker);

using knowledge::Milestone;
using knowledge::ProtocolVersion;
using knowledge::Release;

using core::split_list;

// The section of the upgrade notes for a target release (notes_sources.cpp).
std::string notes_anchor(const Release& to) { return upgrade_notes_source(to); }

// One broker file while the plan edits it.
struct Working {
  const checks::PropsFile* file = nullptr;
  properties::Document doc;
  bool controller = false;  // KRaft controller or combined node
  std::string address;      // host:port of its client listener
  bool plaintext = true;
  std::string zookeeper;       // zookeeper.connect
  TemplatePair tpl;            // templated files: the template and the masked view `doc` edits
  std::string real_broker_id;  // templated files: broker.id as the template writes it
};

// Where a template renders to, by the usual convention: its name without the template
// extension (server.properties.j2 -> server.properties).
std::string rendered_path(const std::string& path) {
  for (std::string_view ext : {".j2", ".jinja2", ".jinja", ".erb", ".tpl", ".tmpl", ".template"})
    if (path.size() > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0)
      return path.substr(0, path.size() - ext.size());
  return path;
}

// host:port of the first listener a client can use, and whether it is PLAINTEXT.
// A templated file's masked view hides its host names behind underscores: the commands use
// the template's own text for them ("{{ inventory_hostname }}:9093"), never the mask.
void find_address(Working& w) {
  properties::Endpoint e = properties::client_endpoint(w.doc);
  if (w.file->templated()) {
    std::string text;
    for (const properties::Entry& en : w.doc.entries()) {
      std::string raw = w.file->original.substr(en.value.begin, en.value.end - en.value.begin);
      raw.erase(
          std::remove_if(raw.begin(), raw.end(), [](char c) { return c == '\n' || c == '\r'; }),
          raw.end());
      text += std::string(w.doc.key(en)) + "=" + raw + "\n";
    }
    const properties::ParseResult real = properties::parse(text, w.file->path);
    e = properties::client_endpoint(real.doc);
    // A listener list built by a loop ends its first item in control code
    // ("{% if not loop.last %},{% endif %}"): that is no part of the address.
    for (std::string_view code : {"{%", "{#", "<% ", "<%-", "<%#"})
      if (const auto cut = e.address.find(code); cut != std::string::npos) e.address.resize(cut);
    e.address = core::trim_blanks(e.address);
    if (auto zk = real.doc.find("zookeeper.connect"))
      w.zookeeper = core::trim_blanks(real.doc.value(*zk));
    if (auto id = real.doc.find("broker.id"))
      w.real_broker_id = core::trim_blanks(real.doc.value(*id));
  }
  w.address = e.address;
  w.plaintext = e.plaintext();
}

class Planner {
 public:
  Planner(const Release& from, const Release& to,
          const std::vector<const checks::PropsFile*>& files, const PlanKnowledge& k,
          const PlanOptions& o, Plan* plan)
      : from_(from), to_(to), k_(k), o_(o), plan_(*plan) {
    for (const checks::PropsFile* f : files) {
      Working w;
      w.file = f;
      w.doc = f->doc();
      if (auto roles = value_of(w.doc, "process.roles"))
        for (const std::string& r : split_list(*roles))
          if (r == "controller") w.controller = true;
      w.zookeeper = value_of(w.doc, "zookeeper.connect").value_or("");
      find_address(w);
      if (f->templated()) w.tpl = {f->original, f->mask.text};
      work_.push_back(std::move(w));
      plan_.brokers.push_back(f->path);
      plan_.originals.push_back(f->original);
    }
  }

  void run() {
    check_files();
    if (check_mode() && check_request() && check_path() && check_pins_above_from() &&
        check_pins_in_every_branch()) {
      if (plan_.mode == "kraft")
        plan_kraft();
      else
        plan_zookeeper();
      add_preflight();
      report_by_hand();
      check_phase_files();
    }
    std::stable_sort(plan_.findings.begin(), plan_.findings.end(), core::finding_less);
  }

 private:
  // --- pre-flight gates -----------------------------------------------------------------

  // "host port" of the first ZooKeeper server of a zookeeper.connect value (chroot dropped),
  // as nc takes them.
  static std::string first_zookeeper(const std::string& connect) {
    std::string first = connect.substr(0, connect.find(','));
    if (const auto slash = first.find('/'); slash != std::string::npos) first.resize(slash);
    const auto colon = first.rfind(':');
    if (colon == std::string::npos) return first + " 2181";
    return first.substr(0, colon) + " " + first.substr(colon + 1);
  }

  // What must hold before the first node starts on the new binaries, each checked with the
  // tools of the release still running. 4.x targets get theirs from the readiness phase.
  std::vector<Gate> preflight_gates() const {
    std::vector<Gate> gates;
    const bool v4 = reached(to_, Milestone::kZooKeeperRemoved);
    // The oldest Java each release's brokers start on is in versions.toml (java_min).
    if (const int jt = to_.java_min; !v4 && jt > from_.java_min)
      gates.push_back({"every broker host runs Java " + std::to_string(jt) + " or newer: Kafka " +
                           to_.name + " does not start on an older one (upgrade notes " + to_.name +
                           ")",
                       "java -version"});
    if (plan_.mode == "zookeeper") {
      const Working& w = work_.front();
      if (!reached(from_, Milestone::kZooKeeperClient38) &&
          reached(to_, Milestone::kZooKeeperClient38) && !w.zookeeper.empty()) {
        // Which ZooKeeper each side ships is versions.toml's (the two milestones' zookeeper*).
        const knowledge::VersionCatalog& v = *k_.versions;
        gates.push_back({"the ZooKeeper ensemble runs ZooKeeper " +
                             v.milestone_zookeeper(Milestone::kZooKeeper35) +
                             " or later (the output's first line): the ZooKeeper " +
                             v.milestone_zookeeper(Milestone::kZooKeeperClient38) +
                             " client of Kafka " + to_.name + " cannot talk to " +
                             v.milestone_zookeeper_before(Milestone::kZooKeeper35) +
                             " servers, which Kafka releases before " +
                             milestone(Milestone::kZooKeeper35) +
                             " shipped (KIP-902, UP-39 #upgrade_360_notable)",
                         "echo srvr | nc " + first_zookeeper(w.zookeeper)});
      }
      if (to_.ibp_key && &from_ != &to_) {
        const knowledge::CliTool* t = k_.from_cli ? k_.from_cli->find("kafka-configs.sh") : nullptr;
        // A templated id is a placeholder: name it by the template's own text.
        std::string id =
            w.file->templated() ? w.real_broker_id : value_of(w.doc, "broker.id").value_or("");
        if (t && t->find_option("--all") && t->find_option("--bootstrap-server") && !id.empty()) {
          std::string cmd = "bin/kafka-configs.sh --bootstrap-server " + w.address;
          cmd += command_config(t, w);
          cmd += " --entity-type brokers --entity-name " + id + " --describe --all";
          gates.push_back(
              {"every running broker (--entity-name each broker.id) reports "
               "inter.broker.protocol.version " +
                   protocol_value(from_) +
                   " or lower: a higher value means a broker already runs newer binaries and "
                   "the plan must start from its release",
               cmd});
        }
      }
    } else {
      // The quorum must be whole and caught up before any controller restarts.
      const knowledge::CliTool* t =
          k_.from_cli ? k_.from_cli->find("kafka-metadata-quorum.sh") : nullptr;
      const Working* controller = nullptr;
      const Working* broker = nullptr;
      for (const Working& w : work_) {
        if (w.controller && !has_role(w, "broker") && !controller) controller = &w;
        if (!w.controller && !broker) broker = &w;
        if (w.controller && has_role(w, "broker") && !broker) broker = &w;
      }
      std::string cmd;
      const Working* via = nullptr;
      if (t && controller && t->find_option("--bootstrap-controller"))
        cmd = "bin/kafka-metadata-quorum.sh --bootstrap-controller " + (via = controller)->address;
      else if (t && broker && t->find_option("--bootstrap-server"))
        cmd = "bin/kafka-metadata-quorum.sh --bootstrap-server " + (via = broker)->address;
      if (via) {
        cmd += command_config(t, *via);
        gates.push_back(
            {"the quorum has a leader and every voter is caught up (MaxFollowerLag "
             "0) before the first node restarts",
             cmd + " describe --status"});
      }
    }
    return gates;
  }

  // Pre-flight gates go on the last phase before the first roll when it restarts nothing;
  // otherwise they get a phase of their own there.
  void add_preflight() {
    std::vector<Gate> gates = preflight_gates();
    std::size_t at = plan_.phases.size();
    for (std::size_t i = 0; i < plan_.phases.size(); ++i)
      if (plan_.phases[i].restart == Restart::kRolling) {
        at = i;
        break;
      }
    if (at == plan_.phases.size()) return;
    // The roll starts from a healthy cluster: when no earlier phase checked it (no pin phase:
    // the files were pinned already), the check with the running release's tools is a gate.
    if (plan_.mode == "zookeeper" && !work_.empty()) {
      bool checked = false;
      for (std::size_t i = 0; i < at; ++i)
        for (const std::string& c : plan_.phases[i].commands)
          checked = checked || c.find("--under-replicated-partitions") != std::string::npos;
      if (const std::string v = verify_command(k_.from_cli, work_.front()); !checked && !v.empty())
        gates.push_back(
            {"no partition is under-replicated (the command prints nothing): the roll "
             "starts from a healthy cluster",
             v});
    }
    if (gates.empty()) return;
    if (at > 0 && plan_.phases[at - 1].restart == Restart::kNone) {
      for (Gate& g : gates) plan_.phases[at - 1].gates.push_back(std::move(g));
      return;
    }
    Phase p;
    p.title = "check the cluster before the first node starts on Kafka " + to_.name;
    p.why.push_back(Reason{ReasonCode::kPreflightChecks}.with_from(from_.name));
    p.restart = Restart::kNone;
    p.nodes = NodeGroup::kAll;
    p.gates = std::move(gates);
    p.running = {from_.name};
    p.files_after = at > 0 ? plan_.phases[at - 1].files_after : plan_.originals;
    p.leg = plan_.phases[at].leg;
    plan_.phases.insert(plan_.phases.begin() + static_cast<long>(at), std::move(p));
    for (ByHand& b : by_hand_)
      if (b.phase >= at) ++b.phase;
    for (std::size_t i = 0; i < plan_.phases.size(); ++i)
      plan_.phases[i].number = static_cast<int>(i) + 1;
  }

  // --- findings ------------------------------------------------------------------------

  // The template lines a phase would rewrite through template code: the operator's edits.
  void report_by_hand() {
    for (const ByHand& b : by_hand_) {
      const TemplateEdit& e = b.edit;
      core::Finding& fd = finding(
          RuleId::KL811, core::Severity::kWarning,
          "phase " + std::to_string(plan_.phases[b.phase].number) + ": the line sets '" +
              std::string(e.masked_after.substr(0, e.masked_after.find('='))) +
              "' through template code, which kafkalint does not rewrite; make the template "
              "render '" +
              e.masked_after + "' here");
      fd.where.file = b.file;
      fd.where.line = e.line;
      fd.where.column = 1;
    }
  }

  core::Finding& finding(RuleId id, core::Severity severity, std::string message) {
    core::Finding f = knowledge::make_finding(k_.rules, id, std::move(message));
    if (!k_.rules) f.severity = severity;
    plan_.findings.push_back(std::move(f));
    return plan_.findings.back();
  }

  // The files as `check --to FROM` sees them: what breaks the upgrade before it starts.
  // check's findings on file `i` as `text` (a phase's version of it), read in the file's role.
  std::vector<core::Finding> check_text(std::size_t i, const std::string& text,
                                        const checks::CheckKnowledge& ck) const {
    auto f = checks::load_props(work_[i].file->path, text);
    f->role = work_[i].file->role;
    std::vector<core::Finding> raw;
    checks::check_properties(*f, ck, &raw);
    return raw;
  }

  // What `check` knows when it judges files for release `r` with its reference `configs`.
  checks::CheckKnowledge knowledge_for(const Release* r,
                                       const knowledge::ConfigCatalog* configs) const {
    checks::CheckKnowledge ck;
    ck.versions = k_.versions;
    ck.rules = k_.rules;
    ck.keys = k_.keys;
    ck.safety = k_.safety;
    ck.to = r;
    ck.configs = configs;
    ck.reference = r;
    return ck;
  }

  void check_files() {
    if (!k_.from_configs) return;  // no reference before 0.9
    const checks::CheckKnowledge ck = knowledge_for(&from_, k_.from_configs);
    std::vector<core::Finding> raw;
    std::vector<checks::BrokerFacts> facts;
    for (const Working& w : work_) {
      checks::check_properties(*w.file, ck, &raw);
      facts.push_back(checks::broker_facts(*w.file));
    }
    std::vector<const checks::BrokerFacts*> ptrs;
    for (const auto& f : facts) ptrs.push_back(&f);
    checks::check_cluster(ptrs, ck, &raw);
    std::set<std::string> controller_only;
    for (const Working& w : work_)
      if (value_of(w.doc, "process.roles").value_or("") == "controller")
        controller_only.insert(w.file->path);
    for (core::Finding& f : raw) {
      if (f.severity == core::Severity::kInfo) continue;
      // The KL4xx safety rules are about topics and producers: a controller-only node hosts none.
      if (controller_only.count(f.where.file) && f.code.rfind("KL4", 0) == 0) continue;
      plan_.findings.push_back(std::move(f));
    }
  }

  // The files after each phase as `check` sees them for every release that reads them then:
  // the target where its brokers may read the phase's files, the running release where the
  // edits land before the roll. An error would stop a broker of that release from starting (or
  // change what it does), and nothing later in the plan fixes a phase that already runs it, so
  // the plan is refused. Findings the files already had for --from are reported once, above,
  // and still refuse: nothing in the plan fixed them. For the target, defaults that change
  // under the files (KL301: the TLS host check of 2.0, ...) are the plan's warnings too.
  void check_phase_files() {
    if (plan_.refused) return;
    std::set<std::string> seen;
    for (const core::Finding& f : plan_.findings) seen.insert(f.code + "\n" + f.where.file);
    for (const Release* r : {&from_, &to_}) {
      const knowledge::ConfigCatalog* configs = r == &to_ ? k_.to_configs : k_.from_configs;
      if (!configs || (r == &from_ && &from_ == &to_)) continue;
      const checks::CheckKnowledge ck = knowledge_for(r, configs);
      // A phase that leaves a file as the last one checked for this release (a roll edits
      // nothing) would give the same findings, which `seen` drops: checked once.
      std::vector<const std::string*> checked(work_.size(), nullptr);
      for (const Phase& p : plan_.phases) {
        if (std::find(p.running.begin(), p.running.end(), r->name) == p.running.end()) continue;
        for (std::size_t i = 0; i < p.files_after.size() && i < work_.size(); ++i) {
          if (checked[i] && *checked[i] == p.files_after[i]) continue;
          checked[i] = &p.files_after[i];
          for (core::Finding& fd : check_text(i, p.files_after[i], ck)) {
            if (fd.severity != core::Severity::kError) continue;
            plan_.refused = true;  // reported above for --from already, or added here
            if (!seen.insert(fd.code + "\n" + fd.where.file).second) continue;
            fd.message = "after phase " + std::to_string(p.number) + ", for Kafka " + r->name +
                         ": " + fd.message;
            plan_.findings.push_back(std::move(fd));
          }
        }
      }
    }
    default_changes_under_final_files(seen);
    if (plan_.refused && plan_.path.empty())
      plan_.path = {"fix the errors above in the files (check them with: kafkalint check --to " +
                    to_.name + " FILES), then plan again"};
  }

  // KL301 as `check --from FROM --to TO` reports it, on the files the target runs with in the
  // end: a default that changes between the releases under a key the files leave unset.
  void default_changes_under_final_files(std::set<std::string>& seen) {
    if (plan_.phases.empty() || !k_.from_configs || !k_.to_configs || &from_ == &to_) return;
    checks::CheckKnowledge ck = knowledge_for(&to_, k_.to_configs);
    ck.from = &from_;
    ck.from_configs = k_.from_configs;
    const Phase& last = plan_.phases.back();
    for (std::size_t i = 0; i < last.files_after.size() && i < work_.size(); ++i) {
      for (core::Finding& fd : check_text(i, last.files_after[i], ck)) {
        // Warnings only: the info-level changes are for check, not a plan to act on.
        if (!fd.is(RuleId::KL301) || fd.severity != core::Severity::kWarning ||
            !seen.insert(fd.code + "\n" + fd.where.file + fd.message).second)
          continue;
        fd.message = "for Kafka " + to_.name + ": " + fd.message;
        plan_.findings.push_back(std::move(fd));
      }
    }
  }

  bool refuse(RuleId id, std::string message, const std::string& source) {
    core::Finding& f = finding(id, core::Severity::kError, std::move(message));
    if (!source.empty()) f.notes.push_back("source: " + source);
    plan_.refused = true;
    return false;
  }

  bool check_mode() {
    std::size_t kraft = 0;
    for (const Working& w : work_) kraft += w.file->kraft ? 1 : 0;
    if (kraft != 0 && kraft != work_.size())
      return refuse(RuleId::KL801,
                    "the files mix ZooKeeper-mode brokers and KRaft nodes (process.roles), as in a "
                    "ZooKeeper to KRaft migration; plan upgrades a cluster that runs in one mode",
                    "");
    plan_.mode = kraft ? "kraft" : "zookeeper";
    if (kraft && from_.kraft == knowledge::KraftSupport::kNone)
      return refuse(RuleId::KL801,
                    "the files are KRaft configs (process.roles) but Kafka " + from_.name +
                        " has no KRaft mode",
                    "");
    return true;
  }

  // Same release, or an older patch of the same line: not an upgrade, and the plan says so
  // (KL809). A same-release request is refused (there is nothing to roll); a patch downgrade
  // keeps every pin, since pins name the line, so it stays a plain binary swap.
  bool check_request() {
    if (!to_.released)
      finding(RuleId::KL810, core::Severity::kWarning,
              "Kafka " + to_.name +
                  " is not released yet (in development): its configuration keys, tools and "
                  "metadata versions may still change before the release; plan only test "
                  "clusters onto it");
    if (from_.name != to_.name) return true;
    const auto fv = core::Version::parse(plan_.from);
    const auto tv = core::Version::parse(plan_.to);
    if (!fv || !tv) return true;
    if (fv->parts.size() != tv->parts.size()) return true;
    if (*fv == *tv) {
      finding(RuleId::KL809, core::Severity::kWarning,
              "--from " + plan_.from + " and --to " + plan_.to +
                  " name the same release: there is nothing to upgrade");
      plan_.refused = true;
      plan_.path = {"to move to a newer patch release of " + to_.name +
                    ", name it: kafkalint plan --from " + plan_.from + " --to " + to_.name +
                    ".<patch> ..."};
      return false;
    }
    if (*tv < *fv)
      finding(RuleId::KL809, core::Severity::kWarning,
              "--to " + plan_.to + " is an older patch release than --from " + plan_.from +
                  ": a patch downgrade within " + to_.name +
                  ", not an upgrade; the protocol and format pins name the line and stay as "
                  "they are, so the phases below only swap the binaries back");
    return true;
  }

  // A pin above --from is a protocol downgrade if planned from --from (plan/pins_above.h).
  bool check_pins_above_from() {
    if (plan_.mode != "zookeeper") return true;
    std::vector<const checks::PropsFile*> files;
    for (const Working& w : work_) files.push_back(w.file);
    const PinAboveFrom pin = find_pin_above_from(*k_.versions, from_, files);
    if (!pin.pinned) return true;
    PinRefusal r = pin_above_refusal(pin, from_, to_);
    refuse(RuleId::KL807, std::move(r.message), r.source);
    plan_.path = std::move(r.path);
    return false;
  }

  // The pins of the roll must reach every broker a template renders: a pin written only in some
  // branches of an if-block leaves the other hosts unpinned when their binaries change.
  bool check_pins_in_every_branch() {
    if (plan_.mode != "zookeeper" || !to_.ibp_key || &from_ == &to_) return true;
    std::vector<const char*> keys = {kIbp};
    if (lmfv_needed()) keys.push_back(kLmfv);
    bool ok = true;
    for (const Working& w : work_) {
      if (!w.file->templated()) continue;
      for (const char* key : keys) {
        const std::vector<const properties::Entry*> entries = w.file->doc().find_all(key);
        if (entries.empty()) continue;  // no pin at all: the plan adds one outside any branch
        std::vector<std::size_t> offsets;
        for (const properties::Entry* e : entries) offsets.push_back(e->raw.begin);
        if (checks::renders_always(w.file->original, w.file->mask, offsets)) continue;
        ok = refuse(RuleId::KL812,
                    std::string("'") + key +
                        "' is written only inside some branches of this template's if-blocks: "
                        "a broker whose template renders another branch starts on the " +
                        to_.name + " binaries without the pin; write '" + key + "=" +
                        protocol_value(from_) +
                        "' in every branch, or once outside the if-blocks, and plan again",
                    notes_anchor(to_));
        core::Finding& f = plan_.findings.back();
        f.where.file = w.file->path;
        f.where.line = entries.front()->line;
        f.where.column = entries.front()->column;
        f.subject = key;
      }
    }
    if (!ok)
      plan_.path = {
          "write the pin in every branch of the template (or once outside its "
          "if-blocks), then the same command again: kafkalint plan --from " +
          plan_.from + " --to " + plan_.to + " ..."};
    return ok;
  }

  bool lmfv_needed() const {
    return to_.ibp_key && &from_ != &to_ && to_.lmfv_key &&
           (o_.pin_message_format || knowledge::message_format_pin_needed(from_, to_));
  }

  bool check_path() {
    const auto mode =
        plan_.mode == "kraft" ? knowledge::ClusterMode::kKraft : knowledge::ClusterMode::kZooKeeper;
    bool ok = true;
    auto constraints = k_.versions->constraints_for(from_, to_, mode);
    // The migration path says the most, so it is the one the plan suggests.
    std::stable_sort(constraints.begin(), constraints.end(), [](const auto* a, const auto* b) {
      return a->kind == knowledge::ConstraintKind::kRequiresMigration &&
             b->kind != knowledge::ConstraintKind::kRequiresMigration;
    });
    for (const knowledge::PathConstraint* c : constraints) {
      using K = knowledge::ConstraintKind;
      if (c->kind == K::kClientCompat) {
        finding(c->rule, core::Severity::kWarning, c->message)
            .notes.push_back("source: " + c->source);
        continue;
      }
      if (c->kind == K::kRequiresRelease) continue;  // migration-only facts
      ok = refuse(c->rule, c->message, c->source);
      if (!plan_.path.empty()) continue;
      if (c->kind == K::kRefused && !c->advice.empty()) {
        // What to do instead is versions.toml's (the constraint's advice).
        plan_.path = {"there is no in-place upgrade from " + from_.name + ": " + c->advice};
      } else if (c->kind == K::kRefused) {
        plan_.path = {"no upgrade path: set up a new Kafka " + to_.name +
                      " cluster and move the data and clients to it"};
      } else if (c->kind == K::kIntermediateHop && c->via_max) {
        const std::string via = c->via_max->str();
        plan_.path = {"kafkalint plan --from " + from_.name + " --to " + via + " ..."};
        if (c->milestone == Milestone::kZooKeeperClient38)
          plan_.path.push_back(
              "if the ZooKeeper ensemble runs the ZooKeeper of a Kafka release older than " +
              milestone(Milestone::kZooKeeper35) + ", move it to the one of a release in " +
              c->via_min->str() + " .. " + via + " first (KIP-902)");
        plan_.path.push_back("kafkalint plan --from " + via + " --to " + to_.name + " ...");
      } else if (c->kind == K::kRequiresMigration && c->via_max) {
        const std::string via = c->via_max->str();
        if (from_.version < *c->via_max)
          plan_.path.push_back("kafkalint plan --from " + from_.name + " --to " + via +
                               " ... (ZooKeeper mode)");
        plan_.path.push_back("migrate the cluster from ZooKeeper to KRaft on " + via +
                             " (operations guide, 'ZooKeeper to KRaft Migration')");
        plan_.path.push_back("kafkalint plan --from " + via + " --to " + to_.name +
                             " ... (KRaft mode)");
      } else if (c->kind == K::kDowngrade) {
        plan_.path = {"a downgrade is not an upgrade plan: follow the downgrade notes of Kafka " +
                      from_.name + ", possible only while the protocol has not been raised"};
      }
    }
    if (plan_.refused) return false;
    // A target patch release with a known upgrade problem (versions.toml [[known_issue]]).
    for (const knowledge::KnownIssue* issue : k_.versions->known_issues_for(plan_.to))
      finding(issue->rule, core::Severity::kWarning, "Kafka " + plan_.to + ": " + issue->message)
          .notes.push_back("source: " + issue->source);
    return ok;
  }

  // --- protocol values -------------------------------------------------------------------

  std::string protocol_value(const Release& r) const {
    if (o_.exact_protocol && !r.protocol_versions.empty()) return r.protocol_versions.back();
    return r.name;
  }

  std::optional<ProtocolVersion> resolve(std::string_view v) const {
    core::Error err;
    return k_.versions->resolve_protocol(v, &err);
  }

  // The index of the newest protocol version `r` accepts.
  std::size_t top_index(const Release& r) const {
    auto pv = resolve(r.protocol_versions.empty() ? r.name : r.protocol_versions.back());
    return pv ? pv->index : 0;
  }

  // --- edits and phases --------------------------------------------------------------------

  Phase& new_phase(std::string title, Restart restart, NodeGroup nodes) {
    Phase p;
    p.number = static_cast<int>(plan_.phases.size()) + 1;
    p.title = std::move(title);
    p.restart = restart;
    p.nodes = nodes;
    plan_.phases.push_back(std::move(p));
    return plan_.phases.back();
  }

  void edit(Phase& p, std::size_t i, EditAction a, const std::string& key,
            const std::string& value = "") {
    Working& w = work_[i];
    std::optional<core::Error> err;
    switch (a) {
      case EditAction::kSet:
        // In a template every entry may be the rendered one (each in its own branch).
        err = w.file->templated() ? properties::set_every(w.doc, key, value)
                                  : properties::set(w.doc, key, value);
        break;
      case EditAction::kUnset:
        err = properties::unset(w.doc, key);
        break;
      case EditAction::kComment:
        err = properties::comment(w.doc, key);
        break;
    }
    if (err) {
      finding(RuleId::KL901, core::Severity::kError,
              "cannot edit '" + key + "' in " + w.file->path + ": " + err->message);
      return;
    }
    p.edits.push_back({i, a, key, value});
  }

  void snapshot(Phase& p, std::vector<std::string> running) {
    p.running = std::move(running);
    for (Working& w : work_) {
      if (!w.file->templated()) {
        p.files_after.push_back(properties::write(w.doc));
        continue;
      }
      // The edits replayed on the template itself; those that would rewrite template code
      // are left to the operator, with the line the template must render.
      ReplayResult rr = replay_on_template(w.tpl, properties::write(w.doc));
      // Reported once the phases have their final numbers (a pre-flight phase may come first).
      for (TemplateEdit& e : rr.by_hand)
        by_hand_.push_back(
            {static_cast<std::size_t>(&p - plan_.phases.data()), w.file->path, std::move(e)});
      w.tpl = std::move(rr.after);
      p.files_after.push_back(w.tpl.real);
    }
  }

  // The order of a roll: controllers first (vendor guidance, see below), then brokers.
  std::vector<std::size_t> roll_order() const {
    std::vector<std::size_t> order;
    for (int pass = 0; pass < 2; ++pass)
      for (std::size_t i = 0; i < work_.size(); ++i)
        if (work_[i].controller == (pass == 0)) order.push_back(i);
    return order;
  }

  // The flag that gives a tool the client settings of a secured listener: the client.properties
  // the plan writes (plan/client_config.h). Empty for PLAINTEXT or a tool without the option.
  static std::string command_config(const knowledge::CliTool* t, const Working& w) {
    return !w.plaintext && t && t->find_option("--command-config")
               ? " --command-config client.properties"
               : "";
  }

  // The command that shows under-replicated partitions, with the flags of `cli`'s release.
  // How a tool reaches the cluster: the broker listener of `w` (with client.properties when it
  // is secured) when `broker_ok` and the tool can, else ZooKeeper; "" when neither works.
  static std::string connect_args(const knowledge::CliTool* t, const Working& w, bool broker_ok) {
    if (broker_ok && t->find_option("--bootstrap-server")) {
      return "--bootstrap-server " + w.address + command_config(t, w);
    }
    if (t->find_option("--zookeeper") && !w.zookeeper.empty()) return "--zookeeper " + w.zookeeper;
    return "";
  }

  // While brokers older than 0.10.0 still run (the middle of a roll from 0.8/0.9), the
  // AdminClient behind --bootstrap-server cannot talk to them: --zookeeper is used instead.
  std::string verify_command(const knowledge::CliCatalog* cli, const Working& w,
                             bool old_brokers_running = false) const {
    if (!cli) return "";
    const knowledge::CliTool* t = cli->find("kafka-topics.sh");
    if (!t || !t->find_option("--describe") || !t->find_option("--under-replicated-partitions"))
      return "";
    const std::string to = connect_args(t, w, !old_brokers_running);
    if (to.empty()) return "";
    return "bin/kafka-topics.sh " + to + " --describe --under-replicated-partitions";
  }

  // A controller is healthy again when it is back in the quorum and caught up.
  std::string quorum_command(const knowledge::CliCatalog* cli) const {
    if (!cli) return "";
    const knowledge::CliTool* t = cli->find("kafka-metadata-quorum.sh");
    if (!t) return "";
    // A broker (or combined node) answers on its broker listener; a cluster of controller-only
    // files is asked on the controller listener, which needs --bootstrap-controller (3.7+).
    const Working* broker = nullptr;
    const Working* combined = nullptr;
    for (const Working& w : work_) {
      if (!w.controller && !broker) broker = &w;
      if (w.controller && !combined && has_role(w, "broker")) combined = &w;
    }
    const Working* via = broker ? broker : combined;
    std::string cmd;
    if (via && t->find_option("--bootstrap-server"))
      cmd = "bin/kafka-metadata-quorum.sh --bootstrap-server " + via->address;
    else if (!via && !work_.empty() && t->find_option("--bootstrap-controller"))
      cmd =
          "bin/kafka-metadata-quorum.sh --bootstrap-controller " + (via = &work_.front())->address;
    else
      return "";
    return cmd + command_config(t, *via) + " describe --replication";
  }

  static bool has_role(const Working& w, std::string_view role) {
    for (const std::string& r : split_list(value_of(w.doc, "process.roles").value_or("")))
      if (r == role) return true;
    return false;
  }

  // Per-node steps of a rolling restart; `swap` adds the switch to the new binaries.
  void roll(Phase& p, bool swap, const Release& running, const knowledge::CliCatalog* cli) {
    for (std::size_t i : roll_order()) {
      const Working& w = work_[i];
      // A combined node is a controller that also hosts partitions.
      const bool combined = w.controller && has_role(w, "broker");
      NodeSteps s;
      s.file = i;
      s.address = w.address;
      s.running = running.name;
      s.actions.push_back(
          {"stop",
           std::string(!w.controller
                           ? "stop the broker (controlled shutdown moves its leaders away)"
                       : combined ? "stop the node (controlled shutdown moves its leaders away)"
                                  : "stop the node"),
           "bin/kafka-server-stop.sh"});
      const bool edited =
          std::any_of(p.edits.begin(), p.edits.end(), [&](const Edit& e) { return e.file == i; });
      if (swap)
        s.actions.push_back({"swap",
                             "switch its installation to the Kafka " + plan_.to + " binaries, " +
                                 (edited ? "with this phase's edit of its file"
                                         : "keeping this file as its config"),
                             ""});
      if (w.file->templated())
        // Kafka reads the rendered file, not the template.
        s.actions.push_back({"start",
                             "render this template as this phase shows it, then start the node "
                             "with the rendered file",
                             "bin/kafka-server-start.sh -daemon " + rendered_path(w.file->path)});
      else
        s.actions.push_back({"start", "start it with this file",
                             "bin/kafka-server-start.sh -daemon " + w.file->path});
      if (w.controller) {
        std::string q = quorum_command(cli);
        if (q.empty())
          s.actions.push_back(
              {"verify", "wait until the controller is back in the quorum and has caught up", ""});
        else
          s.actions.push_back({"verify",
                               combined
                                   ? "wait until its lag in the quorum is 0"
                                   : "wait until its lag in the quorum is 0 before the next node",
                               q});
      }
      if (combined) {
        // A combined node also hosts partitions: its replicas must catch up too, or the next
        // restart takes a second replica of them offline.
        s.actions.push_back({"verify",
                             "then until no partition is under-replicated (the command prints "
                             "nothing) before the next node",
                             verify_command(cli, w, false)});
      } else if (!w.controller) {
        // During the binary roll the brokers not yet restarted still run the old release.
        const bool old_running = swap && !reached(from_, Milestone::kApiVersions);
        std::string v = verify_command(cli, w, old_running);
        std::string text =
            "wait until no partition is under-replicated (the command prints nothing) before "
            "the next broker";
        // The new tools have no --zookeeper and cannot reach the old brokers: the old ones do.
        if (v.empty() && old_running)
          if (v = verify_command(k_.from_cli, w, true); !v.empty())
            text += " (with the " + from_.name + " tools, which the old brokers understand)";
        s.actions.push_back({"verify", text, v});
      }
      p.steps.push_back(std::move(s));
    }
  }

  // Keys the target no longer has: commented out before the roll so the new binaries never
  // see them (their values stay in the file for the operator to port).
  void remove_dropped_keys(Phase& p, const std::set<std::string>& managed) {
    if (!k_.to_configs) return;
    for (std::size_t i = 0; i < work_.size(); ++i) {
      std::set<std::string> seen;
      std::vector<std::string> keys;
      for (const properties::Entry& e : work_[i].doc.entries()) {
        std::string key(work_[i].doc.key(e));
        if (managed.count(key) || !seen.insert(key).second) continue;
        if (k_.to_configs->find(knowledge::Scope::kBroker, key)) continue;
        const knowledge::RemovedKey* removed =
            k_.to_configs->removed(knowledge::Scope::kBroker, key);
        const knowledge::KeyChange* change = k_.keys ? k_.keys->change(key, kBrokerScope) : nullptr;
        const bool removed_now =
            (removed && k_.from_configs && k_.from_configs->find(knowledge::Scope::kBroker, key)) ||
            (change && change->removed_in && from_.version < *change->removed_in &&
             *change->removed_in <= to_.version);
        if (!removed_now) continue;
        keys.push_back(key);
        DroppedKey d{key, change ? change->replacement : "",
                     change ? change->replacement_note : ""};
        if (std::find(dropped_.begin(), dropped_.end(), d) == dropped_.end())
          dropped_.push_back(std::move(d));
      }
      replace_address_keys(p, i, keys);
      replace_renamed_keys(p, i, keys);
      for (const std::string& key : keys) edit(p, i, EditAction::kComment, key);
      keep_jmx_reporter(p, i);
    }
    replace_static_quotas(p);
  }

  // A file that lists other reporters keeps its JMX metrics across the release that stops
  // adding JmxReporter on its own by naming it (checks/default_changes.h); the running release
  // accepts that too and does not add it twice.
  void keep_jmx_reporter(Phase& p, std::size_t i) {
    Working& w = work_[i];
    // A templated value is not known until the template renders: neither check nor plan judges
    // it.
    if (!k_.keys || w.file->templated()) return;
    const bool from_reads = k_.from_configs && k_.from_configs->find(knowledge::Scope::kBroker,
                                                                     "auto.include.jmx.reporter");
    // The file as given: the working copy may have the removed key commented out already.
    const auto keep =
        checks::jmx_reporters_to_keep(w.file->doc(), *k_.keys, from_, to_, from_reads);
    if (!keep) return;
    edit(p, i, EditAction::kSet, "metric.reporters", keep->reporters);
    replaced({KeyReplacement::Kind::kJmxReporter, "", {}, keep->reporters, w.file->path});
  }

  // Values the target no longer accepts whose replacement does the same job (keys.toml
  // [[legacy_value]] without `review`: SimpleAclAuthorizer -> AclAuthorizer, which reads the
  // same ACLs from ZooKeeper, KIP-504). Where the running release accepts the replacement too it
  // goes in with the pins; where it does not yet (AclAuthorizer came in 2.4) it goes in as each
  // broker restarts on the new binaries, and is returned so the roll can make that edit.
  struct ValueSwap {
    std::size_t file;
    std::string key, old_value;
    const knowledge::LegacyValue* lv;
  };
  std::vector<ValueSwap> replace_removed_values(Phase& p, std::vector<Reason>* why) {
    std::vector<ValueSwap> at_roll;
    std::set<std::string> said;
    if (!k_.keys) return at_roll;
    for (std::size_t i = 0; i < work_.size(); ++i) {
      // The keys first: an edit rebuilds the document, so its entries cannot be walked then.
      std::vector<std::string> keys;
      std::set<std::string> seen;
      for (const properties::Entry& e : work_[i].doc.entries()) {
        std::string key(work_[i].doc.key(e));
        if (seen.insert(key).second) keys.push_back(std::move(key));
      }
      for (const std::string& key : keys) {
        const auto value = value_of(work_[i].doc, key);
        // Only a literal old value matches: a template's placeholder never does.
        const knowledge::LegacyValue* lv =
            value ? k_.keys->legacy_value(key, *value, kBrokerScope) : nullptr;
        if (!lv || lv->review || !(from_.version < lv->removed_in) || to_.version < lv->removed_in)
          continue;
        const std::string& old_value = *value;  // owned by `value`, not by the document
        ValueSwap sw{i, key, old_value, lv};
        if (lv->replacement_since && from_.version < *lv->replacement_since) {
          at_roll.push_back(std::move(sw));
          continue;
        }
        edit(p, i, EditAction::kSet, key, lv->replacement);
        if (said.insert(key + "=" + old_value).second)
          why->push_back(Reason{ReasonCode::kValueReplacedWithPins}
                             .with_key(key)
                             .with_value(old_value)
                             .with_to(lv->replacement)
                             .with_from(lv->removed_in.str()));
      }
    }
    return at_roll;
  }

  // The roll's edit of values the running release could not read yet, and why.
  void swap_at_roll(Phase& p, const std::vector<ValueSwap>& swaps) {
    std::set<std::string> said;
    for (const ValueSwap& sw : swaps) {
      edit(p, sw.file, EditAction::kSet, sw.key, sw.lv->replacement);
      if (said.insert(sw.key + "=" + sw.old_value).second)
        p.why.push_back(
            Reason{ReasonCode::kValueReplacedAtRoll}
                .with_key(sw.key)
                .with_value(sw.old_value)
                .with_to(sw.lv->replacement)
                .with_from(from_.name)
                .with_items({sw.lv->removed_in.str(), sw.lv->replacement_since->str()}));
    }
  }

  // True when both the running release and the target read broker key `key`.
  // (JmxReporter's metrics.jmx.* keys are not in the references: keys.toml knows their span.)
  bool both_know(const std::string& key) const {
    const auto knows = [&](const knowledge::ConfigCatalog* c, const Release& r) {
      return (c && c->find(knowledge::Scope::kBroker, key)) ||
             (k_.keys && k_.keys->undocumented(key, kBrokerScope, &r.version));
    };
    return knows(k_.from_configs, from_) && knows(k_.to_configs, to_);
  }

  // Removed keys whose successor means the same thing get the successor, with the same value,
  // in the same edit: the running release reads both, the target only the new one, so nothing
  // changes for the broker (an edit, not prose). A key whose successor only one side reads, or
  // that the file already sets, is left to the note.
  void replace_renamed_keys(Phase& p, std::size_t i, const std::vector<std::string>& keys) {
    Working& w = work_[i];
    // A templated value may be a placeholder: copying its masked view would write underscores.
    if (w.file->templated()) return;
    for (const std::string& key : keys) {
      const auto value = value_of(w.doc, key);
      if (!value) continue;
      std::vector<std::string> successors;
      if (key == "log.message.timestamp.difference.max.ms")
        // KIP-937 (3.6) split the symmetric bound into one per direction.
        successors = {"log.message.timestamp.before.max.ms", "log.message.timestamp.after.max.ms"};
      else if (key == "delegation.token.master.key" || key == "metrics.jmx.blacklist" ||
               key == "metrics.jmx.whitelist")
        successors = {k_.keys->change(key, kBrokerScope)->replacement};
      bool all = !successors.empty();
      for (const std::string& s : successors) all = all && both_know(s) && !value_of(w.doc, s);
      if (!all) continue;
      for (const std::string& s : successors) edit(p, i, EditAction::kSet, s, *value);
      replaced({KeyReplacement::Kind::kRenamed, key, successors, "", ""});
    }
  }

  // quota.producer.default / quota.consumer.default (removed in 3.0) become the dynamic default
  // client quota, set once for the cluster with the running release's tools before the first
  // broker stops reading the static keys. Only when every broker sets the same value: the
  // static keys were per broker, the dynamic default is one for all.
  void replace_static_quotas(Phase& p) {
    // When the static keys go is a fact of keys.toml.
    const knowledge::KeyChange* gone =
        k_.keys ? k_.keys->change("quota.producer.default", kBrokerScope) : nullptr;
    if (!k_.from_cli || !gone || !gone->removed_in || to_.version < *gone->removed_in ||
        !(from_.version < *gone->removed_in))
      return;
    const knowledge::CliTool* t = k_.from_cli->find("kafka-configs.sh");
    if (!t || !t->find_option("--entity-default")) return;
    for (const auto& [key, quota] :
         {std::pair<std::string, std::string>{"quota.producer.default", "producer_byte_rate"},
          {"quota.consumer.default", "consumer_byte_rate"}}) {
      std::set<std::string> values;
      bool missing = false;
      for (const Working& w : work_) {
        if (w.file->templated()) missing = true;  // a placeholder value: left to the note
        // The working copy already has the key commented out: read the original file.
        const properties::Entry* e = w.file->doc().find(key);
        if (e)
          values.insert(core::trim_blanks(w.file->doc().value(*e)));
        else
          missing = true;
      }
      if (values.size() != 1 || missing) continue;
      const Working& w = work_.front();
      const std::string to = connect_args(t, w, reached(from_, Milestone::kAdminClientQuotas));
      if (to.empty()) continue;
      std::string cmd = "bin/kafka-configs.sh " + to;
      cmd += " --alter --entity-type clients --entity-default --add-config " + quota + "=" +
             *values.begin();
      p.commands.push_back(cmd);
      replaced({KeyReplacement::Kind::kClientQuota, key, {quota}, *values.begin(), ""});
    }
  }

  // host.name/port and advertised.host.name/advertised.port set the broker's address only while
  // listeners (and, for the advertised ones, advertised.listeners) is unset; the release that
  // removes them would fall back to PLAINTEXT://:9092. So before they are commented out, the same
  // address is written as listeners/advertised.listeners (always PLAINTEXT: the old keys knew no
  // other protocol), in the same phase, which still runs the release that reads both.
  void replace_address_keys(Phase& p, std::size_t i, const std::vector<std::string>& keys) {
    const auto has = [&](const char* k) { return std::count(keys.begin(), keys.end(), k) > 0; };
    Working& w = work_[i];
    if (w.file->templated()) return;  // the working copy is masked; the note still says it
    const std::string host = value_of(w.doc, "host.name").value_or("");
    const std::string port = value_of(w.doc, "port").value_or("9092");
    // With listeners set, Kafka ignores all four keys (advertised.listeners defaults to it).
    if (value_of(w.doc, "listeners")) return;
    if (has("host.name") || has("port")) {
      const std::string v = "PLAINTEXT://" + host + ":" + port;
      edit(p, i, EditAction::kSet, "listeners", v);
      replaced({KeyReplacement::Kind::kListeners, "", {}, v, w.file->path});
    }
    if ((has("advertised.host.name") || has("advertised.port")) &&
        !value_of(w.doc, "advertised.listeners")) {
      const std::string v = "PLAINTEXT://" +
                            value_of(w.doc, "advertised.host.name").value_or(host) + ":" +
                            value_of(w.doc, "advertised.port").value_or(port);
      edit(p, i, EditAction::kSet, "advertised.listeners", v);
      replaced({KeyReplacement::Kind::kAdvertisedListeners, "", {}, v, w.file->path});
    }
  }

  void replaced(KeyReplacement r) {
    if (std::find(replaced_.begin(), replaced_.end(), r) == replaced_.end())
      replaced_.push_back(std::move(r));
  }

  // The keys the target no longer has, and what the same edit writes instead of them.
  void say_dropped(Phase& p) const {
    if (!dropped_.empty()) {
      Reason r = Reason{ReasonCode::kKeysDropped}.with_to(to_.name);
      r.dropped = dropped_;
      p.why.push_back(std::move(r));
    }
    if (replaced_.empty()) return;
    Reason k{ReasonCode::kKeysReplaced};
    k.replaced = replaced_;
    p.why.push_back(std::move(k));
  }

  // Finalizing 4.1 or later turns on eligible leader replicas (eligible.leader.replicas.version=1
  // at 4.1-IV0), and with ELR the cluster-wide min.insync.replicas comes from the controllers'
  // static config, not the brokers'. A controller file without it would drop the effective value
  // to the default 1, so the brokers' value is written into the controller files here, before
  // the roll. Returns the reason for the phase's why when something was added.
  std::optional<Reason> carry_min_isr_to_controllers(Phase& p) {
    if (reached(from_, Milestone::kEligibleLeaderReplicas) ||
        !reached(to_, Milestone::kEligibleLeaderReplicas))
      return std::nullopt;
    constexpr const char* kMinIsr = "min.insync.replicas";
    std::optional<long> lowest;
    for (const Working& w : work_) {
      if (w.controller) continue;
      const auto v = value_of(w.doc, kMinIsr);
      if (!v || v->empty() || v->find_first_not_of("0123456789") != std::string::npos ||
          v->size() > 9)
        continue;
      const long n = std::stol(*v);
      if (!lowest || n < *lowest) lowest = n;
    }
    if (!lowest || *lowest <= 1) return std::nullopt;
    std::vector<std::string> added;
    for (std::size_t i = 0; i < work_.size(); ++i) {
      if (!work_[i].controller || value_of(work_[i].doc, kMinIsr)) continue;
      if (work_[i].file->templated()) continue;
      edit(p, i, EditAction::kSet, kMinIsr, std::to_string(*lowest));
      added.push_back(work_[i].file->path);
    }
    if (added.empty()) return std::nullopt;
    return Reason{ReasonCode::kControllersGetMinIsr}
        .with_to(to_.name)
        .with_key(kMinIsr)
        .with_value(std::to_string(*lowest))
        .with_files(added);
  }

  // --- ZooKeeper mode ----------------------------------------------------------------------

  void plan_zookeeper() {
    const bool same_line = &from_ == &to_;
    const std::string pin = protocol_value(from_);
    const std::size_t from_top = top_index(from_);
    const bool pins = to_.ibp_key && !same_line;
    const bool lmfv_needed = this->lmfv_needed();

    // Phase 1: pins (and keys the target dropped), before any new binary starts.
    Phase& p1 =
        new_phase(pins ? "pin the protocol to " + pin + " before the first new binary starts"
                       : "prepare the broker files for " + plan_.to,
                  Restart::kNone, NodeGroup::kBrokers);
    bool lmfv_pinned = false;
    std::set<std::size_t> kept_lower;
    if (pins)
      for (std::size_t i = 0; i < work_.size(); ++i) {
        const auto ibp = value_of(work_[i].doc, kIbp);
        const auto pv = ibp ? resolve(*ibp) : std::nullopt;
        if (!pv || pv->index > from_top)
          edit(p1, i, EditAction::kSet, kIbp, pin);
        else if (pv->index < from_top)
          kept_lower.insert(i);
        const auto lmfv = value_of(work_[i].doc, kLmfv);
        const auto lv = lmfv ? resolve(*lmfv) : std::nullopt;
        if (lmfv && (!lv || lv->index > from_top)) {
          edit(p1, i, EditAction::kSet, kLmfv, pin);
          lmfv_pinned = true;
        } else if (!lmfv && lmfv_needed) {
          edit(p1, i, EditAction::kSet, kLmfv, pin);
          lmfv_pinned = true;
        }
      }
    const bool pin_edits = !p1.edits.empty();
    if (!pin_edits) p1.title = "prepare the broker files for " + plan_.to;
    if (!same_line) remove_dropped_keys(p1, {kIbp, kLmfv});
    std::vector<Reason> swapped;
    const std::vector<ValueSwap> roll_swaps =
        same_line ? std::vector<ValueSwap>{} : replace_removed_values(p1, &swapped);
    if (!pins) {
      p1.why.push_back(same_line ? Reason{ReasonCode::kPatchKeepsProtocol}.with_from(from_.name)
                                 : Reason{ReasonCode::kNoProtocolKey}.with_to(to_.name));
    } else {
      p1.why.push_back(
          !pin_edits ? Reason{ReasonCode::kAlreadyPinnedBeforeRoll}.with_value(pin)
                     : Reason{ReasonCode::kPinProtocol}.with_from(from_.name).with_to(to_.name));
      if (lmfv_pinned) {
        // Why the message format is pinned too: the first of these that holds.
        ReasonCode code = ReasonCode::kMessageFormatPinnedByOption;
        if (!from_.lmfv_key)
          code = ReasonCode::kMessageFormatPinnedNoKey;
        else if (from_.record_format != knowledge::RecordFormat::kV2)
          code = ReasonCode::kMessageFormatPinnedFormatChanges;
        else if (to_.startup_check == knowledge::StartupCheck::kStrict)
          code = ReasonCode::kMessageFormatPinnedStrict;
        p1.why.push_back(Reason{code}.with_key(kLmfv).with_from(from_.name).with_to(to_.name));
      }
      if (!kept_lower.empty()) p1.why.push_back(Reason{ReasonCode::kOlderPinsKept});
    }
    say_dropped(p1);
    p1.why.insert(p1.why.end(), swapped.begin(), swapped.end());
    p1.sources.push_back(notes_anchor(to_));
    // Start from a healthy cluster: the check with the tools of the running release.
    if (std::string v = verify_command(k_.from_cli, work_.front()); !v.empty()) {
      p1.commands.insert(p1.commands.begin(), v);
      p1.why.push_back(Reason{ReasonCode::kVerifyBeforeEditing}.with_from(from_.name));
    }
    // Values swapped at the roll: until then only the running release reads these files.
    snapshot(p1, roll_swaps.empty() ? std::vector<std::string>{from_.name, to_.name}
                                    : std::vector<std::string>{from_.name});
    std::optional<Reason> already;
    if (p1.edits.empty()) {
      plan_.phases.pop_back();
      if (pins) already = Reason{ReasonCode::kAlreadyPinnedNothingToEdit}.with_value(pin);
    } else if (!pin_edits && pins) {
      already = Reason{ReasonCode::kAlreadyPinned}.with_value(pin);
    }

    // Phase 2: the binaries, one broker at a time.
    Phase& p2 = new_phase("upgrade the binaries to " + plan_.to + ", one broker at a time",
                          Restart::kRolling, NodeGroup::kBrokers);
    p2.why.push_back(pins ? Reason{ReasonCode::kRollPinned}.with_from(from_.name)
                          : Reason{ReasonCode::kRollUnpinned});
    if (already) p2.why.push_back(*already);
    swap_at_roll(p2, roll_swaps);
    p2.sources.push_back(notes_anchor(to_));
    roll(p2, true, to_, k_.to_cli);
    snapshot(p2, {to_.name});
    if (!pins) return;

    // Phase 3: raise the protocol (and handle the message format where the era allows).
    const std::string target = protocol_value(to_);
    Phase& p3 = new_phase("raise inter.broker.protocol.version to " + target, Restart::kRolling,
                          NodeGroup::kBrokers);
    const bool removes_lmfv = reached(to_, Milestone::kMessageFormatIgnored);
    bool old_format_removed = false, lmfv_removed = false;
    std::vector<std::size_t> lmfv_later;
    for (std::size_t i = 0; i < work_.size(); ++i) {
      edit(p3, i, EditAction::kSet, kIbp, target);
      const auto lmfv = value_of(work_[i].doc, kLmfv);
      if (!lmfv) continue;
      const auto lv = resolve(*lmfv);
      const knowledge::RecordFormat format =
          lv && lv->release ? lv->release->record_format : knowledge::RecordFormat::kNone;
      if (removes_lmfv) {
        if (format != knowledge::RecordFormat::kV2) old_format_removed = true;
        lmfv_removed = true;
        edit(p3, i, EditAction::kUnset, kLmfv);
      } else if (format == to_.record_format) {
        if (lv && lv->index < top_index(to_)) edit(p3, i, EditAction::kSet, kLmfv, target);
      } else {
        lmfv_later.push_back(i);
      }
    }
    p3.why.push_back(Reason{ReasonCode::kRaiseProtocol}.with_to(to_.name));
    if (removes_lmfv) {
      if (lmfv_removed)
        p3.why.push_back(Reason{ReasonCode::kMessageFormatRemovedWithProtocol}
                             .with_key(kLmfv)
                             .with_since(milestone(Milestone::kMessageFormatIgnored))
                             .with_removed_in(milestone(Milestone::kMessageFormatRemoved)));
      p3.why.push_back(Reason{ReasonCode::kTopicFormatOverrides}
                           .with_since(milestone(Milestone::kMessageFormatIgnored))
                           .with_removed_in(milestone(Milestone::kMessageFormatRemoved)));
      // Without the pin the brokers write the target's own format.
      if (old_format_removed)
        p3.why.push_back(
            Reason{ReasonCode::kOldFormatRemoved}.with_value(first_reader(to_.record_format)));
    } else if (lmfv_later.empty() && lmfv_pinned) {
      p3.why.push_back(Reason{ReasonCode::kMessageFormatMovesAlong}.with_key(kLmfv));
    }
    // The protocol versions that cannot be undone are versions.toml's [[one_way_protocol]].
    Reason one_way{ReasonCode::kProtocolOneWay};
    const std::size_t to_top = top_index(to_);
    for (const knowledge::OneWayProtocol& o : k_.versions->one_way_protocols()) {
      const auto pv = resolve(o.version);
      if (pv && from_top < pv->index && to_top >= pv->index) {
        one_way.items.push_back(o.line);
        one_way.details.push_back(o.consequence);
      }
    }
    p3.why.push_back(std::move(one_way));
    p3.reversible = false;
    p3.sources.push_back(notes_anchor(to_));
    roll(p3, false, to_, k_.to_cli);
    if (removes_lmfv && k_.to_cli)
      if (const knowledge::CliTool* t = k_.to_cli->find("kafka-topics.sh");
          t && t->find_option("--topics-with-overrides") && t->find_option("--bootstrap-server"))
        p3.commands.push_back("bin/kafka-topics.sh " + connect_args(t, work_.front(), true) +
                              " --describe --topics-with-overrides");
    snapshot(p3, {to_.name});

    if (lmfv_later.empty()) return;
    // Phase 4: the message format, once the consumers are ready.
    Phase& p4 = new_phase(
        "raise log.message.format.version to " + target + " once the consumers are upgraded",
        Restart::kRolling, NodeGroup::kBrokers);
    for (std::size_t i : lmfv_later) edit(p4, i, EditAction::kSet, kLmfv, target);
    // The consumers that read the new format without down-conversion: versions.toml's first
    // line that writes it.
    const std::string consumers = first_reader(to_.record_format);
    p4.why.push_back(Reason{to_.record_format == knowledge::RecordFormat::kV1
                                ? ReasonCode::kMessageFormatWaitAll
                                : ReasonCode::kMessageFormatWaitMost}
                         .with_value(consumers));
    p4.reversible = false;
    p4.sources.push_back(notes_anchor(to_));
    roll(p4, false, to_, k_.to_cli);
    snapshot(p4, {to_.name});
  }

  // --- KRaft mode --------------------------------------------------------------------------

  // Whether `r` has the change of milestone `m` (versions.toml [[milestone]]).
  bool reached(const Release& r, knowledge::Milestone m) const {
    return k_.versions->reached(r, m);
  }

  // The release of milestone `m`, for a sentence that names it.
  std::string milestone(knowledge::Milestone m) const { return k_.versions->milestone_name(m); }

  // The first release whose consumers read record format `f`: the first line that writes it.
  std::string first_reader(knowledge::RecordFormat f) const {
    const Release* r = k_.versions->first_line_with(f);
    return r ? r->name : "";
  }

  // The lowest metadata.version any release knows ("3.0-IV1").
  std::string first_metadata_version() const {
    for (const Release& r : k_.versions->lines())
      if (!r.metadata_versions.empty()) return r.metadata_versions.front().name;
    return "";
  }

  // The older release whose metadata version is `to`'s newest production level, when none of
  // `to`'s own levels is production-ready (an unreleased line such as 4.4); nullptr otherwise.
  const Release* production_line() const {
    if (to_.mv_latest_production.empty()) return nullptr;
    for (const knowledge::MetadataVersion& m : to_.metadata_versions)
      if (m.name == to_.mv_latest_production) return nullptr;
    for (const Release& r : k_.versions->lines())
      for (const knowledge::MetadataVersion& m : r.metadata_versions)
        if (m.name == to_.mv_latest_production) return &r;
    return nullptr;
  }

  const knowledge::MetadataVersion* find_mv(std::string_view name) const {
    for (const Release& r : k_.versions->lines())
      for (const knowledge::MetadataVersion& m : r.metadata_versions)
        if (m.name == name) return &m;
    return nullptr;
  }

  void plan_kraft() {
    const bool same_line = &from_ == &to_;
    bool controllers = false;
    for (const Working& w : work_) controllers = controllers || w.controller;

    std::set<std::string> managed;
    if (k_.to_configs && !k_.to_configs->find(knowledge::Scope::kBroker, kIbp)) {
      // 4.x: the protocol keys are gone; they only mattered for pre-3.3 KRaft clusters.
      Phase& p0 = new_phase("remove the keys Kafka " + to_.name + " no longer accepts",
                            Restart::kNone, NodeGroup::kAll);
      for (std::size_t i = 0; i < work_.size(); ++i)
        for (const char* key : {kIbp, kLmfv})
          if (work_[i].doc.find(key)) edit(p0, i, EditAction::kUnset, key);
      remove_dropped_keys(p0, {kIbp, kLmfv});
      const bool removes = !p0.edits.empty();
      const std::optional<Reason> elr = carry_min_isr_to_controllers(p0);
      if (!removes && elr)
        p0.title = "give the controllers min.insync.replicas before Kafka " + to_.name +
                   " turns on eligible leader replicas";
      if (p0.edits.empty()) {
        plan_.phases.pop_back();
      } else {
        p0.why.push_back(Reason{ReasonCode::kKraftNothingPinned});
        p0.why.push_back(Reason{ReasonCode::kEditsAtRestart});
        say_dropped(p0);
        if (elr) p0.why.push_back(*elr);
        p0.sources.push_back(notes_anchor(to_));
        snapshot(p0, {from_.name, to_.name});
      }
    } else if (!same_line) {
      Phase& p0 = new_phase("remove the keys Kafka " + to_.name + " no longer accepts",
                            Restart::kNone, NodeGroup::kAll);
      remove_dropped_keys(p0, {kIbp, kLmfv});
      if (p0.edits.empty()) {
        plan_.phases.pop_back();
      } else {
        p0.why.push_back(Reason{ReasonCode::kEditsAtRestart});
        say_dropped(p0);
        p0.sources.push_back(notes_anchor(to_));
        snapshot(p0, {from_.name, to_.name});
      }
    }

    Phase& roll_phase = new_phase("upgrade the binaries to " + plan_.to + ", one node at a time",
                                  Restart::kRolling, NodeGroup::kAll);
    roll_phase.why.push_back(Reason{ReasonCode::kKraftRoll}.with_from(from_.name));
    roll_phase.why.push_back(
        Reason{controllers ? ReasonCode::kControllersFirst : ReasonCode::kRollControllersFirst});
    roll_phase.sources.push_back(notes_anchor(to_));
    roll(roll_phase, true, to_, k_.to_cli);
    snapshot(roll_phase, {to_.name});
    if (same_line) return;

    // Finalise: raise metadata.version (online, no restart).
    Phase& fin = new_phase("finalize the upgrade: raise metadata.version to " +
                               (production_line() ? to_.mv_latest_production : to_.name),
                           Restart::kNone, NodeGroup::kAll);
    const knowledge::CliTool* features = k_.to_cli ? k_.to_cli->find("kafka-features.sh") : nullptr;
    std::string address;
    bool plaintext = work_.front().plaintext;
    for (std::size_t i : roll_order())
      if (!work_[i].controller) {
        address = work_[i].address;
        plaintext = work_[i].plaintext;
        break;
      }
    if (address.empty()) address = work_.front().address;
    // A secured listener needs the client settings (the same client.properties the other
    // commands of the plan use).
    if (!plaintext && features && features->find_option("--command-config"))
      address += " --command-config client.properties";
    const bool release_version = features && features->find_option("--release-version") &&
                                 reached(to_, Milestone::kZooKeeperRemoved);
    const Release* stable = production_line();
    const std::string level =
        o_.exact_protocol && !to_.mv_latest_production.empty()
            ? to_.mv_latest_production
            : (stable && release_version ? stable->name
                                         : (stable ? to_.mv_latest_production : to_.name));
    if (features) {
      fin.commands.push_back("bin/kafka-features.sh --bootstrap-server " + address + " describe");
      fin.commands.push_back("bin/kafka-features.sh --bootstrap-server " + address + " upgrade " +
                             (release_version ? "--release-version " : "--metadata ") + level);
    }
    // Reversible unless a metadata.version above the current one changes the metadata format.
    // A cluster of a KRaft preview (3.0 .. 3.2) may still run the first metadata.version.
    const std::string from_mv = from_.kraft == knowledge::KraftSupport::kProduction ||
                                        from_.kraft == knowledge::KraftSupport::kOnly
                                    ? from_.mv_latest_production
                                    : first_metadata_version();
    const knowledge::MetadataVersion* a = find_mv(from_mv);
    const knowledge::MetadataVersion* b = find_mv(to_.mv_latest_production);
    std::vector<std::string> changes;
    if (a && b)
      for (const Release& r : k_.versions->lines())
        for (const knowledge::MetadataVersion& m : r.metadata_versions)
          if (m.level > a->level && m.level <= b->level && m.metadata_change)
            changes.push_back(m.name);
    fin.reversible = changes.empty();
    fin.why.push_back(Reason{ReasonCode::kFinalizeMetadata}
                          .with_to(to_.name)
                          .with_from(from_.name)
                          .with_value(from_mv));
    if (release_version)
      fin.why.push_back(Reason{ReasonCode::kReleaseVersion}.with_series(
          k_.versions->milestone_series(Milestone::kZooKeeperRemoved)));
    bool static_quorum = false;
    for (const Working& w : work_)
      static_quorum = static_quorum || w.doc.find("controller.quorum.voters");
    if (release_version && static_quorum)
      fin.why.push_back(Reason{ReasonCode::kStaticQuorumReleaseVersion});
    if (!fin.reversible)
      fin.why.push_back(
          Reason{ReasonCode::kMetadataOneWay}.with_items(changes).with_from(from_.name));
    else
      fin.why.push_back(Reason{ReasonCode::kMetadataReversible}.with_from(from_mv).with_to(
          to_.mv_latest_production));
    if (stable)
      fin.why.push_back(Reason{ReasonCode::kUnstableMetadata}
                            .with_to(to_.name)
                            .with_from(stable->name)
                            .with_value(to_.mv_latest_production));
    fin.sources.push_back(notes_anchor(to_));
    fin.sources.push_back(
        "MetadataVersion didMetadataChange flags (rules/kafka/versions.toml metadata_versions)");
    snapshot(fin, {to_.name});
  }

  const Release& from_;
  const Release& to_;
  const PlanKnowledge& k_;
  const PlanOptions& o_;
  Plan& plan_;
  std::vector<Working> work_;
  std::vector<DroppedKey> dropped_;       // removed keys commented out, for the phase's why
  std::vector<KeyReplacement> replaced_;  // what the same edit writes instead of them
  struct ByHand {
    std::size_t phase;  // index in plan_.phases
    std::string file;
    TemplateEdit edit;
  };
  std::vector<ByHand> by_hand_;  // template edits left to the operator, per phase
};

}  // namespace

Plan make_plan(const knowledge::Release& from, const knowledge::Release& to,
               const std::string& from_text, const std::string& to_text,
               const std::vector<const checks::PropsFile*>& files, const PlanKnowledge& k,
               const PlanOptions& options) {
  Plan plan;
  plan.from = from_text;
  plan.to = to_text;
  Planner p(from, to, files, k, options, &plan);
  if (!files.empty()) p.run();
  return plan;
}

}  // namespace kafkalint::plan
