#pragma once
// A ZooKeeper-mode inter.broker.protocol.version pin above --from: the brokers already run
// newer binaries (a --from broker refuses to start with it), so --from is not the cluster's
// real state. Both roads (the upgrade planner and the migration road) refuse such a plan the
// same way, with the plan from the pinned release as the path.

#include <string>
#include <vector>

#include "checks/props_file.h"
#include "knowledge/versions.h"

namespace kafkalint::plan {

/// The highest pin above `from` among the ZooKeeper-mode files (every branch of a template
/// counts: a broker may render any of them); `pinned` is null when no file pins above.
struct PinAboveFrom {
  const knowledge::Release* pinned = nullptr;
  std::string where;  ///< "path (key=value)" of the highest pin
};

PinAboveFrom find_pin_above_from(const knowledge::VersionCatalog& versions,
                                 const knowledge::Release& from,
                                 const std::vector<const checks::PropsFile*>& files);

/// What the refusal says: the KL807 message, its source and the path to take instead.
struct PinRefusal {
  std::string message;
  std::string source;
  std::vector<std::string> path;
};

PinRefusal pin_above_refusal(const PinAboveFrom& pin, const knowledge::Release& from,
                             const knowledge::Release& to);

}  // namespace kafkalint::plan
