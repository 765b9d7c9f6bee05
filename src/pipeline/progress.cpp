#include "pipeline/progress.hpp"

namespace teikit::pipeline {

void ProgressBar::update(std::size_t done, std::size_t total) {
  auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  double left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  constexpr int width = 30;
  int filled = total > 0 ? static_cast<int>(width * done / total) : width;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(width, '.');
  std::fprintf(out_, "\r[%s] %zu/%zu  %.0f docs/s  ETA %.0fs   ", bar.c_str(), done, total, rate,
               left);
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  std::fprintf(out_, "\r%*s\r", 70, "");
  std::fflush(out_);
}

}  // namespace teikit::pipeline
