#include "checks/carrier_checks.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "checks/ansible_inventory.h"
#include "checks/cluster_checks.h"
#include "checks/doc_properties.h"
#include "checks/single_node.h"
#include "checks/template_yaml.h"
#include "core/file_io.h"
#include "core/line_index.h"
#include "scripts/carriers.h"
#include "scripts/snippet.h"

namespace kafkalint::checks {
namespace {

// KL107 names the line of the entry that wins ("is set again on line 36"); in the text built
// from a carrier that is the entry's index, not a line of the carrier's file.
void carrier_line_reference(core::Finding& fd,
                            const std::vector<const scripts::CarrierEntry*>& entries) {
  static constexpr std::string_view kAt = "is set again on line ";
  const std::size_t at = fd.message.find(kAt);
  if (at == std::string::npos) return;
  const std::size_t b = at + kAt.size();
  std::size_t e = b;
  while (e < fd.message.size() && std::isdigit(static_cast<unsigned char>(fd.message[e]))) ++e;
  if (e == b) return;
  const std::size_t n = std::stoul(fd.message.substr(b, e - b));
  if (n == 0 || n > entries.size()) return;
  fd.message.replace(b, e - b, std::to_string(entries[n - 1]->key_line));
}

// Where one entry sits in the synthetic properties text the rules run on.
struct Slot {
  std::size_t key_at = 0, key_len = 0, value_at = 0, value_len = 0;
  bool value_escaped = false;  // the synthetic value differs from the carrier's bytes
};

// Where a carrier's release comes from, for the note on its findings.
std::string release_source(const scripts::Carrier& c) {
  return c.image.empty() ? "the resource's Kafka version" : "the image tag";
}

bool plain_key(const std::string& k) {
  if (k.empty()) return false;
  for (char c : k)
    if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\\' || c == '#' || c == '!' ||
        c == '\n' || c == '\r')
      return false;
  return true;
}

class CarrierChecker {
  // One broker of a cluster: its facts and how its entries sit in the synthetic text.
  struct Member {
    BrokerFacts facts;
    std::string key;  // cluster_key: the ensemble or quorum servers it names
    std::vector<Slot> slots;
    std::vector<const scripts::CarrierEntry*> entries;
    const scripts::Carrier* carrier = nullptr;
  };

 public:
  CarrierChecker(const ScriptFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out)
      : f_(f), k_(k), out_(out), index_(f.content) {}

