#pragma once
// Checks of the Kafka command lines found in scripts, build files, manifests and docs
// (KL701-KL712): each command is read the way its tool's parser reads it, in the release
// given by --to, and every option is explained against the tool's history.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/cli_history.h"
#include "checks/context.h"
#include "core/finding.h"
#include "core/line_index.h"
#include "knowledge/catalog.h"
#include "scripts/extract.h"

namespace kafkalint::checks {

/// What script checks need besides CheckKnowledge; loaded once, shared by all workers.
struct ScriptKnowledge {
  const knowledge::FlagFacts* flags = nullptr;
  const CliHistory* cli = nullptr;
  /// Main classes of 'kafka-run-class.sh CLASS' (from the flag facts) for the extractor.
  scripts::ExtractOptions extract;
};

/// Main class -> tool table for the extractor: the run-class aliases of the flag facts.
scripts::ExtractOptions extract_options(const knowledge::FlagFacts& flags);

/// One script-like file, read and split into command lines.
struct ScriptFile {
  std::string path;
  std::string content;
  scripts::FileKind kind = scripts::FileKind::kUnknown;
  scripts::ExtractResult extracted;
  core::LineIndex lines;  // of `content`

  /// The text of 1-based `line`, without its line break; "" when out of range.
  std::string_view line_text(int line) const;
};

/// Whether `s` is a broker address a fix may paste into a file: HOST:PORT[,HOST:PORT...] with
/// DNS names (letters, digits, '.', '-', '_'), IPv4 or bracketed IPv6 hosts and a numeric
/// port. Placeholders ('${BROKERS}', '{{ brokers }}') are not: whether they expand depends on
/// the context the fix writes into (a shell expands '${X}', an exec-form list does not).
bool is_broker_address_list(std::string_view s);

/// Reads `content` as `kind` and extracts its command lines.
ScriptFile load_script(std::string path, std::string content, scripts::FileKind kind,
                       const ScriptKnowledge& s);

/// The findings of every command line of `f`. `bootstrap` is the broker address to put in
/// place of a ZooKeeper address (--bootstrap-server / .kafkalint.toml); without it such
/// fixes carry a placeholder and are unsafe.
void check_script(const ScriptFile& f, const CheckKnowledge& k, const ScriptKnowledge& s,
                  const std::optional<std::string>& bootstrap, std::vector<core::Finding>* out);

}  // namespace kafkalint::checks
