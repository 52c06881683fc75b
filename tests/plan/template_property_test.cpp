// Property of issue 12 point 3: a plan edits a template on its own text, so rendering a phase's
// template gives the same file as planning the rendered file. Every real Ansible template in
// testdata/real and the templated plan goldens are rendered with one fixed value for every
// placeholder, once with the first arm of every `if` and once with the last, planned both ways over
// several release pairs, and compared phase by phase. Lines a plan leaves to the operator (KL811:
// the value is itself a placeholder) are excluded: there the template keeps its line by design.
// A template refused for what only another rendering shows (a pin in some branches only, KL812; a
// pin above --from in another branch, KL807) must really show it in that rendering.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace kafkalint;

namespace {

// A minimal Jinja renderer for the property: a placeholder that is a whole value renders as a
// value its key accepts ("true" for switches, else "1"), one inside a value as "h1"; {# #} and
// {% %} are removed and a line left blank by them dropped.
std::string render_line(const std::string& line, const std::string& from) {
  static const std::regex whole(R"(^([A-Za-z0-9_.-]+)\s*=\s*\{\{[^}]*\}\}\s*$)");
  std::smatch m;
  const bool cr = !line.empty() && line.back() == '\r';  // CRLF files keep their endings
  if (!std::regex_match(line, m, whole)) return line;
  const std::string key = m[1].str();
  std::string v = key.find("enable") != std::string::npos ? "true" : "1";
  if (key == "inter.broker.protocol.version" || key == "log.message.format.version") v = from;
  if (key == "log.segment.bytes") v = "1073741824";
  if (key == "ssl.client.auth") v = "none";
  if (key == "compression.type") v = "producer";
  if (key == "security.inter.broker.protocol") v = "PLAINTEXT";
  return key + "=" + v + (cr ? "\r" : "");
}

// Which arm of each {% if %} chain renders: the first (the `if` holds) or the last (every
// test fails: the `else`, or nothing when there is none). Loops render their body once.
enum class Arm { kFirst, kLast };

std::string render(const std::string& text, const std::string& from, Arm arm) {
  static const std::regex expr(R"(\{\{.*?\}\})");
  static const std::regex code(R"(\{%.*?%\}|\{#.*?#\})");
  static const std::regex tag(R"(^\s*\{%-?\s*(if|elif|else|endif)\b.*%\}\s*\r?$)");
  std::string out;
  std::istringstream in(text);
  std::string line;
  bool last_newline = !text.empty() && text.back() == '\n';
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  // Per open `if`: whether the arm being read renders, and whether an earlier arm did.
  struct Chain {
    bool on, taken;
  };
  std::vector<Chain> open;
  const auto rendering = [&] {
    return std::all_of(open.begin(), open.end(), [](const Chain& c) { return c.on; });
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (std::regex_match(lines[i], m, tag)) {
      const std::string t = m[1].str();
      if (t == "if") {
        open.push_back({arm == Arm::kFirst, arm == Arm::kFirst});
      } else if (!open.empty() && t == "endif") {
        open.pop_back();
      } else if (!open.empty()) {
        // With kLast every test fails, so only an `else` renders.
        Chain& c = open.back();
        c.on = arm == Arm::kLast ? t == "else" : false;
        c.taken = c.taken || c.on;
      }
      continue;  // the tag lines of these fixtures hold nothing else
    }
    if (!rendering()) continue;
    const bool had_code = std::regex_search(lines[i], code);
    std::string r =
        std::regex_replace(std::regex_replace(render_line(lines[i], from), expr, "h1"), code, "");
    if (had_code && r.find_first_not_of(" \t\r") == std::string::npos) continue;
    out += r;
    if (i + 1 < lines.size() || last_newline) out += "\n";
  }
  return out;
}

std::set<int> by_hand_lines(const std::string& plan_text) {
  std::set<int> lines;
  static const std::regex re(R"(\.j2:(\d+):\d+: warning: phase \d+: .*KL811)");
  for (std::sregex_iterator it(plan_text.begin(), plan_text.end(), re), end; it != end; ++it)
    lines.insert(std::stoi((*it)[1]));
  return lines;
}

}  // namespace

