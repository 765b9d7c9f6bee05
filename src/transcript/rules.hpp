#pragma once

// The converter's rules that are data: word lists and patterns, kept in one place so that
// adding a classification mark or a language is a one-line change.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/document.hpp"

namespace teikit::transcript {

/// What a bracketed editorial mark becomes.
enum class MarkKind { sic, gap, page_break, vocal, incident };

/// One editorial-mark rule: bracket text (lower case, exact) → kind, with a gap reason.
struct MarkRule {
  std::string_view text;
  MarkKind kind;
  std::string_view reason;  // gap reason, or the vocal/incident description's class
};

/// One rule of the editorial declaration written into every TEI header.
struct EditorialConvention {
  std::string_view description;
};

/// The editorial-mark table (exact bracket contents, compared in lower case).
std::span<const MarkRule> mark_rules();

/// How brackets are encoded, one sentence per convention (for `editorialDecl`).
std::span<const EditorialConvention> editorial_conventions();

/// The opener role of a whole line judged on its words alone (marks such as "Top Secret"),
/// or nothing. Bracketed parts and trailing punctuation are ignored.
std::optional<model::OpenerRole> mark_role(std::string_view line);

/// Field labels of the opener ("From", "To", "No.", "Subject", "Date", "Place") → role.
std::optional<model::OpenerRole> opener_label_role(std::string_view label);

/// Whether a line opens a letter ("Dear comrades!", "Уважаемые товарищи!").
bool is_salute(std::string_view line);

/// Whether a line closes a letter ("With Communist greetings", "Respectfully,").
bool is_closing_salute(std::string_view line);

/// The list kind a head line announces ("LIST", "Distribution:", "Participants:"), if any.
std::optional<model::ListKind> list_head_kind(std::string_view line);

/// Whether an upper-case label before "." or ":" is not a speaker ("NOTE", "SUBJECT").
bool is_non_speaker_label(std::string_view label);

/// The ISO 639 code of a language name in English or in its own language, or nothing.
std::optional<std::string_view> language_code(std::string_view name);

/// The month number (1–12) of an English, German, French or Russian month name, or 0.
int month_number(std::string_view name);

/// Whether a name denotes an organisation (contains "Party", "Committee", "ЦК" …).
bool is_organisation(std::string_view name);

/// Whether a name denotes a person by title or form ("Comrade X", "Ambassador", "J. Smith").
bool is_person(std::string_view name);

/// Whether a name is a person, an organisation, or cannot be told ("Comrade X" is a person,
/// "The Communist Party of Austria" an organisation).
model::AgentKind classify_agent(std::string_view name);

/// Whether a citation segment names an archive ("… Digital Archive", "Archives of …").
bool is_archive_name(std::string_view segment);

/// Whether a citation segment is part of an archival reference ("fond 89", "d. 31").
bool is_archival_reference(std::string_view segment);

/// The known metadata fields of a transcript.
enum class KnownField { citation, summary, original_language, contents };

/// The known field a label names (case-insensitive), or nothing.
std::optional<KnownField> known_field(std::string_view label);

}  // namespace teikit::transcript
