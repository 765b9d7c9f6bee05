#include "transcript/inline_parser.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "transcript/rules.hpp"
#include "transcript/text_util.hpp"

namespace teikit::transcript {
namespace {

using model::Inline;
using model::InlineKind;
using model::Inlines;

bool is_space(char c) {
  return c == ' ' || c == '\n';
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Accumulates inlines, merging adjacent text.
class InlineBuilder {
 public:
  void text(std::string_view value) {
    if (value.empty()) return;
    if (!out_.empty() && out_.back().kind == InlineKind::text) {
      out_.back().text += value;
    } else {
      out_.push_back(Inline{InlineKind::text, std::string(value), {}, {}});
    }
  }
  void add(Inline inline_) { out_.push_back(std::move(inline_)); }
  // Removes what a following [sic] qualifies from the trailing text: a quoted phrase
  // ("December 1977" → December 1977, quotes kept outside) or the last word (without
  // trailing punctuation). Returns the span and the punctuation that followed it.
  std::pair<std::string, std::string> take_sic_span() {
    if (out_.empty() || out_.back().kind != InlineKind::text) return {};
    std::string& text = out_.back().text;
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t start = end;
    std::size_t core_end = end;
    if (end >= 2 && text[end - 1] == '"') {
      std::size_t open = text.rfind('"', end - 2);
      if (open != std::string::npos && open + 1 < end - 1) {
        start = open + 1;
        core_end = end - 1;
      }
    }
    if (start == end) {
      while (start > 0 && !is_space(text[start - 1])) --start;
      while (core_end > start && std::ispunct(static_cast<unsigned char>(text[core_end - 1])))
        --core_end;
      while (start < core_end && std::ispunct(static_cast<unsigned char>(text[start]))) ++start;
    }
    if (start >= core_end) return {};
    std::string core = text.substr(start, core_end - start);
    std::string trailing = text.substr(core_end, end - core_end);
    text.erase(start);
    if (text.empty()) out_.pop_back();
    return {core, trailing};
  }
  Inlines finish() { return std::move(out_); }

 private:
  Inlines out_;
};

Inline make(InlineKind kind, std::string text = {}, std::string value = {}, Inlines children = {}) {
  return Inline{kind, std::move(text), std::move(value), std::move(children)};
}

// Handles a bracket's content that is not a link: anchors, marks, insertions.
void bracket(InlineBuilder& out, std::string_view content) {
  std::string_view inner = trim(content);
  if (all_digits(inner) && inner.size() <= 5) {  // a footnote anchor; the reader decides
    out.add(make(InlineKind::note_anchor, {}, std::string(inner)));
    return;
  }
  std::string lower = to_lower(inner);
  for (const auto& rule : mark_rules()) {
    if (lower != rule.text) continue;
    switch (rule.kind) {
      case MarkKind::sic: {
        auto [span, trailing] = out.take_sic_span();
        if (span.empty()) {
          out.add(make(InlineKind::sic, {}, std::string(inner)));
        } else {
          out.add(make(InlineKind::sic, {}, std::string(inner), {make(InlineKind::text, span)}));
          out.text(trailing);
        }
        return;
      }
      case MarkKind::gap:
        out.add(make(InlineKind::gap, {}, std::string(rule.reason)));
        return;
      case MarkKind::vocal:
        out.add(make(InlineKind::vocal, std::string(inner), std::string(rule.reason)));
        return;
      case MarkKind::incident:
        out.add(make(InlineKind::incident, std::string(inner), std::string(rule.reason)));
        return;
      case MarkKind::page_break:
        break;
    }
  }
  // "N words illegible", "N lines illegible"
  auto words = split_words(lower);
  if (words.size() == 3 && all_digits(words[0]) && (words[2] == "illegible")) {
    out.add(
        make(InlineKind::gap, std::string(words[0]) + " " + std::string(words[1]), "illegible"));
    return;
  }
  // "Page N", "p. N"
  if (words.size() == 2 && (words[0] == "page" || words[0] == "p.") && !words[1].empty()) {
    out.add(make(InlineKind::page_break, {}, std::string(split_words(inner)[1])));
    return;
  }
  out.add(make(InlineKind::supplied, {}, {}, {make(InlineKind::text, std::string(inner))}));
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Inlines parse(std::size_t begin, std::size_t end) {
    InlineBuilder out;
    std::size_t pos = begin;
    std::size_t plain = begin;
    auto flush = [&](std::size_t upto) { emit_text(out, text_.substr(plain, upto - plain)); };
    while (pos < end) {
      char c = text_[pos];
      if (c == '\\' && pos + 1 < end && std::ispunct(static_cast<unsigned char>(text_[pos + 1]))) {
        flush(pos);
        out.text(text_.substr(pos + 1, 1));
        pos += 2;
        plain = pos;
        continue;
      }
      if (c == '*' && pos + 1 < end && text_[pos + 1] == '*') {
        std::size_t close = find("**", pos + 2);
        if (close != std::string_view::npos && close < end && close > pos + 2 &&
            !is_space(text_[pos + 2])) {
          flush(pos);
          out.add(make(InlineKind::bold, {}, {}, parse(pos + 2, close)));
          pos = close + 2;
          plain = pos;
          continue;
        }
      } else if (c == '*' && pos + 1 < end && !is_space(text_[pos + 1])) {
        std::size_t close = find("*", pos + 1);
        if (close != std::string_view::npos && close < end && !is_space(text_[close - 1]) &&
            (close + 1 >= end || text_[close + 1] != '*')) {
          flush(pos);
          out.add(make(InlineKind::italic, {}, {}, parse(pos + 1, close)));
          pos = close + 1;
          plain = pos;
          continue;
        }
      } else if (c == '<') {
        if (auto done = html(out, pos, end, flush)) {
          pos = done;
          plain = pos;
          continue;
        }
      } else if (c == '[') {
        std::size_t close = pos + 1;
        while (close < end && text_[close] != ']' && text_[close] != '[' && text_[close] != '\n')
          ++close;
        if (close < end && text_[close] == ']' && close > pos + 1) {
          flush(pos);
          std::string_view content = text_.substr(pos + 1, close - pos - 1);
          if (close + 1 < end && text_[close + 1] == '(') {
            std::size_t paren = find(")", close + 2);
            std::size_t space = std::min(find(" ", close + 2), find("\n", close + 2));
            if (paren != std::string_view::npos && paren < end && space > paren) {
              std::string url(text_.substr(close + 2, paren - close - 2));
              out.add(make(InlineKind::link, {}, url, parse(pos + 1, close)));
              pos = paren + 1;
              plain = pos;
              continue;
            }
          }
          bracket(out, content);
          pos = close + 1;
          plain = pos;
          continue;
        }
      }
      ++pos;
    }
    flush(end);
    return out.finish();
  }

 private:
  template <typename Flush>
  std::size_t html(InlineBuilder& out, std::size_t pos, std::size_t end, Flush& flush) {
    std::string_view rest = text_.substr(pos, end - pos);
    for (auto [open, kind] : {std::pair{std::string_view("<sup>"), InlineKind::superscript},
                              std::pair{std::string_view("<sub>"), InlineKind::subscript}}) {
      if (!rest.starts_with(open)) continue;
      std::string close_tag = "</" + std::string(open.substr(1));
      std::size_t close = find(close_tag == "</sup>" ? "</sup>" : "</sub>", pos + open.size());
      if (close == std::string_view::npos || close >= end) return 0;
      flush(pos);
      out.add(make(kind, {}, {}, parse(pos + open.size(), close)));
      return close + close_tag.size();
    }
    if (rest.starts_with("<http://") || rest.starts_with("<https://") ||
        rest.starts_with("<mailto:")) {
      std::size_t found = find(">", pos);
      if (found == std::string_view::npos || found >= end) return 0;
      std::size_t close = found - pos;
      if (rest.substr(1, close - 1).find_first_of(" \n<") != std::string_view::npos) return 0;
      flush(pos);
      std::string url(rest.substr(1, close - 1));
      out.add(make(InlineKind::link, {}, url, {make(InlineKind::text, url)}));
      return pos + close + 1;
    }
    return 0;
  }

  static void emit_text(InlineBuilder& out, std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\n') continue;
      out.text(text.substr(start, i - start));
      out.add(make(InlineKind::line_break));
      start = i + 1;
    }
    out.text(text.substr(start));
  }

  // The next occurrence of `needle` at or after `from`. Searches only move forward, and a
  // result is reused while `from` has not passed it, so that text full of unmatched
  // openers ("<sup>" × 100,000) is still scanned in linear time.
  std::size_t find(std::string_view needle, std::size_t from) {
    Memo& memo = memos_[needle];
    if (memo.valid && from >= memo.from &&
        (memo.result == std::string_view::npos || from <= memo.result))
      return memo.result;
    memo = Memo{true, from, text_.find(needle, from)};
    return memo.result;
  }

  struct Memo {
    bool valid = false;
    std::size_t from = 0;
    std::size_t result = 0;
  };
  std::string_view text_;
  std::map<std::string_view, Memo> memos_;
};

}  // namespace

std::string join_lines(const std::vector<Line>& lines, std::size_t first) {
  std::string text;
  for (std::size_t i = first; i < lines.size(); ++i) {
    if (i > first) text += lines[i - 1].hard ? '\n' : ' ';
    text += lines[i].text;
  }
  return text;
}

model::Inlines parse_inlines(std::string_view text) {
  return Parser(text).parse(0, text.size());
}

std::string plain_text(const model::Inlines& inlines) {
  std::string out;
  for (const auto& node : inlines) {
    switch (node.kind) {
      case InlineKind::text:
        out += node.text;
        break;
      case InlineKind::line_break:
        out += ' ';
        break;
      case InlineKind::note_anchor:
      case InlineKind::gap:
      case InlineKind::page_break:
      case InlineKind::vocal:
      case InlineKind::incident:
        break;
      default:
        out += plain_text(node.children);
    }
  }
  return out;
}

}  // namespace teikit::transcript
