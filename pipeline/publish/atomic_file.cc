#include "publish/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "model/file_descriptor.h"

namespace leitbild {
namespace fs = std::filesystem;

std::string write_file_atomically(const fs::path& path, std::string_view bytes, bool durable) {
  static std::atomic<unsigned> counter{0};
  const fs::path temp = path.parent_path() / fmt::format(".{}.tmp-{}-{}", path.filename().string(), getpid(), counter++);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return fmt::format("cannot create `{}`: {}", temp.string(), std::strerror(errno));
  if (!write_all(fd, bytes)) {
    std::string error = fmt::format("cannot write `{}`: {}", path.string(), std::strerror(errno));
    ::close(fd);
    ::unlink(temp.c_str());
    return error;
  }
  if ((durable && ::fsync(fd) != 0) || ::close(fd) != 0) {
    std::string error = fmt::format("cannot write `{}`: {}", path.string(), std::strerror(errno));
    ::unlink(temp.c_str());
    return error;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    std::string error = fmt::format("cannot replace `{}`: {}", path.string(), std::strerror(errno));
    ::unlink(temp.c_str());
    return error;
  }
  return {};
}

bool read_file_bytes(const fs::path& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return false;
  bytes = std::move(s).str();
  return true;
}

}  // namespace leitbild
