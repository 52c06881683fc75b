// Start-up checks across keys, read from Kafka's source (docs/validator-audit.md):
// - the producer's idempotence checks: KafkaProducer.configure* (0.11 .. 3.1) and
//   ProducerConfig.postProcessAndValidateIdempotenceConfigs (3.2 .. 4.x) throw a
//   ConfigException when enable.idempotence=true is set explicitly together with acks other
//   than all, retries=0, or too many requests in flight (0.11: anything but 1; 1.0+: above 5);
// - KafkaConfig.validateValues (0.9 .. 4.x, core/src/main/scala/kafka/server/KafkaConfig.scala)
//   requires the SASL inter-broker mechanism among the listener's enabled mechanisms, more than
//   1 MiB of dedupe buffer per cleaner thread, and replica.fetch.wait.max.ms at or below
//   replica.socket.timeout.ms and replica.lag.time.max.ms.
// Kafka compares effective values, so an unset key takes the reference's default; a rule speaks
// only when the file sets one of the keys it compares.

#include "checks/startup_combinations.h"

#include <cctype>
#include <optional>
#include <string>

#include "core/strings.h"

namespace kafkalint::checks {

namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Long.parseLong of a trimmed value: optional sign and decimal digits; nullopt otherwise
// (the value rules report what does not parse).
std::optional<long long> parse_long(std::string_view s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size()) return std::nullopt;
  long long v = 0;
  for (std::size_t j = i; j < s.size(); ++j) {
    if (s[j] < '0' || s[j] > '9') return std::nullopt;
    v = v * 10 + (s[j] - '0');
  }
  return s[0] == '-' ? -v : v;
}

std::string q(std::string_view s) { return "'" + std::string(s) + "'"; }

class CombinationChecker {
 public:
  CombinationChecker(const PropsFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out)
      : f_(f), d_(f.doc()), k_(k), emit_(f, k, out) {}

  void run() {
    if (f_.templated() || !k_.configs || !k_.reference) return;
    if (f_.role == Role::kProducer || f_.role == Role::kClient) check_idempotence();
    if (f_.role == Role::kBroker) {
      check_inter_broker_sasl();
      check_dedupe_buffer();
      check_replica_fetch_wait();
    }
  }

 private:
  struct Setting {
    const properties::Entry* entry = nullptr;  // nullptr: the key is not set
    std::string value;                         // trimmed, or the default when unset
  };

  // The key as the file sets it, or the reference's default; nullopt when the value is not
  // known (a template or ${...} reference, an unset key of a partial config) or the
  // reference has neither.
  std::optional<Setting> setting(knowledge::Scope scope, std::string_view key) const {
    if (const properties::Entry* e = d_.find(key)) {
      if (f_.value_opaque(*e)) return std::nullopt;
      return Setting{e, core::trim_blanks(d_.value(*e))};
    }
    if (f_.partial) return std::nullopt;
    const knowledge::ConfigKey* ck = k_.configs->find(scope, key);
    if (!ck || !ck->default_value) return std::nullopt;
    return Setting{nullptr, *ck->default_value};
  }

