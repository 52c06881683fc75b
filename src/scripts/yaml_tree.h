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

struct fy_diag;
struct fy_parser;

namespace kafkalint::scripts {

/// Why a text is not YAML: libfyaml's first error and where (1-based; 0 when unknown).
struct YamlError {
  int line = 0, column = 0;
  std::string message;
};

/// A libfyaml parser over `text` (which must outlive it) whose diagnostics go nowhere:
/// kafkalint's output is its own, and a file that is not YAML just yields fewer events. Used by
/// the carriers' tree and the command reader alike.
class QuietYamlParser {
 public:
  /// `collect`: keep the errors (first_error) instead of discarding them. `duplicates`: accept
  /// a key written twice in one mapping (only to find where it is).
  explicit QuietYamlParser(std::string_view text, bool collect = false, bool duplicates = false);
  ~QuietYamlParser();
  QuietYamlParser(const QuietYamlParser&) = delete;
  QuietYamlParser& operator=(const QuietYamlParser&) = delete;
  /// The parser, or nullptr when libfyaml could not set it up on `text`.
  struct fy_parser* get() const {
    return parser_;
  }
  /// The first error collected (with `collect`); an empty message when none.
  YamlError first_error() const;

 private:
  struct fy_diag* diag_ = nullptr;  // outlives the parser, which reports to it
  struct fy_parser* parser_ = nullptr;
};

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
/// structure to read; the command reader still reads the file line by line). `error`, when
/// given, receives why.
std::vector<YamlNode> parse_yaml(std::string_view text, YamlError* error = nullptr);

}  // namespace kafkalint::scripts
