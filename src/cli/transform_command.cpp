// `teikit transform` and `teikit formats`: TEI into derived formats through XSLT.

#include <iostream>
#include <map>
#include <memory>

#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "core/xml_handles.hpp"
#include "transform/formats.hpp"

namespace teikit::cli {
namespace {

struct TransformOptions {
  std::string input;
  std::string to;
  std::string output;
  std::vector<std::string> params;
  std::string xslt;
};

int run_transform(const TransformOptions& options) {
  std::map<std::string, std::string> params;
  for (const auto& param : options.params) {
    auto equals = param.find('=');
    if (equals == std::string::npos || equals == 0) {
      std::cerr << "teikit: error: --param takes NAME=VALUE, not '" << param << "'\n";
      return static_cast<int>(ExitCode::usage);
    }
    params[param.substr(0, equals)] = param.substr(equals + 1);
  }
  if (options.to.empty() == options.xslt.empty()) {
    std::cerr << "teikit: error: give either --to FORMAT or --xslt STYLESHEET\n"
              << "Run 'teikit formats' for the list of formats.\n";
    return static_cast<int>(ExitCode::usage);
  }
  const bool to_stdout = options.output.empty() || options.output == "-";
  const bool from_stdin = options.input == "-";
  if (!to_stdout && !from_stdin && same_file(options.input, options.output)) {
    std::cerr << "teikit: error: output " << options.output
              << " is the input file; refusing to overwrite it\n";
    return static_cast<int>(ExitCode::usage);
  }
  std::shared_ptr<const transform::Stylesheet> stylesheet;
  try {
    if (!options.xslt.empty()) {
      stylesheet = transform::Stylesheet::compile_file(options.xslt);
    } else {
      const auto* format = transform::find_format(options.to);
      if (format == nullptr) {
        std::cerr << "teikit: error: unknown format '" << options.to
                  << "'; run 'teikit formats' for the list\n";
        return static_cast<int>(ExitCode::usage);
      }
      stylesheet = transform::compiled_stylesheet(*format);
    }
  } catch (const transform::TransformError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d) << '\n';
    return static_cast<int>(ExitCode::invalid);
  }
  const std::string name = from_stdin ? "<stdin>" : options.input;
  std::string bytes = from_stdin ? read_stdin() : read_file(options.input);
  std::vector<Diagnostic> problems;
  auto doc = xml::parse_untrusted(bytes, name, problems);
  if (!doc) {
    for (const auto& d : problems) std::cerr << format_diagnostic(d) << '\n';
    return static_cast<int>(ExitCode::invalid);
  }
  std::string result;
  try {
    result = stylesheet->apply(doc.get(), params, name);
  } catch (const transform::TransformError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d) << '\n';
    std::cerr << "teikit: error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::invalid);
  }
  write_result(options.output, result);
  return static_cast<int>(ExitCode::ok);
}

int run_formats() {
  for (const auto& format : transform::formats()) {
    std::string name(format.name);
    name.resize(12, ' ');
    std::cout << name << format.description << '\n';
  }
  return static_cast<int>(ExitCode::ok);
}

}  // namespace

Action add_transform_command(CLI::App& app) {
  auto options = std::make_shared<TransformOptions>();
  CLI::App* command =
      app.add_subcommand("transform", "Turn TEI into HTML, text, Markdown, JSON, CSV, DC, CMIF…");
  command->add_option("input", options->input, "TEI file, or - for standard input")->required();
  command->add_option("--to", options->to, "Output format (see 'teikit formats')");
  command->add_option("-o,--output", options->output,
                      "Write the result here (default: standard output)");
  command->add_option("--param", options->params,
                      "Stylesheet parameter NAME=VALUE (repeatable), e.g. css=edition.css");
  command->add_option("--xslt", options->xslt,
                      "Run this XSLT 1.0 stylesheet instead of a built-in format");
  return [options] { return run_transform(*options); };
}

Action add_formats_command(CLI::App& app) {
  app.add_subcommand("formats", "List the output formats of 'teikit transform'");
  return [] { return run_formats(); };
}

}  // namespace teikit::cli
