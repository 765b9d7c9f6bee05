// libFuzzer target: the transcript reader and the TEI writer on arbitrary bytes.
// Every input must either be rejected with a diagnostic or give well-formed TEI.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/xml_handles.hpp"
#include "tei/tei_writer.hpp"
#include "transcript/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto result = teikit::transcript::read_transcript(bytes, "fuzz.txt");
  if (!result.document) {
    if (result.diagnostics.empty()) std::abort();  // a rejection must say why
    return 0;
  }
  std::string tei = teikit::tei::to_tei_string(*result.document);
  std::vector<teikit::Diagnostic> problems;
  if (!teikit::xml::parse_untrusted(tei, "fuzz.tei.xml", problems)) std::abort();
  return 0;
}
