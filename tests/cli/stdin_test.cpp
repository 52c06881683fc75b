// check reads stdin ('-') under the name --stdin-filename gives it: the basis of editor
// integration. The name decides the file's kind and is what findings and diffs show.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace kafkalint;

namespace {

test::RunResult pipe_check(const std::string& dir, const std::string& input,
                           const std::string& args) {
  test::TempDir tmp;
  test::write(tmp.file("in"), input);
  return test::run_shell("cd '" + dir + "' && NO_COLOR=1 '" + test::binary() + "' check " + args +
                         " < '" + tmp.file("in") + "'");
}

}  // namespace

TEST_SUITE("cli_stdin") {
  TEST_CASE("check -: stdin is checked like the file it names, and never written") {
    test::TempDir dir;
    const std::string broker = "broker.id=1\nnum.partitons=3\n";
    test::write(dir.file("server.properties"), broker);
    const auto on_disk = pipe_check(dir.path(), "", "--to 3.9 server.properties");
    const auto piped =
        pipe_check(dir.path(), broker, "--to 3.9 --stdin-filename server.properties -");
    CHECK(piped.code == 1);
    CHECK(piped.out == on_disk.out);
    // The name alone implies '-'; without a name the file is called '-'.
    CHECK(pipe_check(dir.path(), broker, "--to 3.9 --stdin-filename server.properties").out ==
          on_disk.out);
    const auto dash = pipe_check(dir.path(), broker, "--to 3.9 -");
    CHECK(dash.out.find("-:2:1: warning: unknown key 'num.partitons'") != std::string::npos);

    // A script by its name: the command-line rules apply.
    const auto script = pipe_check(dir.path(), "kafka-topics.sh --zookeeper zk:2181 --list\n",
                                   "--to 3.9 --stdin-filename deploy/topics.sh --format json");
    REQUIRE(nlohmann::json::accept(script.out));
    const auto f = nlohmann::json::parse(script.out)["findings"];
    REQUIRE(f.size() == 1);
    CHECK(f[0]["rule"] == "KL704");
    CHECK(f[0]["file"] == "deploy/topics.sh");

    // --diff shows the fix under the name; --fix has nowhere to write.
    const auto diff =
        pipe_check(dir.path(), broker, "--to 3.9 --diff --stdin-filename x.properties");
    CHECK(diff.out.rfind("--- a/x.properties\n+++ b/x.properties\n", 0) == 0);
    CHECK(diff.out.find("+num.partitions=3\n") != std::string::npos);
    const auto fix = pipe_check(dir.path(), broker, "--to 3.9 --fix -");
    CHECK(fix.code == 2);
    CHECK(fix.err.find("'--fix' cannot write back to stdin; use '--diff'") != std::string::npos);
    CHECK(test::read(dir.file("server.properties")) == broker);
  }

  TEST_CASE("check -: stdin with other paths; misuse is a usage error") {
    test::TempDir dir;
    test::write(dir.file("a.properties"), "broker.id=1\n");
    const auto both =
        pipe_check(dir.path(), "broker.id=2\n",
                   "--to 3.9 --select KL403 a.properties - --stdin-filename b.properties");
    CHECK(both.out.find("a.properties:1:1: warning:") != std::string::npos);
    CHECK(both.out.find("b.properties:1:1: warning:") != std::string::npos);
    CHECK(both.out.find("2 findings in 2 files") != std::string::npos);
    CHECK(pipe_check(dir.path(), "", "- -").code == 2);
    const auto named = pipe_check(dir.path(), "", "--stdin-filename x.properties a.properties");
    CHECK(named.code == 2);
    CHECK(named.err.find("add '-'") != std::string::npos);
  }
}
