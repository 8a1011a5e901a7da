#pragma once
// Publishing: the formats' render jobs, run in parallel through the cache, each job's files written
// into a staging folder as it finishes, and the folder swapped in as the output folder only when
// the whole build succeeded (docs/publishing.md). The front half (load, resolve, check) is the caller's.
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"
#include "publish/build_memo.h"
#include "publish/progress.h"
#include "render/render.h"

namespace leitbild {

struct StageTiming {
  std::string stage;  // "load", "resolve", "check", "plan", "render", "render html (job time, summed)", "report", "swap", ...
  double seconds = 0;
};

struct SkippedFormat {
  std::string name;
  std::string reason;
};

struct PublishResult;

struct PublishOptions {
  std::filesystem::path out;                    // the output folder (made absolute by publish)
  std::optional<std::filesystem::path> cache;   // the cache folder; none: render everything, store nothing
  unsigned threads = 1;
  bool werror = false;                          // warnings fail the build too
  bool write_timings = false;                   // also write <out>/timings.json
  std::vector<SkippedFormat> skipped;           // recorded in report.json
  // After a successful build, cache entries unused for this long are removed (docs/publishing.md).
  std::chrono::seconds cache_entry_lifetime = std::chrono::days(14);
  // Test hook (LEITBILD_TEST_SLOW_MS): pause this long after each file written into staging, so a
  // test can interrupt or kill a build while it writes.
  std::chrono::milliseconds slow_write{0};
  // The previous build's memo, given when the output folder is known to be as that build left it
  // (the caller compared its stamps): a job whose cache key is unchanged is not rendered again, its
  // files are linked from the output folder.
  const BuildMemo* previous = nullptr;
  // An incremental build (some editions taken from the memo): the memo's jobs this build did not
  // plan are those editions' jobs, and are linked too.
  bool carry_unplanned = false;
  // With `previous` and a cache: the stamps of the spare folder (output_dir.h) taken with the
  // output folder's, and the inodes both folders had then. The spare is recycled as the staging
  // folder when both inodes are unchanged once the lock is held (else another build ran meanwhile);
  // with `previous`, a changed output folder inode refuses the build.
  const std::vector<FileStamp>* spare = nullptr;
  std::optional<unsigned long long> out_inode;
  std::optional<unsigned long long> spare_inode;
  // Called once the new output is in place (status ok), still holding the output folder's lock,
  // while another thread removes the previous output: the caller's memo of this build.
  std::function<void(PublishResult&)> after_swap;
};

struct PublishResult {
  enum class Status {
    ok,            // the new output folder is in place
    failed,        // errors (content, render): the previous output folder is untouched
    refused,       // another build holds the lock, or --out is not ours to replace
    io_error,      // writing or swapping failed; the previous output folder is untouched
    interrupted,   // SIGINT/SIGTERM: staging removed, previous output folder untouched
  };
  Status status = Status::ok;
  std::string message;  // for everything but ok
  int signal = 0;       // interrupted: which
  std::size_t jobs = 0;
  std::size_t jobs_rendered = 0;
  std::size_t jobs_from_cache = 0;
  std::size_t jobs_carried = 0;  // linked from the previous output folder (PublishOptions::previous)
  std::size_t cache_damaged = 0;
  std::size_t cache_pruned = 0;  // entries unused for PublishOptions::cache_entry_lifetime, removed
  std::size_t files_written = 0;
  std::size_t files_unchanged = 0;  // of files_written, linked from the previous output (output_file.h)
  std::vector<std::filesystem::path> stale_removed;  // leftovers of killed builds
  // For the next build's memo (ok only): every job as planned and written, and report.json's inputs.
  std::vector<MemoJob> memo_jobs;
  std::map<std::string, MemoInput> report_inputs;
  // With after_swap: the new output folder's stamps (stamp_filled_output), nullopt when unknown.
  std::optional<std::vector<FileStamp>> output_stamps;
};

// `timings` comes in with the caller's stages and gets the publisher's appended.
PublishResult publish(const Project& project, const std::vector<const OutputFormat*>& formats,
                      const RenderOptions& render_options, const PublishOptions& options, Diagnostics& diagnostics,
                      std::vector<StageTiming>& timings, Progress& progress);

}  // namespace leitbild
