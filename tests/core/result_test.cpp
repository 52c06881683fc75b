#include "core/result.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

using namespace kafkalint::core;

namespace {

// Built member by member: g++ 12 warns (maybe-uninitialized, a false positive) on a braced
// Error temporary moved into the variant.
Error located(const std::string& file, std::string message, std::string hint) {
  Error e;
  e.where.file = file;
  e.where.line = 1;
  e.where.column = 1;
  e.message = std::move(message);
  e.hint = std::move(hint);
  return e;
}

// A parser shaped like the loaders: a number from text, or an error located in `file`.
Result<int> parse_port(const std::string& file, const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
    return located(file, "'" + text + "' is not a port number", "");
  return std::stoi(text);
}

Result<void> check_port(const std::string& file, const std::string& text) {
  Result<int> p = parse_port(file, text);
  if (!p) return std::move(p).error();
  if (*p > 65535) return located(file, "port " + text + " is above 65535", "use 1-65535");
  return {};
}

}  // namespace

TEST_SUITE("core") {
  TEST_CASE("result: holds the value a step produced") {
    const Result<int> r = parse_port("a.properties", "9092");
    REQUIRE(r.ok());
    CHECK(static_cast<bool>(r));
    CHECK(r.value() == 9092);
    CHECK(*r == 9092);
  }

  TEST_CASE("result: holds the located error of a step that failed") {
    const Result<int> r = parse_port("a.properties", "90x2");
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(static_cast<bool>(r));
    CHECK(r.error().where.file == "a.properties");
    CHECK(r.error().where.line == 1);
    CHECK(r.error().render() == "a.properties:1:1: error: '90x2' is not a port number");
  }

  TEST_CASE("result: a move-only value moves out whole") {
    Result<std::unique_ptr<std::string>> r = std::make_unique<std::string>("broker");
    REQUIRE(r);
    CHECK(*r->get() == "broker");
    const std::unique_ptr<std::string> p = std::move(r).value();
    REQUIRE(p);
    CHECK(*p == "broker");
  }

  TEST_CASE("result: members of the value are reached through ->") {
    Result<std::vector<std::string>> r = std::vector<std::string>{"a", "b"};
    REQUIRE(r);
    CHECK(r->size() == 2);
    r->push_back("c");
    CHECK(r.value().back() == "c");
  }

  TEST_CASE("result: take() gives the out-parameter shape to callers not yet moved") {
    Error err;
    std::optional<int> v = parse_port("f", "7").take(&err);
    REQUIRE(v);
    CHECK(*v == 7);
    CHECK(err.message.empty());

    v = parse_port("f", "x").take(&err);
    CHECK_FALSE(v);
    CHECK(err.message == "'x' is not a port number");

    v = parse_port("f", "y").take(nullptr);  // a caller that only wants to know
    CHECK_FALSE(v);
  }

  TEST_CASE("result: Result<void> passes an inner error on unchanged") {
    CHECK(check_port("f", "9092").ok());

    const Result<void> bad = check_port("f", "nope");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "'nope' is not a port number");
    CHECK(bad.error().hint.empty());

    const Result<void> high = check_port("f", "70000");
    REQUIRE_FALSE(high.ok());
    CHECK(high.error().render() == "f:1:1: error: port 70000 is above 65535\n  note: use 1-65535");
  }
}
