#pragma once
// External tools (pandoc, and whoever else needs one) run as child processes: an argument vector
// and no shell, so no quoting can go wrong; bytes on the child's standard input; its standard
// output and error captured; a time limit after which the child and everything it started are
// killed. Safe to call from several render jobs (threads) at once.
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace leitbild {

struct ProgramInvocation {
  std::string program;                 // a path, or a bare name looked up on PATH (like execvp)
  std::vector<std::string> arguments;  // argv[1..]
  std::string input;                   // the child's standard input (it reads EOF after it)
  std::map<std::string, std::string> environment;  // set or replaced in the child's environment
  std::chrono::milliseconds timeout{60'000};
  std::filesystem::path working_directory;  // empty: the caller's
  std::size_t output_limit = std::size_t{1} << 30;  // more standard output than this is a failure
};

struct ProgramOutcome {
  enum class Status {
    exited,             // ran to the end; see exit_code
    signalled,          // ended by a signal it did not catch
    timed_out,          // killed after the time limit
    output_too_large,   // killed for writing more than output_limit
    not_found,          // no such program (on PATH)
    not_started,        // found but could not be started (permissions, not an executable, ...)
  };
  Status status = Status::not_started;
  int exit_code = -1;
  int signal = 0;
  std::string output;   // standard output
  std::string errors;   // standard error (its last 64 KiB)
  std::string failure;  // why it could not start, for not_found / not_started
  std::filesystem::path executable;  // what ran, once found

  bool succeeded() const { return status == Status::exited && exit_code == 0; }
  // "exited with status 1", "was stopped after 30 s", ...: completes "pandoc ..." in a message.
  std::string describe(const ProgramInvocation& invocation) const;
};

ProgramOutcome run_program(const ProgramInvocation& invocation);

// The file `name` names: itself when it contains a '/', else the first executable of that name in
// the directories of `search_path` (default: the PATH variable now).
std::optional<std::filesystem::path> find_program(const std::string& name,
                                                  std::optional<std::string> search_path = std::nullopt);

}  // namespace leitbild
