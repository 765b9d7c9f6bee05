#include "tei/tei_writer.hpp"

#include <gtest/gtest.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "tei/builder.hpp"
#include "transcript/reader.hpp"

namespace teikit::tei {
namespace {

// Evaluates an XPath (prefix t: = TEI) to a string.
class Query {
 public:
  explicit Query(std::string_view transcript) {
    auto result = transcript::read_transcript(transcript, "t.txt");
    EXPECT_TRUE(result.document);
    doc_ = write_tei(*result.document);
    context_.reset(xmlXPathNewContext(doc_.get()));
    xmlXPathRegisterNs(context_.get(), xml::xml_chars("t"), xml::xml_chars(tei_namespace));
  }
  std::string operator()(const char* xpath) {
    xml::XPathObjectPtr object(xmlXPathEvalExpression(xml::xml_chars(xpath), context_.get()));
    EXPECT_TRUE(object) << xpath;
    if (!object) return {};
    xml::CharPtr text(xmlXPathCastToString(object.get()));
    return xml::chars(text.get());
  }

 private:
  xml::DocPtr doc_;
  xml::XPathContextPtr context_;
};

const char* const letter =
    "**December 27, 1979**\n\n**Cable  \nto Ambassadors**\n\n**Citation:**\n\n"
    "\"Cable\", December 27, 1979, Wilson Center Digital Archive, RGANI, fond 89, opis 14, "
    "delo 31. Translated for CWIHP by Gary Goldberg. <https://example.org/113145>\n\n"
    "**Original Language:**\n\nRussian\n\n**Contents:**\n\nTranslation - English\n\n"
    "**Original Archive:**\n\nRGANI, Moscow\n\n"
    "Top Secret  \nSpecial Folder\n\nTO THE SOVIET AMBASSADOR[1]\n\nMeet them.\n\n"
    "Dear comrades!\n\nText [SIC] here.\n\nWith Communist greetings\n\nTHE CENTRAL COMMITTEE\n\n"
    "LIST\n\nof parties\n\nThe Communist Party of Austria  \nThe Swiss Party of Labor\n\n"
    "[1] The note.\n";

TEST(TeiWriter, HeaderHoldsTitleSourceLanguagesAndCorrespondence) {
  Query q(letter);
  EXPECT_EQ(q("string(/t:TEI/@xml:lang)"), "en");
  EXPECT_EQ(q("string(//t:titleStmt/t:title)"), "Cable to Ambassadors");
  EXPECT_EQ(q("string(//t:titleStmt/t:respStmt/t:persName)"), "Gary Goldberg");
  EXPECT_EQ(q("string(//t:publicationStmt/t:idno[@type='URI'])"), "https://example.org/113145");
  EXPECT_EQ(q("string(//t:sourceDesc/t:bibl/t:date/@when)"), "1979-12-27");
  EXPECT_EQ(q("string(//t:sourceDesc/t:bibl/t:idno[@type='archival'])"),
            "fond 89, opis 14, delo 31");
  EXPECT_EQ(q("string(//t:sourceDesc/t:bibl/t:orgName[@type='archive'])"), "RGANI");
  EXPECT_EQ(q("string(//t:notesStmt/t:note[@type='field'][2]/t:label)"), "Original Archive");
  EXPECT_EQ(q("string(//t:creation/t:date/@when)"), "1979-12-27");
  EXPECT_EQ(q("string(//t:langUsage/t:language[1]/@ident)"), "ru");
  EXPECT_EQ(q("string(//t:application/@ident)"), "teikit");
  EXPECT_EQ(q("count(//t:editorialDecl/t:p) > 3"), "true");
  EXPECT_EQ(q("string(//t:correspAction[@type='sent']/t:orgName)"), "THE CENTRAL COMMITTEE");
  EXPECT_EQ(q("string(//t:correspAction[@type='sent']/t:date/@when)"), "1979-12-27");
  EXPECT_EQ(q("count(//t:correspAction[@type='received']/*)"), "3");
}

TEST(TeiWriter, LetterAfterInstructionsAndListAfterCloserGetTheirOwnDivisions) {
  Query q(letter);
  EXPECT_EQ(q("string(//t:div[@type='document']/t:opener/t:seg[@type='classification'])"),
            "Top Secret");
  EXPECT_EQ(q("string(//t:div[@type='document']/t:opener/t:seg[@type='address']/t:note/@n)"), "1");
  EXPECT_EQ(q("string(//t:div[@type='document']/t:p)"), "Meet them.");
  EXPECT_EQ(q("string(//t:div[@type='letter']/t:opener/t:salute)"), "Dear comrades!");
  EXPECT_EQ(q("string(//t:div[@type='letter']/t:p/t:sic/@rend)"), "caps");
  EXPECT_EQ(q("string(//t:div[@type='letter']/t:closer/t:signed)"), "THE CENTRAL COMMITTEE");
  EXPECT_EQ(q("count(//t:div[@type='attachment']/t:list[@type='distribution']/t:item/t:orgName)"),
            "2");
  EXPECT_EQ(q("string(//t:note[@place='foot']/@xml:id)"), "fn1");
}

TEST(TeiWriter, SpeechesListsAndMarks) {
  Query q(
      "**T**\n\nBREZHNEV. We begin [laughter].\n\nMore.\n\n[Page 2]\n\n- a  \n- b\n\n"
      "1. one\n\n2. two [2 words illegible]\n");
  EXPECT_EQ(q("string(//t:sp/t:speaker)"), "BREZHNEV.");
  EXPECT_EQ(q("count(//t:sp/t:p)"), "2");
  EXPECT_EQ(q("string(//t:sp/t:p/t:vocal/t:desc)"), "laughter");
  EXPECT_EQ(q("string(//t:pb/@n)"), "2");
  EXPECT_EQ(q("string(//t:list[@type='bulleted']/@rend)"), "dash");
  EXPECT_EQ(q("string(//t:list[@type='ordered']/t:item[2]/@n)"), "2");
  EXPECT_EQ(q("string(//t:gap/@quantity)"), "2");
  EXPECT_EQ(q("string(//t:gap/@unit)"), "words");
}

TEST(TeiWriter, SerialisesAsIndentedUtf8WithDeclaration) {
  auto result = transcript::read_transcript("**Привет**\n\nТекст.\n", "t.txt");
  ASSERT_TRUE(result.document);
  std::string tei = to_tei_string(*result.document);
  EXPECT_TRUE(tei.starts_with(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"));
  EXPECT_NE(tei.find("<p>Текст.</p>"), std::string::npos);
}

}  // namespace
}  // namespace teikit::tei

namespace teikit::tei {
namespace {

TEST(TeiWriter, ADefinitionWithoutAnchorBecomesAnEndnote) {
  Query q("**T**\n\nText[1] and [3].\n\nMore.\n\n[1] One.\n\n[2] Two.\n\n[3] Three.\n");
  EXPECT_EQ(q("string(//t:note[@n='2']/@place)"), "end");
  EXPECT_EQ(q("count(//t:note[@place='foot'])"), "2");
  EXPECT_EQ(q("name(//t:note[@n='2']/..)"), "div");
}

}  // namespace
}  // namespace teikit::tei
