#include "knowledge/cli_pack.h"

#include <algorithm>
#include <utility>

#include "knowledge/generated_fields.h"

namespace kafkalint::knowledge {

namespace {

const std::vector<std::string_view> kParsers = {"joptsimple", "argparse4j", "manual", "positional",
                                                "shell",      "external",   "none"};
const std::vector<std::string_view> kToolKinds = {"tool", "server", "shell-only", "dispatcher"};
const std::vector<std::string_view> kArgs = {"none", "required", "optional"};

CliOption::Arg parse_arg(std::string_view s) {
  if (s == "required") return CliOption::Arg::kRequired;
  if (s == "optional") return CliOption::Arg::kOptional;
  return CliOption::Arg::kNone;
}

bool option_less(const CliOption& a, const CliOption& b) { return a.name < b.name; }

// { name = "--x", arg = "required", deprecated = true, replacement = "--y" }
bool read_options(const PackText& pack, const toml::array& arr, const std::string& what,
                  bool with_deprecation, std::vector<CliOption>* out, core::Error* err) {
  if (!generated::check_table_array(pack, arr, what, err)) return false;
  out->reserve(arr.size());
  for (const toml::node& item : arr) {
    const toml::table& t = *item.as_table();
    generated::Fields r(pack, t, "option of " + what, err);
    CliOption o;
    std::string arg;
    r.str("name", &o.name, true);
    r.one_of("arg", &arg, kArgs, true);
    if (with_deprecation) {
      r.boolean("deprecated", &o.deprecated);
      r.str("replacement", &o.replacement);
    }
    if (!r.finish()) return false;
    if (o.name.empty() || o.name[0] != '-')
      return r.fail(*t.get("name"),
                    "option name '" + o.name + "' in " + what + " must start with '-'");
    o.arg = parse_arg(arg);
    out->push_back(std::move(o));
  }
  std::sort(out->begin(), out->end(), option_less);
  auto dup =
      std::adjacent_find(out->begin(), out->end(),
                         [](const CliOption& a, const CliOption& b) { return a.name == b.name; });
  if (dup != out->end()) {
    // Report at the last occurrence: the first one reads as the legitimate entry.
    const toml::node* last = nullptr;
    for (const toml::node& item : arr)
      if (const auto* n = item.as_table()->get("name"); n && n->value<std::string>() == dup->name)
        last = &item;
    *err = pack_error(pack, *last, "duplicate option '" + dup->name + "' in " + what);
    return false;
  }
  return true;
}

bool read_tool(const PackText& pack, const toml::table& t, CliTool* tool, core::Error* err) {
  const std::string what = "[[tool]]";
  generated::Fields r(pack, t, what, err);
  r.str("script", &tool->script, true);
  const std::string named = tool->script.empty() ? what : "tool '" + tool->script + "'";
  r.str("main_class", &tool->main_class, true);
  r.str("parser", &tool->parser, true);
  r.boolean("abbreviations", &tool->abbreviations);
  r.one_of("kind", &tool->kind, kToolKinds, true);
  r.boolean("deprecated", &tool->deprecated);
  r.str("replacement", &tool->replacement);
  r.str_array("subcommands", &tool->subcommands);
  const toml::array* options = r.array("options", true);
  const toml::array* subs = r.array("subcommand_options");
  if (!r.finish()) return false;
  if (tool->script.empty()) return r.fail(*t.get("script"), "empty script name in [[tool]]");
  // Each '+'-joined part of the parser must be a known kind.
  std::string_view rest = tool->parser;
  while (true) {
    const std::size_t plus = rest.find('+');
    const std::string_view part = rest.substr(0, plus);
    if (std::find(kParsers.begin(), kParsers.end(), part) == kParsers.end())
      return r.fail(*t.get("parser"), "invalid parser '" + tool->parser + "' of " + named,
                    "expected joptsimple, argparse4j, manual, positional, shell, external or "
                    "none, joined with '+'");
    if (plus == std::string_view::npos) break;
    rest.remove_prefix(plus + 1);
  }
  std::sort(tool->subcommands.begin(), tool->subcommands.end());
  if (!read_options(pack, *options, named, true, &tool->options, err)) return false;
  if (subs) {
    if (!generated::check_table_array(pack, *subs, "'subcommand_options' of " + named, err))
      return false;
    for (const toml::node& item : *subs) {
      const toml::table& st = *item.as_table();
      generated::Fields sr(pack, st, "'subcommand_options' of " + named, err);
      CliSubcommand sub;
      sr.str("subcommand", &sub.name, true);
      const toml::array* sub_options = sr.array("options", true);
      if (!sr.finish()) return false;
      const std::string sub_what = named + " sub-command '" + sub.name + "'";
      if (!read_options(pack, *sub_options, sub_what, false, &sub.options, err)) return false;
      tool->subcommand_options.push_back(std::move(sub));
    }
    std::sort(tool->subcommand_options.begin(), tool->subcommand_options.end(),
              [](const CliSubcommand& a, const CliSubcommand& b) { return a.name < b.name; });
  }
  return true;
}

}  // namespace

const char* arg_name(CliOption::Arg arg) {
  switch (arg) {
    case CliOption::Arg::kNone:
      return "none";
    case CliOption::Arg::kRequired:
      return "required";
    case CliOption::Arg::kOptional:
      return "optional";
  }
  return "none";
}

const CliOption* CliTool::find_option(std::string_view name) const {
  auto it = std::lower_bound(options.begin(), options.end(), name,
                             [](const CliOption& o, std::string_view n) { return o.name < n; });
  return it != options.end() && it->name == name ? &*it : nullptr;
}

bool CliTool::uses_parser(std::string_view parser_kind) const {
  std::string_view rest = parser;
  while (true) {
    const std::size_t plus = rest.find('+');
    if (rest.substr(0, plus) == parser_kind) return true;
    if (plus == std::string_view::npos) return false;
    rest.remove_prefix(plus + 1);
  }
}

std::vector<const CliOption*> CliTool::options_with_prefix(std::string_view prefix) const {
  std::vector<const CliOption*> out;
  auto it = std::lower_bound(options.begin(), options.end(), prefix,
                             [](const CliOption& o, std::string_view n) { return o.name < n; });
  for (; it != options.end() && std::string_view(it->name).substr(0, prefix.size()) == prefix; ++it)
    if (it->name.rfind("--", 0) == 0) out.push_back(&*it);
  return out;
}

const CliSubcommand* CliTool::subcommand(std::string_view name) const {
  auto it = std::lower_bound(subcommand_options.begin(), subcommand_options.end(), name,
                             [](const CliSubcommand& s, std::string_view n) { return s.name < n; });
  return it != subcommand_options.end() && it->name == name ? &*it : nullptr;
}

const CliTool* CliCatalog::find(std::string_view script) const {
  auto it = std::lower_bound(tools_.begin(), tools_.end(), script,
                             [](const CliTool& t, std::string_view s) { return t.script < s; });
  return it != tools_.end() && it->script == script ? &*it : nullptr;
}

const RemovedTool* CliCatalog::removed_tool(std::string_view script) const {
  auto it = std::lower_bound(removed_tools_.begin(), removed_tools_.end(), script,
                             [](const RemovedTool& t, std::string_view s) { return t.script < s; });
  return it != removed_tools_.end() && it->script == script ? &*it : nullptr;
}

const RemovedOption* CliCatalog::removed_option(std::string_view script,
                                                std::string_view option) const {
  auto it = std::lower_bound(
      removed_options_.begin(), removed_options_.end(), std::pair(script, option),
      [](const RemovedOption& o, const std::pair<std::string_view, std::string_view>& k) {
        return o.script != k.first ? o.script < k.first : o.option < k.second;
      });
  return it != removed_options_.end() && it->script == script && it->option == option ? &*it
                                                                                      : nullptr;
}

core::Result<CliCatalog> load_cli(const PackSource& packs, std::string_view release_line) {
  return core::capture<CliCatalog>([&](core::Error* err) -> std::optional<CliCatalog> {
    std::optional<PackText> pack =
        generated::find_release_pack(packs, "kafka/cli/", release_line, "command-line", err);
    if (!pack) return std::nullopt;
    return parse_cli(*pack, release_line).take(err);
  });
}

core::Result<CliCatalog> parse_cli(const PackText& pack, std::string_view release_line) {
  return core::capture<CliCatalog>([&](core::Error* err) -> std::optional<CliCatalog> {
    return read_pack(pack, err, [&](const toml::table& root) -> std::optional<CliCatalog> {
      CliCatalog cat;
      cat.release_ = std::string(release_line);
      if (!generated::read_pack_header(pack, root, "cli", release_line, &cat.source_, err))
        return std::nullopt;

      for (auto&& [k, v] : root) {
        const std::string_view name = k.str();
        if (name == "pack") continue;
        const toml::array* arr = v.as_array();
        if (name != "tool" && name != "removed_tool" && name != "removed_option") {
          *err =
              pack_error(pack, v, "unknown table '" + std::string(name) + "' in command-line pack",
                         "expected one of pack, tool, removed_tool, removed_option");
          return std::nullopt;
        }
        if (!arr) {
          *err = pack_error(
              pack, v, "'" + std::string(name) + "' must be an array, got " + toml_type_name(v));
          return std::nullopt;
        }
        if (!generated::check_table_array(pack, *arr, "'" + std::string(name) + "'", err))
          return std::nullopt;
        for (const toml::node& item : *arr) {
          const toml::table& t = *item.as_table();
          if (name == "tool") {
            CliTool tool;
            if (!read_tool(pack, t, &tool, err)) return std::nullopt;
            cat.tools_.push_back(std::move(tool));
          } else if (name == "removed_tool") {
            generated::Fields r(pack, t, "'removed_tool' entry", err);
            RemovedTool rt;
            r.str("script", &rt.script, true);
            r.str("last", &rt.last, true);
            if (!r.finish()) return std::nullopt;
            cat.removed_tools_.push_back(std::move(rt));
          } else {
            generated::Fields r(pack, t, "'removed_option' entry", err);
            RemovedOption ro;
            r.str("script", &ro.script, true);
            r.str("option", &ro.option, true);
            r.str("last", &ro.last, true);
            if (!r.finish()) return std::nullopt;
            cat.removed_options_.push_back(std::move(ro));
          }
        }
      }
      std::sort(cat.tools_.begin(), cat.tools_.end(),
                [](const CliTool& a, const CliTool& b) { return a.script < b.script; });
      auto dup = std::adjacent_find(
          cat.tools_.begin(), cat.tools_.end(),
          [](const CliTool& a, const CliTool& b) { return a.script == b.script; });
      if (dup != cat.tools_.end()) {
        *err = core::Error{};
        err->where.file = pack.display_name;
        err->message = "duplicate [[tool]] for script '" + dup->script + "'";
        err->hint = "each script appears once per pack";
        // Point at the second [[tool]] of that script.
        if (const toml::array* tools = root.get_as<toml::array>("tool")) {
          int seen = 0;
          for (const toml::node& item : *tools)
            if (const auto* s = item.as_table()->get("script");
                s && s->value<std::string>() == dup->script)
              if (++seen == 2) *err = pack_error(pack, item, err->message, err->hint);
        }
        return std::nullopt;
      }
      std::sort(cat.removed_tools_.begin(), cat.removed_tools_.end(),
                [](const RemovedTool& a, const RemovedTool& b) { return a.script < b.script; });
      std::sort(cat.removed_options_.begin(), cat.removed_options_.end(),
                [](const RemovedOption& a, const RemovedOption& b) {
                  return a.script != b.script ? a.script < b.script : a.option < b.option;
                });
      return cat;
    });
  });
}

std::vector<std::string> cli_releases(const PackSource& packs) {
  return generated::releases_under(packs, "kafka/cli/");
}

}  // namespace kafkalint::knowledge
