#include "publish/publish.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "model/sha256.h"
#include "model/strings.h"
#include "publish/build_report.h"
#include "publish/interrupt.h"
#include "publish/job_runner.h"
#include "publish/output_file.h"
#include "publish/output_dir.h"
#include "publish/render_cache.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

const std::set<std::string>& reserved_outputs() {
  static const std::set<std::string> names = {"report.json", "timings.json"};
  return names;
}


bool fails(const Diagnostics& diagnostics, bool werror) {
  return diagnostics.has_errors() || (werror && diagnostics.count(Severity::warning) > 0);
}

// Pauses for the test hook, waking early when the build is interrupted.
void test_pause(std::chrono::milliseconds pause) {
  const auto until = Clock::now() + pause;
  while (Clock::now() < until && !interrupt_signal()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}


// Writes each job's files into staging as soon as the job is done, on the job's thread: writing
// overlaps rendering, and a build holds at most one job's output per thread in memory rather than
// the whole site. A file is written only when its path is one a job may use: inside the folder,
// not a name the publisher writes itself, not a file another job already produced.
// A staging folder recycled from the spare: what is in it, and what is published.
struct RecycledStaging {
  std::unordered_map<std::string_view, unsigned long long> inodes;     // its files
  std::unordered_map<std::string_view, unsigned long long> published;  // the output folder's
  std::vector<std::string_view> folders;                               // its folders ("a/b/")

  // The file at `path` in staging is the published file itself (a hard link): nothing to do.
  bool holds_published(std::string_view path) const {
    auto here = inodes.find(path), there = published.find(path);
    return here != inodes.end() && there != published.end() && here->second != 0 && here->second == there->second;
  }
};

class StagingWriter {
 public:
  StagingWriter(OutputFilePlace place, const std::vector<PlannedJob>& jobs, std::chrono::milliseconds pause,
                const RecycledStaging* recycled)
      : place_(std::move(place)), jobs_(jobs), pause_(pause), recycled_(recycled) {}

  // A recycled folder's files no job claimed, then its folders left empty, and the publisher's
  // own files (written afresh).
  void remove_unclaimed() {
    if (!recycled_) return;
    for (const auto& [path, inode] : recycled_->inodes)
      if (owner_.find(path) == owner_.end()) ::unlink((place_.staging / path).c_str());
    std::vector<std::string_view> folders = recycled_->folders;
    std::sort(folders.begin(), folders.end(), [](std::string_view a, std::string_view b) {
      return std::count(a.begin(), a.end(), '/') > std::count(b.begin(), b.end(), '/');
    });
    for (std::string_view folder : folders) ::rmdir((place_.staging / folder).c_str());  // fails unless empty
    for (const char* name : {"report.json", "timings.json"}) ::unlink((place_.staging / name).c_str());
  }

  void operator()(std::size_t index, JobOutcome& outcome) {
    if (outcome.carried) return link_carried(index, outcome);
    std::vector<Diagnostic>& job_diagnostics = outcome.result.diagnostics;
    const std::string& key = jobs_[index].job.key;
    const bool failed = std::any_of(job_diagnostics.begin(), job_diagnostics.end(),
                                    [](const Diagnostic& d) { return d.severity == Severity::error; });
    Diagnostics diagnostics;
    for (OutputFile& file : outcome.result.outputs) {
      if (failed || interrupt_signal()) break;  // the build will not be published
      if (!is_safe_relative_path(file.path) || reserved_outputs().count(file.path)) {
        diagnostics.add("LB0620", {}, fmt::format("the job `{}` produced the file name `{}`, which is not allowed", key, file.path));
        continue;
      }
      if (std::optional<std::size_t> other = claim(file.path, index)) {
        const auto [first, second] = std::minmax(*other, index);
        diagnostics.add("LB0620", {}, fmt::format("the jobs `{}` and `{}` both produced `{}`", jobs_[first].job.key,
                                                  jobs_[second].job.key, file.path));
        continue;
      }
      const OutputFileResult put = put_output_file(place_, file.path, file.bytes);
      if (!put.error.empty()) {
        diagnostics.add("LB0601", {}, put.error);
        outcome.write_failed = true;
        break;
      }
      const bool linked = put.way == OutputFileWay::linked;
      outcome.unchanged += linked;
      outcome.written.push_back({std::move(file.path), file.bytes.size(), sha256_hex(file.bytes), linked});
      if (pause_.count() > 0) test_pause(pause_);
    }
    for (Diagnostic& d : diagnostics.all()) job_diagnostics.push_back(std::move(d));
    outcome.result.outputs = {};  // written (or not to be published): the bytes are not needed any more
  }

 private:
  void link_carried(std::size_t index, JobOutcome& outcome) {
    Diagnostics diagnostics;
    for (const WrittenFile& file : jobs_[index].carried->written) {
      if (interrupt_signal()) break;
      if (std::optional<std::size_t> other = claim(file.path, index)) {
        const auto [first, second] = std::minmax(*other, index);
        diagnostics.add("LB0620", {}, fmt::format("the jobs `{}` and `{}` both produced `{}`", jobs_[first].job.key,
                                                  jobs_[second].job.key, file.path));
        continue;
      }
      if (recycled_ && recycled_->holds_published(file.path)) {
        ++outcome.unchanged;
        outcome.written.push_back(file);
        outcome.written.back().linked = true;
        continue;
      }
      const OutputFileResult put = link_previous_output(place_, file.path);
      if (!put.error.empty()) {
        diagnostics.add("LB0601", {}, put.error);
        outcome.write_failed = true;
        break;
      }
      ++outcome.unchanged;
      outcome.written.push_back(file);
      outcome.written.back().linked = put.way == OutputFileWay::linked;
      if (pause_.count() > 0) test_pause(pause_);
    }
    for (Diagnostic& d : diagnostics.all()) outcome.result.diagnostics.push_back(std::move(d));
  }

  // The job that already produced `path`, if any; otherwise `path` is now `index`'s.
  std::optional<std::size_t> claim(const std::string& path, std::size_t index) {
    std::lock_guard lock(mutex_);
    auto [it, fresh] = owner_.emplace(path, index);
    if (fresh) return std::nullopt;
    return it->second;
  }

  const OutputFilePlace place_;
  const std::vector<PlannedJob>& jobs_;
  const std::chrono::milliseconds pause_;
  const RecycledStaging* recycled_;
  std::mutex mutex_;
  std::map<std::string, std::size_t, std::less<>> owner_;  // output path -> job index
};

// Marks the planned jobs whose previous output still stands (same format, same cache key) and,
// for an incremental build, adds the memo's jobs nobody planned (those of the editions taken from
// the memo) as carried jobs.
void carry_over(std::vector<PlannedJob>& jobs, const BuildMemo& previous, bool carry_unplanned) {
  std::unordered_map<std::string_view, const MemoJob*> unplanned;
  for (const MemoJob& job : previous.jobs) unplanned.emplace(job.key, &job);
  for (PlannedJob& planned : jobs) {
    auto it = unplanned.find(planned.job.key);
    if (it == unplanned.end()) continue;
    const MemoJob& before = *it->second;
    if (!planned.cache_key.empty() && before.format == planned.format && before.cache_key == planned.cache_key)
      planned.carried = &before;
    unplanned.erase(it);
  }
  if (!carry_unplanned) return;
  for (const MemoJob& job : previous.jobs) {
    if (!unplanned.count(job.key)) continue;
    PlannedJob planned;
    planned.format = job.format;
    planned.job.key = job.key;
    planned.job.inputs = job.inputs;
    planned.job.theme_inputs = job.theme_inputs;
    planned.cache_key = job.cache_key;
    planned.carried = &job;
    jobs.push_back(std::move(planned));
  }
}

MemoJob memo_job(const Project& project, const PlannedJob& planned, const JobOutcome& outcome) {
  MemoJob job;
  job.format = planned.format;
  job.key = planned.job.key;
  job.cache_key = planned.cache_key;
  // Texts are in the report's inputs by path already; the memo keeps the other files a job named.
  for (const std::string& input : planned.job.inputs)
    if (!project.sources.count(input)) job.inputs.push_back(input);
  job.theme_inputs = planned.job.theme_inputs;
  job.written = outcome.written;
  job.diagnostics = outcome.result.diagnostics;
  return job;
}

class StagingGuard {
 public:
  explicit StagingGuard(fs::path path) : path_(std::move(path)) {}
  ~StagingGuard() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  void release() { path_.clear(); }

 private:
  fs::path path_;
};

}  // namespace

