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
  FileDescriptor fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (!fd) return fmt::format("cannot create `{}`: {}", temp.string(), std::strerror(errno));
  if (!write_all(fd.get(), bytes) || (durable && ::fsync(fd.get()) != 0) || !fd.close()) {
    std::string error = fmt::format("cannot write `{}`: {}", path.string(), std::strerror(errno));
    fd.close();
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
