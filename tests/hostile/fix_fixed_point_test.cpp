// A safe fix leaves Java's effective map as the finding intends, and --fix reaches a fixed
// point in one run: a second --fix changes nothing.
#include <doctest/doctest.h>

#include <string>

#include "checks/props_file.h"
#include "properties/document.h"
#include "test_support.h"

using namespace kafkalint;

namespace {

// The value Java keeps for `key` (the last entry), or "<unset>".
std::string effective(const std::string& text, const std::string& key) {
  const properties::ParseResult parsed = properties::parse(text, "f");
  const properties::Entry* e = parsed.doc.find(key);
  return e ? std::string(parsed.doc.value(*e)) : "<unset>";
}

struct Case {
  const char* name;
  const char* text;
  const char* partitions;  // num.partitions as Java loads the fixed file
  const char* typo;        // num.partitons as Java loads it
};

}  // namespace

TEST_SUITE("hostile_fixes") {
  TEST_CASE("fixes of a misspelt key keep the value Java used, and a second --fix is a no-op") {
    const std::string head = "broker.id=1\nzookeeper.connect=zk:2181\nlog.dirs=/d\n";
    const Case cases[] = {
        // Duplicates of the typo: the earlier, ignored entry goes (KL107), then the rename.
        {"duplicate typo", "num.partitons=2\nnum.partitons=3\n", "3", "<unset>"},
        // The effective entry is continued over two lines: its key cannot be renamed, and the
        // ignored first entry must not become num.partitions=100.
        {"continued effective entry", "num.partitons=100\nnu\\\n  m.partitons=1\n", "<unset>", "1"},
        // The effective entry's key is escaped: the same.
        {"escaped effective entry", "num.partitons=100\nnum.partit\\ons=1\n", "<unset>", "1"},
        {"single typo", "num.partitons=7\n", "7", "<unset>"},
    };
    for (const Case& c : cases) {
      INFO(c.name);
      test::TempDir tmp;
      const std::string path = tmp.file("server.properties");
      test::write(path, head + c.text);
      test::run_cli({"check", "--to", "3.9", "--fix", path});
      const std::string once = test::read(path);
      CHECK(effective(once, "num.partitions") == c.partitions);
      CHECK(effective(once, "num.partitons") == c.typo);
      test::run_cli({"check", "--to", "3.9", "--fix", path});
      CHECK(test::read(path) == once);
    }
  }

  // Found by tests/hostile/fix_java_test.cpp; each --fix is run twice, the second a no-op.
  TEST_CASE("fixes found unsafe by the differential test against Java") {
    struct Exact {
      const char* name;
      const char* args;
      const char* text;
      const char* fixed;
    };
    const Exact cases[] = {
        // Two misspellings of one key were both renamed, then the duplicate fix dropped the
        // first value: only the first is renamed, the other stays for the user.
        {"two misspellings of one key", "--to 3.9",
         "broker.id=1\nlog.dirs=/d\nnum.partitons=1\nnum.partiions=2\n",
         "broker.id=1\nlog.dirs=/d\nnum.partitions=1\nnum.partiions=2\n"},
        // Behind a byte order mark, "\tnum.partitons=100" is the key "ï»¿" (value
        // "num.partitons=100"); once the mark goes it is an earlier, ignored num.partitons.
        // Renamed in the same pass, the later one left it effective: the mark goes first now.
        {"byte order mark before a blank", "--to 3.9",
         "\xEF\xBB\xBF\tnum.partitons=100\nnum.partitons=1\nlog.dirs=/d\n",
         "num.partitions=1\nlog.dirs=/d\n"},
        // A last line that is only a backslash is the key "" for Java; the appended pin
        // would continue it away: no pin fix (KL804 still says what to add).
        {"pin after a lone backslash", "--from 3.0 --to 3.9",
         "broker.id=1\nlog.dirs=/d\nzookeeper.connect=zk:2181\n  \\\n",
         "broker.id=1\nlog.dirs=/d\nzookeeper.connect=zk:2181\n  \\\n"},
        // The file ends in "\\\r" and uses "\n": the empty line closing the continuation is
        // "\r", since a "\n" would join the "\r" and continue y into the pin.
        {"pin after a continuation ending in CR", "--from 3.0 --to 3.9",
         "broker.id=1\nlog.dirs=/d\nzookeeper.connect=zk:2181\ny=2\\\r",
         "broker.id=1\nlog.dirs=/d\nzookeeper.connect=zk:2181\ny=2\\\r\r"
         "inter.broker.protocol.version=3.0\n"},
    };
    for (const Exact& c : cases) {
      INFO(c.name);
      test::TempDir tmp;
      const std::string path = tmp.file("server.properties");
      test::write(path, c.text);
      const std::string cmd =
          "'" + test::binary() + "' check --isolated " + c.args + " --fix '" + path + "'";
      test::run_shell(cmd);
      CHECK(test::read(path) == c.fixed);
      test::run_shell(cmd);
      CHECK(test::read(path) == c.fixed);
    }
  }

  // Found by fuzz/fix_fuzzer: KL101 renamed a misspelt inter.broker.protocol.version while
  // KL804 appended the pin in the same pass; the next pass's duplicate fix then dropped the
  // value the user wrote (0.10.2) and kept only the appended pin.
  TEST_CASE("a pin is not appended while a rename produces the same key") {
    test::TempDir tmp;
    const std::string path = tmp.file("server.properties");
    test::write(path, std::string("broker.id=2\nzookeeper.connect=zk:2181\nlog.dirs=/d\n"
                                  "inter.broker.protocl.version=0.10.2\n"));
    test::run_cli({"check", "--isolated", "--from", "2.1", "--to", "3.9", "--fix", path});
    const std::string once = test::read(path);
    CHECK(effective(once, "inter.broker.protocol.version") == "0.10.2");
    CHECK(effective(once, "inter.broker.protocl.version") == "<unset>");
    test::run_cli({"check", "--isolated", "--from", "2.1", "--to", "3.9", "--fix", path});
    CHECK(test::read(path) == once);
  }

  // Found by fuzz/fix_fuzzer: in a template, a `{{ ... }}` that spans lines hides the
  // key=value lines inside it from the rendered file, so the rename of a misspelt key after it
  // is judged on the rendered view (the one the check reads), not on the raw text.
  TEST_CASE("a template's rename is judged on the rendered file, and a second --fix is a no-op") {
    test::TempDir tmp;
    const std::string path = tmp.file("server.properties");
    test::write(path, std::string("broker.id={{ broker_id }}\n"
                                  "listeners={{ kafka_listeners\n"
                                  "zookeeper.connect=old:2181\n"
                                  "}}\nlog.dirs=/d\n"
                                  "zoooeeper.connect=zk:2181\n"));
    test::run_cli({"check", "--isolated", "--from", "2.1", "--to", "3.9", "--fix", path});
    const std::string once = test::read(path);
    const auto rendered = checks::load_props(path, once);
    REQUIRE(rendered->parsed.ok());
    const properties::Entry* zk = rendered->doc().find("zookeeper.connect");
    REQUIRE(zk != nullptr);
    CHECK(rendered->doc().value(*zk) == "zk:2181");
    CHECK(rendered->doc().find("zoooeeper.connect") == nullptr);
    CHECK(once.find("zookeeper.connect=old:2181\n") != std::string::npos);  // inside {{ }}
    test::run_cli({"check", "--isolated", "--from", "2.1", "--to", "3.9", "--fix", path});
    CHECK(test::read(path) == once);
  }
}
