// --color auto|always|never with NO_COLOR, FORCE_COLOR and TERM=dumb, coloured severities and
// coloured diffs (check --diff, edit --diff).
#include "cli/color.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>
#include <sstream>

#include "cli/command.h"
#include "report/diff_color.h"
#include "test_support.h"

using namespace kafkalint;

namespace {

constexpr const char* kYellow = "\033[1;33m";  // a warning's severity

std::string strip_escapes(const std::string& s) {
  return std::regex_replace(s, std::regex("\033\\[[0-9;]*m"), "");
}

// Runs kafkalint in this process as if stdout were a terminal, with TERM/NO_COLOR/FORCE_COLOR
// set to the given values ("" unsets), restoring them after.
test::RunResult run_tty(std::vector<std::string> args, const char* term, const char* no_color,
                        const char* force) {
  const char* names[] = {"TERM", "NO_COLOR", "FORCE_COLOR"};
  const char* values[] = {term, no_color, force};
  std::string saved[3];
  bool had[3];
  for (int i = 0; i < 3; ++i) {
    const char* v = std::getenv(names[i]);
    had[i] = v != nullptr;
    saved[i] = v ? v : "";
    if (*values[i])
      ::setenv(names[i], values[i], 1);
    else
      ::unsetenv(names[i]);
  }
  args.insert(args.begin(), "kafkalint");
  std::ostringstream out, err;
  const int code = cli::run(args, out, err, true);
  for (int i = 0; i < 3; ++i) {
    if (had[i])
      ::setenv(names[i], saved[i].c_str(), 1);
    else
      ::unsetenv(names[i]);
  }
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_SUITE("cli_color") {
  TEST_CASE("color: the auto decision follows NO_COLOR, FORCE_COLOR and TERM") {
    test::TempDir dir;
    test::write(dir.file("server.properties"), "broker.id=1\nbroker.id=2\n");
    const std::vector<std::string> args{"check", "--to", "3.9", dir.file("server.properties")};
    CHECK(run_tty(args, "xterm", "", "").out.find(kYellow) != std::string::npos);
    CHECK(run_tty(args, "dumb", "", "").out.find('\033') == std::string::npos);
    CHECK(run_tty(args, "xterm", "1", "").out.find('\033') == std::string::npos);
    CHECK(run_tty(args, "dumb", "", "1").out.find(kYellow) != std::string::npos);
    CHECK(run_tty(args, "xterm", "1", "1").out.find('\033') == std::string::npos);
    CHECK(run_tty(args, "dumb", "", "0").out.find(kYellow) != std::string::npos);
    // The flag is final either way, and may come before or after the command.
    std::vector<std::string> never = args;
    never.push_back("--color=never");
    CHECK(run_tty(never, "xterm", "", "1").out.find('\033') == std::string::npos);
    std::vector<std::string> always{"--color", "always"};
    always.insert(always.end(), args.begin(), args.end());
    CHECK(run_tty(always, "dumb", "1", "").out.find(kYellow) != std::string::npos);
  }

  TEST_CASE("color: a pipe gets colours only when asked") {
    test::TempDir dir;
    test::write(dir.file("server.properties"), "broker.id=1\nbroker.id=2\n");
    const std::string bin =
        "'" + test::binary() + "' check --to 3.9 '" + dir.file("server.properties") + "'";
    const auto plain = test::run_shell("env -u NO_COLOR -u FORCE_COLOR " + bin);
    CHECK(plain.code == 1);
    CHECK(plain.out.find('\033') == std::string::npos);
    const auto forced = test::run_shell("env -u NO_COLOR FORCE_COLOR=1 " + bin);
    CHECK(forced.out.find(kYellow) != std::string::npos);
    CHECK(strip_escapes(forced.out) == plain.out);
    const auto always = test::run_shell("NO_COLOR=1 " + bin + " --color always");
    CHECK(strip_escapes(always.out) == plain.out);
    CHECK(always.out.find(kYellow) != std::string::npos);
  }

  TEST_CASE("color: a bad or missing value is a usage error; after -- it is a path") {
    auto r = test::run_cli({"check", "--color", "sometimes", "."});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown value 'sometimes' for '--color'; expected auto, always or never") !=
          std::string::npos);
    r = test::run_cli({"check", "--color"});
    CHECK(r.code == 2);
    CHECK(r.err.find("'--color' needs a value") != std::string::npos);
    std::vector<std::string> a{"kafkalint", "check", "--", "--color", "always"};
    const auto after_dashes = cli::take_color_option(&a);
    REQUIRE(after_dashes.ok());
    CHECK_FALSE(after_dashes->has_value());
    CHECK(a.size() == 5);
    std::vector<std::string> b{"kafkalint", "--color=never", "check", "--color", "always", "."};
    const auto last = cli::take_color_option(&b);
    REQUIRE(last.ok());
    CHECK(*last == cli::ColorWhen::kAlways);  // the last one wins
    CHECK(b == std::vector<std::string>{"kafkalint", "check", "."});
    std::vector<std::string> c{"kafkalint", "check", "--color=sometimes"};
    const auto bad = cli::take_color_option(&c);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message ==
          "unknown value 'sometimes' for '--color'; expected auto, always or never");
  }

  TEST_CASE("color: diffs are coloured line by line and strip back to the plain diff") {
    const std::string d =
        "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n keep\n-old\n+new\n\\ No newline at end of file\n";
    const std::string c = report::color_diff(d);
    CHECK(c.find("\033[31m-old\033[0m\n") != std::string::npos);
    CHECK(c.find("\033[32m+new\033[0m\n") != std::string::npos);
    CHECK(c.find("\033[1m--- a/x\033[0m\n") != std::string::npos);
    CHECK(c.find("\033[36m@@ -1,2 +1,2 @@\033[0m\n") != std::string::npos);
    CHECK(c.find("\n keep\n") != std::string::npos);
    CHECK(strip_escapes(c) == d);

    test::TempDir dir;
    test::write(dir.file("server.properties"), "broker.id=1\nnum.partitons=3\n");
    const std::string cd = "cd '" + dir.path() + "' && '" + test::binary() + "' ";
    const auto plain = test::run_shell(cd + "check --to 3.9 --diff server.properties");
    const auto colored =
        test::run_shell(cd + "check --to 3.9 --diff --color always server.properties");
    REQUIRE(!plain.out.empty());
    CHECK(colored.out.find("\033[31m-num.partitons=3\033[0m") != std::string::npos);
    CHECK(strip_escapes(colored.out) == plain.out);
    const auto edit =
        test::run_shell(cd + "edit server.properties --set broker.id=2 --diff --color=always");
    CHECK(edit.out.find("\033[32m+broker.id=2\033[0m") != std::string::npos);
  }
}
