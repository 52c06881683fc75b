// Reads never hang or grow without bound: a FIFO nobody writes to reads as empty at once, and
// devices such as /dev/zero are refused with a located error instead of being read forever.
#include <doctest/doctest.h>
#include <sys/stat.h>

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
