#include "publish/output_dir.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/parallel.h"
#include "model/sha256.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

fs::path sibling(const fs::path& out, const std::string& suffix) {
  return out.parent_path() / (out.filename().string() + suffix);
}

// Removes the previous output after a swap. Its top-level entries (one folder per edition) are
// removed on all cores: unlinking thousands of files one after another was half of the time a
// large build spends after its last job.
void remove_tree_on_all_cores(const fs::path& root) {
  std::error_code ec;
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(root, ec)) entries.push_back(entry.path());
  for_each_in_parallel(entries.size(), threads_for(entries.size(), 2), [&] {
    return [&](std::size_t i) {
      std::error_code entry_ec;
      fs::remove_all(entries[i], entry_ec);
    };
  });
  fs::remove_all(root, ec);  // and whatever could not be listed
}

std::string read_small_file(int fd) {
  char buffer[64] = {};
  ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
  std::string text = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

fs::path normalized_output_path(const fs::path& out) {
  fs::path absolute = fs::absolute(out).lexically_normal();
  if (absolute.filename().empty() && absolute.has_parent_path() && absolute != absolute.root_path())
    absolute = absolute.parent_path();
  return absolute;
}

fs::path output_lock_path(const fs::path& out) { return sibling(out, ".lock"); }

fs::path staging_path(const fs::path& out) { return sibling(out, fmt::format(".staging-{}", getpid())); }

std::optional<OutputLock> OutputLock::acquire(const fs::path& out, std::string& error) {
  const fs::path path = output_lock_path(out);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = fmt::format("cannot create the lock file `{}`: {}", path.string(), std::strerror(errno));
    return std::nullopt;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int saved = errno;
    std::string holder = read_small_file(fd);
    ::close(fd);
    if (saved == EWOULDBLOCK)
      error = fmt::format("another leitbild build{} is writing into `{}` (it holds `{}`); wait for it to finish "
                          "or use another --out",
                          holder.empty() ? "" : " (process " + holder + ")", out.string(), path.string());
    else
      error = fmt::format("cannot lock `{}`: {}", path.string(), std::strerror(saved));
    return std::nullopt;
  }
  // Who holds it, for the message other builds print. Informational only: the flock is the lock.
  std::string pid = fmt::format("{}\n", getpid());
  if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // Not fatal: the message of a refused build just names no process.
  }
  return OutputLock(fd);
}

OutputLock::OutputLock(OutputLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

std::string check_replaceable(const fs::path& out) {
  std::error_code ec;
  auto status = fs::symlink_status(out, ec);
  if (ec || !fs::exists(status)) return {};
  if (fs::is_symlink(status))
    return fmt::format("`{}` is a symbolic link; give --out the real folder", out.string());
  if (!fs::is_directory(status)) return fmt::format("`{}` exists and is not a folder", out.string());
  if (fs::is_empty(out, ec) || fs::exists(out / "report.json", ec)) return {};
  return fmt::format(
      "`{}` is not empty and was not written by `leitbild build` (it has no report.json); leitbild replaces its output "
      "folder as a whole, so choose an empty or new --out",
      out.string());
}

std::vector<fs::path> remove_stale_siblings(const fs::path& out) {
  std::vector<fs::path> removed;
  const std::string name = out.filename().string();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
    const std::string other = entry.path().filename().string();
    if (!other.starts_with(name + ".staging-") && !other.starts_with(name + ".old-")) continue;
    std::error_code remove_ec;
    fs::remove_all(entry.path(), remove_ec);
    if (!remove_ec) removed.push_back(entry.path());
  }
  return removed;
}

void remove_output_tree(const fs::path& root) { remove_tree_on_all_cores(root); }

fs::path spare_path(const fs::path& cache, const fs::path& out) {
  return cache / "spare-v1" / sha256_hex(normalized_output_path(out).string()).substr(0, 32);
}

std::optional<unsigned long long> folder_inode(const fs::path& folder) {
  struct stat st;
  if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return std::nullopt;
  return st.st_ino;
}

std::string swap_into_place(const fs::path& staging, const fs::path& out, fs::path* previous) {
  auto remove_tree = [previous](const fs::path& old) {
    if (previous) *previous = old;
    else remove_tree_on_all_cores(old);
  };
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(out, ec))) {
    if (::rename(staging.c_str(), out.c_str()) != 0)
      return fmt::format("cannot move `{}` to `{}`: {}", staging.string(), out.string(), std::strerror(errno));
    return {};
  }
#ifdef RENAME_EXCHANGE
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) {
    remove_tree(staging);  // now the previous output
    return {};
  }
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return fmt::format("cannot swap `{}` into `{}`: {}", staging.string(), out.string(), std::strerror(errno));
#endif
  const fs::path old = sibling(out, fmt::format(".old-{}", getpid()));
  if (::rename(out.c_str(), old.c_str()) != 0)
    return fmt::format("cannot move the previous `{}` aside: {}", out.string(), std::strerror(errno));
  if (::rename(staging.c_str(), out.c_str()) != 0) {
    std::string error = fmt::format("cannot move `{}` to `{}`: {}", staging.string(), out.string(), std::strerror(errno));
    ::rename(old.c_str(), out.c_str());
    return error;
  }
  remove_tree(old);
  return {};
}

}  // namespace leitbild
