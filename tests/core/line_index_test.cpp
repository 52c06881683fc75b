#include "core/line_index.h"

#include <doctest/doctest.h>

#include <string_view>

using namespace kafkalint::core;

TEST_SUITE("core") {
  TEST_CASE("line_index: lines break at \\n; a \\r\\n line keeps its \\r") {
    const std::string_view text = "ab\ncd\r\n\nx";
    const LineIndex index(text);
    CHECK(index.size() == 4);
    CHECK(index.line(0) == 1);
    CHECK(index.column(1) == 2);
    CHECK(index.line(2) == 1);  // the '\n' belongs to the line it ends
    CHECK(index.line(3) == 2);
    CHECK(index.column(5) == 3);  // the '\r'
    CHECK(index.line(7) == 3);
    CHECK(index.position(8).line == 4);
    CHECK(index.position(8).column == 1);
    CHECK(index.start(2) == 3);
    CHECK(index.has(4));
    CHECK_FALSE(index.has(5));
    CHECK_FALSE(index.has(0));
    // A lone '\r' is no break here.
    CHECK(LineIndex("a\rb").size() == 1);
  }

  TEST_CASE("line_index: properties break as Java reads them: \\n, \\r\\n and a lone \\r") {
    const std::string_view text = "a\rb\r\nc\nd";
    const LineIndex index(text, LineBreaks::kJava);
    CHECK(index.size() == 4);
    CHECK(index.line(2) == 2);
    CHECK(index.line(4) == 2);  // the '\n' of "\r\n" ends line 2, not a line of its own
    CHECK(index.line(5) == 3);
    CHECK(index.line(7) == 4);
    CHECK(LineIndex("", LineBreaks::kJava).size() == 1);
    CHECK(LineIndex("a\n", LineBreaks::kJava).size() == 2);
  }

  TEST_CASE("line_index: position_of scans to the same answer as the index") {
    for (const LineBreaks breaks : {LineBreaks::kLf, LineBreaks::kJava}) {
      const std::string_view text = "k=v\r\n\r\n  x = y\rz\n\n";
      const LineIndex index(text, breaks);
      for (std::size_t off = 0; off < text.size(); ++off) {
        INFO(off);
        const TextPosition p = position_of(text, off, breaks);
        CHECK(p.line == index.line(off));
        CHECK(p.column == index.column(off));
      }
    }
    // Past the end: the end of the text.
    CHECK(position_of("ab\nc", 99).line == 2);
    CHECK(position_of("ab\nc", 99).column == 2);
    CHECK(position_of("", 0).line == 1);
    CHECK(position_of("", 0).column == 1);
  }
}