  void check_idempotence() {
    constexpr auto kProducer = knowledge::Scope::kProducer;
    if (!k_.configs->find(kProducer, "enable.idempotence")) return;  // before 0.11
    const properties::Entry* idem = d_.find("enable.idempotence");
    if (!idem || f_.value_opaque(*idem) ||
        !core::iequals_ascii(core::trim_blanks(d_.value(*idem)), "true"))
      return;
    // With a transactional.id, turning idempotence off is refused as well.
    const bool transactional = d_.find("transactional.id") != nullptr;
    const std::string off =
        transactional ? "" : ", or drop 'enable.idempotence=true' if this producer must not use it";
    if (auto acks = setting(kProducer, "acks"); acks && acks->entry) {
      const std::optional<long long> n = core::iequals_ascii(acks->value, "all")
                                             ? std::optional<long long>(-1)
                                             : parse_long(acks->value);
      if (n && *n != -1) {
        auto& fd = emit_.at_value(*acks->entry, RuleId::KL245,
                                  q("acks=" + acks->value) +
                                      " with 'enable.idempotence=true': the producer refuses to "
                                      "start, idempotence needs acks=all");
        fd.suggestion = "set 'acks=all'" + off;
      }
    }
    if (auto retries = setting(kProducer, "retries"); retries && retries->entry) {
      if (parse_long(retries->value) == 0LL) {
        auto& fd = emit_.at_value(*retries->entry, RuleId::KL245,
                                  "'retries=0' with 'enable.idempotence=true': the producer "
                                  "refuses to start, idempotence needs retries");
        fd.suggestion = "remove 'retries=0' or set retries above 0" + off;
      }
    }
    // 0.11 required exactly one request in flight; 1.0 (KAFKA-5494) allows up to 5.
    const bool only_one = k_.reference->version < core::Version{{1, 0}};
    const long long limit = only_one ? 1 : 5;
    if (auto inflight = setting(kProducer, "max.in.flight.requests.per.connection");
        inflight && inflight->entry) {
      const std::optional<long long> n = parse_long(inflight->value);
      if (n && (only_one ? *n != 1 : *n > limit)) {
        auto& fd = emit_.at_value(
            *inflight->entry, RuleId::KL245,
            q("max.in.flight.requests.per.connection=" + inflight->value) +
                " with 'enable.idempotence=true': the producer refuses to start, Kafka " +
                k_.reference->name + " allows " + (only_one ? "only 1" : "at most 5") +
                " with idempotence");
        fd.suggestion = std::string("set it to ") + (only_one ? "1" : "5 or less") + off;
      }
    }
  }

  // The inter-broker listener's name and security protocol, as KafkaConfig derives them:
  // inter.broker.listener.name through the protocol map, else security.inter.broker.protocol.
  std::optional<std::pair<std::string, std::string>> inter_broker_listener() const {
    constexpr auto kBroker = knowledge::Scope::kBroker;
    const properties::Entry* name_e = d_.find("inter.broker.listener.name");
    if (name_e) {
      if (f_.value_opaque(*name_e)) return std::nullopt;
      const std::string name = upper(core::trim_blanks(d_.value(*name_e)));
      const properties::Entry* map_e = d_.find("listener.security.protocol.map");
      // Without a map the default maps each protocol name to itself.
      if (!map_e) return std::make_pair(name, name);
      if (f_.value_opaque(*map_e)) return std::nullopt;
      for (const std::string& item : core::split_list(d_.value(*map_e))) {
        const auto colon = item.find(':');
        if (colon == std::string::npos) continue;
        if (upper(core::trim_blanks(item.substr(0, colon))) == name)
          return std::make_pair(name, upper(core::trim_blanks(item.substr(colon + 1))));
      }
      return std::nullopt;  // unmapped: Kafka refuses it for another reason
    }
    auto proto = setting(kBroker, "security.inter.broker.protocol");
    if (!proto) return std::nullopt;
    const std::string p = upper(proto->value);
    return std::make_pair(p, p);
  }

