#include "transcript/reader.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/utf8.hpp"
#include "transcript/block_parser.hpp"
#include "transcript/citation.hpp"
#include "transcript/dates.hpp"
#include "transcript/inline_parser.hpp"
#include "transcript/lines.hpp"
#include "transcript/rules.hpp"
#include "transcript/text_util.hpp"

namespace teikit::transcript {
namespace {

using model::Document;
using model::Inline;
using model::InlineKind;

// "**text**" spanning a whole block: returns its lines without the asterisks.
std::optional<std::vector<std::string>> bold_block(const RawBlock& block) {
  const std::string& first = block.lines.front().text;
  const std::string& last = block.lines.back().text;
  if (!first.starts_with("**") || !last.ends_with("**")) return std::nullopt;
  if (block.lines.size() == 1 && first.size() < 5) return std::nullopt;
  std::vector<std::string> lines;
  for (const auto& line : block.lines) lines.push_back(line.text);
  lines.front().erase(0, 2);
  lines.back().erase(lines.back().size() - 2);
  for (auto& line : lines) line = std::string(trim(line));
  // A bold block must not contain further bold markers (then it is ordinary markup).
  for (const auto& line : lines)
    if (line.find("**") != std::string::npos) return std::nullopt;
  return lines;
}

// "**Name:**" alone, or "**Name:** value": the label and the value on the same line.
std::optional<std::pair<std::string, std::string>> field_label(const RawBlock& block) {
  const std::string& first = block.lines.front().text;
  if (!first.starts_with("**")) return std::nullopt;
  std::size_t close = first.find(":**", 2);
  if (close == std::string::npos || close > 60) return std::nullopt;
  std::string name(trim(std::string_view(first).substr(2, close - 2)));
  if (name.empty() || name.find("**") != std::string::npos) return std::nullopt;
  std::string value(trim(std::string_view(first).substr(close + 3)));
  return std::pair{name, value};
}

std::optional<std::string> note_definition_number(std::string_view line) {
  if (!line.starts_with('[')) return std::nullopt;
  std::size_t close = line.find(']');
  if (close < 2 || close > 6 || close + 1 >= line.size() || line[close + 1] != ' ')
    return std::nullopt;
  std::string_view number = line.substr(1, close - 1);
  if (!std::all_of(number.begin(), number.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  return std::string(number);
}

void collect_anchors(std::vector<Inline>& inlines, std::vector<Inline*>& anchors) {
  for (auto& node : inlines) {
    if (node.kind == InlineKind::note_anchor) anchors.push_back(&node);
    collect_anchors(node.children, anchors);
  }
}

// Outside the body (in the summary, in a footnote) a bracketed number is a cross-reference
// as written, not an anchor: notes do not nest.
void anchors_to_text(std::vector<Inline>& inlines) {
  for (auto& node : inlines) {
    if (node.kind == InlineKind::note_anchor) {
      node.kind = InlineKind::text;
      node.text = "[" + node.value + "]";
      node.value.clear();
    }
    anchors_to_text(node.children);
  }
}

void collect_block_anchors(model::Block& block, std::vector<Inline*>& anchors) {
  collect_anchors(block.content, anchors);
  for (auto& line : block.opener) collect_anchors(line.content, anchors);
  for (auto& head : block.head) collect_anchors(head, anchors);
  for (auto& item : block.items) collect_anchors(item.content, anchors);
  collect_anchors(block.speaker, anchors);
  for (auto& paragraph : block.speech) collect_anchors(paragraph, anchors);
  collect_anchors(block.closer_salute, anchors);
  for (auto& line : block.signed_lines) collect_anchors(line, anchors);
}

// Adds a language unless its code is listed already.
void add_language(Document& doc, model::Language language) {
  for (const auto& known : doc.languages)
    if (known.code == language.code) return;
  doc.languages.push_back(std::move(language));
}

// Reads the metadata fields into the document.
void read_field(Document& doc, const std::string& name, const std::vector<Line>& value, int line) {
  std::vector<std::string> lines;
  for (const auto& l : value) lines.push_back(l.text);
  auto known = known_field(name);
  if (!known) {
    doc.other_fields.push_back(model::Field{name, std::move(lines), line});
    return;
  }
  switch (*known) {
    case KnownField::citation:
      doc.citation = parse_citation(join_lines(value), doc.url);
      return;
    case KnownField::summary:
      doc.summary.push_back(parse_inlines(join_lines(value)));
      return;
    case KnownField::original_language:
      for (const auto& text : lines) {
        auto code = language_code(text);
        add_language(doc, model::Language{std::string(code.value_or("und")), text, true});
      }
      return;
    case KnownField::contents: {
      // "Translation - English", "Transcript - Russian", "Original Scan": the whole field is
      // kept as written; the languages it names go to the language list as well.
      model::Field other{name, lines, line};
      for (const auto& text : lines) {
        std::size_t dash = text.rfind(" - ");
        if (dash == std::string::npos) continue;
        std::string language = text.substr(dash + 3);
        if (auto code = language_code(language)) {
          if (doc.text_language.empty()) doc.text_language = std::string(*code);
          add_language(doc, model::Language{std::string(*code), language, false});
        }
      }
      if (!other.lines.empty()) doc.other_fields.push_back(std::move(other));
      return;
    }
  }
}

// Who sent the document and to whom: the signature and a "From:" line; the address line,
// "To:" lines and the distribution list.
void find_correspondents(Document& doc) {
  for (const auto& block : doc.body) {
    if (block.kind == model::BlockKind::opener) {
      for (const auto& line : block.opener) {
        if (line.value.empty()) continue;
        if (line.role == model::OpenerRole::from)
          doc.senders.push_back(
              model::Agent{line.value, classify_agent(line.value) == model::AgentKind::unknown
                                           ? model::AgentKind::place
                                           : classify_agent(line.value)});
        if (line.role == model::OpenerRole::to || line.role == model::OpenerRole::address)
          doc.addressees.push_back(model::Agent{line.value, classify_agent(line.value)});
      }
    } else if (block.kind == model::BlockKind::closer && !block.signed_lines.empty()) {
      // A person's name over a title signs as the person; an organisation's name spread
      // over several lines signs as the whole.
      std::string name = plain_text(block.signed_lines.front());
      if (classify_agent(name) != model::AgentKind::person) {
        for (std::size_t k = 1; k < block.signed_lines.size(); ++k)
          name += ' ' + plain_text(block.signed_lines[k]);
      }
      // "Name, Title" signs as Name.
      if (auto comma = name.find(", "); comma != std::string::npos) name.resize(comma);
      doc.senders.insert(doc.senders.begin(), model::Agent{name, classify_agent(name)});
    } else if (block.kind == model::BlockKind::list &&
               block.list_kind == model::ListKind::distribution) {
      for (const auto& item : block.items)
        if (!item.agent.name.empty()) doc.addressees.push_back(item.agent);
    }
  }
}

}  // namespace

ReadResult read_transcript(std::string_view bytes, const std::string& file) {
  ReadResult result;
  if (auto problem = check_text_input(bytes, file)) {
    result.diagnostics.push_back(std::move(*problem));
    return result;
  }
  auto warn = [&](int line, std::string message) {
    result.diagnostics.push_back(
        Diagnostic{file, line, 0, Severity::warning, std::move(message), "transcript", {}, {}});
  };
  std::vector<RawBlock> blocks = split_blocks(bytes);
  Document doc;
  std::size_t i = 0;

  // Date and title lines.
  if (i < blocks.size()) {
    if (auto lines = bold_block(blocks[i]);
        lines && lines->size() == 1 && parse_date(lines->front())) {
      doc.date_text = lines->front();
      doc.when = *parse_date(doc.date_text);
      ++i;
    }
  }
  if (i < blocks.size() && !field_label(blocks[i])) {
    if (auto lines = bold_block(blocks[i])) {
      doc.title_lines = *lines;
      ++i;
    }
  }
  if (doc.title_lines.empty())
    warn(i < blocks.size() ? blocks[i].line() : 1, "no bold title line; the title is empty");

  // Metadata fields.
  while (i < blocks.size()) {
    auto label = field_label(blocks[i]);
    if (!label) break;
    int line = blocks[i].line();
    std::vector<Line> value;
    if (!label->second.empty()) {
      Line same = blocks[i].lines.front();
      same.text = label->second;
      value.push_back(same);
    }
    for (std::size_t k = 1; k < blocks[i].lines.size(); ++k) value.push_back(blocks[i].lines[k]);
    ++i;
    if (value.empty() && i < blocks.size() && !field_label(blocks[i])) {
      value = blocks[i].lines;
      ++i;
    }
    if (value.empty()) {
      warn(line, "field '" + label->first + "' has no value");
      continue;
    }
    read_field(doc, label->first, value, line);
  }

  // Footnote definitions: from the first paragraph that starts with "[N] ".
  std::size_t notes_start = blocks.size();
  for (std::size_t k = i; k < blocks.size(); ++k) {
    if (note_definition_number(blocks[k].lines.front().text)) {
      notes_start = k;
      break;
    }
  }
  for (std::size_t k = notes_start; k < blocks.size(); ++k) {
    const auto& lines = blocks[k].lines;
    if (auto n = note_definition_number(lines.front().text)) {
      model::Note note;
      note.n = *n;
      note.line = blocks[k].line();
      std::string text = join_lines(lines);
      note.paragraphs.push_back(parse_inlines(text.substr(n->size() + 3)));
      doc.notes.push_back(std::move(note));
    } else {
      doc.notes.back().paragraphs.push_back(parse_inlines(join_lines(lines)));
    }
  }

  std::vector<RawBlock> body(blocks.begin() + static_cast<std::ptrdiff_t>(i),
                             blocks.begin() + static_cast<std::ptrdiff_t>(notes_start));
  doc.body = parse_body(body);
  find_correspondents(doc);

  // Match anchors and definitions (the first anchor of a number takes the note).
  std::map<std::string, std::size_t> by_number;
  for (std::size_t k = 0; k < doc.notes.size(); ++k) {
    if (!by_number.emplace(doc.notes[k].n, k).second)
      warn(doc.notes[k].line, "footnote [" + doc.notes[k].n + "] is defined twice");
  }
  for (auto& block : doc.body) {
    std::vector<Inline*> anchors;
    collect_block_anchors(block, anchors);
    for (Inline* anchor : anchors) {
      auto found = by_number.find(anchor->value);
      if (found == by_number.end() && anchor->value.size() >= 4) {
        // [1979] without a footnote 1979 is an editor's insertion (a year), not an anchor.
        anchor->kind = InlineKind::supplied;
        anchor->children = {Inline{InlineKind::text, anchor->value, {}, {}}};
        anchor->value.clear();
        continue;
      }
      if (found == by_number.end() || doc.notes[found->second].anchored) {
        warn(block.line, "footnote anchor [" + anchor->value + "] has no definition; kept as text");
        anchor->kind = InlineKind::text;
        anchor->text = "[" + anchor->value + "]";
        anchor->value.clear();
        continue;
      }
      doc.notes[found->second].anchored = true;
    }
  }
  for (auto& paragraph : doc.summary) anchors_to_text(paragraph);
  for (auto& note : doc.notes)
    for (auto& paragraph : note.paragraphs) anchors_to_text(paragraph);
  for (const auto& note : doc.notes)
    if (!note.anchored)
      warn(note.line, "footnote [" + note.n + "] has no anchor in the text; placed at the end");

  if (doc.body.empty() && doc.title_lines.empty() && doc.citation.empty())
    warn(1, "the transcript has no body");
  result.document = std::move(doc);
  return result;
}

}  // namespace teikit::transcript
