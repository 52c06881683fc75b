#include "properties/edit.h"

#include <map>
#include <string>
#include <utility>

#include "properties/text.h"

namespace kafkalint::properties {

namespace {

struct Utf16Less {
  bool operator()(const std::string& a, const std::string& b) const { return utf16_less(a, b); }
};
using Map = std::map<std::string, std::string, Utf16Less>;

Map effective_map(const Document& doc) {
  Map m;
  for (const auto& [k, v] : doc.effective()) m.emplace(k, v);
  return m;
}

// The key and value exactly as Java reads them back after escaping (the user's bytes may
// hold invalid UTF-8, read as ISO-8859-1, or surrogates that then pair up).
std::pair<std::string, std::string> as_read(std::string_view key, std::string_view value) {
  ParseResult r = parse(escape_key(key) + "=" + escape_value(value), "");
  const Entry& e = r.doc.entries().front();
  return {std::string(r.doc.key(e)), std::string(r.doc.value(e))};
}

core::Error edit_error(const Document& doc, std::string message) {
  core::Error e;
  e.where.file = doc.file_name();
  e.message = std::move(message);
  return e;
}

// Java refuses a file with a malformed \uxxxx escape: there is no map to edit.
std::optional<core::Error> refuse_malformed(const Document& doc) {
  for (const Entry& e : doc.entries()) {
    if (!e.malformed) continue;
    core::Error err = edit_error(doc, "cannot edit a file that Java refuses to load");
    err.where.line = e.line;
    err.where.column = e.column;
    err.hint = "the entry here holds a malformed \\uxxxx escape; fix it first";
    return err;
  }
  return std::nullopt;
}

// Installs `text` as the document if Java reads `expected` from it.
std::optional<core::Error> commit(Document& doc, std::string text, const Map& expected,
                                  std::string_view op, std::string_view key) {
  ParseResult r = parse(std::move(text), doc.file_name());
  if (!r.ok() || effective_map(r.doc) != expected) {
    core::Error e = edit_error(doc, std::string(op) + " '" + std::string(key) +
                                        "' cannot be done without changing other entries");
    e.hint = "the end of the file leaves a continuation open; edit it by hand";
    return e;
  }
  doc = std::move(r.doc);
  return std::nullopt;
}

}  // namespace

std::optional<core::Error> set(Document& doc, std::string_view key, std::string_view value) {
  if (auto err = refuse_malformed(doc)) return err;
  const auto [k, v] = as_read(key, value);
  const std::string& t = doc.text();
  Map expected = effective_map(doc);
  expected[k] = v;
  std::string out;
  if (const Entry* e = doc.find(k)) {
    out.reserve(t.size() + value.size());
    out.append(t, 0, e->value.begin);
    if (e->separator().empty()) out += '=';
    out += escape_value(value);
    out.append(t, e->value.end, std::string::npos);
  } else {
    out = t + appended_entries(doc, {{std::string(key), std::string(value)}});
  }
  return commit(doc, std::move(out), expected, "setting", key);
}

std::optional<core::Error> set_every(Document& doc, std::string_view key, std::string_view value) {
  if (auto err = refuse_malformed(doc)) return err;
  const auto [k, v] = as_read(key, value);
  const auto hits = doc.find_all(k);
  if (hits.size() < 2) return set(doc, key, value);
  Map expected = effective_map(doc);
  expected[k] = v;
  const std::string& t = doc.text();
  const std::string escaped = escape_value(value);
  std::string out;
  out.reserve(t.size() + hits.size() * (escaped.size() + 1));
  std::size_t at = 0;
  for (const Entry* e : hits) {
    out.append(t, at, e->value.begin - at);
    if (e->separator().empty()) out += '=';
    out += escaped;
    at = e->value.end;
  }
  out.append(t, at, std::string::npos);
  return commit(doc, std::move(out), expected, "setting", key);
}

std::string appended_entries(const Document& doc,
                             const std::vector<std::pair<std::string, std::string>>& entries) {
  const std::string le(doc.line_ending());
  std::string out;
  if (!doc.text().empty() && !doc.ends_with_newline()) out += le;
  // An empty line closes a continuation left open at the end of the file. After a final
  // "\r", a "\n" would join it into one line break and continue the entry instead.
  if (doc.ends_in_continuation())
    out += le == "\n" && !doc.text().empty() && doc.text().back() == '\r' ? "\r" : le;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i) out += le;
    out += escape_key(entries[i].first) + "=" + escape_value(entries[i].second);
  }
  if (doc.ends_with_newline()) out += le;
  return out;
}

bool appends_cleanly(const Document& doc,
                     const std::vector<std::pair<std::string, std::string>>& entries) {
  if (refuse_malformed(doc)) return false;
  Map expected = effective_map(doc);
  for (const auto& [key, value] : entries) {
    const auto [k, v] = as_read(key, value);
    expected[k] = v;
  }
  const ParseResult r = parse(doc.text() + appended_entries(doc, entries), doc.file_name());
  return r.ok() && effective_map(r.doc) == expected;
}

namespace {

// Rewrites every entry of `key` (continuation lines included) with what `replace` appends for
// it, keeping every other byte: the common part of unset() and comment().
template <typename Replace>
std::optional<core::Error> rewrite_entries(Document& doc, std::string_view key, const char* action,
                                           std::size_t extra_per_entry, Replace replace) {
  if (auto err = refuse_malformed(doc)) return err;
  const std::string k = as_read(key, "").first;
  const auto hits = doc.find_all(k);
  if (hits.empty()) return std::nullopt;
  Map expected = effective_map(doc);
  expected.erase(k);
  const std::string& t = doc.text();
  std::string out;
  out.reserve(t.size() + extra_per_entry * hits.size());
  std::size_t at = 0;
  for (const Entry* e : hits) {
    out.append(t, at, e->raw.begin - at);
    replace(*e, t, out);
    at = e->raw.end;
  }
  out.append(t, at, std::string::npos);
  return commit(doc, std::move(out), expected, action, key);
}

}  // namespace

std::optional<core::Error> unset(Document& doc, std::string_view key) {
  return rewrite_entries(doc, key, "removing", 0,
                         [](const Entry&, const std::string&, std::string&) {});
}

std::optional<core::Error> comment(Document& doc, std::string_view key) {
  return rewrite_entries(
      doc, key, "commenting out", 16, [](const Entry& e, const std::string& t, std::string& out) {
        out += commented_lines(std::string_view(t).substr(e.raw.begin, e.raw.size()));
      });
}

std::string commented_lines(std::string_view raw, std::string_view mark) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (line_start) out += mark;
    const char c = raw[i];
    out += c;
    line_start = c == '\n' || (c == '\r' && (i + 1 >= raw.size() || raw[i + 1] != '\n'));
  }
  return out;
}

}  // namespace kafkalint::properties
