// Corpus-wide properties of the converter: golden TEI, no lost words, determinism.
//
// Golden files live in tests/golden/convert/NAME.tei.xml. To accept new output after a
// deliberate change, run the tests with UPDATE_GOLDEN=1 and review `git diff tests/golden`.

#include <gtest/gtest.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>

#include "core/utf8.hpp"
#include "core/xml_handles.hpp"
#include "tei/tei_writer.hpp"
#include "test_support.hpp"
#include "transcript/reader.hpp"
#include "transcript/text_util.hpp"

namespace teikit {
namespace {

using testing::corpus_files;
using testing::slurp;

std::string convert(const std::filesystem::path& path) {
  auto result = transcript::read_transcript(slurp(path), path.filename().string());
  EXPECT_TRUE(result.document.has_value()) << path;
  if (!result.document) return {};
  return tei::to_tei_string(*result.document);
}

std::map<std::string, int> count_words(std::string_view text) {
  std::map<std::string, int> counts;
  std::string word;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = next_code_point(text, pos);
    if (transcript::is_word_char(cp)) {
      append_utf8(word, cp);
    } else if (!word.empty()) {
      ++counts[word];
      word.clear();
    }
  }
  if (!word.empty()) ++counts[word];
  return counts;
}

// Text and attribute values of the whole TEI document.
void collect_tei_text(const xmlNode* node, std::string& out) {
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_TEXT_NODE) {
      out += xml::chars(node->content);
      out += ' ';
    } else if (node->type == XML_ELEMENT_NODE) {
      for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
        out += xml::text_content(reinterpret_cast<const xmlNode*>(attr));
        out += ' ';
      }
      collect_tei_text(node->children, out);
      out += ' ';
    }
  }
}

// The transcript's words, less what the format itself spells: labels of the known metadata
// fields (they become TEI elements), HTML tag names, the keywords of editorial marks that
// become elements ([sic] → sic, [Page N] → pb n="N"), and the number that opens a footnote
// definition (the note keeps it once, in @n, as its anchor does).
std::string transcript_words(std::string text) {
  static const std::regex labels(R"(\*\*(Citation|Summary|Original Language|Contents):\*\*)");
  static const std::regex tags(R"(</?(sup|sub)>)");
  static const std::regex marks(R"(\[(sic|SIC)\]|\[Page (?=\d))");
  static const std::regex definitions(R"((^|\n)\[\d+\] )");
  text = std::regex_replace(text, definitions, "$1");
  text = std::regex_replace(text, labels, " ");
  text = std::regex_replace(text, tags, " ");
  return std::regex_replace(text, marks, " ");
}

TEST(Corpus, HasTheSeedAndEightMoreTranscripts) {
  EXPECT_GE(corpus_files().size(), 9u);
}

TEST(Corpus, OutputMatchesGoldenFiles) {
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  for (const auto& path : corpus_files()) {
    std::string tei = convert(path);
    auto golden =
        testing::source_dir() / "tests/golden/convert" / (path.stem().string() + ".tei.xml");
    if (update) {
      std::ofstream(golden, std::ios::binary) << tei;
      continue;
    }
    ASSERT_TRUE(std::filesystem::exists(golden))
        << golden << " is missing; run the tests with UPDATE_GOLDEN=1 and review the diff";
    EXPECT_EQ(tei, slurp(golden)) << path.filename() << " differs from its golden file";
  }
}

TEST(Corpus, EveryWordSurvives) {
  for (const auto& path : corpus_files()) {
    std::string tei = convert(path);
    std::vector<Diagnostic> diagnostics;
    auto doc = xml::parse_untrusted(tei, path.string(), diagnostics);
    ASSERT_TRUE(doc) << path;
    std::string text;
    collect_tei_text(xmlDocGetRootElement(doc.get()), text);
    auto have = count_words(text);
    auto want = count_words(transcript_words(slurp(path)));
    for (const auto& [word, count] : want) {
      EXPECT_GE(have[word], count)
          << path.filename().string() << ": the word '" << word << "' occurs " << count
          << " times in the transcript but " << have[word] << " times in the TEI";
    }
  }
}

TEST(Corpus, OutputIsDeterministic) {
  for (const auto& path : corpus_files()) EXPECT_EQ(convert(path), convert(path)) << path;
}

TEST(Corpus, ConvertsWithoutWarnings) {
  for (const auto& path : corpus_files()) {
    auto result = transcript::read_transcript(slurp(path), path.filename().string());
    for (const auto& d : result.diagnostics) ADD_FAILURE() << format_diagnostic(d);
  }
}

}  // namespace
}  // namespace teikit
