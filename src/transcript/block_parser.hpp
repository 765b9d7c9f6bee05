#pragma once

#include <vector>

#include "model/document.hpp"
#include "transcript/lines.hpp"

namespace teikit::transcript {

/// Turns the body's raw blocks into model blocks: opener, paragraphs, speeches, lists,
/// closer and page breaks. Rules: see docs in README ("How a transcript is read").
std::vector<model::Block> parse_body(const std::vector<RawBlock>& blocks);

}  // namespace teikit::transcript
