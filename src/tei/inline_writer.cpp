#include "tei/inline_writer.hpp"

namespace teikit::tei {

using model::InlineKind;

std::string note_id(const std::string& n) {
  return "fn" + n;
}

const char* agent_element(model::AgentKind kind) {
  switch (kind) {
    case model::AgentKind::person:
      return "persName";
    case model::AgentKind::organisation:
      return "orgName";
    case model::AgentKind::place:
      return "placeName";
    case model::AgentKind::unknown:
      return "name";
  }
  return "name";
}

InlineWriter::InlineWriter(TreeBuilder& builder, const std::vector<model::Note>& notes)
    : builder_(builder) {
  for (const auto& note : notes) notes_.emplace(note.n, &note);
}

void InlineWriter::write(xmlNode* parent, const model::Inlines& inlines) {
  for (const auto& node : inlines) write_one(parent, node);
}

void InlineWriter::write_note(xmlNode* parent, const model::Note& note) {
  xmlNode* element = builder_.element(parent, "note");
  // A definition without an anchor is kept at the end of the text: an endnote.
  builder_.attribute(element, "place", note.anchored ? "foot" : "end");
  builder_.attribute(element, "n", note.n);
  builder_.attribute(element, "xml:id", note_id(note.n));
  if (note.paragraphs.size() == 1) {
    write(element, note.paragraphs.front());
    return;
  }
  for (const auto& paragraph : note.paragraphs) write(builder_.element(element, "p"), paragraph);
}

void InlineWriter::write_one(xmlNode* parent, const model::Inline& node) {
  auto highlighted = [&](const char* rend) {
    xmlNode* hi = builder_.element(parent, "hi");
    builder_.attribute(hi, "rend", rend);
    write(hi, node.children);
  };
  switch (node.kind) {
    case InlineKind::text:
      builder_.text(parent, node.text);
      return;
    case InlineKind::line_break:
      builder_.element(parent, "lb");
      return;
    case InlineKind::bold:
      return highlighted("bold");
    case InlineKind::italic:
      return highlighted("italic");
    case InlineKind::superscript:
      return highlighted("superscript");
    case InlineKind::subscript:
      return highlighted("subscript");
    case InlineKind::link: {
      xmlNode* ref = builder_.element(parent, "ref");
      builder_.attribute(ref, "target", node.value);
      write(ref, node.children);
      return;
    }
    case InlineKind::note_anchor: {
      auto found = notes_.find(node.value);
      if (found != notes_.end()) write_note(parent, *found->second);
      return;
    }
    case InlineKind::sic: {
      xmlNode* sic = builder_.element(parent, "sic");
      if (node.value == "SIC") builder_.attribute(sic, "rend", "caps");
      write(sic, node.children);
      return;
    }
    case InlineKind::supplied:
      write(builder_.element(parent, "supplied"), node.children);
      return;
    case InlineKind::gap: {
      xmlNode* gap = builder_.element(parent, "gap");
      builder_.attribute(gap, "reason", node.value);
      if (!node.text.empty()) {
        std::string_view extent = node.text;  // "2 words"
        std::size_t space = extent.find(' ');
        builder_.attribute(gap, "quantity", extent.substr(0, space));
        if (space != std::string_view::npos)
          builder_.attribute(gap, "unit", extent.substr(space + 1));
      }
      return;
    }
    case InlineKind::page_break:
      builder_.attribute(builder_.element(parent, "pb"), "n", node.value);
      return;
    case InlineKind::vocal:
    case InlineKind::incident: {
      xmlNode* event =
          builder_.element(parent, node.kind == InlineKind::vocal ? "vocal" : "incident");
      builder_.element(event, "desc", node.text);
      return;
    }
    case InlineKind::date: {
      xmlNode* date = builder_.element(parent, "date");
      if (!node.value.empty()) builder_.attribute(date, "when", node.value);
      write(date, node.children);
      return;
    }
  }
}

}  // namespace teikit::tei
