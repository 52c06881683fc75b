#include "scripts/yaml_tree.h"

#include <libfyaml.h>

#include "core/strings.h"

namespace kafkalint::scripts {
namespace {

// Deep documents are cut off here: configuration never nests this far, and a hostile file
// must not exhaust the stack.
constexpr int kMaxDepth = 64;

// Aliases are copied where they are used, so a few lines can stand for an exponential tree
// ("billion laughs"): a document converts at most this many nodes, in proportion to its size.
struct Budget {
  std::size_t left;
};

YamlNode convert(struct fy_node* n, int depth, Budget& budget) {
  YamlNode out;
  if (!n || depth > kMaxDepth || budget.left == 0) return out;
  --budget.left;
  if (fy_node_is_alias(n)) {
    n = fy_node_resolve_alias(n);
    if (!n) return out;
  }
  switch (fy_node_get_type(n)) {
    case FYNT_SCALAR: {
      out.kind = YamlNode::Kind::kScalar;
      std::size_t len = 0;
      const char* s = fy_node_get_scalar(n, &len);
      if (s) out.text.assign(s, len);
      const enum fy_node_style style = fy_node_get_style(n);
      out.plain = style == FYNS_PLAIN || style == FYNS_ANY;
      out.block = style == FYNS_LITERAL || style == FYNS_FOLDED;
      if (struct fy_token* t = fy_node_get_scalar_token(n)) {
        const struct fy_mark* b = fy_token_start_mark(t);
        const struct fy_mark* e = fy_token_end_mark(t);
        if (b && e) {
          out.begin = b->input_pos;
          out.end = e->input_pos;
          out.line = b->line + 1;
          out.column = b->column + 1;
        }
      }
      // "~", "null" and an empty plain value are YAML's null.
      if (out.plain && (out.text.empty() || out.text == "~" || out.text == "null"))
        out.kind = YamlNode::Kind::kNull;
      break;
    }
    case FYNT_MAPPING: {
      out.kind = YamlNode::Kind::kMap;
      void* it = nullptr;
      while (struct fy_node_pair* p = fy_node_mapping_iterate(n, &it))
        out.map.emplace_back(convert(fy_node_pair_key(p), depth + 1, budget),
                             convert(fy_node_pair_value(p), depth + 1, budget));
      break;
    }
    case FYNT_SEQUENCE: {
      out.kind = YamlNode::Kind::kSeq;
      void* it = nullptr;
      while (struct fy_node* item = fy_node_sequence_iterate(n, &it))
        out.seq.push_back(convert(item, depth + 1, budget));
      break;
    }
  }
  return out;
}

}  // namespace

const YamlNode* YamlNode::get(std::string_view key) const {
  if (kind != Kind::kMap) return nullptr;
  for (const auto& [k, v] : map)
    if (k.kind == Kind::kScalar && k.text == key) return &v;
  return nullptr;
}

static void discard(struct fy_diag*, void*, const char*, size_t) {}

QuietYamlParser::QuietYamlParser(std::string_view text, bool collect, bool duplicates) {
  struct fy_diag_cfg dcfg {};
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = nullptr;
  dcfg.output_fn = discard;
  diag_ = fy_diag_create(&dcfg);
  if (diag_ && collect) fy_diag_set_collect_errors(diag_, true);
  struct fy_parse_cfg cfg {};
  cfg.flags = static_cast<enum fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DISABLE_MMAP_OPT |
                                                   (duplicates ? FYPCF_ALLOW_DUPLICATE_KEYS : 0));
  cfg.diag = diag_;
  parser_ = fy_parser_create(&cfg);
  if (parser_ && fy_parser_set_string(parser_, text.data(), text.size()) != 0) {
    fy_parser_destroy(parser_);
    parser_ = nullptr;
  }
}

YamlError QuietYamlParser::first_error() const {
  YamlError e;
  void* it = nullptr;
  if (!diag_) return e;
  while (const struct fy_diag_error* d = fy_diag_errors_iterate(diag_, &it)) {
    if (d->type < FYET_ERROR || !d->msg) continue;
    // libfyaml counts lines and columns from 0.
    e.line = d->line >= 0 ? d->line + 1 : 0;
    e.column = d->column >= 0 ? d->column + 1 : 0;
    e.message = d->msg;
    break;
  }
  return e;
}

