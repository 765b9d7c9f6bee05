#pragma once

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace teikit::xml {

/// Stateless deleters, one per libxml2 handle type.
struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct NodeDeleter {
  void operator()(xmlNode* node) const { xmlFreeNode(node); }
};
struct CharDeleter {
  void operator()(xmlChar* text) const { xmlFree(text); }
};
struct BufferDeleter {
  void operator()(xmlBuffer* buffer) const { xmlBufferFree(buffer); }
};
struct ParserContextDeleter {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

struct XPathContextDeleter {
  void operator()(xmlXPathContext* context) const { xmlXPathFreeContext(context); }
};
struct XPathObjectDeleter {
  void operator()(xmlXPathObject* object) const { xmlXPathFreeObject(object); }
};
struct XPathCompiledDeleter {
  void operator()(xmlXPathCompExpr* expression) const { xmlXPathFreeCompExpr(expression); }
};
struct RelaxNgDeleter {
  void operator()(xmlRelaxNG* schema) const { xmlRelaxNGFree(schema); }
};
struct RelaxNgParserDeleter {
  void operator()(xmlRelaxNGParserCtxt* context) const { xmlRelaxNGFreeParserCtxt(context); }
};
struct RelaxNgValidDeleter {
  void operator()(xmlRelaxNGValidCtxt* context) const { xmlRelaxNGFreeValidCtxt(context); }
};
struct XsdDeleter {
  void operator()(xmlSchema* schema) const { xmlSchemaFree(schema); }
};
struct XsdParserDeleter {
  void operator()(xmlSchemaParserCtxt* context) const { xmlSchemaFreeParserCtxt(context); }
};
struct XsdValidDeleter {
  void operator()(xmlSchemaValidCtxt* context) const { xmlSchemaFreeValidCtxt(context); }
};
struct DtdDeleter {
  void operator()(xmlDtd* dtd) const { xmlFreeDtd(dtd); }
};
struct DtdValidDeleter {
  void operator()(xmlValidCtxt* context) const { xmlFreeValidCtxt(context); }
};

/// Move-only owning handles for libxml2 objects.
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;
using NodePtr = std::unique_ptr<xmlNode, NodeDeleter>;
using CharPtr = std::unique_ptr<xmlChar, CharDeleter>;
using BufferPtr = std::unique_ptr<xmlBuffer, BufferDeleter>;
using ParserContextPtr = std::unique_ptr<xmlParserCtxt, ParserContextDeleter>;
using XPathContextPtr = std::unique_ptr<xmlXPathContext, XPathContextDeleter>;
using XPathObjectPtr = std::unique_ptr<xmlXPathObject, XPathObjectDeleter>;
using XPathCompiledPtr = std::unique_ptr<xmlXPathCompExpr, XPathCompiledDeleter>;
using RelaxNgPtr = std::unique_ptr<xmlRelaxNG, RelaxNgDeleter>;
using RelaxNgParserPtr = std::unique_ptr<xmlRelaxNGParserCtxt, RelaxNgParserDeleter>;
using RelaxNgValidPtr = std::unique_ptr<xmlRelaxNGValidCtxt, RelaxNgValidDeleter>;
using XsdPtr = std::unique_ptr<xmlSchema, XsdDeleter>;
using XsdParserPtr = std::unique_ptr<xmlSchemaParserCtxt, XsdParserDeleter>;
using XsdValidPtr = std::unique_ptr<xmlSchemaValidCtxt, XsdValidDeleter>;
using DtdPtr = std::unique_ptr<xmlDtd, DtdDeleter>;
using DtdValidPtr = std::unique_ptr<xmlValidCtxt, DtdValidDeleter>;

/// Views a libxml2 string as UTF-8 bytes.
inline const char* chars(const xmlChar* text) {
  return reinterpret_cast<const char*>(text);
}
/// Views UTF-8 bytes as a libxml2 string.
inline const xmlChar* xml_chars(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}

/// While alive, routes libxml2's structured errors on this thread into `diagnostics`.
class ErrorCapture {
 public:
  /// Starts capturing; `file` names the input in each diagnostic.
  ErrorCapture(std::vector<Diagnostic>& diagnostics, std::string file, std::string source);
  /// Restores the previous handler.
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

 private:
  static void on_error(void* self, xmlError* error);
  std::vector<Diagnostic>& diagnostics_;
  std::string file_;
  std::string source_;
  void* previous_context_;
  xmlStructuredErrorFunc previous_handler_;
};

/// Parses untrusted XML safely: no network, no external entities or DTDs, bounded expansion.
/// Returns null and fills `diagnostics` when the document is not well-formed.
DocPtr parse_untrusted(std::string_view bytes, const std::string& file,
                       std::vector<Diagnostic>& diagnostics);

/// The same, letting `prepare` adjust the parser context first (a SAX handler that
/// validates while the tree is built).
DocPtr parse_untrusted(std::string_view bytes, const std::string& file,
                       std::vector<Diagnostic>& diagnostics,
                       const std::function<void(xmlParserCtxt*)>& prepare);

/// Serialises a document as indented UTF-8 XML with a declaration.
std::string serialize(xmlDoc* doc);

/// The local path that `reference` (relative or file:) names, resolved against the URL of
/// the document that mentions it.
std::string resolve_local(const std::string& reference, const xmlChar* base_url);

/// The text content of a node and its descendants.
std::string text_content(const xmlNode* node);

}  // namespace teikit::xml
