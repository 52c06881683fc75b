// `kafkalint show` and `kafkalint edit`, in-process and through the real binary.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "test_support.h"

using kafkalint::test::read;
using kafkalint::test::run_cli;
using kafkalint::test::run_shell;
using kafkalint::test::TempDir;
using kafkalint::test::write;

namespace {

mode_t mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

ino_t inode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_ino;
}

}  // namespace

TEST_SUITE("properties") {
  TEST_CASE("show: json prints the effective map, keys sorted") {
    TempDir tmp;
    write(tmp.file("s.properties"), "b=2\r\na = x \\\r\n  y\r\n# c\r\nb=3\r\n");
    auto r = run_cli({"show", tmp.file("s.properties"), "--format", "json"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "{\n  \"a\": \"x y\",\n  \"b\": \"3\"\n}\n");
    r = run_cli({"show", "--format=json", tmp.file("s.properties")});
    CHECK(r.out == "{\n  \"a\": \"x y\",\n  \"b\": \"3\"\n}\n");
  }

  TEST_CASE("show: text prints one escaped key=value line per key") {
    TempDir tmp;
    write(tmp.file("s.properties"), "b=2\nkey\\ one=caf\\u00e9\\n\n");
    const auto r = run_cli({"show", tmp.file("s.properties")});
    CHECK(r.code == 0);
    CHECK(r.out == "b=2\nkey\\ one=caf\\u00E9\\n\n");
  }

  TEST_CASE("show: errors exit 2 with file:line:col") {
    TempDir tmp;
    auto r = run_cli({"show", tmp.file("missing.properties")});
    CHECK(r.code == 2);
    CHECK(r.err.find(tmp.file("missing.properties") + ": error: cannot open file") == 0);
    write(tmp.file("bad.properties"), "a=1\nb=x\\u00\n");
    r = run_cli({"show", tmp.file("bad.properties")});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind(tmp.file("bad.properties") + ":2:4: error: malformed \\uxxxx escape '\\u00'",
                      0) == 0);
    r = run_cli({"show", tmp.file("bad.properties"), "--format", "yaml"});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown format 'yaml'") != std::string::npos);
    r = run_cli({"show"});
    CHECK(r.code == 2);
  }

  TEST_CASE("show: --help prints the synopsis") {
    const auto r = run_cli({"show", "--help"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("usage: kafkalint show FILE [--format text|json]", 0) == 0);
  }

  TEST_CASE("edit: no operation prints the file byte for byte") {
    TempDir tmp;
    const std::string text = "\xEF\xBB\xBF# x\r\na=1\\\n  2\rb=\xE9\n\n  c";
    write(tmp.file("e.properties"), text);
    const auto r = run_cli({"edit", tmp.file("e.properties")});
    CHECK(r.code == 0);
    CHECK(r.out == text);
  }

  TEST_CASE("edit: operations apply in command-line order") {
    TempDir tmp;
    write(tmp.file("e.properties"), "a=1\nb=2\n");
    auto r = run_cli({"edit", tmp.file("e.properties"), "--set", "a=x", "--unset", "a", "--set",
                      "a=y", "--comment", "b", "--set=c=1=2"});
    CHECK(r.code == 0);
    CHECK(r.out == "#b=2\na=y\nc=1=2\n");
    r = run_cli({"edit", tmp.file("e.properties"), "--unset", "a", "--set", "a=x"});
    CHECK(r.out == "b=2\na=x\n");
    r = run_cli({"edit", tmp.file("e.properties"), "--unset", "zz"});
    CHECK(r.code == 0);
    CHECK(r.out == "a=1\nb=2\n");
    CHECK(r.err.find("'zz' is not set") != std::string::npos);
  }

  TEST_CASE("edit: --diff prints a unified diff of the edit") {
    TempDir tmp;
    write(tmp.file("e.properties"), "a=1\nb=2\nc=3");
    auto r = run_cli({"edit", tmp.file("e.properties"), "--set", "b=two", "--diff"});
    CHECK(r.code == 0);
    const std::string f = tmp.file("e.properties");
    // Named relative to the working directory when under it, else from '/' (never "a//tmp"):
    // the names git apply accepts.
    const std::string full = std::filesystem::absolute(f).lexically_normal().generic_string();
    const std::string rel = std::filesystem::path(full)
                                .lexically_relative(std::filesystem::current_path())
                                .generic_string();
    const bool under = rel.rfind("..", 0) != 0;
    const std::string n = under ? rel : full.substr(1);
    CHECK(r.out == "--- a/" + n + "\n+++ b/" + n + "\n@@ -1,3 +1,3 @@\n a=1\n-b=2\n+b=two\n c=3\n" +
                       "\\ No newline at end of file\n");
    CHECK((r.err.find("git -C / apply") != std::string::npos) == !under);
    r = run_cli({"edit", f, "--diff"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
  }

  TEST_CASE("edit: --write replaces the file atomically and keeps its mode") {
    TempDir tmp;
    const std::string f = tmp.file("e.properties");
    write(f, "a=1\r\n");
    REQUIRE(::chmod(f.c_str(), 0640) == 0);
    // The file is replaced by a rename, not rewritten: its inode changes. (A second hard link
    // would show it too, but kafkalint refuses to split hard links.)
    const ino_t before = inode_of(f);
    const auto r = run_cli({"edit", f, "--set", "b=2", "--write"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(read(f) == "a=1\r\nb=2\r\n");
    CHECK(mode_of(f) == 0640);
    CHECK(inode_of(f) != before);
    // No temporary file is left behind.
    CHECK(run_shell("ls -A '" + tmp.path() + "' | wc -l").out == "1\n");
  }

  TEST_CASE("edit: usage errors and refused files exit 2 and write nothing") {
    TempDir tmp;
    const std::string f = tmp.file("e.properties");
    write(f, "a=1\n");
    auto r = run_cli({"edit", f, "--set", "novalue", "--write"});
    CHECK(r.code == 2);
    CHECK(r.err.find("'--set' needs KEY=VALUE, got 'novalue'") != std::string::npos);
    r = run_cli({"edit", f, "--write", "--diff"});
    CHECK(r.code == 2);
    r = run_cli({"edit", f, "--bogus"});
    CHECK(r.code == 2);
    write(f, "a=\\uXY\n");
    r = run_cli({"edit", f, "--set", "a=2", "--write"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind(f + ":1:3: error: malformed", 0) == 0);
    CHECK(read(f) == "a=\\uXY\n");
    r = run_cli({"edit", tmp.file("missing"), "--set", "a=1"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
  }

  TEST_CASE("show/edit: the real binary") {
    TempDir tmp;
    const std::string f = tmp.file("server.properties");
    write(f, "broker.id=0\r\nlog.dirs=/data\r\n");
    const std::string bin = "'" + kafkalint::test::binary() + "'";
    auto r = run_shell(bin + " show '" + f + "' --format json");
    CHECK(r.code == 0);
    CHECK(r.out == "{\n  \"broker.id\": \"0\",\n  \"log.dirs\": \"/data\"\n}\n");
    r = run_shell(bin + " edit '" + f + "' --set broker.id=7 --comment log.dirs --write");
    CHECK(r.code == 0);
    CHECK(read(f) == "broker.id=7\r\n#log.dirs=/data\r\n");
    write(f, "x=\\u1\n");
    r = run_shell(bin + " show '" + f + "'");
    CHECK(r.code == 2);
    CHECK(r.err.find(":1:3: error: malformed") != std::string::npos);
  }
}
