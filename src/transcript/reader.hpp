#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/document.hpp"

namespace teikit::transcript {

/// The outcome of reading a transcript: a document, or nothing when the input is unusable;
/// diagnostics hold the errors and warnings (each with its line).
struct ReadResult {
  std::optional<model::Document> document;
  std::vector<Diagnostic> diagnostics;
};

/// Reads a plain archival transcript (bytes as read from `file`) into the document model.
ReadResult read_transcript(std::string_view bytes, const std::string& file);

}  // namespace teikit::transcript
