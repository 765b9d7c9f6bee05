#pragma once

// teikit's own RELAX NG engine behind the Schema/Validator interfaces.

#include <memory>
#include <string>
#include <string_view>

#include "validate/schema.hpp"

namespace teikit::validate {

/// Compiles a RELAX NG schema (XML syntax, or compact syntax when `base` ends in .rnc) with
/// the native engine. Throws SchemaError with the schema's problems.
std::shared_ptr<const Schema> load_native_relaxng(std::string_view bytes, const std::string& base);

}  // namespace teikit::validate