TEST_SUITE("plan_template_property") {
  TEST_CASE("plan: rendering a phase's template equals planning the rendered file") {
    std::vector<fs::path> templates;
    for (const char* root : {"/testdata/real", "/testdata/plan"})
      for (const auto& e : fs::recursive_directory_iterator(test::source_dir() + root))
        if (e.is_regular_file() && e.path().filename() == "server.properties.j2")
          templates.push_back(e.path());
    std::sort(templates.begin(), templates.end());
    REQUIRE(templates.size() >= 8);
    int compared = 0, refused_partial = 0;
    for (const fs::path& t : templates) {
      const std::string original = test::read(t.string());
      const bool kraft = original.find("process.roles") != std::string::npos;
      const std::vector<std::pair<std::string, std::string>> pairs =
          kraft ? std::vector<std::pair<std::string, std::string>>{{"3.6", "3.9"}, {"3.9", "4.1"}}
                : std::vector<std::pair<std::string, std::string>>{
                      {"2.4", "3.0"}, {"2.8", "3.9"}, {"1.1", "2.4"}};
      for (const Arm arm : {Arm::kFirst, Arm::kLast})
        for (const auto& [from, to] : pairs) {
          INFO(t.string() << " " << from << " -> " << to
                          << (arm == Arm::kFirst ? " (first" : " (last") << " arms)");
          test::TempDir dir;
          test::write(dir.file("server.properties.j2"), original);
          test::write(dir.file("server.properties"), render(original, from, arm));
          const std::string base = "cd '" + dir.path() + "' && '" + test::binary() +
                                   "' plan --from " + from + " --to " + to;
          const test::RunResult a = test::run_shell(base + " --out ta server.properties.j2");
          const test::RunResult b = test::run_shell(base + " --out tb server.properties");
          CHECK(a.out.find("___") == std::string::npos);  // never the masked view
          // A rendered value the release refuses (the fixed value does not fit every key)
          // refuses the plain plan; the template's is judged on the masked view. Nothing to
          // compare.
          if (b.out.find(": refused") != std::string::npos) continue;
          // The template's plan sees every branch, one rendered file only one: a template may
          // be refused for what another rendering holds, a pin in some branches only (KL812) or
          // a pin above --from (KL807). Then that other rendering must show it.
          if (a.out.find(": refused") != std::string::npos) {
            const Arm other = arm == Arm::kFirst ? Arm::kLast : Arm::kFirst;
            const auto unpinned = [&](Arm r) {
              return render(original, from, r).find("inter.broker.protocol.version=") ==
                     std::string::npos;
            };
            test::write(dir.file("other.properties"), render(original, from, other));
            const bool other_refused =
                test::run_shell(base + " other.properties").out.find(": refused") !=
                std::string::npos;
            const bool kl812 = a.out.find("[KL812 ") != std::string::npos;
            const bool kl807 = a.out.find("[KL807 ") != std::string::npos;
            CHECK(((kl812 && (unpinned(arm) || unpinned(other))) || (kl807 && other_refused)));
            ++refused_partial;
            continue;
          }
          CHECK(a.out.find(": refused") == std::string::npos);
          const std::set<int> manual = by_hand_lines(a.out);
          const auto phases = [&](const std::string& out) {
            int n = 0;
            while (fs::exists(dir.file(out + "/phase-" + std::to_string(n + 1)))) ++n;
            return n;
          };
          const int na = phases("ta"), nb = phases("tb");
          // A value the operator sets by hand may be a pin the rendered file already has: that
          // plan skips the pin phase. Then only the end states compare.
          CHECK((na == nb || !manual.empty()));
          for (int n = na == nb ? 1 : na; n <= na; ++n) {
            const int m = na == nb ? n : nb;
            std::string templ =
                test::read(dir.file("ta/phase-" + std::to_string(n) + "/server.properties.j2"));
            std::string plain =
                test::read(dir.file("tb/phase-" + std::to_string(m) + "/server.properties"));
            if (!manual.empty()) {
              // Keep only the keys the operator edits by hand out of the comparison.
              std::set<std::string> keys;
              std::istringstream in(original);
              std::string line;
              for (int ln = 1; std::getline(in, line); ++ln)
                if (manual.count(ln)) keys.insert(line.substr(0, line.find('=')));
              auto drop = [&](const std::string& s) {
                std::string out;
                std::istringstream is(s);
                while (std::getline(is, line))
                  if (!keys.count(line.substr(0, line.find('=')))) out += line + "\n";
                return out;
              };
              templ = drop(render(templ, from, arm));
              plain = drop(plain);
              CHECK(templ == plain);
            } else {
              CHECK(render(templ, from, arm) == plain);
            }
            ++compared;
          }
        }
    }
    CHECK(compared >= 80);
    CHECK(refused_partial >= 2);  // refuse-zk-2.4-template-pin-one-branch
  }
}
