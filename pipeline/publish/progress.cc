#include "publish/progress.h"

#include <unistd.h>

#include <fmt/format.h>

namespace leitbild {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Progress::Progress(Mode mode, std::FILE* stream) : mode_(mode), stream_(stream) {}

Progress::~Progress() {
  std::lock_guard lock(mutex_);
  clear_locked();
}

Progress::Mode Progress::mode_for(std::FILE* stream, bool quiet) {
  if (quiet) return Mode::quiet;
  return isatty(fileno(stream)) ? Mode::terminal : Mode::lines;
}

void Progress::start_stage(const std::string& stage, std::size_t total, const std::string& unit) {
  std::lock_guard lock(mutex_);
  stage_ = stage;
  done_ = 0;
  total_ = total;
  if (mode_ == Mode::lines) fmt::print(stream_, "leitbild: {}{}\n", stage, total ? fmt::format(" ({} {})", total, unit) : "");
  draw_locked(true);
}

void Progress::advance(std::size_t n) {
  std::lock_guard lock(mutex_);
  done_ += n;
  draw_locked(done_ == total_);
}

void Progress::finish_stage() {
  std::lock_guard lock(mutex_);
  draw_locked(true);
}

void Progress::note(const std::string& line) {
  std::lock_guard lock(mutex_);
  if (mode_ == Mode::quiet) return;
  clear_locked();
  fmt::print(stream_, "{}\n", line);
  std::fflush(stream_);
  draw_locked(true);
}

void Progress::clear() {
  std::lock_guard lock(mutex_);
  clear_locked();
  stage_.clear();
}

void Progress::draw_locked(bool force) {
  if (mode_ != Mode::terminal || stage_.empty()) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  std::string counts = total_ ? fmt::format(" {}/{}", done_, total_) : "";
  // \r and "erase line": the line is redrawn in place; it is cleared before anything else prints.
  fmt::print(stream_, "\r\x1b[K{}{}  {:.1f}s", stage_, counts, seconds_since(build_start_));
  std::fflush(stream_);
  line_shown_ = true;
}

void Progress::clear_locked() {
  if (!line_shown_) return;
  fmt::print(stream_, "\r\x1b[K");
  std::fflush(stream_);
  line_shown_ = false;
}

}  // namespace leitbild
