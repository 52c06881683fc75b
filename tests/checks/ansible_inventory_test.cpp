// Ansible inventories as clusters: how a host's variables are resolved (host_vars over
// group_vars, 'all' for every host, a dict variable replaced as a whole) and which hosts are
// in which group (YAML and INI inventories). Starts from the real inventory of the golden case
// carriers/ansible-inventory-real (Stupnikov-NA/kafka-playbook-sample) and changes one thing
// per case.

#include "checks/ansible_inventory.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace kafkalint;
namespace fs = std::filesystem;

namespace {

// A copy of a real inventory golden (ansible-inventory-real by default) in a fresh folder.
void copy_real(const test::TempDir& tmp, const char* golden = "ansible-inventory-real") {
  const fs::path src = fs::path(test::source_dir()) / "testdata/checks/carriers" / golden;
  fs::copy(src, tmp.path(), fs::copy_options::recursive);
  fs::remove(tmp.file("args"));
  fs::remove(tmp.file("expected.txt"));
  fs::remove(tmp.file("expected.exit"));
  fs::remove(tmp.file("MANIFEST.tsv"));
}

// `text` with `from` replaced by `to` (which must be there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Drops the kafka_broker_id line of a host_vars file of the real inventory.
void drop_id(const test::TempDir& tmp, const std::string& host) {
  const std::string path = tmp.file("host_vars/" + host + ".yml");
  const std::string text = test::read(path);
  const std::size_t at = text.find("kafka_broker_id:");
  REQUIRE(at != std::string::npos);
  test::write(path, text.substr(0, at) + text.substr(text.find('\n', at) + 1));
}

// The KL6xx findings of `check --to 2.5` on the folder: "file:line:column CODE" each.
std::vector<std::string> cluster_findings(const test::TempDir& tmp, const char* to = "2.5") {
  const test::RunResult r = test::run_shell("cd '" + tmp.path() + "' && '" + test::binary() +
                                            "' check --to " + to + " --format json .");
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

  TEST_CASE("ansible: host ranges expand as Ansible's expand_hostname_range does") {
    using V = std::vector<std::string>;
    using checks::expand_host_pattern;
    CHECK(expand_host_pattern("web[01:03].example.com") ==
          V{"web01.example.com", "web02.example.com", "web03.example.com"});
    CHECK(expand_host_pattern("db-[a:c]") == V{"db-a", "db-b", "db-c"});
    CHECK(expand_host_pattern("n[0:10:2]") == V{"n0", "n2", "n4", "n6", "n8", "n10"});
    CHECK(expand_host_pattern("db-[99:101]-node") == V{"db-99-node", "db-100-node", "db-101-node"});
    // Letters run a-z then A-Z; an empty begin is 0; several ranges multiply.
    CHECK(expand_host_pattern("h[y:B]") == V{"hy", "hz", "hA", "hB"});
    CHECK(expand_host_pattern("h[:2]") == V{"h0", "h1", "h2"});
    CHECK(expand_host_pattern("r[1:2]n[01:02]") == V{"r1n01", "r1n02", "r2n01", "r2n02"});
    // A begin above the end names no host, as Python's range() does.
    CHECK(expand_host_pattern("h[5:3]").empty());
    // Patterns Ansible rejects, and huge ranges, stay the one name written.
    for (const char* bad : {"h[01:3]", "h[1:]", "h[1:3:0]", "h[c:a]", "h[1:x]", "h[1]", "h[1:3",
                            "h[0:99999999999]", "plain.example.com"})
      CHECK(expand_host_pattern(bad) == V{bad});
  }

  TEST_CASE("ansible: an INI host range puts every host it names in the group") {
    test::TempDir tmp;
    copy_real(tmp);
    fs::remove(tmp.file("inventory/inventory.yml"));
    test::write(tmp.file("host_vars/broker3_host.yml"), "---\nkafka_broker_id: 1001\n");
    // broker[1:2]_host leaves broker3 out of kafka_broker: its repeated id is no clash.
    test::write(tmp.file("inventory/hosts.ini"),
                "[zookeeper]\nzookeeper_host\n\n[kafka_broker]\nbroker[1:2]_host\n");
    CHECK(cluster_findings(tmp).empty());
    // broker[1:3]_host names broker3 too: the clash with broker1 is found where it is written.
    test::write(tmp.file("inventory/hosts.ini"),
                "[zookeeper]\nzookeeper_host\n\n[kafka_broker]\nbroker[1:3]_host\n");
    CHECK(cluster_findings(tmp) ==
          std::vector<std::string>{"host_vars/broker3_host.yml:2:18 KL601"});
  }

  TEST_CASE("ansible: role defaults are the lowest layer, for the hosts whose play runs the role") {
    test::TempDir tmp;
    copy_real(tmp);
    // Without their own ids broker2 and broker3 take the kafka-broker role's default 0 (the
    // playbook kafka.yml runs the role on kafka_broker); zookeeper_host, whose play does not
    // run it, is no broker.
    drop_id(tmp, "broker2_host");
    drop_id(tmp, "broker3_host");
    CHECK(cluster_findings(tmp) ==
          std::vector<std::string>{"roles/kafka-broker/defaults/main.yml:12:18 KL601"});
    // A play whose pattern excludes hosts is not resolved: it gives no host the defaults.
    test::write(tmp.file("kafka.yml"),
                replaced(test::read(tmp.file("kafka.yml")), "- hosts: kafka_broker",
                         "- hosts: all:!zookeeper"));
    CHECK(cluster_findings(tmp).empty());
  }

  TEST_CASE("ansible: each layer of the precedence wins over the one below it") {
    test::TempDir tmp;
    copy_real(tmp);
    drop_id(tmp, "broker2_host");
    drop_id(tmp, "broker3_host");
    // The inventory file's group vars win over the role defaults...
    const std::string inv = tmp.file("inventory/inventory.yml");
    test::write(inv, replaced(test::read(inv), "    kafka_broker:\n      hosts:",
                              "    kafka_broker:\n      vars:\n        kafka_broker_id: 9\n"
                              "      hosts:"));
    CHECK(cluster_findings(tmp) == std::vector<std::string>{"inventory/inventory.yml:11:26 KL601"});
    // ...group_vars/<group> wins over them...
    test::write(tmp.file("group_vars/kafka_broker.yml"),
                test::read(tmp.file("group_vars/kafka_broker.yml")) + "kafka_broker_id: 8\n");
    CHECK(cluster_findings(tmp) ==
          std::vector<std::string>{"group_vars/kafka_broker.yml:11:18 KL601"});
    // ...the inventory file's host vars win over group_vars/<group>...
    test::write(inv, replaced(test::read(inv),
                              "        broker3_host:\n          ansible_host: 176.34.71.14\n",
                              "        broker3_host:\n          ansible_host: 176.34.71.14\n"
                              "          kafka_broker_id: 1003\n"
                              "          kafka_broker_zookeeper_connect: "
                              "127.0.0.1:2181,10.0.0.9:2181\n"));
    CHECK(cluster_findings(tmp) == std::vector<std::string>{"inventory/inventory.yml:22:43 KL603"});
    // ...and host_vars/<host> wins over the inventory file's host vars.
    test::write(tmp.file("host_vars/broker3_host.yml"),
                test::read(tmp.file("host_vars/broker3_host.yml")) +
                    "kafka_broker_zookeeper_connect: 127.0.0.1:2181\n");
    CHECK(cluster_findings(tmp).empty());
  }

  TEST_CASE("ansible: inline host vars of a real YAML inventory are compared where written") {
    test::TempDir tmp;
    copy_real(tmp, "ansible-yaml-inline-vars-real");
    CHECK(cluster_findings(tmp, "4.1").empty());
    // Two of the six brokers given one id in their inline cp-ansible custom properties.
    std::string text = test::read(tmp.file("hosts.yml"));
    for (const char* host :
         {"ec2-region-a-broker2.example.com", "ec2-region-b-broker1.example.com"})
      text = replaced(
          text, std::string(host) + ":\n      kafka_broker_custom_properties:\n",
          std::string(host) + ":\n      kafka_broker_custom_properties:\n        broker.id: 1\n");
    test::write(tmp.file("hosts.yml"), text);
    CHECK(cluster_findings(tmp, "4.1") == std::vector<std::string>{"hosts.yml:52:20 KL601"});
  }

  TEST_CASE("ansible: INI inline host and group vars, over the real role's defaults") {
    test::TempDir tmp;
    copy_real(tmp, "ansible-ini-inline-vars-real");
    CHECK(cluster_findings(tmp, "3.8").empty());
    // Two brokers without their inline id take the sleighzy.kafka role's default 0.
    std::string hosts = test::read(tmp.file("hosts"));
    hosts = replaced(hosts, "192.168.64.42       kafka_broker_id=1   ", "192.168.64.42");
    hosts = replaced(hosts, "192.168.64.43       kafka_broker_id=2   ", "192.168.64.43");
    test::write(tmp.file("hosts"), hosts);
    CHECK(cluster_findings(tmp, "3.8") ==
          std::vector<std::string>{"roles/sleighzy.kafka/defaults/main/001-kafka.yml:28:18 KL601"});
    // [kafka:vars] wins over the role defaults; an inline host var over [kafka:vars]; the
    // finding is on the INI line that repeats 192.168.64.41's id.
    test::write(tmp.file("hosts"),
                replaced(hosts, "192.168.64.43\n", "192.168.64.43 kafka_broker_id=\"0\"\n") +
                    "\n[kafka:vars]\nkafka_broker_id=4\n");
    CHECK(cluster_findings(tmp, "3.8") == std::vector<std::string>{"hosts:4:32 KL601"});
  }
}
