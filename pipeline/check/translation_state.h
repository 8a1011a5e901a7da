#pragma once
// Is each translation up to date with its source? Shared by the stale-translation check and
// `leitbild translation status`.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.h"

namespace leitbild {

enum class TranslationStatus {
  up_to_date,      // translation-of equals the source's current fingerprint
  stale,           // it records another fingerprint (or something that is not one)
  no_fingerprint,  // it records none
  missing,         // the translation file does not exist
  unreadable,      // the file exists but could not be loaded (`leitbild check` says why)
  no_source,       // the source-language chapter is missing or unreadable
};

std::string_view status_name(TranslationStatus status);

struct TranslationState {
  int edition = 0;
  std::string stem;
  LanguageTag lang;
  std::string path;         // the translation, relative to the root
  std::string source_path;  // the source chapter
  TranslationStatus status = TranslationStatus::missing;
  std::string recorded;  // the translation's translation-of, as written
  std::string current;   // the source's fingerprint now
  const Chapter* source = nullptr;
  const Chapter* translation = nullptr;
};

// Every (edition, chapter, translation language) of the loaded editions, in edition and chapter order.
std::vector<TranslationState> translation_states(const Project& project);

// What changed in the source since the version a translation records, found in git history.
struct SourceChanges {
  std::string commit;  // the commit whose source has the recorded fingerprint
  std::string date;
  bool title_changed = false;
  std::vector<std::string> sections;  // "5.3 \"Monitoring\" {#monitoring}", "{#presse} (removed)", ...
};
std::optional<SourceChanges> source_changes_since(const Project& project, const Chapter& source, std::string_view recorded);

}  // namespace leitbild
