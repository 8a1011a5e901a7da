#pragma once
// What a build tells while it runs: on a terminal one line that keeps updating (stage, done/total,
// elapsed time); otherwise a plain line per stage; nothing with --quiet. Thread-safe: render
// workers report as they finish jobs.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace leitbild {

class Progress {
 public:
  enum class Mode { terminal, lines, quiet };
  Progress(Mode mode, std::FILE* stream);
  ~Progress();

  // For the build's own stream: terminal when it is a TTY, quiet with --quiet, lines otherwise.
  static Mode mode_for(std::FILE* stream, bool quiet);

  void start_stage(const std::string& stage, std::size_t total, const std::string& unit = "jobs");
  void advance(std::size_t n = 1);
  void finish_stage();
  // A line of its own (clears the updating line first); not shown when quiet.
  void note(const std::string& line);
  // Removes the updating line for good (before the final diagnostics and summary).
  void clear();
  Mode mode() const { return mode_; }

 private:
  void draw_locked(bool force);
  void clear_locked();

  Mode mode_;
  std::FILE* stream_;
  std::mutex mutex_;
  std::string stage_;
  std::size_t done_ = 0;
  std::size_t total_ = 0;
  bool line_shown_ = false;
  std::chrono::steady_clock::time_point build_start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace leitbild
