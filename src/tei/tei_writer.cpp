#include "tei/tei_writer.hpp"

#include "tei/body_writer.hpp"
#include "tei/builder.hpp"
#include "tei/header_writer.hpp"
#include "tei/inline_writer.hpp"

namespace teikit::tei {

xml::DocPtr write_tei(const model::Document& doc) {
  TreeBuilder builder;
  for (const auto& language : doc.languages) {
    if (!language.original) {  // the language of this text: the translation's, or a transcript's
      builder.attribute(builder.root(), "xml:lang", language.code);
      break;
    }
  }
  InlineWriter writer(builder, doc.notes);
  write_header(writer, builder.root(), doc);
  write_body(writer, builder.root(), doc);
  return builder.release();
}

std::string to_tei_string(const model::Document& doc) {
  return xml::serialize(write_tei(doc).get());
}

}  // namespace teikit::tei
