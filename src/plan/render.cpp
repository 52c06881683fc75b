#include "plan/render.h"

#include <nlohmann/json.hpp>

#include "core/unified_diff.h"

namespace kafkalint::plan {

namespace {

// Greedy word wrap at `width` columns, every line starting with `indent`.
std::string wrap(const std::string& text, const std::string& indent, std::size_t width = 100) {
  std::string out, line = indent;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    const std::string word = text.substr(i, j - i);
    i = j;
    if (word.empty()) continue;
    if (line.size() > indent.size() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line = indent;
    }
    if (line.size() > indent.size()) line += ' ';
    line += word;
  }
  if (line.size() > indent.size()) out += line + "\n";
  return out;
}

std::string finding_line(const core::Finding& f) {
  std::string s;
  if (!f.where.file.empty())
    s += f.where.file + ":" + std::to_string(f.where.line) + ":" + std::to_string(f.where.column) +
         ": ";
  s += std::string(core::severity_name(f.severity)) + ": " + f.message + " [" + f.code;
  if (!f.name.empty()) s += " " + f.name;
  s += "]";
  if (!f.suggestion.empty()) s += "; " + f.suggestion;
  return s;
}

// The file as it was before phase `index` (the original for the first phase).
const std::string& before(const Plan& plan, std::size_t index, std::size_t file) {
  for (std::size_t i = index; i-- > 0;)
    if (file < plan.phases[i].files_after.size()) return plan.phases[i].files_after[file];
  return plan.originals[file];
}

std::string mode_name(const Plan& p) { return p.mode == "kraft" ? "KRaft" : "ZooKeeper"; }

std::string header(const Plan& p) {
  const std::size_t n = p.brokers.size();
  std::string nodes =
      p.mode == "kraft" ? (n == 1 ? "node" : "nodes") : (n == 1 ? "broker" : "brokers");
  return "Kafka " + p.from + " -> " + p.to + (p.mode.empty() ? "" : ", " + mode_name(p) + " mode") +
         ", " + std::to_string(n) + " " + nodes;
}

std::vector<std::string> all_commands(const Phase& ph) {
  std::vector<std::string> out;
  for (const NodeSteps& s : ph.steps)
    for (const StepAction& a : s.actions)
      if (!a.command.empty()) out.push_back(a.command);
  for (const std::string& c : ph.commands) out.push_back(c);
  return out;
}

}  // namespace

std::string out_relative_path(const std::string& path) {
  std::string out;
  std::size_t i = 0;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    const std::string part = path.substr(i, j - i);
    if (!part.empty() && part != "." && part != "..") out += (out.empty() ? "" : "/") + part;
    i = j + 1;
  }
  return out;
}

std::string render_text(const Plan& p) {
  std::string o = "plan: " + header(p) + (p.refused ? ": refused" : "") + "\n";
  for (std::size_t i = 0; i < p.brokers.size(); ++i) o += "  " + p.brokers[i] + "\n";
  if (!p.findings.empty()) {
    o += "\nfindings (the files checked for Kafka " + p.from + ", and the upgrade path):\n";
    for (const core::Finding& f : p.findings) {
      o += "  " + finding_line(f) + "\n";
      for (const std::string& n : f.notes) o += "    note: " + n + "\n";
    }
  }
  if (p.refused) {
    if (!p.path.empty()) {
      o += "\npath to take instead:\n";
      for (std::size_t i = 0; i < p.path.size(); ++i)
        o += "  " + std::to_string(i + 1) + ". " + p.path[i] + "\n";
    }
    return o;
  }
  for (std::size_t pi = 0; pi < p.phases.size(); ++pi) {
    const Phase& ph = p.phases[pi];
    o += "\nphase " + std::to_string(ph.number) + ": " + ph.title + "\n";
    o += "  restart: " +
         std::string(ph.restart == Restart::kRolling ? "rolling, one node at a time" : "none") +
         "; reversible: " + (ph.reversible ? "yes" : "NO") + "; nodes: " + to_string(ph.nodes) +
         "\n";
    o += wrap("why: " + ph.why, "  ");
    if (ph.restart == Restart::kNone && !ph.commands.empty()) {
      o += "  run:\n";
      for (const std::string& c : ph.commands) o += "    $ " + c + "\n";
    }
    if (!ph.edits.empty()) {
      o += "  edits:\n";
      for (std::size_t f = 0; f < p.brokers.size(); ++f) {
        const std::string d = core::unified_diff(before(p, pi, f), ph.files_after[f],
                                                 "a/" + p.brokers[f], "b/" + p.brokers[f]);
        o += d;
      }
    }
    if (!ph.steps.empty()) {
      o += "  for each node, in this order (the next one only when the last is healthy):\n";
      for (const NodeSteps& s : ph.steps) {
        o += "    " + p.brokers[s.file] + " (" + s.address + ")\n";
        int n = 1;
        for (const StepAction& a : s.actions) {
          o += "      " + std::to_string(n++) + ". " + a.text + "\n";
          if (!a.command.empty()) o += "         $ " + a.command + "\n";
        }
      }
      if (!ph.commands.empty()) {
        o += "  then:\n";
        for (const std::string& c : ph.commands) o += "    $ " + c + "\n";
      }
    }
    for (const std::string& s : ph.sources) o += "  source: " + s + "\n";
  }
  return o;
}

