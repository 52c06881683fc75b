#include "checks/runtime_checks.h"

#include <cctype>
#include <optional>
#include <regex>
#include <string>

#include "core/version.h"

namespace kafkalint::checks {
namespace {

struct Hit {
  std::size_t offset = 0, length = 0;
  std::string text;
};

// The Java major version of a base image ("eclipse-temurin:11-jre", "openjdk:8u342",
// "amazoncorretto:11", "registry.access.redhat.com/ubi8/openjdk-11"), or nullopt.
std::optional<int> java_of(const std::string& image) {
  static const std::regex repo_tag(
      R"((?:^|/)(openjdk|eclipse-temurin|amazoncorretto|adoptopenjdk|ibmjava|ibm-semeru-runtimes|sapmachine|zulu-openjdk|zulu-openjdk-alpine|liberica-openjdk-[a-z]+|microsoft/openjdk/jdk|jdk|jre):(?:openjdk-)?(\d+))",
      std::regex::icase);
  static const std::regex in_name(R"((?:^|/)(?:openjdk|jdk|jre|java)-?(\d+)(?:[:/@-]|$))",
                                  std::regex::icase);
  std::smatch m;
  if (std::regex_search(image, m, repo_tag)) return std::stoi(m[2].str().substr(0, 3));
  if (std::regex_search(image, m, in_name)) return std::stoi(m[1].str().substr(0, 3));
  return std::nullopt;
}

int line_of(const std::string& s, std::size_t off) {
  int line = 1;
  for (std::size_t i = 0; i < off && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

int column_of(const std::string& s, std::size_t off) {
  const std::size_t nl = s.rfind('\n', off == 0 ? 0 : off - 1);
  return static_cast<int>(off - (nl == std::string::npos || off == 0 ? 0 : nl + 1)) + 1;
}

}  // namespace

void check_runtime(const ScriptFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out) {
  const std::string& s = f.content;
  if (s.find("kafka") == std::string::npos && s.find("Kafka") == std::string::npos) return;
  const auto v4 = *core::Version::parse("4.0");
  const auto emit = [&](RuleId id, std::size_t off, std::size_t len, std::string msg) {
    core::Finding fd = knowledge::make_finding(k.rules, id);
    fd.where = {f.path, line_of(s, off), column_of(s, off)};
    fd.length = static_cast<int>(len);
    fd.message = std::move(msg);
    fd.source_line = std::string(f.line_text(fd.where.line));
    out->push_back(std::move(fd));
  };
  // The Kafka distributions the file downloads or unpacks: kafka_2.13-4.0.0.tgz.
  static const std::regex dist(R"(kafka_(2\.1[0-3])-(\d+)\.(\d+)(?:\.\d+)?(?:\.tgz|\.tar\.gz|\b))");
  std::optional<core::Version> installed;
  for (std::sregex_iterator it(s.begin(), s.end(), dist), end; it != end; ++it) {
    const auto& m = *it;
    if (m[2].length() > 3 || m[3].length() > 3) continue;
    const auto v = core::Version::parse(m[2].str() + "." + m[3].str());
    if (!v) continue;
    if (!installed || *installed < *v) installed = v;
    if (!(*v < v4) && m[1].str() == "2.12")
      emit(RuleId::KL831, static_cast<std::size_t>(m.position(0)),
           static_cast<std::size_t>(m.length(0)),
           "Kafka " + m[2].str() + "." + m[3].str() +
               " has no Scala 2.12 build: 4.0 dropped Scala 2.12 (KIP-751); use the kafka_2.13 "
               "one");
  }
  // The Kafka that runs on this Java: the installed distribution, else the target when the file
  // installs one of unknown version.
  std::optional<core::Version> kafka = installed;
  if (!kafka && k.to && s.find("kafka_2.") != std::string::npos) kafka = k.to->version;
  if (!kafka || *kafka < v4 || f.kind != scripts::FileKind::kDockerfile) return;
  static const std::regex from(R"((^|\n)[ \t]*FROM[ \t]+(?:--platform=\S+[ \t]+)?(\S+))",
                               std::regex::icase);
  for (std::sregex_iterator it(s.begin(), s.end(), from), end; it != end; ++it) {
    const auto& m = *it;
    const std::string image = m[2].str();
    const std::optional<int> java = java_of(image);
    if (!java || *java >= 17) continue;
    emit(RuleId::KL830, static_cast<std::size_t>(m.position(2)), image.size(),
         "'" + image + "' runs Java " + std::to_string(*java) + ", but Kafka " + kafka->str() +
             " brokers, Connect and tools need Java 17 or newer (clients and Streams need 11)");
  }
}

}  // namespace kafkalint::checks
