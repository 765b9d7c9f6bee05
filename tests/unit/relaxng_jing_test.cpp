// The native RELAX NG engine against jing on the official tei_all schema: the same verdict
// on every corpus output, every invalid fixture and 250 mutated documents; and, for each
// invalid fixture, a first message about the same element or attribute with the same
// expected names. Skipped, with the reason, without tei_all.rng or jing.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include <unistd.h>

#include "core/xml_handles.hpp"
#include "tei_mutations.hpp"
#include "test_support.hpp"
#include "validate/relaxng/engine.hpp"

namespace teikit {
namespace {

namespace fs = std::filesystem;

fs::path tei_all_path() {
  if (const char* env = std::getenv("TEI_ALL")) return env;
  if (const char* env = std::getenv("TEIKIT_REFERENCE_DIR")) return fs::path(env) / "tei_all.rng";
  return testing::source_dir() / ".." / "shared" / "reference" / "tei_all.rng";
}

struct Verdict {
  bool valid = true;
  std::string first;  // the first message, "line:col: message"
};

bool well_formed(const fs::path& file) {
  std::vector<Diagnostic> ignored;
  return xml::parse_untrusted(testing::slurp(file), file.string(), ignored) != nullptr;
}

// Runs jing over files (once for all the well-formed ones: jing stops at the first file that
// is not); the first message per file.
std::map<std::string, Verdict> run_jing(const fs::path& schema, const std::vector<fs::path>& files,
                                        const fs::path& work) {
  std::vector<std::vector<fs::path>> batches(1);
  for (const auto& f : files) {
    if (well_formed(f))
      batches.front().push_back(f);
    else
      batches.push_back({f});
  }
  std::map<std::string, Verdict> out;
  for (const auto& f : files) out[f.string()] = Verdict{};
  fs::path list = work / "jing.out";
  static const std::regex located(R"((.*):(\d+):(\d+): (error|fatal): (.*))");
  for (const auto& batch : batches) {
    if (batch.empty()) continue;
    std::string command = "jing " + schema.string();
    for (const auto& f : batch) command += " '" + f.string() + "'";
    command += " > '" + list.string() + "' 2>&1";
    [[maybe_unused]] int status = std::system(command.c_str());
    std::ifstream in(list);
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
      if (!std::regex_match(line, m, located)) continue;
      auto found = out.find(m[1].str());
      if (found == out.end()) continue;
      if (found->second.valid)
        found->second.first = m[2].str() + ":" + m[3].str() + ": " + m[4].str() + ": " + m[5].str();
      found->second.valid = false;
    }
  }
  return out;
}

// The quoted names in a message, in order: the element or attribute, then what was expected.
std::vector<std::string> quoted_names(const std::string& message) {
  std::vector<std::string> out;
  static const std::regex quoted("\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(message.begin(), message.end(), quoted);
       it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

class RelaxNgAgainstJing : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_path_ = tei_all_path();
    if (!fs::exists(schema_path_))
      GTEST_SKIP() << "tei_all.rng not found (set TEI_ALL): " << schema_path_;
    if (std::system("command -v jing >/dev/null 2>&1") != 0)
      GTEST_SKIP() << "jing is not installed";
    work_ = fs::temp_directory_path() / ("teikit-jing-" + std::to_string(::getpid()));
    fs::remove_all(work_);
    fs::create_directories(work_);
    schema_ = validate::load_native_relaxng(testing::slurp(schema_path_), schema_path_.string());
  }
  void TearDown() override {
    if (!work_.empty()) fs::remove_all(work_);
  }

  Verdict native(const fs::path& file) {
    auto validator = schema_->make_validator();
    std::vector<Diagnostic> out;
    auto result = validator->validate_stream(testing::slurp(file), file.string(), out, false);
    Verdict v;
    v.valid = result.well_formed && result.valid;
    for (const auto& d : out)
      if (d.severity == Severity::error) {
        v.first = std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
        break;
      }
    return v;
  }

  fs::path schema_path_;
  fs::path work_;
  std::shared_ptr<const validate::Schema> schema_;
};

TEST_F(RelaxNgAgainstJing, SameVerdictsOnCorpusFixturesAndMutants) {
  std::vector<fs::path> files;
  std::vector<fs::path> originals;
  for (const auto& e : fs::directory_iterator(testing::source_dir() / "tests/golden/convert"))
    if (e.path().extension() == ".xml") originals.push_back(e.path());
  std::sort(originals.begin(), originals.end());
  files = originals;
  for (const auto& e : fs::directory_iterator(testing::source_dir() / "tests/fixtures/invalid"))
    if (e.path().extension() == ".xml") files.push_back(e.path());
  std::map<std::string, std::vector<std::string>> how;
  int mutants = 0;
  for (std::size_t i = 0; i < originals.size(); ++i) {
    std::string text = testing::slurp(originals[i]);
    for (int k = 0; k < 25; ++k) {
      auto m = testing::mutate(text, i * 1000 + static_cast<std::uint64_t>(k), 1 + k % 3);
      fs::path file = work_ / ("mutant-" + std::to_string(i) + "-" + std::to_string(k) + ".xml");
      std::ofstream(file, std::ios::binary) << m.xml;
      files.push_back(file);
      how[file.string()] = m.mutations;
      ++mutants;
    }
  }
  auto jing = run_jing(schema_path_, files, work_);
  int agree = 0, invalid = 0, same_first_line = 0, same_names = 0;
  for (const auto& f : files) {
    Verdict mine = native(f);
    const Verdict& theirs = jing[f.string()];
    if (!theirs.valid) ++invalid;
    if (mine.valid == theirs.valid) {
      ++agree;
      if (!mine.valid && mine.first.substr(0, mine.first.find(':')) ==
                             theirs.first.substr(0, theirs.first.find(':')))
        ++same_first_line;
      if (!mine.valid && quoted_names(mine.first) == quoted_names(theirs.first)) ++same_names;
      continue;
    }
    std::string mutations;
    for (const auto& m : how[f.string()]) mutations += "\n    " + m;
    ADD_FAILURE() << f.filename() << ": teikit says " << (mine.valid ? "valid" : "invalid")
                  << ", jing says " << (theirs.valid ? "valid" : "invalid")
                  << "\n  teikit: " << mine.first << "\n  jing: " << theirs.first << mutations;
  }
  std::cout << "tei_all: " << files.size() << " documents (" << mutants << " mutated), " << invalid
            << " invalid by jing; verdicts agree on " << agree
            << "; first error on the same line in " << same_first_line
            << ", naming the same names in " << same_names << "\n";
  EXPECT_GE(mutants, 200);
}

TEST_F(RelaxNgAgainstJing, FirstMessageNamesWhatJingNames) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(testing::source_dir() / "tests/fixtures/invalid"))
    if (e.path().extension() == ".xml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  auto jing = run_jing(schema_path_, files, work_);
  int compared = 0;
  for (const auto& f : files) {
    const Verdict& theirs = jing[f.string()];
    // Messages about well-formedness come from the XML parsers, not the validators.
    if (theirs.valid || theirs.first.find(": fatal: ") != std::string::npos) continue;
    Verdict mine = native(f);
    ++compared;
    std::string jing_message = theirs.first;
    jing_message.erase(jing_message.find(": error"), 7);
    EXPECT_EQ(quoted_names(mine.first), quoted_names(jing_message))
        << f.filename() << "\n  teikit: " << mine.first << "\n  jing:   " << jing_message;
    EXPECT_EQ(mine.first.substr(0, mine.first.find(": ")),
              jing_message.substr(0, jing_message.find(": ")))
        << f.filename() << ": the position differs";
  }
  std::cout << "first messages compared with jing's: " << compared << " fixtures\n";
  EXPECT_GE(compared, 10);
}

}  // namespace
}  // namespace teikit
