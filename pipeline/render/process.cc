#include "render/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "model/file_descriptor.h"

extern char** environ;

namespace leitbild {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kErrorsKept = 64 * 1024;

struct Pipe {
  FileDescriptor read_end, write_end;
};

std::optional<Pipe> make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
  return Pipe{FileDescriptor(fds[0]), FileDescriptor(fds[1])};
}

// The child's standard input as an anonymous in-memory file: the child reads it at its own pace,
// and a child that never reads cannot make us block or die of SIGPIPE.
FileDescriptor input_file(const std::string& input) {
  FileDescriptor fd(::memfd_create("leitbild-stdin", MFD_CLOEXEC));
  if (!fd) return fd;
  if (!write_all(fd.get(), input)) return FileDescriptor();
  if (::lseek(fd.get(), 0, SEEK_SET) != 0) return FileDescriptor();
  return fd;
}

std::vector<std::string> child_environment(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> out;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view variable(*entry);
    const std::string name(variable.substr(0, variable.find('=')));
    if (!overrides.contains(name)) out.emplace_back(variable);
  }
  for (const auto& [name, value] : overrides) out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

class SpawnSetup {
 public:
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
};

// Reads what is there; false at end of file or on an error.
bool drain(int fd, std::string& into) {
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      into.append(buffer, static_cast<std::size_t>(n));
      if (static_cast<std::size_t>(n) < sizeof buffer) return true;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
    return false;
  }
}

void keep_tail(std::string& text) {
  if (text.size() > 2 * kErrorsKept) text.erase(0, text.size() - kErrorsKept);
}

