#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "transform/stylesheet.hpp"

namespace teikit::transform {

/// One output format: a name, the stylesheet that makes it, and what the result is.
struct Format {
  std::string_view name;             // "html"
  std::string_view description;      // one line for `teikit formats`
  std::string_view media_type;       // "text/html"
  std::string_view extension;        // ".html"
  std::string_view (*stylesheet)();  // the embedded xslt/NAME.xsl
};

/// Every format, in the order `teikit formats` lists them. The one table of formats.
std::span<const Format> formats();

/// The format with this name, or null.
const Format* find_format(std::string_view name);

/// The format's stylesheet, compiled (once per process; thread-safe).
std::shared_ptr<const Stylesheet> compiled_stylesheet(const Format& format);

}  // namespace teikit::transform
