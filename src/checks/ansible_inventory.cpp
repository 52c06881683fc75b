#include "checks/ansible_inventory.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
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

// A range bound as Python's int() reads the digits Ansible passes it: an optional sign, then at
// most 18 digits (anything else makes Ansible fail, and the pattern stays a single name here).
std::optional<long long> range_int(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 18) return std::nullopt;
  long long v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

// Python's str.zfill: zeros after the sign up to `width` characters.
std::string zfill(std::string s, std::size_t width) {
  if (s.size() >= width) return s;
  const std::size_t at = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  s.insert(at, width - s.size(), '0');
  return s;
}

// Appends the names of `pattern` to `out`; false where Ansible would reject the pattern or it
// names too many hosts. Follows expand_hostname_range: the first '[' and the first ']' split
// head, range and tail; each name made is expanded again while it still holds a '['.
bool expand_range(std::string_view pattern, int depth, std::vector<std::string>* out) {
  const std::size_t open = pattern.find('[');
  if (open == std::string_view::npos) {
    out->emplace_back(pattern);
    return out->size() <= kMaxRangeHosts;
  }
  const std::size_t close = pattern.find(']');
  if (depth > 16 || close == std::string_view::npos || close < open ||
      pattern.find('|') != std::string_view::npos)
    return false;
  const std::string_view head = pattern.substr(0, open);
  const std::string_view tail = pattern.substr(close + 1);
  std::vector<std::string_view> bounds;
  for (std::string_view r = pattern.substr(open + 1, close - open - 1);;) {
    const std::size_t colon = r.find(':');
    bounds.push_back(r.substr(0, colon));
    if (colon == std::string_view::npos) break;
    r.remove_prefix(colon + 1);
  }
  if (bounds.size() != 2 && bounds.size() != 3) return false;
  const std::string_view begin = bounds[0].empty() ? std::string_view("0") : bounds[0];
  const std::string_view end = bounds[1];
  if (end.empty()) return false;
  std::size_t width = 0;  // a leading zero asks for values padded to the begin's width
  if (begin.size() > 1 && begin[0] == '0') {
    if (end.size() != begin.size()) return false;
    width = begin.size();
  }
  const std::optional<long long> step = bounds.size() == 3 ? range_int(bounds[2]) : 1;
  if (!step || *step == 0) return false;
  const auto letter = [](std::string_view s) {
    return s.size() == 1 && std::isalpha(static_cast<unsigned char>(s[0])) != 0;
  };
  // Letters run through Python's string.ascii_letters, a-z then A-Z.
  const auto letter_index = [](char c) { return c >= 'a' ? c - 'a' : c - 'A' + 26; };
  long long from = 0;
  long long to = 0;
  const bool letters = letter(begin) && letter(end);
  if (letters) {
    from = letter_index(begin[0]);
    to = letter_index(end[0]);
    if (from > to) return false;
  } else {
    const std::optional<long long> b = range_int(begin);
    const std::optional<long long> e = range_int(end);
    if (!b || !e) return false;
    from = *b;
    to = *e;
  }
  // Python's range(from, to + 1, step) (or the letter slice [from:to + 1:step]); its length
  // is checked first so that a huge range costs nothing.
  const long long stop = to + 1;
  const long long count = *step > 0 ? (stop > from ? (stop - from + *step - 1) / *step : 0)
                                    : (from > stop ? (from - stop - *step - 1) / -*step : 0);
  if (count > static_cast<long long>(kMaxRangeHosts)) return false;
  if (letters && *step < 0) return true;  // a letter slice with a negative stride is empty
  for (long long i = 0, v = from; i < count; ++i, v += *step) {
    std::string value = letters ? std::string(1, static_cast<char>(v < 26 ? 'a' + v : 'A' + v - 26))
                                : std::to_string(v);
    if (width != 0) value = zfill(std::move(value), width);
    if (!expand_range(std::string(head) + value + std::string(tail), depth + 1, out)) return false;
  }
  return true;
}

