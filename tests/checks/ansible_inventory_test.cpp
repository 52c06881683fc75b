// Ansible inventories as clusters: how a host's variables are resolved (host_vars over
// group_vars, 'all' for every host, a dict variable replaced as a whole) and which hosts are
// in which group (YAML and INI inventories). Starts from the real inventory of the golden case
// carriers/ansible-inventory-real (Stupnikov-NA/kafka-playbook-sample) and changes one thing
// per case.

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace kafkalint;
namespace fs = std::filesystem;

namespace {

// A copy of the real inventory in a fresh folder.
void copy_real(const test::TempDir& tmp) {
  const fs::path src =
      fs::path(test::source_dir()) / "testdata/checks/carriers/ansible-inventory-real";
  fs::copy(src, tmp.path(), fs::copy_options::recursive);
  fs::remove(tmp.file("args"));
  fs::remove(tmp.file("expected.txt"));
  fs::remove(tmp.file("expected.exit"));
  fs::remove(tmp.file("MANIFEST.tsv"));
}

// The KL6xx findings of `check --to 2.5` on the folder: "file:line:column CODE" each.
std::vector<std::string> cluster_findings(const test::TempDir& tmp) {
  const test::RunResult r = test::run_shell("cd '" + tmp.path() + "' && '" + test::binary() +
                                            "' check --to 2.5 --format json .");
  const auto j = nlohmann::json::parse(r.out);
  std::vector<std::string> out;
  for (const auto& f : j["findings"]) {
    const std::string code = f["rule"];
    if (code.rfind("KL6", 0) != 0) continue;
    out.push_back(f["file"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + ":" +
                  std::to_string(f["column"].get<int>()) + " " + code);
  }
  return out;
}

}  // namespace

TEST_SUITE("checks_ansible_inventory") {
  TEST_CASE("ansible: the real inventory's three brokers are one cluster without a mistake") {
    test::TempDir tmp;
    copy_real(tmp);
    CHECK(cluster_findings(tmp).empty());
  }

  TEST_CASE("ansible: a host_vars value overrides the group's, and is compared where written") {
    test::TempDir tmp;
    copy_real(tmp);
    // broker2 names one more ZooKeeper server than the group gives the others: one cluster
    // (they share 127.0.0.1:2181), with a difference (KL603) at broker2's own line.
    test::write(tmp.file("host_vars/broker2_host.yml"),
                test::read(tmp.file("host_vars/broker2_host.yml")) +
                    "kafka_broker_zookeeper_connect: 127.0.0.1:2181,10.236.30.67:2181\n");
    CHECK(cluster_findings(tmp) ==
          std::vector<std::string>{"host_vars/broker2_host.yml:11:33 KL603"});
  }

  TEST_CASE("ansible: the all group applies to every host; a dict variable is replaced whole") {
    test::TempDir tmp;
    copy_real(tmp);
    // cp-ansible's custom properties in group_vars/all.yml give every host one broker.id,
    // which the role's template value of kafka_broker_id would otherwise set per host: the
    // custom properties win (cp-ansible writes them last), so all three hosts share id 7.
    test::write(tmp.file("group_vars/all.yml"),
                "---\nkafka_broker_custom_properties:\n  broker.id: 7\n  num.io.threads: 8\n");
    CHECK(cluster_findings(tmp) == std::vector<std::string>{"group_vars/all.yml:3:14 KL601"});
    // broker3 defines the variable itself: Ansible replaces the whole dict for that host, so
    // broker3 has no broker.id from it (its template id 1003 stays) and only broker1 and
    // broker2 still clash.
    test::write(tmp.file("host_vars/broker3_host.yml"),
                test::read(tmp.file("host_vars/broker3_host.yml")) +
                    "kafka_broker_custom_properties:\n  num.io.threads: 16\n");
    CHECK(cluster_findings(tmp) == std::vector<std::string>{"group_vars/all.yml:3:14 KL601"});
    const test::RunResult r = test::run_shell("cd '" + tmp.path() + "' && '" + test::binary() +
                                              "' check --to 2.5 --format json .");
    const auto j = nlohmann::json::parse(r.out);
    int kl601 = 0;
    for (const auto& f : j["findings"])
      if (f["rule"] == "KL601") {
        ++kl601;
        CHECK(f["message"].get<std::string>().find("broker1_host") != std::string::npos);
      }
    CHECK(kl601 == 1);
  }

  TEST_CASE("ansible: INI inventories give the groups; hosts outside a group do not get its vars") {
    test::TempDir tmp;
    copy_real(tmp);
    fs::remove(tmp.file("inventory/inventory.yml"));
    // broker3 is not in kafka_broker here: it gets no zookeeper.connect from that group's
    // file, so it is not in the cluster of the two that share 127.0.0.1:2181, and its id,
    // which repeats broker1's, is no clash.
    test::write(tmp.file("inventory/hosts.ini"),
                "[zookeeper]\nzookeeper_host ansible_host=176.34.71.14\n\n[kafka_broker]\n"
                "broker1_host ansible_host=176.34.71.14\nbroker2_host\n\n[other]\nbroker3_host\n");
    test::write(tmp.file("host_vars/broker3_host.yml"), "---\nkafka_broker_id: 1001\n");
    CHECK(cluster_findings(tmp).empty());
    // broker3 in a child group of kafka_broker gets the group's variables: the clash is found.
    test::write(tmp.file("inventory/hosts.ini"),
                "[zookeeper]\nzookeeper_host\n\n[kafka_broker]\nbroker1_host\nbroker2_host\n\n"
                "[brokers_dc2]\nbroker3_host\n\n[kafka_broker:children]\nbrokers_dc2\n");
    CHECK(cluster_findings(tmp) ==
          std::vector<std::string>{"host_vars/broker3_host.yml:2:18 KL601"});
  }
}
