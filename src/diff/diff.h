#pragma once
// `kafkalint diff` without the printing: what differs between two properties files as Kafka
// loads them (last duplicate wins), optionally with the defaults of each file's release filled
// in, notes on keys the newer release removed, renamed or re-defaulted, and for each changed
// broker key whether it can be changed live (kafka-configs.sh --alter) or needs a restart.

#include <optional>
#include <string>
#include <vector>

#include "core/version.h"
#include "knowledge/catalog.h"
#include "knowledge/configs.h"
#include "properties/document.h"

namespace kafkalint::diff {

/// How a key differs from A to B. kSame entries are listed only when they carry notes.
enum class Change { kAdded, kRemoved, kChanged, kSame };

const char* to_string(Change c);

/// How the change of a broker key takes effect on a running cluster (update mode of B's release).
enum class Update { kUnknown, kRestart, kPerBroker, kClusterWide };

const char* to_string(Update u);

struct KeyDiff {
  std::string key;
  Change change = Change::kChanged;
  std::optional<std::string> a, b;  ///< effective values; nullopt when absent
  bool a_default = false;           ///< the value is the release default, not in the file
  bool b_default = false;
  bool in_files = false;  ///< at least one file sets the key (else only the defaults differ)
  Update update = Update::kUnknown;
  /// The kafka-configs.sh command for a live change, addressed to B's own client listener (with
  /// --command-config client.properties when it is secured); may be empty.
  std::string command;
  std::vector<std::string> notes;
  /// B's value is not valid for B's release (ConfigDef type or validator): what was expected.
  std::string invalid;
};

struct DiffOptions {
  /// Scopes the files are read as (broker: {kBroker}); decides defaults and notes.
  std::vector<knowledge::Scope> scopes = {knowledge::Scope::kBroker};
  const knowledge::ConfigCatalog* a_configs = nullptr;  ///< --from's reference, for A's defaults
  const knowledge::ConfigCatalog* b_configs = nullptr;  ///< --to's reference, for B's defaults
  const knowledge::KeyFacts* keys = nullptr;
  std::optional<std::string> from, to;  ///< release lines, for notes ("2.1", "3.0")
  /// The first line that changes broker configs without a restart (versions.toml milestone
  /// 'dynamic-broker-configs'); unknown: every change is assumed to be live-capable.
  std::optional<core::Version> dynamic_configs_since;
};

/// The differences from A to B, sorted by key (byte order).
std::vector<KeyDiff> diff_documents(const properties::Document& a, const properties::Document& b,
                                    const DiffOptions& options);

}  // namespace kafkalint::diff
