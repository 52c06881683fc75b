// Reads never hang or grow without bound: a FIFO nobody writes to reads as empty at once, and
// devices such as /dev/zero are refused with a located error instead of being read forever.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "test_support.h"

using namespace kafkalint;

TEST_SUITE("hostile_reads") {
  TEST_CASE("a FIFO given by name does not hang check or show") {
    test::TempDir tmp;
    const std::string fifo = tmp.file("server.properties");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Returning at all is the point; the empty file is announced as not checked.
    const test::RunResult check = test::run_cli({"check", "--role", "broker", fifo});
    INFO(check.out << check.err);
    CHECK(check.code != 2);
    const test::RunResult show = test::run_cli({"show", fifo});
    CHECK(show.code == 0);
  }

  TEST_CASE("a device is refused, not read forever") {
    const test::RunResult r = test::run_cli({"show", "/dev/zero"});
    CHECK(r.code == 2);
    CHECK(r.err.find("/dev/zero: error: not a regular file") != std::string::npos);
  }
}

TEST_SUITE("hostile_walk_notes") {
  TEST_CASE("a walk says what it does not read: folder links, dangling links, FIFOs") {
    test::TempDir dir;
    test::write(dir.file("conf/server.properties"), "broker.id=1\nlog.dirs=/data\n");
    std::filesystem::create_directory_symlink("..", dir.file("conf/up"));
    std::filesystem::create_symlink("/nonexistent/x", dir.file("conf/gone.properties"));
    REQUIRE(::mkfifo(dir.file("conf/pipe.properties").c_str(), 0600) == 0);
    const auto r = test::run_shell("cd '" + dir.path() + "' && timeout 20 '" + test::binary() +
                                   "' check --to 3.9 conf");
    CHECK(r.code != 124);  // never hangs
    CHECK(r.out.find("conf/up: note: not checked: a link to a folder") != std::string::npos);
    CHECK(r.out.find("conf/gone.properties: note: not checked: a dangling symlink") !=
          std::string::npos);
    CHECK(r.out.find("conf/pipe.properties: note: not checked: not a regular file") !=
          std::string::npos);
    CHECK(r.out.find("3 files not checked") != std::string::npos);
  }
}
