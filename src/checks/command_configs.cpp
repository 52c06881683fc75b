#include "checks/command_configs.h"

#include <string>

#include "checks/carrier_checks.h"
#include "core/version.h"

namespace kafkalint::checks {
namespace {

using scripts::CarrierEntry;
using scripts::CommandLine;
using scripts::Token;

// The value of `opt` ("--add-config x" or "--add-config=x"), or nullptr.
const Token* option_value(const CommandLine& c, std::string_view opt, std::size_t* inline_at) {
  for (std::size_t i = 0; i < c.args.size(); ++i) {
    const std::string& t = c.args[i].text;
    if (t == opt && i + 1 < c.args.size()) {
      *inline_at = 0;
      return &c.args[i + 1];
    }
    if (t.size() > opt.size() && t.compare(0, opt.size(), opt) == 0 && t[opt.size()] == '=') {
      *inline_at = opt.size() + 1;
      return &c.args[i];
    }
  }
  return nullptr;
}

bool has(const CommandLine& c, std::string_view opt) {
  for (const Token& t : c.args)
    if (t.text == opt || t.text.rfind(std::string(opt) + "=", 0) == 0) return true;
  return false;
}

// Where the bytes of a word's text start in the file: a plain word or one quoted without
// escapes maps byte for byte; anything else cannot be located inside.
bool text_offset(const Token& t, std::size_t* at) {
  if (t.opaque) return false;
  if (t.raw == t.text) {
    *at = t.offset;
    return true;
  }
  if (t.raw.size() == t.text.size() + 2 && (t.raw[0] == '\'' || t.raw[0] == '"') &&
      t.raw.back() == t.raw[0] && t.raw.compare(1, t.text.size(), t.text) == 0) {
    *at = t.offset + 1;
    return true;
  }
  return false;
}

// "k1=v1,k2=[a,b]" as kafka-configs.sh splits it (brackets hold list values).
std::vector<std::pair<std::size_t, std::size_t>> split_pairs(const std::string& s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] == '[') ++depth;
    if (i < s.size() && s[i] == ']' && depth > 0) --depth;
    if (i == s.size() || (s[i] == ',' && depth == 0)) {
      if (i > start) out.emplace_back(start, i);
      start = i + 1;
    }
  }
  return out;
}

// `list`: "k1=v1,k2=v2" (kafka-configs.sh, kafka-topics.sh); otherwise the word is one pair
// whose value may hold ',' and '=' (kafka.Kafka's --override splits at the first '=' only).
void add_pairs(const ScriptFile& f, const Token& t, std::size_t skip, scripts::Carrier* c,
               bool list = true) {
  std::size_t base = 0;
  const bool located = text_offset(t, &base);
  const std::string text = t.text.substr(skip);
  const auto ranges =
      list ? split_pairs(text) : std::vector<std::pair<std::size_t, std::size_t>>{{0, text.size()}};
  for (const auto& [b, e] : ranges) {
    const std::string pair = text.substr(b, e - b);
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    CarrierEntry en;
    en.key = pair.substr(0, eq);
    std::string value = pair.substr(eq + 1);
    std::size_t vshift = 0;
    if (list && value.size() >= 2 && value.front() == '[' && value.back() == ']') {
      value = value.substr(1, value.size() - 2);
      vshift = 1;
    }
    if (en.key.find_first_of("$`{") != std::string::npos) continue;
    // A one-letter key is the syntax shown, not a setting: Kafka's own docs write
    // '--config x=y' and '--add-config k=v'; no Kafka config key is one character.
    if (en.key.size() == 1) continue;
    // A value the shell or make fills in ($VAR, $(VAR), `cmd`, {{ var }}) is not known here:
    // it stands as a placeholder no value rule judges, while its key is still checked.
    const bool unknown =
        value.find_first_of("$`") != std::string::npos || value.find("{{") != std::string::npos;
    en.value = unknown ? "${value}" : value;
    if (located) {
      en.key_begin = base + skip + b;
      en.key_end = en.key_begin + eq;
      en.value_begin = en.key_end + 1 + vshift;
      en.value_end = en.value_begin + value.size();
      en.key_literal = true;
      en.value_literal = !unknown;
    } else {
      // Somewhere in the word: the findings point at the word, or at the key when the word
      // starts with it as written ('zookeeper.connect=${ZK}': only the value is the shell's).
      en.key_begin = en.value_begin = t.offset;
      en.key_end = en.value_end = t.offset + t.length;
      const std::size_t key_at = skip + b;
      if (!t.raw.empty() && t.raw.size() >= key_at + eq + 1 &&
          t.raw.compare(0, key_at + eq + 1, t.text, 0, key_at + eq + 1) == 0) {
        en.key_begin = t.offset + key_at;
        en.key_end = en.key_begin + eq;
        en.key_literal = true;
      }
    }
    const bool key_located = located || en.key_literal;
    const auto locate = [&](std::size_t off, int* line, int* col, bool here) {
      *line = t.line;
      *col = t.column;
      if (!here) return;
      // The word may span lines only when quoted over a break: count from its start.
      for (std::size_t i = t.offset; i < off && i < f.content.size(); ++i) {
        if (f.content[i] == '\n') {
          ++*line;
          *col = 1;
        } else {
          ++*col;
        }
      }
    };
    locate(en.key_begin, &en.key_line, &en.key_column, key_located);
    locate(en.value_begin, &en.value_line, &en.value_column, located);
    c->entries.push_back(std::move(en));
  }
}

