#include "publish/job_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <thread>

#include <fmt/format.h>

#include "publish/build_memo.h"
#include "publish/interrupt.h"
#include "render/xhtml/xml_tree.h"

namespace leitbild {

namespace {

JobResult render(const PlannedJob& planned) {
  JobResult result;
  Diagnostics diagnostics;
  try {
    result.outputs = planned.job.run(diagnostics);
  } catch (const std::exception& e) {
    diagnostics.add("LB0620", {}, fmt::format("the {} job `{}` failed: {}", planned.format, planned.job.key, e.what()));
  } catch (...) {
    diagnostics.add("LB0620", {}, fmt::format("the {} job `{}` failed with an unknown error", planned.format, planned.job.key));
  }
  result.diagnostics = std::move(diagnostics.all());
  return result;
}

bool has_errors(const JobResult& result) {
  for (const Diagnostic& d : result.diagnostics)
    if (d.severity == Severity::error) return true;
  return false;
}

void run_one(const PlannedJob& planned, const RenderCache* cache, JobOutcome& outcome) {
  const auto start = std::chrono::steady_clock::now();
  if (planned.carried) {
    outcome.result.diagnostics = planned.carried->diagnostics;
    outcome.carried = true;
    outcome.finished = true;
    return;
  }
  if (cache && !planned.cache_key.empty()) {
    if (auto hit = cache->load(planned.cache_key, &outcome.cache_damaged)) {
      outcome.result = std::move(*hit);
      outcome.from_cache = true;
    }
  }
  if (!outcome.from_cache) {
    outcome.result = render(planned);
    // A job with errors fails the build; rendering it again next time costs little and is honest.
    if (cache && !planned.cache_key.empty() && !has_errors(outcome.result)) cache->store(planned.cache_key, outcome.result);
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outcome.finished = true;
}

}  // namespace

std::vector<JobOutcome> run_jobs(const std::vector<PlannedJob>& jobs, const RenderCache* cache, unsigned threads,
                                 Progress* progress, const JobFinished& finished) {
  std::vector<JobOutcome> outcomes(jobs.size());
  std::vector<std::size_t> order(jobs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return jobs[a].weight > jobs[b].weight; });
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      if (interrupt_signal()) return;
      const std::size_t n = next.fetch_add(1);
      if (n >= jobs.size()) return;
      const std::size_t i = order[n];
      run_one(jobs[i], cache, outcomes[i]);
      if (finished) finished(i, outcomes[i]);
      if (progress) progress->advance();
    }
  };
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(jobs.size(), 1))));
  if (threads == 1) {
    worker();
  } else {
    initialise_xml_library();
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& thread : pool) thread.join();
  }
  return outcomes;
}

}  // namespace leitbild
