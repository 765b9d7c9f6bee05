#pragma once

#include <optional>
#include <string_view>

#include "model/document.hpp"

namespace teikit::transcript {

/// Classifies one line at the top of a document (classification mark, From:/To:/No. line,
/// dateline, address, heading), or nothing when it is ordinary text.
std::optional<model::OpenerLine> classify_opener_line(std::string_view line);

/// The line as inlines, with a recognised trailing date wrapped in a date inline.
model::Inlines inlines_with_date(std::string_view line, std::string* when = nullptr);

}  // namespace teikit::transcript
