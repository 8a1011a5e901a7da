#pragma once
// Translation fingerprints: what a translation's `translation-of:` records about its source.
// "sha256:" followed by the first 16 hex digits of SHA-256 over the source chapter's title, one
// NUL byte, and its body (the Markdown after the front matter, as loaded: UTF-8, NFC, LF line
// ends, BOM removed). Front matter keys other than the title do not count, so renumbering a
// chapter does not make its translations stale. docs/format.md documents the scheme.
#include <optional>
#include <string>
#include <string_view>

#include "model/project.h"

namespace leitbild {

inline constexpr std::string_view kFingerprintPrefix = "sha256:";
inline constexpr std::size_t kFingerprintHexDigits = 16;

std::string source_fingerprint(std::string_view title, std::string_view body);
std::string source_fingerprint(const Chapter& source);

// The fingerprint of a chapter file's raw bytes (any BOM, CRLF or normalisation form), as the
// loader would see it; nullopt when the file has no readable front matter or title.
std::optional<std::string> fingerprint_of_chapter_file(std::string_view raw);

// "sha256:" + 16 hex digits (any case, surrounding blanks ignored).
bool is_fingerprint(std::string_view text);
// Lowercase, trimmed, for comparison.
std::string normalised_fingerprint(std::string_view text);

}  // namespace leitbild
