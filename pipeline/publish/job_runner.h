#pragma once
// Runs render jobs on a pool of threads, each job either taken from the cache or rendered (and
// then stored). Outcomes come back in the jobs' order whatever order they finished in, so the
// output does not depend on the number of threads.
#include <functional>
#include <string>
#include <vector>

#include "publish/progress.h"
#include "publish/render_cache.h"
#include "render/render.h"

namespace leitbild {

struct MemoJob;

struct PlannedJob {
  std::string format;
  RenderJob job;
  std::string cache_key;  // empty when the build runs without a cache
  // A guess at the job's cost (the bytes of its inputs): the longest jobs start first, so that two
  // threads do not end with one big job running alone.
  std::size_t weight = 0;
  // Set when the previous build's output of this job is still right (same cache key, or its
  // edition taken from the build memo): its files are linked from the previous output folder.
  const MemoJob* carried = nullptr;
};

// One output file once it is on disk (the bytes themselves are not kept).
struct WrittenFile {
  std::string path;
  std::size_t size = 0;
  std::string sha256;
  // This build hard-linked it from the previous output folder (so it kept that file's stamp). Not
  // kept in the memo.
  bool linked = false;
};

struct JobOutcome {
  JobResult result;
  std::vector<WrittenFile> written;  // filled by the publisher's JobFinished
  std::size_t unchanged = 0;  // of `written`, how many were linked from the previous output
  bool write_failed = false;
  bool finished = false;  // false when the build was interrupted before the job ran
  bool from_cache = false;
  bool carried = false;  // PlannedJob::carried: nothing was rendered or read from the cache
  bool cache_damaged = false;  // a damaged entry was found (and ignored) for this job
  double seconds = 0;
};

// Called on the worker thread as soon as a job is done (rendered or taken from the cache), in no
// particular order; it may consume outcome.result.outputs.
using JobFinished = std::function<void(std::size_t job_index, JobOutcome& outcome)>;

// Stops taking new jobs once interrupt_signal() is set; jobs already running finish.
std::vector<JobOutcome> run_jobs(const std::vector<PlannedJob>& jobs, const RenderCache* cache, unsigned threads,
                                 Progress* progress, const JobFinished& finished = {});

}  // namespace leitbild
