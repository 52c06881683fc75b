// Build tool: turns the rule catalogue (rules/kafka/rules.toml) into the list of rule ids the
// C++ checks may emit, so that a mistyped or retired code fails the build instead of shipping
// a finding nobody can look up. Removed rules are left out on purpose: emitting one must not
// compile.
//
// usage: kl_rule_ids RULES_TOML OUTPUT_HEADER

#include <toml++/toml.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

namespace {

bool is_code(const std::string& s) {
  if (s.size() != 5 || s[0] != 'K' || s[1] != 'L') return false;
  for (std::size_t i = 2; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: kl_rule_ids RULES_TOML OUTPUT_HEADER\n";
    return 2;
  }
  toml::table doc;
  try {
    doc = toml::parse_file(argv[1]);
  } catch (const toml::parse_error& e) {
    std::cerr << argv[1] << ":" << e.source().begin.line << ":" << e.source().begin.column << ": "
              << e.description() << "\n";
    return 1;
  }
  const toml::array* rules = doc["rule"].as_array();
  if (!rules) {
    std::cerr << argv[1] << ": no [[rule]] entries\n";
    return 1;
  }
  std::ostringstream out;
  out << "// Generated from rules/kafka/rules.toml by tools/gen_rule_ids.cpp; do not edit.\n"
      << "// One X(code, name, severity) per rule that is not removed, in catalogue order.\n"
      << "#pragma once\n\n#define KAFKALINT_RULE_IDS(X)";
  for (const toml::node& n : *rules) {
    const toml::table* t = n.as_table();
    if (!t) continue;
    const std::string code = (*t)["code"].value_or(std::string());
    const std::string status = (*t)["status"].value_or(std::string("stable"));
    const std::string name = (*t)["name"].value_or(std::string());
    const std::string severity = (*t)["severity"].value_or(std::string());
    if (!is_code(code)) {
      std::cerr << argv[1] << ":" << t->source().begin.line << ": rule code '" << code
                << "' is not of the form KLnnn\n";
      return 1;
    }
    if (status == "removed") continue;
    // The catalogue's own loader checks names and severities in depth; here they only have
    // to be usable as a string literal and an enumerator.
    const bool name_ok =
        !name.empty() &&
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
    if (!name_ok || (severity != "error" && severity != "warning" && severity != "info")) {
      std::cerr << argv[1] << ":" << t->source().begin.line << ": rule " << code
                << " needs a kebab-case name and a severity of error, warning or info\n";
      return 1;
    }
    const char* sev = severity == "error" ? "kError" : severity == "warning" ? "kWarning" : "kInfo";
    out << " \\\n  X(" << code << ", \"" << name << "\", " << sev << ")";
  }
  out << "\n";
  const std::string text = out.str();
  // Only rewrite when the content changed, so that editing a rule's prose does not rebuild
  // every file that includes the ids.
  if (std::ifstream old(argv[2], std::ios::binary); old) {
    const std::string prev((std::istreambuf_iterator<char>(old)), std::istreambuf_iterator<char>());
    if (prev == text) return 0;
  }
  std::ofstream o(argv[2], std::ios::binary);
  o << text;
  return o ? 0 : 1;
}
