#include "checks/cluster_checks.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>

#include "checks/value_check.h"
#include "core/strings.h"

namespace kafkalint::checks {

namespace {

// The kind of a loopback cluster key: what follows is the file name without its number.
constexpr const char* kLocalKey = "local:";

// A file name without its extension and a trailing copy number: "server-2.properties" is
// ("server", true), "server.properties" ("server", false); a number inside the name is part
// of it ("kafka-2.8-server.properties" is that whole stem, not numbered).
std::pair<std::string, bool> numbered_stem(const std::string& name) {
  std::string stem = name.substr(0, name.rfind('.'));
  std::size_t end = stem.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(stem[end - 1]))) --end;
  if (end == stem.size() || end == 0) return {stem, false};
  while (end > 0 && (stem[end - 1] == '-' || stem[end - 1] == '_' || stem[end - 1] == '.')) --end;
  return {stem.substr(0, end), true};
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

constexpr const char* kFactKeys[] = {"process.roles",
                                     "port",
                                     "broker.id",
                                     "node.id",
                                     "listeners",
                                     "inter.broker.protocol.version",
                                     "log.message.format.version",
                                     "zookeeper.connect",
                                     "controller.quorum.voters",
                                     "controller.quorum.bootstrap.servers",
                                     "controller.listener.names"};

// Settings every broker of one cluster must agree on, and the rule that says so.
struct Agreed {
  const char* key;
  RuleId code;
};
constexpr Agreed kAgreed[] = {
    {"inter.broker.protocol.version", RuleId::KL602},
    {"log.message.format.version", RuleId::KL602},
    {"zookeeper.connect", RuleId::KL603},
    {"controller.quorum.voters", RuleId::KL603},
    {"controller.quorum.bootstrap.servers", RuleId::KL603},
    {"controller.listener.names", RuleId::KL603},
};

// "PLAINTEXT://host:9092,SSL://:9093" -> {(host, 9092), ("", 9093)}.
std::vector<std::pair<std::string, std::string>> listener_endpoints(const std::string& v) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  while (i < v.size()) {
    std::size_t comma = v.find(',', i);
    if (comma == std::string::npos) comma = v.size();
    const std::string item(java_trim(std::string_view(v).substr(i, comma - i)));
    const std::size_t scheme = item.find("://");
    if (scheme != std::string::npos) {
      const std::string hp = item.substr(scheme + 3);
      const std::size_t colon = hp.rfind(':');
      if (colon != std::string::npos) out.emplace_back(hp.substr(0, colon), hp.substr(colon + 1));
    }
    i = comma + 1;
  }
  return out;
}

core::Finding& emit(const BrokerFacts& b, const char* key, const CheckKnowledge& k, RuleId id,
                    std::string message, std::vector<core::Finding>* out) {
  core::Finding f = knowledge::make_finding(k.rules, id);
  f.subject = key;
  f.message = std::move(message);
  f.where = {b.path, 1, 1};
  if (auto it = b.settings.find(key); it != b.settings.end()) {
    f.where.line = it->second.value_line;
    f.where.column = it->second.value_column;
    f.length = it->second.length;
    f.source_line = it->second.source_line;
  }
  out->push_back(std::move(f));
  return out->back();
}

// A ZooKeeper ensemble or controller quorum as Kafka understands it, so that spelling does
// not count as a difference: the servers lower-cased and sorted, then what follows them
// ("zk-2:2181,zk-1:2181/kafka" -> "zk-1:2181,zk-2:2181/kafka"). The chroot and the voter
// ids ("1@") matter to Kafka and are kept unless `servers_only`, which gives the servers
// alone: brokers whose chroot or voter ids disagree still form one cluster with a mistake
// (KL603), not two clusters.
std::string ensemble(std::string_view key, std::string_view value, bool servers_only) {
  std::string_view hosts = value, rest;
  if (key == "zookeeper.connect") {
    if (const std::size_t slash = value.find('/'); slash != std::string_view::npos) {
      hosts = value.substr(0, slash);
      rest = value.substr(slash);
    }
  }
  std::vector<std::string> items;
  for (std::size_t i = 0; i <= hosts.size();) {
    std::size_t comma = hosts.find(',', i);
    if (comma == std::string_view::npos) comma = hosts.size();
    std::string_view item = java_trim(hosts.substr(i, comma - i));
    if (servers_only && key == "controller.quorum.voters")
      if (const std::size_t at = item.find('@'); at != std::string_view::npos)
        item.remove_prefix(at + 1);
    std::string server = core::ascii_lower(item);
    if (!server.empty()) items.push_back(std::move(server));
    i = comma + 1;
  }
  std::sort(items.begin(), items.end());
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return servers_only ? out : out + std::string(java_trim(rest));
}

}  // namespace

