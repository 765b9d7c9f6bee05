#include "validate/relaxng/engine.hpp"

#include "validate/relaxng/document_events.hpp"
#include "validate/relaxng/schema_reader.hpp"

namespace teikit::validate {
namespace {

class NativeSchema final : public Schema {
 public:
  explicit NativeSchema(std::shared_ptr<const relaxng::CompiledGrammar> grammar)
      : grammar_(std::move(grammar)) {}
  const char* kind() const override { return "RELAX NG"; }
  std::unique_ptr<Validator> make_validator() const override;

 private:
  std::shared_ptr<const relaxng::CompiledGrammar> grammar_;
};

class NativeValidator final : public Validator {
 public:
  explicit NativeValidator(std::shared_ptr<const relaxng::CompiledGrammar> grammar)
      : grammar_(std::move(grammar)), matcher_(*grammar_) {}
  bool validate(xmlDoc* doc, const std::string& file, std::vector<Diagnostic>& out) override {
    return relaxng::walk_document(matcher_, doc, file, out);
  }
  bool can_stream() const override { return true; }
  StreamResult validate_stream(std::string_view bytes, const std::string& file,
                               std::vector<Diagnostic>& out, bool keep_tree) override {
    StreamResult result;
    result.tree = relaxng::stream_document(matcher_, bytes, file, out, keep_tree,
                                           result.well_formed, result.valid);
    return result;
  }

 private:
  std::shared_ptr<const relaxng::CompiledGrammar> grammar_;
  relaxng::Matcher matcher_;
};

std::unique_ptr<Validator> NativeSchema::make_validator() const {
  return std::make_unique<NativeValidator>(grammar_);
}

}  // namespace

std::shared_ptr<const Schema> load_native_relaxng(std::string_view bytes, const std::string& base) {
  std::vector<Diagnostic> diagnostics;
  auto grammar = relaxng::read_schema(bytes, base, diagnostics);
  if (!grammar) {
    if (diagnostics.empty())
      diagnostics.push_back(Diagnostic{
          base, 0, 0, Severity::error, "cannot compile the RELAX NG schema", "schema", {}, {}});
    throw SchemaError(base + ": cannot compile the RELAX NG schema", std::move(diagnostics));
  }
  return std::make_shared<NativeSchema>(std::move(grammar));
}

}  // namespace teikit::validate
