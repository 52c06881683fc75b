#include "knowledge/catalog.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <set>
#include <tuple>
#include <utility>

#include "core/strings.h"
#include "core/suggest.h"
#include "knowledge/curated_fields.h"

namespace kafkalint::knowledge {

namespace {

const std::vector<std::string_view> kScopes = {"broker", "topic",  "producer", "consumer",
                                               "admin",  "client", "any"};

// The category each hundreds block of codes belongs to (KL1xx keys ... KL9xx meta).
constexpr std::string_view kCategories[] = {"",         "keys",    "values", "defaults", "safety",
                                            "encoding", "cluster", "cli",    "upgrade",  "meta"};

bool is_kebab(std::string_view s) {
  if (s.empty() || !(s.front() >= 'a' && s.front() <= 'z') || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && s[i + 1] == '-')) return false;
  }
  return true;
}

/// TOML multi-line strings keep the newline before the closing quotes; docs do not want it.
std::string trim_trailing_newlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

/// Reads `rule` and checks that it names an existing, not removed rule that this binary
/// reports.
bool read_rule_ref(curated::Fields& f, const RuleCatalog& rules, RuleId* out) {
  std::string code;
  if (!f.str("rule", &code, true)) return false;
  const Rule* r = rules.find(code);
  if (!r || r->code != code) {
    std::string hint = "rules are defined in kafka/rules.toml";
    if (auto s = rules.suggest(code); !s.empty()) hint = "did you mean '" + s[0] + "'?";
    return f.fail(f.node_of("rule"), f.what() + " refers to the unknown rule '" + code + "'", hint);
  }
  const std::optional<RuleId> id = core::rule_id(code);
  if (r->status == RuleStatus::kRemoved || !id)
    return f.fail(f.node_of("rule"), f.what() + " feeds the removed rule '" + code + "'");
  *out = *id;
  return true;
}

bool read_source(curated::Fields& f, std::string* out) {
  if (!f.str("source", out, true)) return false;
  if (out->find_first_not_of(" \t") == std::string::npos)
    return f.fail(f.node_of("source"), f.what() + " cites no source",
                  "every curated entry names its KIP, JIRA or upgrade-notes section");
  return true;
}

bool read_scope(curated::Fields& f, ScopeSet* out) {
  std::string word;
  if (!f.one_of("scope", &word, kScopes, true)) return false;
  *out = ScopeSet::parse(word).value_or(ScopeSet::all());  // one_of checked the word
  return true;
}

bool parse_int(std::string_view text, std::int64_t* out) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

const char* to_string(RuleStatus s) {
  switch (s) {
    case RuleStatus::kStable:
      return "stable";
    case RuleStatus::kPreview:
      return "preview";
    case RuleStatus::kRemoved:
      return "removed";
  }
  return "stable";
}

const char* to_string(FixSafety f) {
  switch (f) {
    case FixSafety::kSafe:
      return "safe";
    case FixSafety::kUnsafe:
      return "unsafe";
    case FixSafety::kNone:
      return "none";
  }
  return "none";
}

// ------------------------------------------------------------------------------- rules

core::Result<RuleCatalog> RuleCatalog::load(const PackSource& packs) {
  return core::capture<RuleCatalog>([&](core::Error* err) -> std::optional<RuleCatalog> {
    auto text = packs.find("kafka/rules.toml");
    if (!text) {
      err->where.file = "rules/kafka/rules.toml";
      err->message = "the rule catalogue is missing";
      err->hint = "a --rules directory can replace kafka/rules.toml but not remove it";
      return std::nullopt;
    }
    auto cat = parse(*text).take(err);
    if (!cat) return std::nullopt;
    // The binary reports these codes: a catalogue given with --rules must still define each.
    for (core::RuleId id : core::kAllRuleIds) {
      const Rule* r = cat->find(id);
      if (r && r->status != RuleStatus::kRemoved) continue;
      err->where.file = text->display_name;
      err->message = "the rule catalogue " + std::string(r ? "marks " : "lacks ") +
                     std::string(core::code(id)) + (r ? " as removed" : "") +
                     ", which this kafkalint reports";
      err->hint = "a --rules catalogue keeps every rule of the built-in one";
      return std::nullopt;
    }
    return cat;
  });
}

core::Result<void> RuleCatalog::load_docs(const PackSource& packs) {
  return core::capture_void([&](core::Error* err) -> bool {
    auto text = packs.find("kafka/rule-docs.toml");
    if (!text) {
      err->where.file = "rules/kafka/rule-docs.toml";
      err->message = "the rule documentation is missing";
      err->hint = "a --rules directory can replace kafka/rule-docs.toml but not remove it";
      return false;
    }
    return parse_docs(*text).take(err);
  });
}

