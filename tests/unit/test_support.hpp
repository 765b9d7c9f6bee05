#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace teikit::testing {

/// The project's source directory.
std::filesystem::path source_dir();

/// The transcripts in corpus/, sorted by name.
std::vector<std::filesystem::path> corpus_files();

/// A file's whole content.
std::string slurp(const std::filesystem::path& path);

}  // namespace teikit::testing
