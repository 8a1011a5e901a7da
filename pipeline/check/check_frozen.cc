#include <fmt/format.h>

#include <algorithm>

#include "check/check.h"
#include "load/edition_lock.h"
#include "model/sha256.h"

namespace leitbild {

namespace {

std::string how_to_fix(const Edition& edition) {
  return fmt::format(
      "Undo the change (e.g. `git checkout -- FILE`), or, if it is a deliberate correction, record it: "
      "`leitbild edition erratum {} --note \"what was corrected\"`.",
      edition.number);
}

}  // namespace

// Only the edition's own files are compared: the glossary lines of a lock record the glossary as
// it stood, but the glossary is shared by every edition and must stay editable (docs/editions.md).
void check_frozen(const Project& project, Diagnostics& diagnostics) {
  for (const Edition& edition : project.editions) {
    if (!edition.lock) continue;
    const EditionLock& lock = *edition.lock;
    const std::string prefix = edition.dir + "/";
    // A lock naming another edition's files came along when a folder was copied to start a new
    // edition: one clear message instead of "added after publication" for every file.
    auto foreign = std::find_if(lock.files.begin(), lock.files.end(), [&](const auto& entry) {
      return !is_glossary_path(entry.first) && !entry.first.starts_with(prefix);
    });
    if (foreign != lock.files.end()) {
      const std::string other = foreign->first.substr(0, foreign->first.find('/', std::string("content/editions/").size()));
      diagnostics.add("LB0502", {lock.path, foreign->second.line, 1},
                      fmt::format("`{}` records the files of `{}/`, not of edition {}: it was probably copied with the folder",
                                  lock.path, other, edition.number),
                      fmt::format("Delete `{}`. Once the council has adopted edition {}, `leitbild edition publish {}` "
                                  "writes its own lock.",
                                  lock.path, edition.number, edition.number));
      continue;
    }
    for (const auto& [path, locked] : lock.files) {
      if (is_glossary_path(path)) continue;
      auto source = project.sources.find(path);
      if (source == project.sources.end()) {
        diagnostics.add("LB0501", {lock.path, locked.line, 1},
                        fmt::format("`{}` was part of edition {} when it was published, but it is gone", path,
                                    edition.number),
                        how_to_fix(edition));
      } else if (sha256_hex(source->second) != locked.sha256) {
        diagnostics.add("LB0501", {path, 0, 0},
                        fmt::format("`{}` changed after edition {} was published (its fingerprint differs from `{}`)",
                                    path, edition.number, lock.path),
                        how_to_fix(edition));
      }
    }
    for (auto it = project.sources.lower_bound(prefix); it != project.sources.end() && it->first.starts_with(prefix); ++it) {
      if (it->first == lock.path || lock.files.count(it->first)) continue;
      diagnostics.add("LB0501", {it->first, 0, 0},
                      fmt::format("`{}` was added to edition {} after it was published", it->first, edition.number),
                      how_to_fix(edition));
    }
  }
}

}  // namespace leitbild
