#include "checks/doc_properties.h"

namespace kafkalint::checks {
namespace {

// The document with every byte outside the block blanked (line breaks kept): parsed as
// properties it has the block's entries at the document's own offsets, lines and columns.
std::string blanked(const std::string& content, const scripts::PropertiesBlock& b) {
  std::string out(content.size(), ' ');
  for (std::size_t i = 0; i < content.size(); ++i)
    if (content[i] == '\n' || content[i] == '\r') out[i] = content[i];
  for (const auto& [begin, end] : b.lines)
    for (std::size_t i = begin; i < end && i < content.size(); ++i) out[i] = content[i];
  return out;
}

}  // namespace

void check_properties_block(const ScriptFile& f, const scripts::PropertiesBlock& b,
                            const CheckKnowledge& k, std::optional<Role> role,
                            const std::string& what, std::vector<core::Finding>* out) {
  if (!k.configs) return;
  if (b.role == "other" && !role) return;  // ksqlDB, Schema Registry, Connect ...
  std::unique_ptr<PropsFile> p = load_props(f.path, blanked(f.content, b));
  if (p->refused() || p->doc().entries().empty()) return;
  // Mostly Kafka's keys, or it is some other program's configuration (Spring, log4j).
  const std::size_t known = known_key_count(*p, *k.configs);
  if (known == 0 || known * 2 < p->doc().entries().size()) return;
  p->role = role ? *role : parse_role(b.role).value_or(Role::kBroker);
  p->role_reason = role ? "--role" : b.role.empty() ? "snippet" : "text before the block";
  for (const properties::Entry& e : p->doc().entries())
    if (p->doc().key(e) == "process.roles") p->kraft = true;
  std::vector<core::Finding> raw;
  check_properties(*p, k, &raw);
  for (core::Finding& fd : raw) {
    // File-level findings (a key the file does not set) need the whole file.
    if (fd.where.line == 1 && fd.where.column == 1 && fd.source_line.empty()) continue;
    if (!what.empty()) fd.notes.push_back("in " + what);
    out->push_back(std::move(fd));
  }
}

void check_doc_properties(const ScriptFile& f, const CheckKnowledge& k, std::optional<Role> role,
                          std::vector<core::Finding>* out) {
  for (const scripts::PropertiesBlock& b : f.extracted.properties)
    check_properties_block(f, b, k, role, "", out);
}

}  // namespace kafkalint::checks
