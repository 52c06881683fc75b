#include "properties/edit.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <utility>

#include "properties/text.h"

namespace kafkalint::properties {

namespace {

// Edits prove themselves by comparing the map Java loads after the edit with the expected
// one. Two maps of a large file (and two parsed documents) cost many times the file, so the
// comparison is on a fingerprint: the count of pairs and the sum of a keyed SipHash-2-4 of
// each (key, value). The key is random per process, so a hostile file cannot be crafted
// to collide; two different maps agree with probability about 2^-64.
std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipHash {
  std::uint64_t v0, v1, v2, v3;
  std::uint64_t tail = 0;  // bytes not yet in a word, little endian
  std::size_t length = 0;

  SipHash(std::uint64_t k0, std::uint64_t k1)
      : v0(k0 ^ 0x736f6d6570736575ULL),
        v1(k1 ^ 0x646f72616e646f6dULL),
        v2(k0 ^ 0x6c7967656e657261ULL),
        v3(k1 ^ 0x7465646279746573ULL) {}

  void round() {
    v0 += v1;
    v1 = rotl(v1, 13);
    v1 ^= v0;
    v0 = rotl(v0, 32);
    v2 += v3;
    v3 = rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = rotl(v1, 17);
    v1 ^= v2;
    v2 = rotl(v2, 32);
  }
  void word(std::uint64_t m) {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
  void add(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && length % 8 != 0) {  // fill the pending word
      tail |= std::uint64_t{static_cast<unsigned char>(s[i++])} << (8 * (length++ % 8));
      if (length % 8 == 0) {
        word(tail);
        tail = 0;
      }
    }
    for (; i + 8 <= s.size(); i += 8, length += 8) {
      std::uint64_t m;
      std::memcpy(&m, s.data() + i, 8);  // little-endian host (x86-64, aarch64)
      word(m);
    }
    for (; i < s.size(); ++i)
      tail |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * (length++ % 8));
  }
  std::uint64_t finish() {
    word(tail | (std::uint64_t{length & 0xff} << 56));
    v2 ^= 0xff;
    round();
    round();
    round();
    round();
    return v0 ^ v1 ^ v2 ^ v3;
  }
};

struct Fingerprint {
  std::uint64_t sum = 0;
  std::uint64_t count = 0;
  bool operator==(const Fingerprint& o) const { return sum == o.sum && count == o.count; }
  bool operator!=(const Fingerprint& o) const { return !(*this == o); }
};

std::uint64_t pair_hash(std::string_view key, std::string_view value) {
  static const std::pair<std::uint64_t, std::uint64_t> secret = [] {
    std::random_device rd;
    auto word = [&rd] { return (std::uint64_t{rd()} << 32) ^ rd(); };
    return std::pair<std::uint64_t, std::uint64_t>(word(), word());
  }();
  SipHash h(secret.first, secret.second);
  // The key's length first: ("ab", "c") and ("a", "bc") hash apart.
  const std::uint64_t n = key.size();
  char len[8];
  std::memcpy(len, &n, 8);
  h.add(std::string_view(len, 8));
  h.add(key);
  h.add(value);
  return h.finish();
}

void add_pair(Fingerprint& f, std::string_view key, std::string_view value) {
  f.sum += pair_hash(key, value);
  ++f.count;
}
void remove_pair(Fingerprint& f, std::string_view key, std::string_view value) {
  f.sum -= pair_hash(key, value);
  --f.count;
}

Fingerprint fingerprint(const Document& doc) {
  Fingerprint f;
  doc.for_each_effective([&f](std::string_view k, std::string_view v) { add_pair(f, k, v); });
  return f;
}

// The key and value exactly as Java reads them back after escaping (the user's bytes may
// hold invalid UTF-8, read as ISO-8859-1, or surrogates that then pair up).
std::pair<std::string, std::string> as_read(std::string_view key, std::string_view value) {
  ParseResult r = parse(escape_key(key) + "=" + escape_value(value), "");
  const Entry& e = r.doc.entries().front();
  return {std::string(r.doc.key(e)), std::string(r.doc.value(e))};
}

core::Error edit_error(const Document& doc, std::string message) {
  core::Error e;
  e.where.file = doc.file_name();
  e.message = std::move(message);
  return e;
}

// Java refuses a file with a malformed \uxxxx escape: there is no map to edit.
std::optional<core::Error> refuse_malformed(const Document& doc) {
  for (const Entry& e : doc.entries()) {
    if (!e.malformed) continue;
    core::Error err = edit_error(doc, "cannot edit a file that Java refuses to load");
    err.where.line = e.line;
    err.where.column = e.column;
    err.hint = "the entry here holds a malformed \\uxxxx escape; fix it first";
    return err;
  }
  return std::nullopt;
}

std::vector<Splice> apply_splices(std::string& text, const std::vector<Splice>& splices) {
  std::vector<Splice> undo;
  undo.reserve(splices.size());
  if (splices.size() == 1) {
    const Splice& s = splices.front();
    undo.push_back({s.begin, s.begin + s.with.size(), text.substr(s.begin, s.end - s.begin)});
    text.replace(s.begin, s.end - s.begin, s.with);
    return undo;
  }
  std::string out;
  std::size_t grown = text.size();
  for (const Splice& s : splices) grown += s.with.size();
  out.reserve(grown);
  std::size_t at = 0;
  for (const Splice& s : splices) {
    out.append(text, at, s.begin - at);
    undo.push_back({out.size(), out.size() + s.with.size(), text.substr(s.begin, s.end - s.begin)});
    out += s.with;
    at = s.end;
  }
  out.append(text, at, std::string::npos);
  text = std::move(out);
  return undo;
}

// Installs the text with `splices` applied as the document if Java reads the map
// `expected` from it. The old document is released first and, on failure, parsed again
// from the undone text: a large file is never held as two parsed documents.
std::optional<core::Error> commit(Document& doc, const std::vector<Splice>& splices,
                                  const Fingerprint& expected, std::string_view op,
                                  std::string_view key, std::vector<Splice>* undo) {
  const std::string file = doc.file_name();
  const core::Error failure =
      edit_error(doc, std::string(op) + " '" + std::string(key) +
                          "' cannot be done without changing other entries");
  std::string text = take_text(std::move(doc));
  std::vector<Splice> undone = apply_splices(text, splices);
  ParseResult r = parse(std::move(text), file);
  if (r.ok() && fingerprint(r.doc) == expected) {
    doc = std::move(r.doc);
    if (undo) undo->insert(undo->end(), undone.begin(), undone.end());
    return std::nullopt;
  }
  text = take_text(std::move(r.doc));
  apply_splices(text, undone);
  doc = parse(std::move(text), file).doc;  // the text it had, so the document it was
  core::Error e = failure;
  e.hint = "the end of the file leaves a continuation open; edit it by hand";
  return e;
}

}  // namespace

