#include "transcript/block_parser.hpp"

#include <gtest/gtest.h>

#include "transcript/inline_parser.hpp"

namespace teikit::transcript {
namespace {

using model::BlockKind;
using model::ListKind;
using model::OpenerRole;

std::vector<model::Block> parse(std::string_view text) {
  return parse_body(split_blocks(text));
}

TEST(BlockParser, OpenerMarksAddressAndDateline) {
  auto blocks = parse(
      "Secret  \nFlash [precedence]  \nFrom: Moscow  \nTo: Ministry, Warsaw  \nNo. 12\n\n"
      "Moscow, 14 February 1980\n\nTO THE AMBASSADOR  \nOF THE USSR\n\nText.\n");
  ASSERT_EQ(blocks.size(), 2u);
  ASSERT_EQ(blocks[0].kind, BlockKind::opener);
  const auto& lines = blocks[0].opener;
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0].role, OpenerRole::classification);
  EXPECT_EQ(lines[1].role, OpenerRole::precedence);
  EXPECT_EQ(lines[2].role, OpenerRole::from);
  EXPECT_EQ(lines[2].value, "Moscow");
  EXPECT_EQ(lines[3].role, OpenerRole::to);
  EXPECT_EQ(lines[4].role, OpenerRole::number);
  EXPECT_EQ(lines[5].role, OpenerRole::dateline);
  EXPECT_EQ(lines[5].when, "1980-02-14");
  EXPECT_EQ(lines[6].role, OpenerRole::address);
  EXPECT_EQ(lines[6].value, "THE AMBASSADOR");
  EXPECT_EQ(blocks[1].kind, BlockKind::paragraph);
}

TEST(BlockParser, OpenerEndsAtTheFirstParagraph) {
  auto blocks = parse("Secret\n\nSome text.\n\nConfidential\n");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[2].kind, BlockKind::paragraph);  // a mark after the text is text
}

TEST(BlockParser, SpeakersWithPeriodOrColonAndContinuations) {
  auto blocks = parse(
      "BREZHNEV. Comrades, we begin.\n\nSecond paragraph.\n\nA. A. GROMYKO: I agree.\n\n"
      "YU. V. ANDROPOV: Yes.\n\nNOTE: not a speaker.\n");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(plain_text(blocks[0].speaker), "BREZHNEV.");
  ASSERT_EQ(blocks[0].speech.size(), 2u);
  EXPECT_EQ(plain_text(blocks[1].speaker), "A. A. GROMYKO:");
  EXPECT_EQ(plain_text(blocks[2].speaker), "YU. V. ANDROPOV:");
  EXPECT_EQ(blocks[2].speech.size(), 2u);  // "NOTE:" continues the speech
}

TEST(BlockParser, JoinsAParagraphSplitMidSentence) {
  auto blocks =
      parse("American imperialism and the Beijing\n\nleadership have acted.\n\nNew one.\n");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(plain_text(blocks[0].content),
            "American imperialism and the Beijing leadership have acted.");
}

TEST(BlockParser, DoesNotJoinAfterACompleteSentence) {
  auto blocks = parse("It ended.\n\nlowercase start.\n");
  EXPECT_EQ(blocks.size(), 2u);
}

TEST(BlockParser, NumberedListAcrossParagraphsKeepsNumbers) {
  auto blocks = parse("Intro:\n\n1. First.\n\n2. Second.\n\n4. Not continuing.\n");
  ASSERT_EQ(blocks.size(), 3u);
  ASSERT_EQ(blocks[1].kind, BlockKind::list);
  EXPECT_EQ(blocks[1].list_kind, ListKind::numbered);
  ASSERT_EQ(blocks[1].items.size(), 2u);
  EXPECT_EQ(blocks[1].items[1].n, "2");
  EXPECT_EQ(blocks[2].kind, BlockKind::list);  // 4 does not follow 2: a new list
}

TEST(BlockParser, BulletedListWithWrappedItem) {
  auto blocks = parse("- one\n- two\ncontinued\n- three\n");
  ASSERT_EQ(blocks.size(), 1u);
  ASSERT_EQ(blocks[0].items.size(), 3u);
  EXPECT_EQ(plain_text(blocks[0].items[1].content), "two continued");
  EXPECT_EQ(blocks[0].items[0].n, "-");
}

TEST(BlockParser, DistributionListWithHeadContinuations) {
  auto blocks = parse(
      "LIST\n\nof parties  \nof countries\n\nwho receive it\n\nThe Communist Party of Austria  \n"
      "Comrade Jenő Fock  \nHelga Brandt\n");
  ASSERT_EQ(blocks.size(), 1u);
  const auto& list = blocks[0];
  EXPECT_EQ(list.list_kind, ListKind::distribution);
  EXPECT_EQ(list.head.size(), 4u);
  ASSERT_EQ(list.items.size(), 3u);
  EXPECT_EQ(list.items[0].agent.kind, model::AgentKind::organisation);
  EXPECT_EQ(list.items[1].agent.kind, model::AgentKind::person);
  EXPECT_EQ(list.items[2].agent.kind, model::AgentKind::person);
}

TEST(BlockParser, ParticipantsNameBeforeTheComma) {
  auto blocks =
      parse("Participants:\n\nErich Honecker, General Secretary  \nHelga Brandt, Interpreter\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].list_kind, ListKind::participants);
  EXPECT_EQ(blocks[0].items[0].agent.name, "Erich Honecker");
}

TEST(BlockParser, CloserWithSaluteAndMultiLineSignature) {
  auto blocks =
      parse("Text.\n\nWith Communist greetings\n\nTHE CENTRAL COMMITTEE  \nOF THE PARTY\n");
  ASSERT_EQ(blocks.size(), 2u);
  ASSERT_EQ(blocks[1].kind, BlockKind::closer);
  EXPECT_EQ(plain_text(blocks[1].closer_salute), "With Communist greetings");
  EXPECT_EQ(blocks[1].signed_lines.size(), 2u);
}

TEST(BlockParser, FinalSignatureInCapitalsWithoutSalute) {
  auto blocks = parse("Text.\n\nPAWLAK\n");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[1].kind, BlockKind::closer);
  EXPECT_TRUE(blocks[1].closer_salute.empty());
}

TEST(BlockParser, SaluteAfterTextAndPageBreaks) {
  auto blocks = parse("Meet them.\n\nDear comrades!\n\n[Page 2]\n\nText.\n");
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[1].kind, BlockKind::opener);
  EXPECT_EQ(blocks[1].opener[0].role, OpenerRole::salute);
  EXPECT_EQ(blocks[2].kind, BlockKind::page_break);
  EXPECT_EQ(blocks[2].value, "2");
}

}  // namespace
}  // namespace teikit::transcript
