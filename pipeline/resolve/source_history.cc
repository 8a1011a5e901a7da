#include "resolve/source_history.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "resolve/fingerprint.h"

extern char** environ;

namespace leitbild {

namespace {

constexpr std::size_t kMaxGitOutput = 64u * 1024 * 1024;
constexpr auto kGitTimeout = std::chrono::seconds(10);

class Pipe {
 public:
  Pipe() {
    if (pipe2(fds_, O_CLOEXEC) != 0) fds_[0] = fds_[1] = -1;
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  bool ok() const { return fds_[0] >= 0; }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void close_read() {
    if (fds_[0] >= 0) ::close(fds_[0]);
    fds_[0] = -1;
  }
  void close_write() {
    if (fds_[1] >= 0) ::close(fds_[1]);
    fds_[1] = -1;
  }

 private:
  int fds_[2] = {-1, -1};
};

class SpawnActions {
 public:
  SpawnActions() { posix_spawn_file_actions_init(&actions_); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

}  // namespace

std::optional<std::filesystem::path> git_dir_above(const std::filesystem::path& root) {
  std::error_code ec;
  for (std::filesystem::path dir = std::filesystem::absolute(root, ec); !dir.empty(); dir = dir.parent_path()) {
    if (std::filesystem::exists(dir / ".git", ec)) return dir / ".git";
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

std::optional<std::string> run_git(const std::filesystem::path& root, const std::vector<std::string>& args,
                                   std::string_view input) {
  Pipe in, out;
  if (!in.ok() || !out.ok()) return std::nullopt;
  SpawnActions actions;
  posix_spawn_file_actions_adddup2(actions.get(), in.read_end(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(actions.get(), out.write_end(), STDOUT_FILENO);
  posix_spawn_file_actions_addopen(actions.get(), STDERR_FILENO, "/dev/null", O_WRONLY, 0);

  std::vector<std::string> argv_strings = {"git", "--no-pager", "-c", "core.quotepath=off", "-C", root.string()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  // The user's environment (HOME, PATH, safe.directory settings) plus: never prompt, never lock.
  std::vector<std::string> env_strings = {"GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C"};
  for (char** e = environ; e && *e; ++e)
    if (std::strncmp(*e, "GIT_TERMINAL_PROMPT=", 20) != 0 && std::strncmp(*e, "GIT_OPTIONAL_LOCKS=", 19) != 0 &&
        std::strncmp(*e, "LC_ALL=", 7) != 0)
      env_strings.emplace_back(*e);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  if (posix_spawnp(&pid, "git", actions.get(), nullptr, argv.data(), envp.data()) != 0) return std::nullopt;
  in.close_read();
  out.close_write();
  // The input is small (a few object ids): it fits the pipe buffer, so write it all first.
  std::size_t written = 0;
  while (written < input.size()) {
    ssize_t n = ::write(in.write_end(), input.data() + written, input.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  in.close_write();

  std::string output;
  bool failed = false;
  const auto deadline = std::chrono::steady_clock::now() + kGitTimeout;
  char buffer[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      failed = true;
      break;
    }
    pollfd pfd{out.read_end(), POLLIN, 0};
    int ready = poll(&pfd, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      failed = true;
      break;
    }
    ssize_t n = ::read(out.read_end(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    output.append(buffer, static_cast<std::size_t>(n));
    if (output.size() > kMaxGitOutput) {
      failed = true;
      break;
    }
  }
  out.close_read();
  if (failed) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return output;
}

std::optional<SourceVersion> find_source_version(const std::filesystem::path& root, const std::string& relative,
                                                 std::string_view fingerprint, int max_commits) {
  // Outside a checkout git can only fail; starting it would cost an editor's `check` a process.
  if (!std::getenv("GIT_DIR") && !git_dir_above(root)) return std::nullopt;
  // One `git log` lists the commits and the file's blob in each; one `git cat-file --batch`
  // reads all the blobs: two processes, however long the history.
  auto log = run_git(root, {"log", "--no-renames", "--raw", "--no-abbrev", "--format=commit %H %cs", "-n",
                            std::to_string(max_commits), "--", relative});
  if (!log) return std::nullopt;
  struct Candidate {
    std::string commit, date, blob;
  };
  std::vector<Candidate> candidates;
  std::istringstream lines(*log);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("commit ")) {
      std::istringstream fields(line.substr(7));
      Candidate c;
      fields >> c.commit >> c.date;
      candidates.push_back(std::move(c));
    } else if (line.starts_with(":") && !candidates.empty()) {
      // ":100644 100644 <old> <new> M\tpath"
      std::istringstream fields(line);
      std::string old_mode, new_mode, old_blob, new_blob;
      fields >> old_mode >> new_mode >> old_blob >> new_blob;
      if (new_blob.find_first_not_of('0') != std::string::npos) candidates.back().blob = new_blob;
    }
  }
  std::string request;
  for (const auto& c : candidates)
    if (!c.blob.empty()) request += c.blob + "\n";
  if (request.empty()) return std::nullopt;
  auto blobs = run_git(root, {"cat-file", "--batch"}, request);
  if (!blobs) return std::nullopt;
  // "<oid> blob <size>\n<bytes>\n" per request, in request order.
  std::size_t pos = 0;
  const std::string wanted = normalised_fingerprint(fingerprint);
  for (const auto& c : candidates) {
    if (c.blob.empty()) continue;
    std::size_t header_end = blobs->find('\n', pos);
    if (header_end == std::string::npos) break;
    std::istringstream header(blobs->substr(pos, header_end - pos));
    std::string oid, type;
    std::size_t size = 0;
    header >> oid >> type >> size;
    if (type != "blob" || header_end + 1 + size > blobs->size()) break;
    std::string_view text(blobs->data() + header_end + 1, size);
    pos = header_end + 1 + size + 1;
    if (auto fp = fingerprint_of_chapter_file(text); fp && *fp == wanted)
      return SourceVersion{c.commit, c.date, std::string(text)};
  }
  return std::nullopt;
}

std::optional<std::string> source_diff_since(const std::filesystem::path& root, const std::string& commit,
                                             const std::string& relative) {
  return run_git(root, {"diff", "--no-color", "--no-ext-diff", commit, "--", relative});
}

}  // namespace leitbild
