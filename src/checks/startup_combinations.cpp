// Start-up checks across keys, read from Kafka's source (docs/validator-audit.md):
// - the producer's idempotence checks: KafkaProducer.configure* (0.11 .. 3.1) and
//   ProducerConfig.postProcessAndValidateIdempotenceConfigs (3.2 .. 4.x) throw a
//   ConfigException when enable.idempotence=true is set explicitly together with acks other
//   than all, retries=0, or too many requests in flight (0.11: anything but 1; 1.0+: above 5);
// - KafkaConfig.validateValues (0.9 .. 4.x, core/src/main/scala/kafka/server/KafkaConfig.scala)
//   requires the SASL inter-broker mechanism among the listener's enabled mechanisms, more than
//   1 MiB of dedupe buffer per cleaner thread, and replica.fetch.wait.max.ms at or below
//   replica.socket.timeout.ms and replica.lag.time.max.ms; log.roll.ms of at least 1 and a
//   retention of -1 or at least 1 ms; queued.max.request.bytes of 0 or less, or at least
//   socket.request.max.bytes (1.0+); max.connections.per.ip=0 only with overrides (2.0+);
//   connection.failed.authentication.delay.ms below connections.max.idle.ms (2.1+);
// - the producer refuses a transactional.id once idempotence is off (0.11 .. 4.x), and the
//   consumer refuses group.remote.assignor under group.protocol=classic (3.9 .. 4.x).
// Kafka compares effective values, so an unset key takes the reference's default; a rule speaks
// only when the file sets one of the keys it compares.

#include "checks/startup_combinations.h"

#include <cctype>
#include <optional>
#include <string>

#include "checks/value_check.h"
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

// "'key=value'", marked when the value is the release's default, not the file's.
template <typename S>
std::string shown(std::string_view key, const S& s) {
  return q(std::string(key) + "=" + s.value) + (s.entry ? "" : " (the default)");
}

class CombinationChecker {
 public:
  CombinationChecker(const PropsFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out)
      : f_(f), d_(f.doc()), k_(k), emit_(f, k, out) {}

