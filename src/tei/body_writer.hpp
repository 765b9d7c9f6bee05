#pragma once

#include "model/document.hpp"
#include "tei/inline_writer.hpp"

namespace teikit::tei {

/// Writes <text><body><div type="document">…</div></body></text> for a document.
void write_body(InlineWriter& writer, xmlNode* tei, const model::Document& doc);

}  // namespace teikit::tei