// Every 'OPTION k=v' and 'OPTION=k=v' of a command line into `carrier` (`list` as add_pairs).
void add_option_pairs(const ScriptFile& f, const CommandLine& c, const std::string& option,
                      scripts::Carrier* carrier, bool list) {
  const std::string glued = option + "=";
  for (std::size_t i = 0; i < c.args.size(); ++i) {
    const Token& t = c.args[i];
    if (t.text == option && i + 1 < c.args.size())
      add_pairs(f, c.args[++i], 0, carrier, list);
    else if (t.text.rfind(glued, 0) == 0)
      add_pairs(f, t, glued.size(), carrier, list);
  }
}

class CommandConfigs {
 public:
  CommandConfigs(const ScriptFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out)
      : f_(f), k_(k), out_(out) {}

  void check(const CommandLine& c) {
    if (c.tool == "kafka-configs.sh") {
      std::size_t skip = 0;
      const Token* add = option_value(c, "--add-config", &skip);
      if (!add) return;
      std::size_t s2 = 0;
      const Token* type = option_value(c, "--entity-type", &s2);
      const std::string entity = type ? type->text.substr(s2) : "";
      const bool topics = entity == "topics" || has(c, "--topic");
      const bool brokers = entity == "brokers" || has(c, "--broker") ||
                           has(c, "--broker-defaults") || has(c, "--broker-logger");
      if (!topics && !brokers) return;        // client and user quotas are not config keys
      if (has(c, "--broker-logger")) return;  // logger names, not keys
      scripts::Carrier carrier;
      carrier.what = "kafka-configs.sh --add-config";
      carrier.role = topics ? "topic" : "broker";
      add_pairs(f_, *add, skip, &carrier);
      if (brokers) read_only(carrier);
      const std::size_t first = out_->size();
      check_carrier(f_, k_, carrier, std::nullopt, out_);
      if (brokers) renames_to_read_only(first);
      return;
    }
    if (c.tool == "kafka-topics.sh") {
      scripts::Carrier carrier;
      carrier.what = "kafka-topics.sh --config";
      carrier.role = "topic";
      add_option_pairs(f_, c, "--config", &carrier, true);
      if (!carrier.entries.empty()) check_carrier(f_, k_, carrier, std::nullopt, out_);
      return;
    }
    if (c.tool == "kafka-server-start.sh") {
      // 'kafka-server-start.sh server.properties --override k=v ...': each override is one
      // more broker setting, checked like a line of the file it overrides.
      scripts::Carrier carrier;
      carrier.what = "kafka-server-start.sh --override";
      carrier.role = "broker";
      add_option_pairs(f_, c, "--override", &carrier, false);
      if (!carrier.entries.empty()) check_carrier(f_, k_, carrier, std::nullopt, out_);
    }
  }

 private:
  // KL714: a broker key whose update mode is read-only cannot be changed with --alter: Kafka
  // refuses the whole request ("Cannot update these configs dynamically").
  void read_only(scripts::Carrier& carrier) {
    if (!k_.configs || !k_.reached(k_.reference, knowledge::Milestone::kDynamicBrokerConfigs))
      return;
    for (auto it = carrier.entries.begin(); it != carrier.entries.end();) {
      const knowledge::ConfigKey* ck = k_.configs->find(knowledge::Scope::kBroker, it->key);
      if (!ck || ck->update_mode != knowledge::UpdateMode::kReadOnly) {
        ++it;
        continue;
      }
      core::Finding f = knowledge::make_finding(k_.rules, RuleId::KL714);
      f.where = {f_.path, it->key_line, it->key_column};
      f.length = static_cast<int>(it->key_end - it->key_begin);
      f.message = "'" + it->key + "' cannot be changed on a running broker in Kafka " +
                  k_.reference->name +
                  " (read-only): the --alter fails; set it in server.properties and restart";
      f.subject = it->key;
      f.source_line = std::string(f_.line_text(f.where.line));
      out_->push_back(std::move(f));
      it = carrier.entries.erase(it);
    }
  }

  // A misspelt key renamed to a read-only one ('log.retention.hour' -> 'log.retention.hours')
  // gives a command that fails (KL714): the rename is then only a hint, never a safe fix.
  void renames_to_read_only(std::size_t first) {
    if (!k_.reached(k_.reference, knowledge::Milestone::kDynamicBrokerConfigs)) return;
    for (std::size_t i = first; i < out_->size(); ++i) {
      core::Finding& f = (*out_)[i];
      if (!f.fix || f.fix->edits.size() != 1) continue;
      const knowledge::ConfigKey* ck =
          k_.configs->find(knowledge::Scope::kBroker, f.fix->edits[0].replacement);
      if (!ck || ck->update_mode != knowledge::UpdateMode::kReadOnly) continue;
      f.fix->safety = core::FixSafety::kUnsafe;
      f.notes.push_back("'" + f.fix->edits[0].replacement +
                        "' cannot be changed on a running broker (read-only): with it the --alter "
                        "fails; set it in server.properties and restart");
    }
  }

  const ScriptFile& f_;
  const CheckKnowledge& k_;
  std::vector<core::Finding>* out_;
};

}  // namespace

void check_command_configs(const ScriptFile& f, const CheckKnowledge& k,
                           std::vector<core::Finding>* out) {
  if (!k.configs) return;
  CommandConfigs checker(f, k, out);
  for (const CommandLine& c : f.extracted.commands) checker.check(c);
}

}  // namespace kafkalint::checks
