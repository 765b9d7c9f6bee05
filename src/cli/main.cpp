// teikit: the command-line entry point. Each subcommand lives in its own file.

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <map>

#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"
#include "teikit/version.hpp"

int main(int argc, char** argv) {
  using teikit::ExitCode;
  CLI::App app{"teikit: turn archival transcripts into TEI P5", "teikit"};
  app.set_version_flag("--version", std::string("teikit ") + teikit::version);
  app.require_subcommand(1);
  std::map<CLI::App*, teikit::cli::Action> actions;
  for (auto add : {&teikit::cli::add_convert_command, &teikit::cli::add_validate_command,
                   &teikit::cli::add_transform_command, &teikit::cli::add_formats_command,
                   &teikit::cli::add_run_command}) {
    auto action = add(app);
    actions.emplace(app.get_subcommands([](CLI::App*) { return true; }).back(), std::move(action));
  }
  if (argc > 1 && argv[1][0] != '-' && actions.size() > 0) {
    bool known = false;
    for (const auto& [subcommand, action] : actions) known |= subcommand->check_name(argv[1]);
    if (!known) {
      std::cerr << "teikit: unknown command '" << argv[1] << "'\n"
                << "Run 'teikit --help' for the list of commands.\n";
      return static_cast<int>(ExitCode::usage);
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "teikit: " << e.what() << "\n"
              << "Run 'teikit --help' for usage.\n";
    return static_cast<int>(ExitCode::usage);
  }
  try {
    for (auto& [subcommand, action] : actions)
      if (subcommand->parsed()) return action();
  } catch (const teikit::IoError& e) {
    std::cerr << "teikit: error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::usage);
  } catch (const std::exception& e) {
    std::cerr << "teikit: internal error: " << e.what() << '\n';
    return 3;
  }
  return static_cast<int>(ExitCode::usage);
}
