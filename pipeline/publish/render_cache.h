#pragma once
// The content-addressed render cache (docs/publishing.md). A job's key is the SHA-256 of every
// input that can change what it renders: the leitbild binary, the format, the job key, the text
// of each source it names, each theme file it names, and the render options. An entry holds the
// job's output files and diagnostics, behind a checksum of its own bytes: a damaged entry is
// detected, ignored and rendered again, never published.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"
#include "render/render.h"

namespace leitbild {

struct JobResult {
  Outputs outputs;
  std::vector<Diagnostic> diagnostics;
};

// What identifies this build of leitbild: its version and the running binary's GNU build id (or,
// without one, the SHA-256 of the executable), so a rebuilt binary never reuses old entries.
const std::string& tool_fingerprint();

// SHA-256 (hex) of every text in Project::sources by path, computed once per build on every core:
// the cache keys and the build report both name them, and one chapter is an input of several jobs.
using SourceFingerprints = std::unordered_map<std::string, std::string>;
SourceFingerprints fingerprint_sources(const Project& project);

// Fingerprint of one named input: its text's from `sources`, else the bytes of the file under the
// root (images and other non-text files), else "missing".
std::string input_fingerprint(const Project& project, const SourceFingerprints& sources, const std::string& path);

std::string job_cache_key(const Project& project, const SourceFingerprints& sources, const std::string& format,
                          const RenderJob& job, const RenderOptions& options);

std::string serialize_job_result(const JobResult& result);
std::optional<JobResult> deserialize_job_result(std::string_view bytes);  // nullopt: damaged

class RenderCache {
 public:
  explicit RenderCache(std::filesystem::path dir) : dir_(std::move(dir)) {}
  // nullopt on a miss; a damaged entry also misses, is removed, and `damaged` tells it.
  std::optional<JobResult> load(const std::string& key, bool* damaged = nullptr) const;
  // Best effort: a cache that cannot be written only costs time.
  void store(const std::string& key, const JobResult& result) const;
  // Removes the entries no build has used for `unused_for` (an entry's modification time is set
  // when it is stored and renewed by every hit), except those named in `keep`, and temporary files
  // of writers killed that long ago. Best effort; returns how many files went.
  std::size_t prune(const std::unordered_set<std::string>& keep, std::chrono::seconds unused_for) const;
  std::filesystem::path entry_path(const std::string& key) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path entries_dir() const;  // <dir>/v1/<first two hex digits>/<key>
  std::filesystem::path dir_;
};

}  // namespace leitbild
