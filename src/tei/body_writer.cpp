#include "tei/body_writer.hpp"

#include <optional>
#include <string>

namespace teikit::tei {
namespace {

using model::Block;
using model::BlockKind;
using model::ListKind;
using model::OpenerRole;

const char* opener_seg_type(OpenerRole role) {
  switch (role) {
    case OpenerRole::classification:
      return "classification";
    case OpenerRole::handling:
      return "handling";
    case OpenerRole::precedence:
      return "precedence";
    case OpenerRole::from:
      return "from";
    case OpenerRole::to:
      return "to";
    case OpenerRole::number:
      return "number";
    case OpenerRole::subject:
      return "subject";
    case OpenerRole::address:
      return "address";
    default:
      return nullptr;
  }
}

const char* list_type(ListKind kind) {
  switch (kind) {
    case ListKind::numbered:
      return "ordered";
    case ListKind::bulleted:
      return "bulleted";
    case ListKind::lines:
      return "simple";
    case ListKind::distribution:
      return "distribution";
    case ListKind::participants:
      return "participants";
  }
  return "simple";
}

const char* bullet_rend(const std::string& bullet) {
  if (bullet == "-") return "dash";
  if (bullet == "*") return "asterisk";
  if (bullet == "•") return "bullet";
  if (bullet == "–") return "endash";
  return nullptr;
}

// Writes blocks into one div, keeping TEI's order: opener and head first, then content,
// then the closer.
class DivWriter {
 public:
  DivWriter(InlineWriter& writer, xmlNode* div) : w_(writer), b_(writer.builder()), div_(div) {}

  void write(const Block& block) {
    switch (block.kind) {
      case BlockKind::page_break:
        b_.attribute(b_.element(div_, "pb"), "n", block.value);
        return;
      case BlockKind::opener:
        return opener(block);
      case BlockKind::paragraph:
        content_ = true;
        if (!block.content.empty()) w_.write(b_.element(div_, "p"), block.content);
        return;
      case BlockKind::list:
        content_ = true;
        return list(block);
      case BlockKind::speech: {
        content_ = true;
        xmlNode* sp = b_.element(div_, "sp");
        w_.write(b_.element(sp, "speaker"), block.speaker);
        for (const auto& paragraph : block.speech) w_.write(b_.element(sp, "p"), paragraph);
        return;
      }
      case BlockKind::closer: {
        xmlNode* closer = b_.element(div_, "closer");
        if (!block.closer_salute.empty())
          w_.write(b_.element(closer, "salute"), block.closer_salute);
        if (!block.signed_lines.empty()) {
          xmlNode* signed_ = b_.element(closer, "signed");
          for (std::size_t i = 0; i < block.signed_lines.size(); ++i) {
            if (i > 0) b_.element(signed_, "lb");
            w_.write(signed_, block.signed_lines[i]);
          }
        }
        return;
      }
    }
  }

 private:
  void opener(const Block& block) {
    xmlNode* opener = nullptr;
    for (const auto& line : block.opener) {
      if (content_) {  // late opener lines are kept as paragraphs
        w_.write(b_.element(div_, "p"), line.content);
        continue;
      }
      if (line.role == OpenerRole::heading) {
        xmlNode* head = b_.element(div_, "head");
        b_.attribute(head, "type", "sub");
        w_.write(head, line.content);
        opener = nullptr;
        continue;
      }
      if (opener == nullptr) opener = b_.element(div_, "opener");
      xmlNode* element = nullptr;
      if (const char* type = opener_seg_type(line.role)) {
        element = b_.element(opener, "seg");
        b_.attribute(element, "type", type);
      } else if (line.role == OpenerRole::salute) {
        element = b_.element(opener, "salute");
      } else {
        element = b_.element(opener, "dateline");
      }
      w_.write(element, line.content);
    }
  }

