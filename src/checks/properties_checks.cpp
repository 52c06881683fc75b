// The checks of one properties file: keys (KL1xx), values (KL2xx), defaults (KL3xx),
// rolling-restart safety (KL4xx) and encoding (KL5xx), each family in its own file under
// src/checks/properties/. This file holds what they share: the order they run in and the
// precedence that reports a key once. Cluster-wide checks over several broker files are in
// cluster_checks.cpp.

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "checks/kraft_startup.h"
#include "checks/properties/file_checker.h"
#include "checks/single_node.h"
#include "checks/startup_combinations.h"
#include "checks/upgrade_path.h"

namespace kafkalint::checks {

namespace {

// Asks the kernel to back a large buffer with 2 MB pages where it can: the findings of a
// 160,000-key file fill ~60 MB, and faulting that in 4 KB pages was a fifth of `check`'s
// time. Advice only: ignored where transparent huge pages are off or unknown.
void huge_pages(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  const std::size_t skip = (kHuge - reinterpret_cast<std::uintptr_t>(data) % kHuge) % kHuge;
  if (bytes > skip + kHuge)
    madvise(static_cast<char*>(data) + skip, (bytes - skip) / kHuge * kHuge, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace

namespace props {

namespace {

/// Keys under these prefixes are read by plugins or per-listener overrides: Kafka passes
/// them on, so they are not "unknown". Cruise Control's metrics reporter, a common broker
/// plugin, reads its cruise.control.metrics.* settings from the broker config; Confluent
/// Server's LDAP authorizer and MDS read ldap.* (ldap.java.naming.provider.url,
/// ldap.user.search.base, ...), which no Apache Kafka key starts with, so no typo of a Kafka
/// key hides there (cp-ansible's sample inventories set a dozen of them). Confluent Server's
/// embedded REST Proxy reads kafka.rest.* from the broker config (1123/kafka-docker-mtls), and
/// Confluent's serializers read schema.registry.* and basic.auth.* from the client config
/// they are given; no Apache Kafka key starts with any of these either.
bool documented_prefix(std::string_view key) {
  static constexpr std::string_view kPrefixes[] = {"listener.name.",
                                                   "rsm.config.",
                                                   "rlmm.config.",
                                                   "confluent.",
                                                   "remote.log.storage.manager.impl.",
                                                   "remote.log.metadata.manager.impl.",
                                                   "producer.override.",
                                                   "consumer.override.",
                                                   "admin.override.",
                                                   "client.quota.callback.static.",
                                                   "config.providers.",
                                                   "cruise.control.metrics.",
                                                   "ldap.",
                                                   "kafka.rest.",
                                                   "schema.registry.",
                                                   "basic.auth."};
  for (std::string_view p : kPrefixes)
    if (key.substr(0, p.size()) == p && key.size() > p.size()) return true;
  return false;
}

}  // namespace

void FileChecker::run() {
  check_encoding();
  check_duplicates();
  for (const Entry& e : doc_.entries()) check_entry(e);
  check_protocol_pins();
  check_shadowed();
  check_set_values();
  check_default_minimums();
  // Unset keys: a controller hosts no partitions, template loops may set any key, and a
  // topic's file lists only its overrides (the rest come from the brokers' defaults).
  if (!controller_only() && !f_.templated() && f_.role != Role::kTopic) {
    check_unset_keys();
    // KL301: the defaults that change under this file between --from and --to.
    check_default_changes(f_, k_, emit_);
  }
  check_required();
}

// The key as the check sees it: without a leading byte order mark (reported once as KL501).
std::string_view FileChecker::key_of(const Entry& e) const {
  std::string_view key = doc_.key(e);
  if (&e == &doc_.entries().front() && key.substr(0, kBomAsLatin1.size()) == kBomAsLatin1)
    key.remove_prefix(kBomAsLatin1.size());
  return key;
}

const knowledge::ConfigKey* FileChecker::find_key(std::string_view key) const {
  for (Scope s : scopes_)
    if (const knowledge::ConfigKey* c = k_.configs->find(s, key)) return c;
  return nullptr;
}

bool FileChecker::plain_key(const Entry& e) const {
  // The key is written exactly as it decodes (no escapes, one line), so a fix can replace
  // its bytes with another plain key. And it is the key's only entry: renaming one of
  // several would change which value Java keeps (an earlier, ignored entry becoming the
  // renamed key's value while the effective one stays behind, continued or escaped), and a
  // second --fix would find the others still to rename. Duplicates are KL107's first.
  const std::string_view raw(f_.original.data() + e.key.begin, e.key.size());
  return raw == doc_.key(e) && !f_.opaque(e.key) && doc_.count(doc_.key(e)) == 1;
}

bool FileChecker::can_rename(const Entry& e, const std::string& to) {
  // Two misspellings of one key (num.partitons, num.partiions) renamed in one run would set
  // it twice, and the duplicate fix would then drop the earlier value: the first one only.
  return plain_key(e) && !doc_.find(to) && rename_targets_.insert(to).second;
}

// A KRaft controller that is not also a broker hosts no partitions: the replication and
// producer-side safety checks do not apply to it (only those of keys that controllers read).
bool FileChecker::controller_only() const {
  const Entry* r = doc_.find("process.roles");
  if (!r || f_.value_opaque(*r)) return false;
  return java_trim(doc_.value(*r)) == "controller";
}

bool FileChecker::broker_only() const {
  const Entry* r = doc_.find("process.roles");
  return r && !f_.value_opaque(*r) && java_trim(doc_.value(*r)) == "broker";
}

void FileChecker::check_entry(const Entry& e) {
  if (f_.opaque(e.key)) return;  // a templated key: unknown until rendered
  const std::string_view key = key_of(e);
  if (key.empty()) return;
  if (k_.keys->is_log4j_key(key)) {
    emit_.at_key(e, k_.keys->log4j_rule(),
                 quoted(key) +
                     " is a Log4j setting; Kafka ignores it here, it belongs in "
                     "log4j.properties (log4j2.yaml from 4.0)");
    return;
  }

  if (const knowledge::ConfigKey* ck = find_key(key)) {
    check_known(e, key, *ck);
    return;
  }
  if (k_.keys->undocumented(key, scope_set_, k_.to ? &k_.to->version : nullptr)) return;
  if (check_legacy_or_changed(e, key)) return;
  for (Scope s : scopes_) {
    if (const knowledge::RemovedKey* r = k_.configs->removed(s, key)) {
      if (k_.to) {
        std::string msg = quoted(key) + " was removed after Kafka " + r->last + "; Kafka " +
                          k_.to->name + " ignores it";
        emit_.at_key(e, RuleId::KL103, msg);
      }
      return;
    }
    if (k_.configs->undocumented(s, key)) return;
  }
  if (const knowledge::PrefixedKeys* p = k_.keys->prefixed_for(key)) {
    // Before `since` the target has no such plugin and no prefix to add.
    if (p->scope.overlaps(scope_set_) && (!k_.to || p->since <= k_.to->version)) {
      const std::string prefixed = p->required_prefix + std::string(key);
      auto& fd =
          emit_.at_key(e, p->rule, quoted(key) + " only takes effect as " + quoted(prefixed));
      if (!p->note.empty()) fd.notes.push_back(p->note);
      if (can_rename(e, prefixed))
        emit_.fix(fd, e.key.begin, e.key.end, prefixed, "rename to " + quoted(prefixed));
      return;
    }
  }
  if (documented_prefix(key)) return;
  if (check_other_scope(e, key)) return;
  check_unknown(e, key);
}

}  // namespace props

void check_properties(const PropsFile& f, const CheckKnowledge& k,
                      std::vector<core::Finding>* out) {
  const std::size_t first = out->size();
  // A large file may have a finding for every entry (every key unknown): room for that many
  // up front spares the moves of a growing vector of ~340-byte findings (`plan` checks each
  // file once per phase and release). An eighth more for the entries with two findings (a
  // duplicate is also unknown) and the file's own. Above the allocator's mmap threshold
  // (~1,000 findings), room not written to is address space, not memory.
  if (const std::size_t n = f.doc().entries().size(); n >= 1024) {
    out->reserve(out->size() + n + n / 8 + 64);
    huge_pages(out->data() + out->size(), (out->capacity() - out->size()) * sizeof(core::Finding));
  }
  props::FileChecker(f, k, out).run();
  check_kraft_startup(f, k, out);
  check_loopback_advertised(f, k, out);
  check_startup_combinations(f, k, out);
  // Removing a byte order mark changes the first key ("\xEF\xBB\xBF\tkey=v" is the key "ï»¿"
  // until then), and with it which entries the other fixes see: the mark's fix goes alone,
  // the others are found again in the next --fix pass.
  const auto bom =
      std::find_if(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                   [](const core::Finding& fd) { return fd.is(RuleId::KL501) && fd.fix; });
  if (bom != out->end())
    for (std::size_t i = first; i < out->size(); ++i)
      if (!(*out)[i].is(RuleId::KL501)) (*out)[i].fix.reset();
}

}  // namespace kafkalint::checks
