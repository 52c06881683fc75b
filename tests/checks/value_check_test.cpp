#include "checks/value_check.h"

#include <doctest/doctest.h>

using namespace kafkalint::checks;

namespace {
// The type as the references spell it ("int"), so the cases read like the reference.
kafkalint::knowledge::ConfigType t(const char* name) {
  return kafkalint::knowledge::parse_config_type(name).value();
}
ValueProblem p(const char* type, const char* valid, const char* value) {
  return check_value(t(type), valid, value).problem;
}
}  // namespace

TEST_SUITE("checks") {
  TEST_CASE("value: booleans as ConfigDef parses them: trimmed, any case") {
    CHECK(p("boolean", "", "true") == ValueProblem::kNone);
    CHECK(p("boolean", "", " FALSE ") == ValueProblem::kNone);
    CHECK(p("boolean", "", "yes") == ValueProblem::kBadType);
    CHECK(p("boolean", "", "") == ValueProblem::kBadType);
  }
  TEST_CASE("value: integers by Java type width, with sign, no decimals") {
    CHECK(p("int", "", "2147483647") == ValueProblem::kNone);
    CHECK(p("int", "", "2147483648") == ValueProblem::kBadType);
    CHECK(p("int", "", "+7 ") == ValueProblem::kNone);
    CHECK(p("int", "", "1e3") == ValueProblem::kBadType);
    CHECK(p("int", "", "1,000") == ValueProblem::kBadType);
    CHECK(p("long", "", "9223372036854775807") == ValueProblem::kNone);
    CHECK(p("short", "", "40000") == ValueProblem::kBadType);
    CHECK(p("long", "", "604800000 # a week") == ValueProblem::kBadType);
  }
  TEST_CASE("value: doubles as Double.parseDouble reads them") {
    CHECK(p("double", "", "0.5") == ValueProblem::kNone);
    CHECK(p("double", "", "1e-3") == ValueProblem::kNone);
    CHECK(p("double", "", "2d") == ValueProblem::kNone);
    CHECK(p("double", "", "half") == ValueProblem::kBadType);
    CHECK(p("double", "", "inf") == ValueProblem::kBadType);
  }
  TEST_CASE("value: ranges, open and closed, plus 'or' alternatives") {
    CHECK(p("int", "[1,...]", "0") == ValueProblem::kOutOfRange);
    CHECK(check_value(t("int"), "[1,...]", "0").detail == "at least 1");
    CHECK(p("int", "[0,...,1]", "1") == ValueProblem::kNone);
    CHECK(p("double", "[0.5,...,1.0]", "0.25") == ValueProblem::kOutOfRange);
    CHECK(check_value(t("double"), "[0.5,...,1.0]", "0.25").detail == "between 0.5 and 1");
    CHECK(p("int", "[1,...,9] or -1", "-1") == ValueProblem::kNone);
    CHECK(p("int", "[1,...,9] or -1", "0") == ValueProblem::kOutOfRange);
  }
  TEST_CASE("value: 4.x auto.offset.reset takes by_duration: and an ISO-8601 duration") {
    const char* reset = "[latest, earliest, none, by_duration:PnDTnHnMn.nS]";
    for (const char* ok : {"latest", "none", "by_duration:PT1H", "by_duration:P1DT2H30M",
                           "by_duration:PT0.5S", "by_duration:p2d", "by_duration:P1D",
                           "by_duration:PT0S", "by_duration:-PT-1H", "by_duration:P1DT-1H"})
      CHECK_MESSAGE(p("string", reset, ok) == ValueProblem::kNone, ok);
    // AutoOffsetResetStrategy.fromString: exact names and prefix, no negative duration.
    for (const char* bad :
         {"newest", "by_duration:", "by_duration:PT", "by_duration:1h", "by_duration:P", "smallest",
          "LATEST", "Earliest", "NONE", "BY_DURATION:PT1H", "by_duration", "by_duration:-PT1H",
          "by_duration:PT-0.5S", "by_duration:P-1D", "by_duration:P1W",
          "by_duration:P99999999999999999999D"})
      CHECK_MESSAGE(p("string", reset, bad) == ValueProblem::kNotInSet, bad);
  }

  TEST_CASE("value: controller quorum entries as QuorumConfig parses them") {
    const char* voters = "controller.quorum.voters";
    for (const char* ok : {"1@h1:9093,2@h2:9093", " 1@h1:9093 , 2@h2:9093", "1@[::1]:9093", ""})
      CHECK_MESSAGE(check_key_format(voters, ok).problem == ValueProblem::kNone, ok);
    for (const char* bad : {"1@h1", "a@h1:9093", "h1:9093", "1@h1:9093;2@h2:9093", "1@h1:x"})
      CHECK_MESSAGE(check_key_format(voters, bad).problem == ValueProblem::kBadType, bad);
    CHECK(check_key_format(voters, "1@h1:9093,h2:9093").bad_element == "h2:9093");
    const char* bootstrap = "controller.quorum.bootstrap.servers";
    CHECK(check_key_format(bootstrap, "h1:9093,h2:9093").problem == ValueProblem::kNone);
    CHECK(check_key_format(bootstrap, "h1").problem == ValueProblem::kBadType);
    CHECK(check_key_format("bootstrap.servers", "h1").problem == ValueProblem::kNone);
  }

  TEST_CASE("value: sets, case-sensitive unless the reference says otherwise") {
    CHECK(p("string", "[all, -1, 0, 1]", "all") == ValueProblem::kNone);
    CHECK(p("string", "[all, -1, 0, 1]", "ALL") == ValueProblem::kNotInSet);
    CHECK(p("string", "[all, -1, 0, 1]", "all ") == ValueProblem::kNotInSet);
    CHECK(p("string", "(case insensitive) [SASL_SSL, PLAINTEXT]", "plaintext") ==
          ValueProblem::kNone);
    CHECK(check_value(t("string"), "[latest, earliest, none]", "smallest").detail ==
          "one of 'latest', 'earliest', 'none'");
    // ConfigDef validates defaults, so an upper-case default of a lower-case set means the
    // validator ignores case (4.2's share.acquire.mode); a default in the set changes nothing.
    const char* modes = "[batch_optimized, record_limit]";
    CHECK(check_value(t("string"), modes, "BATCH_OPTIMIZED", "BATCH_OPTIMIZED").problem ==
          ValueProblem::kNone);
    CHECK(check_value(t("string"), modes, "Record_Limit", "BATCH_OPTIMIZED").problem ==
          ValueProblem::kNone);
    CHECK(check_value(t("string"), modes, "fast", "BATCH_OPTIMIZED").problem ==
          ValueProblem::kNotInSet);
    CHECK(check_value(t("string"), "[all, -1, 0, 1]", "ALL", "all").problem ==
          ValueProblem::kNotInSet);
  }
  TEST_CASE("value: list elements are trimmed and each must be in the set") {
    CHECK(p("list", "[broker, controller]", "broker, controller") == ValueProblem::kNone);
    auto v = check_value(t("list"), "[broker, controller]", "broker,zookeeper");
    CHECK(v.problem == ValueProblem::kNotInSet);
    CHECK(v.bad_element == "zookeeper");
    CHECK(p("list", "[compact, delete]", "") == ValueProblem::kNone);
  }
  TEST_CASE("value: validators we cannot read exactly are not enforced") {
    CHECK(p("string", "non-empty string", "") == ValueProblem::kNone);
    CHECK(p("string", "[partitionId]:[brokerId],[partitionId]:[brokerId],...", "x") ==
          ValueProblem::kNone);
    CHECK(p("string", "kafka.api.ApiVersionValidator$", "9.9") == ValueProblem::kNone);
    CHECK(p("string", "[latest, earliest, none, by_duration:PnDTnHnMn.nS]", "by_duration:P1D") ==
          ValueProblem::kNone);
  }
}
