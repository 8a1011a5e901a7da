#pragma once
// Words on slides that come from no content file: the closing slide's thanks and the outline's
// "what's new" slide, from small tables per language. (Dates: render/html/locale_text.h.)
#include <array>
#include <optional>
#include <string>

#include "model/project.h"

namespace leitbild {

// "Vielen Dank", "Hartelijk dank", ...; nullopt for a language the table lacks.
std::optional<std::string> closing_phrase(const LanguageTag& lang);

// The words of the outline's changes slide in one language.
struct ChangesWords {
  std::string heading;       // "Was ist neu?"
  std::string compared_to;   // "im Vergleich zur {}" (the previous edition's title)
  std::string nothing;       // "Keine Änderungen"
  std::string all_changes;   // "Alle Änderungen im Einzelnen"
  // Counted phrases, singular and plural, with {} for the number, in DiffSummary's order.
  std::array<std::pair<std::string, std::string>, 9> counts;
};
std::optional<ChangesWords> changes_words(const LanguageTag& lang);

}  // namespace leitbild
