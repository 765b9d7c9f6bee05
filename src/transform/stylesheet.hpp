#pragma once

// XSLT through libxslt: a compiled stylesheet (immutable, shared by threads) and the
// transformation of one document under security preferences that forbid writing files,
// creating directories and any network access.

#include <libxslt/xsltInternals.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/xslt_handles.hpp"

namespace teikit::transform {

/// A stylesheet failed to compile, or a transformation failed; diagnostics say where.
class TransformError : public DiagnosticsError {
 public:
  using DiagnosticsError::DiagnosticsError;
};

/// A compiled XSLT 1.0 stylesheet (EXSLT available).
class Stylesheet {
 public:
  /// Compiles from bytes; `name` is used in messages and to resolve xsl:include.
  /// Throws TransformError with the stylesheet's file and line.
  static std::shared_ptr<const Stylesheet> compile(std::string_view bytes, const std::string& name);
  /// Compiles a stylesheet file. Throws TransformError or IoError.
  static std::shared_ptr<const Stylesheet> compile_file(const std::string& path);
  ~Stylesheet();
  Stylesheet(const Stylesheet&) = delete;
  Stylesheet& operator=(const Stylesheet&) = delete;

  /// Transforms a parsed document with string parameters; returns the serialised result
  /// (per the stylesheet's xsl:output). Throws TransformError. Thread-safe.
  std::string apply(xmlDoc* doc, const std::map<std::string, std::string>& params,
                    const std::string& input_name) const;
  /// The name given at compile time.
  const std::string& name() const { return name_; }

 private:
  Stylesheet(xsltStylesheet* style, std::string name) : style_(style), name_(std::move(name)) {}
  xslt::StylesheetPtr style_;
  std::string name_;
};

}  // namespace teikit::transform
