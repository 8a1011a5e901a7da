#pragma once
// Spreading independent pieces of work over the cores: the loader's files, the term scan's texts,
// the checks. Each piece writes only its own result slot, so results are taken over in index order
// afterwards and never depend on how the threads interleaved.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace leitbild {

// How many threads `count` pieces deserve: one per `pieces_per_thread` pieces, at least one, at
// most one per core.
inline std::size_t threads_for(std::size_t count, std::size_t pieces_per_thread) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::clamp<std::size_t>(count / std::max<std::size_t>(pieces_per_thread, 1), 1, cores);
}

// Calls worker(i) for every i below `count`, on `threads` threads (the calling thread is one of
// them). make_worker() runs once on each thread and returns that thread's worker, so state that
// must not be shared (an ICU break iterator) is made per thread. The first exception stops the
// remaining pieces and is thrown again on the calling thread once every thread has stopped.
template <typename MakeWorker>
void for_each_in_parallel(std::size_t count, std::size_t threads, MakeWorker make_worker) {
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto run = [&] {
    try {
      auto worker = make_worker();
      for (std::size_t i; (i = next.fetch_add(1)) < count;) worker(i);
    } catch (...) {
      next = count;
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(run);
  run();
  for (std::thread& helper : helpers) helper.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace leitbild
