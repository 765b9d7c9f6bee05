#include "transcript/lines.hpp"

namespace teikit::transcript {
namespace {

Line make_line(std::string_view raw, int number) {
  Line line;
  line.number = number;
  std::size_t end = raw.size();
  std::size_t trailing = 0;
  while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == '\t' || raw[end - 1] == '\r' ||
                     raw[end - 1] == '\f')) {
    if (raw[end - 1] == ' ') ++trailing;
    --end;
  }
  std::string_view content = raw.substr(0, end);
  if (trailing >= 2) line.hard = true;
  if (!content.empty() && content.back() == '\\' &&
      (content.size() < 2 || content[content.size() - 2] != '\\')) {
    line.hard = true;
    content.remove_suffix(1);
  }
  std::size_t start = content.find_first_not_of(" \t");
  if (start == std::string_view::npos) return line;
  bool space = false;
  for (char c : content.substr(start)) {
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      space = true;
      continue;
    }
    if (space) line.text += ' ';
    space = false;
    line.text += c;
  }
  return line;
}

}  // namespace

std::vector<RawBlock> split_blocks(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<RawBlock> blocks;
  RawBlock current;
  int number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    Line line = make_line(text.substr(pos, end - pos), number);
    if (line.text.empty()) {
      if (!current.lines.empty()) blocks.push_back(std::move(current));
      current = RawBlock{};
    } else {
      current.lines.push_back(std::move(line));
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  if (!current.lines.empty()) blocks.push_back(std::move(current));
  return blocks;
}

}  // namespace teikit::transcript
