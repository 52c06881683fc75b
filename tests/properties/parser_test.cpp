// Unit tests of the lossless document model: spans, positions, comments, the effective
// map, and the text helpers (Java string order, JSON, escaping).

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "properties/document.h"
#include "properties/text.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint::properties;

namespace {

std::string slice(const Document& d, Span s) { return d.text().substr(s.begin, s.size()); }

// Entries and comments must be in order, inside the text and never overlap: that is what
// makes write() byte-exact and edits local.
void check_partition(const Document& d) {
  std::size_t at = 0;
  std::size_t ci = 0;
  for (const Entry& e : d.entries()) {
    while (ci < d.comments().size() && d.comments()[ci].raw.begin < e.raw.begin) {
      CHECK(d.comments()[ci].raw.begin >= at);
      at = d.comments()[ci++].raw.end;
    }
    CHECK(e.raw.begin >= at);
    CHECK(e.raw.begin <= e.key.begin);
    CHECK(e.key.begin <= e.key.end);
    CHECK(e.key.end <= e.value.begin);
    CHECK(e.value.end <= e.raw.end);
    at = e.raw.end;
  }
  CHECK(at <= d.text().size());
}

}  // namespace

TEST_SUITE("properties") {
  TEST_CASE("properties: spans and positions of a simple entry") {
    const auto r = parse("# c\n  key = value \nnext:1", "f");
    REQUIRE(r.ok());
    const Document& d = r.doc;
    REQUIRE(d.entries().size() == 2);
    const Entry& e = d.entries()[0];
    CHECK(slice(d, e.raw) == "  key = value \n");
    CHECK(slice(d, e.key) == "key");
    CHECK(slice(d, e.separator()) == " = ");
    CHECK(slice(d, e.value) == "value ");
    CHECK(d.key(e) == "key");
    CHECK(d.value(e) == "value ");  // Java keeps trailing whitespace
    CHECK(e.line == 2);
    CHECK(e.column == 3);
    CHECK(e.value_line == 2);
    CHECK(e.value_column == 9);
    CHECK_FALSE(e.continued);
    const Entry& n = d.entries()[1];
    CHECK(slice(d, n.raw) == "next:1");
    CHECK(n.line == 3);
    REQUIRE(d.comments().size() == 1);
    CHECK(slice(d, d.comments()[0].raw) == "# c");
    CHECK(d.comments()[0].line == 1);
    CHECK_FALSE(d.ends_with_newline());
  }

  TEST_CASE("properties: a continued entry keeps every physical line in its raw span") {
    const auto r = parse("a=1\nlong=x \\\n   y \\\n  z\nb=2\n", "f");
    REQUIRE(r.ok());
    const Entry& e = r.doc.entries()[1];
    CHECK(r.doc.value(e) == "x y z");
    CHECK(slice(r.doc, e.raw) == "long=x \\\n   y \\\n  z\n");
    CHECK(slice(r.doc, e.value) == "x \\\n   y \\\n  z");
    CHECK(e.continued);
    CHECK(e.line == 2);
    CHECK(e.last_line == 4);
    CHECK(r.doc.entries()[2].line == 5);
  }

  TEST_CASE("properties: a value starting on a continuation line is located there") {
    const auto r = parse("key = \\\n    value\n", "f");
    const Entry& e = r.doc.entries()[0];
    CHECK(r.doc.value(e) == "value");
    CHECK(e.value_line == 2);
    CHECK(e.value_column == 5);
  }

  TEST_CASE("properties: Java's line reader corner cases") {
    // A comment line never continues; a continuation line starting with '#' is value text.
    CHECK(parse("#a\\\nb=1\n", "f").doc.entries().size() == 1);
    CHECK(parse("a=1\\\n#2\n", "f").doc.value(parse("a=1\\\n#2\n", "f").doc.entries()[0]) == "1#2");
    // A blank line after a continuation ends the entry.
    auto r = parse("a=1\\\n  \nb=2\n", "f");
    REQUIRE(r.doc.entries().size() == 2);
    CHECK(r.doc.value(r.doc.entries()[0]) == "1");
    CHECK(slice(r.doc, r.doc.entries()[0].raw) == "a=1\\\n  \n");
    // ...but after a line holding only '\', nothing was read yet: Java goes on.
    r = parse("\\\n\nb=2\n", "f");
    REQUIRE(r.doc.entries().size() == 1);
    CHECK(r.doc.key(r.doc.entries()[0]) == "b");
    // A '\' before the last line break of the file makes an entry even when empty; before
    // a final "\r\n" it does not (Java peeks one byte past '\r' only).
    CHECK(parse("\\\n", "f").doc.entries().size() == 1);
    CHECK(parse("\\\r\n", "f").doc.entries().empty());
    CHECK(parse("\\\r\n", "f").doc.ends_in_continuation());
    CHECK(parse("a=b\\", "f").doc.ends_in_continuation());
    CHECK_FALSE(parse("a=b\\\\", "f").doc.ends_in_continuation());
    // "\r\n" after a backslash is one line break, "\r\r" two.
    r = parse("a=b\\\r\nc\r\n", "f");
    CHECK(r.doc.value(r.doc.entries()[0]) == "bc");
    r = parse("a=b\\\r\rc", "f");
    CHECK(r.doc.entries().size() == 2);
  }

  TEST_CASE("properties: decoding is ISO-8859-1 plus escapes, UTF-8 out") {
    auto r = parse("\xEF\xBB\xBFk=caf\xE9 \\u00e9\\u4E2D\\uD83D\\uDE00\\uD800\n", "f");
    REQUIRE(r.ok());
    const Entry& e = r.doc.entries()[0];
    CHECK(r.doc.key(e) == "\xC3\xAF\xC2\xBB\xC2\xBFk");  // BOM bytes are part of the key
    CHECK(r.doc.value(e) == "caf\xC3\xA9 \xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\xED\xA0\x80");
    r = parse("k=\\t\\n\\r\\f\\a\\\\\\=\n", "f");
    CHECK(r.doc.value(r.doc.entries()[0]) == "\t\n\r\fa\\=");
  }

  TEST_CASE("properties: malformed \\u escapes are located errors, the document stays whole") {
    const std::string text = "ok=1\r\nbad=x\\u12G4\r\nkey\\u0=1\r\n";
    const auto r = parse(text, "dir/server.properties");
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].where.file == "dir/server.properties");
    CHECK(r.errors[0].where.line == 2);
    CHECK(r.errors[0].where.column == 6);
    CHECK(r.errors[0].message.find("'\\u12G4'") != std::string::npos);
    CHECK(r.errors[1].where.line == 3);
    CHECK(r.errors[1].where.column == 4);
    CHECK(r.doc.entries()[1].malformed);
    CHECK_FALSE(r.doc.entries()[0].malformed);
    CHECK(write(r.doc) == text);
  }

  TEST_CASE("properties: duplicates: every occurrence kept, the last one wins") {
    const auto r = parse("a=1\nb=x\na=2\n", "f");
    const auto all = r.doc.find_all("a");
    REQUIRE(all.size() == 2);
    CHECK(all[0]->line == 1);
    CHECK(all[1]->line == 3);
    CHECK(r.doc.find("a") == all[1]);
    CHECK(r.doc.find("zz") == nullptr);
    const auto map = r.doc.effective();
    REQUIRE(map.size() == 2);
    CHECK(map[0].first == "a");
    CHECK(map[0].second == "2");
  }

  TEST_CASE("properties: line ending and final newline detection") {
    CHECK(parse("a=1\r\nb=2\n", "f").doc.line_ending() == "\r\n");
    CHECK(parse("a=1\rb=2\n", "f").doc.line_ending() == "\r");
    CHECK(parse("a=1\nb=2\r\n", "f").doc.line_ending() == "\n");
    CHECK(parse("a=1", "f").doc.line_ending() == "\n");
    CHECK(parse("", "f").doc.ends_with_newline());
    CHECK(parse("a\r", "f").doc.ends_with_newline());
  }

  TEST_CASE("properties: round trip and partition on every corpus file") {
    const auto shared = kafkalint::test::shared_dir();
    if (!shared) {
      MESSAGE("../shared is absent: corpus round trip skipped");
      return;
    }
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(*shared + "/corpus")) {
      if (!e.is_regular_file()) continue;
      const std::string bytes = kafkalint::test::read(e.path().string());
      INFO(e.path().string());
      const auto r = parse(bytes, e.path().string());
      CHECK(write(r.doc) == bytes);
      check_partition(r.doc);
      ++files;
    }
    CHECK(files > 10);
  }

  TEST_CASE("properties: utf16_less is Java's String.compareTo") {
    CHECK(utf16_less("a", "b"));
    CHECK(utf16_less("", "a"));
    CHECK(utf16_less("a", "ab"));
    CHECK_FALSE(utf16_less("ab", "ab"));
    CHECK(utf16_less("B", "a"));
    // U+1F600 is "\uD83D\uDE00" in UTF-16: below U+E000 and U+FFFF, unlike in UTF-8.
    CHECK(utf16_less("\xF0\x9F\x98\x80", "\xEE\x80\x80"));
    CHECK(utf16_less("\xF0\x9F\x98\x80", "\xEF\xBF\xBF"));
    CHECK(utf16_less("\xEE\x80\x80", "\xEF\xBF\xBF"));
    CHECK(utf16_less("\xED\x9F\xBF", "\xF0\x9F\x98\x80"));
    // A lone high surrogate followed by U+E000 sorts above the pair with that high surrogate.
    CHECK(utf16_less("\xF0\x90\x80\x80", "\xED\xA0\x80\xEE\x80\x80"));
    CHECK(utf16_less("\xED\xA0\x80x", "\xF0\x90\x80\x80"));
  }

  TEST_CASE("properties: JSON strings denote the Java string exactly") {
    std::string out;
    append_json_string(
        out, "a\"b\\c\b\f\n\r\t\x01\x1F\x7F\xC3\xA9\xF0\x9F\x98\x80\xED\xA0\x80\xED\xBF\xBF");
    CHECK(out ==
          "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001F\x7F\xC3\xA9\xF0\x9F\x98\x80\\uD800\\uDFFF\"");
    out.clear();
    append_json_string(out, "\xFF");
    CHECK(out == "\"\\uFFFD\"");
  }

  TEST_CASE("properties: escaping for keys and values") {
    CHECK(escape_key("a b=c:d#e!f\\g\th") == "a\\ b\\=c\\:d\\#e\\!f\\\\g\\th");
    CHECK(escape_value("  x y=z:#!") == "\\ \\ x y=z:#!");
    CHECK(escape_value("\t\fx") == "\\t\\fx");
    CHECK(escape_value("=x=") == "\\=x=");
    CHECK(escape_value(":x") == "\\:x");
    CHECK(escape_value("a\nb\r") == "a\\nb\\r");
    CHECK(escape_value("caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80") ==
          "caf\\u00E9 \\u4E2D \\uD83D\\uDE00");
    CHECK(escape_value("\xED\xA0\x80") == "\\uD800");
    CHECK(escape_value("\xE9") == "\\u00E9");  // not UTF-8: taken as ISO-8859-1
    CHECK(escape_value("\x01\x7F") == "\\u0001\\u007F");
    CHECK(escape_key("") == "");
  }

  TEST_CASE("properties: to_properties prints a file that loads to the same map") {
    const auto r = parse("b = 2\n a\\ key=\\u00e9\\\n  x\nc=\\ \\ lead\n", "f");
    const std::string text = to_properties(r.doc);
    CHECK(text == "a\\ key=\\u00E9x\nb=2\nc=\\ \\ lead\n");
    CHECK(to_json(parse(text, "g").doc) == to_json(r.doc));
    CHECK(to_json(parse("", "f").doc) == "{}\n");
  }
}
