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

// KAFKA_LOG4J_OPTS naming a Log4j 1 file, for a 4.x target. The 4.x scripts test the
// variable for a trailing `log4j.<...>` word, print "DEPRECATED: A Log4j 1.x configuration
// file has been detected" and leave the file to Log4j2's limited Log4j 1 compatibility (4.0
// upgrade notes; apache/kafka PR #17373, #18290). The variable is set on the same line (shell,
// Dockerfile, Compose, systemd) or on the line before (a Kubernetes `name:`/`value:` pair);
// other programs' variables (SCHEMA_REGISTRY_LOG4J_OPTS, KSQL_LOG4J_OPTS) are not Kafka's.
template <typename Emit>
void check_log4j_opts(const std::string& s, const std::string& target, const Emit& emit) {
  static const std::string kVar = "KAFKA_LOG4J_OPTS";
  static const std::string kProp = "-Dlog4j.configuration=";
  if (s.find(kVar) == std::string::npos) return;
  for (std::size_t at = s.find(kProp); at != std::string::npos; at = s.find(kProp, at + 1)) {
    const std::size_t line_start = at == 0 ? 0 : s.rfind('\n', at - 1);
    std::size_t from = line_start == std::string::npos ? 0 : line_start;
    if (from > 0) {  // one line further back for a name:/value: pair
      const std::size_t prev = s.rfind('\n', from - 1);
      from = prev == std::string::npos ? 0 : prev;
    }
    const std::size_t var = s.find(kVar, from);
    if (var == std::string::npos || var > at) continue;
    // The variable must be the whole name: not SOME_KAFKA_LOG4J_OPTS.
    if (var > 0 && (std::isalnum(static_cast<unsigned char>(s[var - 1])) || s[var - 1] == '_'))
      continue;
    std::size_t end = at + kProp.size();
    while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end])) && s[end] != '"' &&
           s[end] != '\'' && s[end] != ';')
      ++end;
    const std::string file = s.substr(at + kProp.size(), end - at - kProp.size());
    if (file.empty()) continue;
    core::Finding* fd = emit(
        RuleId::KL150, at, end - at,
        "KAFKA_LOG4J_OPTS names a Log4j 1 configuration ('" + file + "'): Kafka " + target +
            " logs with Log4j2, its scripts print a DEPRECATED warning at every start and read "
            "the file only through Log4j2's limited compatibility; convert it to log4j2.yaml, "
            "e.g. with log4j-transform-cli, and pass it as -Dlog4j2.configurationFile=");
    fd->notes.push_back(
        "source: Kafka 4.0 upgrade notes (Log4j2, config/log4j2.yaml); apache/kafka #17373, "
        "#18290");
  }
}

}  // namespace

void check_runtime(const ScriptFile& f, const CheckKnowledge& k, std::vector<core::Finding>* out) {
  const std::string& s = f.content;
  using knowledge::Milestone;
  // The lines that dropped Scala 2.12 and Java 11 (versions.toml milestones).
  const knowledge::Release* no_scala212 =
      k.versions ? k.versions->milestone_line(Milestone::kScala212Removed) : nullptr;
  const knowledge::Release* java17 =
      k.versions ? k.versions->milestone_line(Milestone::kJava17) : nullptr;
  const auto emit = [&](RuleId id, std::size_t off, std::size_t len, std::string msg) {
    core::Finding fd = knowledge::make_finding(k.rules, id);
    const core::TextPosition at = f.lines.position(off);
    fd.where = {f.path, at.line, at.column};
    fd.length = static_cast<int>(len);
    fd.message = std::move(msg);
    fd.source_line = std::string(f.line_text(fd.where.line));
    out->push_back(std::move(fd));
    return &out->back();
  };
  if (k.reached(k.to, Milestone::kLog4j2)) check_log4j_opts(s, k.to->name, emit);
  if (s.find("kafka") == std::string::npos && s.find("Kafka") == std::string::npos) return;
  // The Kafka distributions the file downloads or unpacks: kafka_2.13-4.0.0.tgz.
  static const std::regex dist(R"(kafka_(2\.1[0-3])-(\d+)\.(\d+)(?:\.\d+)?(?:\.tgz|\.tar\.gz|\b))");
  std::optional<core::Version> installed;
  // The regex matches only where this literal starts: without it, no need to run the regex.
  const bool names_dist = s.find("kafka_2.1") != std::string::npos;
  for (std::sregex_iterator it = names_dist ? std::sregex_iterator(s.begin(), s.end(), dist)
                                            : std::sregex_iterator(),
                            end;
       it != end; ++it) {
    const auto& m = *it;
    if (m[2].length() > 3 || m[3].length() > 3) continue;
    const auto v = core::Version::parse(m[2].str() + "." + m[3].str());
    if (!v) continue;
    if (!installed || *installed < *v) installed = v;
    if (no_scala212 && !(*v < no_scala212->version) && m[1].str() == "2.12")
      emit(RuleId::KL831, static_cast<std::size_t>(m.position(0)),
           static_cast<std::size_t>(m.length(0)),
           "Kafka " + m[2].str() + "." + m[3].str() +
               " has no Scala 2.12 build: " + no_scala212->name +
               " dropped Scala 2.12 (KIP-751); use the kafka_2.13 "
               "one");
  }
  // The Kafka that runs on this Java: the installed distribution, else the target when the file
  // installs one of unknown version.
  std::optional<core::Version> kafka = installed;
  if (!kafka && k.to && s.find("kafka_2.") != std::string::npos) kafka = k.to->version;
  if (!kafka || !java17 || *kafka < java17->version || f.kind != scripts::FileKind::kDockerfile)
    return;
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
