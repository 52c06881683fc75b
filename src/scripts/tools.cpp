// Which program names are Kafka tools, and which script a main class belongs to.

#include "scripts/tools.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/strings.h"
#include "scripts/extract.h"

namespace kafkalint::scripts {
namespace {

// Used when the caller passes no table: the classes people run through kafka-run-class.sh.
constexpr std::array<std::pair<std::string_view, std::string_view>, 31> kMainClasses{{
    {"kafka.Kafka", "kafka-server-start.sh"},
    {"kafka.admin.AclCommand", "kafka-acls.sh"},
    {"kafka.admin.BrokerApiVersionsCommand", "kafka-broker-api-versions.sh"},
    {"kafka.admin.ConfigCommand", "kafka-configs.sh"},
    {"kafka.admin.ConsumerGroupCommand", "kafka-consumer-groups.sh"},
    {"kafka.admin.DeleteRecordsCommand", "kafka-delete-records.sh"},
    {"kafka.admin.FeatureCommand", "kafka-features.sh"},
    {"kafka.admin.LeaderElectionCommand", "kafka-leader-election.sh"},
    {"kafka.admin.LogDirsCommand", "kafka-log-dirs.sh"},
    {"kafka.admin.PreferredReplicaLeaderElectionCommand", "kafka-preferred-replica-election.sh"},
    {"kafka.admin.ReassignPartitionsCommand", "kafka-reassign-partitions.sh"},
    {"kafka.admin.TopicCommand", "kafka-topics.sh"},
    {"kafka.tools.ConsoleConsumer", "kafka-console-consumer.sh"},
    {"kafka.tools.ConsoleProducer", "kafka-console-producer.sh"},
    {"kafka.tools.ConsumerOffsetChecker", "kafka-consumer-offset-checker.sh"},
    {"kafka.tools.ConsumerPerformance", "kafka-consumer-perf-test.sh"},
    {"kafka.tools.DumpLogSegments", "kafka-dump-log.sh"},
    {"kafka.tools.EndToEndLatency", "kafka-e2e-latency.sh"},
    {"kafka.tools.GetOffsetShell", "kafka-get-offsets.sh"},
    {"kafka.tools.MirrorMaker", "kafka-mirror-maker.sh"},
    {"kafka.tools.ReplicaVerificationTool", "kafka-replica-verification.sh"},
    {"kafka.tools.StorageTool", "kafka-storage.sh"},
    {"org.apache.kafka.connect.cli.ConnectDistributed", "connect-distributed.sh"},
    {"org.apache.kafka.connect.cli.ConnectStandalone", "connect-standalone.sh"},
    {"org.apache.kafka.connect.mirror.MirrorMaker", "connect-mirror-maker.sh"},
    {"org.apache.kafka.tools.GetOffsetShell", "kafka-get-offsets.sh"},
    {"org.apache.kafka.tools.ProducerPerformance", "kafka-producer-perf-test.sh"},
    {"org.apache.kafka.tools.EndToEndLatency", "kafka-e2e-latency.sh"},
    {"org.apache.kafka.tools.TopicCommand", "kafka-topics.sh"},
    {"org.apache.kafka.tools.ConsumerPerformance", "kafka-consumer-perf-test.sh"},
    {"org.apache.kafka.trogdor.coordinator.Coordinator", "trogdor.sh"},
}};

bool tool_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

}  // namespace

std::string_view base_name(std::string_view program) {
  // '\' too: Windows paths ('C:\kafka\bin\windows\kafka-topics.bat') in batch files and
  // exec-form lists keep their backslashes; a shell word only has one when it was escaped.
  const std::size_t slash = program.find_last_of("/\\");
  return slash == std::string_view::npos ? program : program.substr(slash + 1);
}

std::string kafka_tool_name(std::string_view program, const ExtractOptions& opts) {
  // 'log.dir=/tmp/kafka-logs-1' is a property line, not a program.
  if (program.find('=') != std::string_view::npos) return {};
  std::string_view base = base_name(program);
  // A full stop or comma glued to the name in prose-like docs ("run kafka-topics.sh."): the
  // author meant the script; the check reports the stray mark (KL713).
  // (A lone mark has nothing before it: the fuzzer found ". " reading before the string.)
  while (base.size() > 1 && (base.back() == '.' || base.back() == ',' || base.back() == ';')) {
    const std::string_view head = base.substr(0, base.size() - 1);
    if (!core::ends_with(head, ".sh") && !core::ends_with(head, ".bat") && head.back() != '.' &&
        head.back() != ',')
      break;
    base.remove_suffix(1);
  }
  if (base.empty() || !std::all_of(base.begin(), base.end(), tool_char)) return {};
  if (core::ends_with(base, ".sh"))
    base.remove_suffix(3);
  else if (core::ends_with(base, ".bat"))
    base.remove_suffix(4);
  if (base.find('.') != std::string_view::npos)
    return {};  // "kafka-topics.sh.orig", "kafka-1.2.tgz"
  std::string name(base);
  name += ".sh";
  for (const std::string& extra : opts.extra_tools)
    if (extra == name || extra == base) return name;
  // Everything Kafka ships in bin/: kafka-*, zookeeper-*, connect-*, trogdor.sh.
  for (std::string_view prefix :
       {std::string_view("kafka-"), std::string_view("zookeeper-"), std::string_view("connect-")})
    if (core::starts_with(base, prefix) && base.size() > prefix.size()) return name;
  if (base == "trogdor") return name;
  return {};
}

std::string script_for_class(std::string_view main_class, const ExtractOptions& opts) {
  if (!opts.main_classes.empty()) {
    auto it = opts.main_classes.find(main_class);
    return it == opts.main_classes.end() ? std::string() : it->second;
  }
  for (const auto& [cls, script] : kMainClasses)
    if (cls == main_class) return std::string(script);
  return {};
}

const char* kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::kShell:
      return "shell";
    case FileKind::kDockerfile:
      return "dockerfile";
    case FileKind::kMakefile:
      return "makefile";
    case FileKind::kYaml:
      return "yaml";
    case FileKind::kMarkdown:
      return "markdown";
    case FileKind::kAsciiDoc:
      return "asciidoc";
    case FileKind::kHtml:
      return "html";
    case FileKind::kText:
      return "text";
    case FileKind::kBatch:
      return "batch";
    case FileKind::kPowerShell:
      return "powershell";
    case FileKind::kEnv:
      return "env";
    case FileKind::kInventory:
      return "ansible-inventory";
    case FileKind::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace kafkalint::scripts
