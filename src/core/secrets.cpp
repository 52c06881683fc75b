#include "core/secrets.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <map>

#include "core/strings.h"

namespace kafkalint::core {
namespace {

std::string json_escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The quoted values of password-like options inside a JAAS config: password="...",
// user_alice="...", and the like.
std::vector<std::string_view> jaas_secrets(std::string_view v) {
  std::vector<std::string_view> out;
  std::size_t p = 0;
  while ((p = v.find('=', p)) != std::string_view::npos) {
    std::size_t k = p;
    while (k > 0 && (std::isalnum(static_cast<unsigned char>(v[k - 1])) || v[k - 1] == '_' ||
                     v[k - 1] == '.'))
      --k;
    const std::string name = core::ascii_lower(v.substr(k, p - k));
    ++p;
    if (p >= v.size() || v[p] != '"') continue;
    const std::size_t close = v.find('"', p + 1);
    if (close == std::string_view::npos) break;
    if (name.find("password") != std::string::npos || name.rfind("user_", 0) == 0 ||
        name.find("secret") != std::string::npos || name.find("token") != std::string::npos)
      out.push_back(v.substr(p + 1, close - p - 1));
    p = close + 1;
  }
  return out;
}

// A JAAS config: 'sasl.jaas.config', 'listener.name.x.plain.sasl.jaas.conifg' (misspelled),
// 'kafka_sasl_jaas_config' (an environment name, lowered). Not every key that names JAAS: the
// login-module line of a JAAS file misread as a key ('org.eclipse.jetty.jaas.spi.
// PropertyFileLoginModule required'), ZooKeeper's 'jaasServerName=zookeeper' and 'jaasRealm',
// Spring's 'spring.kafka.jaas.enable=true' and '.control-flag=required'. Their values hidden
// as secrets blanked those words in every message, rule names included.
bool jaas_config_key(const std::string& k) {
  for (std::size_t p = k.find("jaas"); p != std::string::npos; p = k.find("jaas", p + 1)) {
    std::size_t q = p + 4;
    if (q < k.size() && (k[q] == '.' || k[q] == '_' || k[q] == '-')) ++q;
    if (k.compare(q, 3, "con") == 0 && k.compare(q, 7, "control") != 0) return true;
  }
  return false;
}

}  // namespace

bool secret_key(std::string_view key) {
  const std::string k = core::ascii_lower(key);
  // Misspelled names too ('ssl.key.pasword'): a typo must not leak the value it holds.
  for (std::string_view s : {"passw", "pasw", "passwd", "pwd", "secret", "credential"})
    if (k.find(s) != std::string::npos) return true;
  if (jaas_config_key(k)) return true;
  for (std::string_view s : {"master.key", "ssl.keystore.key", "keystore.certificate.chain",
                             "truststore.certificates", "token", "api.key"})
    if (core::ends_with(k, s)) return true;
  return false;
}

void SecretRegistry::note(std::string_view key, std::string_view value) {
  if (!secret_key(key)) return;
  if (core::ascii_lower(key).find("jaas") != std::string::npos)
    for (std::string_view inner : jaas_secrets(value)) add(inner);
  add(value);
}

void SecretRegistry::add(std::string_view value) {
  const std::size_t b = value.find_first_not_of(" \t\f\r\n");
  if (b == std::string_view::npos) return;
  value = value.substr(b, value.find_last_not_of(" \t\f\r\n") - b + 1);
  if (value.size() < 4 || value.rfind("${", 0) == 0) return;
  // A boolean under a secret-sounding name ('spring.kafka.jaas.enable', 'ssl.secret.enabled')
  // says nothing; hiding it would blank every true and false of the report.
  if (const std::string lower = core::ascii_lower(value); lower == "true" || lower == "false")
    return;
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return;
  std::lock_guard<std::mutex> lock(mu_);
  add_locked(std::string(value));
  if (const std::string j = json_escaped(value); j != value) add_locked(j);
}

// Every recorded secret in one Aho-Corasick automaton, so scrubbing a line costs one pass over
// it (plus the occurrences found) instead of one search per secret: `show` of a file with
// 20,000 passwords was quadratic.
struct SecretRegistry::Matcher {
  struct Node {
    std::uint32_t first = 0;    // first child (the root's children are in `root`); 0 for none
    std::uint32_t sibling = 0;  // next child of the same parent
    std::uint32_t fail = 0;
    std::uint32_t dict = 0;  // the nearest proper suffix that is a secret; 0 for none
    std::int32_t rank = -1;  // the secret ending here, by priority; -1 for none
    unsigned char c = 0;     // the byte leading here
  };
  std::array<std::uint32_t, 256> root{};
  std::vector<Node> nodes;
  std::vector<std::uint32_t> length;  // by rank

