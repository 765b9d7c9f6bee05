#pragma once

#include "model/document.hpp"
#include "tei/inline_writer.hpp"

namespace teikit::tei {

/// Writes the <teiHeader> for a document.
void write_header(InlineWriter& writer, xmlNode* tei, const model::Document& doc);

}  // namespace teikit::tei
