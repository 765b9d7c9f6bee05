#include "transcript/citation.hpp"

#include <cctype>

#include "transcript/dates.hpp"
#include "transcript/rules.hpp"
#include "transcript/text_util.hpp"

namespace teikit::transcript {
namespace {

using model::CitationPart;
using model::CitationRole;

bool is_quote_start(std::string_view text) {
  return text.starts_with('"') || text.starts_with("“") || text.starts_with("«");
}

bool is_quoted(std::string_view text) {
  return is_quote_start(text) &&
         (text.ends_with('"') || text.ends_with("”") || text.ends_with("»")) && text.size() > 2;
}

// Splits at ", " outside quotes and parentheses.
std::vector<std::string_view> split_segments(std::string_view text) {
  std::vector<std::string_view> segments;
  int parens = 0;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(') ++parens;
    if (c == ')' && parens > 0) --parens;
    if (c == '"' && parens == 0) quoted = !quoted;
    if (text.substr(i).starts_with("“") || text.substr(i).starts_with("«")) quoted = true;
    if (text.substr(i).starts_with("”") || text.substr(i).starts_with("»")) quoted = false;
    if (c == ',' && i + 1 < text.size() && text[i + 1] == ' ' && parens == 0 && !quoted) {
      segments.push_back(text.substr(start, i - start));
      start = i + 2;
      ++i;
    }
  }
  segments.push_back(text.substr(start));
  // "December 27, 1979" is one segment.
  std::vector<std::string_view> merged;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (i + 1 < segments.size() && !parse_date(segments[i])) {
      std::string_view both(segments[i].data(),
                            segments[i + 1].data() + segments[i + 1].size() - segments[i].data());
      if (parse_date(both)) {
        merged.push_back(both);
        ++i;
        continue;
      }
    }
    merged.push_back(segments[i]);
  }
  return merged;
}

// Finds ". Translated" / ". Translation" outside quotes; returns npos when absent.
std::size_t translation_start(std::string_view text) {
  bool quoted = false;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (!quoted && text[i] == '.' && text[i + 1] == ' ' &&
        starts_with_nocase(text.substr(i + 2), "translat"))
      return i + 2;
  }
  return std::string_view::npos;
}

void push(std::vector<CitationPart>& parts, CitationRole role, std::string_view text,
          std::string when = {}) {
  if (text.empty()) return;
  if (role == CitationRole::text && !parts.empty() && parts.back().role == CitationRole::text) {
    parts.back().text += text;
    return;
  }
  parts.push_back(CitationPart{role, std::string(text), std::move(when)});
}

void push_quoted(std::vector<CitationPart>& parts, CitationRole role, std::string_view text) {
  // Quote marks in bytes: " is 1, « and » are 2, “ and ” are 3.
  std::size_t open = text.starts_with('"') ? 1 : text.starts_with("“") ? 3 : 2;
  std::size_t close = text.ends_with('"') ? 1 : text.ends_with("”") ? 3 : 2;
  push(parts, CitationRole::text, text.substr(0, open));
  push(parts, role, text.substr(open, text.size() - open - close));
  push(parts, CitationRole::text, text.substr(text.size() - close));
}

