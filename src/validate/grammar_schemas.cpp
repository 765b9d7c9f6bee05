#include "validate/grammar_schemas.hpp"

#include <libxml/relaxng.h>
#include <libxml/valid.h>
#include <libxml/xmlschemas.h>

#include "core/xml_handles.hpp"
#include "validate/node_path.hpp"

namespace teikit::validate {

StreamResult Validator::validate_stream(std::string_view bytes, const std::string& file,
                                        std::vector<Diagnostic>& out, bool keep_tree) {
  StreamResult result;
  result.tree = xml::parse_untrusted(bytes, file, out);
  if (!result.tree) return result;
  result.well_formed = true;
  result.valid = validate(result.tree.get(), file, out);
  if (!keep_tree) result.tree.reset();
  return result;
}

namespace {

// Collects libxml2's validation errors with the failing node's path.
struct Collector {
  std::vector<Diagnostic>* out;
  const std::string* file;
  const char* source;
  static void on_error(void* self, xmlError* error) {
    auto* c = static_cast<Collector*>(self);
    std::string message = error->message != nullptr ? error->message : "invalid";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    const auto* node = static_cast<const xmlNode*>(error->node);
    int line = error->line;
    if (line == 0 && node != nullptr) line = static_cast<int>(xmlGetLineNo(node));
    Severity severity = error->level == XML_ERR_WARNING ? Severity::warning : Severity::error;
    std::string path = node != nullptr ? node_path(node) : std::string();
    // The same complaint about the same element, once.
    if (!c->out->empty()) {
      const Diagnostic& last = c->out->back();
      if (last.line == line && last.message == message && last.path == path) return;
    }
    c->out->push_back(Diagnostic{*c->file, line, 0, severity, message, c->source, {}, path});
  }
};

class RelaxNgSchema final : public Schema {
 public:
  explicit RelaxNgSchema(xmlRelaxNG* schema) : schema_(schema) {}
  const char* kind() const override { return "RELAX NG"; }
  std::unique_ptr<Validator> make_validator() const override;
  xmlRelaxNG* get() const { return schema_.get(); }

 private:
  xml::RelaxNgPtr schema_;
};

class RelaxNgValidator final : public Validator {
 public:
  explicit RelaxNgValidator(const RelaxNgSchema& schema)
      : context_(xmlRelaxNGNewValidCtxt(schema.get())) {
    if (!context_) throw std::bad_alloc();
  }
  bool validate(xmlDoc* doc, const std::string& file, std::vector<Diagnostic>& out) override {
    Collector collector{&out, &file, "relaxng"};
    xmlRelaxNGSetValidStructuredErrors(context_.get(), &Collector::on_error, &collector);
    int result = xmlRelaxNGValidateDoc(context_.get(), doc);
    xmlRelaxNGSetValidStructuredErrors(context_.get(), nullptr, nullptr);
    if (result != 0 && out.empty())
      out.push_back(
          Diagnostic{file, 0, 0, Severity::error, "document is not valid", "relaxng", {}, {}});
    return result == 0;
  }

 private:
  xml::RelaxNgValidPtr context_;
};

std::unique_ptr<Validator> RelaxNgSchema::make_validator() const {
  return std::make_unique<RelaxNgValidator>(*this);
}

class XsdSchema final : public Schema {
 public:
  explicit XsdSchema(xmlSchema* schema) : schema_(schema) {}
  const char* kind() const override { return "W3C XML Schema"; }
  std::unique_ptr<Validator> make_validator() const override;
  xmlSchema* get() const { return schema_.get(); }

 private:
  xml::XsdPtr schema_;
};

class XsdValidator final : public Validator {
 public:
  explicit XsdValidator(const XsdSchema& schema) : context_(xmlSchemaNewValidCtxt(schema.get())) {
    if (!context_) throw std::bad_alloc();
  }
  bool validate(xmlDoc* doc, const std::string& file, std::vector<Diagnostic>& out) override {
    Collector collector{&out, &file, "xsd"};
    xmlSchemaSetValidStructuredErrors(context_.get(), &Collector::on_error, &collector);
    int result = xmlSchemaValidateDoc(context_.get(), doc);
    xmlSchemaSetValidStructuredErrors(context_.get(), nullptr, nullptr);
    return result == 0;
  }

