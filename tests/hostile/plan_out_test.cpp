// plan --out paths (issue 16 point 9): distinct inputs never land on one output file, no output
// is an input, and a symlink inside the output folder is not written through. Each is a usage
// error before anything is printed or written.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

const char* kBroker =
    "broker.id=1\nzookeeper.connect=zk:2181\nlisteners=PLAINTEXT://kafka-1:9092\n"
    "log.dirs=/data/kafka\ninter.broker.protocol.version=2.8\n";

}  // namespace

TEST_SUITE("hostile_plan_out") {
  TEST_CASE("two inputs that would share an output file are refused") {
    test::TempDir dir;
    test::write(dir.file("conf/server.properties"), kBroker);
    test::write(dir.file("other/conf/server.properties"), kBroker);
    const auto r = test::run_shell("cd '" + dir.file("other") + "' && '" + test::binary() +
                                   "' plan --from 2.8 --to 3.0 conf/server.properties "
                                   "../conf/server.properties --out '" +
                                   dir.file("out") + "'");
    CHECK(r.code == 2);
    CHECK(r.err.find("would both be written") != std::string::npos);
    CHECK(r.out.empty());
    CHECK_FALSE(fs::exists(dir.file("out")));
  }

  TEST_CASE("an output that is an input is refused; the input is untouched") {
    test::TempDir dir;
    test::write(dir.file("phase-1/server.properties"), kBroker);
    const auto r = test::run_shell("cd '" + dir.file("phase-1") + "' && '" + test::binary() +
                                   "' plan --from 2.8 --to 3.0 server.properties --out ..");
    CHECK(r.code == 2);
    CHECK(r.err.find("would overwrite the input") != std::string::npos);
    CHECK(test::read(dir.file("phase-1/server.properties")) == kBroker);
  }

  TEST_CASE("a symlink inside the output folder is not written through") {
    test::TempDir dir;
    test::TempDir elsewhere;
    test::write(dir.file("conf/server.properties"), kBroker);
    fs::create_directories(dir.file("out/phase-1"));
    fs::create_directory_symlink(elsewhere.path(), dir.file("out/phase-1/conf"));
    const auto r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                   "' plan --from 2.8 --to 3.0 conf/server.properties --out out");
    CHECK(r.code == 2);
    CHECK(r.err.find("symlink") != std::string::npos);
    CHECK(fs::is_empty(elsewhere.path()));
  }
}
