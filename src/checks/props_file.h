#pragma once
// A properties file ready for checking: its bytes, the template mask, the parsed document,
// and the role of the process that reads it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/template.h"
#include "core/line_index.h"
#include "core/result.h"
#include "knowledge/configs.h"
#include "properties/document.h"

namespace kafkalint::checks {

/// Which process reads the file. kClient is a client config whose kind cannot be told
/// (it is checked against producer, consumer and admin keys together).
// kTopic: a topic's overrides (kafka-configs --entity-type topics, kafka-topics --config).
enum class Role { kBroker, kProducer, kConsumer, kAdmin, kClient, kTopic };

const char* role_name(Role r);
/// "broker", "producer", "consumer", "admin", "client", "topic"; also "server"/"controller" =
/// broker.
[[nodiscard]] std::optional<Role> parse_role(std::string_view name);
/// The config scopes a role reads.
std::vector<knowledge::Scope> role_scopes(Role r);
/// The scopes a file of role `r` may be read as, as one set (a client of unknown kind is
/// producer, consumer and admin).
knowledge::ScopeSet role_scope_set(Role r);

struct PropsFile {
  std::string path;                // as reported
  std::string original;            // the bytes read
  MaskedTemplate mask;             // the template view (same offsets as `original`); its
                                   // text is moved into `parsed` when not templated()
  properties::ParseResult parsed;  // parse of mask.text
  Role role = Role::kBroker;
  std::string role_reason;  // "file name", "content", "--role", ".kafkalint.toml"
  bool kraft = false;       // process.roles is set: a KRaft broker or controller
  /// Only part of a config (a carrier the image or operator completes, a document snippet):
  /// a key it leaves unset may be set elsewhere, so its default is not assumed.
  bool partial = false;
  /// The lines of `original`, broken as Kafka reads them ('\n', '\r', "\r\n").
  core::LineIndex lines;

  const properties::Document& doc() const { return parsed.doc; }
  /// The physical line (1-based) as UTF-8 text (bytes read as Latin-1), without terminator.
  std::string source_line(int line) const;
  /// True when the bytes [b, e) hold a template placeholder or ${...} reference.
  bool opaque(const properties::Span& s) const { return mask.is_opaque(s.begin, s.end); }
  /// True when template code stands on the entry's lines: its value is the template's
  /// business (e.g. built in a loop), so value checks do not apply.
  bool entry_has_code(const properties::Entry& e) const {
    for (const ByteRange& r : mask.code)
      if (r.begin < e.raw.end && e.raw.begin < r.end) return true;
    return false;
  }
  /// True when the value of `e` is not known until the template is rendered.
  bool value_opaque(const properties::Entry& e) const {
    return opaque(e.value) || entry_has_code(e);
  }
  /// True when the file came from a template (Jinja, ERB, placeholders).
  bool templated() const { return mask.syntax != TemplateSyntax::kNone; }
  /// True when Java refuses the file, or its template engine does (an unterminated tag).
  bool refused() const { return !parsed.ok() || !mask.problems.empty(); }
};

/// Masks and parses `bytes`; the role is decided later (it needs the knowledge packs).
std::unique_ptr<PropsFile> load_props(std::string path, std::string bytes);

/// The errors that make Java refuse `f` (malformed \uXXXX) or its template engine refuse it
/// (unterminated tags), each with a hint saying what that means. Empty when neither does.
std::vector<core::Error> refusals(const PropsFile& f);

/// Reads and loads `path`; nullptr and *err (the first problem) when the file cannot be read
/// or Java would refuse it.
core::Result<std::unique_ptr<PropsFile>> read_props(const std::string& path,
                                                    std::uintmax_t max_bytes = 0);

/// Guesses the role from the file name: nullopt when the name does not tell.
std::optional<Role> role_from_name(std::string_view path);
/// Another program's properties file, by name (Log4j, ZooKeeper, Connect and MirrorMaker,
/// Trogdor, Jolokia, a log directory's meta.properties): why it is not a Kafka config, or
/// nullopt.
std::optional<std::string> other_properties_kind(std::string_view path);

/// Guesses the role from the keys the file sets, using one release's reference.
Role role_from_content(const PropsFile& f, const knowledge::ConfigCatalog& cat);

/// Counts the keys that some scope of `cat` (or its removed list) knows. A properties file
/// with keys but none known is probably not a Kafka config (log4j, ZooKeeper, an app).
std::size_t known_key_count(const PropsFile& f, const knowledge::ConfigCatalog& cat);

}  // namespace kafkalint::checks
