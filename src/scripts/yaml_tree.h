#pragma once
// YAML documents as a small tree with exact positions, read with libfyaml (Debian's
// libfyaml-dev): it handles block and flow collections, every scalar style, anchors and
// aliases (resolved to the anchored node, whose position they keep) and multi-document
// streams, and reports byte offsets, lines and columns for every scalar, which the carriers
// (Compose env, Kubernetes resources, Ansible variables) need for their findings and fixes.
// Chosen over yaml-cpp for its marks on every token and for taking the input as a buffer.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kafkalint::scripts {

struct YamlNode {
  enum class Kind { kNull, kScalar, kMap, kSeq };
  Kind kind = Kind::kNull;
  std::string text;  ///< scalars: the value as YAML reads it
  /// Scalars: [begin, end) of the content in the input (inside quotes; for a block scalar its
  /// content lines, indentation included), 1-based line and column of its first byte.
  std::size_t begin = 0, end = 0;
  int line = 0, column = 0;
  bool plain = false;  ///< a plain scalar: its text is exactly the input bytes
  bool block = false;  ///< a literal or folded block scalar (| or >)
  std::vector<std::pair<YamlNode, YamlNode>> map;
  std::vector<YamlNode> seq;

  /// The value of `key` in a mapping, or nullptr.
  const YamlNode* get(std::string_view key) const;
  bool is_scalar() const { return kind == Kind::kScalar; }
};

/// Every document of `text`; empty when the text is not valid YAML (the caller then has no
/// structure to read; the command reader still reads the file line by line).
std::vector<YamlNode> parse_yaml(std::string_view text);

}  // namespace kafkalint::scripts
