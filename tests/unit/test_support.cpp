#include "test_support.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace teikit::testing {

std::filesystem::path source_dir() {
  return TEIKIT_SOURCE_DIR;
}

std::vector<std::filesystem::path> corpus_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "corpus"))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace teikit::testing