// The child runs in its own process group, so this also ends whatever it started.
void kill_group(pid_t pid) {
  ::kill(-pid, SIGKILL);
  ::kill(pid, SIGKILL);
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

std::optional<fs::path> find_program(const std::string& name, std::optional<std::string> search_path) {
  auto runnable = [](const fs::path& candidate) {
    std::error_code ec;
    return fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0;
  };
  if (name.empty()) return std::nullopt;
  if (name.find('/') != std::string::npos) {
    if (runnable(name)) return fs::path(name);
    return std::nullopt;
  }
  if (!search_path) {
    const char* path = std::getenv("PATH");
    search_path = path ? path : "/usr/local/bin:/usr/bin:/bin";
  }
  std::string_view rest = *search_path;
  while (true) {
    const std::size_t colon = rest.find(':');
    const std::string_view dir = rest.substr(0, colon);
    // An empty entry would mean the current folder: never run a tool from the content tree.
    if (!dir.empty() && dir.front() == '/') {
      const fs::path candidate = fs::path(dir) / name;
      if (runnable(candidate)) return candidate;
    }
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

ProgramOutcome run_program(const ProgramInvocation& invocation) {
  ProgramOutcome outcome;
  auto executable = find_program(invocation.program);
  if (!executable) {
    outcome.status = ProgramOutcome::Status::not_found;
    outcome.failure = invocation.program.find('/') == std::string::npos
                          ? fmt::format("no program `{}` on PATH", invocation.program)
                          : fmt::format("`{}` does not exist or is not executable", invocation.program);
    return outcome;
  }
  outcome.executable = *executable;

  auto not_started = [&](std::string why) {
    outcome.status = ProgramOutcome::Status::not_started;
    outcome.failure = std::move(why);
    return outcome;
  };
  FileDescriptor input = input_file(invocation.input);
  if (!input) return not_started(fmt::format("cannot prepare its input: {}", std::strerror(errno)));
  auto out_pipe = make_pipe();
  auto err_pipe = make_pipe();
  if (!out_pipe || !err_pipe) return not_started(fmt::format("cannot create a pipe: {}", std::strerror(errno)));

  SpawnSetup setup;
  posix_spawn_file_actions_adddup2(&setup.actions, input.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&setup.actions, out_pipe->write_end.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&setup.actions, err_pipe->write_end.get(), STDERR_FILENO);
  if (!invocation.working_directory.empty())
    posix_spawn_file_actions_addchdir_np(&setup.actions, invocation.working_directory.c_str());
  sigset_t no_signals, all_signals;
  sigemptyset(&no_signals);
  sigfillset(&all_signals);
  posix_spawnattr_setsigmask(&setup.attributes, &no_signals);
  posix_spawnattr_setsigdefault(&setup.attributes, &all_signals);  // e.g. SIGPIPE if we ignore it
  posix_spawnattr_setpgroup(&setup.attributes, 0);
  posix_spawnattr_setflags(&setup.attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<std::string> argv_strings;
  argv_strings.push_back(invocation.program);
  argv_strings.insert(argv_strings.end(), invocation.arguments.begin(), invocation.arguments.end());
  std::vector<std::string> env_strings = child_environment(invocation.environment);
  std::vector<char*> argv = pointers(argv_strings);
  std::vector<char*> envp = pointers(env_strings);

  pid_t pid = 0;
  const int spawn_error = ::posix_spawn(&pid, executable->c_str(), &setup.actions, &setup.attributes, argv.data(), envp.data());
  input.close();
  out_pipe->write_end.close();
  err_pipe->write_end.close();
  if (spawn_error != 0) return not_started(std::strerror(spawn_error));

  const auto deadline = std::chrono::steady_clock::now() + invocation.timeout;
  auto remaining_ms = [&] {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return static_cast<int>(std::max<long long>(0, std::min<long long>(left.count(), 1000)));
  };
  ::fcntl(out_pipe->read_end.get(), F_SETFL, O_NONBLOCK);
  ::fcntl(err_pipe->read_end.get(), F_SETFL, O_NONBLOCK);
  bool out_open = true, err_open = true;
  std::optional<ProgramOutcome::Status> stopped;
  while ((out_open || err_open) && !stopped) {
    if (std::chrono::steady_clock::now() >= deadline) {
      stopped = ProgramOutcome::Status::timed_out;
      break;
    }
    pollfd fds[2] = {{out_open ? out_pipe->read_end.get() : -1, POLLIN, 0},
                     {err_open ? err_pipe->read_end.get() : -1, POLLIN, 0}};
    const int ready = ::poll(fds, 2, remaining_ms());
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    if (out_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      out_open = drain(fds[0].fd, outcome.output);
      if (outcome.output.size() > invocation.output_limit) stopped = ProgramOutcome::Status::output_too_large;
    }
    if (err_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      err_open = drain(fds[1].fd, outcome.errors);
      keep_tail(outcome.errors);
    }
  }

  int status = 0;
  if (!stopped) {
    // Both streams are closed; the child may still be finishing.
    for (;;) {
      const pid_t done = ::waitpid(pid, &status, WNOHANG);
      if (done == pid) break;
      if (done < 0 && errno != EINTR) break;
      if (std::chrono::steady_clock::now() >= deadline) {
        stopped = ProgramOutcome::Status::timed_out;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  if (stopped) {
    kill_group(pid);
    wait_for(pid);
    outcome.status = *stopped;
    return outcome;
  }
  if (outcome.errors.size() > kErrorsKept) outcome.errors.erase(0, outcome.errors.size() - kErrorsKept);
  if (WIFEXITED(status)) {
    outcome.status = ProgramOutcome::Status::exited;
    outcome.exit_code = WEXITSTATUS(status);
  } else {
    outcome.status = ProgramOutcome::Status::signalled;
    outcome.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  }
  return outcome;
}

std::string ProgramOutcome::describe(const ProgramInvocation& invocation) const {
  switch (status) {
    case Status::exited:
      return exit_code == 0 ? "finished" : fmt::format("stopped with exit status {}", exit_code);
    case Status::signalled:
      return fmt::format("was ended by signal {} ({})", signal, strsignal(signal));
    case Status::timed_out: {
      const auto ms = invocation.timeout.count();
      return ms % 1000 == 0 ? fmt::format("did not finish within {} s and was stopped", ms / 1000)
                            : fmt::format("did not finish within {} ms and was stopped", ms);
    }
    case Status::output_too_large:
      return fmt::format("wrote more than {} MiB and was stopped", invocation.output_limit >> 20);
    case Status::not_found:
    case Status::not_started:
      return "could not be started: " + failure;
  }
  return "failed";
}

}  // namespace leitbild