// The folder holding group_vars/, host_vars/, the inventory files and roles/, when `path` is
// one of their variable files: group_vars/ or host_vars/ files, a YAML inventory (hosts.yml,
// inventory.yml, or any file of an inventory/ folder) or a role's defaults
// (roles/<role>/defaults/main.yml or defaults/main/*.yml).
std::optional<fs::path> inventory_dir(const std::string& path) {
  const fs::path p = fs::path(path).lexically_normal();
  const auto or_dot = [](const fs::path& dir) { return dir.empty() ? fs::path(".") : dir; };
  fs::path d = p.parent_path();
  for (int up = 0; up < 2 && !d.empty(); ++up, d = d.parent_path()) {
    const std::string n = d.filename().string();
    if (n == "group_vars" || n == "host_vars") return or_dot(d.parent_path());
  }
  if (p.parent_path().filename() == "inventory") return or_dot(p.parent_path().parent_path());
  const std::string name = core::ascii_lower(p.filename().string());
  for (const char* n : {"hosts", "hosts.yml", "hosts.yaml", "hosts.ini", "inventory",
                        "inventory.yml", "inventory.yaml", "inventory.ini"})
    if (name == n) return or_dot(p.parent_path());
  // roles/<role>/defaults/main.yml or roles/<role>/defaults/main/<file>.yml
  d = p.parent_path();
  if (d.filename() == "main") d = d.parent_path();
  if (d.filename() == "defaults" && d.parent_path().parent_path().filename() == "roles")
    return or_dot(d.parent_path().parent_path().parent_path());
  return std::nullopt;
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
  // The values of an INI inventory's variables, as scalars placed where they are written.
  std::deque<scripts::YamlNode> ini_values;
};

// The variables one group or host gets from one source, by name.
struct Var {
  const scripts::YamlNode* value = nullptr;
  const VarsFile* file = nullptr;
};
using Vars = std::map<std::string, Var>;

// One play of a playbook: the hosts it targets (group or host names; empty when the pattern
// uses exclusions, intersections or wildcards, which are not resolved here), its vars and the
// roles it runs with their params.
struct Play {
  std::vector<std::string> targets;
  Vars vars;
  std::vector<std::pair<std::string, Vars>> roles;
};

// An INI word split the way Ansible's inventory reads a host line: whitespace outside quotes
// separates words, a quoted part loses its quotes, '#' outside quotes starts a comment.
struct IniWord {
  std::string text;
  std::size_t begin = 0;                       // offset of the word's first byte in the line
  std::size_t value_begin = 0, value_end = 0;  // after '=': the value's bytes, quotes excluded
  bool quoted = false;
};

std::vector<IniWord> ini_words(std::string_view line) {
  std::vector<IniWord> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size() || line[i] == '#') break;
    IniWord w;
    w.begin = i;
    char quote = 0;
    for (; i < line.size(); ++i) {
      const char c = line[i];
      if (quote) {
        if (c == quote) {
          quote = 0;
          if (w.value_begin) w.value_end = i;
          continue;
        }
      } else if (c == ' ' || c == '\t') {
        break;
      } else if (c == '"' || c == '\'') {
        quote = c;
        if (w.value_begin && w.text.back() == '=') {
          w.value_begin = i + 1;
          w.quoted = true;
        }
        continue;
      } else if (c == '=' && !w.value_begin) {
        w.text += c;
        w.value_begin = i + 1;
        w.value_end = i + 1;
        continue;
      }
      w.text += c;
      if (w.value_begin && !w.quoted) w.value_end = i + 1;
    }
    out.push_back(std::move(w));
  }
  return out;
}

class Inventory {
 public:
  Inventory(fs::path dir, const ScriptFile& self) : dir_(std::move(dir)), self_(&self) {}

  // Reads the inventory tree. The checked file is only needed while loading: its content
  // stands for what is on disk.
  bool load() {
    const bool ok = vars_of("group_vars", &group_vars_) && vars_of("host_vars", &host_vars_);
    if (ok) {
      membership();
      roles();
      playbooks();
    }
    self_ = nullptr;
    return ok;
  }

  // Every file read, by lexically normal path: its text and, but for the checked file, its
  // size and modification time when read.
  struct Read {
    std::string text;
    bool self = false;
    std::uintmax_t size = 0;
    fs::file_time_type mtime;
  };
  const std::map<std::string, Read>& reads() const { return reads_; }

