#pragma once
// The road from a ZooKeeper cluster to KRaft (and on into 4.x) as one plan: the ZooKeeper
// upgrade legs to the bridge release (the ordinary planner, hop by hop), the migration on the
// bridge (new controller files, two broker rolls, finalisation on the controllers, the way
// back from every phase before it) and the KRaft upgrade to the target.
//
// Facts: research anchors-2.md §3 (OPS39 "ZooKeeper to KRaft Migration", KC39 validateValues,
// KIP-853 for the dynamic quorum); the upgrade legs follow plan.h.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/props_file.h"
#include "core/diagnostic.h"
#include "core/result.h"
#include "knowledge/store.h"
#include "plan/plan.h"

namespace kafkalint::plan {

/// How the KRaft quorum is written down: controller.quorum.voters (static, every bridge) or
/// controller.quorum.bootstrap.servers with a formatted voter set (dynamic, KIP-853, 3.9).
enum class Quorum { kStatic, kDynamic };

/// One controller of --controllers: "3000@ctl-1:9093".
struct ControllerNode {
  int id = 0;
  std::string host;
  std::string port;
};

struct MigrationOptions {
  std::vector<ControllerNode> controllers;
  Quorum quorum = Quorum::kStatic;
  bool quorum_given = false;
  /// The release the migration runs on; empty: 3.9 for a 4.x target, else the target.
  std::string bridge;
};

/// Parses --controllers ("ID@HOST:PORT,..."); nullopt and *err on a malformed item or a
/// repeated id.
core::Result<std::vector<ControllerNode>> parse_controllers(std::string_view text);

/// True when the plan is a ZooKeeper -> KRaft road: --controllers is given, the files are in
/// ZooKeeper mode and the target has no ZooKeeper, or the files are part way through a
/// migration (a ZooKeeper broker with the migration flag, or ZooKeeper and KRaft files mixed).
bool is_migration(const knowledge::Release& to, const std::vector<const checks::PropsFile*>& files,
                  const MigrationOptions& m);

/// Plans the road. nullopt and *err only when a knowledge pack is broken; refusals are plans.
core::Result<Plan> make_migration_plan(const knowledge::Store& store,
                                       const knowledge::Release& from, const knowledge::Release& to,
                                       const std::string& from_text, const std::string& to_text,
                                       const std::vector<const checks::PropsFile*>& files,
                                       const PlanOptions& options, const MigrationOptions& m);

}  // namespace kafkalint::plan
