#include "checks/ansible_inventory.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "checks/carrier_checks.h"
#include "checks/cluster_checks.h"
#include "checks/props_file.h"
#include "core/file_io.h"
#include "core/strings.h"
#include "scripts/yaml_tree.h"

namespace kafkalint::checks {
namespace {

namespace fs = std::filesystem;

// An inventory is read again for each of its variable files: these bounds keep a hostile tree
// from making that quadratic cost large. Real inventories hold a few dozen files.
constexpr std::size_t kMaxFiles = 256;
constexpr std::uintmax_t kMaxBytes = 1U << 20U;

// The folder holding group_vars/ and host_vars/, when `path` is one of their variable files.
std::optional<fs::path> inventory_dir(const std::string& path) {
  const fs::path p = fs::path(path).lexically_normal();
  fs::path d = p.parent_path();
  for (int up = 0; up < 2 && !d.empty(); ++up, d = d.parent_path()) {
    const std::string n = d.filename().string();
    if (n == "group_vars" || n == "host_vars") {
      const fs::path dir = d.parent_path();
      return dir.empty() ? fs::path(".") : dir;
    }
  }
  return std::nullopt;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    out.push_back(text.substr(i, nl - i));
    i = nl + 1;
  }
  return out;
}

bool vars_file_name(const fs::path& p) {
  const std::string ext = core::ascii_lower(p.extension().string());
  return ext == ".yml" || ext == ".yaml" || ext == ".json" || ext.empty();
}

std::vector<fs::path> sorted_entries(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

bool regular(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && fs::file_size(p, ec) <= kMaxBytes && !ec;
}

struct VarsFile {
  std::string path;
  std::vector<scripts::YamlNode> docs;
};

// The variables one group or host gets from its vars files, in the order Ansible reads them.
struct Var {
  const scripts::YamlNode* value = nullptr;
  const VarsFile* file = nullptr;
};
using Vars = std::map<std::string, Var>;

class Inventory {
 public:
  Inventory(fs::path dir, const ScriptFile& self) : dir_(std::move(dir)), self_(self) {}

  bool load() {
    if (!vars_of("group_vars", &group_vars_) || !vars_of("host_vars", &host_vars_)) return false;
    membership();
    templates();
    return true;
  }

  // Each host's resolved variables: 'all', then its groups from the shallowest to the deepest
  // (by name among equals), then its own host_vars; a later definition replaces the variable.
  std::map<std::string, Vars> hosts() const {
    std::set<std::string> names;
    if (has_inventory_) {
      for (const auto& [host, groups] : host_groups_) names.insert(host);
    } else {
      // Without an inventory only host_vars name the hosts, and their groups are unknown: the
      // 'all' group is the one that surely applies.
      for (const auto& [host, vars] : host_vars_) names.insert(host);
    }
    std::map<std::string, Vars> out;
    for (const std::string& host : names) {
      std::vector<std::pair<int, std::string>> order;
      if (auto it = host_groups_.find(host); it != host_groups_.end())
        for (const std::string& g : closure(it->second)) order.emplace_back(depth(g, 0), g);
      std::sort(order.begin(), order.end());
      Vars v;
      apply(group_vars_, "all", &v);
      for (const auto& [d, g] : order) apply(group_vars_, g, &v);
      apply(host_vars_, host, &v);
      out.emplace(host, std::move(v));
    }
    return out;
  }

  // Role template variables written as a whole broker value: variable -> Kafka key.
  const std::map<std::string, std::string>& template_keys() const { return template_keys_; }

 private:
  using VarsByName = std::map<std::string, std::vector<Vars>>;

  static void apply(const VarsByName& all, const std::string& name, Vars* v) {
    auto it = all.find(name);
    if (it == all.end()) return;
    for (const Vars& file_vars : it->second)
      for (const auto& [k, var] : file_vars) (*v)[k] = var;
  }

  const VarsFile* read(const fs::path& p) {
    if (++files_ > kMaxFiles || !regular(p)) return nullptr;
    VarsFile f;
    f.path = p.lexically_normal().string();
    const std::string self = fs::path(self_.path).lexically_normal().string();
    if (f.path == self) {
      f.path = self_.path;
      f.docs = scripts::parse_yaml(self_.content);
    } else {
      core::Error err;
      const auto text = core::read_file(p.string(), &err);
      if (!text) return nullptr;
      f.docs = scripts::parse_yaml(*text);
    }
    files_store_.push_back(std::move(f));
    return &files_store_.back();
  }

  static Vars top_level(const VarsFile& f) {
    Vars v;
    if (f.docs.empty() || f.docs.front().kind != scripts::YamlNode::Kind::kMap) return v;
    for (const auto& [k, val] : f.docs.front().map)
      if (k.is_scalar()) v[k.text] = Var{&val, &f};
    return v;
  }

  // group_vars/<name>.yml and group_vars/<name>/*.yml (likewise host_vars). False when the
  // inventory is larger than the bound.
  bool vars_of(const char* folder, VarsByName* out) {
    for (const fs::path& e : sorted_entries(dir_ / folder)) {
      std::error_code ec;
      if (fs::is_directory(e, ec)) {
        for (const fs::path& inner : sorted_entries(e))
          if (vars_file_name(inner))
            if (const VarsFile* f = read(inner))
              (*out)[e.filename().string()].push_back(top_level(*f));
      } else if (vars_file_name(e)) {
        if (const VarsFile* f = read(e)) (*out)[e.stem().string()].push_back(top_level(*f));
      }
      if (files_ > kMaxFiles) return false;
    }
    return true;
  }

  // Which groups each host is in, from the inventory files next to group_vars/ (hosts,
  // inventory, hosts.yml, ... or the files of an inventory/ folder), YAML or INI.
  void membership() {
    std::vector<fs::path> candidates;
    for (const char* name : {"hosts", "hosts.yml", "hosts.yaml", "hosts.ini", "inventory",
                             "inventory.yml", "inventory.yaml", "inventory.ini"})
      candidates.push_back(dir_ / name);
    for (const fs::path& e : sorted_entries(dir_ / "inventory")) candidates.push_back(e);
    for (const fs::path& p : candidates) {
      if (!regular(p) || ++files_ > kMaxFiles) continue;
      core::Error err;
      const auto text = core::read_file(p.string(), &err);
      if (!text) continue;
      const std::string ext = core::ascii_lower(p.extension().string());
      if (ext == ".yml" || ext == ".yaml" || (ext.empty() && text->find('[') == std::string::npos))
        yaml_inventory(*text);
      else if (ext == ".ini" || ext.empty())
        ini_inventory(*text);
    }
  }

  void yaml_group(const std::string& name, const scripts::YamlNode& g, int depth) {
    if (depth > 16 || g.kind != scripts::YamlNode::Kind::kMap) return;
    if (const scripts::YamlNode* hosts = g.get("hosts");
        hosts && hosts->kind == scripts::YamlNode::Kind::kMap) {
      has_inventory_ = true;
      for (const auto& [h, v] : hosts->map)
        if (h.is_scalar()) host_groups_[h.text].insert(name);
    }
    if (const scripts::YamlNode* children = g.get("children");
        children && children->kind == scripts::YamlNode::Kind::kMap) {
      for (const auto& [c, v] : children->map) {
        if (!c.is_scalar()) continue;
        has_inventory_ = true;
        parents_[c.text].insert(name);
        yaml_group(c.text, v, depth + 1);
      }
    }
  }

  void yaml_inventory(const std::string& text) {
    for (const scripts::YamlNode& d : scripts::parse_yaml(text))
      if (d.kind == scripts::YamlNode::Kind::kMap)
        for (const auto& [k, v] : d.map)
          if (k.is_scalar()) yaml_group(k.text, v, 0);
  }

  void ini_inventory(const std::string& text) {
    std::string section = "ungrouped", kind;
    for (std::string_view line : lines_of(text)) {
      line = trim(line);
      if (line.empty() || line[0] == '#' || line[0] == ';') continue;
      if (line.front() == '[' && line.back() == ']') {
        const std::string_view s = line.substr(1, line.size() - 2);
        const std::size_t colon = s.find(':');
        section = std::string(s.substr(0, colon));
        kind = colon == std::string_view::npos ? "" : std::string(s.substr(colon + 1));
        continue;
      }
      const std::string_view word = line.substr(0, line.find_first_of(" \t"));
      if (word.find('=') != std::string_view::npos) continue;
      if (kind.empty()) {
        has_inventory_ = true;
        host_groups_[std::string(word)].insert(section);
      } else if (kind == "children") {
        parents_[std::string(word)].insert(section);
      }
    }
  }

  std::set<std::string> closure(const std::set<std::string>& groups) const {
    std::set<std::string> out;
    std::vector<std::string> todo(groups.begin(), groups.end());
    while (!todo.empty() && out.size() < 4096) {
      std::string g = std::move(todo.back());
      todo.pop_back();
      if (g == "all" || !out.insert(g).second) continue;
      if (auto it = parents_.find(g); it != parents_.end())
        todo.insert(todo.end(), it->second.begin(), it->second.end());
    }
    return out;
  }

  // A group's depth below 'all': a child group's variables win over its parent's.
  int depth(const std::string& g, int guard) const {
    auto it = parents_.find(g);
    if (guard > 16 || it == parents_.end()) return 1;
    int d = 1;
    for (const std::string& p : it->second)
      if (p != "all") d = std::max(d, depth(p, guard + 1) + 1);
    return d;
  }

  // roles/*/templates/server.properties.j2 (or broker.properties.j2): lines whose whole value
  // is one variable tie that variable to the key.
  void templates() {
    for (const fs::path& role : sorted_entries(dir_ / "roles"))
      for (const fs::path& t : sorted_entries(role / "templates")) {
        const std::string name = core::ascii_lower(t.filename().string());
        if (name != "server.properties.j2" && name != "broker.properties.j2") continue;
        if (!regular(t) || ++files_ > kMaxFiles) continue;
        core::Error err;
        const auto text = core::read_file(t.string(), &err);
        if (!text) continue;
        for (std::string_view line : lines_of(*text)) {
          line = trim(line);
          const std::size_t eq = line.find('=');
          if (line.empty() || line[0] == '#' || line[0] == '!' || eq == std::string_view::npos)
            continue;
          const std::string key(trim(line.substr(0, eq)));
          std::string_view v = trim(line.substr(eq + 1));
          if (v.size() < 5 || v.substr(0, 2) != "{{" || v.substr(v.size() - 2) != "}}") continue;
          v = trim(v.substr(2, v.size() - 4));
          const bool identifier = !v.empty() && !std::isdigit(static_cast<unsigned char>(v[0])) &&
                                  std::all_of(v.begin(), v.end(), [](char c) {
                                    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                                  });
          if (identifier && !key.empty()) template_keys_.emplace(std::string(v), key);
        }
      }
  }

  fs::path dir_;
  const ScriptFile& self_;
  std::size_t files_ = 0;
  std::deque<VarsFile> files_store_;
  VarsByName group_vars_, host_vars_;
  bool has_inventory_ = false;
  std::map<std::string, std::set<std::string>> host_groups_;  // host -> its own groups
  std::map<std::string, std::set<std::string>> parents_;      // group -> its parent groups
  std::map<std::string, std::string> template_keys_;
};

// One Kafka setting of one host: the key, and the variable value that gives it.
struct Setting {
  std::string key;
  std::string var;
  const scripts::YamlNode* node = nullptr;
  const VarsFile* file = nullptr;
};

bool plain_key(const std::string& k) {
  return !k.empty() && k.find_first_of("=: \t\\#!\r\n") == std::string::npos;
}

struct Host {
  std::string name;
  std::vector<Setting> settings;  // line i + 1 of `props` is settings[i]
  std::unique_ptr<PropsFile> props;
  BrokerFacts facts;
};

std::vector<Setting> settings_of(const Vars& vars,
                                 const std::map<std::string, std::string>& template_keys) {
  std::map<std::string, Setting> by_key;
  for (const auto& [name, var] : vars)
    if (auto t = template_keys.find(name);
        t != template_keys.end() && var.value->is_scalar() && plain_key(t->second))
      by_key[t->second] = Setting{t->second, name, var.value, var.file};
  // cp-ansible writes its custom properties after what the role generates: they win.
  if (auto it = vars.find("kafka_broker_custom_properties");
      it != vars.end() && it->second.value->kind == scripts::YamlNode::Kind::kMap)
    for (const auto& [k, v] : it->second.value->map)
      if (k.is_scalar() && v.is_scalar() && plain_key(k.text))
        by_key[k.text] = Setting{k.text, it->first, &v, it->second.file};
  std::vector<Setting> out;
  for (auto& [k, s] : by_key) out.push_back(std::move(s));
  return out;
}

}  // namespace

void check_ansible_inventory(const ScriptFile& f, const CheckKnowledge& k,
                             std::vector<core::Finding>* out) {
  const std::optional<fs::path> dir = inventory_dir(f.path);
  if (!dir || !k.rules) return;
  Inventory inv(*dir, f);
  if (!inv.load()) return;
  std::vector<Host> hosts;
  for (auto& [name, vars] : inv.hosts()) {
    Host h;
    h.name = name;
    h.settings = settings_of(vars, inv.template_keys());
    if (h.settings.empty()) continue;
    std::string text;
    for (const Setting& s : h.settings) text += s.key + "=" + escaped_value(s.node->text) + "\n";
    h.props = load_props((*dir / name).string(), std::move(text));
    if (h.props->refused()) continue;
    h.facts = broker_facts(*h.props);
    h.facts.path = "Ansible host " + name;
    hosts.push_back(std::move(h));
  }
  if (hosts.size() < 2) return;
  // The hosts of one inventory are one cluster unless their ensembles or quorums share no
  // server. group_clusters reads "<folder>\n<key kind>=<servers>" (cluster_key's form); every
  // host sits in the inventory's folder, a loopback ensemble is one shared server here (the
  // inventory says these hosts belong together), and hosts that name none are together.
  std::vector<std::string> keys, paths;
  const std::string folder = dir->string();
  for (const Host& h : hosts) {
    std::string key = cluster_key(*h.props);
    const std::size_t nl = key.find('\n');
    if (key.empty())
      key = folder + "\ninventory=all";
    else if (key.compare(nl + 1, 6, "local:") == 0)
      key = folder + "\nloopback=localhost";
    else
      key = folder + key.substr(nl);
    keys.push_back(std::move(key));
    paths.push_back(folder + "/host");
  }
  std::map<std::tuple<std::string, int, int, std::string>, std::size_t> seen;
  for (const std::vector<std::size_t>& group : group_clusters(keys, paths)) {
    if (group.size() < 2) continue;
    std::vector<const BrokerFacts*> brokers;
    for (std::size_t i : group) brokers.push_back(&hosts[i].facts);
    std::vector<core::Finding> found;
    check_cluster(brokers, k, &found);
    for (core::Finding& fd : found) {
      const Host* h = nullptr;
      for (std::size_t i : group)
        if (hosts[i].facts.path == fd.where.file) h = &hosts[i];
      const std::size_t line = static_cast<std::size_t>(fd.where.line - 1);
      if (!h || fd.where.line < 1 || line >= h->settings.size()) continue;
      const Setting& s = h->settings[line];
      if (s.file->path != f.path || s.node->line < 1) continue;
      fd.where = {f.path, s.node->line, s.node->column};
      const std::size_t len = s.node->end - s.node->begin;
      fd.length = !s.node->block && f.line_text(s.node->line).size() >=
                                        static_cast<std::size_t>(s.node->column - 1) + len
                      ? static_cast<int>(len)
                      : 0;
      fd.source_line = std::string(f.line_text(s.node->line));
      fd.fix.reset();
      const std::string note = "for " + h->facts.path + ", from the variable '" + s.var + "'";
      // A group's value shared by several hosts is one mistake, written once: one finding
      // that names every host it reaches.
      const auto [it, fresh] = seen.emplace(
          std::tuple(fd.code, fd.where.line, fd.where.column, fd.message), out->size());
      if (!fresh) {
        (*out)[it->second].notes.push_back(note);
        continue;
      }
      fd.notes.push_back(note);
      out->push_back(std::move(fd));
    }
  }
}

}  // namespace kafkalint::checks
