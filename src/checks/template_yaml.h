#pragma once
// YAML that is a template (a Helm chart's templates/, a Jinja-rendered manifest): read for
// its structure the way the rendered file would be, so the Kafka configuration in it is
// checked instead of the whole file being dropped for not being YAML as written.

#include <string>
#include <string_view>
#include <vector>

#include "scripts/yaml_tree.h"

namespace kafkalint::checks {

/// The YAML documents of `content`. When it does not parse as written and it is a template
/// ({{ }}, {% %}, <% %>), it is parsed again from a copy of the same length and line breaks in
/// which every line holding only template tags ('{{ if .Values.x }}', '{{- toYaml .Values.y |
/// nindent 4 }}', '{% for %}') is blank, other template code is spaces, and each placeholder
/// is a '${___}' reference that the rules treat as an unknown value. `text` receives the text
/// the documents' offsets refer to (the copy, or `content` itself). `error`, when given and
/// `content` is no template, receives why it is not YAML.
std::vector<scripts::YamlNode> parse_yaml_or_template(std::string_view path,
                                                      std::string_view content, std::string* text,
                                                      scripts::YamlError* error = nullptr);

/// The copy described above, or "" when `content` is not a template.
std::string yaml_template_view(std::string_view path, std::string_view content);

}  // namespace kafkalint::checks
