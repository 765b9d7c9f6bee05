#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace teikit::pipeline {

/// What happened to one document in a run.
struct DocumentReport {
  std::string input;   // as given
  std::string stem;    // output name without extension
  std::string status;  // "ok", "unchanged", "invalid", "failed"
  std::string hash;    // of input, options and teikit version
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> outputs;  // relative to the output folder
  std::string previous_line;         // for "unchanged": the entry of the earlier run
};

/// A document's entry from an earlier run's report.
struct PreviousEntry {
  std::string status;
  std::string hash;
  std::vector<std::string> outputs;
  std::string line;  // the whole entry as written
};

/// Reads OUTDIR/report.json of an earlier run (entries by output name); empty if none.
std::map<std::string, PreviousEntry> read_previous_report(const std::string& path);

/// Writes the run's report as JSON, one document per line (atomically).
void write_report(const std::string& path, const std::string& options_json,
                  const std::vector<DocumentReport>& documents, bool interrupted);

/// The report entry of one document (one line of JSON).
std::string report_line(const DocumentReport& report);

}  // namespace teikit::pipeline