std::string cluster_key(const PropsFile& f) {
  for (const char* key :
       {"zookeeper.connect", "controller.quorum.voters", "controller.quorum.bootstrap.servers"}) {
    const properties::Entry* e = f.doc().find(key);
    if (!e) continue;
    if (f.value_opaque(*e)) return {};
    const std::string_view v = java_trim(f.doc().value(*e));
    if (v.empty()) continue;
    const std::size_t slash = f.path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : f.path.substr(0, slash);
    // A loopback ensemble ("localhost:2181", "1@localhost:9093") is what every stock sample
    // and single-node setup names: files that share it form one cluster only when they are
    // numbered copies of one file side by side (server-1.properties, server-2.properties: the
    // quickstart's brokers on one machine, where a forgotten id or port is the classic slip).
    if (v.find("localhost") != std::string_view::npos ||
        v.find("127.0.0.1") != std::string_view::npos) {
      const std::string name = f.path.substr(slash == std::string::npos ? 0 : slash + 1);
      return dir + "\n" + kLocalKey + numbered_stem(name).first;
    }
    return dir + "\n" + key + "=" + ensemble(key, v, /*servers_only=*/true);
  }
  return {};
}

BrokerFacts broker_facts(const PropsFile& f) {
  BrokerFacts b;
  b.path = f.path;
  if (const properties::Entry* roles = f.doc().find("process.roles"))
    b.controller_only = java_trim(f.doc().value(*roles)) == "controller";
  for (const char* key : kFactKeys) {
    const properties::Entry* e = f.doc().find(key);
    if (!e) continue;
    BrokerSetting s;
    s.value = std::string(java_trim(f.doc().value(*e)));
    s.opaque = f.opaque(e->value);
    s.value_line = e->value_line;
    s.value_column = e->value_column;
    s.length = e->value_line == e->last_line ? static_cast<int>(e->value.size()) : 0;
    s.source_line = f.source_line(e->value_line);
    b.settings.emplace(key, std::move(s));
  }
  return b;
}

void check_cluster(const std::vector<const BrokerFacts*>& brokers, const CheckKnowledge& k,
                   std::vector<core::Finding>* out) {
  if (brokers.size() < 2) return;
  auto get = [](const BrokerFacts& b, const char* key) -> const BrokerSetting* {
    auto it = b.settings.find(key);
    return it == b.settings.end() ? nullptr : &it->second;
  };

  // KL601: two brokers with one id (node.id and broker.id share one id space; node.id wins).
  std::map<std::string, const BrokerFacts*> ids;
  for (const BrokerFacts* b : brokers) {
    for (const char* key : {"node.id", "broker.id"}) {
      const BrokerSetting* s = get(*b, key);
      if (!s || s->opaque || s->value.empty() || s->value == "-1") continue;
      auto [it, fresh] = ids.emplace(s->value, b);
      // A combined broker+controller file and a controller-only file with one id are
      // alternative layouts of one node (as in Kafka's config/kraft samples), not two nodes.
      const BrokerSetting* r1 = get(*b, "process.roles");
      const BrokerSetting* r2 = get(*it->second, "process.roles");
      const bool same_roles = (!r1 && !r2) || (r1 && r2 && r1->value == r2->value);
      if (!fresh && same_roles)
        emit(*b, key, k, RuleId::KL601,
             quoted(key) + " " + quoted(s->value) + " is also used by " + it->second->path +
                 "; two brokers with one id cannot both join the cluster",
             out);
      break;
    }
  }

  // KL602/KL603: settings that must agree. The most common value is the cluster's.
  for (const Agreed& a : kAgreed) {
    // Grouped by the value as Kafka understands it ("" = unset); `written` keeps how the
    // first broker with that value wrote it.
    std::map<std::string, std::vector<const BrokerFacts*>> by_value;
    std::map<std::string, std::string> written;
    const bool quorum =
        a.code == RuleId::KL603 && std::string_view(a.key) != "controller.listener.names";
    bool opaque = false;
    for (const BrokerFacts* b : brokers) {
      // A controller (a migration's, or a 3.x KRaft one) ignores the protocol pins.
      if (b->controller_only && a.code == RuleId::KL602) continue;
      const BrokerSetting* s = get(*b, a.key);
      if (s && s->opaque) opaque = true;
      const std::string v = !s ? "" : quorum ? ensemble(a.key, s->value, false) : s->value;
      by_value[v].push_back(b);
      written.emplace(v, s ? s->value : "");
    }
    if (opaque || by_value.size() < 2) continue;
    // Unset vs set on quorum settings is a ZooKeeper/KRaft mix (a migration), not a typo.
    if (a.code == RuleId::KL603 && by_value.count("")) continue;
    auto majority = by_value.begin();
    for (auto it = by_value.begin(); it != by_value.end(); ++it)
      if (it->second.size() > majority->second.size()) majority = it;
    for (auto it = by_value.begin(); it != by_value.end(); ++it) {
      if (it == majority) continue;
      for (const BrokerFacts* b : it->second) {
        const std::string theirs =
            majority->first.empty() ? "unset" : quoted(written[majority->first]);
        const std::string mine = it->first.empty() ? "unset" : quoted(get(*b, a.key)->value);
        std::string msg = quoted(a.key) + " is " + mine + " here but " + theirs + " in " +
                          majority->second.front()->path;
        if (majority->second.size() > 1)
          msg += " and " + std::to_string(majority->second.size() - 1) + " more";
        emit(*b, a.key, k, a.code, msg, out);
      }
    }
  }

  // KL604: two brokers on one host and port.
  std::map<std::pair<std::string, std::string>, const BrokerFacts*> endpoints;
  for (const BrokerFacts* b : brokers) {
    const BrokerSetting* s = get(*b, "listeners");
    if (!s || s->opaque) continue;
    for (const auto& [host, port] : listener_endpoints(s->value)) {
      // An empty host or a wildcard binds every interface of its own machine: no clash known.
      if (host.empty() || host == "0.0.0.0" || host == "[::]" || host == "::") continue;
      auto [it, fresh] = endpoints.emplace(std::pair{host, port}, b);
      if (!fresh && it->second != b)
        emit(*b, "listeners", k, RuleId::KL604,
             quoted(host + ":" + port) + " is also a listener of " + it->second->path +
                 "; the second broker on that host cannot bind it",
             out);
    }
  }
}

