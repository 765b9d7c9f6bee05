#include "validate/report.hpp"

#include <ostream>

#include "core/json.hpp"

namespace teikit::validate {

Summary summarise(const std::vector<FileResult>& results, std::size_t skipped_rules) {
  Summary s;
  s.skipped_rules = skipped_rules;
  for (const auto& r : results) {
    ++s.files;
    (r.valid ? s.valid : s.invalid) += 1;
    s.errors += r.errors();
    s.warnings += r.warnings();
  }
  return s;
}

std::string format_validation_diagnostic(const Diagnostic& d) {
  std::string text = format_diagnostic(d);
  if (!d.path.empty()) text += " [at " + d.path + "]";
  if (!d.rule.empty()) text += " [rule " + d.rule + "]";
  return text;
}

void write_text_report(std::ostream& out, const std::vector<FileResult>& results,
                       const Summary& s) {
  for (const auto& r : results)
    for (const auto& d : r.diagnostics) out << format_validation_diagnostic(d) << '\n';
  out << s.files << (s.files == 1 ? " file: " : " files: ") << s.valid << " valid, " << s.invalid
      << " invalid, " << s.errors << (s.errors == 1 ? " error" : " errors");
  if (s.warnings > 0) out << ", " << s.warnings << (s.warnings == 1 ? " warning" : " warnings");
  out << '\n';
}

void write_json_report(std::ostream& out, const std::vector<FileResult>& results,
                       const Summary& s) {
  out << "{\"files\": [";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    out << (i > 0 ? ",\n  " : "\n  ") << "{\"file\": " << json_string(r.file)
        << ", \"valid\": " << (r.valid ? "true" : "false") << ", \"diagnostics\": [";
    for (std::size_t k = 0; k < r.diagnostics.size(); ++k) {
      const auto& d = r.diagnostics[k];
      out << (k > 0 ? ",\n    " : "\n    ") << "{\"line\": " << d.line
          << ", \"column\": " << d.column
          << ", \"severity\": " << json_string(severity_name(d.severity))
          << ", \"source\": " << json_string(d.source)
          << ", \"rule\": " << (d.rule.empty() ? "null" : json_string(d.rule))
          << ", \"path\": " << (d.path.empty() ? "null" : json_string(d.path))
          << ", \"message\": " << json_string(d.message) << "}";
    }
    out << (r.diagnostics.empty() ? "]}" : "\n  ]}");
  }
  out << (results.empty() ? "]" : "\n]") << ",\n \"summary\": {\"files\": " << s.files
      << ", \"valid\": " << s.valid << ", \"invalid\": " << s.invalid
      << ", \"errors\": " << s.errors << ", \"warnings\": " << s.warnings
      << ", \"skipped_rules\": " << s.skipped_rules << "}}\n";
}

}  // namespace teikit::validate
