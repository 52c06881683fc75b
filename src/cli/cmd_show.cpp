// `kafkalint show FILE [--format text|json]`: the properties exactly as Kafka loads them.

#include <ostream>

#include "cli/command.h"
#include "cli/options.h"
#include "core/file_io.h"
#include "properties/document.h"

namespace kafkalint::cli {

int run_show(const std::vector<std::string>& args, Context& ctx) {
  std::string file;
  std::string format;
  po::options_description desc("options");
  desc.add_options()
      ("format", po::value(&format)->default_value("text"),
       "text: one 'key=value' line per key, escaped so Java reads the same map back; "
       "json: one object {\"key\": \"value\", ...}")
      ("file", po::value(&file)->required(), "the properties file (also the first argument)");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (int rc = parse_command_line("show", args, desc, positional, vm, ctx); rc >= 0) return rc;
  if (format != "text" && format != "json")
    return usage_error("show", "unknown format '" + format + "'; expected 'text' or 'json'", ctx);

  core::Error err;
  auto bytes = core::read_file(file, &err);
  if (!bytes) return report_error(err, ctx);
  const properties::ParseResult parsed = properties::parse(std::move(*bytes), file);
  if (!parsed.ok()) {
    for (const core::Error& e : parsed.errors) report_error(e, ctx);
    return kExitFailure;
  }
  // Keys in Java's String order (UTF-16 code units), the order of a TreeMap in Kafka tools.
  const std::string out = format == "json" ? properties::to_json(parsed.doc)
                                           : properties::to_properties(parsed.doc);
  ctx.out.write(out.data(), static_cast<std::streamsize>(out.size()));
  return kExitOk;
}

}  // namespace kafkalint::cli
