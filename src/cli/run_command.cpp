// `teikit run`: convert, validate and transform a whole collection.

#include <unistd.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/runner.hpp"
#include "transform/stylesheet.hpp"
#include "validate/schema.hpp"

namespace teikit::cli {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) {
  interrupted.store(true);
}

struct RunCommandOptions {
  pipeline::RunOptions run;
  std::string to = "html";
  std::string shard;
  bool quiet = false;
};

int run_run(RunCommandOptions& options) {
  options.run.formats.clear();
  std::stringstream list(options.to);
  for (std::string name; std::getline(list, name, ',');)
    if (!name.empty() && name != "tei") options.run.formats.push_back(name);
  if (!options.shard.empty()) {
    options.run.shard = pipeline::parse_shard(options.shard);
    if (!options.run.shard) {
      std::cerr << "teikit: error: --shard takes K/N with 1 <= K <= N, not '" << options.shard
                << "'\n";
      return static_cast<int>(ExitCode::usage);
    }
  }
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  struct sigaction previous {};
  sigaction(SIGINT, &action, &previous);
  std::unique_ptr<pipeline::ProgressBar> bar;
  if (!options.quiet && ::isatty(STDERR_FILENO))
    bar = std::make_unique<pipeline::ProgressBar>(stderr);
  pipeline::RunResult result;
  try {
    result =
        pipeline::run_batch(options.run, interrupted, [&](std::size_t done, std::size_t total) {
          if (bar) bar->update(done, total);
        });
  } catch (const validate::SchemaError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d) << '\n';
    std::cerr << "teikit: error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::usage);
  } catch (const transform::TransformError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(d) << '\n';
    return static_cast<int>(ExitCode::usage);
  }
  sigaction(SIGINT, &previous, nullptr);
  if (bar) bar->finish();
  std::size_t ok = 0, unchanged = 0;
  std::vector<const pipeline::DocumentReport*> problems;
  for (const auto& d : result.documents) {
    if (d.status == "ok") ++ok;
    if (d.status == "unchanged") ++unchanged;
    if (d.status == "failed" || d.status == "invalid") problems.push_back(&d);
    if (!options.quiet || d.status == "failed" || d.status == "invalid")
      for (const auto& diagnostic : d.diagnostics)
        if (diagnostic.severity == Severity::error || !options.quiet)
          std::cerr << format_diagnostic(diagnostic) << '\n';
  }
  std::cout << result.documents.size()
            << (result.documents.size() == 1 ? " document: " : " documents: ") << ok
            << " converted, " << unchanged << " unchanged, " << problems.size()
            << " failed; report in " << options.run.outdir << "/report.json\n";
  if (unchanged == result.documents.size() && unchanged > 0)
    std::cout << "nothing to do: every output is up to date\n";
  for (const auto* d : problems) std::cout << "  " << d->status << ": " << d->input << '\n';
  if (result.interrupted) {
    std::cout << "interrupted after " << result.documents.size() << " of " << result.total
              << " documents\n";
    return 130;
  }
  return problems.empty() ? static_cast<int>(ExitCode::ok) : static_cast<int>(ExitCode::invalid);
}

}  // namespace

Action add_run_command(CLI::App& app) {
  auto options = std::make_shared<RunCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "run", "Convert, validate and transform transcripts in batch (files and folders)");
  command->add_option("inputs", options->run.inputs, "Transcripts, or folders of *.txt / *.md")
      ->required();
  command->add_option("-o,--output", options->run.outdir, "Output folder")->required();
  command->add_option("--to", options->to, "Formats besides TEI, comma-separated (default: html)")
      ->capture_default_str();
  command->add_option("--schema", options->run.schemas.schema,
                      "Validate against this schema instead of the built-in one");
  command->add_option("-j,--jobs", options->run.jobs, "Threads (default: one per core)");
  command->add_option("--shard", options->shard,
                      "Process only the K-th of N deterministic slices of the inputs (K/N)");
  command->add_flag("-q,--quiet", options->quiet, "No progress bar, no warnings");
  return [options] { return run_run(*options); };
}

}  // namespace teikit::cli
