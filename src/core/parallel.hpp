#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace teikit {

/// The number of worker threads to use for `requested` (0 = one per core).
inline unsigned job_count(unsigned requested) {
  if (requested > 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

/// Runs `work(worker_state, i)` for i in [0, n) on `jobs` threads; each thread first makes
/// its own state with `make_state()`. Results must go to slots indexed by i, so output order
/// never depends on the job count. The first exception thrown is rethrown here.
template <typename MakeState, typename Work>
void parallel_for(std::size_t n, unsigned jobs, MakeState make_state, Work work) {
  jobs =
      static_cast<unsigned>(std::min<std::size_t>(std::max(1u, jobs), std::max<std::size_t>(n, 1)));
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&] {
    try {
      auto state = make_state();
      for (std::size_t i = next++; i < n; i = next++) work(state, i);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = n;
    }
  };
  if (jobs == 1) {
    run();
  } else {
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(run);
    for (auto& thread : threads) thread.join();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace teikit
