#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace teikit {
namespace {

std::string errno_text() {
  return std::strerror(errno);
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

std::string read_fd(int fd, const std::string& name) {
  std::string content;
  char buffer[65536];
  for (;;) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw IoError(name + ": cannot read: " + errno_text());
    }
    if (got == 0) break;
    content.append(buffer, static_cast<size_t>(got));
    if (content.size() > max_input_bytes)
      throw IoError(name + ": input is larger than " + std::to_string(max_input_bytes >> 20) +
                    " MiB");
  }
  return content;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    // A device or pipe (/dev/stdout, /dev/null, a FIFO) cannot be replaced by a rename.
    if (S_ISDIR(existing.st_mode)) throw IoError(path.string() + ": is a directory");
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(path.string() + ": cannot open for writing: " + errno_text());
    bool ok = write_all(fd, content);
    std::string failure = ok ? std::string() : errno_text();
    if (::close(fd) != 0 && ok) {
      ok = false;
      failure = errno_text();
    }
    if (!ok) throw IoError(path.string() + ": cannot write: " + failure);
    return;
  }
  std::filesystem::path directory = path.parent_path();
  if (directory.empty()) directory = ".";
  std::string temporary_name(".");
  temporary_name.append(path.filename().string()).append(".tmp-XXXXXX");
  std::string pattern = (directory / temporary_name).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw IoError(path.string() + ": cannot create output: " + errno_text());
  bool ok = write_all(fd, content) && ::fsync(fd) == 0;
  std::string failure = ok ? std::string() : errno_text();
  if (::fchmod(fd, 0644) != 0 && ok) {
    ok = false;
    failure = errno_text();
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    failure = errno_text();
  }
  if (ok && std::rename(pattern.c_str(), path.c_str()) != 0) {
    ok = false;
    failure = errno_text();
  }
  if (!ok) {
    ::unlink(pattern.c_str());
    throw IoError(path.string() + ": cannot write: " + failure);
  }
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  struct stat sa {};
  struct stat sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::string read_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(path.string() + ": cannot open: " + errno_text());
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    ::close(fd);
    throw IoError(path.string() + ": is a directory");
  }
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) || S_ISSOCK(info.st_mode)) {
    // /dev/zero, /dev/random, disks: endless or not documents at all.
    ::close(fd);
    throw IoError(path.string() + ": not a regular file");
  }
  if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > max_input_bytes) {
    ::close(fd);
    throw IoError(path.string() + ": input is larger than " +
                  std::to_string(max_input_bytes >> 20) + " MiB");
  }
  try {
    std::string content = read_fd(fd, path.string());
    ::close(fd);
    return content;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

std::string read_stdin() {
  return read_fd(STDIN_FILENO, "<stdin>");
}

}  // namespace teikit