  void run() {
    if (f_.templated() || !k_.configs || !k_.reference) return;
    if (f_.role == Role::kProducer || f_.role == Role::kClient) {
      check_idempotence();
      check_transactional_id();
    }
    if (f_.role == Role::kConsumer || f_.role == Role::kClient) check_remote_assignor();
    if (f_.role == Role::kBroker) {
      check_inter_broker_sasl();
      check_dedupe_buffer();
      check_replica_fetch_wait();
      check_log_times();
      check_request_queue();
      check_connections_per_ip();
      check_failed_auth_delay();
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

  // The setting passes its own key's validator: when it does not, KL201/KL202 speak and a
  // combination would only repeat them (max.connections.per.ip=0 is out of range before 2.0).
  bool own_check_passes(knowledge::Scope scope, std::string_view key, const Setting& s) const {
    const knowledge::ConfigKey* ck = k_.configs->find(scope, key);
    return ck &&
           check_value(ck->type, ck->valid, s.value, ck->default_value.value_or("")).problem ==
               ValueProblem::kNone;
  }

  // A number of the setting, when the setting is known and passes its key's validator.
  std::optional<long long> number(knowledge::Scope scope, std::string_view key,
                                  const std::optional<Setting>& s) const {
    if (!s || !own_check_passes(scope, key, *s)) return std::nullopt;
    return parse_long(java_trim(s->value));
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
    auto& fd =
        emit_.at_value(*at, RuleId::KL247,
                       shown("log.cleaner.dedupe.buffer.size", *size) + " over " +
                           shown("log.cleaner.threads", *threads) +
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
      auto& fd = emit_.at_value(*at, RuleId::KL248,
                                shown("replica.fetch.wait.max.ms", *wait) + " is above " +
                                    shown(key, *limit) + ": the broker refuses to start");
      fd.suggestion = "keep replica.fetch.wait.max.ms at or below " + std::string(key);
    }
  }

  // ProducerConfig (3.2+) and KafkaProducer (0.11 .. 3.1): a transactional.id needs
  // idempotence. Explicit enable.idempotence=false always fails; from the line where a
  // conflict turns the default idempotence off, acks, retries or requests in flight that
  // conflict with it fail the same way.
  void check_transactional_id() {
    constexpr auto kProducer = knowledge::Scope::kProducer;
    const properties::Entry* tid = d_.find("transactional.id");
    if (!tid || !k_.configs->find(kProducer, "transactional.id")) return;
    const properties::Entry* idem = d_.find("enable.idempotence");
    if (idem) {
      if (f_.value_opaque(*idem) || !core::iequals_ascii(java_trim(d_.value(*idem)), "false"))
        return;
      auto& fd = emit_.at_value(*idem, RuleId::KL249,
                                "'enable.idempotence=false' with 'transactional.id': the producer "
                                "refuses to start, transactions need idempotence");
      fd.suggestion =
          "remove 'enable.idempotence=false', or drop 'transactional.id' if this "
          "producer must not use transactions";
      return;
    }
    if (!k_.reached(k_.reference, knowledge::Milestone::kIdempotenceYields)) return;
    const properties::Entry* cause = nullptr;
    std::string why;
    if (auto acks = setting(kProducer, "acks"); acks && acks->entry) {
      const std::string a(java_trim(acks->value));
      const std::optional<long long> n = parse_long(a);
      if (!core::iequals_ascii(a, "all") && n && *n != -1) {
        cause = acks->entry;
        why = "'acks=" + a + "'";
      }
    }
    if (!cause)
      if (auto retries = setting(kProducer, "retries");
          retries && retries->entry && number(kProducer, "retries", retries) == 0LL) {
        cause = retries->entry;
        why = "'retries=0'";
      }
    if (!cause) {
      auto inflight = setting(kProducer, "max.in.flight.requests.per.connection");
      const auto n = number(kProducer, "max.in.flight.requests.per.connection", inflight);
      if (inflight && inflight->entry && n && *n > 5) {
        cause = inflight->entry;
        why = "'max.in.flight.requests.per.connection=" + std::string(java_trim(inflight->value)) +
              "'";
      }
    }
    if (!cause) return;
    auto& fd = emit_.at_value(*cause, RuleId::KL249,
                              why +
                                  " turns the producer's default idempotence off, and with "
                                  "'transactional.id' set the producer then refuses to start");
    fd.suggestion =
        "for a transactional producer use acks=all, retries above 0 and at most 5 "
        "requests in flight";
  }

  // ConsumerConfig.checkGroupRemoteAssignor: the server-side assignor belongs to the consumer
  // protocol; the classic protocol (the default) refuses it.
  void check_remote_assignor() {
    constexpr auto kConsumer = knowledge::Scope::kConsumer;
    if (!k_.reached(k_.reference, knowledge::Milestone::kRemoteAssignorChecked)) return;
    const properties::Entry* assignor = d_.find("group.remote.assignor");
    if (!assignor || f_.value_opaque(*assignor) || core::trim_blanks(d_.value(*assignor)).empty())
      return;
    auto protocol = setting(kConsumer, "group.protocol");
    if (!protocol || !core::iequals_ascii(java_trim(protocol->value), "classic")) return;
    auto& fd = emit_.at_key(
        *assignor, RuleId::KL254,
        "'group.remote.assignor' with 'group.protocol=" + std::string(java_trim(protocol->value)) +
            "'" + (protocol->entry ? "" : " (the default)") +
            ": the consumer refuses to start, the server-side assignor "
            "needs group.protocol=consumer");
    fd.suggestion = "set 'group.protocol=consumer', or remove 'group.remote.assignor'";
  }

  // KafkaConfig: log.roll.ms at least 1; the retention (log.retention.ms, else minutes, else
  // hours) -1 or at least 1 ms, any negative time counting as -1, so only 0 is refused.
  void check_log_times() {
    constexpr auto kBroker = knowledge::Scope::kBroker;
    if (const properties::Entry* roll = d_.find("log.roll.ms"); roll && !f_.value_opaque(*roll)) {
      const auto n =
          number(kBroker, "log.roll.ms", Setting{roll, core::trim_blanks(d_.value(*roll))});
      if (n && *n < 1) {
        auto& fd = emit_.at_value(*roll, RuleId::KL250,
                                  q("log.roll.ms=" + std::to_string(*n)) +
                                      ": the broker requires at least 1 ms and refuses to start");
        fd.suggestion = "set log.roll.ms to 1 or more, or remove it to roll by log.roll.hours";
      }
    }
    struct Unit {
      const char* key;
      long long ms;
    };
    for (const Unit u : {Unit{"log.retention.ms", 1}, Unit{"log.retention.minutes", 60000},
                         Unit{"log.retention.hours", 3600000}}) {
      const properties::Entry* e = d_.find(u.key);
      if (!e) continue;
      // A snippet may leave a key of higher precedence to another file.
      if (f_.value_opaque(*e) || (f_.partial && u.ms != 1)) return;
      // The first key set decides; a value its own validator refuses is KL201/KL202's.
      const auto n = number(kBroker, u.key, Setting{e, core::trim_blanks(d_.value(*e))});
      if (n && *n == 0) {
        auto& fd = emit_.at_value(*e, RuleId::KL250,
                                  q(std::string(u.key) + "=0") +
                                      " makes the log retention 0 ms: the broker accepts -1 "
                                      "(unlimited) or at least 1 ms and refuses to start");
        fd.suggestion = "use -1 to keep logs without a time limit, or a positive time";
      }
      return;
    }
  }

  // KafkaConfig (1.0+): a bounded request queue must hold at least one request of the largest
  // size the socket server accepts.
  void check_request_queue() {
    constexpr auto kBroker = knowledge::Scope::kBroker;
    if (!k_.configs->find(kBroker, "queued.max.request.bytes")) return;
    auto queued = setting(kBroker, "queued.max.request.bytes");
    auto request = setting(kBroker, "socket.request.max.bytes");
    if (!queued || !request || (!queued->entry && !request->entry)) return;
    const auto qn = number(kBroker, "queued.max.request.bytes", queued);
    const auto rn = number(kBroker, "socket.request.max.bytes", request);
    if (!qn || !rn || *qn <= 0 || *qn >= *rn) return;
    const properties::Entry* at = queued->entry ? queued->entry : request->entry;
    auto& fd = emit_.at_value(*at, RuleId::KL251,
                              shown("queued.max.request.bytes", *queued) + " is below " +
                                  shown("socket.request.max.bytes", *request) +
                                  ": the broker refuses to start");
    fd.suggestion =
        "raise queued.max.request.bytes to at least socket.request.max.bytes, or "
        "set it to -1 for an unbounded queue";
  }

  // KafkaConfig (2.0+): no connections per IP at all only makes sense with per-host overrides.
  void check_connections_per_ip() {
    constexpr auto kBroker = knowledge::Scope::kBroker;
    const properties::Entry* e = d_.find("max.connections.per.ip");
    if (!e || f_.value_opaque(*e)) return;
    const auto n =
        number(kBroker, "max.connections.per.ip", Setting{e, core::trim_blanks(d_.value(*e))});
    if (!n || *n != 0) return;
    if (const properties::Entry* o = d_.find("max.connections.per.ip.overrides"))
      if (f_.value_opaque(*o) || !core::trim_blanks(d_.value(*o)).empty()) return;
    if (f_.partial) return;  // the overrides may be set elsewhere
    auto& fd = emit_.at_value(*e, RuleId::KL252,
                              "'max.connections.per.ip=0' without "
                              "'max.connections.per.ip.overrides': the broker refuses to start");
    fd.suggestion =
        "list the hosts that may connect in max.connections.per.ip.overrides "
        "(host:count,...), or raise max.connections.per.ip";
  }

  // KafkaConfig (2.1+, KIP-306): a delayed authentication failure must be answered before the
  // idle connection is closed; a negative idle timeout turns the check off.
  void check_failed_auth_delay() {
    constexpr auto kBroker = knowledge::Scope::kBroker;
    if (!k_.configs->find(kBroker, "connection.failed.authentication.delay.ms")) return;
    auto delay = setting(kBroker, "connection.failed.authentication.delay.ms");
    auto idle = setting(kBroker, "connections.max.idle.ms");
    if (!delay || !idle || (!delay->entry && !idle->entry)) return;
    const auto dn = number(kBroker, "connection.failed.authentication.delay.ms", delay);
    const auto in = number(kBroker, "connections.max.idle.ms", idle);
    if (!dn || !in || *in < 0 || *dn < *in) return;
    const properties::Entry* at = delay->entry ? delay->entry : idle->entry;
    auto& fd = emit_.at_value(*at, RuleId::KL253,
                              shown("connection.failed.authentication.delay.ms", *delay) +
                                  " is not below " + shown("connections.max.idle.ms", *idle) +
                                  ": the broker refuses to start");
    fd.suggestion = "keep connection.failed.authentication.delay.ms below connections.max.idle.ms";
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
