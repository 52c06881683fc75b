// Log4j 1 files and Kafka 4.x: the 4.0 upgrade notes replace config/log4j.properties with
// config/log4j2.yaml and point at log4j-transform-cli for converting old files; the scripts
// warn when KAFKA_LOG4J_OPTS still names a Log4j 1 file (PR #17373, #18290).

#include "checks/log4j_files.h"

#include <algorithm>
#include <filesystem>

#include "core/strings.h"
namespace kafkalint::checks {

bool is_log4j1_config(const PropsFile& f) {
  const std::string name = core::ascii_lower(std::filesystem::path(f.path).filename().string());
  if (name.find("log4j") == std::string::npos || name.find("log4j2") != std::string::npos)
    return false;
  for (const properties::Entry& e : f.doc().entries())
    if (f.doc().key(e).rfind("log4j.", 0) == 0) return true;
  return false;
}

void check_log4j1_for_4x(const PropsFile& f, const CheckKnowledge& k,
                         std::vector<core::Finding>* out) {
  if (!k.reached(k.to, knowledge::Milestone::kLog4j2) || !is_log4j1_config(f)) return;
  std::size_t loggers = 0;
  for (const properties::Entry& e : f.doc().entries())
    if (f.doc().key(e).rfind("log4j.logger.", 0) == 0) ++loggers;
  Emitter emit(f, k, out);
  core::Finding& fd = emit.at_file(
      RuleId::KL150, "a Log4j 1 configuration: Kafka " + k.to->name +
                         " logs with Log4j2 and reads this file only through Log4j2's limited "
                         "compatibility (the scripts print a DEPRECATED warning); convert it to "
                         "log4j2.yaml, e.g. with log4j-transform-cli" +
                         (loggers ? ", keeping its " + std::to_string(loggers) + " logger setting" +
                                        (loggers == 1 ? "" : "s")
                                  : std::string()));
  fd.notes.push_back(
      "source: Kafka 4.0 upgrade notes (Log4j2, config/log4j2.yaml); apache/kafka #17373, "
      "#18290");
}

}  // namespace kafkalint::checks
