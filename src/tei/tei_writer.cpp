#include "tei/tei_writer.hpp"

#include "tei/body_writer.hpp"
#include "tei/builder.hpp"
#include "tei/header_writer.hpp"
#include "tei/inline_writer.hpp"

namespace teikit::tei {

xml::DocPtr write_tei(const model::Document& doc) {
  TreeBuilder builder;
  if (!doc.text_language.empty()) builder.attribute(builder.root(), "xml:lang", doc.text_language);
  InlineWriter writer(builder, doc.notes);
  write_header(writer, builder.root(), doc);
  write_body(writer, builder.root(), doc);
  return builder.release();
}

std::string to_tei_string(const model::Document& doc) {
  return xml::serialize(write_tei(doc).get());
}

}  // namespace teikit::tei
