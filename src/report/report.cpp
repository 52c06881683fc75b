#include "report/report.h"

#include <ostream>

namespace kafkalint::report {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  if (name == "sarif") return Format::kSarif;
  if (name == "github") return Format::kGithub;
  return std::nullopt;
}

std::unique_ptr<Reporter> make_reporter(std::ostream& os, Format format, const TextStyle& style,
                                        std::vector<RuleMeta> rules, std::string tool_version) {
  switch (format) {
    case Format::kText:
      return make_text_reporter(os, style);
    case Format::kJson:
      return make_json_reporter(os);
    case Format::kSarif:
      return make_sarif_reporter(os, std::move(rules), std::move(tool_version));
    case Format::kGithub:
      return make_github_reporter(os);
  }
  return make_text_reporter(os, style);
}

void write(std::ostream& os, const Report& r, Format format, const TextStyle& style) {
  auto rep = make_reporter(os, format, style, r.rules, r.tool_version);
  for (const core::Finding& f : r.findings) rep->finding(f);
  for (const Skipped& s : r.skipped) rep->skipped(s);
  rep->finish(r.files_checked);
}

void write_text(std::ostream& os, const Report& r, const TextStyle& style) {
  write(os, r, Format::kText, style);
}
void write_json(std::ostream& os, const Report& r) { write(os, r, Format::kJson, {}); }
void write_sarif(std::ostream& os, const Report& r) { write(os, r, Format::kSarif, {}); }
void write_github(std::ostream& os, const Report& r) { write(os, r, Format::kGithub, {}); }

}  // namespace kafkalint::report
