#include "properties/document.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>

#include "core/strings.h"
#include "properties/text.h"

namespace kafkalint::properties {

namespace {
// An index slot: the key's hash in the high half, the entry's index in the low half, so the
// sorted slots group equal hashes in file order at 8 bytes an entry.
std::uint64_t hash32(std::string_view key) {
  const std::uint64_t h = std::hash<std::string_view>{}(key);
  return (h ^ (h >> 32)) & 0xffffffffULL;
}
}  // namespace

const std::vector<std::uint64_t>& Document::index() const {
  std::call_once(index_->built, [this] {
    std::vector<std::uint64_t>& v = index_->by_hash;
    v.reserve(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i)
      v.push_back(hash32(this->key(entries_[i])) << 32 | i);
    std::sort(v.begin(), v.end());
  });
  return index_->by_hash;
}

// The range of index() whose entries have `key`, in file order.
std::pair<std::size_t, std::size_t> Document::lookup(std::string_view key) const {
  const auto& v = index();
  std::call_once(index_->slots_built, [&] {
    std::size_t size = 16;
    while (size < v.size() * 2) size *= 2;
    std::vector<std::uint32_t>& slots = index_->slots;
    slots.assign(size, 0);
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i > 0 && (v[i] >> 32) == (v[i - 1] >> 32)) continue;  // inside a run
      std::size_t at = (v[i] >> 32) & (size - 1);
      while (slots[at] != 0) at = (at + 1) & (size - 1);
      slots[at] = static_cast<std::uint32_t>(i + 1);
    }
  });
  const std::vector<std::uint32_t>& slots = index_->slots;
  const std::uint64_t h = hash32(key);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t at = h & mask; slots[at] != 0; at = (at + 1) & mask) {
    std::size_t lo = slots[at] - 1;
    if ((v[lo] >> 32) != h) continue;
    std::size_t hi = lo;
    while (hi < v.size() && (v[hi] >> 32) == h) ++hi;
    return {lo, hi};
  }
  return {0, 0};
}

std::vector<const Entry*> Document::find_all(std::string_view key) const {
  std::vector<const Entry*> out;
  const auto [b, e] = lookup(key);
  for (std::size_t i = b; i < e; ++i) {
    const Entry& en = entries_[index_->by_hash[i] & 0xffffffffU];
    if (this->key(en) == key) out.push_back(&en);
  }
  return out;
}

const Entry* Document::find(std::string_view key) const {
  const auto [b, e] = lookup(key);
  for (std::size_t i = e; i > b; --i) {
    const Entry& en = entries_[index_->by_hash[i - 1] & 0xffffffffU];
    if (this->key(en) == key) return &en;
  }
  return nullptr;
}

std::size_t Document::count(std::string_view key) const {
  const auto [b, e] = lookup(key);
  std::size_t n = 0;
  for (std::size_t i = b; i < e; ++i)
    if (this->key(entries_[index_->by_hash[i] & 0xffffffffU]) == key) ++n;
  return n;
}

namespace {

// A key prepared for sorting: its first 16 bytes as two big-endian integers decide most
// comparisons without touching the key's bytes (a large file has millions of keys, spread
// over the whole text, so every memory access avoided counts), in 24 bytes an entry (show
// of a large file must stay within a few times its size).
struct SortKey {
  std::uint64_t p0;
  std::uint64_t p1;
  std::uint32_t index;  // entry index: among equal keys the last entry wins
  std::uint32_t size;   // key size, high bit set when the key holds a byte >= 0xED (byte
                        // order may then differ from UTF-16 order)
};
constexpr std::uint32_t kExotic = 0x80000000U;

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

}  // namespace

