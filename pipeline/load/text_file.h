#pragma once
// Reading text from the project tree: only regular files inside the root, bounded in size,
// valid UTF-8, BOM and CRLF accepted, normalised to NFC.
#include <filesystem>
#include <optional>
#include <string>

#include "model/diagnostic.h"

namespace leitbild {

inline constexpr std::uintmax_t kMaxTextFileBytes = 16u * 1024 * 1024;

// Sets up ICU's normalisation tables on the calling thread. ICU does this itself on first use,
// safely, but behind a guard ThreadSanitizer cannot see; the loader calls this before it reads
// files on several threads, so a race check of the whole program stays quiet.
void prepare_text_reading();

// Returns the file's text, or nullopt after adding a diagnostic. `relative` is the path shown to
// the user and used as the source key.
std::optional<std::string> read_text_file(const std::filesystem::path& root, const std::string& relative,
                                          Diagnostics& diagnostics);

// Validates UTF-8; on failure gives the 1-based line and byte column of the first bad byte.
struct Utf8Error {
  int line = 0;
  int column = 0;
  std::string what;
};
std::optional<Utf8Error> find_utf8_error(std::string_view text);

// Strips a BOM, turns CRLF and lone CR into LF, and normalises to NFC.
std::string normalise_text(std::string_view text);

// True when `path` (after resolving links) lies inside `root`.
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace leitbild
