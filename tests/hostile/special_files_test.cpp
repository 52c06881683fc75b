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

TEST_SUITE("hostile_walk_notes") {
  TEST_CASE("plan walks with check's walker: loops and FIFOs are notes, not an abort") {
    test::TempDir dir;
    test::write(dir.file("conf/server.properties"),
                "broker.id=1\nlog.dirs=/data\nzookeeper.connect=zk:2181\n");
    std::filesystem::create_symlink("b.properties", dir.file("conf/a.properties"));
    std::filesystem::create_symlink("a.properties", dir.file("conf/b.properties"));
    std::filesystem::create_directory_symlink("..", dir.file("conf/up"));
    REQUIRE(::mkfifo(dir.file("conf/pipe.properties").c_str(), 0600) == 0);
    const auto r = test::run_shell("cd '" + dir.path() + "' && timeout 20 '" + test::binary() +
                                   "' plan --from 2.8 --to 3.9 conf");
    INFO(r.out << r.err);
    CHECK(r.code != 124);
    CHECK(r.code != 134);
    CHECK(r.err.find("conf/a.properties: note: not read: a symlink loop") != std::string::npos);
    CHECK(r.err.find("conf/pipe.properties: note: not read: not a regular file") !=
          std::string::npos);
    CHECK(r.err.find("conf/up: note: not read: a link to a folder") != std::string::npos);
    CHECK(r.out.find("conf/server.properties") != std::string::npos);
    const auto c = test::run_shell("cd '" + dir.path() + "' && timeout 20 '" + test::binary() +
                                   "' check --to 3.9 conf");
    CHECK(c.out.find("conf/a.properties: note: not checked: a symlink loop") != std::string::npos);
  }

  TEST_CASE("a path longer than the system allows is a note, and the walk goes on") {
    test::TempDir dir;
    test::write(dir.file("top/server.properties"), "broker.id=1\nlog.dirs=/data\n");
    // 40 levels of 250-byte names: 10,000 bytes, beyond PATH_MAX (4096); made relative to
    // each level, as only such a path can be.
    const auto mk = test::run_shell(
        "cd '" + dir.path() +
        "/top' && python3 -c \"import os\nfor i in range(40):\n"
        "    os.mkdir('d' * 250); os.chdir('d' * 250)\nopen('server.properties', 'w')"
        ".write('broker.id=1')\"");
    REQUIRE(mk.code == 0);
    const auto r = test::run_shell("cd '" + dir.path() + "' && timeout 60 '" + test::binary() +
                                   "' check --to 3.9 top");
    INFO(r.out << r.err);
    CHECK((r.code == 0 || r.code == 1));
    // The folder whose path is too long to stat (or to list) is named, with the reason.
    CHECK(r.out.find("(a path longer than the system allows)") != std::string::npos);
    CHECK(r.out.find(": note: not checked: ") != std::string::npos);
    CHECK(r.out.find("1 file not checked") != std::string::npos);
  }
}

TEST_SUITE("hostile_reads") {
  TEST_CASE("a file over the size limit is a note; the limit is set by option or settings") {
    test::TempDir dir;
    std::string big = "broker.id=1\nlog.dirs=/data\n";
    while (big.size() < 4096) big += "# padding to make the file larger than the limit\n";
    test::write(dir.file("conf/server.properties"), big);
    test::write(dir.file("conf/small.properties"), "broker.id=2\nlog.dirs=/data\n");
    auto r = test::run_cli({"check", "--to", "3.9", "--max-file-size", "2K", dir.file("conf")});
    INFO(r.out << r.err);
    CHECK(r.out.find("server.properties: note: not checked: larger than the size limit of 2 "
                     "KiB") != std::string::npos);
    CHECK(r.out.find("1 file not checked") != std::string::npos);
    r = test::run_cli({"check", "--to", "3.9", "--max-file-size", "0", dir.file("conf")});
    CHECK(r.out.find("larger than the size limit") == std::string::npos);
    test::write(dir.file(".kafkalint.toml"), "to = \"3.9\"\nmax-file-size = \"3K\"\n");
    r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' check conf");
    CHECK(r.out.find("larger than the size limit of 3 KiB") != std::string::npos);
    test::write(dir.file(".kafkalint.toml"), "max-file-size = \"lots\"\n");
    r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' check conf");
    CHECK(r.code == 2);
    CHECK(r.err.find("'max-file-size' must be a size in bytes") != std::string::npos);
    r = test::run_cli({"check", "--max-file-size", "-1", dir.file("conf")});
    CHECK(r.code == 2);
    r = test::run_cli({"plan", "--from", "2.8", "--to", "3.9", "--max-file-size", "2K",
                       dir.file("conf/server.properties")});
    CHECK(r.code == 2);
    CHECK(r.err.find("larger than the size limit") != std::string::npos);
  }
}