  void check(const scripts::Carrier& c, std::optional<Role> role) {
    for (const scripts::PropertiesBlock& b : c.blocks)
      check_properties_block(f_, b, k_, role, c.what, out_);
    if (c.metadata_line > 0) metadata_version(c);
    if (c.entries.empty() || !k_.configs) return;
    std::string text;
    std::vector<Slot> slots;
    std::vector<const scripts::CarrierEntry*> entries;
    for (const scripts::CarrierEntry& e : c.entries) {
      if (!e.managed_by.empty()) {
        managed(e, c);
        continue;  // the operator drops it: the rest of the rules would judge a dead line
      }
      if (!plain_key(e.key)) continue;
      Slot s;
      s.key_at = text.size();
      s.key_len = e.key.size();
      text += e.key + "=";
      s.value_at = text.size();
      const std::string v = escaped_value(e.value);
      s.value_len = v.size();
      s.value_escaped = v != e.value;
      text += v + "\n";
      slots.push_back(s);
      entries.push_back(&e);
    }
    std::unique_ptr<PropsFile> p = load_props(f_.path, text);
    if (p->refused() || p->doc().entries().empty()) return;
    // Every carrier here is Kafka's by construction (a Kafka image, a Kafka resource, a
    // Kafka properties file): a typo'd key alone is still a finding.
    p->role = role ? *role : parse_role(c.role).value_or(Role::kBroker);
    p->role_reason = c.what;
    p->partial = true;
    for (const properties::Entry& e : p->doc().entries())
      if (p->doc().key(e) == "process.roles") p->kraft = true;
    if (c.kraft) p->kraft = true;  // Strimzi: the resource or its node pools say so
    // Without --to, the release the carrier names (image tag, spec.kafka.version) is its target.
    const CheckKnowledge* named =
        !k_.to && !c.release.empty() && k_.for_release ? k_.for_release(c.release) : nullptr;
    const CheckKnowledge& kk = named ? *named : k_;
    std::vector<core::Finding> raw;
    check_properties(*p, kk, &raw);
    if (!c.cluster.empty()) {
      Member m{broker_facts(*p), cluster_key(*p), slots, entries, &c};
      m.facts.path = c.what;
      members_.push_back(std::move(m));
    }
    std::vector<core::Finding> placed;
    for (core::Finding& fd : raw) {
      // File-level findings (a key that is not set) need the whole config, which the image
      // or the operator completes: not the carrier's business.
      if (fd.where.line == 1 && fd.where.column == 1 && fd.source_line.empty()) continue;
      // KL231 (no node.id) is such a finding too, only placed on process.roles: images set
      // the id from their own variables (Bitnami's KAFKA_BROKER_ID in its KRaft examples) or
      // base config, which this reading does not see.
      if (fd.is(RuleId::KL231)) continue;
      const std::size_t i = static_cast<std::size_t>(fd.where.line - 1);
      if (i >= slots.size()) continue;
      if (fd.is(RuleId::KL107)) carrier_line_reference(fd, entries);
      relocate(fd, *entries[i], slots[i], c);
      if (named) fd.notes.push_back("Kafka " + c.release + " from " + release_source(c));
      placed.push_back(std::move(fd));
    }
    if (c.single_node && !entries.empty()) {
      collapse_findings(
          *p, kk, [](const core::Finding&) { return true; }, &placed,
          c.resource.empty()
              ? "the only Kafka service of this Compose file, a single-node setup"
              : "a Strimzi Kafka resource with one broker (" +
                    (c.single_node_why.empty() ? std::string("spec.kafka.replicas: 1")
                                               : c.single_node_why) +
                    "), a single-node setup");
      for (core::Finding& fd : placed)
        if (fd.is(RuleId::KL413)) {
          fd.where = {f_.path, entries.front()->key_line, entries.front()->key_column};
          fd.source_line = std::string(f_.line_text(fd.where.line));
          fd.notes.push_back("in " + c.what);
        }
    }
    for (core::Finding& fd : placed) out_->push_back(std::move(fd));
  }

  // KL6xx across the brokers of one cluster, each finding moved onto the entry it is about.
  // The Kafka services of one Compose file form a cluster where they share a server of their
  // ZooKeeper ensemble or controller quorum (group_clusters, as for broker files in one
  // folder): a file may also run unrelated brokers side by side (two releases, a MirrorMaker
  // source and target). KL604 (a port twice on one host) does not apply: every container has
  // its own network namespace.
  void check_clusters() {
    std::map<std::string, std::vector<const Member*>> by_carrier;
    for (const Member& m : members_) by_carrier[m.carrier->cluster].push_back(&m);
    for (const auto& [name, all] : by_carrier) {
      std::vector<std::string> keys, paths;
      for (const Member* m : all) {
        keys.push_back(m->key);
        paths.push_back(f_.path);
      }
      for (const std::vector<std::size_t>& group : group_clusters(keys, paths))
        if (group.size() >= 2) {
          std::vector<const Member*> members;
          for (std::size_t i : group) members.push_back(all[i]);
          check_cluster(members);
        }
    }
  }

  void check_cluster(const std::vector<const Member*>& members) {
    std::vector<const BrokerFacts*> brokers;
    for (const Member* m : members) brokers.push_back(&m->facts);
    std::vector<core::Finding> found;
    checks::check_cluster(brokers, k_, &found);
    for (core::Finding& fd : found) {
      if (fd.is(RuleId::KL604)) continue;
      const Member* m = nullptr;
      for (const Member* x : members)
        if (x->facts.path == fd.where.file) m = x;
      const std::size_t i = static_cast<std::size_t>(fd.where.line - 1);
      if (!m || fd.where.line < 1 || i >= m->slots.size()) continue;
      fd.where.file = f_.path;
      relocate(fd, *m->entries[i], m->slots[i], *m->carrier);
      fd.fix.reset();
      out_->push_back(std::move(fd));
    }
  }

