// A real Compose project whose .env builds values from other .env variables
// (carriers/compose-dotenv-bitnami-real, JrMarcco/middleware-docker): a mistake written in
// the .env reaches every service through the interpolation, and is reported with the .env
// line it came from.

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace kafkalint;
namespace fs = std::filesystem;

TEST_SUITE("check") {
  TEST_CASE("check: a .env value built from other .env variables reaches KAFKA_CFG_ values") {
    test::TempDir tmp;
    const fs::path src =
        fs::path(test::source_dir()) / "testdata/checks/carriers/compose-dotenv-bitnami-real";
    for (const char* name : {".env", "docker-compose.yml"}) fs::copy(src / name, tmp.file(name));
    const auto codes = [&] {
      const test::RunResult r = test::run_shell("cd '" + tmp.path() + "' && '" + test::binary() +
                                                "' check --to 3.9 --format json .");
      const auto j = nlohmann::json::parse(r.out);
      std::vector<std::string> out;
      for (const auto& f : j["findings"])
        out.push_back(f["rule"].get<std::string>() + " " + f["file"].get<std::string>() + ":" +
                      std::to_string(f["line"].get<int>()) + " " +
                      (f["notes"].empty() ? "" : f["notes"][0].get<std::string>()));
      return out;
    };
    // As published: the three combined nodes, nothing else (no node.id finding: the image
    // completes the id).
    std::vector<std::string> real = codes();
    REQUIRE(real.size() == 3);
    for (const std::string& c : real) CHECK(c.rfind("KL412 docker-compose.yml:", 0) == 0);
    // CONTROLLER_1 without its port: every service's voter list is wrong, through the .env's
    // own interpolation.
    std::string env = test::read(tmp.file(".env"));
    const std::string from = "CONTROLLER_1=${HOST_1}:${CONTROLLER_PORT_1}";
    const std::size_t at = env.find(from);
    REQUIRE(at != std::string::npos);
    test::write(tmp.file(".env"), env.replace(at, from.size(), "CONTROLLER_1=${HOST_1}"));
    int kl201 = 0;
    for (const std::string& c : codes())
      if (c.rfind("KL201", 0) == 0) {
        ++kl201;
        CHECK(c.find("CONTROLLER_1=172.25.3.142 from .env line 11") != std::string::npos);
      }
    CHECK(kl201 == 3);
  }
}
