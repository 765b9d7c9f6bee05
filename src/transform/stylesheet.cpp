#include "transform/stylesheet.hpp"

#include <libexslt/exslt.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>

#include "core/atomic_file.hpp"
#include "core/xml_handles.hpp"
#include "core/xslt_handles.hpp"

namespace teikit::transform {
namespace {

void init_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    exsltRegisterAll();
  });
}

// libxslt reports through printf-style callbacks, in pieces; this gathers them into lines
// and turns "file F line N element E" prefixes into positions.
class MessageCollector {
 public:
  MessageCollector(std::string default_file, std::string source)
      : default_file_(std::move(default_file)), source_(std::move(source)) {}

  static void on_message(void* self, const char* format, ...) {
    auto* collector = static_cast<MessageCollector*>(self);
    char buffer[4096];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    collector->pending_ += buffer;
    std::size_t newline;
    while ((newline = collector->pending_.find('\n')) != std::string::npos) {
      collector->line(collector->pending_.substr(0, newline));
      collector->pending_.erase(0, newline + 1);
    }
  }

  std::vector<Diagnostic> finish() {
    if (!pending_.empty()) line(pending_);
    pending_.clear();
    return std::move(diagnostics_);
  }

 private:
  // "compilation error: file F line N element E" / "runtime error: file F line N element E"
  // locate the message that follows.
  void line(std::string text) {
    if (text.empty()) return;
    for (const char* prefix : {"compilation error: ", "runtime error: ", "Warning: "}) {
      if (!text.starts_with(prefix)) continue;
      std::string rest = text.substr(std::string(prefix).size());
      if (rest.starts_with("file ")) {
        std::size_t line_at = rest.find(" line ");
        if (line_at != std::string::npos) {
          file_ = rest.substr(5, line_at - 5);
          line_ = std::atoi(rest.c_str() + line_at + 6);
          std::size_t element_at = rest.find(" element ");
          element_ = element_at == std::string::npos ? "" : rest.substr(element_at + 9);
          warning_ = std::string(prefix) == "Warning: ";
          return;
        }
      }
      text = rest;
    }
    Diagnostic d;
    d.file = file_.empty() ? default_file_ : file_;
    d.line = line_;
    d.severity = warning_ ? Severity::warning : Severity::error;
    // "xsl:value-of : could not compile …" names the element itself already.
    std::string own = "xsl:" + element_ + " : ";
    if (!element_.empty() && text.starts_with(own)) text = text.substr(own.size());
    d.message = element_.empty() ? text : "xsl:" + element_ + ": " + text;
    d.source = source_;
    diagnostics_.push_back(std::move(d));
    file_.clear();
    line_ = 0;
    element_.clear();
    warning_ = false;
  }

  std::string default_file_;
  std::string source_;
  std::string pending_;
  std::string file_;
  int line_ = 0;
  std::string element_;
  bool warning_ = false;
  std::vector<Diagnostic> diagnostics_;
};

// Compilation reports through libxslt's global handler: one compilation at a time.
std::mutex compile_mutex;

// Compiles a parsed stylesheet document (which the result owns); throws TransformError.
xsltStylesheet* compile_doc(xml::DocPtr doc, const std::string& name) {
  std::lock_guard lock(compile_mutex);
  MessageCollector collector(name, "xslt");
  std::vector<Diagnostic> xml_errors;  // libxml2's own (XPath) messages: used when alone
  xsltStylesheet* style = nullptr;
  xmlDoc* raw = doc.release();  // the stylesheet owns it from here, even on failure
  {
    xml::ErrorCapture capture(xml_errors, name, "xslt");
    xsltSetGenericErrorFunc(&collector, &MessageCollector::on_message);
    style = xsltParseStylesheetDoc(raw);
    xsltSetGenericErrorFunc(nullptr, nullptr);
  }
  auto diagnostics = collector.finish();
  if (diagnostics.empty()) diagnostics = std::move(xml_errors);
  if (style == nullptr || style->errors > 0) {
    if (style != nullptr) {
      xsltFreeStylesheet(style);
    } else {
      xmlFreeDoc(raw);
    }
    if (diagnostics.empty())
      diagnostics.push_back(
          Diagnostic{name, 0, 0, Severity::error, "not an XSLT stylesheet", "xslt", {}, {}});
    throw TransformError(name + ": the stylesheet does not compile", std::move(diagnostics));
  }
  return style;
}

}  // namespace

Stylesheet::~Stylesheet() = default;

std::shared_ptr<const Stylesheet> Stylesheet::compile(std::string_view bytes,
                                                      const std::string& name) {
  init_once();
  std::vector<Diagnostic> problems;
  auto doc = xml::parse_untrusted(bytes, name, problems);
  if (!doc) throw TransformError(name + ": the stylesheet is not well-formed XML", problems);
  return std::shared_ptr<const Stylesheet>(new Stylesheet(compile_doc(std::move(doc), name), name));
}

std::shared_ptr<const Stylesheet> Stylesheet::compile_file(const std::string& path) {
  return compile(read_file(path), path);
}

std::string Stylesheet::apply(xmlDoc* doc, const std::map<std::string, std::string>& params,
                              const std::string& input_name) const {
  xslt::TransformContextPtr context(xsltNewTransformContext(style_.get(), doc));
  if (!context) throw std::bad_alloc();
  xslt::SecurityPrefsPtr prefs(xsltNewSecurityPrefs());
  for (auto option : {XSLT_SECPREF_WRITE_FILE, XSLT_SECPREF_CREATE_DIRECTORY,
                      XSLT_SECPREF_READ_NETWORK, XSLT_SECPREF_WRITE_NETWORK})
    xsltSetSecurityPrefs(prefs.get(), option, xsltSecurityForbid);
  xsltSetCtxtSecurityPrefs(prefs.get(), context.get());
  MessageCollector collector(name_, "xslt");
  xsltSetTransformErrorFunc(context.get(), &collector, &MessageCollector::on_message);
  std::vector<const char*> flat;
  for (const auto& [key, value] : params) {
    flat.push_back(key.c_str());
    flat.push_back(value.c_str());
  }
  flat.push_back(nullptr);
  xsltQuoteUserParams(context.get(), flat.data());
  std::vector<Diagnostic> xml_errors;  // libxml2's own (XPath) messages: used when alone
  xml::DocPtr result;
  {
    xml::ErrorCapture capture(xml_errors, name_, "xslt");
    result.reset(
        xsltApplyStylesheetUser(style_.get(), doc, nullptr, nullptr, nullptr, context.get()));
  }
  auto diagnostics = collector.finish();
  if (diagnostics.empty()) diagnostics = std::move(xml_errors);
  bool failed =
      !result || context->state == XSLT_STATE_ERROR || context->state == XSLT_STATE_STOPPED;
  if (failed) {
    if (diagnostics.empty())
      diagnostics.push_back(
          Diagnostic{name_, 0, 0, Severity::error, "the transformation failed", "xslt", {}, {}});
    throw TransformError(input_name + ": the transformation with " + name_ + " failed",
                         std::move(diagnostics));
  }
  xmlChar* bytes = nullptr;
  int length = 0;
  if (xsltSaveResultToString(&bytes, &length, result.get(), style_.get()) != 0)
    throw TransformError(input_name + ": cannot serialise the result", {});
  xml::CharPtr owned(bytes);
  return bytes == nullptr ? std::string()
                          : std::string(xml::chars(bytes), static_cast<std::size_t>(length));
}

}  // namespace teikit::transform
