#include "checks/glob.h"

#include <doctest/doctest.h>

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
}
