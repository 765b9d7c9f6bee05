#include "transcript/opener_lines.hpp"

#include <cctype>

#include "transcript/dates.hpp"
#include "transcript/inline_parser.hpp"
#include "transcript/rules.hpp"
#include "transcript/text_util.hpp"

namespace teikit::transcript {
namespace {

using model::OpenerLine;
using model::OpenerRole;

OpenerLine make_line(OpenerRole role, std::string_view line, std::string_view value) {
  OpenerLine out;
  out.role = role;
  out.value = std::string(trim(value));
  if (role == OpenerRole::date_field || role == OpenerRole::dateline) {
    out.content = inlines_with_date(line, &out.when);
  } else {
    out.content = parse_inlines(line);
  }
  return out;
}

// "Moscow, 14 February 1980" or "14 February 1980": a short place, a comma, a date.
bool is_dateline(std::string_view line) {
  auto match = find_trailing_date(line);
  if (!match) return false;
  std::string_view place = trim(line.substr(0, match->begin));
  if (place.empty()) return true;
  if (place.back() != ',') return false;
  place.remove_suffix(1);
  auto words = split_words(place);
  return !words.empty() && words.size() <= 4 && is_upper(first_code_point(place));
}

}  // namespace

model::Inlines inlines_with_date(std::string_view line, std::string* when) {
  auto match = find_trailing_date(line);
  if (!match) return parse_inlines(line);
  model::Inlines out = parse_inlines(line.substr(0, match->begin));
  model::Inline date;
  date.kind = model::InlineKind::date;
  date.value = match->when;
  date.children = parse_inlines(line.substr(match->begin, match->end - match->begin));
  out.push_back(std::move(date));
  for (auto& rest : parse_inlines(line.substr(match->end))) out.push_back(std::move(rest));
  if (when != nullptr) *when = match->when;
  return out;
}

std::optional<model::OpenerLine> classify_opener_line(std::string_view line) {
  // Judge the words without markup and without editorial brackets ("Flash [precedence]").
  std::string plain = plain_text(parse_inlines(strip_brackets(line)));
  if (auto role = mark_role(plain)) return make_line(*role, line, plain);
  if (auto colon = line.find(':'); colon != std::string_view::npos && colon <= 20) {
    if (auto role = opener_label_role(line.substr(0, colon)))
      return make_line(*role, line, line.substr(colon + 1));
  }
  for (std::string_view prefix : {"No. ", "No ", "№ "}) {
    if (line.starts_with(prefix) && line.size() > prefix.size() &&
        first_code_point(line.substr(prefix.size())) < 0x80 &&
        std::isdigit(static_cast<unsigned char>(line[prefix.size()])))
      return make_line(OpenerRole::number, line, line.substr(prefix.size()));
  }
  if (is_dateline(line)) return make_line(OpenerRole::dateline, line, line);
  std::string caps = strip_brackets(plain);
  if (is_all_upper(caps) && caps.back() != '.' && split_words(caps).size() <= 10) {
    if (caps.starts_with("TO ")) return make_line(OpenerRole::address, line, caps.substr(3));
    return make_line(OpenerRole::heading, line, caps);
  }
  return std::nullopt;
}

}  // namespace teikit::transcript
