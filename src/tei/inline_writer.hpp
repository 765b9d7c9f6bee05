#pragma once

#include <map>
#include <string>

#include "model/document.hpp"
#include "tei/builder.hpp"

namespace teikit::tei {

/// Writes inline content into TEI elements; footnote anchors become the notes themselves.
class InlineWriter {
 public:
  /// `notes` are the document's footnotes, looked up by number at their anchors.
  InlineWriter(TreeBuilder& builder, const std::vector<model::Note>& notes);
  /// Appends `inlines` to `parent`.
  void write(xmlNode* parent, const model::Inlines& inlines);
  /// Appends one note as <note place="foot" n="…" xml:id="…"> (place="end" when the
  /// transcript has no anchor for it).
  void write_note(xmlNode* parent, const model::Note& note);
  /// The builder in use.
  TreeBuilder& builder() { return builder_; }

 private:
  void write_one(xmlNode* parent, const model::Inline& node);
  TreeBuilder& builder_;
  std::map<std::string, const model::Note*> notes_;
};

/// The TEI element that names an agent of this kind (persName, orgName, placeName, name).
const char* agent_element(model::AgentKind kind);

/// The xml:id of footnote `n`.
std::string note_id(const std::string& n);

}  // namespace teikit::tei