 private:
  void relocate(core::Finding& fd, const scripts::CarrierEntry& e, const Slot& s,
                const scripts::Carrier& c) {
    const std::string& what = c.what;
    const std::size_t off = static_cast<std::size_t>(fd.where.column - 1);
    if (off < s.key_len) {
      fd.where.line = e.key_line;
      fd.where.column = e.key_column + (e.key_literal ? static_cast<int>(off) : 0);
      if (!e.key_literal) fd.length = static_cast<int>(e.key_end - e.key_begin);
    } else {
      const std::size_t voff = off >= s.key_len + 1 ? off - s.key_len - 1 : 0;
      const bool literal = e.value_literal && !s.value_escaped;
      fd.where.line = e.value_line;
      fd.where.column = e.value_column + (literal ? static_cast<int>(voff) : 0);
      if (!literal) fd.length = static_cast<int>(e.value_end - e.value_begin);
    }
    if (fd.length > 0 &&
        f_.line_text(fd.where.line).size() <
            static_cast<std::size_t>(fd.where.column - 1) + static_cast<std::size_t>(fd.length))
      fd.length = 0;
    fd.source_line = std::string(f_.line_text(fd.where.line));
    if (!e.origin.empty()) fd.notes.push_back("set by " + e.origin);
    fd.notes.push_back("in " + what);
    if (fd.fix) map_fix(fd, e, s, c.image);
  }

  // Strimzi's spec.kafka.metadataVersion: a version no release defines (KL207), or one newer
  // than the Kafka that runs it, spec.kafka.version or --to (KL205); Kafka refuses both.
  void metadata_version(const scripts::Carrier& c) {
    // A template or variable is filled in later: not ours to judge.
    if (!k_.versions || c.metadata_version.find_first_of("{$") != std::string::npos) return;
    core::Error err;
    const auto pv = k_.versions->resolve_protocol(c.metadata_version, &err);
    const knowledge::Release* runs = !c.release.empty() ? k_.versions->find_line(c.release) : k_.to;
    RuleId id{};
    std::string message;
    if (!pv) {
      id = RuleId::KL207;
      message = "metadataVersion '" + c.metadata_version +
                "' is not a metadata version any Kafka release defines";
    } else if (runs && pv->release && runs->version < pv->release->version) {
      id = RuleId::KL205;
      message = "metadataVersion '" + c.metadata_version + "' is newer than Kafka " + runs->name +
                ", which runs it; it first exists in Kafka " + pv->release->name;
    } else {
      return;
    }
    core::Finding f = knowledge::make_finding(k_.rules, id, std::move(message));
    f.where = {f_.path, c.metadata_line, c.metadata_column};
    f.length = static_cast<int>(c.metadata_length);
    f.subject = "metadataVersion";
    f.source_line = std::string(f_.line_text(c.metadata_line));
    f.notes.push_back("in " + c.what);
    out_->push_back(std::move(f));
  }

  // KL112: a key the operator sets itself; it removes the user's line from the config.
  void managed(const scripts::CarrierEntry& e, const scripts::Carrier& c) {
    core::Finding f = knowledge::make_finding(k_.rules, RuleId::KL112);
    f.where = {f_.path, e.key_line, e.key_column};
    f.length = static_cast<int>(e.key_end - e.key_begin);
    f.message = "'" + e.key + "' is set by " + e.managed_by +
                " itself: it removes this line from the broker config (and logs a warning)";
    f.subject = e.key;
    f.source_line = std::string(f_.line_text(e.key_line));
    f.notes.push_back("in " + c.what);
    out_->push_back(std::move(f));
  }

