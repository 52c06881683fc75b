#pragma once
// KL301: defaults that change under a properties file between --from and --to.

#include <optional>
#include <string>
#include <vector>

#include "checks/context.h"
#include "checks/props_file.h"
#include "core/finding.h"
#include "core/version.h"
#include "knowledge/catalog.h"
#include "knowledge/versions.h"
#include "properties/document.h"

namespace kafkalint::checks {

/// Reports the default changes that alter what `f` does: the file leaves the key unset, the
/// key existed in --from (so the old value is --from's own), the feature the default belongs
/// to is in use, and the new default is not the same behaviour under another form. A key the
/// target requires without a default is KL302's. One finding per key, however many scopes
/// the file's role reads, with the severity the curated pack gives the change.
void check_default_changes(const PropsFile& f, const CheckKnowledge& k, Emitter& emit);

/// What keeps a file's JMX metrics when Kafka stops adding JmxReporter to metric.reporters on
/// its own (auto.include.jmx.reporter removed between `from` and `to`, KIP-830).
struct JmxKeep {
  std::string reporters;                     ///< metric.reporters with JmxReporter added
  core::Version removed_in;                  ///< the release that stops adding it
  const properties::Entry* entry = nullptr;  ///< the file's metric.reporters entry
};

/// The metric.reporters value that keeps the JMX metrics `doc` reports today, or nullopt when
/// nothing changes for it: no metric.reporters (the new default is JmxReporter), JmxReporter
/// listed, or auto.include.jmx.reporter=false in a release that reads that key
/// (`from_reads_auto_include`). Shared by check (KL301) and plan (the edit before the roll).
std::optional<JmxKeep> jmx_reporters_to_keep(const properties::Document& doc,
                                             const knowledge::KeyFacts& keys,
                                             const knowledge::Release& from,
                                             const knowledge::Release& to,
                                             bool from_reads_auto_include);

}  // namespace kafkalint::checks
