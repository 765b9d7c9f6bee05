// `teikit convert`: a transcript in, TEI out.

#include <iostream>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"
#include "tei/tei_writer.hpp"
#include "transcript/reader.hpp"

namespace teikit::cli {
namespace {

struct ConvertOptions {
  std::string input = "-";
  std::string output;
  bool quiet = false;
};

int run_convert(const ConvertOptions& options) {
  const bool from_stdin = options.input == "-";
  const std::string name = from_stdin ? "<stdin>" : options.input;
  if (!options.output.empty() && options.output != "-" && !from_stdin &&
      same_file(options.input, options.output)) {
    std::cerr << "teikit: error: output " << options.output
              << " is the input file; refusing to overwrite it\n";
    return static_cast<int>(ExitCode::usage);
  }
  std::string bytes = from_stdin ? read_stdin() : read_file(options.input);
  auto result = transcript::read_transcript(bytes, name);
  for (const auto& diagnostic : result.diagnostics)
    if (diagnostic.severity == Severity::error || !options.quiet)
      std::cerr << format_diagnostic(diagnostic) << '\n';
  if (!result.document) return static_cast<int>(ExitCode::invalid);
  write_result(options.output, tei::to_tei_string(*result.document));
  return static_cast<int>(ExitCode::ok);
}

}  // namespace

void write_result(const std::string& output, std::string_view content) {
  if (output.empty() || output == "-") {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) throw IoError("<stdout>: cannot write");
  } else {
    write_file_atomically(output, content);
  }
}

Action add_convert_command(CLI::App& app) {
  auto options = std::make_shared<ConvertOptions>();
  CLI::App* command = app.add_subcommand("convert", "Convert a plain transcript to TEI P5");
  command->add_option("input", options->input, "Transcript file, or - for standard input")
      ->capture_default_str();
  command->add_option("-o,--output", options->output,
                      "Write the TEI here (default: standard output)");
  command->add_flag("-q,--quiet", options->quiet, "Do not print warnings");
  return [options] { return run_convert(*options); };
}

}  // namespace teikit::cli
