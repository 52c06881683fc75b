#include "checks/baseline.h"

#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/line_index.h"
#include "core/strings.h"

namespace kafkalint::checks {

namespace {

// More findings than any file of a repository could hold; a larger count is not a baseline.
constexpr std::int64_t kMaxBaselineCount = 1000000000;

// The source line as the key compares it: without surrounding spaces, tabs and CRs.
std::string trimmed_line(std::string_view s) { return std::string(core::trim_chars(s, " \t\r")); }

}  // namespace

std::string baseline_key(const core::Finding& f) {
  return f.code + '\t' + f.where.file + '\t' + f.subject + '\t' + trimmed_line(f.source_line);
}

core::Result<Baseline> Baseline::load(const std::string& path) {
  return core::capture<Baseline>([&](core::Error* err) -> std::optional<Baseline> {
    const auto text = core::read_file(path, err);
    if (!text) return std::nullopt;
    return parse(*text, path).take(err);
  });
}

core::Result<Baseline> Baseline::parse(const std::string& contents, const std::string& path) {
  return core::capture<Baseline>([&](core::Error* err) -> std::optional<Baseline> {
    const std::string* text = &contents;
    Baseline b;
    try {
      const nlohmann::json j = nlohmann::json::parse(*text);
      // Compared as a JSON integer: reading a huge or fractional number into an int is undefined.
      if (!j.is_object() || !j.contains("kafkalint_baseline") ||
          !j["kafkalint_baseline"].is_number_integer() || j["kafkalint_baseline"] != 1 ||
          !j.contains("findings") || !j["findings"].is_array())
        throw std::runtime_error("not a kafkalint baseline (version 1)");
      std::size_t n = 0;
      for (const auto& e : j["findings"]) {
        ++n;
        const std::string entry = "entry " + std::to_string(n) + " of 'findings'";
        if (!e.is_object()) throw std::runtime_error(entry + " is not an object");
        auto text_of = [&](const char* name) {
          if (!e.contains(name) || !e[name].is_string())
            throw std::runtime_error(entry + ": '" + name + "' must be a string");
          return e[name].get<std::string>();
        };
        core::Finding f;
        f.code = text_of("rule");
        f.where.file = text_of("file");
        f.subject = text_of("subject");
        f.source_line = text_of("line_text");
        std::int64_t count = 1;
        if (e.contains("count")) {
          const nlohmann::json& c = e["count"];
          const bool in_range =
              c.is_number_unsigned()
                  ? c.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxBaselineCount)
              : c.is_number_integer() ? c.get<std::int64_t>() <= kMaxBaselineCount
                                      : false;
          if (!in_range || c.get<std::int64_t>() < 1)
            throw std::runtime_error(entry + ": 'count' must be a whole number from 1 to " +
                                     std::to_string(kMaxBaselineCount));
          count = c.get<std::int64_t>();
        }
        // At most 1e9 per entry, summed in 64 bits: no overflow for any file that fits in memory.
        b.counts_[baseline_key(f)] += count;
      }
    } catch (const nlohmann::json::parse_error& e) {
      err->where.file = path;
      // nlohmann reports the 1-based byte after the error; turn it into line:column.
      const core::TextPosition at = core::position_of(*text, e.byte == 0 ? 0 : e.byte - 1);
      err->where.line = at.line;
      err->where.column = at.column;
      err->message = "invalid baseline: not valid JSON";
      err->hint = "write a new one with --write-baseline";
      return std::nullopt;
    } catch (const nlohmann::json::out_of_range&) {
      // Only the parser throws it here: a number beyond what a double holds (1e400).
      err->where.file = path;
      err->message = "invalid baseline: not valid JSON (a number out of range)";
      err->hint = "write a new one with --write-baseline";
      return std::nullopt;
    } catch (const std::exception& e) {
      err->where.file = path;
      err->message = std::string("invalid baseline: ") + e.what();
      err->hint = "write a new one with --write-baseline";
      return std::nullopt;
    }
    return b;
  });
}

void BaselineWriter::add(const core::Finding& f) {
  Entry& e = entries_[baseline_key(f)];
  if (e.count++ == 0) e = {f.code, f.where.file, f.subject, trimmed_line(f.source_line), 1};
  ++total_;
}

std::string BaselineWriter::render() const {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& [key, e] : entries_)
    list.push_back({{"rule", e.rule},
                    {"file", e.file},
                    {"subject", e.subject},
                    {"line_text", e.line_text},
                    {"count", e.count}});
  nlohmann::ordered_json out = {{"kafkalint_baseline", 1}, {"findings", std::move(list)}};
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string Baseline::render(const std::vector<core::Finding>& findings) {
  BaselineWriter w;
  for (const core::Finding& f : findings) w.add(f);
  return w.render();
}

bool Baseline::absorbs(const core::Finding& f) {
  auto it = counts_.find(baseline_key(f));
  if (it == counts_.end() || it->second <= 0) return false;
  --it->second;
  return true;
}

std::size_t Baseline::filter(std::vector<core::Finding>* findings) {
  std::size_t removed = 0;
  std::vector<core::Finding> kept;
  for (core::Finding& f : *findings) {
    if (absorbs(f))
      ++removed;
    else
      kept.push_back(std::move(f));
  }
  *findings = std::move(kept);
  return removed;
}

}  // namespace kafkalint::checks
