// extract() and detect_kind(): picking the reader for a file.

#include "scripts/extract.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/strings.h"
#include "scripts/readers.h"

namespace kafkalint::scripts {
namespace {

std::size_t content_start(std::string_view content) {
  return content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // UTF-8 byte order mark
}

// Template suffixes: the file is read as the kind of the name without them.
constexpr std::array<std::string_view, 5> kTemplateSuffixes{".j2", ".jinja2", ".jinja", ".tmpl",
                                                            ".tpl"};

bool is_template(std::string_view name) {
  const std::string l = core::ascii_lower(name);
  return std::any_of(kTemplateSuffixes.begin(), kTemplateSuffixes.end(),
                     [&](std::string_view suf) { return core::ends_with(l, suf); });
}

FileKind kind_from_name(const std::string& name) {
  const std::size_t dot = name.find_last_of('.');
  const std::string_view ext =
      dot == std::string::npos ? std::string_view() : std::string_view(name).substr(dot);
  if (ext == ".sh" || ext == ".bash" || ext == ".zsh" || ext == ".ksh") return FileKind::kShell;
  if (ext == ".yml" || ext == ".yaml") return FileKind::kYaml;
  if (ext == ".md" || ext == ".markdown" || ext == ".mdown" || ext == ".mkd")
    return FileKind::kMarkdown;
  if (ext == ".adoc" || ext == ".asciidoc" || ext == ".asc") return FileKind::kAsciiDoc;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileKind::kHtml;
  if (ext == ".txt" || ext == ".text") return FileKind::kText;
  if (ext == ".bat" || ext == ".cmd") return FileKind::kBatch;
  if (ext == ".ps1" || ext == ".psm1") return FileKind::kPowerShell;
  if (ext == ".env") return FileKind::kEnv;  // '.env', 'kafka.env' (Compose env_file)
  if (name == "hosts.ini" || name == "inventory.ini") return FileKind::kInventory;
  if (ext == ".mk" || ext == ".make") return FileKind::kMakefile;
  if (ext == ".dockerfile") return FileKind::kDockerfile;
  // "Dockerfile", "Dockerfile.prod", "broker-Dockerfile", "Containerfile"; the same for make.
  const std::string_view stem = std::string_view(name).substr(0, name.find('.'));
  if (core::ends_with(stem, "dockerfile") || core::ends_with(stem, "containerfile"))
    return FileKind::kDockerfile;
  if (core::ends_with(stem, "makefile")) return FileKind::kMakefile;
  if (!ext.empty()) return FileKind::kUnknown;  // .properties, .conf, .json, ...
  return FileKind::kUnknown;
}

// The line that starts at `p`, without its indentation and trailing blanks; `p` moves past it.
std::string_view next_trimmed_line(std::string_view content, std::size_t& p) {
  std::size_t e = content.find('\n', p);
  if (e == std::string_view::npos) e = content.size();
  std::string_view l = content.substr(p, e - p);
  p = e + 1;
  while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
  while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t'))
    l.remove_suffix(1);
  return l;
}

// The first line that is not blank or a comment is a '[group]' header.
bool ini_inventory_shape(std::string_view content) {
  std::size_t p = 0;
  while (p < content.size()) {
    const std::string_view l = next_trimmed_line(content, p);
    if (l.empty() || l.front() == '#' || l.front() == ';') continue;
    return l.size() > 2 && l.front() == '[' && l.back() == ']';
  }
  return false;
}

FileKind kind_from_content(std::string_view content) {
  content = content.substr(content_start(content));
  if (content.substr(0, 2) == "#!") {
    const std::string first = core::ascii_lower(content.substr(0, content.find('\n')));
    for (std::string_view sh : {"sh", "bash", "zsh", "ksh", "dash", "ash"}) {
      const std::size_t at = first.rfind(sh);
      if (at != std::string::npos && (at == 0 || first[at - 1] == '/' || first[at - 1] == ' '))
        return FileKind::kShell;
    }
    return FileKind::kUnknown;
  }
  // The first instruction-looking line decides: FROM (Dockerfile), apiVersion/---/services (YAML).
  std::size_t p = 0;
  while (p < content.size()) {
    const std::string_view l = next_trimmed_line(content, p);
    if (l.empty() || l.front() == '#') continue;
    const std::string lo = core::ascii_lower(l.substr(0, 12));
    if (lo.substr(0, 5) == "from " || lo.substr(0, 4) == "arg ") return FileKind::kDockerfile;
    if (l == "---" || lo.substr(0, 11) == "apiversion:" || lo.substr(0, 9) == "services:" ||
        lo.substr(0, 8) == "version:")
      return FileKind::kYaml;
    break;
  }
  return FileKind::kUnknown;
}

}  // namespace

FileKind detect_kind(std::string_view path, std::string_view content) {
  const std::size_t slash = path.find_last_of("/\\");
  std::string name =
      core::ascii_lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  bool templated = false;
  for (bool again = true; again;) {
    again = false;
    for (std::string_view suf : kTemplateSuffixes)
      if (core::ends_with(name, suf) && name.size() > suf.size()) {
        name.resize(name.size() - suf.size());
        templated = again = true;
      }
  }
  FileKind kind = kind_from_name(name);
  if (kind != FileKind::kUnknown) return kind;
  const bool has_extension = name.find('.') != std::string::npos;
  if (!has_extension) {
    // Ansible's INI inventories are named 'hosts' or 'inventory' by convention and start with
    // a [group] header: their inline variables are broker settings.
    if ((name == "hosts" || name == "inventory") && ini_inventory_shape(content))
      return FileKind::kInventory;
    kind = kind_from_content(content);
    // A template named after no file type ("kafka-acls-command.j2") renders a command line.
    if (kind == FileKind::kUnknown && templated) return FileKind::kShell;
  }
  return kind;
}

ExtractResult extract(std::string_view path, std::string_view content, FileKind kind,
                      const ExtractOptions& opts) {
  ExtractResult result;
  Extractor ex(path, content, opts, result);
  const std::size_t start = content_start(content);
  LexOptions lo;
  lo.jinja = is_template(path);
  switch (kind) {
    case FileKind::kShell:
      ex.shell(ex.copy(start, content.size()), lo);
      break;
    case FileKind::kDockerfile:
      read_dockerfile(ex, split_lines(content, start, content.size()));
      break;
    case FileKind::kMakefile:
      read_makefile(ex, split_lines(content, start, content.size()));
      break;
    case FileKind::kYaml:
      read_yaml(ex, split_lines(content, start, content.size()));
      break;
    case FileKind::kMarkdown:
      read_markdown(ex, split_lines(content, start, content.size()), false);
      break;
    case FileKind::kAsciiDoc:
      read_markdown(ex, split_lines(content, start, content.size()), true);
      break;
    case FileKind::kHtml:
      read_html(ex, start);
      break;
    case FileKind::kText:
      read_text_notes(ex, split_lines(content, start, content.size()));
      break;
    case FileKind::kBatch:
      lo.batch = true;
      ex.shell(ex.copy(start, content.size()), lo);
      break;
    case FileKind::kPowerShell:
      // Every line is input (no prompts); '.\bin\windows\*.bat' lines are read as batch.
      read_console_block(ex, ex.copy(start, content.size()), false, true, false);
      break;
    case FileKind::kEnv:
      break;  // variables only: read as a carrier (env_file_carrier)
    case FileKind::kInventory:
      break;  // groups, hosts and variables: read by the Ansible inventory checks
    case FileKind::kUnknown:
      break;
  }
  ex.finish();
  return result;
}

}  // namespace kafkalint::scripts
