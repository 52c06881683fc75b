#pragma once
// Kafka release numbers as users write them: 2.1, 2.1.1, 0.10.2, 0.10.2.1, 4.0.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kafkalint::core {

/// A parsed version string. Kafka 0.x releases have three-part lines (0.10.2) and
/// a fourth part for the patch (0.10.2.1); 1.0 and later have two-part lines (2.1)
/// and a third part for the patch (2.1.1).
struct Version {
  std::vector<int> parts;

  /// Parses dot-separated non-negative integers ("2.1", "0.10.2.1"); nullopt otherwise.
  [[nodiscard]] static std::optional<Version> parse(std::string_view text);

  /// Number of leading parts that name the release line: 3 for 0.x, 2 otherwise.
  std::size_t line_width() const { return !parts.empty() && parts[0] == 0 ? 3 : 2; }
  /// The release line, e.g. "2.1" for 2.1.1 and "0.10.2" for 0.10.2.1.
  std::string line() const;
  /// The patch number when given (2.1.1 -> 1), else nullopt.
  std::optional<int> patch() const;
  std::string str() const;

  /// Compares part by part; missing parts count as 0 (2.1 == 2.1.0).
  int compare(const Version& other) const;
  bool operator<(const Version& o) const { return compare(o) < 0; }
  bool operator<=(const Version& o) const { return compare(o) <= 0; }
  bool operator>(const Version& o) const { return compare(o) > 0; }
  bool operator>=(const Version& o) const { return compare(o) >= 0; }
  bool operator==(const Version& o) const { return compare(o) == 0; }
  bool operator!=(const Version& o) const { return compare(o) != 0; }
};

}  // namespace kafkalint::core