  // Each host's resolved variables, from the lowest precedence to the highest as Ansible
  // documents it: the defaults of the broker roles its plays run, the inventory file's group
  // vars ('all', then its groups from the shallowest to the deepest, by name among equals),
  // group_vars/all, group_vars/<group> in the same order, the inventory file's host vars,
  // host_vars/<host>, then the play's vars and the role's params. A later definition
  // replaces the variable.
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
      std::set<std::string> groups;
      if (auto it = host_groups_.find(host); it != host_groups_.end()) groups = closure(it->second);
      std::vector<std::pair<int, std::string>> order;
      for (const std::string& g : groups) order.emplace_back(depth(g, 0), g);
      std::sort(order.begin(), order.end());
      const std::vector<const Play*> plays = plays_of(host, groups);
      Vars v;
      for (const Play* p : plays)
        for (const auto& [role, params] : p->roles) apply(role_defaults_, role, &v);
      apply(inline_group_vars_, "all", &v);
      for (const auto& [d, g] : order) apply(inline_group_vars_, g, &v);
      apply(group_vars_, "all", &v);
      for (const auto& [d, g] : order) apply(group_vars_, g, &v);
      apply(inline_host_vars_, host, &v);
      apply(host_vars_, host, &v);
      for (const Play* p : plays) {
        for (const auto& [k, var] : p->vars) v[k] = var;
        for (const auto& [role, params] : p->roles)
          for (const auto& [k, var] : params) v[k] = var;
      }
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

  // The plays that run a role writing a broker config on `host` (in `groups`), in playbook
  // order. Role defaults are a role's own: a host gets them only from a play that runs it.
  std::vector<const Play*> plays_of(const std::string& host,
                                    const std::set<std::string>& groups) const {
    std::vector<const Play*> out;
    for (const Play& p : plays_) {
      const bool targets_host = std::any_of(
          p.targets.begin(), p.targets.end(),
          [&](const std::string& t) { return t == "all" || t == host || groups.count(t) > 0; });
      const bool broker_role = std::any_of(p.roles.begin(), p.roles.end(), [&](const auto& r) {
        return template_roles_.count(r.first) > 0;
      });
      if (targets_host && broker_role) out.push_back(&p);
    }
    return out;
  }

  // The text of `p` (the checked file's own content when `p` is it) and its display path.
  std::optional<std::string> text_of(const fs::path& p, std::string* path) {
    if (!regular(p) || ++files_ > kMaxFiles) return std::nullopt;
    *path = p.lexically_normal().string();
    const std::string normal = *path;
    if (*path == fs::path(self_->path).lexically_normal().string()) {
      *path = self_->path;
      reads_[normal] = Read{self_->content, true, 0, {}};
      return self_->content;
    }
    Read r;
    std::error_code ec;
    r.size = fs::file_size(p, ec);
    r.mtime = fs::last_write_time(p, ec);
    core::Error err;
    std::optional<std::string> text = core::read_file(p.string(), &err);
    if (text) {
      r.text = *text;
      reads_[normal] = std::move(r);
    }
    return text;
  }

  const VarsFile* read(const fs::path& p) {
    VarsFile f;
    const std::optional<std::string> text = text_of(p, &f.path);
    if (!text) return nullptr;
    f.docs = scripts::parse_yaml(*text);
    files_store_.push_back(std::move(f));
    return &files_store_.back();
  }

  static Vars vars_in(const scripts::YamlNode* map, const VarsFile& f) {
    Vars v;
    if (!map || map->kind != scripts::YamlNode::Kind::kMap) return v;
    for (const auto& [k, val] : map->map)
      if (k.is_scalar()) v[k.text] = Var{&val, &f};
    return v;
  }

