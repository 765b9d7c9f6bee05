// Derived formats: golden output for every format and corpus document, the transcript
// round trip, parameters and the security preferences.
//
// Golden files: tests/golden/FORMAT/NAME.EXT (from tests/golden/convert/NAME.tei.xml).
// UPDATE_GOLDEN=1 rewrites them; review `git diff tests/golden`.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/xml_handles.hpp"
#include "tei/tei_writer.hpp"
#include "test_support.hpp"
#include "transcript/reader.hpp"
#include "transform/formats.hpp"

namespace teikit::transform {
namespace {

namespace fs = std::filesystem;
using testing::corpus_files;
using testing::slurp;

std::string run_stylesheet(const Stylesheet& stylesheet, std::string_view tei,
                           const std::map<std::string, std::string>& params = {}) {
  std::vector<Diagnostic> problems;
  auto doc = xml::parse_untrusted(tei, "in.xml", problems);
  EXPECT_TRUE(doc);
  return stylesheet.apply(doc.get(), params, "in.xml");
}

std::string convert(std::string_view transcript, const std::string& name) {
  auto result = transcript::read_transcript(transcript, name);
  EXPECT_TRUE(result.document) << name;
  return result.document ? tei::to_tei_string(*result.document) : std::string();
}

TEST(Formats, EveryFormatHasAStylesheetThatCompiles) {
  ASSERT_EQ(formats().size(), 8u);
  for (const auto& format : formats()) {
    EXPECT_NO_THROW(compiled_stylesheet(format)) << format.name;
    EXPECT_EQ(find_format(format.name), &format);
  }
  EXPECT_EQ(find_format("pdf"), nullptr);
}

TEST(Formats, OutputMatchesGoldenFiles) {
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  for (const auto& format : formats()) {
    auto stylesheet = compiled_stylesheet(format);
    fs::path dir = testing::source_dir() / "tests/golden" / std::string(format.name);
    if (update) fs::create_directories(dir);
    for (const auto& path : corpus_files()) {
      std::string name = path.stem().string();
      std::string tei = slurp(testing::source_dir() / "tests/golden/convert" / (name + ".tei.xml"));
      std::string output = run_stylesheet(*stylesheet, tei);
      fs::path golden = dir / (name + std::string(format.extension));
      if (update) {
        std::ofstream(golden, std::ios::binary) << output;
        continue;
      }
      ASSERT_TRUE(fs::exists(golden)) << golden << " is missing (UPDATE_GOLDEN=1)";
      EXPECT_EQ(output, slurp(golden)) << format.name << " output for " << name << " differs";
    }
  }
}

TEST(Formats, TranscriptRoundTripGivesIdenticalTei) {
  auto stylesheet = compiled_stylesheet(*find_format("transcript"));
  for (const auto& path : corpus_files()) {
    std::string tei = convert(slurp(path), path.filename().string());
    std::string transcript = run_stylesheet(*stylesheet, tei);
    EXPECT_EQ(convert(transcript, "round-trip.txt"), tei) << path.filename();
  }
}

TEST(Formats, ParametersReachTheStylesheet) {
  auto stylesheet = Stylesheet::compile(R"x(<xsl:stylesheet version="1.0"
      xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
    <xsl:output method="text"/><xsl:param name="greeting" select="'none'"/>
    <xsl:template match="/"><xsl:value-of select="$greeting"/></xsl:template>
  </xsl:stylesheet>)x",
                                        "p.xsl");
  EXPECT_EQ(run_stylesheet(*stylesheet, "<a/>"), "none");
  std::map<std::string, std::string> params{{"greeting", "it's \"quoted\""}};
  EXPECT_EQ(run_stylesheet(*stylesheet, "<a/>", params), "it's \"quoted\"");
}

TEST(Formats, StylesheetsCannotWriteFilesOrCreateDirectories) {
  fs::path target = fs::temp_directory_path() / "teikit-security-test" / "out.txt";
  fs::remove_all(target.parent_path());
  auto stylesheet = Stylesheet::compile(
      R"x(<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
      xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
    <xsl:template match="/"><exsl:document href=")x" +
          target.string() + R"x(" method="text">secret</exsl:document></xsl:template>
  </xsl:stylesheet>)x",
      "w.xsl");
  EXPECT_THROW(run_stylesheet(*stylesheet, "<a/>"), TransformError);
  EXPECT_FALSE(fs::exists(target));
  EXPECT_FALSE(fs::exists(target.parent_path()));
}

TEST(Formats, CompileErrorsNameFileAndLine) {
  try {
    Stylesheet::compile(
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "<xsl:template match=\"/\">\n<xsl:value-of select=\"((\"/>\n"
        "</xsl:template>\n</xsl:stylesheet>",
        "broken.xsl");
    FAIL() << "expected a compile error";
  } catch (const TransformError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    EXPECT_EQ(e.diagnostics().back().file, "broken.xsl");
    bool has_line_3 = false;
    for (const auto& d : e.diagnostics()) has_line_3 |= d.line == 3;
    EXPECT_TRUE(has_line_3);
  }
}

}  // namespace
}  // namespace teikit::transform
