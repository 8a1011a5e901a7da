#pragma once
// Earlier versions of a source file from git, to tell an editor what changed in the source since
// a translation was accepted. Optional by nature: without git, or outside a checkout, every
// function returns nullopt and callers say less.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leitbild {

// The `.git` (a folder, or a worktree's file) of the checkout `root` is in, if any.
std::optional<std::filesystem::path> git_dir_above(const std::filesystem::path& root);

// Runs `git -C root ARGS...` as a child process (an argument vector, never a shell) with `input`
// on its standard input; its standard output, or nullopt when git is missing, fails, or takes
// longer than a few seconds.
std::optional<std::string> run_git(const std::filesystem::path& root, const std::vector<std::string>& args,
                                   std::string_view input = {});

struct SourceVersion {
  std::string commit;  // full hash
  std::string date;    // committer date, YYYY-MM-DD
  std::string text;    // the file's bytes in that commit
};

// The newest committed version of `relative` whose chapter fingerprint is `fingerprint`, among the
// last `max_commits` commits that touched it.
std::optional<SourceVersion> find_source_version(const std::filesystem::path& root, const std::string& relative,
                                                 std::string_view fingerprint, int max_commits = 200);

// `git diff` of `relative` from `commit` to the working tree.
std::optional<std::string> source_diff_since(const std::filesystem::path& root, const std::string& commit,
                                             const std::string& relative);

}  // namespace leitbild
