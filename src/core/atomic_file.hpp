#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace teikit {

/// An I/O failure of the environment (unreadable input, unwritable output); exit code 2.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The largest input teikit reads (guards against endless inputs such as /dev/zero).
inline constexpr std::size_t max_input_bytes = std::size_t{256} << 20;

/// Writes `content` to `path` whole or not at all: a temporary file beside it, fsync, rename.
/// Throws IoError on failure and leaves no file behind.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Whether two paths name the same existing file (so an output would overwrite an input).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

/// Reads a whole regular file or a pipe; throws IoError when it cannot.
std::string read_file(const std::filesystem::path& path);

/// Reads all of standard input; throws IoError on a read failure.
std::string read_stdin();

}  // namespace teikit
