#pragma once
// Putting one output file into the staging folder. A file whose bytes equal the file at the same
// path in the previous output folder is hard-linked from there instead of written again: a link
// creates no inode, and creating thousands of inodes is most of what a rebuild of an unchanged
// site costs the kernel (on ext4 without a journal, creating files right after deleting thousands
// scans past every recently deleted inode). The previous folder is only read; its files stay as
// they are, and the swap removes only their old names.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace leitbild {

struct OutputFilePlace {
  std::filesystem::path staging;   // where the new build goes
  std::filesystem::path previous;  // the output folder as the last build left it (may not exist)
  std::optional<long long> epoch;  // SOURCE_DATE_EPOCH: every file's modification time
};

enum class OutputFileWay { written, linked };

struct OutputFileResult {
  std::string error;  // empty on success: then `way` says how the file got there
  OutputFileWay way = OutputFileWay::written;
};

// Puts `bytes` at `relative` inside `place.staging` (creating folders), linked from
// `place.previous` when that file is a regular file with the same bytes (and, with an epoch, the
// same modification time, so that a build stays reproducible down to file times).
OutputFileResult put_output_file(const OutputFilePlace& place, const std::string& relative, std::string_view bytes);

// Puts the file the previous build wrote at `relative` (known to be unchanged) into staging: a hard
// link, or a copy where the filesystem has none.
OutputFileResult link_previous_output(const OutputFilePlace& place, const std::string& relative);

// Writes `bytes` to `path` (creating folders); with an epoch, sets the file's times to it.
// Returns an error message, empty on success.
std::string write_output_file(const std::filesystem::path& path, std::string_view bytes, const std::optional<long long>& epoch);

}  // namespace leitbild
