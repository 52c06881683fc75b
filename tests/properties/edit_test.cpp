// Lossless edits: set in place or append, unset, comment; only the edited lines change.

#include "properties/edit.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "properties/document.h"

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

std::string after_set(const std::string& text, std::string_view k, std::string_view v) {
  return edited(text, [&](Document& d) { return set(d, k, v); });
}
std::string unafter_set(const std::string& text, std::string_view k) {
  return edited(text, [&](Document& d) { return unset(d, k); });
}
std::string after_comment(const std::string& text, std::string_view k) {
  return edited(text, [&](Document& d) { return comment(d, k); });
}

}  // namespace

TEST_SUITE("properties") {
  TEST_CASE("edit: set replaces the last entry's value in place, keeping its separator") {
    CHECK(after_set("# c\na = 1\nb: 2\na   3 \n", "a", "9") == "# c\na = 1\nb: 2\na   9\n");
    CHECK(after_set("x=1\r\nkey : old\r\ny=2\r\n", "key", "new") == "x=1\r\nkey : new\r\ny=2\r\n");
    // A continued value is replaced whole, continuation lines included.
    CHECK(after_set("a=1 \\\n  2 \\\n  3\nb=4\n", "a", "x") == "a=x\nb=4\n");
    // An entry without separator gets one.
    CHECK(after_set("flag\nb=1\n", "flag", "on") == "flag=on\nb=1\n");
    // The key is matched as Java decodes it.
    CHECK(after_set("k\\u0065y=1\n", "key", "2") == "k\\u0065y=2\n");
  }

  TEST_CASE("edit: set_every replaces every entry's value (each may be a template branch)") {
    const auto every = [](const std::string& text, std::string_view k, std::string_view v) {
      return edited(text, [&](Document& d) { return set_every(d, k, v); });
    };
    // Two branches of a template (control lines are blank in the masked view).
    CHECK(every("a=1\n\nibp=2.4\nf=2.4\n\nibp : 2.3\n\n", "ibp", "3.0") ==
          "a=1\n\nibp=3.0\nf=2.4\n\nibp : 3.0\n\n");
    // Continued values, an entry without separator and escaped keys, all CRLF.
    CHECK(every("k=1 \\\r\n  2\r\nk\r\nk\\u0065=x\r\n", "k", "v") ==
          "k=v\r\nk=v\r\nk\\u0065=x\r\n");
    CHECK(every("k\\u0065y=1\nkey=2\n", "key", "9") == "k\\u0065y=9\nkey=9\n");
    // One entry or none: exactly set().
    CHECK(every("a=1\nb=2\n", "b", "3") == "a=1\nb=3\n");
    CHECK(every("a=1\n", "b", "2") == "a=1\nb=2\n");
  }

  TEST_CASE("edit: set appends a missing key with the file's line ending and final newline") {
    CHECK(after_set("a=1\n", "b", "2") == "a=1\nb=2\n");
    CHECK(after_set("a=1\r\n", "b", "2") == "a=1\r\nb=2\r\n");
    CHECK(after_set("a=1", "b", "2") == "a=1\nb=2");
    CHECK(after_set("a=1\r\nc=3", "b", "2") == "a=1\r\nc=3\r\nb=2");
    CHECK(after_set("", "b", "2") == "b=2\n");
    // A continuation left open at the end would swallow the new line: close it first.
    CHECK(after_set("a=1\\\n", "b", "2") == "a=1\\\n\nb=2\n");
    CHECK(after_set("a=1\\", "b", "2") == "a=1\\\n\nb=2");
    CHECK(after_set("# last\\", "b", "2") == "# last\\\nb=2");
  }

  TEST_CASE("edit: keys and values are escaped so Java reads back exactly what was asked") {
    CHECK(after_set("", "a key=:#!", "  v=1:2 #x\\y\nz\t") ==
          "a\\ key\\=\\:\\#\\!=\\ \\ v=1:2 #x\\\\y\\nz\\t\n");
    CHECK(after_set("", "caf\xC3\xA9", "\xE4\xB8\xAD\xF0\x9F\x98\x80") ==
          "caf\\u00E9=\\u4E2D\\uD83D\\uDE00\n");
    CHECK(after_set("", "", "empty key") == "=empty key\n");
    const auto r = parse(after_set("", "#k", " lead"), "f");
    CHECK(r.doc.key(r.doc.entries()[0]) == "#k");
    CHECK(r.doc.value(r.doc.entries()[0]) == " lead");
  }

  TEST_CASE("edit: unset removes every entry of the key, continuation lines included") {
    CHECK(unafter_set("a=1\nb=2\na=3 \\\n  4\nc=5\n", "a") == "b=2\nc=5\n");
    CHECK(unafter_set("a=1\r\nb=2", "b") == "a=1\r\n");
    CHECK(unafter_set("a=1\n", "zz") == "a=1\n");
    // Lines holding only '\' that open the entry belong to it.
    CHECK(unafter_set("x=1\n\\\nk=v\n", "k") == "x=1\n");
    // A blank line that ends a continuation belongs to the entry it ends.
    CHECK(unafter_set("a=1\\\n\nb=2\n", "a") == "b=2\n");
  }

  TEST_CASE("edit: comment prefixes every physical line of every entry of the key") {
    CHECK(after_comment("a=1\nb=2\na=3 \\\n  4\n", "a") == "#a=1\nb=2\n#a=3 \\\n#  4\n");
    CHECK(after_comment("  a=1\r\nb=2", "b") == "  a=1\r\n#b=2");
    CHECK(after_comment("a=1\\\r\n2\rb=3\n", "a") == "#a=1\\\r\n#2\rb=3\n");
    CHECK(after_comment("a=1\n", "zz") == "a=1\n");
    const auto r = parse(after_comment("a=1\\\n#x\nb=2\n", "a"), "f");
    CHECK(to_json(r.doc) == "{\n  \"b\": \"2\"\n}\n");
  }

  TEST_CASE("edit: a file Java refuses is not edited") {
    ParseResult r = parse("a=1\nb=\\u12\n", "f.properties");
    const auto err = set(r.doc, "a", "2");
    REQUIRE(err.has_value());
    CHECK(err->where.line == 2);
    CHECK(err->message == "cannot edit a file that Java refuses to load");
    CHECK(write(r.doc) == "a=1\nb=\\u12\n");
  }

  TEST_CASE("edit: an edit that would change another entry is refused") {
    // The file ends with an empty entry made by a lone '\' before the last '\n'; any line
    // after it would absorb it.
    CHECK(after_set("\\\n", "b", "2").rfind("ERROR: ", 0) == 0);
  }

  TEST_CASE("edit: appending says when it would change another entry") {
    const std::vector<std::pair<std::string, std::string>> pin = {{"k", "v"}};
    auto clean = [&](const std::string& text) {
      return appends_cleanly(parse(text, "f").doc, pin);
    };
    CHECK(clean("a=1\n"));
    CHECK(clean("a=1\\\n"));            // a continuation left open is closed by an empty line
    CHECK_FALSE(clean("a=1\n  \\\n"));  // a last line that is only '\' is the key ""
    CHECK_FALSE(clean("a=\\u12\n"));    // Java refuses the file
  }

  TEST_CASE("edit: after a final '\\' and '\\r', the closing empty line is not joined to it") {
    // The file's line ending is "\n"; a "\n" right after the last "\r" would make one line
    // break of the two, and the continued entry would swallow the appended one.
    const std::string text = "a=1\nb=2\nc=3\\\r";
    const Document d = parse(text, "f").doc;
    CHECK(appended_entries(d, {{"k", "v"}}) == "\rk=v\n");
    CHECK(appends_cleanly(d, {{"k", "v"}}));
    CHECK(after_set(text, "k", "v") == text + "\rk=v\n");
  }
}