PublishResult publish(const Project& project, const std::vector<const OutputFormat*>& formats,
                      const RenderOptions& render_options, const PublishOptions& options, Diagnostics& diagnostics,
                      std::vector<StageTiming>& timings, Progress& progress) {
  const auto publish_start = Clock::now();
  PublishResult result;
  const fs::path out = normalized_output_path(options.out);
  auto interrupted = [&] {
    result.status = PublishResult::Status::interrupted;
    result.signal = interrupt_signal();
    result.message = fmt::format("interrupted; `{}` was left as it was", out.string());
    return result;
  };

  if (std::string why = check_replaceable(out); !why.empty()) {
    result.status = PublishResult::Status::refused;
    result.message = why;
    return result;
  }
  std::error_code ec;
  fs::create_directories(out.parent_path(), ec);
  std::string lock_error;
  auto lock = OutputLock::acquire(out, lock_error);
  if (!lock) {
    result.status = PublishResult::Status::refused;
    result.message = lock_error;
    return result;
  }
  result.stale_removed = remove_stale_siblings(out);
  // The memo was compared with the output folder before the lock was taken: a build that ran in
  // between replaced the folder (a new inode), and what this build would link is not what it saw.
  if (options.previous && options.out_inode && folder_inode(out) != options.out_inode) {
    result.status = PublishResult::Status::refused;
    result.message = fmt::format("another build replaced `{}` while this one read the tree; nothing was written, "
                                 "run the build again", out.string());
    return result;
  }

  timings.push_back({"lock", since(publish_start)});
  // Plan.
  auto stage_start = Clock::now();
  std::vector<PlannedJob> jobs;
  std::vector<std::string> format_names;
  std::set<std::string> job_keys;
  for (const OutputFormat* format : formats) {
    format_names.push_back(format->name);
    std::vector<RenderJob> planned;
    try {
      planned = format->plan(project, render_options);
    } catch (const std::exception& e) {
      diagnostics.add("LB0620", {}, fmt::format("the {} format could not plan its work: {}", format->name, e.what()));
      continue;
    }
    for (auto& job : planned) {
      if (!job_keys.insert(job.key).second) {
        diagnostics.add("LB0620", {}, fmt::format("two render jobs are both called `{}`", job.key));
        continue;
      }
      std::size_t weight = 0;
      for (const std::string& input : job.inputs)
        if (auto it = project.sources.find(input); it != project.sources.end()) weight += it->second.size();
      jobs.push_back({format->name, std::move(job), {}, weight});
    }
  }
  SourceFingerprints fingerprints = fingerprint_sources(project);
  if (options.previous && options.carry_unplanned) {
    // The texts of the editions taken from the memo, as the last build read them: the keys of the
    // jobs that name them (the next edition's "what is new" page) come out as that build's.
    std::set<int> taken;
    for (const Edition& edition : project.editions)
      if (edition.manifest_only) taken.insert(edition.number);
    for (const auto& [path, input] : options.previous->report_inputs)
      if (auto edition = edition_of_path(path); input.text && edition && taken.count(*edition))
        fingerprints.emplace(path, input.sha256);
  }
  std::optional<RenderCache> cache;
  if (options.cache) {
    cache.emplace(*options.cache);
    for (auto& planned : jobs)
      planned.cache_key = job_cache_key(project, fingerprints, planned.format, planned.job, render_options);
  }
  if (options.previous) carry_over(jobs, *options.previous, options.carry_unplanned);
  for (const PlannedJob& planned : jobs) {
    // Rendering a job over an edition taken from the memo would render it without its chapters.
    if (planned.carried || !options.carry_unplanned) continue;
    for (const std::string& input : planned.job.inputs) {
      const std::optional<int> number = edition_of_path(input);
      const Edition* edition = number ? project.find_edition(*number) : nullptr;
      if (!edition || !edition->manifest_only || edition->from_text_view || project.sources.count(input)) continue;
      diagnostics.add("LB0620", {}, fmt::format("the {} job `{}` needs edition {}, which this incremental build took from "
                                                "the memo without loading it", planned.format, planned.job.key, *number),
                      "This is a bug in leitbild: report it. Meanwhile build with --no-cache.");
      break;
    }
  }
  timings.push_back({"plan", since(stage_start)});
  result.jobs = jobs.size();
  if (fails(diagnostics, options.werror)) {
    result.status = PublishResult::Status::failed;
    result.message = fmt::format("nothing was written; `{}` was left as it was", out.string());
    return result;
  }

  // Render, each job's files written into staging as it finishes.
  const fs::path staging = staging_path(out);
  StagingGuard guard(staging);
  fs::remove_all(staging, ec);
  // The spare folder as staging, when the output folder and the spare are as stamped before the
  // lock was taken (a build that ran meanwhile swapped them).
  const std::optional<fs::path> spare = options.cache ? std::optional(spare_path(*options.cache, out)) : std::nullopt;
  std::optional<RecycledStaging> recycled;
  if (spare && options.previous && options.spare && options.out_inode && options.spare_inode &&
      folder_inode(out) == options.out_inode && folder_inode(*spare) == options.spare_inode &&
      ::rename(spare->c_str(), staging.c_str()) == 0) {
    recycled.emplace();
    for (const FileStamp& stamp : *options.spare) {
      if (stamp.path.ends_with('/')) recycled->folders.push_back(stamp.path);
      else recycled->inodes.emplace(stamp.path, stamp.inode);
    }
    for (const FileStamp& stamp : options.previous->output)
      if (!stamp.path.ends_with('/')) recycled->published.emplace(stamp.path, stamp.inode);
  } else if (!fs::create_directory(staging, ec) || ec) {
    result.status = PublishResult::Status::io_error;
    result.message = fmt::format("cannot create the staging folder `{}`: {}", staging.string(), ec.message());
    return result;
  }
  stage_start = Clock::now();
  progress.start_stage("render", jobs.size());
  StagingWriter writer({staging, out, render_options.source_date_epoch}, jobs, options.slow_write,
                       recycled ? &*recycled : nullptr);
  std::vector<JobOutcome> outcomes =
      run_jobs(jobs, cache ? &*cache : nullptr, options.threads, &progress,
               [&writer](std::size_t index, JobOutcome& outcome) { writer(index, outcome); });
  if (!interrupt_signal()) writer.remove_unclaimed();
  progress.finish_stage();
  timings.push_back({"render", since(stage_start)});
  std::map<std::string, double> per_format;
  for (std::size_t i = 0; i < jobs.size(); ++i) per_format[jobs[i].format] += outcomes[i].seconds;
  for (const auto& name : format_names) timings.push_back({"render " + name + " (job time, summed)", per_format[name]});
  if (interrupt_signal()) return interrupted();

  bool write_failed = false;
  for (const JobOutcome& outcome : outcomes) {
    result.jobs_from_cache += outcome.from_cache;
    result.jobs_carried += outcome.carried;
    result.jobs_rendered += outcome.finished && !outcome.from_cache && !outcome.carried;
    result.cache_damaged += outcome.cache_damaged;
    result.files_written += outcome.written.size();
    result.files_unchanged += outcome.unchanged;
    write_failed |= outcome.write_failed;
    diagnostics.append(outcome.result.diagnostics);
  }
  if (write_failed) {
    result.status = PublishResult::Status::io_error;
    result.message = fmt::format("nothing was published; `{}` was left as it was", out.string());
    return result;
  }
  if (fails(diagnostics, options.werror)) {
    result.status = PublishResult::Status::failed;
    result.message = fmt::format("nothing was published; `{}` was left as it was", out.string());
    return result;
  }

  // The report, once every file is known.
  stage_start = Clock::now();
  progress.start_stage("report", 1, "files");
  result.report_inputs = report_inputs(project, fingerprints, jobs, options.previous);
  if (std::string error = write_output_file(staging / "report.json",
                                       report_json(project, result.report_inputs, format_names, options.skipped, jobs, outcomes, render_options, diagnostics),
                                       render_options.source_date_epoch);
      !error.empty()) {
    diagnostics.add("LB0601", {}, error);
    result.status = PublishResult::Status::io_error;
    result.message = fmt::format("nothing was published; `{}` was left as it was", out.string());
    return result;
  }
  ++result.files_written;
  progress.advance();
  progress.finish_stage();
  timings.push_back({"report", since(stage_start)});
  if (options.write_timings) {
    // The swap comes after this file is written: only the table --timings prints shows it.
    if (std::string error = write_output_file(staging / "timings.json", timings_json(timings, jobs, outcomes), std::nullopt);
        !error.empty())
      diagnostics.add("LB0601", {}, error);
  }
  if (interrupt_signal()) return interrupted();

  // Swap: from here on a signal no longer stops the build; the swap is two renames.
  stage_start = Clock::now();
  fs::path previous_output;
  if (std::string error = swap_into_place(staging, out, &previous_output); !error.empty()) {
    diagnostics.add("LB0601", {}, error);
    result.status = PublishResult::Status::io_error;
    result.message = fmt::format("the new output could not be put in place; `{}` was left as it was", out.string());
    return result;
  }
  guard.release();
  timings.push_back({"swap", since(stage_start)});
  // The previous output becomes the spare (a stale spare, left by a build that could not recycle
  // it, goes); without a cache, or where the cache is on another filesystem, it is removed.
  std::vector<fs::path> to_remove;
  if (!previous_output.empty() && spare) {
    if (!recycled && fs::exists(fs::symlink_status(*spare, ec))) {
      const fs::path stale = spare->string() + fmt::format(".old-{}", getpid());
      if (::rename(spare->c_str(), stale.c_str()) == 0) to_remove.push_back(stale);
    }
    fs::create_directories(spare->parent_path(), ec);
    if (!fs::exists(fs::symlink_status(*spare, ec)) && ::rename(previous_output.c_str(), spare->c_str()) == 0)
      previous_output.clear();
    // The spares of output folders nobody built into for as long as cache entries live (a spare's
    // folder changes with every build that recycles it), and leftovers of killed builds.
    const auto now = fs::file_time_type::clock::now();
    for (const auto& entry : fs::directory_iterator(spare->parent_path(), ec)) {
      std::error_code entry_ec;
      const auto written = entry.last_write_time(entry_ec);
      if (entry.path() == *spare || entry_ec || now - written < options.cache_entry_lifetime) continue;
      const fs::path aside = entry.path().string() + fmt::format(".old-{}", getpid());
      if (::rename(entry.path().c_str(), aside.c_str()) == 0) to_remove.push_back(aside);
    }
  }
  if (!previous_output.empty()) to_remove.push_back(previous_output);
  std::jthread removal;
  if (!to_remove.empty())
    removal = std::jthread([to_remove] {
      for (const fs::path& folder : to_remove) remove_output_tree(folder);
    });
  result.memo_jobs.reserve(jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) result.memo_jobs.push_back(memo_job(project, jobs[i], outcomes[i]));
  if (options.after_swap) {
    std::vector<OutputEntry> files;
    files.reserve(result.files_written);
    for (const JobOutcome& outcome : outcomes)
      for (const WrittenFile& file : outcome.written) files.push_back({file.path, file.linked});
    files.push_back({"report.json", false});
    static const std::vector<FileStamp> none;
    result.output_stamps = stamp_filled_output(out, options.previous ? options.previous->output : none, files);
    options.after_swap(result);
  }
  if (cache) {
    std::unordered_set<std::string> used;
    for (const auto& planned : jobs) used.insert(planned.cache_key);
    result.cache_pruned = cache->prune(used, options.cache_entry_lifetime);
  }
  if (removal.joinable()) removal.join();
  timings.push_back({"after swap", since(stage_start)});
  return result;
}

}  // namespace leitbild
