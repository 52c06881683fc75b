// The one field reader of the packs, in the wording of each family: the curated packs and the
// generated ones phrase the same problems differently, and both phrasings are kept.

#include "knowledge/field_reader.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>

using namespace kafkalint;
using knowledge::FieldReader;
using knowledge::Wording;

namespace {

constexpr std::string_view kToml =
    "[t]\n"
    "name = 3\n"
    "kind = \"bogus\"\n"
    "list = \"x\"\n"
    "items = [\"a\", 2]\n"
    "tables = [{ a = 1 }, 2]\n"
    "version = \"2.x\"\n"
    "extra = 1\n";

// The error `read` leaves in a fresh reader of [t] with `wording`, rendered; "ok" for none.
std::string error_of(Wording wording, const std::function<void(FieldReader&)>& read) {
  const knowledge::PackText pack{"test.toml", kToml};
  core::Error err;
  const std::optional<toml::table> root = knowledge::parse_pack(pack, &err);
  REQUIRE(root);
  FieldReader r(pack, *(*root)["t"].as_table(), "[t]", &err, wording);
  read(r);
  return r.ok() ? "ok" : err.render();
}

}  // namespace

TEST_SUITE("knowledge_curated") {
  TEST_CASE("field reader: checks that read the same in both families") {
    for (Wording w : {Wording::kCurated, Wording::kGenerated}) {
      std::string s;
      CHECK(error_of(w, [&](FieldReader& r) { r.str("name", &s); }) ==
            "test.toml:2:8: error: field 'name' of [t] must be a string, got integer\n"
            "  note: see rules/SCHEMA.md for the pack format");
      CHECK(error_of(w, [&](FieldReader& r) { r.str("absent", &s); }) == "ok");
      std::optional<core::Version> v;
      CHECK(error_of(w, [&](FieldReader& r) { r.version("version", &v); }) ==
            "test.toml:7:11: error: field 'version' of [t] is not a version: '2.x'\n"
            "  note: write versions as dot-separated numbers, e.g. \"2.1\" or \"0.10.2\"");
      std::vector<const toml::table*> tables;
      CHECK(error_of(w, [&](FieldReader& r) { r.table_array("tables", &tables); }) ==
            "test.toml:6:22: error: items of 'tables' in [t] must be tables, got integer\n"
            "  note: see rules/SCHEMA.md for the pack format");
      // Only the first problem is kept: a caller reads every field and checks once.
      CHECK(error_of(w, [&](FieldReader& r) {
              r.str("name", &s);
              r.one_of("kind", &s, {"a"});
              r.finish();
            }).rfind("test.toml:2:8: error: field 'name'", 0) == 0);
      std::optional<std::string> o;
      CHECK(error_of(w, [&](FieldReader& r) { r.optional_str("absent", &o); }) == "ok");
      CHECK_FALSE(o);
    }
  }

  TEST_CASE("field reader: the curated wording") {
    const Wording w = Wording::kCurated;
    std::string s;
    std::vector<std::string> list;
    CHECK(error_of(w, [&](FieldReader& r) { r.str("absent", &s, true); }) ==
          "test.toml:1:1: error: [t] has no field 'absent'\n"
          "  note: see rules/SCHEMA.md for the pack format");
    CHECK(error_of(w,
                   [&](FieldReader& r) {
                     r.one_of("kind", &s, {"a", "b"});
                   }) ==
          "test.toml:3:8: error: field 'kind' of [t] has the unknown value 'bogus'\n"
          "  note: expected one of 'a', 'b'");
    CHECK(error_of(w, [&](FieldReader& r) { r.str_array("list", &list); }) ==
          "test.toml:4:8: error: field 'list' of [t] must be an array of strings, got string\n"
          "  note: see rules/SCHEMA.md for the pack format");
    CHECK(error_of(w, [&](FieldReader& r) { r.str_array("items", &list); }) ==
          "test.toml:5:15: error: items of 'items' in [t] must be strings, got integer\n"
          "  note: see rules/SCHEMA.md for the pack format");
    CHECK(error_of(w, [&](FieldReader& r) { r.array("name"); }) ==
          "test.toml:2:8: error: field 'name' of [t] must be an array, got integer\n"
          "  note: see rules/SCHEMA.md for the pack format");
    CHECK(error_of(w, [&](FieldReader& r) { r.table("name"); }) ==
          "test.toml:2:8: error: field 'name' of [t] must be a table, got integer\n"
          "  note: see rules/SCHEMA.md for the pack format");
    // A follow-up error points at the field, or at the table when the field is absent.
    CHECK(error_of(w, [&](FieldReader& r) { r.fail(r.node_of("kind"), "bad kind"); }) ==
          "test.toml:3:8: error: bad kind\n  note: see rules/SCHEMA.md for the pack format");
    CHECK(error_of(w, [&](FieldReader& r) {
            r.fail(r.node_of("absent"), "no");
          }).rfind("test.toml:1:1: error: no\n", 0) == 0);
    CHECK(error_of(w,
                   [&](FieldReader& r) {
                     std::int64_t i = 0;
                     r.integer("name", &i);
                     r.integer("kind", &i);
                   }) ==
          "test.toml:3:8: error: field 'kind' of [t] must be an integer, got string\n"
          "  note: see rules/SCHEMA.md for the pack format");
  }

  TEST_CASE("field reader: unknown fields, in each wording") {
    auto read_all_but_extra = [](FieldReader& r) {
      std::string s;
      std::int64_t i = 0;
      r.integer("name", &i);
      r.str("kind", &s);
      r.str("list", &s);
      r.array("items");
      r.array("tables");
      r.str("version", &s);
      r.str("extras", &s);
      r.finish();
    };
    CHECK(error_of(Wording::kCurated, read_all_but_extra) ==
          "test.toml:8:9: error: unknown field 'extra' in [t]; did you mean 'extras'?\n"
          "  note: expected one of: name kind list items tables version extras");
    CHECK(error_of(Wording::kGenerated, read_all_but_extra) ==
          "test.toml:8:9: error: unknown field 'extra' in [t]\n"
          "  note: did you mean 'extras'? known fields: name, kind, list, items, tables, "
          "version, extras");
  }
}

TEST_SUITE("knowledge_generated") {
  TEST_CASE("field reader: the generated wording") {
    const Wording w = Wording::kGenerated;
    std::string s;
    std::vector<std::string> list;
    CHECK(error_of(w, [&](FieldReader& r) { r.str("absent", &s, true); }) ==
          "test.toml:1:1: error: missing field 'absent' in [t]\n"
          "  note: see rules/SCHEMA.md for the pack format");
    CHECK(error_of(w,
                   [&](FieldReader& r) {
                     r.one_of("kind", &s, {"a", "b"});
                   }) ==
          "test.toml:3:8: error: invalid kind 'bogus' in [t]\n"
          "  note: expected one of 'a', 'b'");
    CHECK(error_of(w, [&](FieldReader& r) { r.str_array("list", &list); }) ==
          "test.toml:4:8: error: field 'list' of [t] must be an array, got string\n"
          "  note: see rules/SCHEMA.md for the pack format");
    CHECK(error_of(w, [&](FieldReader& r) { r.str_array("items", &list); }) ==
          "test.toml:5:15: error: elements of 'items' in [t] must be strings, got integer\n"
          "  note: see rules/SCHEMA.md for the pack format");
    bool b = false;
    CHECK(error_of(w, [&](FieldReader& r) { r.boolean("name", &b); }) ==
          "test.toml:2:8: error: field 'name' of [t] must be a boolean, got integer\n"
          "  note: see rules/SCHEMA.md for the pack format");
  }
}
