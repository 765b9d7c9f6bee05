#include "transcript/rules.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "transcript/text_util.hpp"

namespace teikit::transcript {
namespace {

using model::ListKind;
using model::OpenerRole;

constexpr std::array mark_table{
    MarkRule{"sic", MarkKind::sic, ""},
    MarkRule{"...", MarkKind::gap, "omitted"},
    MarkRule{"…", MarkKind::gap, "omitted"},
    MarkRule{". . .", MarkKind::gap, "omitted"},
    MarkRule{"illegible", MarkKind::gap, "illegible"},
    MarkRule{"unclear", MarkKind::gap, "illegible"},
    MarkRule{"inaudible", MarkKind::gap, "inaudible"},
    MarkRule{"laughter", MarkKind::vocal, "laughter"},
    MarkRule{"laughs", MarkKind::vocal, "laughter"},
    MarkRule{"coughs", MarkKind::vocal, "cough"},
    MarkRule{"applause", MarkKind::incident, "applause"},
    MarkRule{"prolonged applause", MarkKind::incident, "applause"},
    MarkRule{"noise", MarkKind::incident, "noise"},
    MarkRule{"noise in the hall", MarkKind::incident, "noise"},
    MarkRule{"pause", MarkKind::incident, "pause"},
    MarkRule{"interruption", MarkKind::incident, "interruption"},
    MarkRule{"смех", MarkKind::vocal, "laughter"},
    MarkRule{"аплодисменты", MarkKind::incident, "applause"},
    MarkRule{"неразборчиво", MarkKind::gap, "illegible"},
};

constexpr std::array conventions{
    EditorialConvention{"Square brackets in the transcript mark editorial interventions and "
                        "are encoded as elements rather than kept as characters."},
    EditorialConvention{"A word followed by [sic] or [SIC] is encoded as sic around that word "
                        "(@rend=\"caps\" for [SIC])."},
    EditorialConvention{"[...] is encoded as gap with @reason=\"omitted\"; [illegible], "
                        "[unclear] and [N words illegible] as gap with @reason=\"illegible\" "
                        "(and @quantity, @unit); [inaudible] as gap with @reason=\"inaudible\"."},
    EditorialConvention{"[Page N] is encoded as pb with @n=\"N\"."},
    EditorialConvention{"[laughter] and similar sounds are encoded as vocal/desc; [applause] "
                        "and other events as incident/desc."},
    EditorialConvention{"Any other bracketed words, such as [political], are the editor's "
                        "insertions and are encoded as supplied."},
    EditorialConvention{"A bracketed number such as [1] is a footnote anchor; the footnote is "
                        "encoded as note with @place=\"foot\" at the anchor."},
    EditorialConvention{"Paragraphs split by a spurious blank line mid-sentence are joined."},
};

struct MarkWord {
  std::string_view words;  // lower case, trailing punctuation removed
  OpenerRole role;
};

constexpr std::array opener_marks{
    MarkWord{"top secret", OpenerRole::classification},
    MarkWord{"secret", OpenerRole::classification},
    MarkWord{"strictly secret", OpenerRole::classification},
    MarkWord{"confidential", OpenerRole::classification},
    MarkWord{"strictly confidential", OpenerRole::classification},
    MarkWord{"unclassified", OpenerRole::classification},
    MarkWord{"limited official use", OpenerRole::classification},
    MarkWord{"for official use only", OpenerRole::classification},
    MarkWord{"eyes only", OpenerRole::classification},
    MarkWord{"совершенно секретно", OpenerRole::classification},
    MarkWord{"секретно", OpenerRole::classification},
    MarkWord{"streng geheim", OpenerRole::classification},
    MarkWord{"geheim", OpenerRole::classification},
    MarkWord{"vertraulich", OpenerRole::classification},
    MarkWord{"ściśle tajne", OpenerRole::classification},
    MarkWord{"tajne", OpenerRole::classification},
    MarkWord{"szigorúan titkos", OpenerRole::classification},
    MarkWord{"special folder", OpenerRole::handling},
    MarkWord{"особая папка", OpenerRole::handling},
    MarkWord{"single copy", OpenerRole::handling},
    MarkWord{"only copy", OpenerRole::handling},
    MarkWord{"(working notes)", OpenerRole::handling},
    MarkWord{"working notes", OpenerRole::handling},
    MarkWord{"draft", OpenerRole::handling},
    MarkWord{"personal", OpenerRole::handling},
    MarkWord{"not for publication", OpenerRole::handling},
    MarkWord{"экз. единственный", OpenerRole::handling},
    MarkWord{"flash", OpenerRole::precedence},
    MarkWord{"immediate", OpenerRole::precedence},
    MarkWord{"urgent", OpenerRole::precedence},
    MarkWord{"priority", OpenerRole::precedence},
    MarkWord{"routine", OpenerRole::precedence},
    MarkWord{"very urgent", OpenerRole::precedence},
    MarkWord{"срочно", OpenerRole::precedence},
    MarkWord{"вне очереди", OpenerRole::precedence},
    MarkWord{"pilne", OpenerRole::precedence},
    MarkWord{"memorandum of conversation", OpenerRole::heading},
};

constexpr std::array<std::pair<std::string_view, OpenerRole>, 9> opener_labels{{
    {"from", OpenerRole::from},
    {"to", OpenerRole::to},
    {"no.", OpenerRole::number},
    {"no", OpenerRole::number},
    {"telegram no.", OpenerRole::number},
    {"subject", OpenerRole::subject},
    {"re", OpenerRole::subject},
    {"date", OpenerRole::date_field},
    {"place", OpenerRole::place_field},
}};

constexpr std::string_view salute_starts[] = {
    "dear ",    "my dear ",  "esteemed ", "respected ", "honoured ",      "honored ",
    "comrades", "gentlemen", "sir",       "madam",      "уважаемый ",     "уважаемые ",
    "дорогой ", "дорогие ",  "товарищи",  "liebe ",     "sehr geehrter ", "sehr geehrte ",
    "drodzy ",  "szanowni ", "kedves ",   "tisztelt ",  "chers ",         "cher ",
};

constexpr std::string_view closing_starts[] = {
    "with communist greetings",
    "with comradely greetings",
    "with fraternal greetings",
    "with socialist greetings",
    "with respect",
    "with best regards",
    "with best wishes",
    "respectfully",
    "sincerely",
    "yours",
    "best regards",
    "kind regards",
    "faithfully",
    "с коммунистическим приветом",
    "с товарищеским приветом",
    "с уважением",
    "mit sozialistischem gruß",
    "mit freundlichen grüßen",
    "z komunistycznym pozdrowieniem",
    "elvtársi üdvözlettel",
};

constexpr std::array<std::pair<std::string_view, ListKind>, 12> list_heads{{
    {"list", ListKind::distribution},
    {"distribution", ListKind::distribution},
    {"distribution list", ListKind::distribution},
    {"recipients", ListKind::distribution},
    {"copies to", ListKind::distribution},
    {"addressees", ListKind::distribution},
    {"список", ListKind::distribution},
    {"рассылка", ListKind::distribution},
    {"participants", ListKind::participants},
    {"present", ListKind::participants},
    {"attendees", ListKind::participants},
    {"присутствовали", ListKind::participants},
}};

constexpr std::string_view non_speakers[] = {
    "note",       "nb",        "n.b",          "subject",      "from",
    "to",         "cc",        "re",           "ps",           "p.s",
    "attachment", "enclosure", "distribution", "participants", "date",
    "place",      "time",      "list",         "no",           "copy",
    "top secret", "secret",    "confidential", "memorandum",   "translator's note",
};

constexpr std::array<std::pair<std::string_view, std::string_view>, 48> languages{{
    {"english", "en"},        {"russian", "ru"},    {"german", "de"},    {"french", "fr"},
    {"polish", "pl"},         {"hungarian", "hu"},  {"czech", "cs"},     {"slovak", "sk"},
    {"bulgarian", "bg"},      {"romanian", "ro"},   {"serbian", "sr"},   {"croatian", "hr"},
    {"serbo-croatian", "sh"}, {"slovenian", "sl"},  {"albanian", "sq"},  {"ukrainian", "uk"},
    {"belarusian", "be"},     {"lithuanian", "lt"}, {"latvian", "lv"},   {"estonian", "et"},
    {"finnish", "fi"},        {"swedish", "sv"},    {"norwegian", "no"}, {"danish", "da"},
    {"dutch", "nl"},          {"italian", "it"},    {"spanish", "es"},   {"portuguese", "pt"},
    {"greek", "el"},          {"turkish", "tr"},    {"arabic", "ar"},    {"persian", "fa"},
    {"farsi", "fa"},          {"dari", "prs"},      {"pashto", "ps"},    {"hebrew", "he"},
    {"chinese", "zh"},        {"japanese", "ja"},   {"korean", "ko"},    {"vietnamese", "vi"},
    {"mongolian", "mn"},      {"hindi", "hi"},      {"русский", "ru"},   {"deutsch", "de"},
    {"polski", "pl"},         {"magyar", "hu"},     {"čeština", "cs"},   {"български", "bg"},
}};

constexpr std::array<std::pair<std::string_view, int>, 64> months{{
    {"january", 1},   {"february", 2},  {"march", 3},     {"april", 4},     {"may", 5},
    {"june", 6},      {"july", 7},      {"august", 8},    {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},       {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"jun", 6},       {"jul", 7},       {"aug", 8},       {"sep", 9},
    {"sept", 9},      {"oct", 10},      {"nov", 11},      {"dec", 12},      {"januar", 1},
    {"februar", 2},   {"märz", 3},      {"juni", 6},      {"juli", 7},      {"oktober", 10},
    {"dezember", 12}, {"janvier", 1},   {"février", 2},   {"mars", 3},      {"avril", 4},
    {"mai", 5},       {"juin", 6},      {"juillet", 7},   {"août", 8},      {"septembre", 9},
    {"octobre", 10},  {"novembre", 11}, {"décembre", 12}, {"января", 1},    {"февраля", 2},
    {"марта", 3},     {"апреля", 4},    {"мая", 5},       {"июня", 6},      {"июля", 7},
    {"августа", 8},   {"сентября", 9},  {"октября", 10},  {"ноября", 11},   {"декабря", 12},
    {"январь", 1},    {"февраль", 2},   {"март", 3},      {"апрель", 4},    {"июнь", 6},
    {"июль", 7},      {"август", 8},    {"сентябрь", 9},  {"октябрь", 10},
}};

constexpr std::string_view organisation_words[] = {
    "party",      "committee",    "ministry",     "embassy",
    "department", "council",      "union",        "government",
    "bureau",     "office",       "commission",   "presidium",
    "politburo",  "secretariat",  "agency",       "front",
    "league",     "organization", "organisation", "association",
    "parliament", "assembly",     "academy",      "institute",
    "army",       "command",      "directorate",  "administration",
    "republic",   "federation",   "legation",     "consulate",
    "mission",    "cc",           "cpsu",         "kgb",
    "akehl",      "цк",           "кпсс",         "министерство",
    "посольство", "партия",       "комитет",      "совет",
};

constexpr std::string_view person_words[] = {
    "comrade", "ambassador", "minister",  "secretary",  "president", "chairman",
    "general", "marshal",    "mr.",       "mrs.",       "ms.",       "dr.",
    "prof.",   "consul",     "premier",   "chancellor", "товарищ",   "посол",
    "министр", "genosse",    "towarzysz", "elvtárs",
};

constexpr std::string_view archive_words[] = {
    "archive",    "archives", "archiv",   "archiwum", "library",
    "collection", "records",  "levéltár", "архив",
};

constexpr std::string_view reference_words[] = {
    "fond", "f.",     "opis",  "op.",  "delo", "d.",   "listy", "list", "ll.",
    "l.",   "folder", "box",   "file", "reel", "page", "pages", "p.",   "pp.",
    "rg",   "series", "sygn.", "ф.",   "оп.",  "д.",   "лл.",   "л.",
};

bool contains_word(std::string_view text, std::span<const std::string_view> words) {
  const std::string lower = to_lower(text);
  for (auto word : split_words(lower)) {
    std::string w(word);
    while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ')')) w.pop_back();
    while (!w.empty() && w.front() == '(') w.erase(w.begin());
    if (std::find(words.begin(), words.end(), w) != words.end()) return true;
  }
  return false;
}

