#pragma once
// Secrets never reach the output. Every properties document kafkalint reads reports the values
// of its secret keys (password-typed keys, JAAS configs, names that say password, secret,
// token or credentials) to one process-wide registry; the CLI passes everything it prints or
// writes as a report through scrub(), which shows each of those values as [hidden], as Kafka
// itself does. Files kafkalint writes for Kafka (--fix, edit --write, plan phase files) keep
// them: only reports are scrubbed. --show-secrets turns scrubbing off for local use.

#include <cstdint>
#include <memory>
#include <mutex>
#include <streambuf>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kafkalint::core {

/// The text shown in place of a secret.
inline constexpr std::string_view kHidden = "[hidden]";

/// True when the value of `key` is a secret: the password-typed keys of Kafka's config
/// definitions (ssl.*.password, ssl.keystore.key, ssl.keystore.certificate.chain,
/// ssl.truststore.certificates, password.encoder.secret, delegation.token.*.key), any JAAS
/// config (*.jaas.config, misspelled too), and names that say password (misspelled too),
/// secret or credentials or end in token (listener-prefixed forms included).
bool secret_key(std::string_view key);

class SecretRegistry {
 public:
  /// Records `value` (and its JSON-escaped form) when `key` is secret. Values shorter than
  /// four bytes, numbers and config-provider references (${...}) are not recorded: hiding
  /// every "1" of a report would say nothing and break the rest of it.
  void note(std::string_view key, std::string_view value);
  /// Records a value known to be secret.
  void add(std::string_view value);
  /// `text` with every recorded secret shown as [hidden]; `text` itself when disabled. A
  /// secret is hidden only as a whole word (see secrets.cpp); where two occurrences overlap, the
  /// longer secret wins (the earlier recorded one between equal lengths), then the leftmost.
  /// One pass over `text` whatever the number of secrets.
  std::string scrub(std::string_view text) const;
  void set_enabled(bool on);
  bool enabled() const;
  SecretRegistry();
  ~SecretRegistry();
  SecretRegistry(const SecretRegistry&) = delete;
  SecretRegistry& operator=(const SecretRegistry&) = delete;

 private:
  struct Matcher;
  void add_locked(std::string value);
  mutable std::mutex mu_;
  std::vector<std::string> values_;  // in the order recorded
  std::unordered_set<std::string> seen_;
  // Built from values_ on the first scrub after a change.
  mutable std::unique_ptr<Matcher> matcher_;
  mutable bool stale_ = false;
  bool enabled_ = true;
};

/// The registry of this process.
SecretRegistry& secrets();

/// A stream buffer that scrubs what passes through it, a line at a time, into `dest`.
class ScrubBuf : public std::streambuf {
 public:
  explicit ScrubBuf(std::streambuf* dest) : dest_(dest) {}
  ~ScrubBuf() override;
  ScrubBuf(const ScrubBuf&) = delete;
  ScrubBuf& operator=(const ScrubBuf&) = delete;

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void emit_line();
  std::streambuf* dest_;
  std::string line_;
};

}  // namespace kafkalint::core
