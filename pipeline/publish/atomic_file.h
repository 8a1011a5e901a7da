#pragma once
// Writing a file so that readers see either the old or the new content, never a torn one:
// a temporary file in the same folder, flushed, then renamed over the target.
#include <filesystem>
#include <string>
#include <string_view>

namespace leitbild {

// Returns an empty string on success, otherwise what went wrong (for a diagnostic). `durable`
// also flushes to disk first (sources); caches skip it since they verify what they read.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes, bool durable = true);

// Reads a whole file as bytes; false when it cannot be read.
bool read_file_bytes(const std::filesystem::path& path, std::string& bytes);

}  // namespace leitbild
