// `kafkalint edit FILE [--set KEY=VALUE]... [--unset KEY]... [--comment KEY]... [--write|--diff]`:
// lossless edits, applied in command-line order.

#include <filesystem>
#include <ostream>

#include "cli/command.h"
#include "cli/options.h"
#include "core/file_io.h"
#include "core/unified_diff.h"
#include "properties/document.h"
#include "properties/edit.h"
#include "report/diff_color.h"

namespace kafkalint::cli {

namespace {

struct Operation {
  std::string kind;  // "set", "unset" or "comment"
  std::string arg;
};

}  // namespace

int run_edit(const std::vector<std::string>& args, Context& ctx) {
  std::string file;
  po::options_description desc("options");
  desc.add_options()(
      "set", po::value<std::vector<std::string>>()->composing()->value_name("KEY=VALUE"),
      "KEY=VALUE: replace the value of KEY's entry in place, or append it (may repeat; "
      "the first '=' separates key and value)")(
      "unset", po::value<std::vector<std::string>>()->composing()->value_name("KEY"),
      "KEY: remove every entry of KEY, continuation lines included (may repeat)")(
      "comment", po::value<std::vector<std::string>>()->composing()->value_name("KEY"),
      "KEY: turn every entry of KEY into comment lines (may repeat)")(
      "write", po::bool_switch(), "replace FILE atomically, keeping its mode")(
      "diff", po::bool_switch(), "print a unified diff instead of the edited file")(
      "file", po::value(&file)->required()->value_name("FILE"),
      "the properties file (also the first argument)");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (int rc = parse_command_line("edit", args, desc, positional, vm, ctx); rc >= 0) return rc;
  const bool write = vm["write"].as<bool>();
  const bool diff = vm["diff"].as<bool>();
  if (write && diff) return usage_error("edit", "'--write' and '--diff' exclude each other", ctx);

  // variables_map groups values per option; the raw parse keeps the command-line order.
  std::vector<Operation> ops;
  {
    const po::parsed_options parsed =
        po::command_line_parser(args)
            .options(desc)
            .positional(positional)
            .style(po::command_line_style::unix_style & ~po::command_line_style::allow_guessing)
            .run();
    for (const po::option& o : parsed.options) {
      if (o.string_key != "set" && o.string_key != "unset" && o.string_key != "comment") continue;
      for (const std::string& v : o.value) ops.push_back({o.string_key, v});
    }
  }
  for (const Operation& op : ops) {
    if (op.kind == "set" && op.arg.find('=') == std::string::npos)
      return usage_error("edit", "'--set' needs KEY=VALUE, got '" + op.arg + "'", ctx);
  }

  core::Error err;
  auto bytes = core::read_file(file, &err);
  if (!bytes) return report_error(err, ctx);
  properties::ParseResult parsed = properties::parse(std::move(*bytes), file);
  if (!parsed.ok()) {
    for (const core::Error& e : parsed.errors) report_error(e, ctx);
    return kExitFailure;
  }
  properties::Document& doc = parsed.doc;
  // The editor holds one parsed document and edits its text in place; the original is
  // rebuilt at the end from each edit's undo splices, not kept beside it (issue 16: peak
  // memory a few times the file).
  std::vector<std::vector<properties::Splice>> undo;
  for (const Operation& op : ops) {
    undo.emplace_back();
    std::optional<core::Error> failed;
    if (op.kind == "set") {
      const std::size_t eq = op.arg.find('=');
      failed = properties::set(doc, std::string_view(op.arg).substr(0, eq),
                               std::string_view(op.arg).substr(eq + 1), &undo.back());
    } else {
      const std::size_t entries = doc.entries().size();
      failed = op.kind == "unset" ? properties::unset(doc, op.arg, &undo.back())
                                  : properties::comment(doc, op.arg, &undo.back());
      if (!failed && doc.entries().size() == entries)
        ctx.err << "kafkalint edit: note: '" << op.arg << "' is not set in " << file
                << "; nothing to " << op.kind << "\n";
    }
    if (failed) return report_error(*failed, ctx);
  }

  // The document's text is the edited file byte for byte (write(doc) == doc.text()).
  const std::string edited = properties::take_text(std::move(doc));
  std::string original;
  if (diff || write) {
    std::size_t grown = edited.size();  // room for the undo splices: no copy while growing
    for (const auto& u : undo)
      for (const properties::Splice& x : u) grown += x.with.size();
    original.reserve(grown);
    original = edited;
    for (auto it = undo.rbegin(); it != undo.rend(); ++it) (void)properties::splice(original, *it);
  }
  if (diff) {
    std::error_code ec;
    const std::filesystem::path cwd = std::filesystem::current_path(ec);
    const bool outside = core::outside_dir(file, cwd);
    const std::string name = core::patch_path(file, cwd, outside);
    const std::string d = core::unified_diff(original, edited, "a/" + name, "b/" + name);
    if (outside && !d.empty())
      ctx.err << "note: the diff names the file by its path from '/'; apply it there: "
                 "git -C / apply (or patch -p1 -d /)\n";
    ctx.out << (ctx.color ? report::color_diff(d) : d);
  } else if (write) {
    if (edited != original && !core::write_file_atomic(file, edited, &err))
      return report_error(err, ctx);
  } else {
    // The edited file itself, typically redirected into a new config: passwords kept.
    ctx.out.flush();
    std::ostream& o = ctx.config_out ? *ctx.config_out : ctx.out;
    o.write(edited.data(), static_cast<std::streamsize>(edited.size()));
  }
  return kExitOk;
}

}  // namespace kafkalint::cli
