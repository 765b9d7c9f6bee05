#pragma once

#include <string>

#include "core/xml_handles.hpp"
#include "model/document.hpp"

namespace teikit::tei {

/// Builds the TEI P5 tree of a document.
xml::DocPtr write_tei(const model::Document& doc);

/// The TEI P5 document as serialised, indented UTF-8 XML.
std::string to_tei_string(const model::Document& doc);

}  // namespace teikit::tei
