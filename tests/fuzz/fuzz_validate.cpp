// libFuzzer target: XML parsing and validation (built-in RELAX NG and Schematron) on
// arbitrary bytes, as `teikit validate` reads untrusted files.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "validate/schema_set.hpp"
#include "validate/validation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const teikit::validate::SchemaSet schemas = teikit::validate::load_schemas({});
  static teikit::validate::DocumentValidator validator(schemas);
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  validator.validate_bytes(bytes, "fuzz.xml");
  return 0;
}
