#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace teikit::cli {

/// A subcommand's action, run after parsing; returns the process exit code.
using Action = std::function<int()>;

/// Registers `teikit convert` on the app; the returned action runs it.
Action add_convert_command(CLI::App& app);

/// Registers `teikit validate` on the app; the returned action runs it.
Action add_validate_command(CLI::App& app);

/// Registers `teikit transform` on the app; the returned action runs it.
Action add_transform_command(CLI::App& app);

/// Registers `teikit formats` on the app; the returned action runs it.
Action add_formats_command(CLI::App& app);

/// Registers `teikit run` on the app; the returned action runs it.
Action add_run_command(CLI::App& app);

}  // namespace teikit::cli