  // Edits of the synthetic text move onto the carrier only inside a key the file spells or a
  // plain value it holds byte for byte; any other fix is dropped (the finding stays).
  void map_fix(core::Finding& fd, const scripts::CarrierEntry& e, const Slot& s,
               const std::string& image) {
    for (core::TextEdit& te : fd.fix->edits) {
      const std::size_t b = te.offset, en = te.offset + te.length;
      // A renamed key of an environment carrier renames the variable, in the image's spelling.
      const std::string env = e.env_name.empty() || b != s.key_at || en != s.key_at + s.key_len
                                  ? std::string()
                                  : scripts::key_to_env(image, te.replacement);
      if (!env.empty()) {
        te.offset = e.env_begin;
        te.length = e.env_end - e.env_begin;
        te.replacement = env;
        fd.fix->title = "rename the variable to '" + env + "'";
        if (fd.suggestion.find('\'') != std::string::npos) fd.suggestion += " (" + env + ")";
      } else if (e.key_literal && b >= s.key_at && en <= s.key_at + s.key_len) {
        te.offset = e.key_begin + (b - s.key_at);
      } else if (e.value_literal && !s.value_escaped && b >= s.value_at &&
                 en <= s.value_at + s.value_len) {
        te.offset = e.value_begin + (b - s.value_at);
      } else {
        fd.fix.reset();
        return;
      }
      te.line = index_.line(te.offset);
      te.column = index_.column(te.offset);
      te.end_line = index_.line(te.offset + te.length);
      te.end_column = index_.column(te.offset + te.length);
    }
  }

  const ScriptFile& f_;
  const CheckKnowledge& k_;
  std::vector<Member> members_;
  std::vector<core::Finding>* out_;
  core::LineIndex index_;
};

// The carriers of an env file: the services of the Compose files next to it that read it
// (env_file:), each with its own image convention. An env file no Compose file reads (the
// '.env' Compose only uses to fill in ${VAR} references) configures no container.
// Calls visit(compose file's folder, its path, its text) for the Compose file of `file`'s
// folder and of up to two folders above it ('env_file: config/kafka.env', './config/
// server.properties:/etc/kafka/server.properties'), nearest first, until visit returns true.
template <typename Visit>
void compose_files_above(const std::filesystem::path& file, Visit visit) {
  namespace fs = std::filesystem;
  fs::path dir = file.parent_path();
  for (int up = 0; up < 3; ++up, dir = dir.parent_path()) {
    for (const char* name :
         {"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"}) {
      const fs::path compose = dir / name;
      std::error_code ec;
      if (!fs::is_regular_file(compose, ec)) continue;
      core::Error err;
      const auto text = core::read_file(compose.string(), &err);
      if (text && visit(dir, compose, *text)) return;
      break;  // Compose reads the first of these names it finds
    }
    if (dir.empty() || dir == dir.root_path()) break;
  }
}

std::vector<scripts::Carrier> env_file_carriers(const ScriptFile& f) {
  namespace fs = std::filesystem;
  std::vector<scripts::Carrier> out;
  const fs::path self = fs::path(f.path).lexically_normal();
  compose_files_above(self, [&](const fs::path& dir, const fs::path&, const std::string& text) {
    for (const scripts::ComposeEnvFile& use :
         scripts::compose_env_files(scripts::parse_yaml(text))) {
      if ((dir / use.path).lexically_normal() != self) continue;
      scripts::Carrier c = scripts::env_file_carrier(f.content, use);
      if (!c.entries.empty()) out.push_back(std::move(c));
    }
    return !out.empty();
  });
  return out;
}

}  // namespace

std::optional<std::string> single_broker_mount(const std::string& path) {
  namespace fs = std::filesystem;
  // What the Compose file of one folder mounts into its only broker, by folder as the path
  // names it: files side by side and folders under one project share the answer, so a
  // repository of many properties files stats each folder's four Compose names once, and a
  // file in a folder without mounts costs three lookups (no path normalising, no getcwd).
  // The lock covers only the map: two threads may read one folder once each, but no thread
  // waits on another's I/O.
  using Mounts = std::vector<std::pair<fs::path, std::string>>;  // mounted file, service
  static std::mutex mutex;
  static std::unordered_map<std::string, std::shared_ptr<const Mounts>> by_folder;
  auto mounts_in = [](const fs::path& dir) {
    {
      const std::lock_guard<std::mutex> lock(mutex);
      auto it = by_folder.find(dir.native());
      if (it != by_folder.end()) return it->second;
    }
    auto found = std::make_shared<Mounts>();
    for (const char* name :
         {"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"}) {
      std::error_code ec;
      if (!fs::is_regular_file(dir / name, ec)) continue;
      core::Error err;
      const auto text = core::read_file((dir / name).string(), &err);
      // Most Compose files mount no properties file: not parsed again for nothing (a mixed
      // repository's Compose files cost 7% more instructions when they were).
      if (text && text->find(".properties") != std::string::npos)
        for (const scripts::ComposeEnvFile& m :
             scripts::compose_mounted_files(scripts::parse_yaml(*text)))
          if (m.single_node && m.broker && scripts::kafka_image(m.image))
            found->emplace_back((dir / m.path).lexically_normal(),
                                "service " + m.service + " of " + name);
      break;  // Compose reads the first of these names it finds
    }
    const std::lock_guard<std::mutex> lock(mutex);
    if (by_folder.size() > 4096) by_folder.clear();  // a cache, bounded
    return by_folder.emplace(dir.native(), std::move(found)).first->second;
  };
  const fs::path given(path);
  std::optional<fs::path> self;  // normalised only when a folder mounts something
  // The Compose file sits in the file's folder or up to two folders above it.
  fs::path dir = given.parent_path();
  if (dir.empty()) dir = ".";
  for (int up = 0; up < 3; ++up) {
    const std::shared_ptr<const Mounts> mounts = mounts_in(dir);
    if (!mounts->empty() && !self) self = given.lexically_normal();
    for (const auto& [file, service] : *mounts)
      if (file == *self) return service;
    if (dir == dir.root_path()) break;
    const fs::path name = dir.filename();
    dir = name == "." || name == ".." ? dir / ".." : dir.parent_path();
    if (dir.empty()) dir = ".";
  }
  return std::nullopt;
}

