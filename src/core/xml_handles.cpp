#include "core/xml_handles.hpp"

#include <libxml/entities.h>
#include <libxml/uri.h>

#include <limits>
#include <stdexcept>

namespace teikit::xml {

ErrorCapture::ErrorCapture(std::vector<Diagnostic>& diagnostics, std::string file,
                           std::string source)
    : diagnostics_(diagnostics),
      file_(std::move(file)),
      source_(std::move(source)),
      previous_context_(xmlStructuredErrorContext),
      previous_handler_(xmlStructuredError) {
  xmlSetStructuredErrorFunc(this, &ErrorCapture::on_error);
}

ErrorCapture::~ErrorCapture() {
  xmlSetStructuredErrorFunc(previous_context_, previous_handler_);
}

namespace {

// libxml2's messages for its safety limits, said in the user's terms.
std::string explain(std::string message) {
  if (message.starts_with("Detected an entity reference loop") ||
      message.find("entity amplification") != std::string::npos)
    return "entity expansion is recursive or far too large (an entity-expansion attack?); "
           "the document is not processed";
  if (message.starts_with("Excessive depth in document"))
    return "elements are nested more than 256 levels deep; the document is not processed";
  if (message.find("Huge input lookup") != std::string::npos ||
      message.find("xmlSAX2Characters: huge text node") != std::string::npos)
    return "a text node is larger than 10 MB; the document is not processed";
  return message;
}

}  // namespace

void ErrorCapture::on_error(void* self, xmlError* error) {
  auto* capture = static_cast<ErrorCapture*>(self);
  if (error == nullptr) return;
  std::string message = error->message != nullptr ? error->message : "unknown XML error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (char& c : message)  // one diagnostic, one line
    if (c == '\n') c = ' ';
  message = explain(std::move(message));
  // The same complaint again (libxml2 repeats some of them per entity) is said once.
  for (const auto& earlier : capture->diagnostics_)
    if (earlier.message == message && earlier.source == capture->source_) return;
  Severity severity = error->level == XML_ERR_WARNING ? Severity::warning : Severity::error;
  capture->diagnostics_.push_back(Diagnostic{
      capture->file_, error->line, error->int2, severity, message, capture->source_, {}, {}});
}

namespace {

// Says which external DTDs and entities a document declares: teikit never loads them.
void warn_about_external_resources(xmlDoc* doc, const std::string& file,
                                   std::vector<Diagnostic>& diagnostics) {
  xmlDtd* dtd = doc->intSubset;
  auto warn = [&](int line, std::string message) {
    diagnostics.push_back(
        Diagnostic{file, line, 0, Severity::warning, std::move(message), "xml", {}, {}});
  };
  if (dtd->SystemID != nullptr)
    warn(1, std::string("the external DTD ") + chars(dtd->SystemID) + " is not loaded");
  for (xmlNode* node = dtd->children; node != nullptr; node = node->next) {
    if (node->type != XML_ENTITY_DECL) continue;
    auto* entity = reinterpret_cast<xmlEntity*>(node);
    // Unparsed entities (NDATA) name files a document points to; XML never loads them.
    if (entity->SystemID == nullptr || entity->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY)
      continue;
    warn(static_cast<int>(xmlGetLineNo(node)),
         std::string("the external entity '") + chars(entity->name) + "' (" +
             chars(entity->SystemID) + ") is not loaded; its references stay empty");
  }
}

}  // namespace

DocPtr parse_untrusted(std::string_view bytes, const std::string& file,
                       std::vector<Diagnostic>& diagnostics) {
  return parse_untrusted(bytes, file, diagnostics, nullptr);
}

DocPtr parse_untrusted(std::string_view bytes, const std::string& file,
                       std::vector<Diagnostic>& diagnostics,
                       const std::function<void(xmlParserCtxt*)>& prepare) {
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw std::length_error(file + ": document too large for the XML parser");
  ErrorCapture capture(diagnostics, file, "xml");
  ParserContextPtr context(xmlNewParserCtxt());
  if (!context) throw std::bad_alloc();
  if (prepare) prepare(context.get());
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
  DocPtr doc(xmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()),
                               file.c_str(), "UTF-8", options));
  if (!context->wellFormed) doc.reset();
  if (doc && doc->intSubset != nullptr) warn_about_external_resources(doc.get(), file, diagnostics);
  return doc;
}

std::string serialize(xmlDoc* doc) {
  BufferPtr buffer(xmlBufferCreate());
  if (!buffer) throw std::bad_alloc();
  xmlSaveCtxt* save = xmlSaveToBuffer(buffer.get(), "UTF-8", XML_SAVE_FORMAT);
  if (save == nullptr) throw std::runtime_error("cannot create XML serialiser");
  xmlSaveDoc(save, doc);
  if (xmlSaveClose(save) < 0) throw std::runtime_error("XML serialisation failed");
  return std::string(chars(xmlBufferContent(buffer.get())),
                     static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

std::string resolve_local(const std::string& reference, const xmlChar* base_url) {
  CharPtr uri(xmlBuildURI(xml_chars(reference.c_str()), base_url));
  std::string path = uri ? chars(uri.get()) : reference;
  if (path.starts_with("file://")) path = path.substr(7);
  return path;
}

std::string text_content(const xmlNode* node) {
  CharPtr content(xmlNodeGetContent(node));
  return content ? std::string(chars(content.get())) : std::string();
}

}  // namespace teikit::xml
