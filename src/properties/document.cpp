#include "properties/document.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>

#include "properties/text.h"

namespace kafkalint::properties {

// The range of index_->by_hash whose entries have `key`, in file order.
std::pair<std::size_t, std::size_t> Document::lookup(std::string_view key) const {
  std::call_once(index_->built, [this] {
    std::vector<std::pair<std::uint64_t, std::uint32_t>>& v = index_->by_hash;
    v.reserve(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i)
      v.emplace_back(std::hash<std::string_view>{}(this->key(entries_[i])),
                     static_cast<std::uint32_t>(i));
    std::sort(v.begin(), v.end());
  });
  const auto& v = index_->by_hash;
  const std::uint64_t h = std::hash<std::string_view>{}(key);
  auto lo = std::lower_bound(v.begin(), v.end(), std::pair<std::uint64_t, std::uint32_t>(h, 0));
  auto hi = lo;
  while (hi != v.end() && hi->first == h) ++hi;
  return {static_cast<std::size_t>(lo - v.begin()), static_cast<std::size_t>(hi - v.begin())};
}

std::vector<const Entry*> Document::find_all(std::string_view key) const {
  std::vector<const Entry*> out;
  const auto [b, e] = lookup(key);
  for (std::size_t i = b; i < e; ++i) {
    const Entry& en = entries_[index_->by_hash[i].second];
    if (this->key(en) == key) out.push_back(&en);
  }
  return out;
}

const Entry* Document::find(std::string_view key) const {
  const auto [b, e] = lookup(key);
  for (std::size_t i = e; i > b; --i) {
    const Entry& en = entries_[index_->by_hash[i - 1].second];
    if (this->key(en) == key) return &en;
  }
  return nullptr;
}

std::size_t Document::count(std::string_view key) const {
  const auto [b, e] = lookup(key);
  std::size_t n = 0;
  for (std::size_t i = b; i < e; ++i)
    if (this->key(entries_[index_->by_hash[i].second]) == key) ++n;
  return n;
}

namespace {

// A key prepared for sorting: its first 24 bytes as three big-endian integers decide most
// comparisons without touching the key's bytes (a large file has millions of keys, spread
// over the whole text, so every memory access avoided counts).
struct SortKey {
  std::uint64_t p0;
  std::uint64_t p1;
  std::uint64_t p2;
  std::string_view key;
  std::uint32_t index;  // entry index: among equal keys the last entry wins
  bool exotic;          // holds a byte >= 0xED: byte order may differ from UTF-16 order
};

std::uint64_t load_be(const char* p, std::size_t n) {
  if (n >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return __builtin_bswap64(v);
  }
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i)
    v = (v << 8) | (i < n ? static_cast<unsigned char>(p[i]) : 0u);
  return v;
}

// True when `s` holds a byte >= 0xED; 8 bytes at a time, as keys are nearly always ASCII.
bool has_exotic_byte(std::string_view s) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (!(w & kHigh)) continue;
    for (std::size_t k = i; k < i + 8; ++k)
      if (static_cast<unsigned char>(s[k]) >= 0xED) return true;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0xED) return true;
  return false;
}

bool key_less(const SortKey& a, const SortKey& b) {
  if (!a.exotic && !b.exotic) {
    // Without bytes >= 0xED (characters below U+D000) byte order is UTF-16 order. Zero
    // padding makes equal prefixes mean "the shorter key is a prefix of the longer".
    if (a.p0 != b.p0) return a.p0 < b.p0;
    if (a.p1 != b.p1) return a.p1 < b.p1;
    if (a.p2 != b.p2) return a.p2 < b.p2;
    if (a.key.size() > 24 && b.key.size() > 24) {
      const int c = std::memcmp(a.key.data() + 24, b.key.data() + 24,
                                std::min(a.key.size(), b.key.size()) - 24);
      if (c != 0) return c < 0;
    }
    if (a.key.size() != b.key.size()) return a.key.size() < b.key.size();
    return a.index < b.index;
  }
  if (a.key == b.key) return a.index < b.index;
  return utf16_less(a.key, b.key);
}

}  // namespace

std::vector<std::pair<std::string_view, std::string_view>> Document::effective() const {
  std::vector<SortKey> keys;
  keys.reserve(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::string_view k = key(entries_[i]);
    const bool exotic = has_exotic_byte(k);
    const std::size_t n = k.size();
    keys.push_back(SortKey{load_be(k.data(), n), n > 8 ? load_be(k.data() + 8, n - 8) : 0,
                           n > 16 ? load_be(k.data() + 16, n - 16) : 0, k,
                           static_cast<std::uint32_t>(i), exotic});
  }
  std::sort(keys.begin(), keys.end(), key_less);
  std::vector<std::pair<std::string_view, std::string_view>> out;
  out.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i + 1 < keys.size() && keys[i + 1].key == keys[i].key) continue;  // a later one wins
    out.emplace_back(keys[i].key, value(entries_[keys[i].index]));
  }
  return out;
}

bool Document::ends_with_newline() const {
  return text_.empty() || text_.back() == '\n' || text_.back() == '\r';
}

std::string write(const Document& doc) {
  // Entries and comments partition the non-blank lines; the gaps between them are the
  // blank lines, copied as they are.
  const std::string& t = doc.text();
  std::string out;
  out.reserve(t.size());
  std::size_t at = 0;
  auto ci = doc.comments().begin();
  const auto ce = doc.comments().end();
  auto emit = [&](const Span& s) {
    out.append(t, at, s.begin - at);
    out.append(t, s.begin, s.size());
    at = s.end;
  };
  for (const Entry& e : doc.entries()) {
    for (; ci != ce && ci->raw.begin < e.raw.begin; ++ci) emit(ci->raw);
    emit(e.raw);
  }
  for (; ci != ce; ++ci) emit(ci->raw);
  out.append(t, at, t.size() - at);
  return out;
}

std::string to_json(const Document& doc) {
  const auto map = doc.effective();
  if (map.empty()) return "{}\n";
  std::string out;
  out.reserve(doc.text().size() + map.size() * 8 + 4);
  out += "{\n";
  // Sorted order visits the text out of order: fetch a few pairs ahead to hide the misses.
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = 0; i < map.size(); ++i) {
    if (i + kAhead < map.size()) {
      __builtin_prefetch(map[i + kAhead].first.data());
      __builtin_prefetch(map[i + kAhead].second.data());
    }
    out += i ? ",\n  " : "  ";
    append_json_string(out, map[i].first);
    out += ": ";
    append_json_string(out, map[i].second);
  }
  out += "\n}\n";
  return out;
}

std::string to_properties(const Document& doc) {
  std::string out;
  for (const auto& [key, value] : doc.effective()) {
    out += escape_key(key);
    out += '=';
    out += escape_value(value);
    out += '\n';
  }
  return out;
}

}  // namespace kafkalint::properties
