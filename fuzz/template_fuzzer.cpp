// libFuzzer target for the template masker: never crashes, keeps the length and every
// line break, and reports opaque ranges inside the input.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "checks/template.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  using kafkalint::checks::TemplateSyntax;
  for (TemplateSyntax s : {TemplateSyntax::kNone, TemplateSyntax::kJinja, TemplateSyntax::kErb}) {
    const auto m = kafkalint::checks::mask_template(in, s);
    if (m.text.size() != in.size()) std::abort();
    for (std::size_t i = 0; i < in.size(); ++i)
      if ((in[i] == '\n' || in[i] == '\r' || m.text[i] == '\n' || m.text[i] == '\r') &&
          in[i] != m.text[i])
        std::abort();
    for (const auto& r : m.opaque)
      if (r.begin >= r.end || r.end > in.size()) std::abort();
  }
  (void)kafkalint::checks::detect_template("x.j2", in);
  return 0;
}