core::Result<void> RuleCatalog::parse_docs(const PackText& pack) {
  return core::capture_void([&](core::Error* err) -> bool {
    try {
      return read_pack(pack, err, [&](const toml::table& root) -> bool {
        if (!curated::check_root(pack, root, {"doc"}, err)) return false;
        curated::Fields top(pack, root, "rule-docs.toml", err);
        std::vector<const toml::table*> tables;
        if (!top.table_array("doc", &tables, true)) return false;
        std::set<std::string> seen;
        for (const toml::table* t : tables) {
          std::string code, why, example, example_fix;
          curated::Fields f(pack, *t, "[[doc]]", err);
          f.str("code", &code, true);
          f.str("why", &why, true);
          f.str("example", &example);
          f.str("example_fix", &example_fix);
          if (!f.finish()) return false;
          auto it = std::find_if(rules_.begin(), rules_.end(),
                                 [&](const Rule& r) { return r.code == code; });
          if (it == rules_.end()) {
            f.fail(f.node_of("code"),
                   "documentation for '" + code + "', which rules.toml does not define");
            return false;
          }
          if (!seen.insert(code).second) {
            f.fail(f.node_of("code"), "rule " + code + " is documented twice");
            return false;
          }
          it->why = trim_trailing_newlines(why);
          it->example = trim_trailing_newlines(example);
          it->example_fix = trim_trailing_newlines(example_fix);
          if (it->why.find_first_not_of(" \n") == std::string::npos) {
            f.fail(f.node_of("why"), "rule " + code + " does not say why it matters");
            return false;
          }
        }
        for (const Rule& r : rules_)
          if (r.why.empty()) {
            err->where.file = pack.display_name;
            err->message = "rule " + r.code + " has no [[doc]] entry";
            err->hint = "every rule of rules.toml is documented in rule-docs.toml";
            return false;
          }
        return true;
      });
    } catch (const std::exception& e) {
      err->where.file = pack.display_name;
      err->message = std::string("cannot read the rule documentation: ") + e.what();
      return false;
    }
  });
}

core::Result<RuleCatalog> RuleCatalog::parse(const PackText& pack) {
  return core::capture<RuleCatalog>([&](core::Error* err) -> std::optional<RuleCatalog> {
    try {
      return read_pack(pack, err, [&](const toml::table& root) -> std::optional<RuleCatalog> {
        if (!curated::check_root(pack, root, {"rule"}, err)) return std::nullopt;
        curated::Fields top(pack, root, "rules.toml", err);
        std::vector<const toml::table*> tables;
        if (!top.table_array("rule", &tables, true)) return std::nullopt;

        RuleCatalog cat;
        std::set<std::string> names;
        for (const toml::table* t : tables) {
          std::string code;
          {
            curated::Fields probe(pack, *t, "[[rule]]", err);
            if (!probe.str("code", &code, true)) return std::nullopt;
          }
          curated::Fields f(pack, *t, "[[rule]] '" + code + "'", err);
          Rule r;
          std::string status, severity, fix;
          std::vector<const toml::table*> sources;
          f.str("code", &r.code, true);
          f.str("name", &r.name, true);
          f.one_of("status", &status, {"stable", "preview", "removed"}, true);
          f.one_of("severity", &severity, {"error", "warning", "info"}, true);
          f.one_of("category", &r.category,
                   {"keys", "values", "defaults", "safety", "encoding", "cluster", "cli", "upgrade",
                    "meta"},
                   true);
          f.str("summary", &r.summary, true);
          f.str("why", &r.why);  // usually in rule-docs.toml (load_docs)
          f.str("example", &r.example);
          f.str("example_fix", &r.example_fix);
          f.one_of("fix", &fix, {"safe", "unsafe", "none"}, true);
          f.str("fix_title", &r.fix_title, true);
          f.table_array("sources", &sources, true);
          f.str("implemented_in", &r.implemented_in, status != "removed");
          if (!f.finish()) return std::nullopt;

          if (!curated::is_rule_code(r.code)) {
            f.fail(f.node_of("code"), "'" + r.code + "' is not a rule code",
                   "codes are KL plus three digits, e.g. \"KL101\"");
            return std::nullopt;
          }
          if (kCategories[r.code[2] - '0'] != r.category) {
            f.fail(f.node_of("category"), "rule " + r.code + " is in category '" + r.category +
                                              "' but its code block KL" + r.code[2] + "xx is '" +
                                              std::string(kCategories[r.code[2] - '0']) + "'");
            return std::nullopt;
          }
          if (!cat.rules_.empty() && !(cat.rules_.back().code < r.code)) {
            f.fail(f.node_of("code"),
                   cat.rules_.back().code == r.code ? "rule code '" + r.code + "' is used twice"
                                                    : "rule " + r.code + " is out of order",
                   "codes are unique and listed in ascending order; a retired rule keeps its code");
            return std::nullopt;
          }
          if (!is_kebab(r.name)) {
            f.fail(f.node_of("name"), "rule name '" + r.name + "' is not kebab-case",
                   "lowercase words joined by '-', e.g. \"unknown-key\"");
            return std::nullopt;
          }
          if (!names.insert(r.name).second) {
            f.fail(f.node_of("name"), "rule name '" + r.name + "' is used twice");
            return std::nullopt;
          }
          if (r.summary.empty() || r.summary.find('\n') != std::string::npos) {
            f.fail(f.node_of("summary"),
                   "the summary of " + r.code + " must be one non-empty line");
            return std::nullopt;
          }
          if (r.fix_title.empty() || r.fix_title.find('\n') != std::string::npos) {
            f.fail(f.node_of("fix_title"),
                   "the fix_title of " + r.code + " must be one non-empty line");
            return std::nullopt;
          }
          r.why = trim_trailing_newlines(r.why);
          r.example = trim_trailing_newlines(r.example);
          r.example_fix = trim_trailing_newlines(r.example_fix);
          r.status = status == "preview"   ? RuleStatus::kPreview
                     : status == "removed" ? RuleStatus::kRemoved
                                           : RuleStatus::kStable;
          r.severity = severity == "error"     ? core::Severity::kError
                       : severity == "warning" ? core::Severity::kWarning
                                               : core::Severity::kInfo;
          r.fix = fix == "safe"     ? FixSafety::kSafe
                  : fix == "unsafe" ? FixSafety::kUnsafe
                                    : FixSafety::kNone;
          if (sources.empty()) {
            f.fail(f.node_of("sources"), "rule " + r.code + " cites no source",
                   "add at least one { ref = \"KIP-...\", url = \"https://...\" }");
            return std::nullopt;
          }
          for (const toml::table* s : sources) {
            curated::Fields sf(pack, *s, "a source of " + r.code, err);
            RuleSource src;
            sf.str("ref", &src.ref, true);
            sf.str("url", &src.url);
            if (!sf.finish()) return std::nullopt;
            if (src.ref.empty()) {
              sf.fail(sf.node_of("ref"), "a source of " + r.code + " has an empty 'ref'");
              return std::nullopt;
            }
            if (!src.url.empty() && src.url.rfind("https://", 0) != 0) {
              sf.fail(sf.node_of("url"),
                      "source URL '" + src.url + "' of " + r.code + " is not https");
              return std::nullopt;
            }
            r.sources.push_back(std::move(src));
          }
          cat.rules_.push_back(std::move(r));
        }
        return cat;
      });
    } catch (const std::exception& e) {
      err->where.file = pack.display_name;
      err->message = std::string("cannot read the rule catalogue: ") + e.what();
      return std::nullopt;
    }
  });
}

