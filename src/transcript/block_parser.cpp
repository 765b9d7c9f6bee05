#include "transcript/block_parser.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "transcript/inline_parser.hpp"
#include "transcript/opener_lines.hpp"
#include "transcript/rules.hpp"
#include "transcript/text_util.hpp"

namespace teikit::transcript {
namespace {

using model::Block;
using model::BlockKind;
using model::ListItem;
using model::ListKind;
using model::OpenerLine;
using model::OpenerRole;

// A block under construction: paragraph texts are parsed into inlines only at the end, so
// that a paragraph broken by a spurious blank line can still be joined.
struct Draft {
  Block block;
  std::vector<std::string> texts;  // paragraph (1) or speech paragraphs (n)
};

struct Marker {
  std::string n;     // "1", "-", "*"
  std::size_t skip;  // bytes of marker and following space
};

// "1. ", "12) ", "- ", "* ", "• "
std::optional<Marker> list_marker(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && digits < 4 &&
         std::isdigit(static_cast<unsigned char>(line[digits])))
    ++digits;
  if (digits > 0 && digits <= 3 && digits + 1 < line.size() &&
      (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
    return Marker{std::string(line.substr(0, digits)), digits + 2};
  for (std::string_view bullet : {"- ", "* ", "• ", "– "})
    if (line.starts_with(bullet) && line.size() > bullet.size())
      return Marker{std::string(bullet.substr(0, bullet.size() - 1)), bullet.size()};
  return std::nullopt;
}

bool is_numbered(const Marker& marker) {
  return std::isdigit(static_cast<unsigned char>(marker.n[0]));
}

std::optional<std::string> page_mark(std::string_view line) {
  if (line.size() < 3 || line.front() != '[' || line.back() != ']') return std::nullopt;
  auto words = split_words(line.substr(1, line.size() - 2));
  if (words.size() != 2) return std::nullopt;
  std::string first = to_lower(words[0]);
  if (first != "page" && first != "p.") return std::nullopt;
  return std::string(words[1]);
}

// "BREZHNEV. text", "A. A. GROMYKO: text": returns the speaker label (with its punctuation)
// and where the speech starts.
std::optional<std::pair<std::string, std::size_t>> speaker_prefix(std::string_view line) {
  std::optional<std::pair<std::string, std::size_t>> best;
  const std::size_t limit = std::min<std::size_t>(line.size(), 80);
  for (std::size_t pos = 0; pos + 1 < limit; ++pos) {
    char c = line[pos];
    if ((c != '.' && c != ':') || line[pos + 1] != ' ') continue;
    std::string_view name = line.substr(0, pos);
    if (!is_all_upper(name)) break;
    bool has_run = false;
    for (std::size_t i = 0; i + 1 < name.size(); ++i)
      if (std::isupper(static_cast<unsigned char>(name[i])) &&
          std::isupper(static_cast<unsigned char>(name[i + 1])))
        has_run = true;
    if (!has_run && (static_cast<unsigned char>(name[0]) >= 0x80)) has_run = name.size() >= 4;
    std::string_view rest = trim(line.substr(pos + 1));
    if (has_run && !rest.empty() && !is_non_speaker_label(name)) {
      best = std::pair{std::string(line.substr(0, pos + 1)), pos + 2};
      if (c == ':') break;
    }
  }
  return best;
}

bool ends_sentence(std::string_view text) {
  text = trim(text);
  if (text.empty()) return true;
  static constexpr std::string_view enders = ".!?:;\"')]";
  return enders.find(text.back()) != std::string_view::npos || text.ends_with("»") ||
         text.ends_with("”") || text.ends_with("…");
}

// A short block that can be a signature: few lines, none of them a long sentence.
bool is_signature(const RawBlock& block) {
  if (block.lines.size() > 6) return false;
  return std::all_of(block.lines.begin(), block.lines.end(), [](const Line& line) {
    return line.text.size() <= 120 && !list_marker(line.text) && !line.text.starts_with("[");
  });
}

model::Agent item_agent(const std::string& text, ListKind kind) {
  std::string name = plain_text(parse_inlines(text));
  if (kind == ListKind::participants) {
    if (auto comma = name.find(','); comma != std::string::npos) name.resize(comma);
  }
  while (!name.empty() && (name.back() == ';' || name.back() == ',' || name.back() == '.'))
    name.pop_back();
  name = std::string(trim(name));
  model::AgentKind agent = classify_agent(name);
  if (kind == ListKind::participants && agent == model::AgentKind::unknown)
    agent = model::AgentKind::person;
  return model::Agent{name, agent};
}

class BodyParser {
 public:
  explicit BodyParser(const std::vector<RawBlock>& blocks) : raw_(blocks) {}

  std::vector<Block> run() {
    for (index_ = 0; index_ < raw_.size(); ++index_) step(raw_[index_]);
    find_final_signature();
    std::vector<Block> out;
    out.reserve(drafts_.size());
    for (auto& draft : drafts_) out.push_back(finish(std::move(draft)));
    return out;
  }

 private:
  void step(const RawBlock& block) {
    const std::string& first = block.lines.front().text;
    if (block.lines.size() == 1) {
      if (auto page = page_mark(first)) {
        Draft draft{Block{}, {}};
        draft.block.kind = BlockKind::page_break;
        draft.block.line = block.line();
        draft.block.value = *page;
        drafts_.push_back(std::move(draft));
        return;
      }
      if (is_salute(first)) {
        // Capitals right above the salutation name the addressee.
        if (opener_phase_ && !drafts_.empty() && drafts_.back().block.kind == BlockKind::opener) {
          OpenerLine& previous = drafts_.back().block.opener.back();
          if (previous.role == OpenerRole::heading) previous.role = OpenerRole::address;
        }
        OpenerLine salute;
        salute.role = OpenerRole::salute;
        salute.content = parse_inlines(first);
        add_opener({salute}, block.line());
        opener_phase_ = false;
        return;
      }
    }
    if (!closed_ && is_closing_salute(first) && block.lines.size() <= 6) {
      closer(block);
      return;
    }
    if (auto kind = list_head_kind(first)) {
      list_with_head(block, *kind);
      return;
    }
    if (opener_phase_) {
      if (auto lines = opener_block(block)) {
        add_opener(std::move(*lines), block.line());
        return;
      }
    }
    opener_phase_ = false;
    if (list_marker(first)) {
      list_items(block);
      return;
    }
    if (auto speaker = speaker_prefix(first)) {
      Draft draft{Block{}, {}};
      draft.block.kind = BlockKind::speech;
      draft.block.line = block.line();
      draft.block.speaker = parse_inlines(speaker->first);
      std::string text = join_lines(block.lines);
      draft.texts.push_back(text.substr(speaker->second));
      drafts_.push_back(std::move(draft));
      return;
    }
    paragraph(block);
  }

  void paragraph(const RawBlock& block) {
    std::string text = join_lines(block.lines);
    if (!drafts_.empty()) {
      Draft& last = drafts_.back();
      bool open_text =
          (last.block.kind == BlockKind::paragraph || last.block.kind == BlockKind::speech) &&
          !last.texts.empty();
      if (open_text && is_lower(first_code_point(text)) && !ends_sentence(last.texts.back())) {
        last.texts.back() += ' ';
        last.texts.back() += text;
        return;
      }
      if (last.block.kind == BlockKind::speech) {
        last.texts.push_back(std::move(text));
        return;
      }
    }
    Draft draft{Block{}, {std::move(text)}};
    draft.block.kind = BlockKind::paragraph;
    draft.block.line = block.line();
    drafts_.push_back(std::move(draft));
  }

  std::optional<std::vector<OpenerLine>> opener_block(const RawBlock& block) {
    std::vector<OpenerLine> lines;
    for (const auto& line : block.lines) {
      auto classified = classify_opener_line(line.text);
      if (!classified) return std::nullopt;
      // All-capitals lines after an address continue it.
      if (!lines.empty() && lines.back().role == OpenerRole::address &&
          classified->role == OpenerRole::heading) {
        lines.back().content.push_back(model::Inline{model::InlineKind::line_break, {}, {}, {}});
        for (auto& part : classified->content) lines.back().content.push_back(std::move(part));
        continue;
      }
      lines.push_back(std::move(*classified));
    }
    return lines;
  }

  void add_opener(std::vector<OpenerLine> lines, int line) {
    if (!drafts_.empty() && drafts_.back().block.kind == BlockKind::opener && opener_phase_) {
      for (auto& l : lines) drafts_.back().block.opener.push_back(std::move(l));
      return;
    }
    Draft draft{Block{}, {}};
    draft.block.kind = BlockKind::opener;
    draft.block.line = line;
    draft.block.opener = std::move(lines);
    drafts_.push_back(std::move(draft));
  }

  void closer(const RawBlock& block) {
    Draft draft{Block{}, {}};
    draft.block.kind = BlockKind::closer;
    draft.block.line = block.line();
    draft.block.closer_salute = parse_inlines(block.lines.front().text);
    for (std::size_t i = 1; i < block.lines.size(); ++i)
      draft.block.signed_lines.push_back(parse_inlines(block.lines[i].text));
    if (draft.block.signed_lines.empty() && index_ + 1 < raw_.size() &&
        is_signature(raw_[index_ + 1]) && !list_head_kind(raw_[index_ + 1].lines.front().text)) {
      ++index_;
      for (const auto& line : raw_[index_].lines)
        draft.block.signed_lines.push_back(parse_inlines(line.text));
    }
    drafts_.push_back(std::move(draft));
    closed_ = true;
    opener_phase_ = false;
  }

  Draft& new_list(ListKind kind, int line) {
    Draft draft{Block{}, {}};
    draft.block.kind = BlockKind::list;
    draft.block.list_kind = kind;
    draft.block.line = line;
    drafts_.push_back(std::move(draft));
    return drafts_.back();
  }

  void add_items(Block& list, const RawBlock& block, std::size_t first_line) {
    for (std::size_t i = first_line; i < block.lines.size(); ++i) {
      const std::string& text = block.lines[i].text;
      auto marker = list_marker(text);
      std::string body = marker ? text.substr(marker->skip) : text;
      bool agents =
          list.list_kind == ListKind::distribution || list.list_kind == ListKind::participants;
      if (!marker && !agents && i > first_line && !block.lines[i - 1].hard) {
        // A wrapped line continues the item before it.
        item_texts_.back() += ' ' + body;
        list.items.back().content = parse_inlines(item_texts_.back());
        continue;
      }
      ListItem item;
      item.n = marker ? marker->n : std::string();
      item.content = parse_inlines(body);
      if (agents) item.agent = item_agent(body, list.list_kind);
      item_texts_.push_back(body);
      list.items.push_back(std::move(item));
    }
  }

  void list_with_head(const RawBlock& block, ListKind kind) {
    opener_phase_ = false;
    Draft& draft = new_list(kind, block.line());
    Block& list = draft.block;
    const std::string& first = block.lines.front().text;
    bool items_follow_head = first.ends_with(":") && block.lines.size() > 1;
    std::size_t head_lines = items_follow_head ? 1 : block.lines.size();
    for (std::size_t i = 0; i < head_lines; ++i)
      list.head.push_back(parse_inlines(block.lines[i].text));
    if (items_follow_head) {
      add_items(list, block, 1);
      return;
    }
    // Blocks that continue the head's sentence (starting in lower case) join the head.
    while (index_ + 1 < raw_.size() && is_lower(first_code_point(raw_[index_ + 1].lines[0].text))) {
      ++index_;
      for (const auto& line : raw_[index_].lines) list.head.push_back(parse_inlines(line.text));
    }
    if (index_ + 1 < raw_.size()) {
      ++index_;
      add_items(list, raw_[index_], 0);
    }
  }

  void list_items(const RawBlock& block) {
    auto marker = list_marker(block.lines.front().text);
    if (!drafts_.empty() && drafts_.back().block.kind == BlockKind::list &&
        !drafts_.back().block.items.empty()) {
      Block& last = drafts_.back().block;
      const std::string& previous = last.items.back().n;
      bool continues = false;
      if (is_numbered(*marker) && !previous.empty() &&
          std::isdigit(static_cast<unsigned char>(previous[0]))) {
        continues = std::stoi(marker->n) == std::stoi(previous) + 1;
      } else {
        continues = marker->n == previous;
      }
      if (continues) {
        add_items(last, block, 0);
        return;
      }
    }
    Draft& draft =
        new_list(is_numbered(*marker) ? ListKind::numbered : ListKind::bulleted, block.line());
    add_items(draft.block, block, 0);
  }

  // A document that ends without a closing salute may still end with a signature: a short
  // block in capitals ("PAWLAK") after the last paragraph.
  void find_final_signature() {
    if (closed_) return;
    for (std::size_t i = drafts_.size(); i-- > 0;) {
      Draft& draft = drafts_[i];
      if (draft.block.kind == BlockKind::page_break || draft.block.kind == BlockKind::list)
        continue;
      if (draft.block.kind != BlockKind::paragraph || i == 0) return;
      const std::string& text = draft.texts.front();
      if (!is_all_upper(text) || text.size() > 200 || ends_sentence(text)) return;
      auto lines = parse_inlines(text);
      draft.block.kind = BlockKind::closer;
      std::vector<model::Inlines> signed_lines(1);
      for (auto& part : lines) {
        if (part.kind == model::InlineKind::line_break) {
          signed_lines.emplace_back();
        } else {
          signed_lines.back().push_back(std::move(part));
        }
      }
      draft.block.signed_lines = std::move(signed_lines);
      draft.texts.clear();
      return;
    }
  }

  static Block finish(Draft draft) {
    Block block = std::move(draft.block);
    if (block.kind == BlockKind::paragraph) {
      block.content = parse_inlines(draft.texts.front());
    } else if (block.kind == BlockKind::speech) {
      for (const auto& text : draft.texts) block.speech.push_back(parse_inlines(text));
    }
    return block;
  }

  const std::vector<RawBlock>& raw_;
  std::size_t index_ = 0;
  std::vector<Draft> drafts_;
  std::vector<std::string> item_texts_;  // source text of list items, for wrapped lines
  bool opener_phase_ = true;
  bool closed_ = false;
};

}  // namespace

std::vector<model::Block> parse_body(const std::vector<RawBlock>& blocks) {
  return BodyParser(blocks).run();
}

}  // namespace teikit::transcript
