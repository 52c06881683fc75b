// Unit tests of diff::diff_documents: the map Kafka loads (last duplicate wins), release
// defaults, and the live-update classification.

#include "diff/diff.h"

#include <doctest/doctest.h>

#include "knowledge/configs.h"
#include "knowledge/pack_source.h"

using namespace kafkalint;

TEST_SUITE("diff_golden") {
  TEST_CASE("diff: duplicates resolve as Kafka loads them; trailing blanks do not count") {
    const auto a = properties::parse("x=1\nx=2\ny=same \n", "a");
    const auto b = properties::parse("x=2\ny=same\nz=3\n", "b");
    const auto d = diff::diff_documents(a.doc, b.doc, diff::DiffOptions{});
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "z");
    CHECK(d[0].change == diff::Change::kAdded);
    CHECK(d[0].update == diff::Update::kUnknown);
  }

  TEST_CASE("diff: with references, defaults fill unset keys and update modes apply") {
    core::Error err;
    auto c26 = knowledge::load_configs(knowledge::PackSource{}, "2.6").take(&err);
    REQUIRE_MESSAGE(c26, err.message);
    const auto a = properties::parse("broker.id=1\nnum.io.threads=8\n", "a");
    const auto b =
        properties::parse("broker.id=1\nnum.io.threads=16\nlog.retention.hours=72\n", "b");
    diff::DiffOptions o;
    o.a_configs = &*c26;
    o.b_configs = &*c26;
    o.from = "2.6";
    o.to = "2.6";
    const auto d = diff::diff_documents(a.doc, b.doc, o);
    REQUIRE(d.size() == 2);
    CHECK(d[0].key == "log.retention.hours");
    CHECK(d[0].a == std::optional<std::string>("168"));
    CHECK(d[0].a_default);
    CHECK(d[0].update == diff::Update::kRestart);  // read-only in 2.6
    CHECK(d[1].key == "num.io.threads");
    CHECK(d[1].update == diff::Update::kClusterWide);
    CHECK(d[1].command.find("--entity-default --alter --add-config num.io.threads=16") !=
          std::string::npos);
  }
}
