#pragma once
// Freezing an edition (`leitbild edition publish N`) and recording a deliberate correction
// (`leitbild edition erratum N --note`): both load the edition, write edition.yaml with a one-line
// edit and (re)write content/editions/<N>/edition.lock. docs/editions.md describes the rules.
#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"

namespace leitbild {

// The lock the edition would get now: every file of the edition as loaded (edition.yaml and the
// chapters of every language, their text as in Project::sources) plus the glossary files.
EditionLock compute_edition_lock(const Project& project, const Edition& edition);

enum class FreezeStatus {
  done,            // written
  already_frozen,  // publish: the lock exists and matches, nothing to do
  content_errors,  // the edition has errors (or changed since publication); nothing written
  usage_error,     // no such edition, not published yet, empty note, ...; nothing written
  io_error,        // a file could not be written
};

struct FreezeResult {
  FreezeStatus status = FreezeStatus::done;
  std::string message;                     // one line for the editor
  std::string lock_path;                   // relative to the root
  std::size_t locked_files = 0;
  std::vector<std::string> changed_files;  // erratum: what differs from the previous lock
};

// Diagnostics collects what loading found (printed by the caller when the result is not `done`).
FreezeResult publish_edition(const std::filesystem::path& root, int number, Diagnostics& diagnostics);
FreezeResult record_erratum(const std::filesystem::path& root, int number, const std::string& note,
                            Diagnostics& diagnostics);

}  // namespace leitbild
