#pragma once

// First stage of the reader: bytes → lines → blank-line separated blocks.

#include <string>
#include <string_view>
#include <vector>

namespace teikit::transcript {

/// One input line, trailing white space removed, tabs and runs of spaces collapsed.
struct Line {
  std::string text;
  int number = 0;     // 1-based line number in the input
  bool hard = false;  // ended in a Markdown hard break (two spaces or a backslash)
};

/// Lines with no blank line between them.
struct RawBlock {
  std::vector<Line> lines;
  int line() const { return lines.empty() ? 0 : lines.front().number; }
};

/// Splits valid UTF-8 text (with or without BOM, LF or CRLF) into blocks.
std::vector<RawBlock> split_blocks(std::string_view text);

}  // namespace teikit::transcript