std::optional<core::Error> set(Document& doc, std::string_view key, std::string_view value,
                               std::vector<Splice>* undo) {
  if (auto err = refuse_malformed(doc)) return err;
  const auto [k, v] = as_read(key, value);
  Fingerprint expected = fingerprint(doc);
  Splice s;
  if (const Entry* e = doc.find(k)) {
    remove_pair(expected, k, doc.value(*e));
    s.begin = e->value.begin;
    s.end = e->value.end;
    if (e->separator().empty()) s.with = "=";
    s.with += escape_value(value);
  } else {
    s.begin = s.end = doc.text().size();
    s.with = appended_entries(doc, {{std::string(key), std::string(value)}});
  }
  add_pair(expected, k, v);
  return commit(doc, {std::move(s)}, expected, "setting", key, undo);
}

std::optional<core::Error> set_every(Document& doc, std::string_view key, std::string_view value) {
  if (auto err = refuse_malformed(doc)) return err;
  const auto [k, v] = as_read(key, value);
  const auto hits = doc.find_all(k);
  if (hits.size() < 2) return set(doc, key, value);
  Fingerprint expected = fingerprint(doc);
  remove_pair(expected, k, doc.value(*hits.back()));
  add_pair(expected, k, v);
  const std::string escaped = escape_value(value);
  std::vector<Splice> splices;
  splices.reserve(hits.size());
  for (const Entry* e : hits)
    splices.push_back(
        {e->value.begin, e->value.end, e->separator().empty() ? "=" + escaped : escaped});
  return commit(doc, splices, expected, "setting", key, nullptr);
}

