// Facts: anchors-2.md §3.6 (UP-4x upgrade notes: Java, Log4j2, removed tools; KIP-896).

#include "plan/readiness.h"

namespace kafkalint::plan {

Phase readiness_phase(const knowledge::VersionCatalog& versions, const knowledge::Release& running,
                      const knowledge::Release& to) {
  const std::string clients = versions.milestone_name(knowledge::Milestone::kOldestServedClient);
  Phase p;
  p.title = "prepare the hosts and tooling for Kafka " + to.name;
  p.restart = Restart::kNone;
  p.nodes = NodeGroup::kAll;
  p.why.push_back(Reason{ReasonCode::kReadiness}
                      .with_to(to.name)
                      .with_value(std::to_string(to.java_min))
                      .with_since(clients));
  p.gates.push_back(
      {"every node and tools host runs Java " + std::to_string(to.java_min) + " or newer",
       "java -version"});
  p.gates.push_back(
      {"every node has a Log4j2 configuration to start with (log4j2.yaml or a converted file)",
       ""});
  p.gates.push_back(
      {"no client, Streams or Connect application older than " + clients + " is left", ""});
  p.sources.push_back("UP-4x branch " + to.name + " upgrade.md (Java " +
                      std::to_string(to.java_min) + ", Log4j2, removed tools and flags); KIP-896");
  p.running = {running.name};
  return p;
}

namespace {

// Nodes of the target refuse to start on a cluster whose metadata.version is below the target
// line's mv_minimum (versions.toml; 3.3-IV3 for 4.x, UP-4x 4.0 upgrade.md), so a KRaft cluster
// checks it before the first new binary starts. The command is the finalize phase's own
// `kafka-features.sh ... describe` (same address and release tools).
void add_metadata_version_gate(const Plan& plan, const knowledge::Release& to, Phase* p) {
  if (plan.mode != "kraft" || to.mv_minimum.empty()) return;
  const std::string series = to.name.substr(0, to.name.find('.')) + ".x";
  for (const Phase& ph : plan.phases)
    for (const std::string& c : ph.commands)
      if (c.rfind("bin/kafka-features.sh ", 0) == 0 && c.size() > 9 &&
          c.compare(c.size() - 9, 9, " describe") == 0) {
        p->gates.push_back(
            {"metadata.version is " + to.mv_minimum + " or later: " + series +
                 " nodes do not start below it (raise it with the current release first)",
             c});
        return;
      }
}

}  // namespace

void add_readiness(Plan* plan, const knowledge::VersionCatalog& versions,
                   const knowledge::Release& from, const knowledge::Release& to) {
  constexpr knowledge::Milestone kV4 = knowledge::Milestone::kZooKeeperRemoved;
  if (plan->refused || versions.reached(from, kV4) || !versions.reached(to, kV4)) return;
  std::size_t at = plan->phases.size();
  for (std::size_t i = 0; i < plan->phases.size(); ++i)
    if (plan->phases[i].restart == Restart::kRolling) {
      at = i;
      break;
    }
  if (at == plan->phases.size()) return;
  Phase p = readiness_phase(versions, from, to);
  add_metadata_version_gate(*plan, to, &p);
  p.files_after = at > 0 ? plan->phases[at - 1].files_after : plan->originals;
  p.leg = plan->phases[at].leg;
  plan->phases.insert(plan->phases.begin() + static_cast<long>(at), std::move(p));
  for (std::size_t i = 0; i < plan->phases.size(); ++i)
    plan->phases[i].number = static_cast<int>(i) + 1;
}

}  // namespace kafkalint::plan