  void check_inter_broker_sasl() {
    constexpr auto kBroker = knowledge::Scope::kBroker;
    if (!k_.configs->find(kBroker, "sasl.enabled.mechanisms")) return;  // before 0.10.0
    // A controller-only node has no inter-broker listener of its own.
    if (auto roles = setting(kBroker, "process.roles");
        roles && roles->entry && upper(roles->value) == "CONTROLLER")
      return;
    const auto ib = inter_broker_listener();
    if (!ib || (ib->second != "SASL_PLAINTEXT" && ib->second != "SASL_SSL")) return;
    auto mechanism = setting(kBroker, "sasl.mechanism.inter.broker.protocol");
    if (!mechanism) return;
    // From 1.1 a listener's own sasl.enabled.mechanisms overrides the broker-wide list.
    std::string lower_name = ib->first;
    for (char& c : lower_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string override_key = "listener.name." + lower_name + ".sasl.enabled.mechanisms";
    std::optional<Setting> enabled;
    std::string list_key = "sasl.enabled.mechanisms";
    if (const properties::Entry* o = d_.find(override_key)) {
      if (k_.reference->version < core::Version{{1, 1}} || f_.value_opaque(*o)) return;
      enabled = Setting{o, core::trim_blanks(d_.value(*o))};
      list_key = override_key;
    } else {
      enabled = setting(kBroker, "sasl.enabled.mechanisms");
    }
    if (!enabled) return;
    // Only when the file chose the mechanism or the list: the defaults (GSSAPI both) agree.
    if (!mechanism->entry && !enabled->entry) return;
    for (const std::string& m : core::split_list(enabled->value))
      if (core::trim_blanks(m) == mechanism->value) return;
    const properties::Entry* at = mechanism->entry ? mechanism->entry : enabled->entry;
    auto& fd = emit_.at_value(*at, RuleId::KL246,
                              "inter-broker listener " + q(ib->first) + " uses SASL mechanism " +
                                  q(mechanism->value) + (mechanism->entry ? "" : " (the default)") +
                                  ", which " + q(list_key) + "=" + q(enabled->value) +
                                  (enabled->entry ? "" : " (the default)") +
                                  " does not enable: the broker refuses to start");
    fd.suggestion = "add " + q(mechanism->value) + " to " + q(list_key);
  }

  void check_dedupe_buffer() {
    constexpr auto kBroker = knowledge::Scope::kBroker;
    auto size = setting(kBroker, "log.cleaner.dedupe.buffer.size");
    auto threads = setting(kBroker, "log.cleaner.threads");
    if (!size || !threads || (!size->entry && !threads->entry)) return;
    const std::optional<long long> s = parse_long(size->value);
    const std::optional<long long> t = parse_long(threads->value);
    if (!s || !t || *t < 0) return;  // out of range: the value rules say so
    if (*t == 0) {
      if (!threads->entry) return;
      auto& fd = emit_.at_value(*threads->entry, RuleId::KL247,
                                "'log.cleaner.threads=0': the broker's start-up check divides "
                                "the dedupe buffer by the thread count and fails");
      fd.suggestion = "use at least 1 cleaner thread";
      return;
    }
    constexpr long long kMiB = 1024LL * 1024LL;
    if (*s / *t > kMiB) return;
    const properties::Entry* at = size->entry ? size->entry : threads->entry;
    auto& fd = emit_.at_value(
        *at, RuleId::KL247,
        q("log.cleaner.dedupe.buffer.size=" + size->value) + (size->entry ? "" : " (the default)") +
            " over " + q("log.cleaner.threads=" + threads->value) +
            (threads->entry ? "" : " (the default)") +
            " leaves 1 MiB or less per cleaner thread: the broker refuses to start");
    fd.suggestion = "give each cleaner thread more than 1048576 bytes (at least " +
                    std::to_string((kMiB + 1) * *t) + " in all)";
  }

  void check_replica_fetch_wait() {
    constexpr auto kBroker = knowledge::Scope::kBroker;
    auto wait = setting(kBroker, "replica.fetch.wait.max.ms");
    if (!wait) return;
    const std::optional<long long> w = parse_long(wait->value);
    if (!w) return;
    for (const char* key : {"replica.socket.timeout.ms", "replica.lag.time.max.ms"}) {
      auto limit = setting(kBroker, key);
      if (!limit || (!wait->entry && !limit->entry)) continue;
      const std::optional<long long> l = parse_long(limit->value);
      if (!l || *w <= *l) continue;
      const properties::Entry* at = wait->entry ? wait->entry : limit->entry;
      auto& fd = emit_.at_value(
          *at, RuleId::KL248,
          q("replica.fetch.wait.max.ms=" + wait->value) + (wait->entry ? "" : " (the default)") +
              " is above " + q(std::string(key) + "=" + limit->value) +
              (limit->entry ? "" : " (the default)") + ": the broker refuses to start");
      fd.suggestion = "keep replica.fetch.wait.max.ms at or below " + std::string(key);
    }
  }

  const PropsFile& f_;
  const properties::Document& d_;
  const CheckKnowledge& k_;
  Emitter emit_;
};

}  // namespace

void check_startup_combinations(const PropsFile& f, const CheckKnowledge& k,
                                std::vector<core::Finding>* out) {
  CombinationChecker(f, k, out).run();
}

}  // namespace kafkalint::checks