std::string appended_entries(const Document& doc,
                             const std::vector<std::pair<std::string, std::string>>& entries) {
  const std::string le(doc.line_ending());
  std::string out;
  if (!doc.text().empty() && !doc.ends_with_newline()) out += le;
  // An empty line closes a continuation left open at the end of the file. After a final
  // "\r", a "\n" would join it into one line break and continue the entry instead.
  if (doc.ends_in_continuation())
    out += le == "\n" && !doc.text().empty() && doc.text().back() == '\r' ? "\r" : le;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i) out += le;
    out += escape_key(entries[i].first) + "=" + escape_value(entries[i].second);
  }
  if (doc.ends_with_newline()) out += le;
  return out;
}

bool appends_cleanly(const Document& doc,
                     const std::vector<std::pair<std::string, std::string>>& entries) {
  if (refuse_malformed(doc)) return false;
  Fingerprint expected = fingerprint(doc);
  std::vector<std::pair<std::string, std::string>> added;  // as read, last value per key
  for (const auto& [key, value] : entries) {
    auto [k, v] = as_read(key, value);
    auto same =
        std::find_if(added.begin(), added.end(), [&k = k](const auto& a) { return a.first == k; });
    if (same != added.end()) {
      remove_pair(expected, same->first, same->second);
      same->second = v;
    } else {
      if (const Entry* e = doc.find(k)) remove_pair(expected, k, doc.value(*e));
      added.emplace_back(k, v);
    }
    add_pair(expected, k, v);
  }
  const ParseResult r = parse(doc.text() + appended_entries(doc, entries), doc.file_name());
  return r.ok() && fingerprint(r.doc) == expected;
}

namespace {

// Rewrites every entry of `key` (continuation lines included) with what `replace` returns for
// it, keeping every other byte: the common part of unset() and comment().
template <typename Replace>
std::optional<core::Error> rewrite_entries(Document& doc, std::string_view key, const char* action,
                                           std::vector<Splice>* undo, Replace replace) {
  if (auto err = refuse_malformed(doc)) return err;
  const std::string k = as_read(key, "").first;
  const auto hits = doc.find_all(k);
  if (hits.empty()) return std::nullopt;
  Fingerprint expected = fingerprint(doc);
  remove_pair(expected, k, doc.value(*hits.back()));
  const std::string& t = doc.text();
  std::vector<Splice> splices;
  splices.reserve(hits.size());
  for (const Entry* e : hits)
    splices.push_back({e->raw.begin, e->raw.end,
                       replace(std::string_view(t).substr(e->raw.begin, e->raw.size()))});
  return commit(doc, splices, expected, action, key, undo);
}

}  // namespace

std::optional<core::Error> unset(Document& doc, std::string_view key, std::vector<Splice>* undo) {
  return rewrite_entries(doc, key, "removing", undo,
                         [](std::string_view) { return std::string(); });
}

std::optional<core::Error> comment(Document& doc, std::string_view key, std::vector<Splice>* undo) {
  return rewrite_entries(doc, key, "commenting out", undo,
                         [](std::string_view raw) { return commented_lines(raw); });
}

std::vector<Splice> splice(std::string& text, const std::vector<Splice>& splices) {
  return apply_splices(text, splices);
}

std::string commented_lines(std::string_view raw, std::string_view mark) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (line_start) out += mark;
    const char c = raw[i];
    out += c;
    line_start = c == '\n' || (c == '\r' && (i + 1 >= raw.size() || raw[i + 1] != '\n'));
  }
  return out;
}

}  // namespace kafkalint::properties
