#pragma once
// Runs render jobs on a pool of threads, each job either taken from the cache or rendered (and
// then stored). Outcomes come back in the jobs' order whatever order they finished in, so the
// output does not depend on the number of threads.
#include <string>
#include <vector>

#include "publish/progress.h"
#include "publish/render_cache.h"
#include "render/render.h"

namespace leitbild {

struct PlannedJob {
  std::string format;
  RenderJob job;
  std::string cache_key;  // empty when the build runs without a cache
};

struct JobOutcome {
  JobResult result;
  bool finished = false;  // false when the build was interrupted before the job ran
  bool from_cache = false;
  bool cache_damaged = false;  // a damaged entry was found (and ignored) for this job
  double seconds = 0;
};

// Stops taking new jobs once interrupt_signal() is set; jobs already running finish.
std::vector<JobOutcome> run_jobs(const std::vector<PlannedJob>& jobs, const RenderCache* cache, unsigned threads,
                                 Progress* progress);

}  // namespace leitbild