namespace {

// Strimzi Kafka resources and KafkaNodePools: those of the file, and those of the other YAML
// files of its folder (one resource per file is the usual layout; kustomize and GitOps
// repositories keep a cluster's resources side by side).
struct StrimziView {
  scripts::StrimziResources here, folder;  // folder: this file's and its siblings'
};

constexpr std::size_t kMaxSiblings = 64;  // a folder of generated manifests: stay per file

scripts::StrimziResources sibling_strimzi(const std::string& path) {
  namespace fs = std::filesystem;
  scripts::StrimziResources out;
  const fs::path self(path);
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator
           it(self.parent_path().empty() ? fs::path(".") : self.parent_path(), ec),
       end;
       !ec && it != end; it.increment(ec)) {
    const fs::path& q = it->path();
    const std::string ext = q.extension().string();
    if ((ext != ".yaml" && ext != ".yml") || q.filename() == self.filename()) continue;
    if (!it->is_regular_file(ec)) continue;
    files.push_back(q);
    if (files.size() > kMaxSiblings) return {};
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& q : files) {
    core::Error err;
    const auto text = core::read_file(q.string(), &err);
    if (!text || text->find("kafka.strimzi.io/") == std::string::npos) continue;
    std::string rendered;
    scripts::StrimziResources r =
        scripts::strimzi_resources(parse_yaml_or_template(q.string(), *text, &rendered));
    for (scripts::StrimziKafka& k : r.kafkas) out.kafkas.push_back(std::move(k));
    for (scripts::StrimziNodePool& p : r.pools) out.pools.push_back(std::move(p));
  }
  return out;
}

// A pool belongs to a Kafka resource of its strimzi.io/cluster label in the same namespace
// (a namespace left out is the one the files are applied to: it matches any).
bool belongs(const scripts::StrimziNodePool& p, const scripts::StrimziKafka& k) {
  return !p.cluster.empty() && p.cluster == k.name &&
         (p.ns.empty() || k.ns.empty() || p.ns == k.ns);
}

class StrimziChecker {
 public:
  StrimziChecker(const ScriptFile& f, const CheckKnowledge& k, const StrimziView& v,
                 std::vector<core::Finding>* out)
      : f_(f), k_(k), v_(v), out_(out) {}

  // Whether the nodes of `kafka` run KRaft: the strimzi.io/kraft annotation, the v1 API, a
  // release without ZooKeeper, or a node pool with the controller role (which Strimzi accepts
  // only in KRaft mode: KafkaNodePoolSpec.roles).
  bool kraft(const scripts::StrimziKafka& kafka) const {
    if (kafka.kraft_annotation == "enabled" || kafka.v1_api) return true;
    if (!kafka.kraft_annotation.empty()) return false;  // disabled, migration, rollback
    if (const knowledge::Release* r = runs(&kafka); r && r->kraft == knowledge::KraftSupport::kOnly)
      return true;
    for (const scripts::StrimziNodePool& p : v_.folder.pools)
      if (p.controller && belongs(p, kafka)) return true;
    return false;
  }

