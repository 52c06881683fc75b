#include "checks/template_yaml.h"

#include "checks/template.h"

namespace kafkalint::checks {

std::string yaml_template_view(std::string_view path, std::string_view content) {
  const TemplateSyntax syntax = detect_template(path, content);
  if (syntax == TemplateSyntax::kNone) return {};
  const MaskedTemplate m = mask_template(content, syntax);
  std::string out = m.text;
  // Bytes that came from a tag: a line made of nothing else renders to whatever the template
  // prints there (often a whole YAML block), which cannot be known, so it is left out.
  std::vector<bool> tag(content.size(), false);
  auto mark = [&](const ByteRange& r) {
    for (std::size_t i = r.begin; i < r.end && i < tag.size(); ++i) tag[i] = true;
  };
  for (const ByteRange& r : m.code) mark(r);
  for (const ByteRange& r : m.opaque) {
    // ${...} references stay as written; only template placeholders are rewritten.
    if (content.compare(r.begin, 2, "${") == 0) continue;
    mark(r);
    const std::string_view body = content.substr(r.begin, r.end - r.begin);
    // A placeholder becomes a reference of its own length, which YAML reads as a plain
    // scalar and the rules as an unknown value ('{{ .Values.name }}' -> '${______________}').
    if (body.size() >= 4 && body.find_first_of("\r\n") == std::string_view::npos) {
      out[r.begin] = '$';
      out[r.begin + 1] = '{';
      out[r.end - 1] = '}';
    }
  }
  std::size_t b = 0;
  while (b < out.size()) {
    std::size_t e = out.find('\n', b);
    if (e == std::string::npos) e = out.size();
    bool any_tag = false, only_tags = true;
    for (std::size_t i = b; i < e; ++i) {
      if (content[i] == ' ' || content[i] == '\t' || content[i] == '\r') continue;
      if (tag[i])
        any_tag = true;
      else
        only_tags = false;
    }
    if (any_tag && only_tags)
      for (std::size_t i = b; i < e; ++i)
        if (out[i] != '\r') out[i] = ' ';
    b = e + 1;
  }
  return out;
}

std::vector<scripts::YamlNode> parse_yaml_or_template(std::string_view path,
                                                      std::string_view content, std::string* text,
                                                      scripts::YamlError* error) {
  text->clear();
  std::vector<scripts::YamlNode> docs = scripts::parse_yaml(content, error);
  if (!docs.empty()) return docs;
  std::string view = yaml_template_view(path, content);
  if (view.empty()) return docs;
  if (error) *error = {};  // a template is YAML only once rendered
  docs = scripts::parse_yaml(view);
  if (!docs.empty()) *text = std::move(view);
  return docs;
}

}  // namespace kafkalint::checks
