#include "transcript/citation.hpp"

#include <gtest/gtest.h>

namespace teikit::transcript {
namespace {

using model::CitationRole;

std::string roles(const std::vector<model::CitationPart>& parts) {
  std::string out;
  for (const auto& part : parts) {
    if (part.role == CitationRole::text) continue;
    static const char* names[] = {"text",       "title",        "date",
                                  "publisher",  "archive",      "ref",
                                  "author",     "source-title", "source-publisher",
                                  "place",      "year",         "translation",
                                  "translator", "url"};
    out += std::string(names[static_cast<int>(part.role)]) + "=" + part.text + "|";
  }
  return out;
}

std::string joined(const std::vector<model::CitationPart>& parts) {
  std::string out;
  for (const auto& part : parts) out += part.text;
  return out;
}

TEST(Citation, PublishedSourceWithTranslatorAndUrl) {
  std::string url;
  std::string text =
      R"x("Cable to Ambassadors", December 27, 1979, Wilson Center Digital Archive, Boris Gromov, "Ogranichenny Kontingent ("Limited Contingent")", Progress, Moscow, 1994. Translated for CWIHP by Gary Goldberg. <https://example.org/document/113145>)x";
  auto parts = parse_citation(text, url);
  EXPECT_EQ(url, "https://example.org/document/113145");
  EXPECT_EQ(roles(parts),
            "title=Cable to Ambassadors|date=December 27, 1979|publisher=Wilson Center Digital "
            "Archive|author=Boris Gromov|source-title=Ogranichenny Kontingent (\"Limited "
            "Contingent\")|source-publisher=Progress|place=Moscow|year=1994|translation="
            "Translated for CWIHP by|translator=Gary Goldberg|url=https://example.org/document/"
            "113145|");
  EXPECT_EQ(parts[3].when, "1979-12-27");
  // Every character but the URL's angle brackets is kept.
  EXPECT_EQ(
      joined(parts),
      R"x("Cable to Ambassadors", December 27, 1979, Wilson Center Digital Archive, Boris Gromov, "Ogranichenny Kontingent ("Limited Contingent")", Progress, Moscow, 1994. Translated for CWIHP by Gary Goldberg. https://example.org/document/113145)x");
}

TEST(Citation, ArchivalReferenceWithoutUrlOrTranslator) {
  std::string url;
  auto parts = parse_citation(
      R"x("Information Note", 1983, Wilson Center Digital Archive, RGANI, fond 89, opis 14, delo 31.)x",
      url);
  EXPECT_TRUE(url.empty());
  EXPECT_EQ(roles(parts),
            "title=Information Note|date=1983|publisher=Wilson Center Digital Archive|archive="
            "RGANI|ref=fond 89, opis 14, delo 31|");
}

TEST(Citation, NamedArchiveBeforeReference) {
  std::string url;
  auto parts = parse_citation(
      R"x("Letter", 1982, Wilson Center Digital Archive, Archive of the President of the Russian Federation (APRF), fond 3, opis 82, delo 162, listy 6-9.)x",
      url);
  EXPECT_EQ(roles(parts),
            "title=Letter|date=1982|publisher=Wilson Center Digital Archive|archive=Archive of the "
            "President of the Russian Federation (APRF)|ref=fond 3, opis 82, delo 162, listy 6-9|");
}

}  // namespace
}  // namespace teikit::transcript

namespace teikit::transcript {
namespace {

TEST(Citation, CurlyAndGuillemetQuotesKeepWholeCharacters) {
  std::string url;
  auto parts = parse_citation(
      "“Title”, 1983, Wilson Center Digital Archive, A. Author, «Book», Press, Moscow, 1990.", url);
  EXPECT_EQ(roles(parts),
            "title=Title|date=1983|publisher=Wilson Center Digital Archive|author=A. "
            "Author|source-title=Book|source-publisher=Press|place=Moscow|year=1990|");
  EXPECT_EQ(
      joined(parts),
      "“Title”, 1983, Wilson Center Digital Archive, A. Author, «Book», Press, Moscow, 1990.");
}

}  // namespace
}  // namespace teikit::transcript
