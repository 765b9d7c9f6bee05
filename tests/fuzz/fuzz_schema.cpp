// libFuzzer target: the RELAX NG schema reader (XML syntax, or compact syntax when the
// first byte is odd) on arbitrary bytes, then validation of small documents against
// whatever schema compiled. Included files are refused, so nothing outside is read.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "validate/relaxng/document_events.hpp"
#include "validate/relaxng/schema_reader.hpp"

namespace {

std::string refuse(const std::string& path) {
  throw std::runtime_error(path + ": not read while fuzzing");
}

const char* const documents[] = {
    "<a/>",
    "<a b='1'><c>text</c><c/></a>",
    "<x:a xmlns:x='urn:x' x:b='y'> <d>1 2 3</d>mixed<e/></x:a>",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string base = (data[0] & 1) != 0 ? "fuzz.rnc" : "fuzz.rng";
  std::vector<teikit::Diagnostic> diagnostics;
  teikit::validate::relaxng::ReaderOptions options;
  options.read = &refuse;
  auto grammar = teikit::validate::relaxng::read_schema(bytes, base, diagnostics, options);
  if (!grammar) return 0;
  teikit::validate::relaxng::Matcher matcher(*grammar);
  for (const char* document : documents) {
    std::vector<teikit::Diagnostic> out;
    bool well_formed = false, valid = false;
    teikit::validate::relaxng::stream_document(matcher, document, "doc.xml", out, false,
                                               well_formed, valid);
  }
  return 0;
}