std::vector<std::uint32_t> Document::effective_order() const {
  std::vector<std::uint32_t> order;
  {
    std::vector<SortKey> keys;
    keys.reserve(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const std::string_view k = key(entries_[i]);
      const std::size_t n = k.size();
      keys.push_back(SortKey{load_be(k.data(), n), n > 8 ? load_be(k.data() + 8, n - 8) : 0,
                             static_cast<std::uint32_t>(i),
                             static_cast<std::uint32_t>(n) | (has_exotic_byte(k) ? kExotic : 0)});
    }
    auto key_less = [this](const SortKey& a, const SortKey& b) {
      if (!((a.size | b.size) & kExotic)) {
        // Without bytes >= 0xED (characters below U+D000) byte order is UTF-16 order. Zero
        // padding makes equal prefixes mean "the shorter key is a prefix of the longer".
        if (a.p0 != b.p0) return a.p0 < b.p0;
        if (a.p1 != b.p1) return a.p1 < b.p1;
        if (a.size > 16 && b.size > 16) {
          const int c =
              std::memcmp(key(entries_[a.index]).data() + 16, key(entries_[b.index]).data() + 16,
                          std::min(a.size, b.size) - 16);
          if (c != 0) return c < 0;
        }
        if (a.size != b.size) return a.size < b.size;
        return a.index < b.index;
      }
      const std::string_view ka = key(entries_[a.index]);
      const std::string_view kb = key(entries_[b.index]);
      if (ka == kb) return a.index < b.index;
      return utf16_less(ka, kb);
    };
    std::sort(keys.begin(), keys.end(), key_less);
    order.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i + 1 < keys.size() && (keys[i + 1].size & ~kExotic) == (keys[i].size & ~kExotic) &&
          key(entries_[keys[i + 1].index]) == key(entries_[keys[i].index]))
        continue;  // a later one wins
      order.push_back(keys[i].index);
    }
  }
  return order;
}

std::vector<std::pair<std::string_view, std::string_view>> Document::effective() const {
  const std::vector<std::uint32_t> order = effective_order();
  std::vector<std::pair<std::string_view, std::string_view>> out;
  out.reserve(order.size());
  for (std::uint32_t i : order) out.emplace_back(key(entries_[i]), value(entries_[i]));
  return out;
}

std::string take_text(Document&& doc) {
  std::string text = std::move(doc.text_);
  // Moved into a local that dies here, not assigned over: libstdc++'s move assignment of a
  // string keeps the target's buffer when the source is short, so `doc = Document()` alone
  // left the decoded-text arena (a third of a large file) allocated through the edit.
  { const Document released = std::move(doc); }
  doc = Document();
  return text;
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

namespace {
// Output of a large file goes out in pieces of about this size.
constexpr std::size_t kPiece = std::size_t{1} << 16;
}  // namespace

void to_json(const Document& doc, const std::function<void(std::string_view)>& sink) {
  const auto order = doc.effective_order();
  if (order.empty()) {
    sink("{}\n");
    return;
  }
  const auto& entries = doc.entries();
  std::string out;
  out.reserve(2 * kPiece);
  out += "{\n";
  // Sorted order visits the text out of order: fetch a few pairs ahead to hide the misses.
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i + kAhead < order.size()) {
      const Entry& ahead = entries[order[i + kAhead]];
      __builtin_prefetch(doc.key(ahead).data());
      __builtin_prefetch(doc.value(ahead).data());
    }
    const Entry& e = entries[order[i]];
    out += i ? ",\n  " : "  ";
    append_json_string(out, doc.key(e));
    out += ": ";
    append_json_string(out, doc.value(e));
    if (out.size() >= kPiece) {
      sink(out);
      out.clear();
    }
  }
  out += "\n}\n";
  sink(out);
}

void to_properties(const Document& doc, const std::function<void(std::string_view)>& sink) {
  std::string out;
  out.reserve(2 * kPiece);
  for (std::uint32_t i : doc.effective_order()) {
    const Entry& e = doc.entries()[i];
    out += escape_key(doc.key(e));
    out += '=';
    out += escape_value(doc.value(e));
    out += '\n';
    if (out.size() >= kPiece) {
      sink(out);
      out.clear();
    }
  }
  if (!out.empty()) sink(out);
}

std::string to_json(const Document& doc) {
  std::string out;
  out.reserve(doc.text().size() + 4);
  to_json(doc, [&out](std::string_view piece) { out += piece; });
  return out;
}

std::string to_properties(const Document& doc) {
  std::string out;
  to_properties(doc, [&out](std::string_view piece) { out += piece; });
  return out;
}

std::optional<std::string> value_of(const Document& doc, std::string_view key) {
  const Entry* e = doc.find(key);
  if (!e) return std::nullopt;
  return core::trim_blanks(doc.value(*e));
}

}  // namespace kafkalint::properties
