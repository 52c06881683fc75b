// libFuzzer target for the baseline loader: any bytes give a baseline or an error naming the
// file (never a crash, never an overflowing count); a baseline that loads absorbs, for each
// of its keys, at most the number of findings it counted.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "checks/baseline.h"
#include "fuzz_support.h"

using namespace kafkalint;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  core::Error err;
  std::optional<checks::Baseline> b = checks::Baseline::parse(text, "baseline.json").take(&err);
  if (!b) {
    require(err.where.file == "baseline.json" && !err.message.empty());
    return 0;
  }
  // A finding none of the entries names is never absorbed.
  core::Finding stranger;
  stranger.code = "KL000";
  stranger.where.file = "\x01no such file";
  require(!b->absorbs(stranger));
  // What a baseline renders loads again.
  core::Finding f;
  f.code = "KL101";
  for (std::size_t i = 0; i < std::min<std::size_t>(text.size(), 16); ++i)
    f.where.file += static_cast<char>('a' + static_cast<unsigned char>(text[i]) % 26);
  f.subject = "k";
  f.source_line = "k=v";
  const std::string rendered = checks::Baseline::render({f, f});
  std::optional<checks::Baseline> again =
      checks::Baseline::parse(rendered, "again.json").take(&err);
  require(again.has_value());
  require(again->absorbs(f) && again->absorbs(f) && !again->absorbs(f));
  return 0;
}
