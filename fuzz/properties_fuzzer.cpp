// libFuzzer target for the properties parser and editor: never crash, write(parse(x)) == x,
// entries and comments in order without overlap, and edits that either succeed (leaving a
// file Java loads) or refuse only where a continuation is left open at the end.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_support.h"
#include "properties/document.h"
#include "properties/edit.h"
#include "properties/text.h"

using namespace kafkalint::properties;
using kafkalint::fuzz::require;

namespace {

void check_structure(const Document& d) {
  std::size_t at = 0;
  std::size_t ci = 0;
  for (const Entry& e : d.entries()) {
    while (ci < d.comments().size() && d.comments()[ci].raw.begin < e.raw.begin) {
      require(d.comments()[ci].raw.begin >= at);
      at = d.comments()[ci++].raw.end;
    }
    require(e.raw.begin >= at && e.raw.begin <= e.key.begin && e.key.end <= e.value.begin &&
            e.value.end <= e.raw.end && e.line >= 1 && e.column >= 1 && e.last_line >= e.line);
    at = e.raw.end;
  }
  require(at <= d.text().size());
}

void check_edit(Document& d, const std::optional<kafkalint::core::Error>& err, bool open_end) {
  if (err) {
    require(open_end);
    return;
  }
  const ParseResult again = parse(write(d), "fuzz");
  require(again.ok());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const ParseResult r = parse(input, "fuzz");
  require(write(r.doc) == input);
  check_structure(r.doc);
  const std::string json = to_json(r.doc);
  require(!json.empty());
  if (!r.ok() || r.doc.entries().empty()) return 0;

  // Edit one existing key (chosen by the input's size) and one new key with odd characters.
  const std::string key(r.doc.key(r.doc.entries()[size % r.doc.entries().size()]));
  const bool open_end = r.doc.ends_in_continuation();
  Document d = r.doc;
  check_edit(d, set(d, key, " =v\\al\nue\xC3\xA9"), open_end);
  d = r.doc;
  check_edit(d, unset(d, key), open_end);
  d = r.doc;
  check_edit(d, comment(d, key), open_end);
  d = r.doc;
  check_edit(d, set(d, "new key:#!", "x"), open_end);
  return 0;
}
