#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "validate/schema.hpp"

namespace teikit::validate {

/// Compiles a RELAX NG schema (XML syntax) with libxml2. `base` names the file, for
/// messages and for resolving includes. Throws SchemaError.
std::shared_ptr<const Schema> load_relaxng(std::string_view bytes, const std::string& base);

/// Compiles a W3C XML Schema with libxml2. Throws SchemaError.
std::shared_ptr<const Schema> load_xsd(std::string_view bytes, const std::string& base);

/// Reads a DTD. Throws SchemaError.
std::shared_ptr<const Schema> load_dtd(const std::string& path);

}  // namespace teikit::validate