  // How many brokers the node pools of `kafka` run, when every pool of it in the folder says
  // plainly (roles and a number of replicas); nullopt when none is found or one is templated.
  std::optional<int> pool_brokers(const scripts::StrimziKafka& kafka) const {
    const std::vector<const scripts::StrimziNodePool*> pools = plain_pools(kafka);
    if (pools.empty()) return std::nullopt;
    int brokers = 0;
    for (const scripts::StrimziNodePool* p : pools)
      if (p->broker) brokers += p->replicas;
    return brokers;
  }

  const scripts::StrimziKafka* kafka_of(const scripts::StrimziNodePool& p) const {
    for (const scripts::StrimziKafka& k : v_.folder.kafkas)
      if (belongs(p, k)) return &k;
    return nullptr;
  }

  void check() {
    for (const scripts::StrimziNodePool& p : v_.here.pools) jbod(p);
    for (const scripts::StrimziKafka& k : v_.here.kafkas) roles(k);
  }

 private:
  // The release the nodes run: spec.kafka.version, else --to.
  const knowledge::Release* runs(const scripts::StrimziKafka* kafka) const {
    if (!k_.versions) return nullptr;
    if (kafka && !kafka->release.empty()) return k_.versions->find_line(kafka->release);
    return k_.to;
  }

  // The node pools of `kafka` in the folder, when every one says plainly what it runs (its
  // roles, and its replicas as a number); empty when one does not (a template) or none is here.
  std::vector<const scripts::StrimziNodePool*> plain_pools(
      const scripts::StrimziKafka& kafka) const {
    std::vector<const scripts::StrimziNodePool*> pools;
    for (const scripts::StrimziNodePool& p : v_.folder.pools)
      if (belongs(p, kafka)) {
        if (!p.roles_known || p.replicas < 0) return {};
        pools.push_back(&p);
      }
    return pools;
  }

  // KL605: Strimzi runs several JBOD disks on a KRaft node only from Kafka 3.7.0 and metadata
  // version 3.7-IV2 (KIP-858); below that it refuses the cluster
  // (NodePoolUtils.validateKRaftJbodStorage).
  void jbod(const scripts::StrimziNodePool& p) {
    if (p.jbod_volumes < 2 || !k_.versions || !k_.rules) return;
    const scripts::StrimziKafka* kafka = kafka_of(p);
    if (!p.controller && !(kafka && kraft(*kafka))) return;
    core::Error err;
    // Strimzi's limit is Kafka's own: KRaft JBOD from that metadata version (KIP-858).
    const auto needed = k_.versions->resolve_protocol(
        k_.versions->milestone_protocol(knowledge::Milestone::kKraftJbodMigration), &err);
    if (!needed) return;
    std::string why;
    if (kafka && !kafka->metadata_version.empty()) {
      if (kafka->metadata_version.find_first_of("{$") != std::string::npos) return;
      const auto mv = k_.versions->resolve_protocol(kafka->metadata_version, &err);
      if (!mv || mv->index >= needed->index) return;
      why = "metadata version " + kafka->metadata_version;
    } else {
      const knowledge::Release* r = runs(kafka);
      if (!r || !needed->release || r->version >= needed->release->version) return;
      why = "Kafka " + r->name + (kafka && !kafka->release.empty() ? "" : " (--to)");
    }
    core::Finding fd = knowledge::make_finding(
        k_.rules, RuleId::KL605,
        "KafkaNodePool '" + p.name + "' has " + std::to_string(p.jbod_volumes) +
            " JBOD volumes on KRaft nodes, which Strimzi accepts only from Kafka " +
            needed->release->name + " and metadata version " + needed->name + "; here " + why);
    fd.where = {f_.path, p.storage_line, p.storage_column};
    fd.length = static_cast<int>(p.storage_length);
    fd.subject = "spec.storage";
    fd.source_line = std::string(f_.line_text(p.storage_line));
    fd.notes.push_back("Strimzi refuses the whole Kafka cluster" +
                       (kafka ? " '" + kafka->name + "'" : std::string()) +
                       " until the pool has one volume or the cluster runs that version");
    out_->push_back(std::move(fd));
  }

