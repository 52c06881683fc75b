// CLI habits users bring from other linters: `help CMD`, value names instead of "arg" in every
// --help, and a did-you-mean for a mistyped option.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace kafkalint;

TEST_SUITE("cli_habits") {
  TEST_CASE("help CMD prints the command's help; help alone the overview") {
    const auto a = test::run_cli({"help", "check"});
    const auto b = test::run_cli({"check", "--help"});
    CHECK(a.code == 0);
    CHECK(a.out == b.out);
    CHECK(test::run_cli({"help"}).out == test::run_cli({"--help"}).out);
    CHECK(test::run_cli({"help", "nope"}).code == 2);
  }

  TEST_CASE("every command's --help names its values") {
    for (const char* cmd :
         {"check", "plan", "diff", "show", "edit", "explain", "rules", "versions"}) {
      INFO(cmd);
      const auto r = test::run_cli({cmd, "--help"});
      CHECK(r.code == 0);
      // Boost's placeholder: an option line "  --x arg   what".
      CHECK(r.out.find(" arg  ") == std::string::npos);
    }
    CHECK(test::run_cli({"check", "--help"}).out.find("--to VERSION") != std::string::npos);
  }

  TEST_CASE("a mistyped option gets a did-you-mean and exit 2") {
    const auto r = test::run_cli({"check", "--fromat", "json", "x"});
    CHECK(r.code == 2);
    CHECK(r.err.find("did you mean '--format'") != std::string::npos);
    const auto p = test::run_cli({"plan", "--too", "3.9"});
    CHECK(p.err.find("did you mean '--to'") != std::string::npos);
  }

  TEST_CASE("a command's option before the command, and Boost's errors, in plain words") {
    auto r = test::run_cli({"--to", "3.9", "check", "x"});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "kafkalint: error: '--to' comes before the command; options of 'check' go after it: "
          "kafkalint check --to ...\n");
    r = test::run_cli({"--frobnicate"});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown option '--frobnicate'") != std::string::npos);
    CHECK(test::run_cli({"check", "--to"}).err.find("error: '--to' needs VERSION\n") !=
          std::string::npos);
    CHECK(test::run_cli({"check", "--jobs", "abc"})
              .err.find("'--jobs' expects N; 'abc' is not one") != std::string::npos);
    CHECK(test::run_cli({"check", "--fix", "--fix", "x"}).err.find("'--fix' is given twice") !=
          std::string::npos);
    CHECK(test::run_cli({"show", "a", "b"})
              .err.find("error: too many arguments; usage: kafkalint show FILE") !=
          std::string::npos);
    CHECK(test::run_cli({"check", "--to="}).err.find("'--to=' needs VERSION after the '='") !=
          std::string::npos);
    for (const auto& args : std::vector<std::vector<std::string>>{{"check", "--to"},
                                                                  {"check", "--jobs", "abc"},
                                                                  {"check", "--fix", "--fix"},
                                                                  {"show", "a", "b"},
                                                                  {"check", "--to="}})
      CHECK(test::run_cli(args).err.find("for option") == std::string::npos);  // Boost's words
  }

  TEST_CASE("--statistics counts findings per rule; --exit-zero keeps exit 0") {
    test::TempDir dir;
    test::write(dir.file("server.properties"),
                "broker.id=1\nnum.partitons=3\nlog.retention.hour=1\nnum.io.threads=0\n");
    const auto s = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                   "' check --to 3.9 --statistics server.properties");
    CHECK(s.code == 1);
    CHECK(s.out.find("2\tKL101\tunknown-key\n") != std::string::npos);
    CHECK(s.out.find("1\tKL202\t") != std::string::npos);
    CHECK(s.out.find("fixable with --fix") != std::string::npos);
    CHECK(s.out.find("server.properties:") == std::string::npos);  // no findings listed
    const auto z = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                   "' check --to 3.9 --exit-zero server.properties");
    CHECK(z.code == 0);
    CHECK(z.out.find("KL101") != std::string::npos);
    CHECK(test::run_cli({"check", "--statistics", "--format", "json", dir.path()}).code == 2);
    // Without --to the counts carry the same note as the findings would.
    CHECK(s.out.find("no target version") == std::string::npos);
    const auto n = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                   "' check --statistics server.properties");
    CHECK(n.out.find("KL101") != std::string::npos);
    CHECK(n.out.find("\nnote: no target version: only findings that hold for every Kafka release "
                     "were reported; pass --to") != std::string::npos);
  }

  TEST_CASE("a bootstrap server that is not HOST:PORT is refused before any fix pastes it") {
    test::TempDir dir;
    test::write(dir.file("t.sh"), "kafka-topics.sh --zookeeper zk:2181 --list\n");
    for (const char* bad :
         {"b1:9092' ; touch x ; echo '", "b1:9092 b2:9092", "b1", "$(id):9092", "b1:90a2"}) {
      INFO(bad);
      const auto r = test::run_cli(
          {"check", "--to", "3.9", "--fix", "--bootstrap-server", bad, dir.file("t.sh")});
      CHECK(r.code == 2);
      CHECK(test::read(dir.file("t.sh")) == "kafka-topics.sh --zookeeper zk:2181 --list\n");
    }
    test::write(dir.file(".kafkalint.toml"), "bootstrap-server = \"x;rm -rf /:1\"\n");
    const auto t =
        test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' check --to 3.9 t.sh");
    CHECK(t.code == 2);
    CHECK(t.err.find(".kafkalint.toml") != std::string::npos);
    CHECK(test::run_cli({"check", "--to", "3.9", "--bootstrap-server", "b1:9092,[::1]:9093",
                         dir.file("t.sh")})
              .code == 1);
  }
}
