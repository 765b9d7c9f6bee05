#pragma once

#include <iosfwd>
#include <vector>

#include "validate/validation.hpp"

namespace teikit::validate {

/// Totals over a validation run.
struct Summary {
  std::size_t files = 0, valid = 0, invalid = 0, errors = 0, warnings = 0, skipped_rules = 0;
};

/// Adds up the results.
Summary summarise(const std::vector<FileResult>& results, std::size_t skipped_rules);

/// One diagnostic as `FILE:LINE:COL: severity: MESSAGE [at PATH] [rule ID]`.
std::string format_validation_diagnostic(const Diagnostic& diagnostic);

/// The text report: every diagnostic, then `N files: K valid, M invalid, E errors`.
void write_text_report(std::ostream& out, const std::vector<FileResult>& results,
                       const Summary& summary);

/// The JSON report: {"files": [...], "summary": {...}}.
void write_json_report(std::ostream& out, const std::vector<FileResult>& results,
                       const Summary& summary);

}  // namespace teikit::validate
