// libFuzzer target for src/scripts: every reader on the same bytes. Asserts no crash and that
// each token's offset/length lies within the input and its line/column match its offset.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "scripts/extract.h"

namespace {

using kafkalint::fuzz::require;
using kafkalint::scripts::Token;

void check(std::string_view in, const std::vector<std::size_t>& starts, const Token& t) {
  require(t.offset <= in.size());
  require(t.length <= in.size() - t.offset);
  require(t.raw == in.substr(t.offset, t.length));
  // Line = number of line starts <= offset; column = bytes since that start, 1-based.
  std::size_t lo = 0;
  std::size_t hi = starts.size();
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    if (starts[mid] <= t.offset)
      lo = mid;
    else
      hi = mid;
  }
  require(t.line == static_cast<int>(lo) + 1);
  require(t.column == static_cast<int>(t.offset - starts[lo]) + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kafkalint::scripts;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < in.size(); ++i)
    if (in[i] == '\n') starts.push_back(i + 1);
  // The first byte also picks a name, so that template handling (.j2) gets exercised.
  const char* names[] = {"f.sh", "f.sh.j2", "Dockerfile", "Makefile", "f.yml",
                         "f.md", "f.adoc",  "f.html",     "f.txt"};
  const std::string name = names[size ? data[0] % 9 : 0];
  for (FileKind kind : {FileKind::kShell, FileKind::kDockerfile, FileKind::kMakefile,
                        FileKind::kYaml, FileKind::kMarkdown, FileKind::kAsciiDoc, FileKind::kHtml,
                        FileKind::kText, FileKind::kBatch, FileKind::kUnknown}) {
    const ExtractResult r = extract(name, in, kind);
    for (const CommandLine& c : r.commands) {
      check(in, starts, c.program);
      require(c.line == c.program.line && c.column == c.program.column);
      require(!c.tool.empty());
      for (const Token& a : c.args) check(in, starts, a);
    }
    for (const Comment& c : r.comments)
      require(c.line >= 1 && c.line <= static_cast<int>(starts.size()));
    for (const auto& w : r.warnings)
      require(w.where.line >= 1 && w.where.line <= static_cast<int>(starts.size()));
  }
  (void)detect_kind(name, in);
  return 0;
}