const Rule* RuleCatalog::find(core::RuleId id) const {
  const std::string_view want = core::code(id);
  auto it = std::lower_bound(rules_.begin(), rules_.end(), want,
                             [](const Rule& r, std::string_view c) { return r.code < c; });
  return it != rules_.end() && it->code == want ? &*it : nullptr;
}

core::Finding make_finding(const RuleCatalog* rules, core::RuleId id, std::string message) {
  core::Finding f;
  f.code = std::string(core::code(id));
  const Rule* r = rules ? rules->find(id) : nullptr;
  f.name = r ? r->name : std::string(core::name(id));
  f.severity = r ? r->severity : core::default_severity(id);
  f.message = std::move(message);
  return f;
}

const Rule* RuleCatalog::find(std::string_view code_or_name) const {
  const std::string want = core::ascii_lower(code_or_name);
  // Codes are compared in place rather than lowered into a copy each: the fact packs look up
  // every rule they refer to while `check` starts. Codes are ASCII (is_rule_code).
  auto code_is = [&](const std::string& code) {
    return std::equal(code.begin(), code.end(), want.begin(), want.end(), [](char c, char w) {
      return (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == w;
    });
  };
  for (const Rule& r : rules_)
    if (code_is(r.code) || r.name == want) return &r;
  return nullptr;
}

std::vector<std::string> RuleCatalog::suggest(std::string_view text) const {
  std::vector<std::string> lowered;
  std::vector<const std::string*> original;
  for (const Rule& r : rules_) {
    lowered.push_back(core::ascii_lower(r.code));
    original.push_back(&r.code);
    lowered.push_back(r.name);
    original.push_back(&r.name);
  }
  std::vector<std::string> out;
  for (const std::string& s : core::closest(core::ascii_lower(text), lowered, 3)) {
    for (std::size_t i = 0; i < lowered.size(); ++i) {
      if (lowered[i] == s) {
        out.push_back(*original[i]);
        break;
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------------------- keys

core::Result<KeyFacts> KeyFacts::load(const PackSource& packs, const RuleCatalog& rules) {
  return core::capture<KeyFacts>([&](core::Error* err) -> std::optional<KeyFacts> {
    auto text = packs.find("kafka/keys.toml");
    if (!text) {
      err->where.file = "rules/kafka/keys.toml";
      err->message = "the curated pack is missing";
      return std::nullopt;
    }
    return parse(*text, rules).take(err);
  });
}

core::Result<KeyFacts> KeyFacts::parse(const PackText& pack, const RuleCatalog& rules) {
  return core::capture<KeyFacts>([&](core::Error* err) -> std::optional<KeyFacts> {
    try {
      return read_pack(pack, err, [&](const toml::table& root) -> std::optional<KeyFacts> {
        if (!curated::check_root(pack, root,
                                 {"key", "default_change", "legacy", "legacy_value", "prefixed",
                                  "log4j", "undocumented"},
                                 err))
          return std::nullopt;
        curated::Fields top(pack, root, "keys.toml", err);
        std::vector<const toml::table*> keys, defaults, legacy, values, prefixed, undocumented;
        top.table_array("key", &keys);
        top.table_array("undocumented", &undocumented);
        top.table_array("default_change", &defaults);
        top.table_array("legacy", &legacy);
        top.table_array("legacy_value", &values);
        top.table_array("prefixed", &prefixed);
        const toml::table* log4j = top.table("log4j");
        if (!top.ok()) return std::nullopt;

        KeyFacts facts;
        std::set<std::pair<std::string, ScopeSet>> seen;
        for (const toml::table* t : keys) {
          KeyChange k;
          curated::Fields f(pack, *t, "[[key]]", err);
          f.str("key", &k.key, true);
          read_scope(f, &k.scope);
          f.version("deprecated_in", &k.deprecated_in);
          f.version("removed_in", &k.removed_in);
          f.str("replacement", &k.replacement);
          f.str("replacement_note", &k.replacement_note);
          f.str("value_hint", &k.value_hint);
          read_rule_ref(f, rules, &k.rule);
          read_source(f, &k.source);
          if (!f.finish()) return std::nullopt;
          if (!k.deprecated_in && !k.removed_in) {
            f.fail(*t, "[[key]] '" + k.key + "' needs 'deprecated_in' or 'removed_in'");
            return std::nullopt;
          }
          if (!seen.insert({k.key, k.scope}).second) {
            f.fail(f.node_of("key"),
                   "[[key]] '" + k.key + "' (" + k.scope.name() + ") is listed twice");
            return std::nullopt;
          }
          facts.changes_.push_back(std::move(k));
        }

        std::set<std::tuple<std::string, ScopeSet, std::string>> seen_defaults;
        for (const toml::table* t : defaults) {
          DefaultChange d;
          curated::Fields f(pack, *t, "[[default_change]]", err);
          std::optional<core::Version> release;
          f.str("key", &d.key, true);
          read_scope(f, &d.scope);
          f.version("release", &release, true);
          f.str("release", &d.release_name, true);
          f.str("old", &d.old_value, true);
          f.str("new", &d.new_value, true);
          f.str("impact", &d.impact, true);
          f.str("caveat", &d.caveat);
          f.one_of("severity", &d.severity, {"warning", "info"});
          f.boolean("same_behaviour", &d.same_behaviour);
          f.one_of("requires", &d.requires_feature,
                   {"tls", "sasl", "kraft", "zookeeper", "tiered-storage", "share-groups"});
          f.optional_str("restore", &d.restore);
          f.str("restore_note", &d.restore_note);
          f.optional_str("before_key", &d.before_key);
          f.str("triage", &d.triage);
          read_rule_ref(f, rules, &d.rule);
          read_source(f, &d.source);
          if (!f.finish()) return std::nullopt;
          d.release = *release;
          // Every change says how to keep today's behaviour, or why nothing needs or can.
          if (!d.same_behaviour && d.new_value != "<no-default>" && !d.restore &&
              d.restore_note.empty()) {
            f.fail(f.node_of("key"), "default change of '" + d.key +
                                         "' needs `restore`, `restore_note` or `same_behaviour`");
            return std::nullopt;
          }
          if (d.old_value == d.new_value) {
            f.fail(f.node_of("new"),
                   "default change of '" + d.key + "' has the same old and new value");
            return std::nullopt;
          }
          if (!seen_defaults.insert({d.key, d.scope, d.release_name}).second) {
            f.fail(f.node_of("key"),
                   "default change of '" + d.key + "' in " + d.release_name + " is listed twice");
            return std::nullopt;
          }
          facts.default_changes_.push_back(std::move(d));
        }

        seen.clear();
        for (const toml::table* t : legacy) {
          LegacyKey l;
          curated::Fields f(pack, *t, "[[legacy]]", err);
          std::optional<core::Version> removed;
          f.str("key", &l.key, true);
          read_scope(f, &l.scope);
          std::string era;
          f.one_of("era", &era, {"0.7", "scala-client"}, true);
          l.era = era == "scala-client" ? LegacyEra::kScalaClient : LegacyEra::kKafka07;
          f.version("removed_in", &removed, true);
          f.str("replacement", &l.replacement);
          f.str("replacement_note", &l.replacement_note);
          read_rule_ref(f, rules, &l.rule);
          read_source(f, &l.source);
          if (!f.finish()) return std::nullopt;
          l.removed_in = *removed;
          if (l.replacement.empty() && l.replacement_note.empty()) {
            f.fail(*t, "[[legacy]] '" + l.key + "' needs 'replacement' or 'replacement_note'");
            return std::nullopt;
          }
          if (!seen.insert({l.key, l.scope}).second) {
            f.fail(f.node_of("key"),
                   "[[legacy]] '" + l.key + "' (" + l.scope.name() + ") is listed twice");
            return std::nullopt;
          }
          facts.legacy_.push_back(std::move(l));
        }

        seen.clear();
        for (const toml::table* t : undocumented) {
          UndocumentedKey u;
          curated::Fields f(pack, *t, "[[undocumented]]", err);
          std::optional<core::Version> since, last;
          f.str("key", &u.key, true);
          read_scope(f, &u.scope);
          f.version("since", &since, true);
          f.version("last", &last);
          f.str("reader", &u.reader, true);
          read_source(f, &u.source);
          if (!f.finish()) return std::nullopt;
          u.since = *since;
          u.last = last;
          if (!seen.insert({u.key, u.scope}).second) {
            f.fail(f.node_of("key"),
                   "[[undocumented]] '" + u.key + "' (" + u.scope.name() + ") is listed twice");
            return std::nullopt;
          }
          facts.undocumented_.push_back(std::move(u));
        }

        for (const toml::table* t : values) {
          LegacyValue v;
          curated::Fields f(pack, *t, "[[legacy_value]]", err);
          std::optional<core::Version> removed;
          f.str("key", &v.key, true);
          read_scope(f, &v.scope);
          f.str("value", &v.value, true);
          f.str("replacement", &v.replacement, true);
          f.version("removed_in", &removed, true);
          f.version("replacement_since", &v.replacement_since);
          f.boolean("review", &v.review);
          read_rule_ref(f, rules, &v.rule);
          read_source(f, &v.source);
          if (!f.finish()) return std::nullopt;
          v.removed_in = *removed;
          facts.legacy_values_.push_back(std::move(v));
        }

        for (const toml::table* t : prefixed) {
          PrefixedKeys p;
          curated::Fields f(pack, *t, "[[prefixed]]", err);
          std::optional<core::Version> since;
          f.str("key_prefix", &p.key_prefix, true);
          f.str("required_prefix", &p.required_prefix, true);
          f.str("prefix_key", &p.prefix_key, true);
          read_scope(f, &p.scope);
          f.version("since", &since, true);
          f.str_array("examples", &p.examples);
          f.str("note", &p.note);
          read_rule_ref(f, rules, &p.rule);
          read_source(f, &p.source);
          if (!f.finish()) return std::nullopt;
          p.since = *since;
          for (const std::string& e : p.examples) {
            if (e.rfind(p.key_prefix, 0) != 0) {
              f.fail(f.node_of("examples"),
                     "example '" + e + "' does not start with '" + p.key_prefix + "'");
              return std::nullopt;
            }
          }
          facts.prefixed_.push_back(std::move(p));
        }

        if (log4j) {
          curated::Fields f(pack, *log4j, "[log4j]", err);
          std::string note, source;
          f.str_array("prefixes", &facts.log4j_prefixes_, true);
          f.str("note", &note);
          read_rule_ref(f, rules, &facts.log4j_rule_);
          read_source(f, &source);
          if (!f.finish()) return std::nullopt;
        }
        facts.index_names();
        return facts;
      });
    } catch (const std::exception& e) {
      err->where.file = pack.display_name;
      err->message = std::string("cannot read the key facts: ") + e.what();
      return std::nullopt;
    }
  });
}

namespace {

std::size_t name_bit(std::string_view key) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a: short keys, one pass, no call
  for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return static_cast<std::size_t>(h >> 51);  // 13 bits
}

}  // namespace

void KeyFacts::index_names() {
  named_.assign(kNamedBits / 64, 0);
  auto add = [&](std::string_view key) {
    const std::size_t bit = name_bit(key);
    named_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  };
  for (const KeyChange& k : changes_) add(k.key);
  for (const LegacyKey& l : legacy_) add(l.key);
  for (const UndocumentedKey& u : undocumented_) add(u.key);
}

bool KeyFacts::may_name(std::string_view key) const {
  if (named_.empty()) return true;
  const std::size_t bit = name_bit(key);
  return (named_[bit / 64] >> (bit % 64)) & 1U;
}

const KeyChange* KeyFacts::change(std::string_view key, ScopeSet scope) const {
  if (!may_name(key)) return nullptr;
  for (const KeyChange& k : changes_)
    if (k.key == key && k.scope.covers(scope)) return &k;
  return nullptr;
}

std::vector<const DefaultChange*> KeyFacts::default_changes(std::string_view key, ScopeSet scope,
                                                            const core::Version& from,
                                                            const core::Version& to) const {
  std::vector<const DefaultChange*> out;
  for (const DefaultChange& d : default_changes_)
    if (d.key == key && d.scope.covers(scope) && from < d.release && d.release <= to)
      out.push_back(&d);
  std::stable_sort(out.begin(), out.end(), [](const DefaultChange* a, const DefaultChange* b) {
    return a->release < b->release;
  });
  return out;
}

std::vector<const DefaultChange*> KeyFacts::default_changes_between(ScopeSet scope,
                                                                    const core::Version& from,
                                                                    const core::Version& to) const {
  std::vector<const DefaultChange*> out;
  for (const DefaultChange& d : default_changes_)
    if (d.scope.covers(scope) && from < d.release && d.release <= to) out.push_back(&d);
  std::stable_sort(out.begin(), out.end(), [](const DefaultChange* a, const DefaultChange* b) {
    return a->release < b->release || (a->release == b->release && a->key < b->key);
  });
  return out;
}

const LegacyKey* KeyFacts::legacy(std::string_view key, ScopeSet scope) const {
  if (!may_name(key)) return nullptr;
  for (const LegacyKey& l : legacy_)
    if (l.key == key && l.scope.covers(scope)) return &l;
  return nullptr;
}

const UndocumentedKey* KeyFacts::undocumented(std::string_view key, ScopeSet scope,
                                              const core::Version* release) const {
  if (!may_name(key)) return nullptr;
  for (const UndocumentedKey& u : undocumented_) {
    if (u.key != key || !u.scope.covers(scope)) continue;
    if (release && (*release < u.since || (u.last && *u.last < *release))) continue;
    return &u;
  }
  return nullptr;
}

const LegacyValue* KeyFacts::legacy_value(std::string_view key, std::string_view value,
                                          ScopeSet scope) const {
  const std::string want = core::ascii_lower(value);
  for (const LegacyValue& v : legacy_values_)
    if (v.key == key && core::ascii_lower(v.value) == want && v.scope.covers(scope)) return &v;
  return nullptr;
}

const PrefixedKeys* KeyFacts::prefixed_for(std::string_view key) const {
  for (const PrefixedKeys& p : prefixed_)
    if (key.substr(0, p.key_prefix.size()) == p.key_prefix) return &p;
  return nullptr;
}

bool KeyFacts::is_log4j_key(std::string_view key) const {
  return std::any_of(log4j_prefixes_.begin(), log4j_prefixes_.end(),
                     [&](const std::string& p) { return key.substr(0, p.size()) == p; });
}

// ------------------------------------------------------------------------------- flags

core::Result<FlagFacts> FlagFacts::load(const PackSource& packs, const RuleCatalog& rules) {
  return core::capture<FlagFacts>([&](core::Error* err) -> std::optional<FlagFacts> {
    auto text = packs.find("kafka/flags.toml");
    if (!text) {
      err->where.file = "rules/kafka/flags.toml";
      err->message = "the curated pack is missing";
      return std::nullopt;
    }
    return parse(*text, rules).take(err);
  });
}

core::Result<FlagFacts> FlagFacts::parse(const PackText& pack, const RuleCatalog& rules) {
  return core::capture<FlagFacts>([&](core::Error* err) -> std::optional<FlagFacts> {
    try {
      return read_pack(pack, err, [&](const toml::table& root) -> std::optional<FlagFacts> {
        if (!curated::check_root(pack, root, {"tool", "option", "confluent", "run_class"}, err))
          return std::nullopt;
        curated::Fields top(pack, root, "flags.toml", err);
        std::vector<const toml::table*> tools, options, run_classes;
        top.table_array("tool", &tools);
        top.table_array("option", &options);
        top.table_array("run_class", &run_classes);
        const toml::table* confluent = top.table("confluent");
        if (!top.ok()) return std::nullopt;

        FlagFacts facts;
        auto check_tool_name = [](curated::Fields& f, std::string_view key,
                                  const std::string& name) {
          if (name.size() > 3 && name.compare(name.size() - 3, 3, ".sh") == 0) return true;
          return f.fail(f.node_of(key), "tool name '" + name + "' does not end in '.sh'",
                        "write the name as Apache ships it, e.g. \"kafka-topics.sh\"");
        };
        std::set<std::string> tool_names;
        for (const toml::table* t : tools) {
          ToolChange c;
          curated::Fields f(pack, *t, "[[tool]]", err);
          f.str("name", &c.name, true);
          f.version("deprecated_in", &c.deprecated_in);
          f.version("removed_in", &c.removed_in);
          f.str("replacement", &c.replacement);
          f.str("replacement_args", &c.replacement_args);
          f.version("replacement_since", &c.replacement_since);
          f.str("replacement_note", &c.replacement_note);
          read_rule_ref(f, rules, &c.rule);
          read_source(f, &c.source);
          if (!f.finish() || !check_tool_name(f, "name", c.name)) return std::nullopt;
          if (!c.replacement.empty() && !check_tool_name(f, "replacement", c.replacement))
            return std::nullopt;
          if (!c.deprecated_in && !c.removed_in) {
            f.fail(*t, "[[tool]] '" + c.name + "' needs 'deprecated_in' or 'removed_in'");
            return std::nullopt;
          }
          if (!tool_names.insert(c.name).second) {
            f.fail(f.node_of("name"), "[[tool]] '" + c.name + "' is listed twice");
            return std::nullopt;
          }
          facts.tools_.push_back(std::move(c));
        }

        std::set<std::pair<std::string, std::string>> seen;
        for (const toml::table* t : options) {
          OptionChange o;
          curated::Fields f(pack, *t, "[[option]]", err);
          f.str("tool", &o.tool, true);
          f.str("option", &o.option, true);
          f.str("replacement", &o.replacement);
          f.version("replacement_since", &o.replacement_since);
          f.version("deprecated_in", &o.deprecated_in);
          f.version("removed_in", &o.removed_in);
          f.str("note", &o.note);
          read_rule_ref(f, rules, &o.rule);
          read_source(f, &o.source);
          if (!f.finish() || !check_tool_name(f, "tool", o.tool)) return std::nullopt;
          if (o.option.empty() || o.option[0] != '-') {
            f.fail(f.node_of("option"), "option '" + o.option + "' does not start with '-'");
            return std::nullopt;
          }
          if (!o.deprecated_in && !o.removed_in) {
            f.fail(*t, "[[option]] '" + o.tool + " " + o.option +
                           "' needs 'deprecated_in' or 'removed_in'");
            return std::nullopt;
          }
          if (!o.replacement.empty() && !o.replacement_since) {
            f.fail(*t,
                   "[[option]] '" + o.tool + " " + o.option +
                       "' names a replacement but not since when it exists ('replacement_since')");
            return std::nullopt;
          }
          if (!seen.insert({o.tool, o.option}).second) {
            f.fail(f.node_of("option"),
                   "[[option]] '" + o.tool + " " + o.option + "' is listed twice");
            return std::nullopt;
          }
          facts.options_.push_back(std::move(o));
        }

        if (confluent) {
          curated::Fields f(pack, *confluent, "[confluent]", err);
          std::string source;
          f.str("suffix", &facts.suffix_, true);
          read_source(f, &source);
          if (!f.finish()) return std::nullopt;
        }

        for (const toml::table* t : run_classes) {
          RunClassAlias a;
          curated::Fields f(pack, *t, "[[run_class]]", err);
          std::optional<core::Version> first;
          f.str("class", &a.main_class, true);
          f.str("tool", &a.tool, true);
          f.version("first", &first, true);
          f.version("last", &a.last);
          f.version("redirect_removed_in", &a.redirect_removed_in);
          f.version("removed_in", &a.removed_in);
          read_source(f, &a.source);
          if (!f.finish() || !check_tool_name(f, "tool", a.tool)) return std::nullopt;
          a.first = *first;
          if (a.last && *a.last < a.first) {
            f.fail(f.node_of("last"), "run_class '" + a.main_class + "' ends before it starts");
            return std::nullopt;
          }
          facts.run_classes_.push_back(std::move(a));
        }
        return facts;
      });
    } catch (const std::exception& e) {
      err->where.file = pack.display_name;
      err->message = std::string("cannot read the flag facts: ") + e.what();
      return std::nullopt;
    }
  });
}

std::string FlagFacts::canonical_tool(std::string_view name) const {
  if (auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out(name);
  if (out.size() < suffix_.size() ||
      out.compare(out.size() - suffix_.size(), suffix_.size(), suffix_) != 0)
    out += suffix_;
  return out;
}

const ToolChange* FlagFacts::tool(std::string_view name) const {
  const std::string canonical = canonical_tool(name);
  for (const ToolChange& t : tools_)
    if (t.name == canonical) return &t;
  return nullptr;
}

const OptionChange* FlagFacts::option(std::string_view tool_name, std::string_view opt) const {
  const std::string canonical = canonical_tool(tool_name);
  for (const OptionChange& o : options_)
    if (o.tool == canonical && o.option == opt) return &o;
  return nullptr;
}

std::vector<const RunClassAlias*> FlagFacts::run_class(std::string_view main_class) const {
  std::vector<const RunClassAlias*> out;
  for (const RunClassAlias& a : run_classes_)
    if (a.main_class == main_class) out.push_back(&a);
  std::stable_sort(out.begin(), out.end(), [](const RunClassAlias* a, const RunClassAlias* b) {
    return a->last < b->last;
  });
  return out;
}

// ------------------------------------------------------------------------------- safety

bool SafetyCheck::fires(std::string_view value, std::optional<std::string_view> other) const {
  switch (when) {
    case SafetyCondition::kIn: {
      std::string v = core::ascii_lower(value);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(v.begin());
      return std::any_of(values.begin(), values.end(),
                         [&](const std::string& x) { return core::ascii_lower(x) == v; });
    }
    case SafetyCondition::kAtMost: {
      std::int64_t n = 0;
      return parse_int(value, &n) && n <= threshold;
    }
    case SafetyCondition::kNotBelow: {
      std::int64_t n = 0, m = 0;
      // A minimum of 1 "at" a replication factor of 1 is the single replica's problem, which
      // the replication-factor rules report; only a minimum of 2 or more can block writes.
      return other && parse_int(value, &n) && parse_int(*other, &m) && n >= m && n >= 2;
    }
  }
  return false;
}

bool SafetyCheck::fires_when_unset(const core::Version& release) const {
  if (since && release < *since) return false;
  if (unset_fires) return true;
  return unset_fires_before && release < *unset_fires_before;
}

core::Result<SafetyFacts> SafetyFacts::load(const PackSource& packs, const RuleCatalog& rules) {
  return core::capture<SafetyFacts>([&](core::Error* err) -> std::optional<SafetyFacts> {
    auto text = packs.find("kafka/safety.toml");
    if (!text) {
      err->where.file = "rules/kafka/safety.toml";
      err->message = "the curated pack is missing";
      return std::nullopt;
    }
    return parse(*text, rules).take(err);
  });
}

core::Result<SafetyFacts> SafetyFacts::parse(const PackText& pack, const RuleCatalog& rules) {
  return core::capture<SafetyFacts>([&](core::Error* err) -> std::optional<SafetyFacts> {
    try {
      return read_pack(pack, err, [&](const toml::table& root) -> std::optional<SafetyFacts> {
        if (!curated::check_root(pack, root, {"check"}, err)) return std::nullopt;
        curated::Fields top(pack, root, "safety.toml", err);
        std::vector<const toml::table*> tables;
        if (!top.table_array("check", &tables, true)) return std::nullopt;

        SafetyFacts facts;
        for (const toml::table* t : tables) {
          SafetyCheck c;
          curated::Fields f(pack, *t, "[[check]]", err);
          std::string when;
          read_rule_ref(f, rules, &c.rule);
          std::vector<std::string> scopes;
          f.str_array("scopes", &scopes, true);
          f.str("key", &c.key, true);
          f.one_of("when", &when, {"in", "at-most", "not-below"}, true);
          f.str_array("values", &c.values);
          const bool has_threshold = t->get("threshold") != nullptr;
          f.integer("threshold", &c.threshold);
          f.str("other_key", &c.other_key);
          f.boolean("unset_fires", &c.unset_fires);
          f.version("unset_fires_before", &c.unset_fires_before);
          f.version("since", &c.since);
          f.str("rationale", &c.rationale, true);
          read_source(f, &c.source);
          if (!f.finish()) return std::nullopt;
          for (const std::string& s : scopes) {
            std::optional<ScopeSet> set = ScopeSet::parse(s);
            if (!set) {
              f.fail(f.node_of("scopes"), "unknown scope '" + s + "' in [[check]] '" + c.key + "'",
                     "scopes are broker, topic, producer, consumer, admin, client, any");
              return std::nullopt;
            }
            c.scopes = c.scopes | *set;
          }
          if (core::code(c.rule).compare(0, 3, "KL4") != 0) {
            f.fail(f.node_of("rule"),
                   "safety checks feed KL4xx rules, not '" + std::string(core::code(c.rule)) + "'");
            return std::nullopt;
          }
          c.when = when == "in"        ? SafetyCondition::kIn
                   : when == "at-most" ? SafetyCondition::kAtMost
                                       : SafetyCondition::kNotBelow;
          const bool consistent = (c.when == SafetyCondition::kIn && !c.values.empty() &&
                                   !has_threshold && c.other_key.empty()) ||
                                  (c.when == SafetyCondition::kAtMost && has_threshold &&
                                   c.values.empty() && c.other_key.empty()) ||
                                  (c.when == SafetyCondition::kNotBelow && !c.other_key.empty() &&
                                   c.values.empty() && !has_threshold);
          if (!consistent) {
            f.fail(f.node_of("when"),
                   "[[check]] '" + c.key + "' with when = \"" + when +
                       "\" needs exactly its own operand",
                   "\"in\" takes 'values', \"at-most\" takes 'threshold', \"not-below\" takes "
                   "'other_key'");
            return std::nullopt;
          }
          facts.checks_.push_back(std::move(c));
        }
        return facts;
      });
    } catch (const std::exception& e) {
      err->where.file = pack.display_name;
      err->message = std::string("cannot read the safety facts: ") + e.what();
      return std::nullopt;
    }
  });
}

std::vector<const SafetyCheck*> SafetyFacts::for_key(std::string_view key, ScopeSet scope) const {
  std::vector<const SafetyCheck*> out;
  for (const SafetyCheck& c : checks_)
    if (c.key == key && c.scopes.covers(scope)) out.push_back(&c);
  return out;
}

}  // namespace kafkalint::knowledge
