// Issue 12 point 8: a refusal's "path to take instead" must itself lead to a plan. For the three
// half-done rolls of a migration (KL821), the test takes the golden cluster, does what the path's
// first steps say (exactly as the finished brokers show), and runs the path's last step, the same
// command again: it must plan, resuming from the step every broker has reached. The last case
// walks the plan commands of every refused golden's path, chained through their --out files.

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

const char* const kFiles =
    " broker-1.properties broker-2.properties broker-3.properties controller-3000.properties"
    " controller-3001.properties controller-3002.properties";

std::string plan_in(const test::TempDir& dir) {
  return test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                         "' plan --from 3.9 --to 4.0" + kFiles)
      .out;
}

void copy_golden(const std::string& name, const test::TempDir& dir) {
  for (const auto& e :
       fs::directory_iterator(test::source_dir() + "/testdata/plan/" + name + "/brokers"))
    test::write(dir.file(e.path().filename().string()), test::read(e.path().string()));
}

// The path's last step must be the command that is run again, with every file.
void check_path(const std::string& out) {
  CHECK(out.find(": refused") != std::string::npos);
  CHECK(out.find("path to take instead:") != std::string::npos);
  CHECK(out.find(std::string("plan again with the same files; the plan resumes from the step "
                             "every broker has reached: kafkalint plan --from 3.9 --to 4.0") +
                 kFiles) != std::string::npos);
}

// After the path's steps by hand, the same command plans: no refusal, no KL821, phases.
void check_resumes(const std::string& out) {
  CHECK(out.find(": refused") == std::string::npos);
  CHECK(out.find("KL821") == std::string::npos);
  CHECK(out.find("phase 1:") != std::string::npos);
}

}  // namespace