  // KL606: a KRaft cluster needs a broker and a controller among the node pools with replicas;
  // Strimzi refuses it otherwise (NodePoolUtils.validateKRaftProcessRoles). Judged only when
  // every pool of the cluster found in the folder says plainly what it runs.
  void roles(const scripts::StrimziKafka& kafka) {
    if (!k_.rules || kafka.name.empty() || !kraft(kafka)) return;
    const std::vector<const scripts::StrimziNodePool*> pools = plain_pools(kafka);
    if (pools.empty()) return;  // kept elsewhere (another folder, a Helm chart): not judged
    bool broker = false, controller = false;
    for (const scripts::StrimziNodePool* p : pools) {
      broker = broker || (p->broker && p->replicas > 0);
      controller = controller || (p->controller && p->replicas > 0);
    }
    for (const char* role : {"broker", "controller"}) {
      if (std::string(role) == "broker" ? broker : controller) continue;
      std::string names;
      for (const scripts::StrimziNodePool* p : pools)
        names += (names.empty() ? "'" : ", '") + p->name + "'";
      core::Finding fd = knowledge::make_finding(
          k_.rules, RuleId::KL606,
          "KRaft Kafka cluster '" + kafka.name + "' has no node pool with the " + role +
              " role and at least one replica (pools: " + names + ")");
      fd.where = {f_.path, kafka.line, kafka.column};
      fd.length = static_cast<int>(kafka.length);
      fd.subject = kafka.name;
      fd.source_line = std::string(f_.line_text(kafka.line));
      fd.notes.push_back("node pools looked up in the YAML files of this folder");
      out_->push_back(std::move(fd));
    }
  }

  const ScriptFile& f_;
  const CheckKnowledge& k_;
  const StrimziView& v_;
  std::vector<core::Finding>* out_;
};

}  // namespace

