#include "core/diagnostic.hpp"

#include <algorithm>
#include <ostream>

namespace teikit {

const char* severity_name(Severity severity) {
  return severity == Severity::warning ? "warning" : "error";
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string text = diagnostic.file.empty() ? std::string("-") : diagnostic.file;
  if (diagnostic.line > 0) {
    text += ':' + std::to_string(diagnostic.line);
    if (diagnostic.column > 0) text += ':' + std::to_string(diagnostic.column);
  }
  text += ": ";
  text += severity_name(diagnostic.severity);
  text += ": ";
  text += diagnostic.message;
  return text;
}

void CollectingSink::report(Diagnostic diagnostic) {
  diagnostics_.push_back(std::move(diagnostic));
}

bool CollectingSink::has_errors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void print_diagnostics(std::ostream& out, const std::vector<Diagnostic>& diagnostics) {
  for (const auto& diagnostic : diagnostics) out << format_diagnostic(diagnostic) << '\n';
}

}  // namespace teikit
