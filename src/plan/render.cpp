#include "plan/render.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/unified_diff.h"
#include "plan/reasons.h"
#include "properties/document.h"

namespace kafkalint::plan {

namespace {

// The name a diff header gives a file of the plan: one git apply accepts (never "a//abs" or
// "a/../x"): relative to the working directory, or, when any file of the plan is outside it,
// every name from '/', so that all the plan's diffs apply from one place.
std::string diff_name(const Plan& p, const std::string& path) {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  bool from_root = false;
  for (const std::string& b : p.brokers) from_root = from_root || core::outside_dir(b, cwd);
  for (const Phase& ph : p.phases)
    for (const NewFile& f : ph.new_files) from_root = from_root || core::outside_dir(f.path, cwd);
  return core::patch_path(path, cwd, from_root);
}

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

// A migration plan's files: brokers, controller files given (a migration under way) and
// controller files the plan writes from scratch.
struct FileCounts {
  std::size_t brokers = 0, controllers = 0, added = 0;
};

FileCounts count_files(const Plan& p) {
  FileCounts c;
  for (std::size_t i = 0; i < p.brokers.size(); ++i) {
    if (i < p.created_in.size() && p.created_in[i] > 0) {
      ++c.added;
      continue;
    }
    bool controller = false;
    if (!p.legs.empty()) {
      const properties::ParseResult parsed = properties::parse(p.originals[i], p.brokers[i]);
      if (const properties::Entry* e = parsed.doc.find("process.roles"))
        controller = parsed.doc.value(*e) == "controller";
    }
    ++(controller ? c.controllers : c.brokers);
  }
  return c;
}

std::string header(const Plan& p) {
  const FileCounts c = count_files(p);
  const std::size_t n = c.brokers;
  std::string nodes =
      p.mode == "kraft" ? (n == 1 ? "node" : "nodes") : (n == 1 ? "broker" : "brokers");
  std::string h = "Kafka " + p.from + " -> " + p.to +
                  (p.mode.empty() ? "" : ", " + mode_name(p) + " mode") + ", " + std::to_string(n) +
                  " " + nodes;
  if (c.controllers > 0)
    h += ", " + std::to_string(c.controllers) + " controller" + (c.controllers == 1 ? "" : "s");
  if (c.added > 0)
    h += ", " + std::to_string(c.added) + " new controller" + (c.added == 1 ? "" : "s");
  return h;
}

// The releases the nodes may run during a phase ("3.9", "3.9 or 4.1").
std::string running_text(const Phase& ph) {
  std::string s;
  for (std::size_t i = 0; i < ph.running.size(); ++i)
    s += (i == 0 ? "" : i + 1 == ph.running.size() ? " or " : ", ") + ph.running[i];
  return s;
}

// "leg 2 of 4: ..." before the first phase of each leg of a chained plan.
std::string leg_heading(const Plan& p, std::size_t pi) {
  if (p.legs.empty()) return "";
  const Phase& ph = p.phases[pi];
  if (pi > 0 && p.phases[pi - 1].leg == ph.leg) return "";
  return "leg " + std::to_string(ph.leg + 1) + " of " + std::to_string(p.legs.size()) + ": " +
         p.legs[ph.leg].title;
}

std::vector<std::string> all_commands(const Phase& ph) {
  std::vector<std::string> out;
  for (const NodeSteps& s : ph.steps)
    for (const StepAction& a : s.actions)
      if (!a.command.empty()) out.push_back(a.command);
  for (const std::string& c : ph.commands) out.push_back(c);
  return out;
}

// The way back from a phase: each step, its commands, and the file changes against the files
// as the step before left them (a removed file is named, not diffed).
std::string revert_text(const Plan& p, const Phase& ph, bool markdown = false) {
  std::string o;
  std::vector<std::string> current = ph.files_after;
  for (std::size_t r = 0; r < ph.revert.size(); ++r) {
    const RevertStep& st = ph.revert[r];
    const std::string text =
        st.text + (st.restart == Restart::kRolling ? " (rolling restart, one node at a time)" : "");
    o += markdown ? std::to_string(r + 1) + ". " + text + "\n"
                  : wrap(std::to_string(r + 1) + ". " + text, "    ");
    if (markdown && !st.commands.empty()) o += "\n   ```sh\n";
    for (const std::string& c : st.commands) o += (markdown ? "   " : "       $ ") + c + "\n";
    if (markdown && !st.commands.empty()) o += "   ```\n";
    std::string diffs;
    for (std::size_t f = 0; f < st.files.size() && f < current.size(); ++f) {
      if (st.files[f] == current[f]) continue;
      if (st.files[f].empty())
        o += (markdown ? "   - remove `" : "       remove ") + p.brokers[f] +
             (markdown ? "`\n" : "\n");
      else
        diffs += core::unified_diff(current[f], st.files[f], "a/" + diff_name(p, p.brokers[f]),
                                    "b/" + diff_name(p, p.brokers[f]));
      current[f] = st.files[f];
    }
    if (!diffs.empty()) o += markdown ? "\n```diff\n" + diffs + "```\n" : diffs;
  }
  return o;
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
    if (std::string leg = leg_heading(p, pi); !leg.empty()) {
      o += "\n== " + leg + "\n";
      for (const std::string& r : p.legs[ph.leg].running) o += "   runs: " + r + "\n";
    }
    o += "\nphase " + std::to_string(ph.number) + ": " + ph.title + "\n";
    o += "  restart: " +
         std::string(ph.restart == Restart::kRolling ? "rolling, one node at a time" : "none") +
         "; reversible: " + (ph.reversible ? "yes" : "NO") + "; nodes: " + to_string(ph.nodes) +
         "\n";
    if (!p.legs.empty()) o += "  files read by: Kafka " + running_text(ph) + "\n";
    o += wrap("why: " + word_why(ph.why), "  ");
    if (ph.restart == Restart::kNone && !ph.commands.empty()) {
      o += "  run:\n";
      for (const std::string& c : ph.commands) o += "    $ " + c + "\n";
    }
    if (!ph.new_files.empty()) {
      o += "  new files:\n";
      for (const NewFile& f : ph.new_files)
        o += core::unified_diff("", f.content, "/dev/null", "b/" + diff_name(p, f.path));
    }
    if (!ph.edits.empty()) {
      o += "  edits:\n";
      for (std::size_t f = 0; f < p.brokers.size(); ++f) {
        const std::string d = core::unified_diff(before(p, pi, f), ph.files_after[f],
                                                 "a/" + diff_name(p, p.brokers[f]),
                                                 "b/" + diff_name(p, p.brokers[f]));
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
      if (ph.restart == Restart::kRolling && !ph.commands.empty()) {
        o += "  then:\n";
        for (const std::string& c : ph.commands) o += "    $ " + c + "\n";
      }
    }
    if (!ph.gates.empty()) {
      o += "  before the next phase, check:\n";
      for (const Gate& g : ph.gates) {
        o += wrap("- " + g.text, "    ");
        if (!g.command.empty()) o += "      $ " + g.command + "\n";
      }
    }
    if (!ph.revert.empty()) {
      o += "  way back (before the next phase):\n";
      o += revert_text(p, ph);
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
  if (!p.legs.empty()) {
    ordered_json legs = ordered_json::array();
    for (std::size_t i = 0; i < p.legs.size(); ++i) {
      const Leg& l = p.legs[i];
      ordered_json phases = ordered_json::array();
      for (const Phase& ph : p.phases)
        if (ph.leg == i) phases.push_back(ph.number);
      legs.push_back({{"number", i + 1},
                      {"kind", l.kind},
                      {"title", l.title},
                      {"from", l.from},
                      {"to", l.to},
                      {"running", l.running},
                      {"phases", std::move(phases)}});
    }
    j["legs"] = std::move(legs);
  }
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
    x["why"] = word_why(ph.why);
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
    if (!p.legs.empty()) x["leg"] = ph.leg + 1;
    if (!ph.gates.empty()) {
      ordered_json gates = ordered_json::array();
      for (const Gate& g : ph.gates) {
        ordered_json y;
        y["check"] = g.text;
        if (!g.command.empty()) y["command"] = g.command;
        gates.push_back(std::move(y));
      }
      x["gates"] = std::move(gates);
    }
    if (!ph.revert.empty()) {
      ordered_json revert = ordered_json::array();
      std::vector<std::string> current = ph.files_after;
      for (const RevertStep& st : ph.revert) {
        ordered_json y;
        y["text"] = st.text;
        y["restart"] = to_string(st.restart);
        y["commands"] = st.commands;
        ordered_json files = ordered_json::array();
        for (std::size_t f = 0; f < st.files.size() && f < current.size(); ++f) {
          if (st.files[f] == current[f]) continue;
          if (st.files[f].empty())
            files.push_back({{"file", p.brokers[f]}, {"removed", true}});
          else
            files.push_back({{"file", p.brokers[f]}, {"content", st.files[f]}});
          current[f] = st.files[f];
        }
        y["files"] = std::move(files);
        revert.push_back(std::move(y));
      }
      x["revert"] = std::move(revert);
    }
    x["sources"] = ph.sources;
    phases.push_back(std::move(x));
  }
  j["phases"] = std::move(phases);
  return j.dump(2) + "\n";
}

std::string render_markdown(const Plan& p) {
  // A chained plan crosses from ZooKeeper to KRaft and names controller files too.
  const bool road = !p.legs.empty();
  std::string o = std::string(road ? "# Migration plan: " : "# Upgrade plan: ") + header(p) +
                  (p.refused ? " (refused)" : "") + "\n\n";
  o += road ? "Node files:\n\n" : "Broker files:\n\n";
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
    if (std::string leg = leg_heading(p, pi); !leg.empty()) {
      o += "\n## L" + leg.substr(1) + "\n\n";
      for (const std::string& r : p.legs[ph.leg].running) o += "- Runs: " + r + "\n";
    }
    o += std::string(p.legs.empty() ? "\n## Phase " : "\n### Phase ") + std::to_string(ph.number) +
         ": " + ph.title + "\n\n";
    o += "- Restart: " +
         std::string(ph.restart == Restart::kRolling ? "rolling, one node at a time" : "none") +
         "\n";
    o += "- Reversible: " + std::string(ph.reversible ? "yes" : "**no**") + "\n";
    o += "- Nodes: " + std::string(to_string(ph.nodes)) + "\n";
    if (!p.legs.empty()) o += "- Files read by: Kafka " + running_text(ph) + "\n";
    o += "\n";
    o += word_why(ph.why) + "\n";
    if (ph.restart == Restart::kNone && !ph.commands.empty()) {
      o += "\n```sh\n";
      for (const std::string& c : ph.commands) o += c + "\n";
      o += "```\n";
    }
    if (!ph.new_files.empty()) {
      o += "\nNew files:\n";
      for (const NewFile& f : ph.new_files)
        o += "\n`" + f.path + "`:\n\n```properties\n" + f.content + "```\n";
    }
    if (!ph.edits.empty()) {
      o += "\n```diff\n";
      for (std::size_t f = 0; f < p.brokers.size(); ++f)
        o += core::unified_diff(before(p, pi, f), ph.files_after[f],
                                "a/" + diff_name(p, p.brokers[f]),
                                "b/" + diff_name(p, p.brokers[f]));
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
      if (ph.restart == Restart::kRolling && !ph.commands.empty()) {
        o += "\nThen:\n\n```sh\n";
        for (const std::string& c : ph.commands) o += c + "\n";
        o += "```\n";
      }
    }
    if (!ph.gates.empty()) {
      o += "\nBefore the next phase, check:\n\n";
      for (const Gate& g : ph.gates) {
        o += "- " + g.text;
        if (!g.command.empty()) o += ": `" + g.command + "`";
        o += "\n";
      }
    }
    if (!ph.revert.empty())
      o += "\nWay back (before the next phase):\n\n" + revert_text(p, ph, true);
    if (!ph.sources.empty()) {
      o += "\nSources: ";
      for (std::size_t i = 0; i < ph.sources.size(); ++i) o += (i ? "; " : "") + ph.sources[i];
      o += "\n";
    }
  }
  return o;
}

}  // namespace kafkalint::plan
