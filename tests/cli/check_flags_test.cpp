// check -q/--quiet, -v/--verbose, --config FILE and --isolated, run as a user runs them: in a
// project folder with a .kafkalint.toml, a .git folder and an excluded folder.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

struct Project {
  test::TempDir dir;
  Project() {
    fs::create_directories(dir.file(".git"));
    fs::create_directories(dir.file("conf"));
    fs::create_directories(dir.file("vendor"));
    test::write(dir.file(".kafkalint.toml"), "to = \"3.9\"\nexclude = [\"vendor\"]\n");
    test::write(dir.file("conf/server.properties"), "broker.id=1\nnum.partitons=3\n");
    test::write(dir.file("vendor/server.properties"), "broker.id=1\nnum.partitons=3\n");
    test::write(dir.file("other.toml"), "to = \"3.9\"\nignore = [\"KL101\"]\n");
  }
  test::RunResult check(const std::string& args) const {
    return test::run_shell("cd '" + dir.path() + "' && NO_COLOR=1 '" + test::binary() + "' check " +
                           args);
  }
};

}  // namespace

TEST_SUITE("cli_check_flags") {
  TEST_CASE("check -q prints the findings and nothing else") {
    Project p;
    const auto normal = p.check("");
    const auto quiet = p.check("-q");
    CHECK(quiet.code == normal.code);
    CHECK(normal.out.find("4 findings in 1 file") != std::string::npos);
    CHECK(quiet.out.find("finding") == std::string::npos);  // no summary
    CHECK(quiet.out == normal.out.substr(0, normal.out.find("4 findings in 1 file")));
    CHECK(quiet.err.empty());
    // Nor the no-target note, nor the --statistics totals.
    const auto note = p.check("--isolated --quiet conf");
    CHECK(note.out.find("KL101") != std::string::npos);
    CHECK(note.out.find("note:") == std::string::npos);
    const auto stats = p.check("-q --statistics");
    CHECK(stats.out ==
          "1\tKL101\tunknown-key\n1\tKL403\tmin-insync-replicas-one\n"
          "1\tKL409\tdefault-replication-factor-one\n1\tKL410\tauto-create-topics-enabled\n");
    CHECK(p.check("-q -v").code == 2);
  }

  TEST_CASE("check -v tells the settings file, the folders not entered and the time") {
    Project p;
    const auto v = p.check("-v");
    CHECK(v.out == p.check("").out);  // stdout is unchanged
    const std::string toml = fs::canonical(p.dir.file(".kafkalint.toml")).string();
    CHECK(v.err.find("kafkalint: settings: " + toml + "\n") != std::string::npos);
    CHECK(v.err.find("kafkalint: not entered: .git (version control or build folder)\n") !=
          std::string::npos);
    CHECK(v.err.find("kafkalint: not entered: vendor (excluded by the settings)\n") !=
          std::string::npos);
    CHECK(v.err.find("kafkalint: checked 1 file in ") != std::string::npos);
    const auto none = p.check("--verbose --isolated conf");
    CHECK(none.err.find("kafkalint: settings: none (--isolated)\n") != std::string::npos);
  }

  TEST_CASE("check --config reads another settings file; --isolated reads none") {
    Project p;
    // other.toml does not exclude vendor/ and ignores KL101.
    const auto c = p.check("--config other.toml");
    CHECK(c.out.find("vendor/server.properties") != std::string::npos);
    CHECK(c.out.find("KL101") == std::string::npos);
    CHECK(c.out.find("no target version") == std::string::npos);  // to = 3.9 from other.toml
    // No settings at all: no target, vendor/ checked, KL101 reported.
    const auto i = p.check("--isolated");
    CHECK(i.out.find("vendor/server.properties") != std::string::npos);
    CHECK(i.out.find("KL101") != std::string::npos);
    CHECK(i.out.find("no target version") != std::string::npos);
    // A missing or broken file is an error, never a silent fallback to no settings.
    const auto missing = p.check("--config nope.toml");
    CHECK(missing.code == 2);
    CHECK(missing.err.find("nope.toml") != std::string::npos);
    test::write(p.dir.file("bad.toml"), "to = 3.9.1\n");
    CHECK(p.check("--config bad.toml").code == 2);
    CHECK(p.check("--config other.toml --isolated").code == 2);
  }

  TEST_CASE("check finds .kafkalint.toml from the checked paths upward, not from here") {
    Project p;
    test::TempDir elsewhere;
    test::write(elsewhere.file(".kafkalint.toml"), "select = [\"KL403\"]\n");
    const std::string cmd =
        "cd '" + elsewhere.path() + "' && NO_COLOR=1 '" + test::binary() + "' check -v ";
    // The project's settings (to = 3.9, vendor excluded) apply to the project's files.
    const auto r = test::run_shell(cmd + "'" + fs::absolute(p.dir.file("conf")).string() + "' '" +
                                   fs::absolute(p.dir.file("vendor")).string() +
                                   "/../conf/server.properties'");
    CHECK(r.out.find("KL101") != std::string::npos);  // not only KL403, as here would say
    CHECK(r.out.find("no target version") == std::string::npos);
    CHECK(r.err.find("kafkalint: settings: " +
                     fs::canonical(p.dir.file(".kafkalint.toml")).string()) != std::string::npos);
    // No path: the working directory's.
    const auto here = test::run_shell(cmd + "--to 3.9");
    CHECK(here.err.find("kafkalint: settings: " +
                        fs::canonical(elsewhere.file(".kafkalint.toml")).string()) !=
          std::string::npos);
  }
}
