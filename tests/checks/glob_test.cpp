#include "checks/glob.h"

#include <doctest/doctest.h>

#include <string>

using kafkalint::checks::glob_match;

TEST_SUITE("checks") {
  TEST_CASE("glob: file-name patterns match in any directory") {
    CHECK(glob_match("*.bak", "a/b/server.properties.bak"));
    CHECK(glob_match("server.properties", "brokers/server.properties"));
    CHECK_FALSE(glob_match("*.bak", "a/b/server.properties"));
  }
  TEST_CASE("glob: '*' stays in a segment, '**' crosses them") {
    CHECK(glob_match("brokers/*.properties", "brokers/b1.properties"));
    CHECK_FALSE(glob_match("brokers/*.properties", "brokers/old/b1.properties"));
    CHECK(glob_match("brokers/**/*.properties", "brokers/old/b1.properties"));
    CHECK(glob_match("brokers/**/*.properties", "brokers/b1.properties"));
    CHECK(glob_match("**/legacy/**", "x/legacy/y/z.sh"));
  }
  TEST_CASE("glob: a directory pattern matches everything below it") {
    CHECK(glob_match("vendor", "vendor/kafka/server.properties"));
    CHECK(glob_match("vendor/", "a/vendor/x.sh"));
    CHECK(glob_match("third_party/kafka", "third_party/kafka/bin/x.sh"));
    CHECK_FALSE(glob_match("third_party/kafka", "kafka/third_party/x.sh"));
  }
  TEST_CASE("glob: leading ./ is ignored and hidden files need an explicit dot") {
    CHECK(glob_match("./conf/*.properties", "conf/a.properties"));
    CHECK(glob_match("conf/*.properties", "./conf/a.properties"));
    CHECK_FALSE(glob_match("*.properties", ".hidden.properties"));
    CHECK(glob_match(".*.properties", ".hidden.properties"));
  }
  TEST_CASE("glob: classes, '?' and escapes as fnmatch reads them") {
    CHECK(glob_match("b[0-9].properties", "b7.properties"));
    CHECK_FALSE(glob_match("b[!0-9].properties", "b7.properties"));
    CHECK(glob_match("b[!0-9].properties", "bx.properties"));
    CHECK(glob_match("b[]x].conf", "b].conf"));
    CHECK(glob_match("b?.conf", "b1.conf"));
    CHECK_FALSE(glob_match("b?.conf", "b.conf"));
    CHECK(glob_match("a\\*b", "a*b"));
    CHECK_FALSE(glob_match("a\\*b", "axb"));
    CHECK(glob_match("x[y", "x[y"));  // an unclosed bracket is a literal '['
    CHECK_FALSE(glob_match("[.]hidden", ".hidden"));
  }
  // Behaviour on patterns that made the old backtracking matcher exponential: the answers
  // must be right (how long they take is for bench/, not for a test).
  TEST_CASE("glob: many '**' and '*' on a deep path") {
    std::string pattern;
    for (int i = 0; i < 10; ++i) pattern += "**/";
    pattern += "nomatch";
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "d" + std::to_string(i) + "/";
    deep += "server.properties";
    CHECK_FALSE(glob_match(pattern, deep));
    CHECK(glob_match(pattern.substr(0, pattern.size() - 7) + "server.properties", deep));
    CHECK(glob_match("**/d3/**/d150/**/d199/**", deep));
    CHECK_FALSE(glob_match("**/d150/**/d3/**", deep));
    const std::string a(60, 'a');
    CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*b", a));
    CHECK(glob_match("*a*a*a*a*a*a*a*a*a*a*a*", a));
  }
}
