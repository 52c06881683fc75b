#include "plan/client_config.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"
#include "properties/document.h"

namespace kafkalint::plan {
namespace {

constexpr std::string_view kFlag = "--command-config client.properties";

bool names_it(const std::string& command) { return command.find(kFlag) != std::string::npos; }

// The security protocol of the listener the plan's commands talk to: the first advertised
// (else bound) listener that is not a controller listener, through
// listener.security.protocol.map (a name that is itself a protocol maps to itself).
std::string command_protocol(const properties::Document& d) {
  auto value = [&](std::string_view key) -> std::string {
    const properties::Entry* e = d.find(key);
    return e ? core::trim_blanks(d.value(*e)) : "";
  };
  const auto items = [](const std::string& list) { return core::split_list(list); };
  const std::vector<std::string> controllers =
      items(core::ascii_upper(value("controller.listener.names")));
  std::string name;
  for (const char* key : {"advertised.listeners", "listeners"}) {
    for (const std::string& l : items(value(key))) {
      const std::size_t sep = l.find("://");
      if (sep == std::string::npos) continue;
      const std::string n = core::ascii_upper(l.substr(0, sep));
      if (std::find(controllers.begin(), controllers.end(), n) != controllers.end()) continue;
      name = n;
      break;
    }
    if (!name.empty()) break;
  }
  if (name.empty()) return "PLAINTEXT";  // host.name/port: the PLAINTEXT listener
  for (const std::string& item : items(value("listener.security.protocol.map"))) {
    const std::size_t colon = item.find(':');
    if (colon != std::string::npos &&
        core::ascii_upper(core::trim_blanks(item.substr(0, colon))) == name)
      return core::ascii_upper(core::trim_blanks(item.substr(colon + 1)));
  }
  return name;
}

}  // namespace

bool uses_client_config(const Plan& p) {
  for (const Phase& ph : p.phases) {
    if (std::any_of(ph.commands.begin(), ph.commands.end(), names_it)) return true;
    for (const NodeSteps& s : ph.steps)
      for (const StepAction& a : s.actions)
        if (names_it(a.command)) return true;
    for (const Gate& g : ph.gates)
      if (names_it(g.command)) return true;
    for (const RevertStep& r : ph.revert)
      if (std::any_of(r.commands.begin(), r.commands.end(), names_it)) return true;
  }
  return false;
}

std::optional<NewFile> client_config(const Plan& p) {
  // A refused plan prints no command, so it needs no client settings either.
  if (p.refused || !uses_client_config(p) || p.originals.empty()) return std::nullopt;
  // The commands pass the file only to secured brokers: derive it from the first of them.
  std::size_t from = 0;
  std::vector<properties::ParseResult> parsed;
  for (std::size_t i = 0; i < p.originals.size(); ++i)
    parsed.push_back(properties::parse(p.originals[i], p.brokers[i]));
  for (std::size_t i = 0; i < parsed.size(); ++i)
    if (command_protocol(parsed[i].doc) != "PLAINTEXT") {
      from = i;
      break;
    }
  const properties::Document& d = parsed[from].doc;
  auto value = [&](std::string_view key) -> std::string {
    const properties::Entry* e = d.find(key);
    return e ? core::trim_blanks(d.value(*e)) : "";
  };
  const std::string protocol = command_protocol(d);
  std::string o =
      "# Client settings for the admin tools of this plan (--command-config client.properties),\n"
      "# derived by kafkalint from " +
      p.brokers[from] +
      ": the security of the listener the commands use.\n"
      "# Secrets are not copied: fill in the commented lines before running the commands.\n";
  o += "security.protocol=" + protocol + "\n";
  if (protocol.rfind("SASL", 0) == 0) {
    std::string mech = value("sasl.mechanism.inter.broker.protocol");
    if (mech.empty())
      mech = core::trim_blanks(
          value("sasl.enabled.mechanisms").substr(0, value("sasl.enabled.mechanisms").find(',')));
    if (mech.empty()) mech = "GSSAPI";  // the brokers' default
    o += "sasl.mechanism=" + mech + "\n";
    if (mech == "PLAIN")
      o += "#sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
           "username=\"ADMIN\" password=\"PASSWORD\";\n";
    else if (mech.rfind("SCRAM", 0) == 0)
      o += "#sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
           "username=\"ADMIN\" password=\"PASSWORD\";\n";
    else if (mech == "GSSAPI")
      o += "sasl.kerberos.service.name=" +
           (value("sasl.kerberos.service.name").empty() ? std::string("kafka")
                                                        : value("sasl.kerberos.service.name")) +
           "\n#sasl.jaas.config=com.sun.security.auth.module.Krb5LoginModule required "
           "useKeyTab=true keyTab=\"/path/to/admin.keytab\" principal=\"admin@REALM\";\n";
    else
      o += "#sasl.jaas.config=<the login module of " + mech + " for an admin principal>\n";
  }
  if (protocol.find("SSL") != std::string::npos) {
    for (const char* key : {"ssl.truststore.type", "ssl.truststore.location",
                            "ssl.endpoint.identification.algorithm", "ssl.enabled.protocols"})
      if (const std::string v = value(key); !v.empty()) o += std::string(key) + "=" + v + "\n";
    // An empty value turns off the host name check (the brokers' certificates may not name
    // their hosts): the admin client must do the same, or it refuses those certificates.
    if (d.find("ssl.endpoint.identification.algorithm") &&
        value("ssl.endpoint.identification.algorithm").empty())
      o += "ssl.endpoint.identification.algorithm=\n";
    if (!value("ssl.truststore.location").empty()) o += "#ssl.truststore.password=PASSWORD\n";
    // Brokers that require client certificates need one from the admin too.
    if (value("ssl.client.auth") == "required")
      o += "#ssl.keystore.location=/path/to/admin.keystore.jks\n#ssl.keystore.password=PASSWORD\n";
  }
  return NewFile{kClientConfigName, o};
}

}  // namespace kafkalint::plan