QuietYamlParser::~QuietYamlParser() {
  if (parser_) fy_parser_destroy(parser_);
  if (diag_) fy_diag_destroy(diag_);
}

// YAML is printable Unicode text. Anything else is not YAML, and libfyaml 0.7.12 can loop
// forever on some of it (a '%' directive followed by an invalid UTF-8 byte): such input never
// reaches it.
static bool printable_utf8(std::string_view t) {
  if (core::utf8_valid_prefix(t) != t.size()) return false;
  bool line_start = true, directive = false;
  for (const char ch : t) {
    const auto c = static_cast<unsigned char>(ch);
    if (line_start) directive = c == '%';
    line_start = c == '\n';
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
    // Directive lines ("%YAML 1.2") are ASCII: libfyaml 0.7.12 can loop on anything else there.
    if (directive && c >= 0x80) return false;
  }
  return true;
}

namespace {

// The first scalar key set twice in one mapping, in document order, as an error at the second.
bool find_duplicate(const YamlNode& n, YamlError* error) {
  if (n.kind == YamlNode::Kind::kMap) {
    for (std::size_t i = 0; i < n.map.size(); ++i) {
      const YamlNode& k = n.map[i].first;
      // '<<' merge keys may repeat: Go's YAML (Helm, kubectl) takes each of them.
      if (k.kind == YamlNode::Kind::kScalar && k.text != "<<")
        for (std::size_t j = 0; j < i; ++j)
          if (n.map[j].first.kind == YamlNode::Kind::kScalar && n.map[j].first.text == k.text) {
            error->line = k.line;
            error->column = k.column;
            error->message = "key '" + k.text + "' is already set on line " +
                             std::to_string(n.map[j].first.line) + " of the same mapping";
            return true;
          }
      if (find_duplicate(n.map[i].second, error)) return true;
    }
  }
  for (const YamlNode& c : n.seq)
    if (find_duplicate(c, error)) return true;
  return false;
}

// A text libfyaml refused for a duplicate key, parsed again accepting them: the documents when
// the only keys set twice are '<<' merge keys (valid for the Go YAML of Helm and kubectl);
// otherwise none, and `error` says where the first real duplicate is (libfyaml's own mark
// points past the mapping).
std::vector<YamlNode> with_duplicates(std::string_view text, YamlError* error) {
  std::vector<YamlNode> docs;
  const QuietYamlParser parser(text, false, true);
  if (!parser.get()) return docs;
  Budget budget{16 * text.size() + 1024};
  bool found = false;
  while (struct fy_document* d = fy_parse_load_document(parser.get())) {
    docs.push_back(convert(fy_document_root(d), 0, budget));
    fy_parse_document_destroy(parser.get(), d);
    YamlError where;
    if (!found && find_duplicate(docs.back(), &where)) {
      found = true;
      if (error) *error = where;
    }
  }
  if (found || fy_parser_get_stream_error(parser.get())) docs.clear();
  return docs;
}

}  // namespace

std::vector<YamlNode> parse_yaml(std::string_view text, YamlError* error) {
  std::vector<YamlNode> docs;
  if (!printable_utf8(text)) {
    if (error) error->message = "not printable UTF-8 text";
    return docs;
  }
  const QuietYamlParser parser(text, /*collect=*/true);
  if (!parser.get()) return docs;
  Budget budget{16 * text.size() + 1024};
  while (struct fy_document* d = fy_parse_load_document(parser.get())) {
    docs.push_back(convert(fy_document_root(d), 0, budget));
    fy_parse_document_destroy(parser.get(), d);
  }
  // A stream error anywhere: no structure is better than half of one.
  if (fy_parser_get_stream_error(parser.get())) {
    docs.clear();
    YamlError first = parser.first_error();
    if (first.message == "duplicate key") docs = with_duplicates(text, &first);
    if (error && docs.empty()) *error = first;
  }
  return docs;
}

}  // namespace kafkalint::scripts
