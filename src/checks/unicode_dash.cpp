#include "checks/unicode_dash.h"

#include <array>

namespace kafkalint::checks {
namespace {

struct Dash {
  std::string_view utf8;
  std::string_view what;
};

// The dashes word processors and typesetters put where '-' or '--' was typed.
constexpr std::array<Dash, 8> kDashes{{
    {"\u2010", "a hyphen (U+2010)"},
    {"\u2011", "a non-breaking hyphen (U+2011)"},
    {"\u2012", "a figure dash (U+2012)"},
    {"\u2013", "an en dash (U+2013)"},
    {"\u2014", "an em dash (U+2014)"},
    {"\u2015", "a horizontal bar (U+2015)"},
    {"\u2212", "a minus sign (U+2212)"},
    {"\uFE63", "a small hyphen-minus (U+FE63)"},
}};

// The Unicode dash `s` starts with, or nullptr.
const Dash* dash_at(std::string_view s) {
  for (const Dash& d : kDashes)
    if (s.substr(0, d.utf8.size()) == d.utf8) return &d;
  return nullptr;
}

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::optional<UnicodeDash> unicode_dash_option(std::string_view word) {
  // The leading run: ASCII and Unicode dashes mixed ('–-consumer.config', '−−list').
  std::size_t at = 0;
  std::size_t count = 0;
  const Dash* first = nullptr;
  while (at < word.size()) {
    if (word[at] == '-') {
      ++at;
    } else if (const Dash* d = dash_at(word.substr(at))) {
      if (!first) first = d;
      at += d->utf8.size();
    } else {
      break;
    }
    ++count;
  }
  const std::string_view name = word.substr(
      at, word.find('=') == std::string_view::npos ? std::string_view::npos : word.find('=') - at);
  if (count == 0 || count > 2 || name.empty() || !is_name_start(name[0])) return std::nullopt;
  UnicodeDash out;
  // Dashes inside the name ('--bootstrap–server') are the same mistake.
  std::string ascii_name;
  for (std::size_t i = 0; i < name.size();) {
    if (const Dash* d = dash_at(name.substr(i))) {
      if (!first) first = d;
      ascii_name += '-';
      i += d->utf8.size();
    } else {
      ascii_name += name[i++];
    }
  }
  if (!first) return std::nullopt;
  out.name = std::string(word.substr(0, at + name.size()));
  // One dash before a long name was '--' typeset as one dash; before one letter it was '-'.
  out.ascii = (count == 2 || name.size() > 1 ? "--" : "-") + ascii_name;
  out.what = first->what;
  out.dash_bytes = at;
  return out;
}

}  // namespace kafkalint::checks
