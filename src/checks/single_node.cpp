#include "checks/single_node.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "checks/value_check.h"
#include "core/strings.h"

namespace kafkalint::checks {
namespace {

bool loopback_host(std::string_view host) {
  if (host.empty()) return false;  // "PLAINTEXT://:9092" binds every interface
  const std::string h = core::ascii_lower(host);
  return h == "localhost" || h.rfind("127.", 0) == 0 || h == "[::1]" || h == "::1";
}

// The host of "NAME://host:port", "id@host:port" or "host:port[/chroot]".
std::string_view host_of(std::string_view item) {
  if (const std::size_t s = item.find("://"); s != std::string_view::npos)
    item.remove_prefix(s + 3);
  if (const std::size_t at = item.find('@'); at != std::string_view::npos)
    item.remove_prefix(at + 1);
  if (const std::size_t slash = item.find('/'); slash != std::string_view::npos)
    item = item.substr(0, slash);
  if (!item.empty() && item.front() == '[') {
    const std::size_t close = item.find(']');
    return close == std::string_view::npos ? item : item.substr(0, close + 1);
  }
  const std::size_t colon = item.rfind(':');
  return colon == std::string_view::npos ? item : item.substr(0, colon);
}

// Every item of the comma-separated `key` is on loopback; `absent` when the file leaves it
// unset. nullopt when a value is templated (unknown until rendered).
enum class Where { kAbsent, kLoopback, kElsewhere };
Where where(const PropsFile& f, std::string_view key, bool empty_host_is_local) {
  const properties::Entry* e = f.doc().find(key);
  if (!e) return Where::kAbsent;
  if (f.value_opaque(*e)) return Where::kElsewhere;
  const std::string_view v = java_trim(f.doc().value(*e));
  if (v.empty()) return Where::kAbsent;
  for (std::size_t i = 0; i <= v.size();) {
    std::size_t comma = v.find(',', i);
    if (comma == std::string_view::npos) comma = v.size();
    const std::string_view host = host_of(java_trim(v.substr(i, comma - i)));
    if (!loopback_host(host) && !(empty_host_is_local && host.empty())) return Where::kElsewhere;
    i = comma + 1;
  }
  return Where::kLoopback;
}

bool set_to(const PropsFile& f, std::string_view key, std::string_view value) {
  const properties::Entry* e = f.doc().find(key);
  return e && !f.value_opaque(*e) && java_trim(f.doc().value(*e)) == value;
}

bool under_tmp(const PropsFile& f, std::string_view key) {
  const properties::Entry* e = f.doc().find(key);
  if (!e || f.value_opaque(*e)) return false;
  const std::string_view v = java_trim(f.doc().value(*e));
  return v.rfind("/tmp/", 0) == 0 && v.find(',') == std::string_view::npos;
}

bool folded(const core::Finding& fd) {
  if (fd.code.rfind("KL4", 0) != 0) return false;
  // One broker cannot do more: one replica per partition, internal or not, and so one in-sync
  // replica at most (a set default.replication.factor=1 was a separate warning beside the
  // grouped ones on Kafka's own KRaft sample edited for one node).
  if (fd.is(RuleId::KL406) || fd.is(RuleId::KL407) || fd.is(RuleId::KL409) || fd.is(RuleId::KL403))
    return true;
  return fd.where.line == 1 && fd.where.column == 1 && fd.source_line.empty() &&
         !fd.subject.empty();
}

}  // namespace

bool development_single_node(const PropsFile& f) {
  if (f.role != Role::kBroker || f.templated()) return false;
  // What says "development": the one replica a single broker can keep, or data under /tmp
  // (Kafka's samples before the offsets topic existed), which no server keeps over a reboot.
  if (!set_to(f, "offsets.topic.replication.factor", "1") &&
      !set_to(f, "default.replication.factor", "1") && !under_tmp(f, "log.dirs") &&
      !(f.doc().find("log.dirs") == nullptr && under_tmp(f, "log.dir")))
    return false;
  const Where zk = where(f, "zookeeper.connect", false);
  const Where voters = where(f, "controller.quorum.voters", false);
  const Where bootstrap = where(f, "controller.quorum.bootstrap.servers", false);
  if (zk == Where::kElsewhere || voters == Where::kElsewhere || bootstrap == Where::kElsewhere)
    return false;
  // A KRaft quorum reached only on loopback, with the one replica a single broker can keep:
  // every node of this cluster runs on this machine, whatever it advertises to clients (a
  // laptop's name, 0.0.0.0). A loopback ZooKeeper is no such proof: brokers of a real
  // cluster often talk to an ensemble member on their own host.
  // The one replica may be said by default.replication.factor alone (a runbook's snippet for
  // "a single broker" leaves the internal topics out).
  if ((voters == Where::kLoopback || bootstrap == Where::kLoopback) &&
      (set_to(f, "offsets.topic.replication.factor", "1") ||
       set_to(f, "default.replication.factor", "1")))
    return true;
  // A listener without a host binds every interface; on a sample it is still one machine as
  // long as nothing it advertises or joins is elsewhere.
  if (where(f, "listeners", /*empty_host_is_local=*/true) == Where::kElsewhere) return false;
  if (where(f, "advertised.listeners", false) == Where::kElsewhere) return false;
  if (zk == Where::kLoopback || voters == Where::kLoopback || bootstrap == Where::kLoopback)
    return true;
  // A KRaft node that names no quorum at all and listens on loopback only: its controller
  // listener is on this machine, so every node of its cluster is too (janchilling/
  // Kafka-Thulawa's combined sample, whose missing quorum is KL302's).
  return f.kraft && zk == Where::kAbsent && voters == Where::kAbsent &&
         bootstrap == Where::kAbsent && where(f, "listeners", false) == Where::kLoopback;
}

void collapse_single_node_findings(const PropsFile& f, const CheckKnowledge& k,
                                   const std::function<bool(const core::Finding&)>& shown,
                                   std::vector<core::Finding>* raw) {
  if (!development_single_node(f)) return;
  const bool local_listeners =
      where(f, "listeners", /*empty_host_is_local=*/true) != Where::kElsewhere &&
      where(f, "advertised.listeners", false) != Where::kElsewhere;
  const bool names_quorum =
      where(f, "controller.quorum.voters", false) != Where::kAbsent ||
      where(f, "controller.quorum.bootstrap.servers", false) != Where::kAbsent;
  std::string why = "loopback listeners";
  if (!f.kraft)
    why += " and ZooKeeper";
  else if (names_quorum)
    why += " and quorum";
  collapse_findings(f, k, shown, raw,
                    local_listeners ? "a development broker on one machine (" + why + ")"
                                    : std::string("a development broker on one machine (its "
                                                  "controller quorum is on loopback)"));
}

bool has_groupable(const std::vector<core::Finding>& raw) {
  return std::any_of(raw.begin(), raw.end(), folded);
}

void collapse_findings(const PropsFile& f, const CheckKnowledge& k,
                       const std::function<bool(const core::Finding&)>& shown,
                       std::vector<core::Finding>* raw, const std::string& why) {
  if (!k.rules) return;
  core::Finding s = knowledge::make_finding(k.rules, RuleId::KL413);
  s.where = {f.path, 1, 1};
  s.subject = "offsets.topic.replication.factor";
  if (!shown(s)) return;
  std::set<std::string> subjects;
  std::set<std::string> codes;
  std::size_t n = 0;
  for (const core::Finding& fd : *raw)
    if (folded(fd)) {
      ++n;
      subjects.insert(fd.subject);
      codes.insert(fd.code);
    }
  if (n == 0) return;
  raw->erase(std::remove_if(raw->begin(), raw->end(), folded), raw->end());
  std::string list;
  for (const std::string& key : subjects) list += (list.empty() ? "'" : ", '") + key + "'";
  std::string rules;
  for (const std::string& c : codes) rules += (rules.empty() ? "" : ",") + c;
  s.message = why + ": " + std::to_string(n) +
              " production replication and topic-default findings are grouped here: " + list;
  s.notes.push_back("before this file serves a real cluster, run check with --select " + rules +
                    " (or --ignore KL413) to see each of them");
  raw->push_back(std::move(s));
}

namespace {

// The distinct hosts of a comma-separated ensemble or quorum; empty when unset or templated.
std::set<std::string> hosts_of(const PropsFile& f, std::string_view key) {
  std::set<std::string> hosts;
  const properties::Entry* e = f.doc().find(key);
  if (!e || f.value_opaque(*e)) return hosts;
  const std::string_view v = java_trim(f.doc().value(*e));
  for (std::size_t i = 0; i <= v.size();) {
    std::size_t comma = v.find(',', i);
    if (comma == std::string_view::npos) comma = v.size();
    const std::string_view host = host_of(java_trim(v.substr(i, comma - i)));
    if (!host.empty()) hosts.emplace(host);
    i = comma + 1;
  }
  return hosts;
}

// Hosts of an ensemble that spans machines: two or more, none of them loopback.
bool spans_hosts(const std::set<std::string>& hosts) {
  if (hosts.size() < 2) return false;
  return std::none_of(hosts.begin(), hosts.end(),
                      [](const std::string& h) { return loopback_host(h); });
}

}  // namespace

void check_loopback_advertised(const PropsFile& f, const CheckKnowledge& k,
                               std::vector<core::Finding>* out) {
  if (f.role != Role::kBroker || f.templated()) return;
  if (set_to(f, "process.roles", "controller")) return;  // controllers replicate no partitions
  if (!spans_hosts(hosts_of(f, "zookeeper.connect")) &&
      !spans_hosts(hosts_of(f, "controller.quorum.voters")) &&
      !spans_hosts(hosts_of(f, "controller.quorum.bootstrap.servers")))
    return;
  // The inter-broker listener: by name, else the one named after its security protocol.
  std::string name = "PLAINTEXT";
  for (const char* key : {"inter.broker.listener.name", "security.inter.broker.protocol"})
    if (const properties::Entry* e = f.doc().find(key)) {
      if (f.value_opaque(*e)) return;
      name = core::ascii_upper(java_trim(f.doc().value(*e)));
      break;
    }
  const char* key = f.doc().find("advertised.listeners") ? "advertised.listeners" : "listeners";
  const properties::Entry* e = f.doc().find(key);
  if (!e || f.value_opaque(*e)) return;
  const std::string_view v = java_trim(f.doc().value(*e));
  for (std::size_t i = 0; i <= v.size();) {
    std::size_t comma = v.find(',', i);
    if (comma == std::string_view::npos) comma = v.size();
    const std::string_view item = java_trim(v.substr(i, comma - i));
    i = comma + 1;
    const std::size_t sep = item.find("://");
    if (sep == std::string_view::npos || core::ascii_upper(item.substr(0, sep)) != name) continue;
    const std::string_view host = host_of(item);
    if (!loopback_host(host)) return;
    Emitter emit(f, k, out);
    emit.at_value(*e, RuleId::KL415,
                  "the inter-broker listener '" + name + "' is advertised on " + std::string(host) +
                      " although this broker's cluster spans several hosts; the other brokers "
                      "would replicate from their own machine");
    return;
  }
}

}  // namespace kafkalint::checks
