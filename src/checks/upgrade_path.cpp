#include "checks/upgrade_path.h"

#include <string>

#include "knowledge/versions.h"

namespace kafkalint::checks {
namespace {

using knowledge::ClusterMode;
using knowledge::ConstraintKind;
using knowledge::PathConstraint;
using knowledge::Release;

bool blocks(const PathConstraint& c) {
  return c.kind != ConstraintKind::kClientCompat && c.kind != ConstraintKind::kRequiresRelease;
}

// True when `plan --from a --to b` is not refused for a `mode` cluster.
bool plan_accepts(const knowledge::VersionCatalog& v, const Release* a, const Release* b,
                  ClusterMode mode) {
  if (!a || !b || !a->supported) return false;
  for (const PathConstraint* c : v.constraints_for(*a, *b, mode))
    if (blocks(*c)) return false;
  return true;
}

// The plan commands to run instead, each one that plan accepts; empty when none is known.
std::vector<std::string> steps(const knowledge::VersionCatalog& v, const PathConstraint& c,
                               const Release& from, const Release& to, ClusterMode mode) {
  if (!c.via_max) return {};
  const Release* via = v.find_line(c.via_max->str());
  if (!via) return {};
  std::vector<std::string> out;
  if (c.kind == ConstraintKind::kIntermediateHop) {
    if (!plan_accepts(v, &from, via, mode) || !plan_accepts(v, via, &to, mode)) return {};
    out.push_back("kafkalint plan --from " + from.name + " --to " + via->name);
    out.push_back("kafkalint plan --from " + via->name + " --to " + to.name);
  } else if (c.kind == ConstraintKind::kRequiresMigration) {
    if (from.version < via->version) {
      if (!plan_accepts(v, &from, via, ClusterMode::kZooKeeper)) return {};
      out.push_back("kafkalint plan --from " + from.name + " --to " + via->name +
                    " (ZooKeeper mode)");
    }
    out.push_back("migrate the cluster from ZooKeeper to KRaft on " + via->name);
    if (plan_accepts(v, via, &to, ClusterMode::kKraft))
      out.push_back("kafkalint plan --from " + via->name + " --to " + to.name + " (KRaft mode)");
  }
  return out;
}

}  // namespace

bool plan_accepts_path(const CheckKnowledge& k, const knowledge::Release& from,
                       const knowledge::Release& to, bool kraft) {
  return k.versions && plan_accepts(*k.versions, &from, &to,
                                    kraft ? ClusterMode::kKraft : ClusterMode::kZooKeeper);
}

bool kraft_file_before_kraft(const PropsFile& f, const CheckKnowledge& k) {
  return f.kraft && k.from && k.from->kraft == knowledge::KraftSupport::kNone;
}

void check_upgrade_path(const PropsFile& f, const CheckKnowledge& k,
                        std::vector<core::Finding>* raw) {
  if (!k.from || !k.to || f.role != Role::kBroker || !k.versions) return;
  const ClusterMode mode = f.kraft ? ClusterMode::kKraft : ClusterMode::kZooKeeper;
  Emitter emit(f, k, raw);
  // What plan refuses first: a KRaft node (process.roles) said to run a release without KRaft.
  if (kraft_file_before_kraft(f, k)) {
    auto& fd =
        emit.at_file(core::RuleId::KL801, "this file is a KRaft config (process.roles) but Kafka " +
                                              k.from->name + " has no KRaft mode, so --from " +
                                              k.from->name + " cannot be the release it runs");
    fd.subject = "--from";
    fd.notes.push_back(
        "KRaft came with Kafka 2.8 (early access) and is production-ready "
        "from 3.3; pass the release this node runs today");
    return;
  }
  for (const PathConstraint* c : k.versions->constraints_for(*k.from, *k.to, mode)) {
    if (!blocks(*c)) continue;
    auto& fd = emit.at_file(
        c->rule, "upgrading this " + std::string(f.kraft ? "KRaft" : "ZooKeeper") +
                     " broker from " + k.from->name + " to " + k.to->name + ": " + c->message);
    fd.subject = "--to";
    for (const std::string& s : steps(*k.versions, *c, *k.from, *k.to, mode))
      fd.notes.push_back("instead: " + s);
    fd.notes.push_back("source: " + c->source);
  }
}

}  // namespace kafkalint::checks
