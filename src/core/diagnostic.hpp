#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace teikit {

/// How serious a diagnostic is.
enum class Severity { warning, error };

/// One problem found in an input, with its position (line and column are 1-based; 0 = unknown).
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  Severity severity = Severity::error;
  std::string message;
  std::string source;  // which part found it: "transcript", "xml", "relaxng", ...
  std::string rule;    // the rule's id, for Schematron
  std::string path;    // the element's path, e.g. /TEI/teiHeader/fileDesc
};

/// The fixed process exit codes of every teikit command.
enum class ExitCode : int { ok = 0, invalid = 1, usage = 2 };

/// Returns "warning" or "error".
const char* severity_name(Severity severity);

/// Formats a diagnostic as `file:line:col: severity: message`.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Receives diagnostics as they are found; implementations decide where they go.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  /// Takes one diagnostic.
  virtual void report(Diagnostic diagnostic) = 0;
};

/// A sink that keeps every diagnostic in order.
class CollectingSink final : public DiagnosticSink {
 public:
  /// Appends the diagnostic.
  void report(Diagnostic diagnostic) override;
  /// All diagnostics collected so far.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  /// Whether any collected diagnostic is an error.
  bool has_errors() const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// A failure explained by diagnostics (a schema or stylesheet that cannot be used).
class DiagnosticsError : public std::runtime_error {
 public:
  /// Takes the summary and the problems found, each with file and line where known.
  DiagnosticsError(const std::string& what, std::vector<Diagnostic> diagnostics)
      : std::runtime_error(what), diagnostics_(std::move(diagnostics)) {}
  /// The problems.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Writes each diagnostic on its own line to a stream.
void print_diagnostics(std::ostream& out, const std::vector<Diagnostic>& diagnostics);

}  // namespace teikit
