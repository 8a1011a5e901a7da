#pragma once
// The output folder's life cycle (docs/publishing.md): a build takes `<out>.lock`, writes into
// `<out>.staging-<pid>` beside the output folder (same filesystem, so the swap is a rename) and
// only when everything succeeded swaps the staging folder in. Whatever happens before the swap,
// the previous output folder is never touched.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace leitbild {

// `out` made absolute and without a trailing slash, so that siblings can be named from it.
std::filesystem::path normalized_output_path(const std::filesystem::path& out);

std::filesystem::path output_lock_path(const std::filesystem::path& out);     // <out>.lock
std::filesystem::path staging_path(const std::filesystem::path& out);         // <out>.staging-<pid>

// An exclusive flock on `<out>.lock`, held for the whole build; the kernel drops it when the
// process dies, however it dies. The lock file itself stays (removing it would race).
class OutputLock {
 public:
  // nullopt when another process holds the lock (or it cannot be created); `error` says why.
  static std::optional<OutputLock> acquire(const std::filesystem::path& out, std::string& error);
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();

 private:
  explicit OutputLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// Empty when `out` may be replaced by a build: it does not exist, is an empty folder, or holds a
// previous build (report.json). Otherwise why not: leitbild never replaces a folder it did not make.
std::string check_replaceable(const std::filesystem::path& out);

// Removes `<out>.staging-*` and `<out>.old-*` left behind by builds that were killed. Call it only
// while holding the lock: then no other build is using them. Returns what was removed.
std::vector<std::filesystem::path> remove_stale_siblings(const std::filesystem::path& out);

// Makes `staging` the new `out` and removes the previous one: renameat2(RENAME_EXCHANGE) where the
// filesystem has it, else rename out -> <out>.old-<pid>, staging -> out. Empty on success; on
// failure `out` is as it was and the message says what went wrong.
// With `previous`, the previous output is not removed: its new path (a sibling that
// remove_stale_siblings also removes) is put there for the caller to remove_output_tree().
std::string swap_into_place(const std::filesystem::path& staging, const std::filesystem::path& out,
                            std::filesystem::path* previous = nullptr);

// Removes a whole output folder, its top-level entries on all cores.
void remove_output_tree(const std::filesystem::path& root);

// The spare folder (docs/publishing.md, "Recycling the previous folder"): after a build with a
// cache, the output folder it replaced is kept in the cache, CACHE/spare-v1/<hash of out>, instead
// of being removed, and the next build that can trust the memo takes it as its staging folder,
// replacing only the files that differ. Most of its files are hard links of the published ones.
std::filesystem::path spare_path(const std::filesystem::path& cache, const std::filesystem::path& out);

// The inode of a folder, nullopt when there is none: a build that swaps a folder changes it.
std::optional<unsigned long long> folder_inode(const std::filesystem::path& folder);

}  // namespace leitbild