void parse_main(std::vector<CitationPart>& parts, std::string_view text) {
  std::string_view trailing;
  if (text.ends_with('.')) {
    trailing = text.substr(text.size() - 1);
    text.remove_suffix(1);
  }
  auto segments = split_segments(text);
  std::vector<CitationRole> roles(segments.size(), CitationRole::text);
  bool date_done = false;
  bool publisher_done = false;
  std::size_t source_title = segments.size();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    std::string_view seg = trim(segments[i]);
    if (i == 0) {
      roles[i] = CitationRole::title;
    } else if (i > source_title) {
      if (std::isdigit(static_cast<unsigned char>(seg.front())) && parse_date(seg)) {
        roles[i] = CitationRole::year;
      } else if (roles[i - 1] == CitationRole::source_title) {
        roles[i] = CitationRole::source_publisher;
      } else if (roles[i - 1] == CitationRole::source_publisher) {
        roles[i] = CitationRole::place;
      }
    } else if (!date_done && parse_date(seg)) {
      roles[i] = CitationRole::date;
      date_done = true;
    } else if (is_archival_reference(seg)) {
      roles[i] = CitationRole::archival_reference;
      if (roles[i - 1] == CitationRole::text && i > 1) roles[i - 1] = CitationRole::archive;
    } else if (is_archive_name(seg)) {
      roles[i] = publisher_done ? CitationRole::archive : CitationRole::publisher;
      publisher_done = true;
    } else if (is_quoted(seg) && i > 0) {
      roles[i] = CitationRole::source_title;
      source_title = i;
      if (roles[i - 1] == CitationRole::text) roles[i - 1] = CitationRole::author;
    }
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (i > 0) {
      // Consecutive archival reference segments form one reference.
      if (roles[i] == CitationRole::archival_reference &&
          roles[i - 1] == CitationRole::archival_reference) {
        parts.back().text += ", ";
        parts.back().text += segments[i];
        continue;
      }
      push(parts, CitationRole::text, ", ");
    }
    std::string_view seg = segments[i];
    CitationRole role = roles[i];
    if ((role == CitationRole::title || role == CitationRole::source_title) && is_quoted(seg)) {
      push_quoted(parts, role, seg);
    } else if (role == CitationRole::date || role == CitationRole::year) {
      push(parts, role, seg, parse_date(seg).value_or(""));
    } else {
      push(parts, role, seg);
    }
  }
  push(parts, CitationRole::text, trailing);
}

void parse_translation(std::vector<CitationPart>& parts, std::string_view text) {
  std::size_t by = text.find(" by ");
  if (by == std::string_view::npos) {
    push(parts, CitationRole::text, text);
    return;
  }
  std::string_view name = text.substr(by + 4);
  std::string_view trailing;
  if (name.ends_with('.')) {
    trailing = name.substr(name.size() - 1);
    name.remove_suffix(1);
  }
  push(parts, CitationRole::translation, text.substr(0, by + 3));
  push(parts, CitationRole::text, " ");
  push(parts, CitationRole::translator, name);
  push(parts, CitationRole::text, trailing);
}

}  // namespace

std::vector<model::CitationPart> parse_citation(std::string_view citation, std::string& url) {
  std::vector<CitationPart> parts;
  std::string_view text = trim(citation);
  std::string_view url_text;
  if (text.ends_with('>')) {
    std::size_t open = text.rfind('<');
    if (open != std::string_view::npos) {
      url_text = text.substr(open + 1, text.size() - open - 2);
      text = text.substr(0, open);
    }
  } else if (std::size_t space = text.rfind(' ');
             space != std::string_view::npos && (text.substr(space + 1).starts_with("http://") ||
                                                 text.substr(space + 1).starts_with("https://"))) {
    url_text = text.substr(space + 1);
    text = text.substr(0, space + 1);
  }
  std::string_view spacing;
  std::size_t body_end = text.find_last_not_of(' ');
  if (body_end != std::string_view::npos) {
    spacing = text.substr(body_end + 1);
    text = text.substr(0, body_end + 1);
  }
  std::size_t translation = translation_start(text);
  parse_main(parts,
             text.substr(0, translation == std::string_view::npos ? text.size() : translation - 1));
  if (translation != std::string_view::npos) {
    push(parts, CitationRole::text, " ");
    parse_translation(parts, text.substr(translation));
  }
  if (!url_text.empty()) {
    push(parts, CitationRole::text, spacing.empty() ? std::string_view(" ") : spacing);
    push(parts, CitationRole::url, url_text);
    url = std::string(url_text);
  }
  return parts;
}

}  // namespace teikit::transcript
