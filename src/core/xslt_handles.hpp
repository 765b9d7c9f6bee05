#pragma once

// Owning handles for libxslt objects, beside those of libxml2 (xml_handles.hpp).

#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>

#include <memory>

namespace teikit::xslt {

/// Stateless deleters, one per libxslt handle type.
struct StylesheetDeleter {
  void operator()(xsltStylesheet* style) const { xsltFreeStylesheet(style); }
};
struct SecurityPrefsDeleter {
  void operator()(xsltSecurityPrefs* prefs) const { xsltFreeSecurityPrefs(prefs); }
};
struct TransformContextDeleter {
  void operator()(xsltTransformContext* context) const { xsltFreeTransformContext(context); }
};

/// Move-only owning handles for libxslt objects.
using StylesheetPtr = std::unique_ptr<xsltStylesheet, StylesheetDeleter>;
using SecurityPrefsPtr = std::unique_ptr<xsltSecurityPrefs, SecurityPrefsDeleter>;
using TransformContextPtr = std::unique_ptr<xsltTransformContext, TransformContextDeleter>;

}  // namespace teikit::xslt
