#pragma once

// The document model: what a transcript says, independent of any output format.

#include <optional>
#include <string>
#include <vector>

namespace teikit::model {

/// The kinds of inline content.
enum class InlineKind {
  text,        // plain text
  line_break,  // a hard line break
  bold,        // **…**
  italic,      // *…*
  superscript,
  subscript,
  link,         // target = URL; children = label
  note_anchor,  // value = footnote number
  sic,          // children = the word reproduced as in the source; value = mark as written
  supplied,     // an editor's insertion [like this]
  gap,          // value = reason ("illegible", "omitted", …); text = extent ("2 words")
  page_break,   // value = page number
  vocal,        // a sound made by a speaker, e.g. laughter; text = description
  incident,     // an event such as applause; text = description
  date,         // a recognised date; value = ISO 8601 form; children = the date as written
};

/// One piece of inline content.
struct Inline {
  InlineKind kind = InlineKind::text;
  std::string text;
  std::string value;
  std::vector<Inline> children;
};

using Inlines = std::vector<Inline>;

/// The role of a line in a document's opening block.
enum class OpenerRole {
  classification,  // Top Secret
  handling,        // Special Folder, Single Copy
  precedence,      // Flash, Immediate
  from,            // From: Moscow
  to,              // To: Ministry …
  number,          // No. 1147
  subject,         // Subject: …
  date_field,      // Date: …
  place_field,     // Place: …
  dateline,        // Moscow, 14 February 1980
  address,         // TO THE SOVIET AMBASSADOR
  salute,          // Dear comrades!
  heading,         // MEMORANDUM OF CONVERSATION
};

/// One line of an opening block; `value` holds the label-free value (e.g. "Moscow").
struct OpenerLine {
  OpenerRole role = OpenerRole::classification;
  Inlines content;
  std::string value;
  std::string when;  // ISO date for datelines and date fields, when known
};

/// The kinds of lists.
enum class ListKind { numbered, bulleted, lines, distribution, participants };

/// What kind of agent a name denotes.
enum class AgentKind { person, organisation, place, unknown };

/// A named sender, addressee or recipient.
struct Agent {
  std::string name;
  AgentKind kind = AgentKind::unknown;
};

/// One list item; `n` keeps its number or bullet as written ("1", "-").
struct ListItem {
  std::string n;
  Inlines content;
  Agent agent;  // for distribution and participant lists: who the item names
};

/// The kinds of blocks.
enum class BlockKind { paragraph, opener, list, speech, closer, page_break };

/// One block of the body.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  int line = 0;                    // 1-based line of the block's first line
  Inlines content;                 // paragraph
  std::vector<OpenerLine> opener;  // opener
  ListKind list_kind = ListKind::lines;
  std::vector<Inlines> head;          // list head lines
  std::vector<ListItem> items;        // list
  Inlines speaker;                    // speech: the speaker label as written
  std::vector<Inlines> speech;        // speech: its paragraphs
  Inlines closer_salute;              // closer
  std::vector<Inlines> signed_lines;  // closer
  std::string value;                  // page_break: number
};

/// A metadata field that the reader does not interpret, kept as written.
struct Field {
  std::string name;
  std::vector<std::string> lines;
  int line = 0;
};

/// The role of a part of a citation.
enum class CitationRole {
  text,  // punctuation and words between parts
  title,
  date,
  publisher,           // the (digital) archive that publishes the record
  archive,             // the archive that holds the original
  archival_reference,  // fond, opis, delo … as written
  author,
  source_title,
  source_publisher,
  place,
  year,
  translation,  // "Translated for CWIHP by"
  translator,
  url,
};

/// One part of a citation; the parts' texts joined give the citation back exactly.
struct CitationPart {
  CitationRole role = CitationRole::text;
  std::string text;
  std::string when;  // for dates: ISO form
};

/// A language the document is in or was translated from.
struct Language {
  std::string code;  // ISO 639-1 (or 639-2/3 when no two-letter code exists; "und" unknown)
  std::string text;  // as written ("Translation - English")
  bool original = false;
};

/// A footnote definition.
struct Note {
  std::string n;
  std::vector<Inlines> paragraphs;
  int line = 0;
  bool anchored = false;
};

/// A whole transcript.
struct Document {
  std::string date_text;  // as written on the date line
  std::string when;       // ISO 8601 form of the date, when known
  std::vector<std::string> title_lines;
  std::vector<CitationPart> citation;
  std::string url;
  std::vector<Inlines> summary;
  std::vector<Language> languages;  // each code once, the original first
  std::string text_language;        // code of the language this text is in, when known
  std::vector<Field> other_fields;  // fields the reader does not interpret
  std::vector<Block> body;
  std::vector<Note> notes;
  std::vector<Agent> senders;     // signer, "From:" place
  std::vector<Agent> addressees;  // address line, "To:", distribution list
};

}  // namespace teikit::model
