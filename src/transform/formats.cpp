#include "transform/formats.hpp"

#include <array>
#include <map>
#include <mutex>

#include "transform/builtin_stylesheets.hpp"

namespace teikit::transform {
namespace {

constexpr std::array table{
    Format{"html", "standalone HTML5 reading edition with metadata, marks and linked footnotes",
           "text/html", ".html", &builtin::html_xsl},
    Format{"text", "plain reading text: header summary, body, notes at the end", "text/plain",
           ".txt", &builtin::text_xsl},
    Format{"markdown", "CommonMark, with footnotes", "text/markdown", ".md",
           &builtin::markdown_xsl},
    Format{"json",
           "metadata, recipients, notes and body outline as JSON "
           "(schemas/teikit-json.schema.json)",
           "application/json", ".json", &builtin::json_xsl},
    Format{"csv", "the recipient list (position, name, kind, element), RFC 4180", "text/csv",
           ".csv", &builtin::csv_xsl},
    Format{"dc", "OAI-DC (Dublin Core) record for repository ingestion", "application/xml",
           ".dc.xml", &builtin::dc_xsl},
    Format{"cmif", "correspSearch CMIF file (TEI with correspDesc only)", "application/tei+xml",
           ".cmif.xml", &builtin::cmif_xsl},
    Format{"transcript", "back to the plain transcript format that `teikit convert` reads",
           "text/plain", ".txt", &builtin::transcript_xsl},
};

}  // namespace

std::span<const Format> formats() {
  return table;
}

const Format* find_format(std::string_view name) {
  for (const auto& format : table)
    if (format.name == name) return &format;
  return nullptr;
}

std::shared_ptr<const Stylesheet> compiled_stylesheet(const Format& format) {
  static std::mutex mutex;
  static std::map<std::string_view, std::shared_ptr<const Stylesheet>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[format.name];
  if (!slot)
    slot = Stylesheet::compile(format.stylesheet(), "xslt/" + std::string(format.name) + ".xsl");
  return slot;
}

}  // namespace teikit::transform
