#include "checks/doc_properties.h"

#include "checks/carrier_checks.h"
#include "checks/single_node.h"
#include "checks/worker_kind.h"
#include "core/line_index.h"
#include "scripts/carriers.h"
#include "scripts/snippet.h"

namespace kafkalint::checks {
namespace {

// How documents write a value to choose or to fill in: 'SASL_PLAINTEXT (or SASL_SSL)' (Kafka's
// security docs), '...', '<broker-host>:9092'.
bool choice_or_placeholder(std::string_view v) {
  return v == "..." || v.find("\xe2\x80\xa6") != std::string_view::npos ||  // '...' as one char
         v.find(" (or ") != std::string_view::npos ||
         (v.find('<') != std::string_view::npos && v.find('>') != std::string_view::npos);
}

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

// Whether text[s) is the file's own bytes at offsets[s.begin...]: no entity, tag or escape.
bool spelled_in_file(const ScriptFile& f, const scripts::PropertiesBlock& b, std::size_t begin,
                     std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const std::size_t at = b.offsets[i];
    if (at != b.offsets[begin] + (i - begin) || at >= f.content.size() ||
        f.content[at] != b.text[i])
      return false;
  }
  return true;
}

// A block whose text was decoded (HTML: tags dropped, entities replaced): checked as a carrier
// whose entries point back at the bytes of the file.
void check_decoded_block(const ScriptFile& f, const scripts::PropertiesBlock& b,
                         const CheckKnowledge& k, std::optional<Role> role, const std::string& what,
                         std::vector<core::Finding>* out) {
  std::unique_ptr<PropsFile> p = load_props(f.path, b.text);
  if (p->refused() || p->doc().entries().empty()) return;
  const std::size_t known = known_key_count(*p, *k.configs);
  if (known == 0 || known * 2 < p->doc().entries().size()) return;
  scripts::Carrier c;
  c.what = what.empty() ? "an HTML <pre> block" : what;
  if (b.role.empty() && !role && connect_or_mirror_maker(*p)) return;
  // No label or text names its reader: its keys do (see check_properties_block).
  c.role = b.role.empty() ? role_name(role_from_content(*p, *k.configs)) : b.role;
  const core::LineIndex index(f.content);
  for (const properties::Entry& e : p->doc().entries()) {
    scripts::CarrierEntry en;
    en.key = std::string(p->doc().key(e));
    en.value = std::string(p->doc().value(e));
    en.key_begin = b.offsets[e.key.begin];
    en.key_end = b.offsets[e.key.end];
    en.value_begin = b.offsets[e.value.begin];
    en.value_end = b.offsets[e.value.end];
    en.key_literal =
        en.key == std::string_view(b.text).substr(e.key.begin, e.key.end - e.key.begin) &&
        spelled_in_file(f, b, e.key.begin, e.key.end);
    en.value_literal =
        en.value == std::string_view(b.text).substr(e.value.begin, e.value.end - e.value.begin) &&
        spelled_in_file(f, b, e.value.begin, e.value.end);
    en.key_line = index.line(en.key_begin);
    en.key_column = index.column(en.key_begin);
    en.value_line = index.line(en.value_begin);
    en.value_column = index.column(en.value_begin);
    c.entries.push_back(std::move(en));
  }
  check_carrier(f, k, c, role, out);
}

}  // namespace

void check_properties_block(const ScriptFile& f, const scripts::PropertiesBlock& b,
                            const CheckKnowledge& k, std::optional<Role> role,
                            const std::string& what, std::vector<core::Finding>* out) {
  if (!k.configs) return;
  if (b.role == "other" && !role) return;  // ksqlDB, Schema Registry, Connect ...
  if (!b.text.empty()) return check_decoded_block(f, b, k, role, what, out);
  std::unique_ptr<PropsFile> p = load_props(f.path, blanked(f.content, b));
  if (p->refused() || p->doc().entries().empty()) return;
  // Mostly Kafka's keys, or it is some other program's configuration (Spring, log4j).
  const std::size_t known = known_key_count(*p, *k.configs);
  if (known == 0 || known * 2 < p->doc().entries().size()) return;
  if (role) {
    p->role = *role;
    p->role_reason = "--role";
  } else if (auto r = parse_role(b.role)) {
    p->role = *r;
    p->role_reason = "text before the block";
  } else {
    // Nothing around the block names its reader: its keys do, as for a file (a block of
    // bootstrap.servers and sasl.* is an application's client config, not a broker's).
    if (connect_or_mirror_maker(*p)) return;
    p->role = role_from_content(*p, *k.configs);
    p->role_reason = "snippet content";
  }
  p->partial = true;
  for (const properties::Entry& e : p->doc().entries()) {
    if (p->doc().key(e) == "process.roles") p->kraft = true;
    // Values a reader chooses or fills in: not values to judge.
    if (choice_or_placeholder(p->doc().value(e)))
      p->mask.opaque.push_back({e.value.begin, e.value.end});
  }
  std::vector<core::Finding> raw;
  check_properties(*p, k, &raw);
  // A snippet for one development node (a loopback quorum, one replica) gets no replication
  // advice either: its KL413 summary is file-level, dropped below with the rest.
  collapse_single_node_findings(
      *p, k, [](const core::Finding&) { return true; }, &raw);
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
