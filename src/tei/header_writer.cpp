#include "tei/header_writer.hpp"

#include <string>

#include "teikit/version.hpp"
#include "transcript/rules.hpp"

namespace teikit::tei {
namespace {

using model::CitationRole;

std::string title_text(const model::Document& doc) {
  std::string title;
  for (const auto& line : doc.title_lines) {
    if (!title.empty()) title += ' ';
    title += line;
  }
  return title;
}

const model::CitationPart* find_part(const model::Document& doc, CitationRole role) {
  for (const auto& part : doc.citation)
    if (part.role == role) return &part;
  return nullptr;
}

void write_agent(TreeBuilder& b, xmlNode* parent, const model::Agent& agent) {
  b.element(parent, agent_element(agent.kind), agent.name);
}

void write_bibl(TreeBuilder& b, xmlNode* parent, const model::Document& doc) {
  xmlNode* bibl = b.element(parent, "bibl");
  xmlNode* resp_stmt = nullptr;
  for (const auto& part : doc.citation) {
    xmlNode* element = nullptr;
    switch (part.role) {
      case CitationRole::text:
        b.text(resp_stmt != nullptr && part.text == " " ? resp_stmt : bibl, part.text);
        continue;
      case CitationRole::title:
        element = b.element(bibl, "title", part.text);
        break;
      case CitationRole::source_title:
        element = b.element(bibl, "title", part.text);
        b.attribute(element, "level", "m");
        break;
      case CitationRole::date:
      case CitationRole::year:
        element = b.element(bibl, "date", part.text);
        if (!part.when.empty()) b.attribute(element, "when", part.when);
        if (part.role == CitationRole::year) b.attribute(element, "type", "publication");
        break;
      case CitationRole::publisher:
      case CitationRole::source_publisher:
        b.element(bibl, "publisher", part.text);
        break;
      case CitationRole::archive:
        element = b.element(bibl, "orgName", part.text);
        b.attribute(element, "type", "archive");
        break;
      case CitationRole::archival_reference:
        element = b.element(bibl, "idno", part.text);
        b.attribute(element, "type", "archival");
        break;
      case CitationRole::author:
        b.element(bibl, "author", part.text);
        break;
      case CitationRole::place:
        b.element(bibl, "pubPlace", part.text);
        break;
      case CitationRole::translation:
        resp_stmt = b.element(bibl, "respStmt");
        b.element(resp_stmt, "resp", part.text);
        break;
      case CitationRole::translator:
        b.element(resp_stmt != nullptr ? resp_stmt : bibl, "persName", part.text);
        resp_stmt = nullptr;
        break;
      case CitationRole::url:
        element = b.element(bibl, "ref", part.text);
        b.attribute(element, "target", part.text);
        break;
    }
  }
}

void write_file_desc(InlineWriter& w, xmlNode* header, const model::Document& doc) {
  TreeBuilder& b = w.builder();
  xmlNode* file_desc = b.element(header, "fileDesc");
  xmlNode* title_stmt = b.element(file_desc, "titleStmt");
  b.element(title_stmt, "title", title_text(doc));
  if (const auto* translator = find_part(doc, CitationRole::translator)) {
    xmlNode* resp_stmt = b.element(title_stmt, "respStmt");
    b.element(resp_stmt, "resp", "translation");
    b.element(resp_stmt, "persName", translator->text);
  }
  xmlNode* publication = b.element(file_desc, "publicationStmt");
  const auto* publisher = find_part(doc, CitationRole::publisher);
  if (publisher != nullptr) {
    b.element(publication, "publisher", publisher->text);
  } else if (!doc.url.empty()) {
    std::string host =
        doc.url.substr(doc.url.find("//") == std::string::npos ? 0 : doc.url.find("//") + 2);
    b.element(publication, "distributor", host.substr(0, host.find('/')));
  } else {
    b.element(publication, "p", "Unpublished transcript.");
  }
  if (!doc.url.empty()) b.attribute(b.element(publication, "idno", doc.url), "type", "URI");
  if (!doc.other_fields.empty()) {
    xmlNode* notes = b.element(file_desc, "notesStmt");
    for (const auto& field : doc.other_fields) {
      xmlNode* note = b.element(notes, "note");
      b.attribute(note, "type", "field");
      b.element(note, "label", field.name);
      for (std::size_t i = 0; i < field.lines.size(); ++i) {
        if (i > 0) b.element(note, "lb");
        b.text(note, (i == 0 ? " " : "") + field.lines[i]);
      }
    }
  }
  xmlNode* source = b.element(file_desc, "sourceDesc");
  if (doc.citation.empty()) {
    b.element(source, "p", "No citation was given in the transcript.");
  } else {
    write_bibl(b, source, doc);
  }
}

void write_encoding_desc(TreeBuilder& b, xmlNode* header) {
  xmlNode* encoding = b.element(header, "encodingDesc");
  xmlNode* app_info = b.element(encoding, "appInfo");
  xmlNode* application = b.element(app_info, "application");
  b.attribute(application, "ident", "teikit");
  b.attribute(application, "version", teikit::version);
  b.element(application, "label", "teikit");
  xmlNode* editorial = b.element(encoding, "editorialDecl");
  for (const auto& convention : transcript::editorial_conventions())
    b.element(editorial, "p", convention.description);
}

void write_profile_desc(InlineWriter& w, xmlNode* header, const model::Document& doc) {
  TreeBuilder& b = w.builder();
  xmlNode* profile = b.element(header, "profileDesc");
  if (!doc.summary.empty()) {
    xmlNode* abstract = b.element(profile, "abstract");
    for (const auto& paragraph : doc.summary) w.write(b.element(abstract, "p"), paragraph);
  }
  if (!doc.date_text.empty()) {
    xmlNode* creation = b.element(profile, "creation");
    xmlNode* date = b.element(creation, "date", doc.date_text);
    if (!doc.when.empty()) b.attribute(date, "when", doc.when);
  }
  if (!doc.languages.empty()) {
    xmlNode* usage = b.element(profile, "langUsage");
    for (const auto& language : doc.languages) {
      xmlNode* element = b.element(usage, "language", language.text);
      b.attribute(element, "ident", language.code);
      if (language.original) b.attribute(element, "n", "original");  // the source's language
    }
  }
  if (doc.senders.empty() && doc.addressees.empty()) return;
  xmlNode* corresp = b.element(profile, "correspDesc");
  if (!doc.senders.empty() || !doc.when.empty()) {
    xmlNode* sent = b.element(corresp, "correspAction");
    b.attribute(sent, "type", "sent");
    for (const auto& agent : doc.senders) write_agent(b, sent, agent);
    if (!doc.when.empty()) b.attribute(b.element(sent, "date"), "when", doc.when);
  }
  if (!doc.addressees.empty()) {
    xmlNode* received = b.element(corresp, "correspAction");
    b.attribute(received, "type", "received");
    for (const auto& agent : doc.addressees) write_agent(b, received, agent);
  }
}

}  // namespace

void write_header(InlineWriter& writer, xmlNode* tei, const model::Document& doc) {
  xmlNode* header = writer.builder().element(tei, "teiHeader");
  write_file_desc(writer, header, doc);
  write_encoding_desc(writer.builder(), header);
  write_profile_desc(writer, header, doc);
}

}  // namespace teikit::tei
