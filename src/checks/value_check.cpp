#include "checks/value_check.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <regex>
#include <utility>
#include <vector>

#include "core/strings.h"

namespace kafkalint::checks {

namespace {

// Integer.parseInt / Long.parseLong / Short.parseShort: optional sign, decimal digits only.
std::optional<long double> parse_integer(std::string_view s, long double lo, long double hi) {
  if (s.empty()) return std::nullopt;
  std::size_t i = 0;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    i = 1;
  }
  if (i == s.size()) return std::nullopt;
  long double v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
    if (v > hi + 1) return std::nullopt;
  }
  if (neg) v = -v;
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

// Double.parseDouble: decimal or hex floating point, NaN, Infinity, optional f/F/d/D suffix.
std::optional<long double> parse_double(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string t(s);
  if (t == "NaN" || t == "+NaN" || t == "-NaN")
    return std::numeric_limits<long double>::quiet_NaN();
  if (t == "Infinity" || t == "+Infinity") return std::numeric_limits<long double>::infinity();
  if (t == "-Infinity") return -std::numeric_limits<long double>::infinity();
  if (t.back() == 'f' || t.back() == 'F' || t.back() == 'd' || t.back() == 'D') t.pop_back();
  if (t.empty()) return std::nullopt;
  // strtold also takes "inf", "nan" and leading blanks, which Java does not.
  for (char c : t)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-' ||
          c == 'e' || c == 'E' || c == 'x' || c == 'X' || c == 'p' || c == 'P' ||
          (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
      return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long double v = std::strtold(t.c_str(), &end);
  if (end != t.c_str() + t.size()) return std::nullopt;
  return v;
}

std::optional<long double> parse_number(knowledge::ConfigType type, std::string_view s) {
  if (type == knowledge::ConfigType::kInt)
    return parse_integer(s, std::numeric_limits<std::int32_t>::min(),
                         std::numeric_limits<std::int32_t>::max());
  if (type == knowledge::ConfigType::kLong)
    return parse_integer(s, static_cast<long double>(std::numeric_limits<std::int64_t>::min()),
                         static_cast<long double>(std::numeric_limits<std::int64_t>::max()));
  if (type == knowledge::ConfigType::kShort)
    return parse_integer(s, std::numeric_limits<std::int16_t>::min(),
                         std::numeric_limits<std::int16_t>::max());
  if (type == knowledge::ConfigType::kDouble) return parse_double(s);
  return std::nullopt;
}

// "[1,...]", "[0,...,1]", "[...,5]" -> bounds. nullopt when the text is not a range.
struct Range {
  std::optional<long double> lo, hi;
  std::string text;
};
std::optional<Range> parse_range(std::string_view v) {
  if (v.size() < 5 || v.front() != '[' || v.back() != ']') return std::nullopt;
  std::string_view in = v.substr(1, v.size() - 2);
  std::vector<std::string_view> parts;
  for (std::size_t i = 0;;) {
    const std::size_t c = in.find(',', i);
    parts.push_back(in.substr(i, c == std::string_view::npos ? std::string_view::npos : c - i));
    if (c == std::string_view::npos) break;
    i = c + 1;
  }
  Range r;
  r.text = std::string(v);
  auto num = [](std::string_view s) { return parse_double(core::trim_chars(s, " ")); };
  if (parts.size() == 2 && core::trim_chars(parts[1], " ") == "...") {
    r.lo = num(parts[0]);
    if (!r.lo) return std::nullopt;
  } else if (parts.size() == 2 && core::trim_chars(parts[0], " ") == "...") {
    r.hi = num(parts[1]);
    if (!r.hi) return std::nullopt;
  } else if (parts.size() == 3 && core::trim_chars(parts[1], " ") == "...") {
    r.lo = num(parts[0]);
    r.hi = num(parts[2]);
    if (!r.lo || !r.hi) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return r;
}

std::string number_text(long double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e18) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(static_cast<double>(v));
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

std::string range_expectation(const Range& r) {
  if (r.lo && r.hi) return "between " + number_text(*r.lo) + " and " + number_text(*r.hi);
  if (r.lo) return "at least " + number_text(*r.lo);
  return "at most " + number_text(*r.hi);
}

// 4.0's auto.offset.reset also takes "by_duration:" and an ISO-8601 duration (KIP-1106); the
// reference prints that member as this pattern.
constexpr std::string_view kByDuration = "by_duration:PnDTnHnMn.nS";

// What java.time.Duration.parse accepts (PnDTnHnMn.nS, each part optional but not all, letters
// in either case, signs allowed, each part and the sum within a Java long of seconds), and then
// what AutoOffsetResetStrategy.fromString (4.0 .. 4.4) adds: a negative duration is refused.
bool non_negative_iso_duration(std::string_view v) {
  static const std::regex re(
      "([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?"
      "(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?",
      std::regex::icase | std::regex::optimize);
  const std::string s(v);
  std::smatch m;
  if (!std::regex_match(s, m, re)) return false;
  // "T" without a time part, and "P" without any part, are not durations.
  if (m[3].matched && m[3].length() == 1) return false;
  if (!m[2].matched && !m[4].matched && !m[5].matched && !m[6].matched) return false;
  // Math.multiplyExact / addExact on longs: a part or a sum beyond a long is refused.
  constexpr long double kLongMax = 9223372036854775807.0L;
  long double total = 0;
  const std::pair<int, long double> parts[] = {{2, 86400}, {4, 3600}, {5, 60}, {6, 1}};
  for (const auto& [group, seconds] : parts) {
    if (!m[group].matched) continue;
    const long double n = std::strtold(m[group].str().c_str(), nullptr);
    if (std::fabs(n) > kLongMax || std::fabs(n * seconds) > kLongMax) return false;
    total += n * seconds;
    if (std::fabs(total) > kLongMax) return false;
  }
  if (m[7].matched && m[7].length() > 0) {
    // The fraction takes the sign of the seconds it belongs to.
    long double fraction = std::strtold(("0." + m[7].str()).c_str(), nullptr);
    if (m[6].str().front() == '-') fraction = -fraction;
    total += fraction;
  }
  if (m[1].str() == "-") total = -total;
  return total >= 0;
}

// "[a, b, c]" (no "...") -> the elements; nullopt otherwise. Elements may not contain ','.
std::optional<std::vector<std::string>> parse_set(std::string_view v) {
  if (v.size() < 2 || v.front() != '[' || v.back() != ']') return std::nullopt;
  std::string_view in = v.substr(1, v.size() - 2);
  std::vector<std::string> out;
  for (std::size_t i = 0;;) {
    const std::size_t c = in.find(", ", i);
    std::string_view e = in.substr(i, c == std::string_view::npos ? std::string_view::npos : c - i);
    if (e.empty() || e.find("...") != std::string_view::npos ||
        e.find(',') != std::string_view::npos || e.find(' ') != std::string_view::npos ||
        e.find('[') != std::string_view::npos ||
        (e.find(':') != std::string_view::npos && e != kByDuration))
      return std::nullopt;
    out.emplace_back(e);
    if (c == std::string_view::npos) break;
    i = c + 2;
  }
  return out;
}

std::string join_set(const std::vector<std::string>& set) {
  std::string s;
  for (const auto& e : set) s += (s.empty() ? "'" : ", '") + e + "'";
  return s;
}

}  // namespace

std::string_view java_trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  return s;
}

ValueVerdict check_value(knowledge::ConfigType type, std::string_view valid, std::string_view value,
                         std::string_view default_value) {
  ValueVerdict out;
  const bool numeric =
      type == knowledge::ConfigType::kInt || type == knowledge::ConfigType::kLong ||
      type == knowledge::ConfigType::kShort || type == knowledge::ConfigType::kDouble;
  if (type == knowledge::ConfigType::kBoolean) {
    const std::string_view t = java_trim(value);
    if (!core::iequals_ascii(t, "true") && !core::iequals_ascii(t, "false")) {
      out.problem = ValueProblem::kBadType;
      out.detail = "'true' or 'false'";
    }
    return out;
  }
  std::optional<long double> number;
  if (numeric) {
    number = parse_number(type, java_trim(value));
    if (!number) {
      out.problem = ValueProblem::kBadType;
      out.detail =
          type == knowledge::ConfigType::kDouble
              ? "a number"
              : std::string("a whole number that fits a Java ") + knowledge::to_string(type);
      return out;
    }
  }
  if (valid.empty()) return out;

  // "[1,...,9] or -1" and similar: a range plus one extra allowed value.
  std::string_view range_text = valid;
  std::optional<long double> extra;
  if (auto pos = valid.find(" or "); pos != std::string_view::npos && numeric) {
    extra = parse_double(valid.substr(pos + 4));
    if (!extra) return out;
    range_text = valid.substr(0, pos);
  }
  if (numeric) {
    auto r = parse_range(range_text);
    if (!r || std::isnan(static_cast<double>(*number))) return out;
    if (extra && *number == *extra) return out;
    if ((r->lo && *number < *r->lo) || (r->hi && *number > *r->hi)) {
      out.problem = ValueProblem::kOutOfRange;
      out.detail = range_expectation(*r);
      if (extra) out.detail += " or " + number_text(*extra);
    }
    return out;
  }

  bool case_insensitive = false;
  std::string_view set_text = valid;
  constexpr std::string_view kCi = "(case insensitive) ";
  if (set_text.substr(0, kCi.size()) == kCi) {
    case_insensitive = true;
    set_text.remove_prefix(kCi.size());
  }
  auto set = parse_set(set_text);
  if (!set) return out;
  // With the by_duration pattern (4.x) the names and the "by_duration:" prefix are matched
  // exactly, as AutoOffsetResetStrategy.fromString does (its tests refuse "LATEST"); only the
  // duration itself is read without regard to case, by Duration.parse.
  auto in_set = [&](std::string_view v, bool ignore_case) {
    for (const std::string& e : *set) {
      if (e == kByDuration) {
        constexpr std::string_view kPrefix = "by_duration:";
        if (v.size() > kPrefix.size() && v.substr(0, kPrefix.size()) == kPrefix &&
            non_negative_iso_duration(v.substr(kPrefix.size())))
          return true;
        continue;
      }
      if (ignore_case ? core::iequals_ascii(v, e) : v == e) return true;
    }
    return false;
  };
  // A default in the set only when case is ignored: the validator ignores case.
  if (!case_insensitive && type == knowledge::ConfigType::kString && !default_value.empty())
    case_insensitive = !in_set(default_value, false) && in_set(default_value, true);
  auto member = [&](std::string_view v) { return in_set(v, case_insensitive); };
  if (type == knowledge::ConfigType::kString) {
    if (!member(value)) {
      out.problem = ValueProblem::kNotInSet;
      out.detail = "one of " + join_set(*set);
    }
  } else if (type == knowledge::ConfigType::kList) {
    // ConfigDef splits a list on commas with surrounding whitespace, after trimming it.
    const std::string_view t = java_trim(value);
    if (t.empty()) return out;
    for (std::size_t i = 0;;) {
      const std::size_t c = t.find(',', i);
      std::string_view e =
          java_trim(t.substr(i, c == std::string_view::npos ? std::string_view::npos : c - i));
      if (!member(e)) {
        out.problem = ValueProblem::kNotInSet;
        out.detail = "elements from " + join_set(*set);
        out.bad_element = std::string(e);
        return out;
      }
      if (c == std::string_view::npos) break;
      i = c + 1;
    }
  }
  return out;
}

namespace {

// "host:port" as Utils.getHost/getPort read it: the port is the digits after the last ':';
// a host in brackets may hold ':' (IPv6).
bool host_port(std::string_view v) {
  const std::size_t colon = v.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == v.size()) return false;
  for (char c : v.substr(colon + 1))
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return v.find(',') == std::string_view::npos;
}

bool voter(std::string_view v) {
  const std::size_t at = v.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  for (char c : v.substr(0, at))
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  // The entry is split on '@' and must give exactly two parts.
  const std::string_view address = v.substr(at + 1);
  return address.find('@') == std::string_view::npos && host_port(address);
}

}  // namespace

ValueVerdict check_key_format(std::string_view key, std::string_view value) {
  ValueVerdict out;
  const bool voters = key == "controller.quorum.voters";
  if (!voters && key != "controller.quorum.bootstrap.servers") return out;
  const std::string_view t = java_trim(value);
  if (t.empty()) return out;  // empty is the default: the required-key rules speak about it
  for (std::size_t i = 0;;) {
    const std::size_t c = t.find(',', i);
    const std::string_view e =
        java_trim(t.substr(i, c == std::string_view::npos ? std::string_view::npos : c - i));
    if (voters ? !voter(e) : !host_port(e)) {
      out.problem = ValueProblem::kBadType;
      out.detail = voters ? "entries of the form id@host:port" : "entries of the form host:port";
      out.bad_element = std::string(e);
      return out;
    }
    if (c == std::string_view::npos) break;
    i = c + 1;
  }
  return out;
}

}  // namespace kafkalint::checks
