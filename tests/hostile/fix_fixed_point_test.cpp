// A safe fix leaves Java's effective map as the finding intends, and --fix reaches a fixed
// point in one run: a second --fix changes nothing.
#include <doctest/doctest.h>

#include <string>

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
}
