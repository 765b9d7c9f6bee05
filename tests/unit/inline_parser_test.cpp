#include "transcript/inline_parser.hpp"

#include <gtest/gtest.h>

namespace teikit::transcript {
namespace {

using model::InlineKind;

// A compact, readable rendering of inlines for assertions.
std::string show(const model::Inlines& inlines) {
  std::string out;
  for (const auto& node : inlines) {
    switch (node.kind) {
      case InlineKind::text:
        out += node.text;
        break;
      case InlineKind::line_break:
        out += "<lb>";
        break;
      case InlineKind::bold:
        out += "<b>" + show(node.children) + "</b>";
        break;
      case InlineKind::italic:
        out += "<i>" + show(node.children) + "</i>";
        break;
      case InlineKind::superscript:
        out += "<sup>" + show(node.children) + "</sup>";
        break;
      case InlineKind::subscript:
        out += "<sub>" + show(node.children) + "</sub>";
        break;
      case InlineKind::link:
        out += "<a " + node.value + ">" + show(node.children) + "</a>";
        break;
      case InlineKind::note_anchor:
        out += "<note " + node.value + ">";
        break;
      case InlineKind::sic:
        out += "<sic " + node.value + ">" + show(node.children) + "</sic>";
        break;
      case InlineKind::supplied:
        out += "<supplied>" + show(node.children) + "</supplied>";
        break;
      case InlineKind::gap:
        out += "<gap " + node.value + (node.text.empty() ? "" : " " + node.text) + ">";
        break;
      case InlineKind::page_break:
        out += "<pb " + node.value + ">";
        break;
      case InlineKind::vocal:
        out += "<vocal " + node.text + ">";
        break;
      case InlineKind::incident:
        out += "<incident " + node.text + ">";
        break;
      case InlineKind::date:
        out += "<date " + node.value + ">" + show(node.children) + "</date>";
        break;
    }
  }
  return out;
}

TEST(InlineParser, EmphasisSuperscriptAndHardBreaks) {
  EXPECT_EQ(show(parse_inlines("a **bold** and *it* N<sup>o</sup> H<sub>2</sub>O\nnext")),
            "a <b>bold</b> and <i>it</i> N<sup>o</sup> H<sub>2</sub>O<lb>next");
}

TEST(InlineParser, LoneAsterisksAndUnclosedMarkupStayText) {
  EXPECT_EQ(show(parse_inlines("5 * 3 and **open")), "5 * 3 and **open");
  EXPECT_EQ(show(parse_inlines("a <sup>b")), "a <sup>b");
  EXPECT_EQ(show(parse_inlines(R"(\*not italic\*)")), "*not italic*");
}

TEST(InlineParser, Links) {
  EXPECT_EQ(
      show(parse_inlines("see [the text](https://example.org/x) and <https://e.org/y>.")),
      "see <a https://example.org/x>the text</a> and <a https://e.org/y>https://e.org/y</a>.");
}

TEST(InlineParser, FootnoteAnchorsAreNumbersOfUpToFiveDigits) {
  EXPECT_EQ(show(parse_inlines("AMBASSADOR[1] and [12] and [10000] but not [123456]")),
            "AMBASSADOR<note 1> and <note 12> and <note 10000> but not "
            "<supplied>123456</supplied>");
}

TEST(InlineParser, SicWrapsThePrecedingWord) {
  EXPECT_EQ(show(parse_inlines("Karmal Babrak [SIC] has")), "Karmal <sic SIC>Babrak</sic> has");
  EXPECT_EQ(show(parse_inlines("teh [sic]")), "<sic sic>teh</sic>");
}

TEST(InlineParser, EditorialMarks) {
  EXPECT_EQ(show(parse_inlines("a [...] b [illegible] c [2 words illegible] d")),
            "a <gap omitted> b <gap illegible> c <gap illegible 2 words> d");
  EXPECT_EQ(show(parse_inlines("x [Page 3] y [laughter] z [applause]")),
            "x <pb 3> y <vocal laughter> z <incident applause>");
  EXPECT_EQ(show(parse_inlines("a national [political] system")),
            "a national <supplied>political</supplied> system");
}

TEST(InlineParser, UnbalancedBracketsStayText) {
  EXPECT_EQ(show(parse_inlines("a [b [c] d] e [")), "a [b <supplied>c</supplied> d] e [");
  EXPECT_EQ(show(parse_inlines("[]")), "[]");
}

TEST(InlineParser, ManyOpenBracketsStayText) {
  std::string text(100000, '[');
  auto inlines = parse_inlines(text);
  ASSERT_EQ(inlines.size(), 1u);
  EXPECT_EQ(inlines[0].text.size(), text.size());
}

TEST(InlineParser, PlainTextDropsMarksButKeepsSuppliedWords) {
  EXPECT_EQ(plain_text(parse_inlines("Flash [precedence][1] **now**")), "Flash precedence now");
}

TEST(InlineParser, JoinLinesUsesHardBreaks) {
  std::vector<Line> lines{{"one", 1, true}, {"two", 2, false}, {"three", 3, false}};
  EXPECT_EQ(join_lines(lines), "one\ntwo three");
}

}  // namespace
}  // namespace teikit::transcript

namespace teikit::transcript {
namespace {

TEST(InlineParser, SicTakesAQuotedPhraseAndLeavesPunctuationOutside) {
  EXPECT_EQ(show(parse_inlines(R"(as "December 1977" [sic], which)")),
            R"(as "<sic sic>December 1977</sic>", which)");
  EXPECT_EQ(show(parse_inlines("in Bromberg, [sic] the")), "in <sic sic>Bromberg</sic>, the");
}

}  // namespace
}  // namespace teikit::transcript
