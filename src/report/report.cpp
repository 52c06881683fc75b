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

void write(std::ostream& os, const Report& r, Format format, const TextStyle& style) {
  switch (format) {
    case Format::kText: write_text(os, r, style); return;
    case Format::kJson: write_json(os, r); return;
    case Format::kSarif: write_sarif(os, r); return;
    case Format::kGithub: write_github(os, r); return;
  }
}

}  // namespace kafkalint::report
