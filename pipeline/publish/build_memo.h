#pragma once
// The build memo (docs/publishing.md, "Incremental builds"): what the last successful build of a
// tree into an output folder read, found and wrote. With it, the next build loads only the
// editions whose files changed (and their neighbours, for the "what is new" pages), takes the
// other editions' diagnostics from the memo, and links their output files from the previous
// output folder, which the memo's stamps show to be untouched since.
//
// Files are recognised as unchanged by their stamp (size, modification and change time, inode),
// as git and ninja do; a file touched without a change only costs a rebuild of its edition.
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"
#include "publish/job_runner.h"

namespace leitbild {

struct FileStamp {
  std::string path;  // relative to the project root, or absolute outside it; folders end in '/'
  long long size = 0;
  long long mtime_ns = 0;
  long long ctime_ns = 0;
  unsigned long long inode = 0;
  bool operator==(const FileStamp&) const = default;
};

// The files the load step may read, stamped before it reads them, sorted by path: leitbild.yaml,
// content/, glossary/ and themes/ under the root, the theme folders outside it, git's HEAD, index
// and branch refs (the freshness check asks git), and node_modules' lock file (slides).
// nullopt when a folder cannot be listed: then no memo is trusted.
std::optional<std::vector<FileStamp>> stamp_inputs(const std::filesystem::path& root,
                                                   const std::vector<std::filesystem::path>& theme_dirs,
                                                   const std::filesystem::path& node_modules);
// Whether `stamps` (sorted) show a file at `path`.
bool has_file(const std::vector<FileStamp>& stamps, const std::string& path);
// Every file and folder in the output folder (paths relative to it) but timings.json, sorted;
// nullopt when unlistable. `listed_inodes_match`, when given, says whether every entry's inode as
// the folder listing gives it is stat's (true on ext4, XFS, Btrfs; not on some union filesystems).
std::optional<std::vector<FileStamp>> stamp_output(const std::filesystem::path& out, bool* listed_inodes_match = nullptr);
// The same names with only the inodes of the files, as the folder listing gives them: no stat per
// file. For a spare folder (publish.h), whose files need only be compared by inode with the
// output folder's, where stamp_output found listing and stat to agree.
std::optional<std::vector<FileStamp>> list_output_inodes(const std::filesystem::path& folder);

// A file a build put into its output folder, and whether it is a hard link of the previous
// output folder's file of that name.
struct OutputEntry {
  std::string_view path;
  bool linked = false;
};
// What stamp_output(out) gives for a folder a build has just filled with `files` (every file in it
// but timings.json): a linked file keeps its stamp in `before` (the previous folder's, as compared
// before the build), every other file is stamped anew. An incremental build links thousands of
// files and writes a few; listing the folder again would stat them all. nullopt when a file
// cannot be stamped.
std::optional<std::vector<FileStamp>> stamp_filled_output(const std::filesystem::path& out,
                                                          const std::vector<FileStamp>& before,
                                                          const std::vector<OutputEntry>& files);

struct MemoJob {
  std::string format;
  std::string key;
  std::string cache_key;
  std::vector<std::string> inputs;
  std::vector<std::string> theme_inputs;
  std::vector<WrittenFile> written;
  std::vector<Diagnostic> diagnostics;
};

struct MemoInput {  // one entry of report.json's inputs
  std::string sha256;
  std::size_t size = 0;
  bool text = false;  // a text the loader read (Project::sources), not a file a job named
};

struct BuildMemo {
  std::string identity;  // memo_identity(): a memo of another binary or other options is never used
  std::vector<FileStamp> inputs;
  std::vector<FileStamp> output;
  std::vector<int> editions;
  std::set<int> deck_editions;           // editions the decks name (always loaded: deck links resolve there)
  std::vector<Diagnostic> diagnostics;   // of load, resolve and check
  std::map<int, std::set<std::string>> terms_used;  // edition -> glossary ids used in it (LB0408)
  std::map<std::string, MemoInput> report_inputs;   // path -> fingerprint, as report.json lists them
  std::vector<MemoJob> jobs;
};

std::string serialize_memo(const BuildMemo& memo);
std::optional<BuildMemo> deserialize_memo(std::string_view bytes);  // nullopt: damaged or foreign

// Where the memo of building `root` into `out` with these options lives in the cache folder.
std::filesystem::path memo_path(const std::filesystem::path& cache, const std::string& identity);
// The tool fingerprint, both folders and every option that can change what a build reads or
// writes (--timings only adds timings.json, which the memo leaves out).
std::string memo_identity(const std::filesystem::path& root, const std::filesystem::path& out,
                          const std::vector<std::string>& formats, const std::vector<std::string>& skipped_formats,
                          const std::string& render_options);

std::optional<BuildMemo> read_memo(const std::filesystem::path& cache, const std::string& identity);
// Best effort; also removes the memos no build has written for `unused_for`.
void write_memo(const std::filesystem::path& cache, const BuildMemo& memo, std::chrono::seconds unused_for);
// Removes the files (and empty folders) in `folder` but `keep` that were last written longer than
// `unused_for` ago: memos and edition views of binaries, options or trees nobody builds any more.
void remove_unused_entries(const std::filesystem::path& folder, std::chrono::seconds unused_for,
                           const std::filesystem::path& keep = {});

// Whether the files the memo's jobs named outside the stamped folders (a chapter may link any file
// of the project: leitbild copies it) still hold what report.json recorded. They are few and not
// stamped, so they are compared by content.
bool named_files_unchanged(const BuildMemo& memo, const std::filesystem::path& root);

// What changed between two stampings of the inputs.
struct InputChanges {
  bool outside_editions = false;  // a file outside the editions' folders, or an edition.yaml
  std::set<int> editions;         // editions with a changed, new or removed file
};
InputChanges compare_inputs(const std::vector<FileStamp>& before, const std::vector<FileStamp>& now,
                            const std::vector<int>& editions);

// Which editions an incremental build loads for the editions in `changed`: those (their diagnostics
// and pages change), the next edition of each (its "what is new" page compares with it), the one
// before each of these (the pages compare with it) and the decks' editions. Every other edition is
// taken from the memo.
struct IncrementalScope {
  std::set<int> rendered;  // changed editions and their successors
  std::set<int> loaded;    // rendered, their predecessors and the decks' editions
};
IncrementalScope incremental_scope(const std::vector<int>& editions, const std::set<int>& changed,
                                   const std::set<int>& deck_editions);

// The glossary ids whose (not deprecated) words the edition's chapters use (LB0408 counts them).
std::set<std::string> terms_used_in(const Edition& edition);

// "content/editions/7/de/x.md" -> 7 (the folder spelled as the number); nullopt otherwise.
std::optional<int> edition_of_path(const std::string& path);

}  // namespace leitbild
