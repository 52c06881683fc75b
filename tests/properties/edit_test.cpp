// Lossless edits: set in place or append, unset, comment; only the edited lines change.

#include <doctest/doctest.h>

#include <string>

#include "properties/document.h"
#include "properties/edit.h"

using namespace kafkalint::properties;

namespace {

// Applies `op` to `text` and returns the new text ("ERROR: message" when the edit fails).
template <typename Op>
std::string edited(const std::string& text, Op op) {
  ParseResult r = parse(text, "f.properties");
  REQUIRE(r.ok());
  if (auto err = op(r.doc)) return "ERROR: " + err->message;
  return write(r.doc);
}

std::string set_(const std::string& text, std::string_view k, std::string_view v) {
  return edited(text, [&](Document& d) { return set(d, k, v); });
}
std::string unset_(const std::string& text, std::string_view k) {
  return edited(text, [&](Document& d) { return unset(d, k); });
}
std::string comment_(const std::string& text, std::string_view k) {
  return edited(text, [&](Document& d) { return comment(d, k); });
}

}  // namespace

TEST_SUITE("properties") {
  TEST_CASE("edit: set replaces the last entry's value in place, keeping its separator") {
    CHECK(set_("# c\na = 1\nb: 2\na   3 \n", "a", "9") == "# c\na = 1\nb: 2\na   9\n");
    CHECK(set_("x=1\r\nkey : old\r\ny=2\r\n", "key", "new") == "x=1\r\nkey : new\r\ny=2\r\n");
    // A continued value is replaced whole, continuation lines included.
    CHECK(set_("a=1 \\\n  2 \\\n  3\nb=4\n", "a", "x") == "a=x\nb=4\n");
    // An entry without separator gets one.
    CHECK(set_("flag\nb=1\n", "flag", "on") == "flag=on\nb=1\n");
    // The key is matched as Java decodes it.
    CHECK(set_("k\\u0065y=1\n", "key", "2") == "k\\u0065y=2\n");
  }

  TEST_CASE("edit: set appends a missing key with the file's line ending and final newline") {
    CHECK(set_("a=1\n", "b", "2") == "a=1\nb=2\n");
    CHECK(set_("a=1\r\n", "b", "2") == "a=1\r\nb=2\r\n");
    CHECK(set_("a=1", "b", "2") == "a=1\nb=2");
    CHECK(set_("a=1\r\nc=3", "b", "2") == "a=1\r\nc=3\r\nb=2");
    CHECK(set_("", "b", "2") == "b=2\n");
    // A continuation left open at the end would swallow the new line: close it first.
    CHECK(set_("a=1\\\n", "b", "2") == "a=1\\\n\nb=2\n");
    CHECK(set_("a=1\\", "b", "2") == "a=1\\\n\nb=2");
    CHECK(set_("# last\\", "b", "2") == "# last\\\nb=2");
  }

  TEST_CASE("edit: keys and values are escaped so Java reads back exactly what was asked") {
    CHECK(set_("", "a key=:#!", "  v=1:2 #x\\y\nz\t") ==
          "a\\ key\\=\\:\\#\\!=\\ \\ v=1:2 #x\\\\y\\nz\\t\n");
    CHECK(set_("", "caf\xC3\xA9", "\xE4\xB8\xAD\xF0\x9F\x98\x80") ==
          "caf\\u00E9=\\u4E2D\\uD83D\\uDE00\n");
    CHECK(set_("", "", "empty key") == "=empty key\n");
    const auto r = parse(set_("", "#k", " lead"), "f");
    CHECK(r.doc.key(r.doc.entries()[0]) == "#k");
    CHECK(r.doc.value(r.doc.entries()[0]) == " lead");
  }

  TEST_CASE("edit: unset removes every entry of the key, continuation lines included") {
    CHECK(unset_("a=1\nb=2\na=3 \\\n  4\nc=5\n", "a") == "b=2\nc=5\n");
    CHECK(unset_("a=1\r\nb=2", "b") == "a=1\r\n");
    CHECK(unset_("a=1\n", "zz") == "a=1\n");
    // Lines holding only '\' that open the entry belong to it.
    CHECK(unset_("x=1\n\\\nk=v\n", "k") == "x=1\n");
    // A blank line that ends a continuation belongs to the entry it ends.
    CHECK(unset_("a=1\\\n\nb=2\n", "a") == "b=2\n");
  }

  TEST_CASE("edit: comment prefixes every physical line of every entry of the key") {
    CHECK(comment_("a=1\nb=2\na=3 \\\n  4\n", "a") == "#a=1\nb=2\n#a=3 \\\n#  4\n");
    CHECK(comment_("  a=1\r\nb=2", "b") == "  a=1\r\n#b=2");
    CHECK(comment_("a=1\\\r\n2\rb=3\n", "a") == "#a=1\\\r\n#2\rb=3\n");
    CHECK(comment_("a=1\n", "zz") == "a=1\n");
    const auto r = parse(comment_("a=1\\\n#x\nb=2\n", "a"), "f");
    CHECK(to_json(r.doc) == "{\n  \"b\": \"2\"\n}\n");
  }

  TEST_CASE("edit: an edit that would change another entry is refused") {
    // The file ends with an empty entry made by a lone '\' before the last '\n'; any line
    // after it would absorb it.
    CHECK(set_("\\\n", "b", "2").rfind("ERROR: ", 0) == 0);
  }
}
