#include "core/secrets.h"

#include <algorithm>
#include <cctype>

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

}  // namespace

bool secret_key(std::string_view key) {
  const std::string k = core::ascii_lower(key);
  // Misspelled names too ('ssl.key.pasword'): a typo must not leak the value it holds.
  for (std::string_view s : {"passw", "pasw", "passwd", "pwd", "secret", "jaas", "credential"})
    if (k.find(s) != std::string::npos) return true;
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
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return;
  std::lock_guard<std::mutex> lock(mu_);
  add_locked(std::string(value));
  if (const std::string j = json_escaped(value); j != value) add_locked(j);
}

void SecretRegistry::add_locked(std::string value) {
  if (std::find(values_.begin(), values_.end(), value) != values_.end()) return;
  const auto at = std::find_if(values_.begin(), values_.end(),
                               [&](const std::string& v) { return v.size() < value.size(); });
  values_.insert(at, std::move(value));
}

std::string SecretRegistry::scrub(std::string_view text) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out(text);
  if (!enabled_) return out;
  // Only whole words are secrets: a password "confluent" hides "password=confluent" but not
  // the image name "confluentinc/cp-kafka" of another file, which says nothing about it.
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  for (const std::string& v : values_) {
    std::size_t p = 0;
    while ((p = out.find(v, p)) != std::string::npos) {
      const bool starts = p == 0 || !word(v.front()) || !word(out[p - 1]);
      const std::size_t end = p + v.size();
      const bool ends = end == out.size() || !word(v.back()) || !word(out[end]);
      if (!starts || !ends) {
        ++p;
        continue;
      }
      out.replace(p, v.size(), kHidden);
      p += kHidden.size();
    }
  }
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
  for (std::streamsize i = 0; i < n; ++i) {
    line_ += s[i];
    if (s[i] == '\n') emit_line();
  }
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
