// Stale translations: a translation records in `translation-of:` the fingerprint of the source it
// was made from (resolve/fingerprint.h). When the source has changed since, the translation is
// stale; where the tree is a git checkout, the accepted source version is looked up to name the
// sections that changed.
#include <fmt/format.h>

#include "check/check.h"
#include "check/translation_state.h"
#include "model/strings.h"
#include "resolve/fingerprint.h"

namespace leitbild {

namespace {

SourceLocation key_location(const Chapter& chapter, const std::string& key) {
  auto it = chapter.front_matter_keys.find(key);
  return it != chapter.front_matter_keys.end() ? it->second : SourceLocation{chapter.path, 1, 1};
}

std::string changed_parts(const SourceChanges& changes) {
  std::vector<std::string> parts;
  if (changes.title_changed) parts.push_back("the chapter title");
  parts.insert(parts.end(), changes.sections.begin(), changes.sections.end());
  if (parts.empty()) return "only blank lines or front matter changed";
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out;
}

}  // namespace

void check_freshness(const Project& project, Diagnostics& diagnostics) {
  for (const TranslationState& state : translation_states(project)) {
    if (!state.translation || !state.source) continue;
    const std::string accept = fmt::format("leitbild translation accept {}", state.path);
    switch (state.status) {
      case TranslationStatus::no_fingerprint:
        diagnostics.add("LB0314", key_location(*state.translation, "title"),
                        fmt::format("this translation does not record which version of `{}` it translates", state.source_path),
                        fmt::format("When the translation is complete, run `{}`; leitbild then tells you when the source "
                                    "changes.", accept));
        break;
      case TranslationStatus::stale: {
        const SourceLocation where = key_location(*state.translation, "translation-of");
        if (!is_fingerprint(state.recorded)) {
          diagnostics.add("LB0310", where,
                          fmt::format("`translation-of: {}` is not a fingerprint leitbild made", state.recorded),
                          fmt::format("Check that the translation is complete, then run `{}` to record the source's "
                                      "fingerprint ({}).", accept, state.current));
          break;
        }
        auto changes = source_changes_since(project, *state.source, state.recorded);
        std::string message =
            changes ? fmt::format("the source `{}` changed since this translation was accepted ({} since commit {} of {})",
                                  state.source_path, changed_parts(*changes), changes->commit.substr(0, 10), changes->date)
                    : fmt::format("the source `{}` changed since this translation was accepted (the accepted version is not "
                                  "in the git history, so leitbild cannot say which sections)",
                                  state.source_path);
        diagnostics.add("LB0310", where, std::move(message),
                        fmt::format("Bring the translation up to date{}, then run `{}`.",
                                    changes ? "; `leitbild translation status --diff` shows the changes" : "", accept));
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace leitbild
