#include "validate/schema_set.hpp"

#include <filesystem>

#include "core/atomic_file.hpp"
#include "validate/builtin_schemas.hpp"
#include "validate/grammar_schemas.hpp"
#include "validate/relaxng/compact_reader.hpp"
#include "validate/relaxng/engine.hpp"

namespace teikit::validate {

std::size_t SchemaSet::skipped_rules() const {
  std::size_t count = 0;
  for (const auto& r : rules) count += r->skipped().size();
  return count;
}

SchemaSet load_schemas(const SchemaOptions& options) {
  SchemaSet set;
  const bool native = options.engine != "libxml2";
  auto relaxng = [&](std::string_view bytes, const std::string& base) {
    return native ? load_native_relaxng(bytes, base) : load_relaxng(bytes, base);
  };
  if (options.schema.empty()) {
    set.grammar = relaxng(builtin::teikit_rng(), "teikit.rng");
    set.grammar_name = "teikit (built-in)";
  } else {
    const std::string& path = options.schema;
    std::string extension = std::filesystem::path(path).extension().string();
    set.grammar_name = path;
    if (extension == ".dtd") {
      if (!std::filesystem::exists(path)) throw IoError(path + ": cannot open: no such file");
      set.grammar = load_dtd(path);
    } else {
      std::string bytes = read_file(path);
      if (extension == ".xsd") {
        set.grammar = load_xsd(bytes, path);
      } else if (extension == ".rnc" && !native) {
        throw SchemaError(path + ": libxml2 cannot read the RELAX NG compact syntax",
                          {Diagnostic{path,
                                      0,
                                      0,
                                      Severity::error,
                                      "the libxml2 engine reads only the XML syntax (.rng); the "
                                      "native engine (the default) reads .rnc",
                                      "schema",
                                      {},
                                      {}}});
      } else if (extension == ".rnc") {
        set.grammar = load_native_relaxng(bytes, path);
        // Schematron embedded as annotations: read from the equivalent XML syntax.
        if (!options.no_schematron) {
          std::vector<Diagnostic> ignored;
          if (auto doc = relaxng::read_compact_syntax(bytes, path, ignored))
            if (auto embedded = schematron::load_embedded(xml::serialize(doc.get()), path))
              set.rules.push_back(embedded);
        }
      } else {
        set.grammar = relaxng(bytes, path);
        if (!options.no_schematron)
          if (auto embedded = schematron::load_embedded(bytes, path)) set.rules.push_back(embedded);
      }
    }
  }
  if (options.no_schematron) return set;
  if (!options.schematron.empty()) {
    set.rules.push_back(
        schematron::load(read_file(options.schematron), options.schematron, options.phase));
  } else if (options.schema.empty()) {
    set.rules.push_back(schematron::load(builtin::teikit_sch(), "teikit.sch", options.phase));
  }
  return set;
}

}  // namespace teikit::validate