  static Vars top_level(const VarsFile& f) {
    return f.docs.empty() ? Vars() : vars_in(&f.docs.front(), f);
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

  // Which groups each host is in, and the variables the inventory file itself gives groups
  // and hosts, from the inventory files next to group_vars/ (hosts, inventory, hosts.yml, ...
  // or the files of an inventory/ folder), YAML or INI.
  void membership() {
    std::vector<fs::path> candidates;
    for (const char* name : {"hosts", "hosts.yml", "hosts.yaml", "hosts.ini", "inventory",
                             "inventory.yml", "inventory.yaml", "inventory.ini"})
      candidates.push_back(dir_ / name);
    for (const fs::path& e : sorted_entries(dir_ / "inventory")) candidates.push_back(e);
    for (const fs::path& p : candidates) {
      VarsFile f;
      const std::optional<std::string> text = text_of(p, &f.path);
      if (!text) continue;
      const std::string ext = core::ascii_lower(p.extension().string());
      if (ext == ".yml" || ext == ".yaml" ||
          (ext.empty() && text->find('[') == std::string::npos)) {
        f.docs = scripts::parse_yaml(*text);
        files_store_.push_back(std::move(f));
        yaml_inventory(files_store_.back());
      } else if (ext == ".ini" || ext.empty()) {
        files_store_.push_back(std::move(f));
        ini_inventory(*text, &files_store_.back());
      }
    }
  }

  void yaml_group(const std::string& name, const scripts::YamlNode& g, int depth,
                  const VarsFile& f) {
    if (depth > 16 || g.kind != scripts::YamlNode::Kind::kMap) return;
    // A group named in several places gets every place's vars; a later one wins.
    if (Vars v = vars_in(g.get("vars"), f); !v.empty())
      inline_group_vars_[name].push_back(std::move(v));
    if (const scripts::YamlNode* hosts = g.get("hosts");
        hosts && hosts->kind == scripts::YamlNode::Kind::kMap) {
      has_inventory_ = true;
      for (const auto& [h, v] : hosts->map) {
        if (!h.is_scalar()) continue;
        const std::vector<std::string> names = expand_host_pattern(h.text);
        for (const std::string& host : names) host_groups_[host].insert(name);
        if (Vars hv = vars_in(&v, f); !hv.empty())
          for (const std::string& host : names) inline_host_vars_[host].push_back(hv);
      }
    }
    if (const scripts::YamlNode* children = g.get("children");
        children && children->kind == scripts::YamlNode::Kind::kMap) {
      for (const auto& [c, v] : children->map) {
        if (!c.is_scalar()) continue;
        has_inventory_ = true;
        parents_[c.text].insert(name);
        yaml_group(c.text, v, depth + 1, f);
      }
    }
  }

  void yaml_inventory(const VarsFile& f) {
    for (const scripts::YamlNode& d : f.docs)
      if (d.kind == scripts::YamlNode::Kind::kMap)
        for (const auto& [k, v] : d.map)
          if (k.is_scalar()) yaml_group(k.text, v, 0, f);
  }

  // A scalar for an INI value at [begin, end) of the file, on 1-based `line`.
  static const scripts::YamlNode* ini_value(VarsFile* f, std::string text, std::size_t begin,
                                            std::size_t end, int line, std::size_t line_start,
                                            bool quoted) {
    scripts::YamlNode n;
    n.kind = scripts::YamlNode::Kind::kScalar;
    n.text = std::move(text);
    n.begin = begin;
    n.end = end;
    n.line = line;
    n.column = static_cast<int>(begin - line_start) + 1;
    n.plain = !quoted;
    f->ini_values.push_back(std::move(n));
    return &f->ini_values.back();
  }

  void ini_inventory(const std::string& text, VarsFile* f) {
    std::string section = "ungrouped", kind;
    int line_no = 0;
    for (std::string_view raw : lines_of(text)) {
      ++line_no;
      const std::size_t line_start = static_cast<std::size_t>(raw.data() - text.data());
      const std::string_view line = core::trim_line(raw);
      const std::size_t indent = static_cast<std::size_t>(line.data() - raw.data());
      if (line.empty() || line[0] == '#' || line[0] == ';') continue;
      if (line.front() == '[' && line.back() == ']') {
        const std::string_view s = line.substr(1, line.size() - 2);
        const std::size_t colon = s.find(':');
        section = std::string(s.substr(0, colon));
        kind = colon == std::string_view::npos ? "" : std::string(s.substr(colon + 1));
        continue;
      }
      if (kind == "vars") {
        // 'name=value': the value is the rest of the line, quotes removed.
        const std::size_t eq = line.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string name(core::trim_line(line.substr(0, eq)));
        std::string_view value = line.substr(eq + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
          value.remove_prefix(1);
        bool quoted = false;
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front()) {
          value = value.substr(1, value.size() - 2);
          quoted = true;
        }
        if (name.empty()) continue;
        const std::size_t begin = line_start + static_cast<std::size_t>(value.data() - raw.data());
        const scripts::YamlNode* node = ini_value(
            f, std::string(value), begin, begin + value.size(), line_no, line_start, quoted);
        inline_group_vars_[section].push_back(Vars{{name, Var{node, f}}});
        continue;
      }
      const std::vector<IniWord> words = ini_words(line);
      if (words.empty() || words[0].value_begin) continue;
      const std::string& word = words[0].text;
      if (kind.empty()) {
        has_inventory_ = true;
        const std::vector<std::string> hosts = expand_host_pattern(word);
        for (const std::string& host : hosts) host_groups_[host].insert(section);
        Vars v;
        for (std::size_t i = 1; i < words.size(); ++i) {
          const IniWord& w = words[i];
          const std::size_t eq = w.text.find('=');
          if (eq == std::string::npos || eq == 0) continue;
          const std::size_t at = line_start + indent;
          v[w.text.substr(0, eq)] = Var{ini_value(f, w.text.substr(eq + 1), at + w.value_begin,
                                                  at + w.value_end, line_no, line_start, w.quoted),
                                        f};
        }
        if (!v.empty())
          for (const std::string& host : hosts) inline_host_vars_[host].push_back(v);
      } else if (kind == "children") {
        parents_[word].insert(section);
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
  // is one variable tie that variable to the key. Such a role writes a broker config; its
  // defaults (defaults/main.yml, or the files of defaults/main/) are its lowest layer.
  void roles() {
    for (const fs::path& role : sorted_entries(dir_ / "roles")) {
      bool broker = false;
      for (const fs::path& t : sorted_entries(role / "templates")) {
        const std::string name = core::ascii_lower(t.filename().string());
        if (name != "server.properties.j2" && name != "broker.properties.j2") continue;
        if (!regular(t) || ++files_ > kMaxFiles) continue;
        core::Error err;
        const auto text = core::read_file(t.string(), &err);
        if (!text) continue;
        Read r;
        std::error_code ec;
        r.size = fs::file_size(t, ec);
        r.mtime = fs::last_write_time(t, ec);
        r.text = *text;
        reads_[t.lexically_normal().string()] = std::move(r);
        broker = true;
        template_lines(*text);
      }
      if (!broker) continue;
      const std::string name = role.filename().string();
      template_roles_.insert(name);
      const fs::path defaults = role / "defaults";
      for (const fs::path& e : sorted_entries(defaults)) {
        std::error_code ec;
        if (e.stem() != "main") continue;
        if (fs::is_directory(e, ec)) {
          for (const fs::path& inner : sorted_entries(e))
            if (vars_file_name(inner))
              if (const VarsFile* f = read(inner)) role_defaults_[name].push_back(top_level(*f));
        } else if (vars_file_name(e)) {
          if (const VarsFile* f = read(e)) role_defaults_[name].push_back(top_level(*f));
        }
      }
    }
  }

  void template_lines(const std::string& text) {
    for (std::string_view line : lines_of(text)) {
      line = core::trim_line(line);
      const std::size_t eq = line.find('=');
      if (line.empty() || line[0] == '#' || line[0] == '!' || eq == std::string_view::npos)
        continue;
      const std::string key(core::trim_line(line.substr(0, eq)));
      std::string_view v = core::trim_line(line.substr(eq + 1));
      if (v.size() < 5 || v.substr(0, 2) != "{{" || v.substr(v.size() - 2) != "}}") continue;
      v = core::trim_line(v.substr(2, v.size() - 4));
      const bool identifier = !v.empty() && !std::isdigit(static_cast<unsigned char>(v[0])) &&
                              std::all_of(v.begin(), v.end(), [](char c) {
                                return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                              });
      if (identifier && !key.empty()) template_keys_.emplace(std::string(v), key);
    }
  }

  // The playbooks next to roles/: YAML files whose document is a list of plays with 'hosts'.
  // Only plays that run a broker role matter (they give its defaults to their hosts).
  void playbooks() {
    if (template_roles_.empty()) return;
    for (const fs::path& p : sorted_entries(dir_)) {
      const std::string ext = core::ascii_lower(p.extension().string());
      if (ext != ".yml" && ext != ".yaml") continue;
      const VarsFile* f = read(p);
      if (!f) continue;
      for (const scripts::YamlNode& d : f->docs)
        if (d.kind == scripts::YamlNode::Kind::kSeq)
          for (const scripts::YamlNode& play : d.seq) add_play(play, *f);
    }
  }

  void add_play(const scripts::YamlNode& play, const VarsFile& f) {
    const scripts::YamlNode* hosts = play.get("hosts");
    const scripts::YamlNode* roles = play.get("roles");
    if (!hosts || !roles || roles->kind != scripts::YamlNode::Kind::kSeq) return;
    Play p;
    std::vector<std::string> patterns;
    if (hosts->is_scalar()) patterns.push_back(hosts->text);
    for (const scripts::YamlNode& h : hosts->seq)
      if (h.is_scalar()) patterns.push_back(h.text);
    for (const std::string& pattern : patterns)
      for (std::size_t i = 0; i <= pattern.size();) {
        std::size_t e = pattern.find_first_of(":,", i);
        if (e == std::string::npos) e = pattern.size();
        const std::string t(core::trim_line(std::string_view(pattern).substr(i, e - i)));
        // Exclusions, intersections, wildcards, ranges and templates select hosts this
        // reading does not resolve: such a play gives no host its role's defaults.
        if (t.find_first_of("!&*?~[{") != std::string::npos) return;
        if (!t.empty()) p.targets.push_back(t);
        i = e + 1;
      }
    p.vars = vars_in(play.get("vars"), f);
    for (const scripts::YamlNode& r : roles->seq) {
      std::string name;
      Vars params;
      if (r.is_scalar()) {
        name = r.text;
      } else if (r.kind == scripts::YamlNode::Kind::kMap) {
        const scripts::YamlNode* n = r.get("role");
        if (!n) n = r.get("name");
        if (n && n->is_scalar()) name = n->text;
        params = vars_in(r.get("vars"), f);
      }
      // A role given by path is found by its folder name.
      name = fs::path(name).filename().string();
      if (!name.empty()) p.roles.emplace_back(name, std::move(params));
    }
    plays_.push_back(std::move(p));
  }

  fs::path dir_;
  const ScriptFile* self_;  // while loading
  std::map<std::string, Read> reads_;
  std::size_t files_ = 0;
  std::deque<VarsFile> files_store_;
  VarsByName group_vars_, host_vars_;
  VarsByName inline_group_vars_, inline_host_vars_;  // from the inventory file itself
  VarsByName role_defaults_;                         // role -> its defaults files
  bool has_inventory_ = false;
  std::map<std::string, std::set<std::string>> host_groups_;  // host -> its own groups
  std::map<std::string, std::set<std::string>> parents_;      // group -> its parent groups
  std::map<std::string, std::string> template_keys_;
  std::set<std::string> template_roles_;  // roles with a broker config template
  std::vector<Play> plays_;
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

std::vector<std::string> expand_host_pattern(std::string_view pattern) {
  std::vector<std::string> out;
  if (!expand_range(pattern, 0, &out)) return {std::string(pattern)};
  return out;
}

namespace {

// What an inventory gives every one of its files: its hosts and the cluster findings over
// them. Each variable file of an inventory is checked on its own and reports the findings
// placed in it, so the analysis is made once and shared (the inventory used to be read and
// parsed again for each of its files).
struct Analysis {
  fs::path dir;
  const CheckKnowledge* k = nullptr;
  std::unique_ptr<Inventory> inv;
  std::vector<Host> hosts;
  struct Group {
    std::vector<std::size_t> members;
    std::vector<core::Finding> found;
  };
  std::vector<Group> groups;
};

std::shared_ptr<const Analysis> analyze(const fs::path& dir, const ScriptFile& f,
                                        const CheckKnowledge& k) {
  auto a = std::make_shared<Analysis>();
  a->dir = dir;
  a->k = &k;
  a->inv = std::make_unique<Inventory>(dir, f);
  if (!a->inv->load()) return nullptr;
  for (auto& [name, vars] : a->inv->hosts()) {
    Host h;
    h.name = name;
    h.settings = settings_of(vars, a->inv->template_keys());
    if (h.settings.empty()) continue;
    std::string text;
    for (const Setting& s : h.settings) text += s.key + "=" + escaped_value(s.node->text) + "\n";
    h.props = load_props((dir / name).string(), std::move(text));
    if (h.props->refused()) continue;
    h.facts = broker_facts(*h.props);
    h.facts.path = "Ansible host " + name;
    a->hosts.push_back(std::move(h));
  }
  if (a->hosts.size() < 2) return a;
  // The hosts of one inventory are one cluster unless their ensembles or quorums share no
  // server. group_clusters reads "<folder>\n<key kind>=<servers>" (cluster_key's form); every
  // host sits in the inventory's folder, a loopback ensemble is one shared server here (the
  // inventory says these hosts belong together), and hosts that name none are together.
  std::vector<std::string> keys, paths;
  const std::string folder = dir.string();
  for (const Host& h : a->hosts) {
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
  for (const std::vector<std::size_t>& group : group_clusters(keys, paths)) {
    if (group.size() < 2) continue;
    std::vector<const BrokerFacts*> brokers;
    for (std::size_t i : group) brokers.push_back(&a->hosts[i].facts);
    Analysis::Group g;
    g.members = group;
    check_cluster(brokers, k, &g.found);
    a->groups.push_back(std::move(g));
  }
  return a;
}

// Whether `a` still describes the inventory as `f` sees it: f's content is the text it was
// made from and no other file it read has changed since (--fix rewrites files mid-run).
bool current(const Analysis& a, const ScriptFile& f, const CheckKnowledge& k) {
  if (a.k != &k) return false;
  const auto& reads = a.inv->reads();
  const auto self = reads.find(fs::path(f.path).lexically_normal().string());
  if (self == reads.end() || self->second.text != f.content) return false;
  for (const auto& [path, r] : reads) {
    if (r.self || &r == &self->second) continue;
    std::error_code ec;
    if (fs::file_size(path, ec) != r.size || ec || fs::last_write_time(path, ec) != r.mtime || ec)
      return false;
  }
  return true;
}

// The analyses of the inventories checked last, shared by the worker threads. Bounded: a
// repository of many inventories keeps memory flat.
class AnalysisCache {
 public:
  std::shared_ptr<const Analysis> get(const fs::path& dir, const ScriptFile& f,
                                      const CheckKnowledge& k) {
    const std::string key = dir.lexically_normal().string();
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (auto it = map_.find(key); it != map_.end() && it->second && current(*it->second, f, k))
        return it->second;
    }
    std::shared_ptr<const Analysis> a = analyze(dir, f, k);
    if (!a) return nullptr;
    std::lock_guard<std::mutex> lock(mu_);
    if (map_.size() >= kMaxEntries) map_.clear();
    map_[key] = a;
    return a;
  }

 private:
  static constexpr std::size_t kMaxEntries = 16;  // files are walked folder by folder
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Analysis>> map_;
};

}  // namespace

void check_ansible_inventory(const ScriptFile& f, const CheckKnowledge& k,
                             std::vector<core::Finding>* out) {
  const std::optional<fs::path> dir = inventory_dir(f.path);
  if (!dir || !k.rules) return;
  static AnalysisCache cache;
  const std::shared_ptr<const Analysis> a = cache.get(*dir, f, k);
  if (!a) return;
  const std::string self = fs::path(f.path).lexically_normal().string();
  std::map<std::tuple<std::string, int, int, std::string>, std::size_t> seen;
  for (const Analysis::Group& g : a->groups) {
    for (const core::Finding& found : g.found) {
      const Host* h = nullptr;
      for (std::size_t i : g.members)
        if (a->hosts[i].facts.path == found.where.file) h = &a->hosts[i];
      const std::size_t line = static_cast<std::size_t>(found.where.line - 1);
      if (!h || found.where.line < 1 || line >= h->settings.size()) continue;
      const Setting& s = h->settings[line];
      if (s.node->line < 1 || fs::path(s.file->path).lexically_normal().string() != self) continue;
      core::Finding fd = found;
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
