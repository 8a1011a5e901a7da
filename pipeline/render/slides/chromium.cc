#include "render/slides/chromium.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

extern char** environ;

namespace leitbild {
namespace fs = std::filesystem;

namespace {

bool is_executable_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

// The browser reads commands on fd 3 and writes replies on fd 4.
constexpr int kBrowserReadFd = 3;
constexpr int kBrowserWriteFd = 4;

}  // namespace

std::optional<fs::path> find_chromium() {
  if (const char* configured = std::getenv("LEITBILD_CHROMIUM")) {
    if (*configured && is_executable_file(configured)) return fs::path(configured);
    return std::nullopt;
  }
  if (is_executable_file("/usr/bin/chromium")) return fs::path("/usr/bin/chromium");
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    if (!dir.empty() && is_executable_file(fs::path(dir) / "chromium")) return fs::path(dir) / "chromium";
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::vector<std::string> chromium_base_arguments(const fs::path& user_data_dir) {
  return {"--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--disable-dev-shm-usage",
          "--user-data-dir=" + user_data_dir.string()};
}

ScratchDir::ScratchDir(const std::string& prefix) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data())) path_ = pattern;
}

ScratchDir::~ScratchDir() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
}

DevToolsSession::DevToolsSession(const fs::path& program, std::vector<std::string> arguments, const fs::path& stderr_file,
                                 std::chrono::milliseconds deadline)
    : deadline_(std::chrono::steady_clock::now() + deadline) {
  int commands[2], replies[2];
  if (::pipe2(commands, O_CLOEXEC) != 0) {
    error_ = std::string("pipe: ") + std::strerror(errno);
    return;
  }
  if (::pipe2(replies, O_CLOEXEC) != 0) {
    error_ = std::string("pipe: ") + std::strerror(errno);
    ::close(commands[0]);
    ::close(commands[1]);
    return;
  }
  arguments.insert(arguments.begin(), program.string());
  arguments.push_back("--remote-debugging-pipe");
  std::vector<char*> argv;
  for (auto& s : arguments) argv.push_back(s.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  // dup2 clears close-on-exec on the copies; the originals close at exec.
  posix_spawn_file_actions_adddup2(&actions, commands[0], kBrowserReadFd);
  posix_spawn_file_actions_adddup2(&actions, replies[1], kBrowserWriteFd);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Its own process group, so stopping it ends Chromium's helper processes too.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = 0;
  const int spawn_error = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(commands[0]);
  ::close(replies[1]);
  to_browser_ = commands[1];
  from_browser_ = replies[0];
  if (spawn_error != 0) {
    error_ = "could not start " + program.string() + ": " + std::strerror(spawn_error);
    return;
  }
  pid_ = pid;
}

DevToolsSession::~DevToolsSession() { stop(); }

void DevToolsSession::stop() {
  if (to_browser_ >= 0) ::close(to_browser_);
  if (from_browser_ >= 0) ::close(from_browser_);
  to_browser_ = from_browser_ = -1;
  if (pid_ <= 0) return;
  // A browser told to close gets a moment to do so; then its group is ended.
  for (int i = 0; i < 50; ++i) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      ::kill(-pid_, SIGKILL);  // helpers it may have left behind
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(-pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

bool DevToolsSession::write_all(const std::string& message) {
  // SIGPIPE is held back while writing: a browser that has gone must fail the call, not end
  // this process. A SIGPIPE raised here is taken before the mask is restored.
  sigset_t pipe_signal, previous;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
  std::size_t written = 0;
  bool ok = true;
  while (written < message.size()) {
    const ssize_t n = ::write(to_browser_, message.data() + written, message.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (errno == EPIPE) {
        const timespec no_wait{0, 0};
        sigtimedwait(&pipe_signal, nullptr, &no_wait);
      }
      error_ = "the browser closed its DevTools pipe";
      ok = false;
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return ok;
}

std::optional<std::string> DevToolsSession::read_message() {
  for (;;) {
    if (auto end = buffer_.find('\0'); end != std::string::npos) {
      std::string message = buffer_.substr(0, end);
      buffer_.erase(0, end + 1);
      return message;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out_ = true;
      error_ = "the browser did not answer in time";
      return std::nullopt;
    }
    pollfd fd{from_browser_, POLLIN, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;  // the deadline check above ends the wait
    char chunk[65536];
    const ssize_t n = ::read(from_browser_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = "the browser exited";
      return std::nullopt;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

std::optional<nlohmann::json> DevToolsSession::call(const std::string& method, const nlohmann::json& params,
                                                    const std::string& session) {
  if (pid_ <= 0) return std::nullopt;
  const int id = ++next_id_;
  nlohmann::json message = {{"id", id}, {"method", method}, {"params", params}};
  if (!session.empty()) message["sessionId"] = session;
  if (!write_all(message.dump() + std::string(1, '\0'))) return std::nullopt;
  for (;;) {
    auto text = read_message();
    if (!text) return std::nullopt;
    nlohmann::json reply = nlohmann::json::parse(*text, nullptr, false);
    if (reply.is_discarded() || !reply.is_object()) continue;
    auto found = reply.find("id");
    if (found == reply.end() || !found->is_number_integer() || found->get<int>() != id) continue;  // an event
    if (auto e = reply.find("error"); e != reply.end()) {
      error_ = method + ": " + e->value("message", std::string("error"));
      return std::nullopt;
    }
    return reply.value("result", nlohmann::json::object());
  }
}

std::string decode_base64(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() / 4 * 3);
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    const int v = value(c);
    if (v < 0) continue;  // padding and line breaks
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

}  // namespace leitbild
