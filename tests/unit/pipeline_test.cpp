#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/atomic_file.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/report.hpp"

namespace teikit::pipeline {
namespace {

namespace fs = std::filesystem;

TEST(Pipeline, ParsesShards) {
  auto shard = parse_shard("2/5");
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 2u);
  EXPECT_EQ(shard->count, 5u);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/", "/2", "1/2x", "-1/2"})
    EXPECT_FALSE(parse_shard(bad)) << bad;
}

TEST(Pipeline, ShardsPartitionTheInputs) {
  std::vector<Input> inputs;
  for (int i = 0; i < 10; ++i) inputs.push_back(Input{"f" + std::to_string(i), std::to_string(i)});
  std::size_t total = 0;
  for (unsigned k = 1; k <= 3; ++k) total += select_shard(inputs, Shard{k, 3}).size();
  EXPECT_EQ(total, 10u);
  EXPECT_EQ(select_shard(inputs, Shard{2, 3}).front().stem, "1");
}

TEST(Pipeline, CollectsTranscriptsRecursivelyInOrder) {
  fs::path dir = fs::temp_directory_path() / "teikit-inputs-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "b");
  for (const char* name : {"z.txt", "a.md", "b/c.txt", "ignored.xml"})
    std::ofstream(dir / name) << "x";
  auto inputs = collect_inputs({dir.string()});
  ASSERT_EQ(inputs.size(), 3u);
  EXPECT_EQ(inputs[0].stem, "a");
  EXPECT_EQ(inputs[1].stem, "b/c");
  EXPECT_EQ(inputs[2].stem, "z");
  EXPECT_THROW(collect_inputs({(dir / "missing").string()}), IoError);
  fs::remove_all(dir);
}

TEST(Pipeline, ReportsAreReadBack) {
  fs::path path = fs::temp_directory_path() / "teikit-report-test.json";
  DocumentReport ok{"in/a \"quoted\".txt",   "a", "ok", "0123456789abcdef", {},
                    {"a.tei.xml", "a.html"}, {}};
  DocumentReport bad{"in/b.txt",
                     "b",
                     "failed",
                     "fedcba9876543210",
                     {Diagnostic{"in/b.txt", 3, 0, Severity::error, "broken", "input", {}, {}}},
                     {},
                     {}};
  write_report(path.string(), "{}", {ok, bad}, false);
  auto previous = read_previous_report(path.string());
  ASSERT_EQ(previous.size(), 2u);
  EXPECT_EQ(previous["a"].hash, "0123456789abcdef");
  EXPECT_EQ(previous["a"].outputs, (std::vector<std::string>{"a.tei.xml", "a.html"}));
  EXPECT_EQ(previous["b"].status, "failed");
  EXPECT_NE(read_file(path).find("\"problems\": [\"in/b.txt\"]"), std::string::npos);
  fs::remove(path);
}

}  // namespace
}  // namespace teikit::pipeline
