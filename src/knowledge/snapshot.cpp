#include "knowledge/snapshot.h"

#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

namespace kafkalint::knowledge {

namespace {

constexpr std::string_view kMagic = "KLS1";

enum Tag : unsigned char {
  kTable = 1,
  kArray,
  kString,
  kInteger,
  kFloat,
  kFalse,
  kTrue,
  kDate,
  kTime,
  kDateTime,
};

std::uint64_t zigzag(std::int64_t v) {
  const auto u = static_cast<std::uint64_t>(v);
  return v < 0 ? ~(u << 1) : u << 1;
}

std::int64_t unzigzag(std::uint64_t u) {
  return static_cast<std::int64_t>((u >> 1) ^ (0 - (u & 1)));
}

// ---------------------------------------------------------------------------- writing

class Writer {
 public:
  std::string out;

  bool table(const toml::table& t, int depth) {
    if (depth > kSnapshotMaxDepth) return false;
    varint(t.size());
    for (auto&& [k, v] : t) {
      string(k.str());
      if (!node(v, depth)) return false;
    }
    return true;
  }

 private:
  void byte(unsigned char b) { out.push_back(static_cast<char>(b)); }

  void varint(std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) byte(static_cast<unsigned char>((v & 0x7f) | 0x80));
    byte(static_cast<unsigned char>(v));
  }

  void string(std::string_view s) {
    varint(s.size());
    out.append(s);
  }

  void date(const toml::date& d) {
    varint(d.year);
    byte(d.month);
    byte(d.day);
  }

  void time(const toml::time& t) {
    byte(t.hour);
    byte(t.minute);
    byte(t.second);
    varint(t.nanosecond);
  }

  // `depth` is that of the table or array holding `n`.
  bool node(const toml::node& n, int depth) {
    switch (n.type()) {
      case toml::node_type::table:
        byte(kTable);
        return table(*n.as_table(), depth + 1);
      case toml::node_type::array: {
        if (depth + 1 > kSnapshotMaxDepth) return false;
        const toml::array& a = *n.as_array();
        byte(kArray);
        varint(a.size());
        for (const toml::node& item : a)
          if (!node(item, depth + 1)) return false;
        return true;
      }
      case toml::node_type::string:
        byte(kString);
        string(n.as_string()->get());
        return true;
      case toml::node_type::integer:
        byte(kInteger);
        varint(zigzag(n.as_integer()->get()));
        return true;
      case toml::node_type::floating_point: {
        const double d = n.as_floating_point()->get();
        std::uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        byte(kFloat);
        for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(bits >> (8 * i)));
        return true;
      }
      case toml::node_type::boolean:
        byte(n.as_boolean()->get() ? kTrue : kFalse);
        return true;
      case toml::node_type::date:
        byte(kDate);
        date(n.as_date()->get());
        return true;
      case toml::node_type::time:
        byte(kTime);
        time(n.as_time()->get());
        return true;
      case toml::node_type::date_time: {
        const toml::date_time& dt = n.as_date_time()->get();
        byte(kDateTime);
        date(dt.date);
        time(dt.time);
        byte(dt.offset ? 1 : 0);
        if (dt.offset) varint(zigzag(dt.offset->minutes));
        return true;
      }
      case toml::node_type::none:
        break;
    }
    return false;
  }
};

// ---------------------------------------------------------------------------- reading

