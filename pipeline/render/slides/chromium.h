#pragma once
// Headless Chromium as a child process: found on the machine, started with an argument vector
// (no shell), a fresh profile, no network and a deadline, and driven over the DevTools protocol
// on a pipe (--remote-debugging-pipe), so the caller can wait until a page says it is laid out
// before printing it. (`chromium --print-to-pdf=...` prints right after the load event, before
// reveal.js's asynchronous print view is finished: about half of such PDFs came out blank.)
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace leitbild {

// LEITBILD_CHROMIUM if set (an empty or missing file there means "no Chromium"), else
// /usr/bin/chromium, else `chromium` on PATH.
std::optional<std::filesystem::path> find_chromium();

// The flags every headless run uses: no GPU, no sandbox, nothing that reaches the network.
std::vector<std::string> chromium_base_arguments(const std::filesystem::path& user_data_dir);

// A folder under the system temp dir, removed with everything in it when this goes.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& prefix);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  bool ok() const { return !path_.empty(); }

 private:
  std::filesystem::path path_;
};

// One browser process and its DevTools connection. Every call shares one deadline; when it passes,
// or when this object goes, the browser's whole process group is killed.
class DevToolsSession {
 public:
  // Starts `program arguments... --remote-debugging-pipe`; stderr goes to `stderr_file`.
  DevToolsSession(const std::filesystem::path& program, std::vector<std::string> arguments,
                  const std::filesystem::path& stderr_file, std::chrono::milliseconds deadline);
  ~DevToolsSession();
  DevToolsSession(const DevToolsSession&) = delete;
  DevToolsSession& operator=(const DevToolsSession&) = delete;

  bool started() const { return pid_ > 0; }
  // Sends a command (to the page session when `session` is set) and returns its `result`;
  // nullopt on an error, a closed pipe or the deadline, with error() saying which.
  std::optional<nlohmann::json> call(const std::string& method, const nlohmann::json& params = nlohmann::json::object(),
                                     const std::string& session = {});
  const std::string& error() const { return error_; }
  bool timed_out() const { return timed_out_; }

 private:
  bool write_all(const std::string& message);
  std::optional<std::string> read_message();
  void stop();

  pid_t pid_ = -1;
  int to_browser_ = -1;
  int from_browser_ = -1;
  int next_id_ = 0;
  std::string buffer_;
  std::string error_;
  bool timed_out_ = false;
  std::chrono::steady_clock::time_point deadline_;
};

// Standard base64, as the DevTools protocol sends binary data.
std::string decode_base64(std::string_view text);

}  // namespace leitbild
