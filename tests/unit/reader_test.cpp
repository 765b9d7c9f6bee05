#include "transcript/reader.hpp"

#include <gtest/gtest.h>

#include "transcript/inline_parser.hpp"

namespace teikit::transcript {
namespace {

const char* const sample =
    "**March 3, 1980**\n\n**A Title  \nOver Two Lines**\n\n**Citation:**\n\n"
    "\"A Title\", March 3, 1980, Wilson Center Digital Archive. <https://example.org/1>\n\n"
    "**Summary:**\n\nWhat it says.\n\n**Original Language:**\n\nPolish\n\n**Contents:**\n\n"
    "Translation - English  \nOriginal Scan\n\n**Record ID:** R-17\n\n"
    "Body text.[1] More[2].\n\n[1] First note.\n\n[3] Orphan note.\n";

TEST(Reader, ReadsHeaderFieldsAndLanguages) {
  auto result = read_transcript(sample, "s.txt");
  ASSERT_TRUE(result.document);
  const auto& doc = *result.document;
  EXPECT_EQ(doc.date_text, "March 3, 1980");
  EXPECT_EQ(doc.when, "1980-03-03");
  EXPECT_EQ(doc.title_lines, (std::vector<std::string>{"A Title", "Over Two Lines"}));
  EXPECT_EQ(doc.url, "https://example.org/1");
  ASSERT_EQ(doc.summary.size(), 1u);
  ASSERT_EQ(doc.languages.size(), 2u);
  EXPECT_EQ(doc.languages[0].code, "pl");
  EXPECT_TRUE(doc.languages[0].original);
  EXPECT_EQ(doc.languages[1].code, "en");
  EXPECT_EQ(doc.languages[1].text, "English");
  EXPECT_EQ(doc.text_language, "en");
  ASSERT_EQ(doc.other_fields.size(), 2u);  // Contents as written, and Record ID
  EXPECT_EQ(doc.other_fields[0].name, "Contents");
  EXPECT_EQ(doc.other_fields[0].lines,
            (std::vector<std::string>{"Translation - English", "Original Scan"}));
  EXPECT_EQ(doc.other_fields[1].name, "Record ID");
  EXPECT_EQ(doc.other_fields[1].lines, (std::vector<std::string>{"R-17"}));
}

TEST(Reader, WarnsAboutUnmatchedAnchorsAndDefinitionsWithLines) {
  auto result = read_transcript(sample, "s.txt");
  ASSERT_TRUE(result.document);
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_EQ(format_diagnostic(result.diagnostics[0]),
            "s.txt:25: warning: footnote anchor [2] has no definition; kept as text");
  EXPECT_EQ(format_diagnostic(result.diagnostics[1]),
            "s.txt:29: warning: footnote [3] has no anchor in the text; placed at the end");
  EXPECT_EQ(plain_text(result.document->body[0].content), "Body text. More[2].");
  EXPECT_TRUE(result.document->notes[0].anchored);
  EXPECT_FALSE(result.document->notes[1].anchored);
}

TEST(Reader, ABracketedYearWithoutFootnoteIsSupplied) {
  auto result = read_transcript("**T**\n\nIn [1979] and[1234].\n\n[1234] A note.\n", "y.txt");
  ASSERT_TRUE(result.document);
  EXPECT_TRUE(result.diagnostics.empty());
  const auto& content = result.document->body[0].content;
  ASSERT_GE(content.size(), 4u);
  EXPECT_EQ(content[1].kind, model::InlineKind::supplied);
  EXPECT_EQ(content[3].kind, model::InlineKind::note_anchor);
  EXPECT_EQ(content[3].value, "1234");
}

TEST(Reader, RejectsUnusableInputWithoutADocument) {
  auto empty = read_transcript("", "e.txt");
  EXPECT_FALSE(empty.document);
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_EQ(empty.diagnostics[0].severity, Severity::error);
  EXPECT_FALSE(read_transcript("**T**\n\n\xFF\n", "b.txt").document);
}

TEST(Reader, ATranscriptInTheOriginalLanguageListsItOnce) {
  auto result = read_transcript(
      "**T**\n\n**Original Language:**\n\nRussian\n\n**Contents:**\n\nTranscript - "
      "Russian\n\nТекст.\n",
      "r.txt");
  ASSERT_TRUE(result.document);
  ASSERT_EQ(result.document->languages.size(), 1u);
  EXPECT_EQ(result.document->text_language, "ru");
}

TEST(Reader, MinimalInputWithoutFields) {
  auto result = read_transcript("**Just a Title**\n\nOne paragraph.\n", "m.txt");
  ASSERT_TRUE(result.document);
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_TRUE(result.document->date_text.empty());
  EXPECT_EQ(result.document->body.size(), 1u);
}

TEST(Reader, WarnsWhenThereIsNoTitle) {
  auto result = read_transcript("Just text.\n", "t.txt");
  ASSERT_TRUE(result.document);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].message, "no bold title line; the title is empty");
}

TEST(Reader, FindsSenderAndRecipients) {
  auto result = read_transcript(
      "**T**\n\nTO THE AMBASSADOR\n\nText.\n\nRespectfully,\n\nJános Kádár  \nFirst Secretary\n\n"
      "Distribution:\n\n1. Comrade Jenő Fock  \n2. The Ministry of Defence\n",
      "c.txt");
  ASSERT_TRUE(result.document);
  const auto& doc = *result.document;
  ASSERT_EQ(doc.senders.size(), 1u);
  EXPECT_EQ(doc.senders[0].name, "János Kádár");
  EXPECT_EQ(doc.senders[0].kind, model::AgentKind::person);
  ASSERT_EQ(doc.addressees.size(), 3u);
  EXPECT_EQ(doc.addressees[0].name, "THE AMBASSADOR");
  EXPECT_EQ(doc.addressees[1].name, "Comrade Jenő Fock");
  EXPECT_EQ(doc.addressees[2].kind, model::AgentKind::organisation);
}

}  // namespace
}  // namespace teikit::transcript

namespace teikit::transcript {
namespace {

TEST(Reader, ANoteThatCitesItselfOrAnotherNoteDoesNotNest) {
  auto result = read_transcript(
      "**T**\n\n**Summary:**\n\nSee [1].\n\nText[1] and[2].\n\n[1] One, see [2] and [1].\n\n[2] "
      "Two.\n",
      "n.txt");
  ASSERT_TRUE(result.document);
  const auto& one = result.document->notes[0].paragraphs[0];
  for (const auto& part : one) EXPECT_EQ(part.kind, model::InlineKind::text);
  EXPECT_EQ(plain_text(one), "One, see [2] and [1].");
  EXPECT_EQ(plain_text(result.document->summary[0]), "See [1].");
}

}  // namespace
}  // namespace teikit::transcript
