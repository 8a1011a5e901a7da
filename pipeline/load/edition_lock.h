#pragma once
// content/editions/<N>/edition.lock, both directions (the format is documented in docs/editions.md).
// It is sha256sum's own format so that `sha256sum -c` can check a lock without leitbild:
//   # comment lines
//   <64 lowercase hex digits><two spaces><path relative to the project root>
// one line per file, sorted by path.
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

// Reports malformed lines (LB0502) and skips them.
EditionLock parse_edition_lock(const std::string& lock_path, std::string_view text, Diagnostics& diagnostics);

std::string format_edition_lock(int edition_number, const EditionLock& lock);

// The lock's place for an edition: "<edition.dir>/edition.lock".
std::string edition_lock_path(const Edition& edition);

// True for the glossary lines of a lock: recorded as the glossary stood, not checked (docs/editions.md).
bool is_glossary_path(std::string_view path);

}  // namespace leitbild
