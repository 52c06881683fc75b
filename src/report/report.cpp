#include "report/report.h"

#include <ostream>

namespace kafkalint::report {

namespace {

// Same order as the Format enum.
const std::vector<std::string_view> kNames = {"text",   "concise", "json",  "sarif",
                                              "github", "gitlab",  "junit", "checkstyle"};

}  // namespace

const std::vector<std::string_view>& format_names() { return kNames; }

std::optional<Format> parse_format(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Format>(i);
  return std::nullopt;
}

std::unique_ptr<Reporter> make_reporter(std::ostream& os, Format format, const TextStyle& style,
                                        std::vector<RuleMeta> rules, std::string tool_version) {
  switch (format) {
    case Format::kText:
      return make_text_reporter(os, style);
    case Format::kConcise: {
      TextStyle concise = style;
      concise.concise = true;
      return make_text_reporter(os, concise);
    }
    case Format::kJson:
      return make_json_reporter(os);
    case Format::kSarif:
      return make_sarif_reporter(os, std::move(rules), std::move(tool_version));
    case Format::kGithub:
      return make_github_reporter(os);
    case Format::kGitlab:
      return make_gitlab_reporter(os);
    case Format::kJunit:
      return make_junit_reporter(os);
    case Format::kCheckstyle:
      return make_checkstyle_reporter(os);
  }
  return make_text_reporter(os, style);
}

namespace {

class TeeReporter final : public Reporter {
 public:
  TeeReporter(std::unique_ptr<Reporter> a, std::unique_ptr<Reporter> b)
      : a_(std::move(a)), b_(std::move(b)) {}
  void finding(const core::Finding& f) override {
    a_->finding(f);
    b_->finding(f);
  }
  void skipped(Skipped s) override {
    a_->skipped(s);
    b_->skipped(std::move(s));
  }
  void run_info(RunInfo info) override {
    a_->run_info(info);
    b_->run_info(std::move(info));
  }
  void finish(int files_checked) override {
    a_->finish(files_checked);
    b_->finish(files_checked);
  }

 private:
  std::unique_ptr<Reporter> a_, b_;
};

}  // namespace

std::unique_ptr<Reporter> tee(std::unique_ptr<Reporter> first, std::unique_ptr<Reporter> second) {
  return std::make_unique<TeeReporter>(std::move(first), std::move(second));
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
