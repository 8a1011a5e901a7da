#pragma once
// Small project trees for tests, written to a fresh temporary folder and removed afterwards.
#include <filesystem>
#include <string>

namespace leitbild::testing {

class TempTree {
 public:
  TempTree();
  ~TempTree();
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const std::filesystem::path& root() const { return root_; }
  // Writes `content` to root/relative, creating folders.
  void write(const std::string& relative, const std::string& content) const;
  std::string read(const std::string& relative) const;
  void remove(const std::string& relative) const;

  // A minimal valid bilingual tree: one edition (3) with two chapters, a glossary, a deck.
  void write_minimal_project() const;

 private:
  std::filesystem::path root_;
};

// Runs the built `leitbild` binary with `args` (already shell-quoted) and captures its output.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// `runner` goes in front of the binary (e.g. `setpriv ...` to run it as another user).
CommandResult run_leitbild(const std::string& args, const std::string& runner = {});

}  // namespace leitbild::testing