  std::uint32_t child(std::uint32_t s, unsigned char c) const {
    if (s == 0) return root[c];
    for (std::uint32_t to = nodes[s].first; to != 0; to = nodes[to].sibling)
      if (nodes[to].c == c) return to;
    return 0;
  }
  std::uint32_t step(std::uint32_t s, unsigned char c) const {
    for (;;) {
      if (const std::uint32_t to = child(s, c); to != 0 || s == 0) return to;
      s = nodes[s].fail;
    }
  }

  // `by_rank`: the secrets, longest first and in the order recorded between equal lengths (the
  // order the one-secret-at-a-time scrub replaced them in, whose result this keeps).
  explicit Matcher(const std::vector<const std::string*>& by_rank) {
    nodes.emplace_back();
    for (std::size_t r = 0; r < by_rank.size(); ++r) {
      std::uint32_t s = 0;
      for (char ch : *by_rank[r]) {
        const auto c = static_cast<unsigned char>(ch);
        std::uint32_t to = child(s, c);
        if (to == 0) {
          to = static_cast<std::uint32_t>(nodes.size());
          nodes.emplace_back();
          nodes[to].c = c;
          if (s == 0) {
            root[c] = to;
          } else {
            nodes[to].sibling = nodes[s].first;
            nodes[s].first = to;
          }
        }
        s = to;
      }
      nodes[s].rank = static_cast<std::int32_t>(r);
      length.push_back(static_cast<std::uint32_t>(by_rank[r]->size()));
    }
    // Breadth first, so every failure link points to a node already done.
    std::vector<std::uint32_t> queue;
    for (std::uint32_t to : root)
      if (to != 0) queue.push_back(to);
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const std::uint32_t u = queue[q];
      for (std::uint32_t v = nodes[u].first; v != 0; v = nodes[v].sibling) {
        const std::uint32_t f = step(nodes[u].fail, nodes[v].c);
        nodes[v].fail = f;
        nodes[v].dict = nodes[f].rank >= 0 ? f : nodes[f].dict;
        queue.push_back(v);
      }
    }
  }
};

SecretRegistry::SecretRegistry() = default;
SecretRegistry::~SecretRegistry() = default;

void SecretRegistry::add_locked(std::string value) {
  if (!seen_.insert(value).second) return;
  values_.push_back(std::move(value));
  stale_ = true;
}