namespace {

struct ClusterKeyParts {
  std::string dir, kind;             // kind: the key compared ("zookeeper.connect"), or local
  std::vector<std::string> servers;  // sorted
  bool numbered = false;             // local: the file name carries a number
};

ClusterKeyParts split_key(const std::string& key, const std::string& path) {
  ClusterKeyParts p;
  const std::size_t nl = key.find('\n');
  p.dir = key.substr(0, nl);
  const std::string rest = key.substr(nl + 1);
  if (rest.compare(0, std::strlen(kLocalKey), kLocalKey) == 0) {
    p.kind = rest;  // local and the file's stem: only numbered copies of one file group
    const std::size_t slash = path.rfind('/');
    p.numbered = numbered_stem(path.substr(slash == std::string::npos ? 0 : slash + 1)).second;
    return p;
  }
  const std::size_t eq = rest.find('=');
  p.kind = rest.substr(0, eq);
  const std::string list = rest.substr(eq + 1);
  for (std::size_t i = 0; i <= list.size();) {
    std::size_t comma = list.find(',', i);
    if (comma == std::string::npos) comma = list.size();
    if (comma > i) p.servers.push_back(list.substr(i, comma - i));
    i = comma + 1;
  }
  return p;
}

std::string parent_dir(const std::string& dir) {
  const std::size_t slash = dir.rfind('/');
  return slash == std::string::npos ? (dir == "." ? std::string() : ".") : dir.substr(0, slash);
}

std::size_t find_root(std::vector<std::size_t>& up, std::size_t i) {
  while (up[i] != i) i = up[i] = up[up[i]];
  return i;
}

}  // namespace

std::vector<std::vector<std::size_t>> group_clusters(const std::vector<std::string>& keys,
                                                     const std::vector<std::string>& paths) {
  const std::size_t n = keys.size();
  std::vector<ClusterKeyParts> parts(n);
  std::map<std::string, int> files_in_dir;
  for (std::size_t i = 0; i < n; ++i) {
    if (keys[i].empty()) continue;
    parts[i] = split_key(keys[i], paths[i]);
    ++files_in_dir[parts[i].dir];
  }
  // One folder per host (kafka-1/server.properties, host_vars/kafka-2/...): a folder with a
  // single broker file belongs with its siblings. Loopback files never move up: sample
  // folders side by side each hold their own localhost broker.
  std::vector<std::string> home(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (keys[i].empty()) continue;
    const bool local = parts[i].servers.empty();
    home[i] = !local && files_in_dir[parts[i].dir] == 1 ? parent_dir(parts[i].dir) : parts[i].dir;
  }
  std::vector<std::size_t> up(n);
  for (std::size_t i = 0; i < n; ++i) up[i] = i;
  // Brokers of one place that name the same kind of ensemble and share one of its servers are
  // one cluster, so a typo in one server of one broker is a difference to report (KL603), not
  // a second cluster; ensembles with no server in common are unrelated samples.
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> place;
  for (std::size_t i = 0; i < n; ++i)
    if (!keys[i].empty()) place[{home[i], parts[i].kind}].push_back(i);
  for (const auto& [where, members] : place) {
    std::map<std::string, std::size_t> first_with;  // server -> the first broker naming it
    bool any_numbered = false;
    for (std::size_t m : members) any_numbered = any_numbered || parts[m].numbered;
    for (std::size_t m : members) {
      if (parts[m].servers.empty()) {  // loopback: numbered copies of one file
        if (any_numbered) up[find_root(up, m)] = find_root(up, members.front());
        continue;
      }
      for (const std::string& server : parts[m].servers) {
        auto [it, fresh] = first_with.emplace(server, m);
        if (!fresh) up[find_root(up, m)] = find_root(up, it->second);
      }
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < n; ++i)
    if (!keys[i].empty()) groups[find_root(up, i)].push_back(i);
  std::vector<std::vector<std::size_t>> out;
  for (auto& [root, members] : groups) out.push_back(std::move(members));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kafkalint::checks