std::string normalise_line(std::string_view line) {
  std::string text = to_lower(strip_brackets(line));
  while (!text.empty() &&
         (text.back() == '.' || text.back() == ':' || text.back() == ',' || text.back() == ' '))
    text.pop_back();
  return text;
}

}  // namespace

std::span<const MarkRule> mark_rules() {
  return mark_table;
}

std::span<const EditorialConvention> editorial_conventions() {
  return conventions;
}

std::optional<model::OpenerRole> mark_role(std::string_view line) {
  std::string text = normalise_line(line);
  for (const auto& mark : opener_marks)
    if (text == mark.words) return mark.role;
  if (text.starts_with("copy no") || text.starts_with("copy №") || text.starts_with("экз."))
    return OpenerRole::handling;
  return std::nullopt;
}

std::optional<model::OpenerRole> opener_label_role(std::string_view label) {
  std::string text = to_lower(trim(label));
  for (const auto& [name, role] : opener_labels)
    if (text == name) return role;
  return std::nullopt;
}

bool is_salute(std::string_view line) {
  std::string_view text = trim(line);
  if (text.empty() || split_words(text).size() > 10) return false;
  char last = text.back();
  if (last != ',' && last != '!' && last != ':') return false;
  std::string lower = to_lower(text);
  return std::any_of(std::begin(salute_starts), std::end(salute_starts),
                     [&](std::string_view start) { return lower.starts_with(start); });
}

