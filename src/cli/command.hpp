#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>

namespace teikit::cli {

/// A subcommand's action, run after parsing; returns the process exit code.
using Action = std::function<int()>;

/// Writes a command's result to standard output (OUTPUT empty or "-") or, atomically, to
/// the file OUTPUT. Throws IoError.
void write_result(const std::string& output, std::string_view content);

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
