// `teikit validate`: TEI (or any XML) against RELAX NG / XSD / DTD and Schematron.

#include <libxml/parser.h>

#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "core/parallel.hpp"
#include "validate/report.hpp"
#include "validate/schema_set.hpp"
#include "validate/validation.hpp"

namespace teikit::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  validate::SchemaOptions schemas;
  std::string format = "text";
  unsigned jobs = 0;
  bool verbose = false;
};

int run_validate(const ValidateOptions& options) {
  xmlInitParser();
  validate::SchemaSet schemas;
  try {
    schemas = validate::load_schemas(options.schemas);
  } catch (const validate::SchemaError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d) << '\n';
    std::cerr << "teikit: error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::usage);
  }
  if (options.verbose) {
    for (const auto& rules : schemas.rules)
      for (const auto& skipped : rules->skipped())
        std::cerr << "teikit: skipped Schematron rule"
                  << (skipped.pattern.empty() ? "" : " in pattern " + skipped.pattern)
                  << (skipped.context.empty() ? "" : " (context " + skipped.context + ")") << ": "
                  << skipped.reason << '\n';
  }
  std::vector<validate::FileResult> results(options.files.size());
  parallel_for(
      options.files.size(), job_count(options.jobs),
      [&] { return std::make_unique<validate::DocumentValidator>(schemas); },
      [&](auto& validator, std::size_t i) {
        results[i] = validator->validate_file(options.files[i]);
      });
  auto summary = validate::summarise(results, schemas.skipped_rules());
  if (options.format == "json") {
    validate::write_json_report(std::cout, results, summary);
  } else {
    validate::write_text_report(std::cout, results, summary);
    if (summary.skipped_rules > 0 && !options.verbose)
      std::cerr << "teikit: " << summary.skipped_rules
                << (summary.skipped_rules == 1 ? " Schematron rule needs"
                                               : " Schematron rules need")
                << " XPath 2.0: skipped (--verbose lists "
                << (summary.skipped_rules == 1 ? "it)\n" : "them)\n");
  }
  std::cout.flush();
  for (const auto& r : results)
    if (r.io_error) return static_cast<int>(ExitCode::usage);
  return summary.invalid > 0 ? static_cast<int>(ExitCode::invalid) : static_cast<int>(ExitCode::ok);
}

}  // namespace

Action add_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command = app.add_subcommand(
      "validate", "Validate XML files against RELAX NG, XSD or DTD, and Schematron");
  command->add_option("files", options->files, "XML files to validate")->required();
  command->add_option("--schema", options->schemas.schema,
                      "Grammar: .rng or .rnc (RELAX NG), .xsd or .dtd (default: the built-in "
                      "teikit schema); Schematron embedded in a RELAX NG schema runs too");
  command->add_option("--schematron", options->schemas.schematron,
                      "ISO Schematron rules (default: the built-in teikit rules)");
  command->add_option("--phase", options->schemas.phase, "Schematron phase to run");
  command->add_flag("--no-schematron", options->schemas.no_schematron, "Check the grammar only");
  command
      ->add_option("--engine", options->schemas.engine,
                   "RELAX NG engine: native (teikit's own; reads .rng and .rnc) or libxml2")
      ->check(CLI::IsMember({"native", "libxml2"}))
      ->capture_default_str();
  command->add_option("--format", options->format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("-j,--jobs", options->jobs, "Threads (default: one per core)");
  command->add_flag("-v,--verbose", options->verbose, "List Schematron rules that were skipped");
  return [options] { return run_validate(*options); };
}

}  // namespace teikit::cli
