#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace teikit::pipeline {

/// A one-line progress bar on a terminal: documents done/total, rate, time left.
class ProgressBar {
 public:
  /// Draws on `out` (a terminal) at most ten times a second.
  explicit ProgressBar(std::FILE* out) : out_(out), start_(std::chrono::steady_clock::now()) {}
  /// Shows that `done` of `total` documents are finished.
  void update(std::size_t done, std::size_t total);
  /// Clears the line.
  void finish();

 private:
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

}  // namespace teikit::pipeline
