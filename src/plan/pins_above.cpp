#include "plan/pins_above.h"

#include "core/strings.h"
#include "plan/notes_sources.h"

namespace kafkalint::plan {

namespace {
constexpr const char* kIbp = "inter.broker.protocol.version";
}  // namespace

PinAboveFrom find_pin_above_from(const knowledge::VersionCatalog& versions,
                                 const knowledge::Release& from,
                                 const std::vector<const checks::PropsFile*>& files) {
  PinAboveFrom out;
  if (from.protocol_versions.empty()) return out;
  core::Error err;
  const auto top = versions.resolve_protocol(from.protocol_versions.back(), &err);
  if (!top) return out;
  for (const checks::PropsFile* f : files) {
    if (f->kraft) continue;  // a KRaft node ignores the pin; metadata.version rules there
    const properties::Document& doc = f->doc();
    std::vector<const properties::Entry*> entries = doc.find_all(kIbp);
    // Java keeps the last entry; a template may render any of them.
    if (!f->templated() && entries.size() > 1) entries.erase(entries.begin(), entries.end() - 1);
    for (const properties::Entry* e : entries) {
      const std::string v = core::trim_blanks(doc.value(*e));
      const auto pv = versions.resolve_protocol(v, &err);
      if (!pv || pv->index <= top->index || !pv->release) continue;
      if (!out.pinned || out.pinned->version < pv->release->version) {
        out.pinned = pv->release;
        out.where = f->path + " (" + kIbp + "=" + v + ")";
      }
    }
  }
  return out;
}

PinRefusal pin_above_refusal(const PinAboveFrom& pin, const knowledge::Release& from,
                             const knowledge::Release& to) {
  PinRefusal r;
  r.message = "the files pin the inter-broker protocol above --from " + from.name + ": " +
              pin.where + "; the brokers must already run Kafka " + pin.pinned->name +
              " or newer, and lowering the pin to " + from.name +
              " would be a protocol downgrade, which Kafka does not support once the protocol "
              "is raised";
  r.source = upgrade_notes_source(*pin.pinned);
  if (pin.pinned->version < to.version)
    r.path = {
        "check the version the brokers run (the libs/kafka_*.jar name, or "
        "the 'Kafka version' line of server.log), then plan from it: kafkalint plan --from " +
        pin.pinned->name + " --to " + to.name + " ..."};
  else
    r.path = {"the brokers already run Kafka " + pin.pinned->name +
              " or newer: nothing to upgrade to " + to.name +
              "; check the version the brokers run and plan from it"};
  return r;
}

}  // namespace kafkalint::plan
