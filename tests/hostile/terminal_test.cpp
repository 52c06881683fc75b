// Terminal safety: control characters from the user's files (raw, or decoded from `\u001b`)
// never reach a terminal raw through a human-readable output; they are shown as escapes.
#include "core/terminal.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "cli/command.h"
#include "test_support.h"

using namespace kafkalint;

namespace {

// The first raw control byte of `out` (newline and tab allowed), or -1.
int first_control(const std::string& out) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return static_cast<int>(i);
    if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) < 0xA0)
      return static_cast<int>(i);
  }
  return -1;
}

void check_clean(const test::RunResult& r, const std::string& what) {
  INFO(what << "\nstdout:\n" << r.out << "\nstderr:\n" << r.err);
  CHECK(first_control(r.out) == -1);
  CHECK(first_control(r.err) == -1);
}

// A broker file with controls in a key, in values (raw and as \u escapes), in a comment
// and in a misspelled key whose fix is shown as a diff.
const char* kHostile =
    "bad.k\x1b[31mey=1\n"
    "num.partitons=\\u001b]0;owned\\u0007\x07\n"
    "# comment \x1b[2J\n"
    "log.dirs=/var/\x1b[8mkafka\xc2\x9b\n"
    "log.dirs=/tmp/\x9b\x1b\n"
    "broker.id=\\u009b1\n";

}  // namespace

TEST_SUITE("hostile_terminal") {
  TEST_CASE("escape_controls: C0, DEL, C1 and invalid bytes become visible escapes") {
    CHECK(core::escape_controls("a\x1b[31mb") == "a\\x1b[31mb");
    CHECK(core::escape_controls("bell\x07") == "bell\\x07");
    CHECK(core::escape_controls("del\x7f") == "del\\x7f");
    CHECK(core::escape_controls("c1\xc2\x9b") == "c1\\u009b");
    CHECK(core::escape_controls("latin\xe9") == "latin\\xe9");
    CHECK(core::escape_controls("caf\xc3\xa9 \xe2\x82\xac") == "caf\xc3\xa9 \xe2\x82\xac");
    CHECK(core::escape_controls("a\tb") == "a\tb");
    CHECK(core::escape_controls("a\tb", false, false) == "a\\x09b");
    CHECK(core::escape_controls("a\nb\r\n") == "a\\x0ab\\x0d\\x0a");
    CHECK(core::escape_controls("a\nb\r\nc\rd", true) == "a\nb\r\nc\\x0dd");
    CHECK(core::has_controls("x\x1b"));
    CHECK_FALSE(core::has_controls("plain \xc3\xa9"));
  }

  TEST_CASE("every human-readable output escapes the controls of the input") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"), kHostile);
    test::write(tmp.file("other.properties"), "num.partitions=\\u001b[2J\nbroker.id=1\x1b\n");
    const std::string a = tmp.file("server.properties"), b = tmp.file("other.properties");
    const auto check_text = test::run_cli({"check", a});
    CHECK(check_text.out.find("\\x1b[31mey") != std::string::npos);
    check_clean(check_text, "check");
    check_clean(test::run_cli({"check", "--to", "3.9", a}), "check --to");
    check_clean(test::run_cli({"check", "--format", "concise", a}), "check concise");
    check_clean(test::run_cli({"check", "--format", "github", a}), "check github");
    // A diff on a terminal is escaped; into a pipe it keeps the bytes so that it applies.
    std::ostringstream tty_out, tty_err;
    const std::vector<std::string> diff_args{"kafkalint", "check", "--diff", "--color=never", a};
    const int tty_code = cli::run(diff_args, tty_out, tty_err, true);
    CHECK(tty_code == 1);
    CHECK(tty_out.str().find("+num.partitions=") != std::string::npos);
    check_clean({tty_code, tty_out.str(), tty_err.str()}, "check --diff on a terminal");
    const auto diff = test::run_cli({"check", "--diff", a});
    CHECK(diff.out.find("+num.partitions=\\u001b]0;owned\\u0007\x07\n") != std::string::npos);
    check_clean(test::run_cli({"show", a}), "show");
    check_clean(test::run_cli({"show", "--effective", "--to", "3.9", a}), "show --effective");
    const auto d = test::run_cli({"diff", a, b});
    CHECK(d.out.find("\\x1b[2J") != std::string::npos);
    check_clean(d, "diff");
    check_clean(test::run_cli({"diff", "--from", "2.8", "--to", "3.9", a, b}), "diff versions");
    check_clean(test::run_cli({"plan", "--from", "2.8", "--to", "3.9", a}), "plan text");
    check_clean(test::run_cli({"plan", "--from", "2.8", "--to", "3.9", "--format", "markdown", a}),
                "plan markdown");
    check_clean(test::run_cli({"check", tmp.file("missing\x1b[2J.properties")}), "missing file");
  }

  TEST_CASE("the caret still points at the key when controls before it widen the line") {
    test::TempDir tmp;
    // Form feeds are whitespace to Java: the key starts at column 3.
    test::write(tmp.file("server.properties"), "\f\fnum.partitons=1\nbroker.id=1\n");
    const auto r = test::run_cli({"check", "--select", "KL101", tmp.file("server.properties")});
    INFO(r.out);
    // "\x0c\x0c" is shown as 8 columns, so the caret moves right by 8 - 2.
    CHECK(r.out.find(" 1 | \\x0c\\x0cnum.partitons=1\n   |         ^~~~~~~~~~~~~\n") !=
          std::string::npos);
  }
}
