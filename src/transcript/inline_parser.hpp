#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "transcript/lines.hpp"

namespace teikit::transcript {

/// Joins lines of one block into text: "\n" for a hard break, a space otherwise.
std::string join_lines(const std::vector<Line>& lines, std::size_t first = 0);

/// Parses inline markup and editorial brackets ("\n" is a hard line break).
/// Runs in time linear in the length of the text.
model::Inlines parse_inlines(std::string_view text);

/// The plain text of inlines (markup and editorial marks dropped, supplied text kept).
std::string plain_text(const model::Inlines& inlines);

}  // namespace teikit::transcript
