#include "core/atomic_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace teikit {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("teikit-atomic-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AtomicFile, WritesWholeFileAndLeavesNoTemporary) {
  write_file_atomically(dir_ / "out.xml", "content");
  EXPECT_EQ(testing::slurp(dir_ / "out.xml"), "content");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(AtomicFile, ReplacesAnExistingFile) {
  write_file_atomically(dir_ / "out.xml", "old");
  write_file_atomically(dir_ / "out.xml", "new");
  EXPECT_EQ(testing::slurp(dir_ / "out.xml"), "new");
}

TEST_F(AtomicFile, FailsCleanlyInAMissingDirectory) {
  EXPECT_THROW(write_file_atomically(dir_ / "missing" / "out.xml", "x"), IoError);
}

TEST_F(AtomicFile, WriteFailureOnADeviceIsAnIoError) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "/dev/full is not available";
  EXPECT_THROW(write_file_atomically("/dev/full", "x"), IoError);
  EXPECT_TRUE(fs::is_character_file("/dev/full"));  // the device is still a device
}

TEST_F(AtomicFile, SameFileSeesThroughDifferentSpellings) {
  write_file_atomically(dir_ / "a.txt", "x");
  EXPECT_TRUE(same_file(dir_ / "a.txt", dir_ / "." / "a.txt"));
  EXPECT_FALSE(same_file(dir_ / "a.txt", dir_ / "b.txt"));
}

TEST_F(AtomicFile, ReadingADirectoryIsAnIoError) {
  EXPECT_THROW(read_file(dir_), IoError);
  EXPECT_THROW(read_file(dir_ / "missing.txt"), IoError);
}

}  // namespace
}  // namespace teikit
