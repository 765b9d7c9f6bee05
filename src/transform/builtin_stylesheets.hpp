#pragma once

#include <string_view>

// The stylesheets of xslt/, compiled into the binary (generated from the files).
namespace teikit::builtin {

std::string_view html_xsl();        ///< xslt/html.xsl
std::string_view text_xsl();        ///< xslt/text.xsl
std::string_view markdown_xsl();    ///< xslt/markdown.xsl
std::string_view json_xsl();        ///< xslt/json.xsl
std::string_view csv_xsl();         ///< xslt/csv.xsl
std::string_view dc_xsl();          ///< xslt/dc.xsl
std::string_view cmif_xsl();        ///< xslt/cmif.xsl
std::string_view transcript_xsl();  ///< xslt/transcript.xsl

}  // namespace teikit::builtin