// Every read checks the bytes left first: the input may be any bytes (fuzzing, a corrupted
// binary), and a failed read rejects the whole snapshot.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  bool at_end() const { return p_ == end_; }

  bool table(toml::table* t, int depth) {
    std::size_t n;
    if (depth > kSnapshotMaxDepth || !count(&n)) return false;
    std::string_view last;
    for (std::size_t i = 0; i < n; ++i) {
      std::string_view key;
      if (!string(&key)) return false;
      // The writer keeps the table's (sorted) order: appending at the end is then O(1),
      // and a key out of order or repeated can only come from a corrupted snapshot.
      if (i > 0 && !(last < key)) return false;
      last = key;
      const bool ok = node(depth, [&](auto&& value) -> toml::node& {
        return t->emplace_hint(t->cend(), key, std::forward<decltype(value)>(value))->second;
      });
      if (!ok) return false;
    }
    return true;
  }

 private:
  bool byte(unsigned char* out) {
    if (p_ == end_) return false;
    *out = static_cast<unsigned char>(*p_++);
    return true;
  }

  bool varint(std::uint64_t* out) {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      unsigned char b;
      if (!byte(&b)) return false;
      // The tenth byte holds only the top bit of 64.
      if (shift == 63 && b > 1) return false;
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) {
        *out = v;
        return true;
      }
    }
    return false;
  }

  template <typename T>
  bool small(T* out) {
    std::uint64_t v;
    if (!varint(&v) || v > std::numeric_limits<T>::max()) return false;
    *out = static_cast<T>(v);
    return true;
  }

  // Each item takes at least one byte, so a count above the bytes left is corrupt; checking
  // it keeps a forged count from running the loops (or a reserve) far.
  bool count(std::size_t* out) {
    std::uint64_t n;
    if (!varint(&n) || n > static_cast<std::uint64_t>(end_ - p_)) return false;
    *out = static_cast<std::size_t>(n);
    return true;
  }

  bool string(std::string_view* out) {
    std::size_t n;
    if (!count(&n)) return false;
    *out = std::string_view(p_, n);
    p_ += n;
    return true;
  }

  bool date(toml::date* d) { return small(&d->year) && byte(&d->month) && byte(&d->day); }

  bool time(toml::time* t) {
    return byte(&t->hour) && byte(&t->minute) && byte(&t->second) && small(&t->nanosecond);
  }

  bool array(toml::array* a, int depth) {
    std::size_t n;
    if (depth > kSnapshotMaxDepth || !count(&n)) return false;
    a->reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      const bool ok = node(depth, [&](auto&& value) -> toml::node& {
        a->push_back(std::forward<decltype(value)>(value));
        return a->back();
      });
      if (!ok) return false;
    }
    return true;
  }

  // Reads one node held by a table or array at `depth` and hands its value to put(), which
  // places it and returns the placed node, so nested tables and arrays are filled in place.
  template <typename Put>
  bool node(int depth, Put&& put) {
    unsigned char tag;
    if (!byte(&tag)) return false;
    switch (tag) {
      case kTable:
        return table(put(toml::table{}).as_table(), depth + 1);
      case kArray:
        return array(put(toml::array{}).as_array(), depth + 1);
      case kString: {
        std::string_view s;
        if (!string(&s)) return false;
        put(std::string(s));
        return true;
      }
      case kInteger: {
        std::uint64_t v;
        if (!varint(&v)) return false;
        put(unzigzag(v));
        return true;
      }
      case kFloat: {
        if (end_ - p_ < 8) return false;
        std::uint64_t bits = 0;
        for (int i = 0; i < 8; ++i)
          bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(*p_++)) << (8 * i);
        double d;
        std::memcpy(&d, &bits, sizeof d);
        put(d);
        return true;
      }
      case kFalse:
      case kTrue:
        put(tag == kTrue);
        return true;
      case kDate: {
        toml::date d;
        if (!date(&d)) return false;
        put(d);
        return true;
      }
      case kTime: {
        toml::time t;
        if (!time(&t)) return false;
        put(t);
        return true;
      }
      case kDateTime: {
        toml::date_time dt;
        unsigned char has_offset;
        if (!date(&dt.date) || !time(&dt.time) || !byte(&has_offset) || has_offset > 1)
          return false;
        if (has_offset) {
          std::uint64_t z;
          if (!varint(&z)) return false;
          const std::int64_t minutes = unzigzag(z);
          if (minutes < std::numeric_limits<std::int16_t>::min() ||
              minutes > std::numeric_limits<std::int16_t>::max())
            return false;
          dt.offset = toml::time_offset{};
          dt.offset->minutes = static_cast<std::int16_t>(minutes);
        }
        put(dt);
        return true;
      }
      default:
        return false;
    }
  }

  const char* p_;
  const char* end_;
};

}  // namespace

std::optional<std::string> write_snapshot(const toml::table& root) {
  Writer w;
  w.out.append(kMagic);
  if (!w.table(root, 1)) return std::nullopt;
  return std::move(w.out);
}

std::optional<toml::table> read_snapshot(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  Reader r(bytes.substr(kMagic.size()));
  toml::table root;
  if (!r.table(&root, 1) || !r.at_end()) return std::nullopt;
  return root;
}

}  // namespace kafkalint::knowledge