std::string render_json(const Plan& p) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["from"] = p.from;
  j["to"] = p.to;
  j["mode"] = p.mode;
  j["brokers"] = p.brokers;
  j["refused"] = p.refused;
  if (!p.path.empty()) j["path"] = p.path;
  ordered_json findings = ordered_json::array();
  for (const core::Finding& f : p.findings) {
    ordered_json x;
    x["rule"] = f.code;
    x["name"] = f.name;
    x["severity"] = core::severity_name(f.severity);
    x["file"] = f.where.file;
    x["line"] = f.where.line;
    x["column"] = f.where.column;
    x["message"] = f.message;
    x["subject"] = f.subject;
    if (!f.suggestion.empty()) x["suggestion"] = f.suggestion;
    if (!f.notes.empty()) x["notes"] = f.notes;
    findings.push_back(std::move(x));
  }
  j["findings"] = std::move(findings);
  ordered_json phases = ordered_json::array();
  for (const Phase& ph : p.phases) {
    ordered_json x;
    x["number"] = ph.number;
    x["title"] = ph.title;
    x["why"] = ph.why;
    x["restart"] = to_string(ph.restart);
    x["reversible"] = ph.reversible;
    x["nodes"] = to_string(ph.nodes);
    ordered_json edits = ordered_json::array();
    for (const Edit& e : ph.edits) {
      ordered_json y;
      y["file"] = p.brokers[e.file];
      y["action"] = to_string(e.action);
      y["key"] = e.key;
      if (e.action == EditAction::kSet) y["value"] = e.value;
      edits.push_back(std::move(y));
    }
    x["edits"] = std::move(edits);
    x["commands"] = all_commands(ph);
    ordered_json steps = ordered_json::array();
    for (const NodeSteps& s : ph.steps) {
      ordered_json y;
      y["file"] = p.brokers[s.file];
      y["address"] = s.address;
      y["tools"] = s.running;
      ordered_json actions = ordered_json::array();
      for (const StepAction& a : s.actions) {
        ordered_json z;
        z["action"] = a.what;
        z["text"] = a.text;
        if (!a.command.empty()) z["command"] = a.command;
        actions.push_back(std::move(z));
      }
      y["actions"] = std::move(actions);
      steps.push_back(std::move(y));
    }
    x["steps"] = std::move(steps);
    if (!ph.new_files.empty()) {
      ordered_json nf = ordered_json::array();
      for (const NewFile& f : ph.new_files)
        nf.push_back({{"file", f.path}, {"content", f.content}});
      x["new_files"] = std::move(nf);
    }
    x["running"] = ph.running;
    x["sources"] = ph.sources;
    phases.push_back(std::move(x));
  }
  j["phases"] = std::move(phases);
  return j.dump(2) + "\n";
}

std::string render_markdown(const Plan& p) {
  std::string o = "# Upgrade plan: " + header(p) + (p.refused ? " (refused)" : "") + "\n\n";
  o += "Broker files:\n\n";
  for (const std::string& b : p.brokers) o += "- `" + b + "`\n";
  if (!p.findings.empty()) {
    o += "\n## Findings\n\n";
    for (const core::Finding& f : p.findings) {
      o += "- `" + finding_line(f) + "`\n";
      for (const std::string& n : f.notes) o += "  - " + n + "\n";
    }
  }
  if (p.refused) {
    if (!p.path.empty()) {
      o += "\n## Path to take instead\n\n";
      for (std::size_t i = 0; i < p.path.size(); ++i)
        o += std::to_string(i + 1) + ". " + p.path[i] + "\n";
    }
    return o;
  }
  for (std::size_t pi = 0; pi < p.phases.size(); ++pi) {
    const Phase& ph = p.phases[pi];
    o += "\n## Phase " + std::to_string(ph.number) + ": " + ph.title + "\n\n";
    o += "- Restart: " +
         std::string(ph.restart == Restart::kRolling ? "rolling, one node at a time" : "none") +
         "\n";
    o += "- Reversible: " + std::string(ph.reversible ? "yes" : "**no**") + "\n";
    o += "- Nodes: " + std::string(to_string(ph.nodes)) + "\n\n";
    o += ph.why + "\n";
    if (ph.restart == Restart::kNone && !ph.commands.empty()) {
      o += "\n```sh\n";
      for (const std::string& c : ph.commands) o += c + "\n";
      o += "```\n";
    }
    if (!ph.edits.empty()) {
      o += "\n```diff\n";
      for (std::size_t f = 0; f < p.brokers.size(); ++f)
        o += core::unified_diff(before(p, pi, f), ph.files_after[f], "a/" + p.brokers[f],
                                "b/" + p.brokers[f]);
      o += "```\n";
    }
    if (!ph.steps.empty()) {
      o += "\nOne node at a time, in this order:\n";
      for (const NodeSteps& s : ph.steps) {
        o += "\n### `" + p.brokers[s.file] + "` (" + s.address + ")\n\n";
        int n = 1;
        for (const StepAction& a : s.actions) {
          o += std::to_string(n++) + ". " + a.text;
          if (!a.command.empty()) o += ": `" + a.command + "`";
          o += "\n";
        }
      }
      if (!ph.commands.empty()) {
        o += "\nThen:\n\n```sh\n";
        for (const std::string& c : ph.commands) o += c + "\n";
        o += "```\n";
      }
    }
    if (!ph.sources.empty()) {
      o += "\nSources: ";
      for (std::size_t i = 0; i < ph.sources.size(); ++i) o += (i ? "; " : "") + ph.sources[i];
      o += "\n";
    }
  }
  return o;
}

}  // namespace kafkalint::plan
