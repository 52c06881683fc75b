#include "checks/props_file.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "checks/walk.h"
#include "core/file_io.h"
#include "core/strings.h"

namespace kafkalint::checks {

const char* role_name(Role r) {
  switch (r) {
    case Role::kBroker:
      return "broker";
    case Role::kProducer:
      return "producer";
    case Role::kConsumer:
      return "consumer";
    case Role::kAdmin:
      return "admin";
    case Role::kClient:
      return "client";
    case Role::kTopic:
      return "topic";
  }
  return "broker";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "broker" || name == "server" || name == "controller") return Role::kBroker;
  if (name == "producer") return Role::kProducer;
  if (name == "consumer") return Role::kConsumer;
  if (name == "admin") return Role::kAdmin;
  if (name == "client") return Role::kClient;
  if (name == "topic") return Role::kTopic;
  return std::nullopt;
}

std::vector<knowledge::Scope> role_scopes(Role r) {
  using knowledge::Scope;
  switch (r) {
    case Role::kBroker:
      return {Scope::kBroker};
    case Role::kProducer:
      return {Scope::kProducer};
    case Role::kConsumer:
      return {Scope::kConsumer};
    case Role::kAdmin:
      return {Scope::kAdmin};
    case Role::kClient:
      return {Scope::kProducer, Scope::kConsumer, Scope::kAdmin};
    case Role::kTopic:
      return {Scope::kTopic};
  }
  return {Scope::kBroker};
}

knowledge::ScopeSet role_scope_set(Role r) {
  knowledge::ScopeSet set;
  for (knowledge::Scope s : role_scopes(r)) set = set | knowledge::ScopeSet::of(s);
  return set;
}

