#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace teikit::transcript {

/// A citation split into tagged parts whose texts, joined, give back the citation without
/// the URL's angle brackets; `url` receives the record's URL when there is one.
std::vector<model::CitationPart> parse_citation(std::string_view citation, std::string& url);

}  // namespace teikit::transcript
