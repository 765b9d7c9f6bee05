// Inputs the fuzzers found crashing once (tests/fuzz/regressions): each must now convert
// to well-formed TEI or be rejected with a diagnostic.

#include <gtest/gtest.h>

#include <filesystem>

#include "core/xml_handles.hpp"
#include "tei/tei_writer.hpp"
#include "test_support.hpp"
#include "transcript/reader.hpp"

namespace teikit {
namespace {

TEST(FuzzRegressions, EveryCrashFoundOnceNowConvertsOrIsRejected) {
  std::size_t count = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::source_dir() / "tests/fuzz/regressions")) {
    ++count;
    auto result = transcript::read_transcript(testing::slurp(entry.path()), "regression");
    if (!result.document) {
      EXPECT_FALSE(result.diagnostics.empty()) << entry.path();
      continue;
    }
    std::string tei = tei::to_tei_string(*result.document);
    std::vector<Diagnostic> problems;
    EXPECT_TRUE(xml::parse_untrusted(tei, "regression.tei.xml", problems)) << entry.path();
  }
  EXPECT_GE(count, 1u);
}

}  // namespace
}  // namespace teikit
