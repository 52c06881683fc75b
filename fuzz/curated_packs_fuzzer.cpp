// libFuzzer target for the curated pack readers (versions, rules, rule docs, keys, flags,
// safety): any input gives a catalogue or a located error, never a crash or an exception.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "knowledge/catalog.h"
#include "knowledge/versions.h"

using namespace kafkalint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const knowledge::PackText pack{"fuzz.toml", text};
  static const knowledge::RuleCatalog rules = [] {
    core::Error err;
    auto r = knowledge::RuleCatalog::load(knowledge::PackSource{}).take(&err);
    if (!r) std::abort();
    return *r;
  }();
  auto located = [](bool ok, const core::Error& err) {
    if (!ok && (err.where.file.empty() || err.message.empty())) std::abort();
  };
  core::Error err;
  located(knowledge::VersionCatalog::parse(pack).take(&err).has_value(), err);
  err = {};
  auto r = knowledge::RuleCatalog::parse(pack).take(&err);
  located(r.has_value(), err);
  err = {};
  knowledge::RuleCatalog copy = rules;
  located(copy.parse_docs(pack).take(&err), err);
  err = {};
  located(knowledge::KeyFacts::parse(pack, rules).take(&err).has_value(), err);
  err = {};
  located(knowledge::FlagFacts::parse(pack, rules).take(&err).has_value(), err);
  err = {};
  located(knowledge::SafetyFacts::parse(pack, rules).take(&err).has_value(), err);
  return 0;
}
