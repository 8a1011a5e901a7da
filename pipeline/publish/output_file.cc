#include "publish/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "model/file_descriptor.h"
#include "publish/atomic_file.h"

namespace leitbild {

namespace fs = std::filesystem;

namespace {

std::string create_parent(const fs::path& path) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return fmt::format("cannot create the folder `{}`: {}", path.parent_path().string(), ec.message());
  return {};
}

// Whether the file at `path` holds exactly `bytes` (and has the epoch as its modification time).
bool holds(const fs::path& path, std::string_view bytes, const std::optional<long long>& epoch) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) return false;
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) != bytes.size()) return false;
  if (epoch && (st.st_mtim.tv_sec != *epoch || st.st_mtim.tv_nsec != 0)) return false;
  std::array<char, 1 << 16> buffer;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const ssize_t got = ::read(fd.get(), buffer.data(), std::min(buffer.size(), bytes.size() - at));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    if (std::memcmp(buffer.data(), bytes.data() + at, static_cast<std::size_t>(got)) != 0) return false;
    at += static_cast<std::size_t>(got);
  }
  char extra;
  return ::read(fd.get(), &extra, 1) == 0;  // and nothing more (it may have grown since fstat)
}

}  // namespace

namespace {

// Folders are made when a file cannot be created for want of one, not checked before every file:
// thousands of files share a few folders. A file already there is replaced, never written into:
// in a recycled staging folder (publish.h) it is a hard link of a published file.
int open_for_writing(const fs::path& path, std::string& error) {
  constexpr int flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
  int fd = ::open(path.c_str(), flags, 0666);
  if (fd < 0 && errno == EEXIST && ::unlink(path.c_str()) == 0) fd = ::open(path.c_str(), flags, 0666);
  if (fd >= 0 || (errno != ENOENT && errno != ENOTDIR)) return fd;
  if (error = create_parent(path); !error.empty()) return -1;
  return ::open(path.c_str(), flags, 0666);
}

bool link_file(const fs::path& from, const fs::path& to, std::string& error) {
  if (::link(from.c_str(), to.c_str()) == 0) return true;
  if (errno == EEXIST && ::unlink(to.c_str()) == 0 && ::link(from.c_str(), to.c_str()) == 0) return true;
  if (errno != ENOENT && errno != ENOTDIR) return false;
  if (error = create_parent(to); !error.empty()) return false;
  return ::link(from.c_str(), to.c_str()) == 0;
}

}  // namespace

std::string write_output_file(const fs::path& path, std::string_view bytes, const std::optional<long long>& epoch) {
  std::string error;
  FileDescriptor fd(open_for_writing(path, error));
  if (!error.empty()) return error;
  if (fd.get() < 0) return fmt::format("cannot write `{}`: {}", path.string(), std::strerror(errno));
  if (!write_all(fd.get(), bytes)) return fmt::format("cannot write `{}`: {}", path.string(), std::strerror(errno));
  if (epoch) {
    // Reproducible archives of dist/ (tar, zip) need reproducible file times too.
    const struct timespec times[2] = {{static_cast<time_t>(*epoch), 0}, {static_cast<time_t>(*epoch), 0}};
    ::futimens(fd.get(), times);
  }
  if (!fd.close()) return fmt::format("cannot write `{}`: {}", path.string(), std::strerror(errno));
  return {};
}

OutputFileResult put_output_file(const OutputFilePlace& place, const std::string& relative, std::string_view bytes) {
  const fs::path target = place.staging / relative;
  if (!place.previous.empty()) {
    const fs::path previous = place.previous / relative;
    if (holds(previous, bytes, place.epoch)) {
      // Any failure (another filesystem, no hard links there) falls back to writing.
      std::string error;
      if (link_file(previous, target, error)) return {{}, OutputFileWay::linked};
      if (!error.empty()) return {error, OutputFileWay::written};
    }
  }
  return {write_output_file(target, bytes, place.epoch), OutputFileWay::written};
}

OutputFileResult link_previous_output(const OutputFilePlace& place, const std::string& relative) {
  const fs::path target = place.staging / relative;
  const fs::path previous = place.previous / relative;
  std::string error;
  if (link_file(previous, target, error)) return {{}, OutputFileWay::linked};
  if (!error.empty()) return {error, OutputFileWay::written};
  std::string bytes;
  if (!read_file_bytes(previous, bytes))
    return {fmt::format("cannot read `{}` of the previous build", previous.string()), OutputFileWay::written};
  return {write_output_file(target, bytes, place.epoch), OutputFileWay::written};
}

}  // namespace leitbild
