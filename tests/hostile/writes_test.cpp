// Writes that respect the file (issue 16 point 4): --fix and edit --write keep the mode, the
// owner and group (as root), write a symlink through to its target, refuse hard links and
// read-only files with a message, and clear temp files an interrupted run left behind.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "core/file_io.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

const char* kTypo = "broker.id=1\nnum.partitons=3\n";

struct stat stat_of(const std::string& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st;
}

}  // namespace

TEST_SUITE("hostile_writes") {
  TEST_CASE("--fix writes a symlink through to its target; the link stays a link") {
    test::TempDir dir;
    test::write(dir.file("real.properties"), kTypo);
    fs::create_symlink("real.properties", dir.file("server.properties"));
    const auto r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                   "' check --to 3.9 --fix server.properties");
    CHECK(fs::is_symlink(dir.file("server.properties")));
    CHECK(test::read(dir.file("real.properties")).find("num.partitions=3") != std::string::npos);
  }

  TEST_CASE("hard links and read-only files are refused, the file untouched") {
    test::TempDir dir;
    test::write(dir.file("a.properties"), kTypo);
    fs::create_hard_link(dir.file("a.properties"), dir.file("b.properties"));
    core::Error err;
    CHECK_FALSE(core::write_file_atomic(dir.file("a.properties"), "x=1\n", &err));
    CHECK(err.message.find("hard links") != std::string::npos);
    CHECK(test::read(dir.file("b.properties")) == kTypo);

    test::write(dir.file("ro.properties"), kTypo);
    ::chmod(dir.file("ro.properties").c_str(), 0444);
    core::Error err2;
    CHECK_FALSE(core::write_file_atomic(dir.file("ro.properties"), "x=1\n", &err2));
    CHECK(err2.message.find("read-only") != std::string::npos);
    CHECK(test::read(dir.file("ro.properties")) == kTypo);
    // Through the CLI: a clear error, exit 2, nothing written.
    const auto r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                   "' edit ro.properties --set num.io.threads=8 --write");
    CHECK(r.code == 2);
    CHECK(r.err.find("read-only") != std::string::npos);
  }

  TEST_CASE("mode, owner and group are kept") {
    test::TempDir dir;
    const std::string p = dir.file("server.properties");
    test::write(p, kTypo);
    ::chmod(p.c_str(), 0640);
    const bool root = ::geteuid() == 0;
    if (root) CHECK(::chown(p.c_str(), 65534, 65534) == 0);  // nobody:nogroup
    core::Error err;
    REQUIRE(core::write_file_atomic(p, "broker.id=1\n", &err));
    const struct stat st = stat_of(p);
    CHECK((st.st_mode & 07777) == 0640);
    if (root) {
      CHECK(st.st_uid == 65534u);
      CHECK(st.st_gid == 65534u);
    }
  }

  TEST_CASE("temp files an interrupted run left behind are removed once stale") {
    test::TempDir dir;
    const std::string stale = dir.file(".kafkalint-AbC123");
    const std::string fresh = dir.file(".kafkalint-XyZ789");
    test::write(stale, "half written");
    test::write(fresh, "another run, writing now");
    const fs::file_time_type old = fs::file_time_type::clock::now() - std::chrono::hours(2);
    fs::last_write_time(stale, old);
    core::Error err;
    REQUIRE(core::write_file_atomic(dir.file("server.properties"), "broker.id=1\n", &err));
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(fresh));
  }
}
