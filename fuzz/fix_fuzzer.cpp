// libFuzzer target for the --fix path: parse, check, apply the safe fixes, parse again, until
// nothing changes. Every pass must keep the map Java loads (from the rendered file, for a
// template) except for what its fixes intend (a key renamed with its value, a duplicate gone,
// a legacy value replaced, the byte order mark gone, a protocol pin added), and the passes
// must reach a fixed point as the engine's bounded loop expects (checks/engine.cpp,
// kFixPasses).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "checks/context.h"
#include "checks/fixes.h"
#include "checks/props_file.h"
#include "fuzz_support.h"
#include "properties/document.h"

using namespace kafkalint;
using fuzz::Loaded;
using fuzz::require;

namespace {

using Map = std::map<std::string, std::string>;

Map effective(const properties::Document& d) {
  Map m;
  for (const auto& [k, v] : d.effective()) m.emplace(k, v);
  return m;
}

// One pass: the text after the safe fixes of `text` (as `name`), checked against the map the
// fixes intend. Returns false when nothing was fixed.
bool pass(const Loaded& loaded, const std::string& name, std::string* text) {
  auto f = checks::load_props(name, *text);
  if (!f->parsed.ok()) return false;
  f->role = checks::role_from_content(*f, *loaded.k.configs);
  std::vector<core::Finding> found;
  checks::check_properties(*f, loaded.k, &found);
  std::sort(found.begin(), found.end(), core::finding_less);
  const checks::AppliedFixes a = checks::apply_fixes(*text, found, false);
  if (a.applied == 0 || a.text == *text) return false;

  // The intended map: the old one, BOM-less when KL501's fix was taken, with the renames,
  // replaced values and pins of the fixes taken.
  std::string base_text = *text;
  std::vector<const core::Finding*> taken;
  for (std::size_t i : a.taken) taken.push_back(&found[i]);
  for (const core::Finding* fd : taken)
    if (fd->code == "KL501") base_text.erase(0, 3);
  // Both maps are read as the check reads them: through the template mask, which stands for
  // the rendered file Kafka loads (a `{{ ... }}` may span lines that look like keys).
  const auto base = checks::load_props(name, base_text);
  require(base->parsed.ok());
  Map want = effective(base->doc());
  // Keys a rename took away. In a template, where no duplicate fix is offered, an earlier
  // entry of the misspelt key may remain and become the one Java keeps: Kafka ignores that
  // key either way, so only the renamed key's value and every other key are compared.
  std::vector<std::string> renamed;
  for (const core::Finding* fd : taken) {
    const std::string& repl = fd->fix->edits.front().replacement;
    if (fd->code == "KL101") {  // a rename of the (only) entry of the subject key
      require(want.count(fd->subject) == 1 && want.count(repl) == 0);
      want[repl] = want[fd->subject];
      want.erase(fd->subject);
      renamed.push_back(fd->subject);
    } else if (fd->code == "KL204") {  // a legacy value replaced
      require(want.count(fd->subject) == 1);
      want[fd->subject] = repl;
    } else if (fd->code == "KL804") {  // pins appended
      const properties::ParseResult pins = properties::parse(repl, "pins");
      for (const auto& [k, v] : pins.doc.effective()) want[std::string(k)] = std::string(v);
    } else {
      // KL107 removes an ignored duplicate; KL501 was applied to base_text. Any other safe
      // property fix is new: this target must learn what it intends.
      require(fd->code == "KL107" || fd->code == "KL501");
    }
  }
  const auto after = checks::load_props(name, a.text);
  require(after->parsed.ok());
  Map got = effective(after->doc());
  for (const std::string& k : renamed)
    if (!want.count(k)) got.erase(k);
  require(got == want);
  *text = a.text;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Loaded loaded;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"server.properties", "producer.properties"}) {
    std::string text = bytes;
    int passes = 0;
    while (pass(loaded, name, &text)) require(++passes <= 8);  // the engine stops at 8
  }
  return 0;
}
