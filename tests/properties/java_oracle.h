#pragma once
// The reference implementation for the differential tests: tests/java/PropsOracle.java,
// compiled once per test run with javac, asked about many inputs per JVM start.

#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "properties/text.h"
#include "test_support.h"

namespace kafkalint::test {

/// A key -> value map in the order the oracle (and `show --format json`) prints keys:
/// Java's String.compareTo, UTF-16 code units.
struct Utf16Less {
  bool operator()(const std::string& a, const std::string& b) const {
    return properties::utf16_less(a, b);
  }
};
using OracleMap = std::map<std::string, std::string, Utf16Less>;

/// `m` as the oracle prints it, to compare an expected map with its answer.
inline std::string oracle_json(const OracleMap& m) {
  if (m.empty()) return "{}\n";
  std::string out = "{\n";
  bool first = true;
  for (const auto& [k, v] : m) {
    out += first ? "  " : ",\n  ";
    first = false;
    properties::append_json_string(out, k);
    out += ": ";
    properties::append_json_string(out, v);
  }
  return out + "\n}\n";
}

/// What java.util.Properties.load made of one input.
struct OracleAnswer {
  bool refused = false;  // load() threw IllegalArgumentException
  std::string text;      // the JSON map (as `show --format json` prints it), or the message
};

class JavaOracle {
 public:
  /// The oracle shared by all tests, or nullptr when no JDK is installed (tests then skip).
  /// A JDK that is present but cannot compile the oracle fails the calling test.
  static JavaOracle* get() {
    static std::unique_ptr<JavaOracle> oracle = make();
    return oracle.get();
  }

  /// Loads every input with java.util.Properties in one JVM.
  std::vector<OracleAnswer> load_all(const std::vector<std::string>& inputs) {
    std::string frames;
    for (const std::string& in : inputs) {
      put_u32(frames, static_cast<std::uint32_t>(in.size()));
      frames += in;
    }
    write(dir_.file("in.bin"), frames);
    const RunResult r =
        run_shell("java -XX:TieredStopAtLevel=1 -cp '" + dir_.path() + "' PropsOracle --batch < '" +
                  dir_.file("in.bin") + "' > '" + dir_.file("out.bin") + "'");
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const std::string out = read(dir_.file("out.bin"));
    std::vector<OracleAnswer> answers;
    std::size_t at = 0;
    while (at + 5 <= out.size()) {
      OracleAnswer a;
      a.refused = out[at] != 0;
      const std::uint32_t n = get_u32(out, at + 1);
      a.text = out.substr(at + 5, n);
      at += 5 + n;
      answers.push_back(std::move(a));
    }
    REQUIRE(answers.size() == inputs.size());
    return answers;
  }

 private:
  static std::unique_ptr<JavaOracle> make() {
    if (run_shell("command -v javac && command -v java").code != 0) return nullptr;
    auto oracle = std::make_unique<JavaOracle>();
    const RunResult r = run_shell("javac -d '" + oracle->dir_.path() + "' '" + source_dir() +
                                  "/tests/java/PropsOracle.java'");
    REQUIRE_MESSAGE(r.code == 0, "javac failed: " << r.err);
    return oracle;
  }
  static void put_u32(std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
  }
  static std::uint32_t get_u32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
    return v;
  }

  TempDir dir_;
};

/// `s` as a C string literal body, for failure messages about binary inputs.
inline std::string c_escape(const std::string& s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      default:
        if (c < 0x20 || c >= 0x7F) {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

}  // namespace kafkalint::test