std::string escaped_value(const std::string& v) {
  std::string out;
  std::size_t i = 0;
  while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\f')) ++i;
  for (; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
  return out;
}

namespace {

// Text that would hold Kafka settings if it were read: a Strimzi or CFK resource, Kafka image
// variables, cp-ansible's property maps, a server.properties block. Other YAML that does not
// parse is not kafkalint's to judge.
bool names_kafka_settings(std::string_view text) {
  for (std::string_view marker :
       {"kafka.strimzi.io/", "platform.confluent.io/", "KAFKA_", "kafka_broker_custom_properties",
        "kafka_controller_custom_properties", "server.properties"})
    if (text.find(marker) != std::string_view::npos) return true;
  return false;
}

// A YAML file that does not parse (a key written twice in one mapping, a tab in the
// indentation): kubectl, Helm and Compose refuse it as well, and none of its Kafka settings
// can be read, which must not pass as "no findings".
core::Finding not_yaml(const ScriptFile& f, const CheckKnowledge& k, const scripts::YamlError& e) {
  core::Finding fd = knowledge::make_finding(
      k.rules, RuleId::KL901,
      "not valid YAML: " + e.message +
          "; kafkalint could not read the Kafka settings in this file, and kubectl, Helm and "
          "Compose refuse it too");
  fd.where = {f.path, e.line > 0 ? e.line : 1, e.column > 0 ? e.column : 1};
  fd.subject = e.message;
  if (e.line > 0) fd.source_line = std::string(f.line_text(e.line));
  if (e.message.find("is already set on line") != std::string::npos)
    fd.notes.push_back(
        "a key written twice in one mapping: keep one (YAML requires unique keys; Ansible alone "
        "takes the last one, with a warning)");
  return fd;
}

// A name that was a template placeholder ('${_____}' in the rendered view) shown as one.
std::string shown_template(const std::string& what) {
  std::string out;
  for (std::size_t i = 0; i < what.size();) {
    std::size_t e = i + 2;
    if (what.compare(i, 2, "${") == 0) {
      while (e < what.size() && what[e] == '_') ++e;
      if (e < what.size() && what[e] == '}' && e > i + 2) {
        out += "{{...}}";
        i = e + 1;
        continue;
      }
    }
    out += what[i++];
  }
  return out;
}

}  // namespace

void check_carrier(const ScriptFile& f, const CheckKnowledge& k, const scripts::Carrier& c,
                   std::optional<Role> role, std::vector<core::Finding>* out) {
  CarrierChecker(f, k, out).check(c, role);
}

void check_carriers(const ScriptFile& f, const CheckKnowledge& k, std::optional<Role> role,
                    std::vector<core::Finding>* out, std::vector<Statement>* statements) {
  std::vector<scripts::Carrier> carriers;
  if (f.kind == scripts::FileKind::kYaml) {
    // A Helm or Jinja template is read as it would render, its placeholders unknown.
    std::string rendered;
    scripts::YamlError error;
    const std::vector<scripts::YamlNode> docs =
        parse_yaml_or_template(f.path, f.content, &rendered, &error);
    if (docs.empty() && !error.message.empty() && names_kafka_settings(f.content))
      out->push_back(not_yaml(f, k, error));
    const std::string_view yaml_text = rendered.empty() ? std::string_view(f.content) : rendered;
    if (!docs.empty()) {
      // A Compose file's variables come from the .env file of its folder (the project
      // directory); an env var of the shell running Compose is unknown here and would win.
      std::optional<scripts::DotEnv> dotenv;
      for (const scripts::YamlNode& d : docs)
        if (!dotenv && d.kind == scripts::YamlNode::Kind::kMap && d.get("services")) {
          core::Error err;
          const std::filesystem::path env = std::filesystem::path(f.path).parent_path() / ".env";
          std::error_code ec;
          if (std::filesystem::is_regular_file(env, ec))
            if (const auto text = core::read_file(env.string(), &err))
              dotenv = scripts::read_dotenv(*text);
        }
      carriers = scripts::find_carriers(docs, yaml_text, dotenv ? &*dotenv : nullptr);
      if (!rendered.empty())
        for (scripts::Carrier& c : carriers) c.what = shown_template(c.what);
      StrimziView strimzi;
      strimzi.here = scripts::strimzi_resources(docs);
      if (!strimzi.here.kafkas.empty() || !strimzi.here.pools.empty()) {
        // This file's resources first: a name found here wins over a sibling's.
        strimzi.folder = strimzi.here;
        scripts::StrimziResources siblings = sibling_strimzi(f.path);
        for (scripts::StrimziKafka& x : siblings.kafkas)
          strimzi.folder.kafkas.push_back(std::move(x));
        for (scripts::StrimziNodePool& x : siblings.pools)
          strimzi.folder.pools.push_back(std::move(x));
        StrimziChecker sc(f, k, strimzi, out);
        for (scripts::Carrier& c : carriers)
          for (const scripts::StrimziKafka& x : strimzi.here.kafkas) {
            if (c.resource.empty() || x.name != c.resource || x.ns != c.resource_namespace)
              continue;
            if (!c.kraft) c.kraft = sc.kraft(x);
            // One broker among its node pools (a controller pool and a broker pool of one
            // replica each, Nazia-Karim-Khan/strimzi-kafka): the single-node grouping of
            // spec.kafka.replicas: 1 holds as well.
            if (const std::optional<int> n = sc.pool_brokers(x); n && *n == 1) {
              c.single_node = true;
              c.single_node_why = "one replica across its broker node pools";
            }
          }
        sc.check();
      }
    }
  } else if (f.kind == scripts::FileKind::kEnv) {
    carriers = env_file_carriers(f);
  } else if (f.kind != scripts::FileKind::kInventory) {
    if (f.kind == scripts::FileKind::kDockerfile)
      carriers = scripts::dockerfile_carriers(f.content);
    for (scripts::Carrier& c : scripts::docker_run_carriers(f.content))
      carriers.push_back(std::move(c));
  }
  CarrierChecker checker(f, k, out);
  for (const scripts::Carrier& c : carriers) {
    for (const scripts::CarrierEntry& e : c.entries)
      statements->push_back(
          {std::min(e.key_line, e.value_line), std::max(e.key_line, e.value_line)});
    checker.check(c, role);
  }
  checker.check_clusters();
  if (f.kind == scripts::FileKind::kYaml || f.kind == scripts::FileKind::kInventory)
    check_ansible_inventory(f, k, out);
}

}  // namespace kafkalint::checks