bool is_closing_salute(std::string_view line) {
  std::string_view text = trim(line);
  if (text.empty() || split_words(text).size() > 8) return false;
  std::string lower = to_lower(text);
  return std::any_of(std::begin(closing_starts), std::end(closing_starts),
                     [&](std::string_view start) { return lower.starts_with(start); });
}

std::optional<model::ListKind> list_head_kind(std::string_view line) {
  std::string text = normalise_line(line);
  for (const auto& [name, kind] : list_heads)
    if (text == name) return kind;
  return std::nullopt;
}

bool is_non_speaker_label(std::string_view label) {
  std::string text = normalise_line(label);
  return std::find(std::begin(non_speakers), std::end(non_speakers), text) !=
         std::end(non_speakers);
}

std::optional<std::string_view> language_code(std::string_view name) {
  std::string text = normalise_line(name);
  for (const auto& [language, code] : languages)
    if (text == language) return code;
  return std::nullopt;
}

int month_number(std::string_view name) {
  std::string text = to_lower(name);
  while (!text.empty() && (text.back() == '.' || text.back() == ',')) text.pop_back();
  for (const auto& [month, number] : months)
    if (text == month) return number;
  return 0;
}

// Stems for inflected languages: "комитетам", "партий".
constexpr std::string_view organisation_stems[] = {
    "комитет", "парти", "министерств", "посольств", "ведомств", "komitet", "partii", "partei",
};

