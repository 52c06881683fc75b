#include "knowledge/versions.h"

#include <algorithm>
#include <set>

#include "knowledge/curated_fields.h"

namespace kafkalint::knowledge {

namespace {

std::string milestone_names() {
  std::string out;
  for (Milestone m : kAllMilestones) out += (out.empty() ? "" : ", ") + std::string(to_string(m));
  return out;
}

/// The milestone called `name`, read from field `field`; an unknown name fails with its place
/// and the names kafkalint knows.
std::optional<Milestone> read_milestone(curated::Fields& f, std::string_view field,
                                        const std::string& name) {
  for (Milestone m : kAllMilestones)
    if (name == to_string(m)) return m;
  f.fail(f.node_of(field), "unknown milestone '" + name + "'",
         "kafkalint knows: " + milestone_names());
  return std::nullopt;
}

/// The id of a `rule` code read from the pack; an unknown or removed code fails with its place.
bool read_rule_id(curated::Fields& f, const std::string& code, RuleId* out) {
  if (!curated::is_rule_code(code))
    return f.fail(f.node_of("rule"), "'" + code + "' is not a rule code",
                  "rule codes look like \"KL801\"");
  const std::optional<RuleId> id = core::rule_id(code);
  if (!id)
    return f.fail(f.node_of("rule"), "'" + code + "' is not a rule this kafkalint reports",
                  "rules are defined in kafka/rules.toml");
  *out = *id;
  return true;
}

constexpr const char* kVersionsPack = "kafka/versions.toml";

template <typename E>
struct EnumName {
  std::string_view name;
  E value;
};

constexpr EnumName<ZooKeeperSupport> kZooKeeper[] = {{"supported", ZooKeeperSupport::kSupported},
                                                     {"deprecated", ZooKeeperSupport::kDeprecated},
                                                     {"removed", ZooKeeperSupport::kRemoved}};
constexpr EnumName<KraftSupport> kKraft[] = {{"none", KraftSupport::kNone},
                                             {"early-access", KraftSupport::kEarlyAccess},
                                             {"preview", KraftSupport::kPreview},
                                             {"production", KraftSupport::kProduction},
                                             {"only", KraftSupport::kOnly}};
constexpr EnumName<MigrationSupport> kMigration[] = {
    {"none", MigrationSupport::kNone},
    {"early-access", MigrationSupport::kEarlyAccess},
    {"preview", MigrationSupport::kPreview},
    {"production", MigrationSupport::kProduction}};
constexpr EnumName<StartupCheck> kStartup[] = {{"none", StartupCheck::kNone},
                                               {"strict", StartupCheck::kStrict},
                                               {"record-version", StartupCheck::kRecordVersion}};
constexpr EnumName<RecordFormat> kRecordFormats[] = {{"", RecordFormat::kNone},
                                                     {"V0", RecordFormat::kV0},
                                                     {"V1", RecordFormat::kV1},
                                                     {"V2", RecordFormat::kV2}};
constexpr EnumName<ClusterMode> kModes[] = {{"any", ClusterMode::kAny},
                                            {"zookeeper", ClusterMode::kZooKeeper},
                                            {"kraft", ClusterMode::kKraft}};
constexpr EnumName<ConstraintKind> kKinds[] = {
    {"refused", ConstraintKind::kRefused},
    {"intermediate-hop", ConstraintKind::kIntermediateHop},
    {"requires-migration", ConstraintKind::kRequiresMigration},
    {"requires-release", ConstraintKind::kRequiresRelease},
    {"client-compat", ConstraintKind::kClientCompat},
    {"downgrade", ConstraintKind::kDowngrade}};

template <typename E, std::size_t N>
std::vector<std::string_view> names_of(const EnumName<E> (&table)[N]) {
  std::vector<std::string_view> out;
  for (const auto& e : table) out.push_back(e.name);
  return out;
}

template <typename E, std::size_t N>
E value_of(const EnumName<E> (&table)[N], std::string_view name) {
  for (const auto& e : table)
    if (e.name == name) return e.value;
  return table[0].value;
}

template <typename E, std::size_t N>
const char* name_of(const EnumName<E> (&table)[N], E value) {
  for (const auto& e : table)
    if (e.value == value) return e.name.data();
  return "?";
}

/// Reads an enum field; `*out` keeps its value when the field is absent.
template <typename E, std::size_t N>
bool read_enum(curated::Fields& f, std::string_view key, const EnumName<E> (&table)[N], E* out,
               bool required) {
  std::string text;
  if (!f.one_of(key, &text, names_of(table), required)) return false;
  if (!text.empty()) *out = value_of(table, text);
  return true;
}

bool read_release_name(curated::Fields& f, std::string_view key, std::optional<core::Version>* out,
                       const std::set<std::string>* known_lines) {
  std::string text;
  const bool had = f.self().get(key) != nullptr;
  if (!f.str(key, &text) || !had) return f.ok();
  if (known_lines && !known_lines->count(text)) {
    return f.fail(f.node_of(key),
                  "field '" + std::string(key) + "' of " + f.what() +
                      " names the unknown release line '" + text + "'",
                  "use a line defined by a [[line]] entry, e.g. \"2.4\" or \"0.10.2\"");
  }
  *out = core::Version::parse(text);
  if (!*out) return f.fail(f.node_of(key), "'" + text + "' is not a version");
  return true;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

/// Kafka's own cut of a protocol version string: three dot-separated segments for 0.x,
/// two otherwise ("2.8.1" -> "2.8", "0.10.2.1" -> "0.10.2", "2.1-IV2" stays).
std::string cut_to_release(std::string_view value) {
  const std::size_t keep = value.substr(0, 2) == "0." ? 3 : 2;
  std::size_t pos = 0;
  for (std::size_t seg = 0; seg < keep; ++seg) {
    pos = value.find('.', pos);
    if (pos == std::string_view::npos) return std::string(value);
    if (seg + 1 < keep) ++pos;
  }
  return std::string(value.substr(0, pos));
}

}  // namespace

const char* to_string(ZooKeeperSupport s) { return name_of(kZooKeeper, s); }
const char* to_string(KraftSupport s) { return name_of(kKraft, s); }
const char* to_string(MigrationSupport s) { return name_of(kMigration, s); }
const char* to_string(StartupCheck s) { return name_of(kStartup, s); }
const char* to_string(RecordFormat f) { return name_of(kRecordFormats, f); }
const char* to_string(Milestone m) {
  switch (m) {
    case Milestone::kApiVersions:
      return "api-versions";
    case Milestone::kOldestServedClient:
      return "oldest-served-client";
    case Milestone::kZooKeeper35:
      return "zookeeper-3.5";
    case Milestone::kAdminClientQuotas:
      return "admin-client-quotas";
    case Milestone::kMessageFormatIgnored:
      return "message-format-ignored";
    case Milestone::kZooKeeperClient38:
      return "zookeeper-client-3.8";
    case Milestone::kKraftJbodMigration:
      return "kraft-jbod-migration";
    case Milestone::kDynamicQuorum:
      return "dynamic-quorum";
    case Milestone::kMigrationZnodeReset:
      return "migration-znode-reset";
    case Milestone::kZooKeeperRemoved:
      return "zookeeper-removed";
    case Milestone::kMessageFormatRemoved:
      return "message-format-removed";
    case Milestone::kEligibleLeaderReplicas:
      return "eligible-leader-replicas";
    case Milestone::kQuorumConversion:
      return "quorum-conversion";
    case Milestone::kDynamicBrokerConfigs:
      return "dynamic-broker-configs";
    case Milestone::kScalaClientsRemoved:
      return "scala-clients-removed";
    case Milestone::kLog4j2:
      return "log4j2";
    case Milestone::kScala212Removed:
      return "scala-2.12-removed";
    case Milestone::kCommaBootstrapList:
      return "comma-bootstrap-list";
    case Milestone::kJava17:
      return "java-17";
    case Milestone::kZooKeeperMigration:
      return "zookeeper-migration";
    case Milestone::kIdempotenceYields:
      return "idempotence-yields";
    case Milestone::kRemoteAssignorChecked:
      return "remote-assignor-checked";
  }
  return "";
}

const char* to_string(ClusterMode m) { return name_of(kModes, m); }
const char* to_string(ConstraintKind k) { return name_of(kKinds, k); }

bool PathConstraint::applies(const core::Version& from, const core::Version& to,
                             ClusterMode cluster) const {
  if (mode != ClusterMode::kAny && cluster != ClusterMode::kAny && mode != cluster) return false;
  if (kind == ConstraintKind::kDowngrade) return to < from;
  if (from_min && from < *from_min) return false;
  if (from_max && from > *from_max) return false;
  if (to_min && to < *to_min) return false;
  if (to_max && to > *to_max) return false;
  return true;
}

core::Result<VersionCatalog> VersionCatalog::load(const PackSource& packs) {
  return core::capture<VersionCatalog>([&](core::Error* err) -> std::optional<VersionCatalog> {
    auto text = packs.find(kVersionsPack);
    if (!text) {
      err->where.file = std::string("rules/") + kVersionsPack;
      err->message = "the release catalogue is missing";
      err->hint = "a --rules directory can replace kafka/versions.toml but not remove it";
      return std::nullopt;
    }
    std::optional<VersionCatalog> cat = parse(*text).take(err);
    if (!cat) return std::nullopt;
    // The planner's decisions rest on these facts: a catalogue given with --rules must state
    // every one of them, where a test's small catalogue need not.
    for (Milestone m : kAllMilestones) {
      if (cat->milestone_line(m)) continue;
      err->where.file = text->display_name;
      err->message =
          std::string("the release catalogue has no [[milestone]] '") + to_string(m) + "'";
      err->hint = "copy the [[milestone]] entries of the built-in rules/kafka/versions.toml";
      return std::nullopt;
    }
    // And the facts of a milestone that the planner's sentences name.
    using Get = std::string (VersionCatalog::*)(Milestone) const;
    struct Worded {
      Milestone m;
      const char* field;
      Get get;
    };
    static const Worded kWorded[] = {
        {Milestone::kZooKeeperMigration, "protocol", &VersionCatalog::milestone_protocol},
        {Milestone::kZooKeeper35, "zookeeper", &VersionCatalog::milestone_zookeeper},
        {Milestone::kZooKeeper35, "zookeeper_before", &VersionCatalog::milestone_zookeeper_before},
        {Milestone::kZooKeeperClient38, "zookeeper", &VersionCatalog::milestone_zookeeper},
        {Milestone::kKraftJbodMigration, "protocol", &VersionCatalog::milestone_protocol},
    };
    for (const Worded& w : kWorded) {
      if (!((*cat).*w.get)(w.m).empty()) continue;
      err->where.file = text->display_name;
      err->message = std::string("the release catalogue's [[milestone]] '") + to_string(w.m) +
                     "' gives no '" + w.field + "'";
      err->hint = "copy it from the built-in rules/kafka/versions.toml";
      return std::nullopt;
    }
    // The readiness phase of an upgrade across zookeeper-removed names the metadata.version the
    // new nodes need.
    if (const Release* v4 = cat->milestone_line(Milestone::kZooKeeperRemoved);
        v4->mv_minimum.empty()) {
      err->where.file = text->display_name;
      err->message = "the release catalogue's [[line]] '" + v4->name + "' gives no 'mv_minimum'";
      err->hint = "copy it from the built-in rules/kafka/versions.toml";
      return std::nullopt;
    }
    return cat;
  });
}

bool VersionCatalog::reached(const Release& release, Milestone m) const {
  const Release* first = milestone_line(m);
  return first && !(release.version < first->version);
}

std::string VersionCatalog::milestone_name(Milestone m) const {
  const Release* r = milestone_line(m);
  return r ? r->name : "";
}

std::string VersionCatalog::milestone_series(Milestone m) const {
  const Release* r = milestone_line(m);
  return r ? r->name.substr(0, r->name.find('.')) + ".x" : "";
}

const Release* VersionCatalog::first_line_with(RecordFormat f) const {
  for (const Release& r : lines_)
    if (r.record_format == f) return &r;
  return nullptr;
}

const VersionCatalog::MilestoneEntry* VersionCatalog::milestone_entry(Milestone m) const {
  for (const MilestoneEntry& e : milestones_)
    if (e.id == m) return &e;
  return nullptr;
}

const Release* VersionCatalog::milestone_line(Milestone m) const {
  const MilestoneEntry* e = milestone_entry(m);
  return e ? &lines_[e->line] : nullptr;
}

std::string VersionCatalog::milestone_protocol(Milestone m) const {
  const MilestoneEntry* e = milestone_entry(m);
  return e ? e->protocol : "";
}

std::string VersionCatalog::milestone_zookeeper(Milestone m) const {
  const MilestoneEntry* e = milestone_entry(m);
  return e ? e->zookeeper : "";
}

std::string VersionCatalog::milestone_zookeeper_before(Milestone m) const {
  const MilestoneEntry* e = milestone_entry(m);
  return e ? e->zookeeper_before : "";
}

core::Result<VersionCatalog> VersionCatalog::parse(const PackText& pack) {
  return core::capture<VersionCatalog>([&](core::Error* err) -> std::optional<VersionCatalog> {
    // toml++ may throw on allocation or conversion; nothing escapes the knowledge layer.
    try {
      return read_pack(pack, err, [&](const toml::table& root) -> std::optional<VersionCatalog> {
        if (!curated::check_root(
                pack, root, {"line", "constraint", "known_issue", "one_way_protocol", "milestone"},
                err))
          return std::nullopt;

        VersionCatalog cat;
        curated::Fields top(pack, root, "versions.toml", err);
        std::vector<const toml::table*> line_tables, constraint_tables, issue_tables,
            one_way_tables, milestone_tables;
        if (!top.table_array("line", &line_tables, true) ||
            !top.table_array("constraint", &constraint_tables) ||
            !top.table_array("known_issue", &issue_tables) ||
            !top.table_array("one_way_protocol", &one_way_tables) ||
            !top.table_array("milestone", &milestone_tables))
          return std::nullopt;

        std::set<std::string> line_names, protocol_names, mv_names;
        int last_level = 0;
        for (const toml::table* t : line_tables) {
          Release r;
          std::string name;
          {
            curated::Fields probe(pack, *t, "[[line]]", err);
            if (!probe.str("name", &name, true)) return std::nullopt;
          }
          curated::Fields f(pack, *t, "[[line]] '" + name + "'", err);
          f.str("name", &r.name, true);
          auto v = core::Version::parse(r.name);
          if (!v || v->parts.size() < 2 || v->parts.size() > 3 ||
              (v->parts[0] > 0 && v->parts.size() != 2)) {
            f.fail(f.node_of("name"), "release line name '" + r.name + "' is not a line",
                   "lines have three parts for 0.x (\"0.10.2\") and two from 1.0 (\"2.1\")");
            return std::nullopt;
          }
          r.version = *v;
          if (!line_names.insert(r.name).second) {
            f.fail(f.node_of("name"), "release line '" + r.name + "' is defined twice");
            return std::nullopt;
          }
          if (!cat.lines_.empty() && !(cat.lines_.back().version < r.version)) {
            f.fail(f.node_of("name"), "release line '" + r.name + "' is out of order",
                   "list [[line]] entries oldest first; '" + cat.lines_.back().name +
                       "' comes before it");
            return std::nullopt;
          }
          std::string status = "released";
          f.one_of("status", &status, {"released", "unreleased"}, true);
          r.released = status == "released";
          f.boolean("supported", &r.supported);
          f.str("unsupported_reason", &r.unsupported_reason);
          f.str_array("patches", &r.patches, true);
          const toml::table* dates = f.table("tag_dates");
          read_enum(f, "zookeeper", kZooKeeper, &r.zookeeper, true);
          read_enum(f, "kraft", kKraft, &r.kraft, true);
          read_enum(f, "zk_migration", kMigration, &r.zk_migration, true);
          f.str_array("protocol_versions", &r.protocol_versions);
          f.str_array("unstable_protocol_versions", &r.unstable_protocol_versions);
          std::string record_format;
          f.one_of("record_format", &record_format, {"V0", "V1", "V2"});
          r.record_format = value_of(kRecordFormats, record_format);
          f.boolean("ibp_key", &r.ibp_key);
          f.str("ibp_default", &r.ibp_default);
          f.boolean("lmfv_key", &r.lmfv_key);
          f.str("lmfv_default", &r.lmfv_default);
          read_enum(f, "startup_check", kStartup, &r.startup_check, true);
          std::vector<const toml::table*> mvs;
          f.table_array("metadata_versions", &mvs);
          f.str("mv_latest_production", &r.mv_latest_production);
          f.str("mv_minimum", &r.mv_minimum);
          std::int64_t java_min = 0;
          f.integer("java_min", &java_min);
          f.str("configs", &r.configs_pack);
          f.str("cli", &r.cli_pack);
          f.str("source", &r.source, true);
          if (!f.finish()) return std::nullopt;

          if (r.source.empty()) {
            f.fail(f.node_of("source"), "[[line]] '" + r.name + "' cites no source");
            return std::nullopt;
          }
          if (java_min != 0 && (java_min < 6 || java_min > 99)) {
            f.fail(f.node_of("java_min"),
                   "java_min " + std::to_string(java_min) +
                       " is not a Java major version Kafka ever required",
                   "Kafka 0.8 ran on Java 6; give the major version, e.g. 17");
            return std::nullopt;
          }
          r.java_min = java_min > 0          ? static_cast<int>(java_min)
                       : !cat.lines_.empty() ? cat.lines_.back().java_min
                                             : 0;
          if (r.mv_minimum.empty() && !cat.lines_.empty())
            r.mv_minimum = cat.lines_.back().mv_minimum;
          if (!r.supported && r.unsupported_reason.empty()) {
            f.fail(*t,
                   "[[line]] '" + r.name + "' is unsupported but gives no 'unsupported_reason'");
            return std::nullopt;
          }
          if (r.supported && r.record_format == RecordFormat::kNone) {
            f.fail(*t, "[[line]] '" + r.name + "' has no 'record_format'");
            return std::nullopt;
          }
          if (r.ibp_key != !r.ibp_default.empty() || r.lmfv_key != !r.lmfv_default.empty()) {
            f.fail(*t, "[[line]] '" + r.name + "': a default is given exactly when the key exists",
                   "set ibp_key/lmfv_key = true together with ibp_default/lmfv_default");
            return std::nullopt;
          }
          for (const std::string& p : r.patches) {
            auto pv = core::Version::parse(p);
            // 0.8.0 and 0.8.1 were released under their three-part line name.
            if (!pv || pv->line() != r.name || (!pv->patch() && p != r.name)) {
              f.fail(f.node_of("patches"),
                     "patch release '" + p + "' does not belong to line '" + r.name + "'",
                     "a patch is the line plus one more part, e.g. \"2.1.1\" or \"0.10.2.1\"");
              return std::nullopt;
            }
          }
          if (dates) {
            for (const auto& [k, node] : *dates) {
              const std::string patch(k.str());
              const auto* s = node.as_string();
              if (!s || std::find(r.patches.begin(), r.patches.end(), patch) == r.patches.end()) {
                f.fail(node,
                       "tag_dates of '" + r.name + "' must map its own patches to \"YYYY-MM-DD\"");
                return std::nullopt;
              }
              r.tag_dates.emplace_back(patch, s->get());
            }
          }
          for (const std::string& p : r.protocol_versions) {
            if (!protocol_names.insert(p).second) {
              f.fail(f.node_of("protocol_versions"),
                     "protocol version '" + p + "' is listed twice");
              return std::nullopt;
            }
            if (p != r.name && p.rfind(r.name + "-IV", 0) != 0) {
              f.fail(f.node_of("protocol_versions"),
                     "protocol version '" + p + "' does not belong to line '" + r.name + "'");
              return std::nullopt;
            }
            cat.protocol_order_.emplace_back(p, cat.lines_.size());
          }
          for (const toml::table* m : mvs) {
            MetadataVersion mv;
            curated::Fields mf(pack, *m, "metadata version of '" + r.name + "'", err);
            std::int64_t level = 0;
            mf.str("name", &mv.name, true);
            mf.integer("level", &level, true);
            mf.boolean("metadata_change", &mv.metadata_change, true);
            if (!mf.finish()) return std::nullopt;
            // A feature level is a Java short in Kafka; a larger one would wrap into a small int.
            if (level < 1 || level > 32767) {
              mf.fail(mf.node_of("level"),
                      "metadata.version level " + std::to_string(level) + " of '" + mv.name +
                          "' is not a feature level",
                      "feature levels run from 1 to 32767");
              return std::nullopt;
            }
            if (level <= last_level) {
              mf.fail(mf.node_of("level"), "metadata.version levels must increase; '" + mv.name +
                                               "' has level " + std::to_string(level) +
                                               " after level " + std::to_string(last_level));
              return std::nullopt;
            }
            if (std::find(r.protocol_versions.begin(), r.protocol_versions.end(), mv.name) ==
                r.protocol_versions.end()) {
              mf.fail(mf.node_of("name"), "metadata version '" + mv.name +
                                              "' is not among the protocol_versions of '" + r.name +
                                              "'");
              return std::nullopt;
            }
            last_level = static_cast<int>(level);
            mv.level = last_level;
            mv_names.insert(mv.name);
            r.metadata_versions.push_back(std::move(mv));
          }
          cat.lines_.push_back(std::move(r));
        }

        // Values that refer to protocol versions must name known ones.
        for (std::size_t i = 0; i < cat.lines_.size(); ++i) {
          const Release& r = cat.lines_[i];
          curated::Fields f(pack, *line_tables[i], "[[line]] '" + r.name + "'", err);
          for (const char* key : {"ibp_default", "lmfv_default"}) {
            const std::string& value =
                std::string_view(key) == "ibp_default" ? r.ibp_default : r.lmfv_default;
            core::Error inner;
            if (!value.empty() && !cat.resolve_protocol(value, &inner)) {
              f.fail(f.node_of(key),
                     std::string(key) + " '" + value + "' is not a known protocol version");
              return std::nullopt;
            }
          }
          if (!r.mv_latest_production.empty() && !mv_names.count(r.mv_latest_production)) {
            f.fail(f.node_of("mv_latest_production"), "mv_latest_production '" +
                                                          r.mv_latest_production +
                                                          "' is not a known metadata version");
            return std::nullopt;
          }
          if (!r.mv_minimum.empty() && !mv_names.count(r.mv_minimum)) {
            f.fail(f.node_of("mv_minimum"),
                   "mv_minimum '" + r.mv_minimum + "' is not a known metadata version");
            return std::nullopt;
          }
          for (const std::string& u : r.unstable_protocol_versions) {
            if (!protocol_names.count(u)) {
              f.fail(f.node_of("unstable_protocol_versions"),
                     "unstable protocol version '" + u + "' is not listed by any line");
              return std::nullopt;
            }
          }
        }

        std::set<std::string> ids;
        for (const toml::table* t : constraint_tables) {
          PathConstraint c;
          curated::Fields f(pack, *t, "[[constraint]]", err);
          f.str("id", &c.id, true);
          read_enum(f, "kind", kKinds, &c.kind, true);
          read_enum(f, "mode", kModes, &c.mode, true);
          read_release_name(f, "from_min", &c.from_min, &line_names);
          read_release_name(f, "from_max", &c.from_max, &line_names);
          read_release_name(f, "to_min", &c.to_min, &line_names);
          read_release_name(f, "to_max", &c.to_max, &line_names);
          read_release_name(f, "via_min", &c.via_min, &line_names);
          read_release_name(f, "via_max", &c.via_max, &line_names);
          std::string rule;
          f.str("rule", &rule, true);
          f.str("message", &c.message, true);
          f.str("advice", &c.advice);
          f.str("source", &c.source, true);
          std::string milestone;
          f.str("milestone", &milestone);
          if (!f.finish()) return std::nullopt;
          if (!milestone.empty() && !(c.milestone = read_milestone(f, "milestone", milestone)))
            return std::nullopt;
          if (!ids.insert(c.id).second) {
            f.fail(f.node_of("id"), "constraint id '" + c.id + "' is used twice");
            return std::nullopt;
          }
          if (!read_rule_id(f, rule, &c.rule)) return std::nullopt;
          if (c.source.empty()) {
            f.fail(f.node_of("source"), "constraint '" + c.id + "' cites no source");
            return std::nullopt;
          }
          const bool needs_via = c.kind == ConstraintKind::kIntermediateHop ||
                                 c.kind == ConstraintKind::kRequiresMigration;
          if (needs_via != (c.via_min.has_value() && c.via_max.has_value())) {
            f.fail(*t, "constraint '" + c.id +
                           "': via_min and via_max go with kind "
                           "'intermediate-hop' or 'requires-migration' (and only with them)");
            return std::nullopt;
          }
          if (!c.advice.empty() && c.kind != ConstraintKind::kRefused) {
            f.fail(f.node_of("advice"), "constraint '" + c.id +
                                            "': advice goes with kind 'refused', the other kinds "
                                            "give the path through their via_min .. via_max");
            return std::nullopt;
          }
          cat.constraints_.push_back(std::move(c));
        }

        for (const toml::table* t : issue_tables) {
          KnownIssue k;
          curated::Fields f(pack, *t, "[[known_issue]]", err);
          f.str_array("releases", &k.releases, true);
          std::string rule;
          f.str("rule", &rule, true);
          f.str("message", &k.message, true);
          f.str("source", &k.source, true);
          if (!f.finish()) return std::nullopt;
          for (const std::string& p : k.releases) {
            bool found = false;
            for (const Release& r : cat.lines_)
              found = found || std::find(r.patches.begin(), r.patches.end(), p) != r.patches.end();
            if (!found) {
              f.fail(f.node_of("releases"),
                     "known issue names the unknown patch release '" + p + "'");
              return std::nullopt;
            }
          }
          if (k.source.empty()) {
            f.fail(*t, "a known issue needs a source");
            return std::nullopt;
          }
          if (!read_rule_id(f, rule, &k.rule)) return std::nullopt;
          cat.known_issues_.push_back(std::move(k));
        }

        for (const toml::table* t : one_way_tables) {
          OneWayProtocol o;
          curated::Fields f(pack, *t, "[[one_way_protocol]]", err);
          f.str("version", &o.version, true);
          f.str("consequence", &o.consequence, true);
          f.str("source", &o.source, true);
          if (!f.finish()) return std::nullopt;
          core::Error unused;
          const auto pv = cat.resolve_protocol(o.version, &unused);
          if (!pv || pv->name != o.version || !pv->release) {
            f.fail(f.node_of("version"),
                   "'" + o.version + "' is not a protocol version of any line",
                   "give the exact version, e.g. \"2.1-IV0\"");
            return std::nullopt;
          }
          if (o.consequence.empty() || o.source.empty()) {
            f.fail(*t, "a one-way protocol needs a consequence and a source");
            return std::nullopt;
          }
          if (!cat.one_way_.empty() &&
              !(cat.resolve_protocol(cat.one_way_.back().version, &unused)->index < pv->index)) {
            f.fail(f.node_of("version"), "[[one_way_protocol]] entries are listed oldest first");
            return std::nullopt;
          }
          o.line = pv->release->name;
          cat.one_way_.push_back(std::move(o));
        }

        for (const toml::table* t : milestone_tables) {
          curated::Fields f(pack, *t, "[[milestone]]", err);
          std::string name, line, what, source;
          MilestoneEntry entry{};
          f.str("name", &name, true);
          f.str("line", &line, true);
          f.str("protocol", &entry.protocol);
          f.str("zookeeper", &entry.zookeeper);
          f.str("zookeeper_before", &entry.zookeeper_before);
          f.str("what", &what, true);
          f.str("source", &source, true);
          if (!f.finish()) return std::nullopt;
          const std::optional<Milestone> m = read_milestone(f, "name", name);
          if (!m) return std::nullopt;
          if (cat.milestone_line(*m)) {
            f.fail(f.node_of("name"), "milestone '" + name + "' is listed twice");
            return std::nullopt;
          }
          const auto at = std::find_if(cat.lines_.begin(), cat.lines_.end(),
                                       [&](const Release& r) { return r.name == line; });
          if (at == cat.lines_.end()) {
            f.fail(f.node_of("line"), "milestone '" + name + "' names no [[line]] '" + line + "'");
            return std::nullopt;
          }
          entry.id = *m;
          entry.line = static_cast<std::size_t>(at - cat.lines_.begin());
          if (!entry.protocol.empty()) {
            // The protocol is one the milestone's own line introduced: the change came with it.
            core::Error unused;
            const auto pv = cat.resolve_protocol(entry.protocol, &unused);
            if (!pv || pv->name != entry.protocol || pv->release != &*at) {
              f.fail(f.node_of("protocol"),
                     "milestone '" + name + "': '" + entry.protocol +
                         "' is not a protocol version of line '" + line + "'",
                     "give the exact version the line introduced, e.g. \"" + line + "-IV0\"");
              return std::nullopt;
            }
          }
          const auto zk = core::Version::parse(entry.zookeeper);
          const auto zk_before = core::Version::parse(entry.zookeeper_before);
          if ((!entry.zookeeper.empty() && !zk) ||
              (!entry.zookeeper_before.empty() && !zk_before) ||
              (zk_before && (!zk || !(*zk_before < *zk)))) {
            f.fail(*t,
                   "milestone '" + name +
                       "': zookeeper and zookeeper_before are ZooKeeper "
                       "releases, the one before older",
                   "e.g. zookeeper = \"3.5\", zookeeper_before = \"3.4\"");
            return std::nullopt;
          }
          cat.milestones_.push_back(std::move(entry));
        }
        return cat;
      });
    } catch (const std::exception& e) {
      err->where.file = pack.display_name;
      err->message = std::string("cannot read the release catalogue: ") + e.what();
      return std::nullopt;
    }
  });
}

const Release* VersionCatalog::find_line(std::string_view name) const {
  for (const Release& r : lines_)
    if (r.name == name) return &r;
  return nullptr;
}

std::vector<std::string> VersionCatalog::supported_names() const {
  std::vector<std::string> out;
  for (const Release& r : lines_)
    if (r.supported) out.push_back(r.name);
  return out;
}

const Release* VersionCatalog::resolve(std::string_view user_text, core::Error* err) const {
  const std::string text(user_text);
  auto unknown = [&](std::string message) -> const Release* {
    err->where = {};
    err->message = std::move(message);
    err->hint = "known versions: " + join(supported_names(), ", ") +
                " (a patch release such as 2.1.1 or 0.10.2.1 is accepted too)";
    return nullptr;
  };
  auto v = core::Version::parse(text);
  if (!v || v->parts.size() < 2) return unknown("'" + text + "' is not a Kafka version");

  const bool zero = v->parts[0] == 0;
  const Release* line = find_line(text);
  std::optional<core::Version> patch;
  if (!line && zero && v->parts.size() == 2) line = find_line(text + ".0");  // "0.9" = 0.9.0
  if (!line && v->parts.size() == v->line_width() + 1) {
    line = find_line(v->line());
    if (line) patch = v;
  }
  if (!line && zero && v->parts.size() == 3) {
    // "0.7.2": the pre-0.8 line has a two-part name.
    line = find_line(core::Version{{v->parts[0], v->parts[1]}}.str());
    if (line) patch = v;
  }
  if (!line) return unknown("unknown Kafka version '" + text + "'");
  if (!line->supported) {
    err->where = {};
    err->message = "Kafka " + line->name + " is not supported: " + line->unsupported_reason;
    err->hint = "known versions: " + join(supported_names(), ", ");
    return nullptr;
  }
  if (patch) {
    const bool listed =
        std::any_of(line->patches.begin(), line->patches.end(), [&](const std::string& p) {
          auto pv = core::Version::parse(p);
          return pv && pv->parts == patch->parts;
        });
    if (!listed) {
      err->where = {};
      err->message = "unknown patch release '" + text + "' of Kafka " + line->name;
      err->hint = "known patch releases of " + line->name + ": " +
                  (line->patches.empty() ? std::string("none") : join(line->patches, ", "));
      return nullptr;
    }
  }
  return line;
}

std::optional<ProtocolVersion> VersionCatalog::resolve_protocol(std::string_view value,
                                                                core::Error* err) const {
  const std::string cut = cut_to_release(value);
  auto make = [&](std::size_t i) {
    ProtocolVersion pv;
    pv.name = protocol_order_[i].first;
    pv.release = &lines_[protocol_order_[i].second];
    pv.index = i;
    const auto& u = pv.release->unstable_protocol_versions;
    pv.unstable = std::find(u.begin(), u.end(), pv.name) != u.end();
    return pv;
  };
  for (std::size_t i = 0; i < protocol_order_.size(); ++i)
    if (protocol_order_[i].first == cut) return make(i);
  // Short form: the highest IV of that release.
  if (const Release* r = find_line(cut); r && !r->protocol_versions.empty()) {
    for (std::size_t i = protocol_order_.size(); i-- > 0;)
      if (protocol_order_[i].first == r->protocol_versions.back()) return make(i);
  }
  err->where = {};
  err->message = "unknown protocol version '" + std::string(value) + "'";
  err->hint = "a release such as \"2.8\" (meaning its highest IV) or an exact \"2.8-IV1\"";
  return std::nullopt;
}

std::vector<std::string> VersionCatalog::protocol_versions_up_to(const Release& release) const {
  std::vector<std::string> out;
  for (const auto& [name, line] : protocol_order_) {
    if (lines_[line].version > release.version) break;
    const auto& u = release.unstable_protocol_versions;
    if (std::find(u.begin(), u.end(), name) != u.end()) continue;
    out.push_back(name);
  }
  return out;
}

std::vector<const PathConstraint*> VersionCatalog::constraints_for(const Release& from,
                                                                   const Release& to,
                                                                   ClusterMode mode) const {
  std::vector<const PathConstraint*> out;
  for (const PathConstraint& c : constraints_)
    if (c.applies(from.version, to.version, mode)) out.push_back(&c);
  return out;
}

std::vector<const KnownIssue*> VersionCatalog::known_issues_for(std::string_view patch) const {
  std::vector<const KnownIssue*> out;
  for (const KnownIssue& k : known_issues_)
    if (std::find(k.releases.begin(), k.releases.end(), patch) != k.releases.end())
      out.push_back(&k);
  return out;
}

bool message_format_pin_needed(const Release& from, const Release& to) {
  return to.lmfv_key && (!from.lmfv_key || from.record_format != RecordFormat::kV2 ||
                         to.startup_check == StartupCheck::kStrict);
}

}  // namespace kafkalint::knowledge
