// What only a user without root's powers meets (tools/run-unprivileged.sh runs these as
// nobody; as root they are skipped, since root reads and writes whatever it likes): a config in
// a folder the user may not write, a config owned by someone else, an unreadable file. Each is
// refused with a message naming the file, and the file keeps its bytes and its owner.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "test_support.h"

using namespace kafkalint;

namespace {

const char* kTypo = "broker.id=1\nnum.partitons=3\n";

bool unprivileged() {
  if (::geteuid() != 0) return true;
  MESSAGE("running as root: permissions do not apply (tools/run-unprivileged.sh runs these)");
  return false;
}

// `kafkalint ARGS` as a process, from `dir`.
test::RunResult run_in(const std::string& dir, const std::string& args) {
  return test::run_shell("cd '" + dir + "' && '" + test::binary() + "' " + args);
}

}  // namespace

TEST_SUITE("hostile_unprivileged") {
  TEST_CASE("--fix of a config in a folder the user may not write is refused, file intact") {
    if (!unprivileged()) return;
    test::TempDir dir;
    test::write(dir.file("conf/server.properties"), kTypo);
    REQUIRE(::chmod(dir.file("conf").c_str(), 0555) == 0);
    const auto r = run_in(dir.path(), "check --to 3.9 --fix conf/server.properties");
    ::chmod(dir.file("conf").c_str(), 0755);  // so that the folder can be removed
    CHECK(r.code == 2);
    CHECK(r.err.find("conf/server.properties") != std::string::npos);
    CHECK(r.err.find("cannot create a temporary file next to it") != std::string::npos);
    CHECK(test::read(dir.file("conf/server.properties")) == kTypo);
    // edit --write says the same.
    REQUIRE(::chmod(dir.file("conf").c_str(), 0555) == 0);
    const auto e = run_in(dir.path(), "edit conf/server.properties --set num.io.threads=8 --write");
    ::chmod(dir.file("conf").c_str(), 0755);
    CHECK(e.code == 2);
    CHECK(e.err.find("cannot create a temporary file") != std::string::npos);
    CHECK(test::read(dir.file("conf/server.properties")) == kTypo);
  }

  TEST_CASE("a config owned by another user is not replaced, even when writable") {
    if (!unprivileged()) return;
    // Prepared by tools/run-unprivileged.sh: owned by root, mode 0666, in a folder we own.
    const char* foreign = std::getenv("KAFKALINT_FOREIGN_FILE");
    if (!foreign || !*foreign) {
      MESSAGE("KAFKALINT_FOREIGN_FILE not set: skipped");
      return;
    }
    const std::string before = test::read(foreign);
    const std::string folder = std::string(foreign).substr(0, std::string(foreign).rfind('/'));
    const auto r = run_in(folder, "check --to 3.9 --fix server.properties");
    CHECK(r.code == 2);
    CHECK(r.err.find("server.properties: error: the file is owned by another user or group") !=
          std::string::npos);
    CHECK(test::read(foreign) == before);
    struct stat st {};
    REQUIRE(::stat(foreign, &st) == 0);
    CHECK(st.st_uid == 0u);
    // And the run leaves no temporary file next to it.
    const auto ls = test::run_shell("ls -A '" + folder + "'");
    CHECK(ls.out == "server.properties\n");
  }

  TEST_CASE("a read-only config is refused; an unreadable one is reported, not skipped") {
    if (!unprivileged()) return;
    test::TempDir dir;
    test::write(dir.file("server.properties"), kTypo);
    REQUIRE(::chmod(dir.file("server.properties").c_str(), 0444) == 0);
    const auto r = run_in(dir.path(), "check --to 3.9 --fix server.properties");
    CHECK(r.code == 2);
    CHECK(r.err.find("read-only") != std::string::npos);
    CHECK(test::read(dir.file("server.properties")) == kTypo);

    REQUIRE(::chmod(dir.file("server.properties").c_str(), 0000) == 0);
    const auto u = run_in(dir.path(), "check --to 3.9 server.properties");
    ::chmod(dir.file("server.properties").c_str(), 0644);
    CHECK(u.code == 2);
    CHECK(u.out.find("server.properties") != std::string::npos);
    CHECK(u.out.find("KL901") != std::string::npos);
  }
}
