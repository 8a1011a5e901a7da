#include "model/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace leitbild {
namespace {

TEST(Parallel, EveryPieceRunsOnceAndEachThreadMakesItsOwnWorker) {
  constexpr std::size_t kPieces = 1000;
  std::vector<int> runs(kPieces, 0);
  std::vector<std::thread::id> ran_on(kPieces);
  std::atomic<int> workers{0};
  for_each_in_parallel(kPieces, 3, [&] {
    ++workers;
    return [&](std::size_t i) {
      ++runs[i];  // each slot is written by exactly one thread
      ran_on[i] = std::this_thread::get_id();
    };
  });
  EXPECT_EQ(workers.load(), 3);
  for (int n : runs) EXPECT_EQ(n, 1);
  EXPECT_LE(std::set<std::thread::id>(ran_on.begin(), ran_on.end()).size(), 3u);
}

TEST(Parallel, OneThreadRunsOnTheCaller) {
  std::vector<std::thread::id> ran_on;
  for_each_in_parallel(5, 1, [&] { return [&](std::size_t) { ran_on.push_back(std::this_thread::get_id()); }; });
  ASSERT_EQ(ran_on.size(), 5u);
  for (const auto& id : ran_on) EXPECT_EQ(id, std::this_thread::get_id());
  for_each_in_parallel(0, 2, [&] { return [&](std::size_t) { ADD_FAILURE() << "no pieces, no calls"; }; });
}

TEST(Parallel, TheFirstFailureReachesTheCallerAndStopsTheRest) {
  std::atomic<std::size_t> done{0};
  EXPECT_THROW(for_each_in_parallel(10000, 2,
                                    [&] {
                                      return [&](std::size_t i) {
                                        if (i == 10) throw std::runtime_error("piece 10");
                                        ++done;
                                      };
                                    }),
               std::runtime_error);
  EXPECT_LT(done.load(), 10000u);
}

TEST(Parallel, ThreadsForScalesWithThePiecesAndStopsAtTheCores) {
  EXPECT_EQ(threads_for(0, 32), 1u);
  EXPECT_EQ(threads_for(31, 32), 1u);
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  EXPECT_EQ(threads_for(64, 32), std::min<std::size_t>(2, cores));
  EXPECT_EQ(threads_for(1'000'000, 1), cores);
}

}  // namespace
}  // namespace leitbild