std::string PropsFile::source_line(int line) const {
  if (!lines.has(line)) return {};
  const std::size_t b = lines.start(line);
  std::size_t e = b;
  while (e < original.size() && original[e] != '\n' && original[e] != '\r') ++e;
  std::string out;
  for (std::size_t i = b; i < e; ++i) {
    const unsigned char c = static_cast<unsigned char>(original[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {  // ISO-8859-1 byte -> UTF-8, as Kafka reads it
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::unique_ptr<PropsFile> load_props(std::string path, std::string bytes) {
  auto f = std::make_unique<PropsFile>();
  f->path = std::move(path);
  f->original = std::move(bytes);
  f->lines = core::LineIndex(f->original, core::LineBreaks::kJava);
  f->mask = mask_template(f->original, detect_template(f->path, f->original), &f->lines);
  // A plain file's template view is its bytes unchanged: parsed from that copy, which the
  // document then owns, so a large file is held twice (bytes read, document), not three times.
  if (f->templated())
    f->parsed = properties::parse(f->mask.text, f->path);
  else
    f->parsed = properties::parse(std::move(f->mask.text), f->path);
  const properties::Entry* roles = f->doc().find("process.roles");
  f->kraft = roles && !f->doc().value(*roles).empty();
  return f;
}

std::vector<core::Error> refusals(const PropsFile& f) {
  std::vector<core::Error> out = f.parsed.errors;
  for (core::Error& e : out)
    if (e.hint.empty()) e.hint = "java.util.Properties refuses this file, so Kafka cannot load it";
  for (const MaskedTemplate::Problem& p : f.mask.problems)
    out.push_back({{f.path, p.line, p.column},
                   p.message,
                   "the template engine refuses this file: close the tag, or write it as text "
                   "the engine leaves alone"});
  std::sort(out.begin(), out.end(), [](const core::Error& a, const core::Error& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  return out;
}

core::Result<std::unique_ptr<PropsFile>> read_props(const std::string& path,
                                                    std::uintmax_t max_bytes) {
  return core::capture<std::unique_ptr<PropsFile>>(
      [&](core::Error* err) -> std::unique_ptr<PropsFile> {
        bool too_large = false;
        auto bytes = core::read_file(path, err, max_bytes, &too_large);
        if (too_large)
          err->hint =
              "--max-file-size raises the limit of " + size_text(max_bytes) + "; 0 turns it off";
        if (!bytes) return nullptr;
        auto f = load_props(path, std::move(*bytes));
        if (f->refused()) {
          *err = refusals(*f).front();
          return nullptr;
        }
        return f;
      });
}

std::optional<Role> role_from_name(std::string_view path) {
  const std::string name = core::ascii_lower(
      path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1));
  auto has = [&](std::string_view w) { return name.find(w) != std::string::npos; };
  if (has("producer")) return Role::kProducer;
  if (has("consumer")) return Role::kConsumer;
  if (has("admin") || has("command-config") || has("command.config")) return Role::kAdmin;
  if (has("server") || has("broker") || has("controller") || name.rfind("kafka.properties", 0) == 0)
    return Role::kBroker;
  if (has("client")) return Role::kClient;
  return std::nullopt;
}

namespace {

bool known_in(const knowledge::ConfigCatalog& cat, knowledge::Scope s, std::string_view key) {
  return cat.find(s, key) || cat.removed(s, key) || cat.undocumented(s, key);
}

}  // namespace

Role role_from_content(const PropsFile& f, const knowledge::ConfigCatalog& cat) {
  using knowledge::Scope;
  // Keys only one side knows decide; shared keys (ssl.*, sasl.*) say nothing.
  int broker = 0, client = 0, producer = 0, consumer = 0, admin = 0;
  for (const properties::Entry& e : f.doc().entries()) {
    if (f.opaque(e.key)) continue;
    const std::string_view k = f.doc().key(e);
    const bool b = known_in(cat, Scope::kBroker, k);
    const bool p = known_in(cat, Scope::kProducer, k);
    const bool c = known_in(cat, Scope::kConsumer, k);
    const bool a = known_in(cat, Scope::kAdmin, k);
    if (b && !p && !c && !a) ++broker;
    if (!b && (p || c || a)) {
      ++client;
      if (p && !c) ++producer;
      if (c && !p) ++consumer;
      if (a && !p && !c) ++admin;
    }
  }
  if (broker > 0 && broker >= client) return Role::kBroker;
  if (client == 0) return Role::kBroker;  // only shared keys: the common case is a broker file
  if (producer > consumer) return Role::kProducer;
  if (consumer > producer) return Role::kConsumer;
  if (producer == 0 && consumer == 0 && admin > 0) return Role::kAdmin;
  return Role::kClient;
}

// A properties file of another program that Kafka repositories keep next to the brokers'
// (by its name); the reason it is not checked, or nullopt.
std::optional<std::string> other_properties_kind(std::string_view path) {
  const std::string name =
      core::ascii_lower(inner_name(std::filesystem::path(path).filename().string()));
  if (name.find("log4j") != std::string::npos)
    return "a Log4j configuration, not a Kafka broker or client config";
  if (name.rfind("zookeeper", 0) == 0 || name.rfind("zoo.", 0) == 0)
    return "a ZooKeeper configuration, not a Kafka broker or client config";
  if (name.rfind("connect-", 0) == 0 || name.rfind("mm2", 0) == 0 ||
      name.find("mirror-maker") != std::string::npos)
    return "a Kafka Connect or MirrorMaker configuration; kafkalint does not check those yet";
  if (name.rfind("trogdor", 0) == 0) return "a Trogdor configuration";
  if (name == "meta.properties")
    return "Kafka's log directory metadata (written by kafka-storage format), not a config";
  if (name.find("jolokia") != std::string::npos)
    return "a Jolokia agent configuration, not a Kafka broker or client config";
  return std::nullopt;
}

std::size_t known_key_count(const PropsFile& f, const knowledge::ConfigCatalog& cat) {
  std::size_t n = 0;
  for (const properties::Entry& e : f.doc().entries()) {
    const std::string_view k = f.doc().key(e);
    for (knowledge::Scope s : knowledge::kAllScopes)
      if (known_in(cat, s, k)) {
        ++n;
        break;
      }
  }
  return n;
}

}  // namespace kafkalint::checks
