#include "core/strings.h"

#include <doctest/doctest.h>

#include <string>

using namespace kafkalint::core;

TEST_SUITE("core") {
  TEST_CASE("strings: trim_chars drops only the bytes named, at both ends") {
    CHECK(trim_chars("  a b  ", " ") == "a b");
    CHECK(trim_chars("\t a \r", " \t\r") == "a");
    CHECK(trim_chars("\t a \r", " ") == "\t a \r");
    CHECK(trim_chars("   ", " ").empty());
    CHECK(trim_chars("", " ").empty());
  }

  TEST_CASE("strings: trim_blanks is space, tab and form feed, not CR") {
    CHECK(trim_blanks(" \f\ta, b\t ") == "a, b");
    CHECK(trim_blanks("a\r") == "a\r");
    CHECK(trim_blanks(" \t").empty());
  }

  TEST_CASE("strings: trim_line drops indentation and a CRLF's CR, not a leading CR") {
    CHECK(trim_line("  [kafka]\r") == "[kafka]");
    CHECK(trim_line("\tkey = v \t\r") == "key = v");
    CHECK(trim_line("\r x") == "\r x");
    CHECK(trim_line(" \r").empty());
    CHECK(trim_line("\f x") == "\f x");  // a form feed is not indentation here
  }

  TEST_CASE("strings: case helpers change ASCII letters only") {
    CHECK(ascii_upper("sasl_ssl://Host:9092") == "SASL_SSL://HOST:9092");
    CHECK(ascii_lower("Kafka-Configs.SH") == "kafka-configs.sh");
    CHECK(ascii_upper("\xe9t\xe9") == "\xe9T\xe9");  // Latin-1 bytes stay as they are
    CHECK(ascii_lower("\xc9T\xc9") == "\xc9t\xc9");
    CHECK(iequals_ascii("TRUE", "true"));
    CHECK(iequals_ascii("", ""));
    CHECK_FALSE(iequals_ascii("true", "tru"));
    CHECK_FALSE(iequals_ascii("\xc9", "\xe9"));  // no folding beyond ASCII
  }

  TEST_CASE("strings: starts_with and ends_with") {
    CHECK(starts_with("listener.name.internal", "listener.name."));
    CHECK_FALSE(starts_with("list", "listener"));
    CHECK(ends_with("server.properties", ".properties"));
    CHECK_FALSE(ends_with("s", ".properties"));
  }
}