  void list(const Block& block) {
    xmlNode* list = b_.element(div_, "list");
    b_.attribute(list, "type", list_type(block.list_kind));
    if (block.list_kind == ListKind::bulleted && !block.items.empty())
      if (const char* rend = bullet_rend(block.items.front().n)) b_.attribute(list, "rend", rend);
    if (!block.head.empty()) {
      xmlNode* head = b_.element(list, "head");
      for (std::size_t i = 0; i < block.head.size(); ++i) {
        if (i > 0) b_.element(head, "lb");
        w_.write(head, block.head[i]);
      }
    }
    for (const auto& item : block.items) {
      xmlNode* element = b_.element(list, "item");
      if (!item.n.empty() && bullet_rend(item.n) == nullptr) b_.attribute(element, "n", item.n);
      bool agents =
          block.list_kind == ListKind::distribution || block.list_kind == ListKind::participants;
      const std::string& name = item.agent.name;
      if (agents && !name.empty() && !item.content.empty() &&
          item.content.front().kind == model::InlineKind::text &&
          item.content.front().text.starts_with(name)) {
        // The agent's name gets its own element; the rest (a title, a note) follows it.
        const std::string& first = item.content.front().text;
        b_.element(element, agent_element(item.agent.kind), name);
        b_.text(element, std::string_view(first).substr(name.size()));
        w_.write(element, model::Inlines(item.content.begin() + 1, item.content.end()));
      } else {
        w_.write(element, item.content);
      }
    }
  }

  InlineWriter& w_;
  TreeBuilder& b_;
  xmlNode* div_;
  bool content_ = false;
};

void write_range(InlineWriter& writer, xmlNode* div, const std::vector<Block>& blocks,
                 std::size_t begin, std::size_t end) {
  DivWriter div_writer(writer, div);
  for (std::size_t i = begin; i < end; ++i) div_writer.write(blocks[i]);
}

}  // namespace

void write_body(InlineWriter& writer, xmlNode* tei, const model::Document& doc) {
  TreeBuilder& b = writer.builder();
  xmlNode* text = b.element(tei, "text");
  xmlNode* body = b.element(text, "body");
  xmlNode* div = b.element(body, "div");
  b.attribute(div, "type", "document");
  if (!doc.title_lines.empty()) {
    xmlNode* head = b.element(div, "head");
    for (std::size_t i = 0; i < doc.title_lines.size(); ++i) {
      if (i > 0) b.element(head, "lb");
      b.text(head, doc.title_lines[i]);
    }
  }
  const auto& blocks = doc.body;
  // Where the letter proper starts and ends: a salute after the first paragraph starts an
  // embedded letter; anything after the closer is an attachment (TEI allows nothing but a
  // closer's siblings after it, so both become divisions of their own).
  std::optional<std::size_t> first_content;
  std::optional<std::size_t> late_salute;
  std::optional<std::size_t> closer;
  bool after_closer = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    BlockKind kind = blocks[i].kind;
    if (!first_content && kind != BlockKind::opener && kind != BlockKind::page_break)
      first_content = i;
    if (first_content && i > *first_content && kind == BlockKind::opener && !late_salute && !closer)
      late_salute = i;
    if (kind == BlockKind::closer && !closer) {
      closer = i;
    } else if (closer && kind != BlockKind::page_break) {
      after_closer = true;
    }
  }
  if (!late_salute && !after_closer) {
    write_range(writer, div, blocks, 0, blocks.size());
  } else {
    std::size_t letter_start = late_salute ? *late_salute : *first_content;
    std::size_t letter_end = closer ? *closer + 1 : blocks.size();
    write_range(writer, div, blocks, 0, letter_start);
    xmlNode* letter = b.element(div, "div");
    b.attribute(letter, "type", "letter");
    write_range(writer, letter, blocks, letter_start, letter_end);
    if (letter_end < blocks.size()) {
      xmlNode* attachment = b.element(div, "div");
      b.attribute(attachment, "type", "attachment");
      write_range(writer, attachment, blocks, letter_end, blocks.size());
    }
  }
  for (const auto& note : doc.notes)
    if (!note.anchored) writer.write_note(div, note);
}

}  // namespace teikit::tei
