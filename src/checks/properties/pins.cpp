// KL205-KL209 and KL804: inter.broker.protocol.version and log.message.format.version
// against the release catalogue, and the pins a rolling upgrade needs.

#include <algorithm>

#include "checks/properties/file_checker.h"
#include "checks/upgrade_path.h"

namespace kafkalint::checks::props {

bool FileChecker::zk_migration() const {
  const Entry* m = doc_.find("zookeeper.metadata.migration.enable");
  return m && !f_.value_opaque(*m) && java_trim(doc_.value(*m)) == "true";
}

// False when the target release no longer has the broker key (KL103 reports it instead).
bool FileChecker::target_defines(std::string_view key) const {
  return !k_.to || k_.configs->find(Scope::kBroker, key) != nullptr;
}

void FileChecker::check_protocol_pins() {
  if (f_.role != Role::kBroker) return;
  const Entry* ibp = doc_.find("inter.broker.protocol.version");
  const Entry* lmfv = doc_.find("log.message.format.version");
  const knowledge::Release* runs = k_.to ? k_.to : k_.from;  // the release that runs the file
  std::optional<knowledge::ProtocolVersion> ibp_v, lmfv_v;
  for (auto [entry, out] : {std::pair{ibp, &ibp_v}, std::pair{lmfv, &lmfv_v}}) {
    if (!entry || f_.value_opaque(*entry)) continue;
    const std::string_view key = doc_.key(*entry);
    const std::string value(java_trim(doc_.value(*entry)));
    if (f_.kraft && key == "log.message.format.version") {
      if (target_defines(key))
        emit_.at_key(*entry, RuleId::KL208, quoted(key) + " has no effect on a KRaft node");
      continue;
    }
    core::Error err;
    auto pv = k_.versions->resolve_protocol(value, &err);
    if (!pv) {
      auto& fd = emit_.at_value(*entry, RuleId::KL207,
                                quoted(value) +
                                    " is not a protocol version any Kafka release "
                                    "defines; the broker will not start");
      if (k_.to) {
        auto all = k_.versions->protocol_versions_up_to(*k_.to);
        auto close = core::closest(value, all, 1);
        if (!close.empty()) fd.suggestion = "did you mean " + quoted(close[0]) + "?";
      }
      continue;
    }
    *out = pv;
    // A release's reference may list the next release's development versions (3.9 lists
    // 4.0-IV0 and 4.0-IV1): that release accepts them, but they are not for production.
    auto lists_unstable = [&](const knowledge::Release* r) {
      return r &&
             std::find(r->unstable_protocol_versions.begin(), r->unstable_protocol_versions.end(),
                       pv->name) != r->unstable_protocol_versions.end();
    };
    const knowledge::Release* lister = pv->unstable           ? pv->release
                                       : lists_unstable(runs) ? runs
                                                              : nullptr;
    if (lister)
      emit_.at_value(*entry, RuleId::KL209,
                     quoted(value) + " is listed by Kafka " + lister->name +
                         " but not supported in production");
    // A release that lists the version accepts it: KL209 says what is wrong with it.
    if (k_.to && !lists_unstable(k_.to) && k_.to->version < pv->release->version)
      emit_.at_value(*entry, RuleId::KL205,
                     quoted(value) + " is newer than Kafka " + k_.to->name +
                         "; a broker of that release refuses to start with it");
    else if (k_.from && !lists_unstable(k_.from) && k_.from->version < pv->release->version)
      emit_.at_value(*entry, RuleId::KL205,
                     quoted(value) + " is newer than the running Kafka " + k_.from->name +
                         "; raise it only after every broker runs the new release");
  }
  check_pins_for_upgrade(ibp, lmfv);
  if (f_.kraft && ibp && !f_.opaque(ibp->value) && target_defines("inter.broker.protocol.version"))
    emit_.at_key(*ibp, RuleId::KL208,
                 "'inter.broker.protocol.version' is ignored on a KRaft node; the cluster's "
                 "metadata.version decides (kafka-features.sh)");
  // LMFV ahead of IBP: checked against the release that will run the file.
  if (!runs || !lmfv_v || !lmfv || f_.kraft) return;
  std::optional<knowledge::ProtocolVersion> ibp_eff = ibp_v;
  if (!ibp_eff && !ibp && !runs->ibp_default.empty()) {
    core::Error err;
    ibp_eff = k_.versions->resolve_protocol(runs->ibp_default, &err);
  }
  if (!ibp_eff) return;
  // KL304: from protocol 3.0 the broker writes record format V2 whatever the pin says.
  if (ibp_eff->release->version >= core::Version{{3, 0}}) {
    auto& fd = emit_.at_key(*lmfv, RuleId::KL304,
                            "'log.message.format.version' has no effect once "
                            "inter.broker.protocol.version is 3.0 or later (it is " +
                                quoted(ibp_eff->name) + (ibp ? "" : ", the default") + ")");
    fd.notes.push_back("remove it together with the protocol bump (KIP-724)");
    return;
  }
  bool bad = false;
  if (runs->startup_check == knowledge::StartupCheck::kStrict)
    bad = lmfv_v->index > ibp_eff->index;
  else if (runs->startup_check == knowledge::StartupCheck::kRecordVersion)
    bad = lmfv_v->release->record_format > ibp_eff->release->record_format;
  if (bad)
    emit_.at_value(*lmfv, RuleId::KL206,
                   "log.message.format.version " + quoted(lmfv_v->name) +
                       " is ahead of inter.broker.protocol.version " + quoted(ibp_eff->name) +
                       (ibp ? "" : " (the default)") + "; Kafka " + runs->name +
                       " refuses to start");
}

// KL804: with --from and --to, a ZooKeeper-mode broker must pin the protocol of the running
// release before its first restart on the new binaries; otherwise it talks its own newer
// protocol to the old brokers. The message format too where `plan` pins it.
void FileChecker::check_pins_for_upgrade(const Entry* ibp, const Entry* lmfv) {
  const knowledge::Release* from = k_.from;
  const knowledge::Release* to = k_.to;
  if (!from || !to || from == to || f_.kraft || !to->ibp_key) return;
  // A template line whose key is template code ("{{ k }}={{ v }}" in a loop) may set it.
  for (const Entry& e : doc_.entries())
    if (f_.opaque(e.key)) return;
  const bool lmfv_needed = knowledge::message_format_pin_needed(*from, *to);
  std::vector<std::string> missing;
  if (!ibp) missing.push_back("inter.broker.protocol.version");
  if (!lmfv && lmfv_needed) missing.push_back("log.message.format.version");
  if (missing.empty()) return;
  std::string keys, settings;
  std::vector<std::pair<std::string, std::string>> pins;
  for (const std::string& key : missing) {
    keys += (keys.empty() ? "" : " and ") + quoted(key);
    settings += (settings.empty() ? "" : " and ") + key + "=" + from->name;
    pins.emplace_back(key, from->name);
  }
  const char* what = missing.size() == 2 ? "inter-broker protocol and message format"
                     : ibp               ? "message format"
                                         : "inter-broker protocol";
  auto& fd = emit_.at_file(RuleId::KL804, keys + (missing.size() == 1 ? " is" : " are") +
                                              " not set: a broker restarted on Kafka " + to->name +
                                              " would use the newer " + what + " of " + to->name +
                                              " while the other brokers still run " + from->name);
  fd.subject = missing.front();
  const char* them = missing.size() == 1 ? "it" : "them";
  // Recommend only a plan that plan itself accepts; a refused path has KL802/KL803.
  const std::string steps =
      plan_accepts_path(k_, *from, *to, f_.kraft)
          ? " (kafkalint plan --from " + from->name + " --to " + to->name + " writes the steps)"
          : " (this path needs intermediate steps first: see KL802/KL803)";
  fd.notes.push_back(std::string("pin ") + them + " to " + from->name +
                     " before the rolling upgrade and raise " + them + " after every broker runs " +
                     to->name + steps);
  const std::size_t end = f_.original.size();
  // A rename fix of this run that already produces a pinned key (a misspelt
  // inter.broker.protocol.version) and the appended pin would both land; the next pass's
  // duplicate fix would then drop the value the user wrote. The rename goes first.
  const bool renamed_into = std::any_of(pins.begin(), pins.end(), [&](const auto& pin) {
    return rename_targets_.count(pin.first) != 0;
  });
  if (!renamed_into && properties::appends_cleanly(doc_, pins))
    emit_.fix(fd, end, end, properties::appended_entries(doc_, pins), "add " + settings);
}

}  // namespace kafkalint::checks::props