std::string SecretRegistry::scrub(std::string_view text) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (!enabled_ || values_.empty()) return std::string(text);
  if (stale_ || !matcher_) {
    std::vector<const std::string*> by_rank;
    by_rank.reserve(values_.size());
    for (const std::string& v : values_) by_rank.push_back(&v);
    std::stable_sort(
        by_rank.begin(), by_rank.end(),
        [](const std::string* a, const std::string* b) { return a->size() > b->size(); });
    matcher_ = std::make_unique<Matcher>(by_rank);
    stale_ = false;
  }
  const Matcher& m = *matcher_;
  // Only whole words are secrets: a password "confluent" hides "password=confluent" but not
  // the image name "confluentinc/cp-kafka" of another file, which says nothing about it.
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  struct Hit {
    std::uint32_t rank;
    std::size_t begin, end;
  };
  std::vector<Hit> hits;
  std::uint32_t s = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    s = m.step(s, static_cast<unsigned char>(text[i]));
    for (std::uint32_t t = m.nodes[s].rank >= 0 ? s : m.nodes[s].dict; t != 0;
         t = m.nodes[t].dict) {
      const auto rank = static_cast<std::uint32_t>(m.nodes[t].rank);
      const std::size_t end = i + 1;
      const std::size_t begin = end - m.length[rank];
      const bool starts = begin == 0 || !word(text[begin]) || !word(text[begin - 1]);
      const bool ends = end == text.size() || !word(text[end - 1]) || !word(text[end]);
      if (starts && ends) hits.push_back({rank, begin, end});
    }
  }
  if (hits.empty()) return std::string(text);
  // Where occurrences overlap, the higher-priority secret wins, then the leftmost: what
  // replacing one secret at a time, longest first and left to right, did. (A hidden word's
  // neighbours keep their whole-word status: a valid occurrence's edge is a non-word byte or
  // is next to one.)
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.begin < b.begin;
  });
  std::map<std::size_t, std::size_t> taken;  // begin -> end, disjoint
  auto hidden = [&](std::size_t at) {
    auto after = taken.upper_bound(at);
    return after != taken.begin() && std::prev(after)->second > at;
  };
  // A byte that is a word character of the text as replaced so far ('[hidden]' has none at
  // its edges).
  auto word_at = [&](std::size_t at) { return word(text[at]) && !hidden(at); };
  for (const Hit& h : hits) {
    auto after = taken.lower_bound(h.end);
    if (after != taken.begin() && std::prev(after)->second > h.begin) continue;
    // A part of a dotted name is a config key's word, not the value: with a sample password
    // 'password' or 'confluent', 'ldap.ssl.truststore.password' and 'confluent.license' stay
    // readable in every message.
    // So is a segment of a path: with a sample password 'canal' beside canal.properties, the
    // report named the file 'docker/[hidden]/conf/canal.properties'.
    auto joins = [&](char c) {
      return (h.begin >= 2 && text[h.begin - 1] == c && !hidden(h.begin - 1) &&
              word_at(h.begin - 2)) ||
             (h.end + 1 < text.size() && text[h.end] == c && !hidden(h.end) && word_at(h.end + 1));
    };
    if (joins('.') || joins('/')) continue;
    taken.emplace(h.begin, h.end);
  }
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const auto& [begin, end] : taken) {
    out.append(text.substr(at, begin - at));
    out.append(kHidden);
    at = end;
  }
  out.append(text.substr(at));
  return out;
}

void SecretRegistry::set_enabled(bool on) {
  std::lock_guard<std::mutex> lock(mu_);
  enabled_ = on;
}

bool SecretRegistry::enabled() const {
  std::lock_guard<std::mutex> lock(mu_);
  return enabled_;
}

SecretRegistry& secrets() {
  static SecretRegistry registry;
  return registry;
}

ScrubBuf::~ScrubBuf() { emit_line(); }

ScrubBuf::int_type ScrubBuf::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  line_ += traits_type::to_char_type(ch);
  if (line_.back() == '\n') emit_line();
  return ch;
}

std::streamsize ScrubBuf::xsputn(const char* s, std::streamsize n) {
  std::string_view rest(s, static_cast<std::size_t>(n));
  const std::size_t last_nl = rest.rfind('\n');
  if (last_nl == std::string_view::npos) {
    line_.append(rest);
    return n;
  }
  // The pending line first, then every complete line of `rest` scrubbed as one block (a
  // reporter writes a finding's lines at once), and what follows the last newline kept.
  const std::size_t nl = rest.find('\n');
  if (!line_.empty()) {
    line_.append(rest.substr(0, nl + 1));
    emit_line();
    rest.remove_prefix(nl + 1);
  }
  const std::size_t block = rest.rfind('\n') + 1;  // 0 when the pending line took them all
  if (block > 0) {
    const std::string clean = secrets().scrub(rest.substr(0, block));
    dest_->sputn(clean.data(), static_cast<std::streamsize>(clean.size()));
  }
  line_.append(rest.substr(block));
  return n;
}

int ScrubBuf::sync() {
  emit_line();
  return dest_->pubsync();
}

void ScrubBuf::emit_line() {
  if (line_.empty()) return;
  const std::string clean = secrets().scrub(line_);
  dest_->sputn(clean.data(), static_cast<std::streamsize>(clean.size()));
  line_.clear();
}

}  // namespace kafkalint::core
