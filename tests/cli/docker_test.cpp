// The Dockerfile and the docker_image pre-commit hook. The image is built and run only where a
// container runtime answers (`docker info`); CI machines without one skip that part, and the
// static binary the image carries is tested by tools/test-package.sh in an empty root.
#include <doctest/doctest.h>

#include <string>

#include "test_support.h"

using namespace kafkalint;

TEST_SUITE("docker") {
  TEST_CASE("docker: the hook runs the image the README builds, from the static binary") {
    const std::string dockerfile = test::read(test::source_dir() + "/Dockerfile");
    const std::string hooks = test::read(test::source_dir() + "/.pre-commit-hooks.yaml");
    const std::string readme = test::read(test::source_dir() + "/README.md");
    // The release build (static: the final stage is an empty image) and its entry point.
    CHECK(dockerfile.find("-DKAFKALINT_STATIC=ON") != std::string::npos);
    CHECK(dockerfile.find("FROM scratch") != std::string::npos);
    CHECK(dockerfile.find("ENTRYPOINT [\"/usr/local/bin/kafkalint\"]") != std::string::npos);
    // pre-commit mounts the repository at /src and runs there.
    CHECK(dockerfile.find("WORKDIR /src") != std::string::npos);
    CHECK(hooks.find("language: docker_image") != std::string::npos);
    CHECK(hooks.find("entry: kafkalint:latest check") != std::string::npos);
    CHECK(readme.find("docker build -t kafkalint .") != std::string::npos);
  }

  TEST_CASE("docker: the image checks a mounted folder (where a container runtime exists)") {
    if (test::run_shell("docker info >/dev/null 2>&1").code != 0) {
      MESSAGE("skipped: no container runtime answers 'docker info'");
      return;
    }
    test::TempDir tmp;
    test::write(tmp.file("server.properties"),
                "broker.id=1\nzookeeper.connect=zk-1:2181\nog.message.format.version=2.1\n");
    const auto build =
        test::run_shell("docker build -q -t kafkalint:test '" + test::source_dir() + "'");
    REQUIRE_MESSAGE(build.code == 0, build.err);
    const auto r = test::run_shell("docker run --rm -v '" + tmp.path() +
                                   ":/src' kafkalint:test check --to 3.9 --select KL101 .");
    CHECK(r.code == 1);
    CHECK(r.out.find("[KL101 unknown-key]") != std::string::npos);
  }
}
