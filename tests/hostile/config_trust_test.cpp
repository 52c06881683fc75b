// Configuration trust (issue 16 point 10): .kafkalint.toml is searched up to the repository
// root and no further, and text toml++ 3.3 mishandles (invalid UTF-8, non-ASCII outside strings
// and comments) is a located error before it parses.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/strings.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

TEST_SUITE("hostile_config_trust") {
  TEST_CASE("settings above the repository root are not used") {
    test::TempDir dir;
    test::write(dir.file(".kafkalint.toml"), "to = \"2.0\"\n");  // outside the repository
    fs::create_directories(dir.file("repo/.git"));
    test::write(dir.file("repo/conf/server.properties"), "broker.id=1\nlog.dirs=/d\n");
    const auto r =
        test::run_shell("cd '" + dir.file("repo") + "' && '" + test::binary() + "' check conf");
    CHECK(r.out.find("no target version") != std::string::npos);  // 2.0 was not picked up
    test::write(dir.file("repo/.kafkalint.toml"), "to = \"3.9\"\n");
    const auto r2 =
        test::run_shell("cd '" + dir.file("repo/conf") + "' && '" + test::binary() + "' check .");
    CHECK(r2.out.find("no target version") == std::string::npos);
  }

  TEST_CASE("invalid UTF-8 and bare non-ASCII never reach toml++") {
    test::TempDir dir;
    for (const char* text : {"\xc3\xa9", "to = \"3.9\"\n\xff\n", "t\xc3\xb6 = \"3.9\"\n"}) {
      test::write(dir.file(".kafkalint.toml"), text);
      const auto r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' check .");
      CHECK(r.code == 2);
      CHECK(r.err.find(".kafkalint.toml:") != std::string::npos);
    }
    // Non-ASCII where TOML allows it is fine.
    test::write(dir.file(".kafkalint.toml"), "# caf\xc3\xa9\nto = \"3.9\"  # d\xc3\xa9j\xc3\xa0\n");
    CHECK(test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' check .").code != 2);
    const std::string quoted = "a = \"\xc3\xa9\"\nb = '''\xc3\xa9'''\n";
    CHECK(core::toml_bare_non_ascii(quoted) == quoted.size());
    CHECK(core::utf8_valid_prefix("ab\xe0\x80\x80") == 2);  // overlong
  }
}