bool is_organisation(std::string_view name) {
  if (contains_word(name, organisation_words)) return true;
  const std::string lower = to_lower(name);
  for (auto word : split_words(lower))
    for (auto stem : organisation_stems)
      if (word.starts_with(stem)) return true;
  return false;
}

bool is_person(std::string_view name) {
  if (contains_word(name, person_words)) return true;
  auto words = split_words(name);
  if (words.size() < 2 || words.size() > 4) return false;
  return std::all_of(words.begin(), words.end(),
                     [](std::string_view w) { return is_upper(first_code_point(w)); });
}

model::AgentKind classify_agent(std::string_view name) {
  auto words = split_words(name);
  if (words.size() > 1 && contains_word(words.front(), person_words) &&
      !contains_word(words.front(), organisation_words))
    return model::AgentKind::person;  // "Comrade X", "Ambassador Y"
  if (is_organisation(name)) return model::AgentKind::organisation;
  if (is_person(name)) return model::AgentKind::person;
  return model::AgentKind::unknown;
}

bool is_archive_name(std::string_view segment) {
  return contains_word(segment, archive_words);
}

bool is_archival_reference(std::string_view segment) {
  auto words = split_words(trim(segment));
  if (words.size() < 2) return false;
  std::string first = to_lower(words[0]);
  if (std::find(std::begin(reference_words), std::end(reference_words), first) ==
      std::end(reference_words))
    return false;
  char32_t next = first_code_point(words[1]);
  return next >= '0' && next <= '9';
}

std::optional<KnownField> known_field(std::string_view label) {
  std::string text = normalise_line(label);
  if (text == "citation") return KnownField::citation;
  if (text == "summary") return KnownField::summary;
  if (text == "original language") return KnownField::original_language;
  if (text == "contents") return KnownField::contents;
  return std::nullopt;
}

}  // namespace teikit::transcript
