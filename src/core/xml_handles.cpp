#include "core/xml_handles.hpp"

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

void ErrorCapture::on_error(void* self, xmlError* error) {
  auto* capture = static_cast<ErrorCapture*>(self);
  if (error == nullptr) return;
  std::string message = error->message != nullptr ? error->message : "unknown XML error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (char& c : message)  // one diagnostic, one line
    if (c == '\n') c = ' ';
  Severity severity = error->level == XML_ERR_WARNING ? Severity::warning : Severity::error;
  capture->diagnostics_.push_back(Diagnostic{
      capture->file_, error->line, error->int2, severity, message, capture->source_, {}, {}});
}

DocPtr parse_untrusted(std::string_view bytes, const std::string& file,
                       std::vector<Diagnostic>& diagnostics) {
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw std::length_error(file + ": document too large for the XML parser");
  ErrorCapture capture(diagnostics, file, "xml");
  ParserContextPtr context(xmlNewParserCtxt());
  if (!context) throw std::bad_alloc();
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
  DocPtr doc(xmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()),
                               file.c_str(), "UTF-8", options));
  if (!context->wellFormed) doc.reset();
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

std::string text_content(const xmlNode* node) {
  CharPtr content(xmlNodeGetContent(node));
  return content ? std::string(chars(content.get())) : std::string();
}

}  // namespace teikit::xml