 private:
  xml::XsdValidPtr context_;
};

std::unique_ptr<Validator> XsdSchema::make_validator() const {
  return std::make_unique<XsdValidator>(*this);
}

class DtdSchema final : public Schema {
 public:
  explicit DtdSchema(xmlDtd* dtd) : dtd_(dtd) {}
  const char* kind() const override { return "DTD"; }
  std::unique_ptr<Validator> make_validator() const override;
  xmlDtd* get() const { return dtd_.get(); }

 private:
  xml::DtdPtr dtd_;
};

class DtdValidator final : public Validator {
 public:
  explicit DtdValidator(const DtdSchema& schema) : schema_(schema) {}
  bool validate(xmlDoc* doc, const std::string& file, std::vector<Diagnostic>& out) override {
    Collector collector{&out, &file, "dtd"};
    xml::DtdValidPtr context(xmlNewValidCtxt());
    if (!context) throw std::bad_alloc();
    void* previous_context = xmlStructuredErrorContext;
    xmlStructuredErrorFunc previous = xmlStructuredError;
    xmlSetStructuredErrorFunc(&collector, &Collector::on_error);
    int ok = xmlValidateDtd(context.get(), doc, schema_.get());
    xmlSetStructuredErrorFunc(previous_context, previous);
    return ok == 1;
  }

 private:
  const DtdSchema& schema_;
};

std::unique_ptr<Validator> DtdSchema::make_validator() const {
  return std::make_unique<DtdValidator>(*this);
}

[[noreturn]] void fail(const std::string& base, const char* kind,
                       std::vector<Diagnostic> diagnostics) {
  if (diagnostics.empty())
    diagnostics.push_back(Diagnostic{base,
                                     0,
                                     0,
                                     Severity::error,
                                     std::string("cannot compile the ") + kind + " schema",
                                     "schema",
                                     {},
                                     {}});
  throw SchemaError(base + ": cannot compile the " + kind + " schema", std::move(diagnostics));
}

}  // namespace

std::shared_ptr<const Schema> load_relaxng(std::string_view bytes, const std::string& base) {
  std::vector<Diagnostic> diagnostics;
  xml::DocPtr doc = xml::parse_untrusted(bytes, base, diagnostics);
  if (!doc) fail(base, "RELAX NG", std::move(diagnostics));
  xml::ErrorCapture capture(diagnostics, base, "schema");
  // The parser context takes a copy of the document, so includes resolve against `base`.
  xml::RelaxNgParserPtr parser(xmlRelaxNGNewDocParserCtxt(doc.get()));
  if (!parser) throw std::bad_alloc();
  xmlRelaxNG* schema = xmlRelaxNGParse(parser.get());
  if (schema == nullptr) fail(base, "RELAX NG", std::move(diagnostics));
  return std::make_shared<RelaxNgSchema>(schema);
}

std::shared_ptr<const Schema> load_xsd(std::string_view bytes, const std::string& base) {
  std::vector<Diagnostic> diagnostics;
  xml::DocPtr doc = xml::parse_untrusted(bytes, base, diagnostics);
  if (!doc) fail(base, "W3C XML Schema", std::move(diagnostics));
  xml::ErrorCapture capture(diagnostics, base, "schema");
  xml::XsdParserPtr parser(xmlSchemaNewDocParserCtxt(doc.get()));
  if (!parser) throw std::bad_alloc();
  xmlSchema* schema = xmlSchemaParse(parser.get());
  if (schema == nullptr) fail(base, "W3C XML Schema", std::move(diagnostics));
  return std::make_shared<XsdSchema>(schema);
}

std::shared_ptr<const Schema> load_dtd(const std::string& path) {
  std::vector<Diagnostic> diagnostics;
  xml::ErrorCapture capture(diagnostics, path, "schema");
  xmlDtd* dtd = xmlParseDTD(nullptr, xml::xml_chars(path.c_str()));
  if (dtd == nullptr) fail(path, "DTD", std::move(diagnostics));
  return std::make_shared<DtdSchema>(dtd);
}

}  // namespace teikit::validate