TEST_SUITE("plan_migration_paths") {
  TEST_CASE("plan: a half-done roll into migration mode has a path that plans") {
    test::TempDir dir;
    copy_golden("refuse-migration-half-rolled", dir);
    check_path(plan_in(dir));
    // Step 1: broker-3 gets the migration keys broker-1 has, as the path says.
    const std::string model = test::read(dir.file("broker-1.properties"));
    std::string keys;
    for (const char* k : {"zookeeper.metadata.migration.enable=", "controller.quorum.voters=",
                          "controller.listener.names=", "listener.security.protocol.map="}) {
      const auto at = model.find(std::string("\n") + k);
      REQUIRE(at != std::string::npos);
      keys += model.substr(at + 1, model.find('\n', at + 1) - at);
    }
    test::write(dir.file("broker-3.properties"),
                test::read(dir.file("broker-3.properties")) + keys);
    check_resumes(plan_in(dir));
  }

  // The same for brokers still without the migration flag next to a KRaft broker: the path's
  // last roll (to KRaft brokers) is the one that brings them to the same step.
  TEST_CASE("plan: a half-done roll to KRaft brokers has a path that plans") {
    for (const char* name :
         {"refuse-migration-half-kraft", "refuse-migration-kraft-next-to-zookeeper"}) {
      CAPTURE(name);
      test::TempDir dir;
      copy_golden(name, dir);
      check_path(plan_in(dir));
      // Step 1: brokers 2 and 3 restart as KRaft brokers, configured as broker-1 is.
      const std::string model = test::read(dir.file("broker-1.properties"));
      for (const std::string n : {"2", "3"}) {
        std::string b = std::regex_replace(model, std::regex("kafka-1\\."), "kafka-" + n + ".");
        b = std::regex_replace(b, std::regex("\nnode\\.id=1\n"), "\nnode.id=" + n + "\n");
        b = std::regex_replace(b, std::regex("Broker 1"), "Broker " + n);
        REQUIRE(b.find("node.id=" + n) != std::string::npos);
        test::write(dir.file("broker-" + n + ".properties"), b);
      }
      check_resumes(plan_in(dir));
    }
  }

  // Pins above --from (KL807) on the migration road: the path names the release the pins say;
  // planned from it, with the same other options and files, the road plans.
  TEST_CASE("plan: pins above --from on the migration road have a path that plans") {
    for (const char* name :
         {"refuse-migration-pins-above-from", "refuse-migration-start-pins-above-from"}) {
      CAPTURE(name);
      test::TempDir dir;
      copy_golden(name, dir);
      std::string args =
          test::trim_newline(test::read(test::source_dir() + "/testdata/plan/" + name + "/args"));
      std::string files;
      for (const auto& e : fs::directory_iterator(dir.path()))
        files += " '" + e.path().filename().string() + "'";
      const auto run = [&](const std::string& a) {
        return test::run_shell("cd '" + dir.path() + "' && '" + test::binary() + "' plan " + a +
                               files);
      };
      const test::RunResult refused = run(args);
      CHECK(refused.code == 1);
      CHECK(refused.out.find("KL807") != std::string::npos);
      std::smatch m;
      REQUIRE(std::regex_search(refused.out, m,
                                std::regex("then plan from it: kafkalint plan --from (\\S+) "
                                           "--to (\\S+) \\.\\.\\.")));
      args = std::regex_replace(args, std::regex("--from \\S+"), "--from " + m[1].str());
      const test::RunResult planned = run(args);
      CHECK(planned.out.find(": refused") == std::string::npos);
      CHECK(planned.out.find("KL807") == std::string::npos);
      CHECK(planned.out.find("phase 1:") != std::string::npos);
    }
  }

  // Every refused golden: the path's leading steps that are plan commands are run in order,
  // each on the files the previous one wrote (its last phase, --out), with the golden's other
  // options where the step says "...": none may be refused. A step the operator does by hand
  // ends the walk (the cases above do those steps).
  TEST_CASE("plan: the plan commands of every refusal's path plan, chained") {
    int walked = 0;
    for (const auto& c : fs::directory_iterator(test::source_dir() + "/testdata/plan")) {
      const std::string name = c.path().filename().string();
      if (!fs::exists(c.path() / "expected.txt")) continue;
      const std::string expected = test::read((c.path() / "expected.txt").string());
      const auto at = expected.find("\npath to take instead:\n");
      if (at == std::string::npos) continue;
      CAPTURE(name);
      const std::string args = test::trim_newline(test::read((c.path() / "args").string()));
      // The golden's options other than --from/--to, for steps that say "...".
      const std::string extra =
          std::regex_replace(args, std::regex("--(from|to) \\S+ ?"), std::string());
      test::TempDir dir;
      fs::create_directories(dir.file("brokers"));
      std::string files;
      for (const auto& e : fs::directory_iterator(c.path() / "brokers")) {
        test::write(dir.file("brokers/" + e.path().filename().string()),
                    test::read(e.path().string()));
        files += " 'brokers/" + e.path().filename().string() + "'";
      }
      std::istringstream steps(expected.substr(at + 23));
      std::string line;
      int n = 0;
      static const std::regex step(
          R"(^  \d+\. (?:.*then plan from it: )?kafkalint plan (--from \S+ --to \S+)(.*)$)");
      while (std::getline(steps, line)) {
        std::smatch m;
        // A step that applies only in some case ("if the ensemble runs ...") does not stop
        // the walk; any other step done by hand does.
        if (std::regex_match(line, std::regex(R"(^  \d+\. if .*)"))) continue;
        if (!std::regex_match(line, m, step)) break;
        std::string rest = std::regex_replace(m[2].str(), std::regex(R"( \([^)]*\)$)"), "");
        std::string cmd = m[1].str();
        if (rest.size() >= 4 && rest.compare(rest.size() - 4, 4, " ...") == 0) {
          rest.resize(rest.size() - 4);
          // "--controllers ..." names the golden's controllers: take them from its args.
          if (rest.find("--controllers") == std::string::npos) cmd += rest;
          cmd += " " + extra + files;
        } else {
          cmd += rest;  // the step names its own options and files
        }
        const std::string out = "out-" + std::to_string(++n);
        const test::RunResult r = test::run_shell("cd '" + dir.path() + "' && '" + test::binary() +
                                                  "' plan " + cmd + " --out " + out);
        INFO("step " << n << ": plan " << cmd << "\n" << r.out);
        CHECK(r.out.find(": refused") == std::string::npos);
        if (r.out.find(": refused") != std::string::npos) break;
        // The next step starts from the files this one ends with.
        int last = 0;
        while (fs::exists(dir.file(out + "/phase-" + std::to_string(last + 1)))) ++last;
        REQUIRE(last > 0);
        for (const auto& e :
             fs::recursive_directory_iterator(dir.file(out + "/phase-" + std::to_string(last))))
          if (e.is_regular_file()) {
            const std::string rel =
                fs::relative(e.path(), dir.file(out + "/phase-" + std::to_string(last))).string();
            if (fs::exists(dir.file(rel)))
              test::write(dir.file(rel), test::read(e.path().string()));
          }
        ++walked;
      }
    }
    CHECK(walked >= 7);  // zk-2.0-to-3.6 walks both of its hops
  }
}
