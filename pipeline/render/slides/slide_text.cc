#include "render/slides/slide_text.h"

#include <map>

namespace leitbild {

namespace {

// "nl-BE" finds "nl".
std::string primary_subtag(const LanguageTag& lang) { return lang.substr(0, lang.find('-')); }

}  // namespace

std::optional<std::string> closing_phrase(const LanguageTag& lang) {
  static const std::map<std::string, std::string, std::less<>> table = {
      {"da", "Mange tak"},      {"de", "Vielen Dank"},    {"en", "Thank you"},      {"es", "Muchas gracias"},
      {"fr", "Merci beaucoup"}, {"fy", "Tige tank"},      {"it", "Grazie mille"},   {"lb", "Merci villmools"},
      {"nl", "Hartelijk dank"}, {"pl", "Dziękuję"},       {"pt", "Muito obrigado"}, {"tr", "Teşekkürler"},
  };
  if (auto it = table.find(primary_subtag(lang)); it != table.end()) return it->second;
  return std::nullopt;
}

std::optional<ChangesWords> changes_words(const LanguageTag& lang) {
  static const std::map<std::string, ChangesWords, std::less<>> table = {
      {"de",
       {"Was ist neu?", "im Vergleich zur {}", "Keine Änderungen", "Alle Änderungen im Einzelnen",
        {{{"{} neues Kapitel", "{} neue Kapitel"},
          {"{} Kapitel entfällt", "{} Kapitel entfallen"},
          {"{} Kapitel umbenannt", "{} Kapitel umbenannt"},
          {"{} Kapitel verschoben", "{} Kapitel verschoben"},
          {"{} Kapitel mit neuem Titel", "{} Kapitel mit neuem Titel"},
          {"{} neuer Abschnitt", "{} neue Abschnitte"},
          {"{} Abschnitt entfällt", "{} Abschnitte entfallen"},
          {"{} Abschnitt verschoben", "{} Abschnitte verschoben"},
          {"{} Abschnitt überarbeitet", "{} Abschnitte überarbeitet"}}}}},
      {"nl",
       {"Wat is er nieuw?", "ten opzichte van de {}", "Geen wijzigingen", "Alle wijzigingen in detail",
        {{{"{} nieuw hoofdstuk", "{} nieuwe hoofdstukken"},
          {"{} hoofdstuk vervallen", "{} hoofdstukken vervallen"},
          {"{} hoofdstuk hernoemd", "{} hoofdstukken hernoemd"},
          {"{} hoofdstuk verplaatst", "{} hoofdstukken verplaatst"},
          {"{} hoofdstuk met een nieuwe titel", "{} hoofdstukken met een nieuwe titel"},
          {"{} nieuwe paragraaf", "{} nieuwe paragrafen"},
          {"{} paragraaf vervallen", "{} paragrafen vervallen"},
          {"{} paragraaf verplaatst", "{} paragrafen verplaatst"},
          {"{} paragraaf herzien", "{} paragrafen herzien"}}}}},
      {"en",
       {"What is new?", "compared with the {}", "No changes", "All changes in detail",
        {{{"{} new chapter", "{} new chapters"},
          {"{} chapter removed", "{} chapters removed"},
          {"{} chapter renamed", "{} chapters renamed"},
          {"{} chapter moved", "{} chapters moved"},
          {"{} chapter retitled", "{} chapters retitled"},
          {"{} new section", "{} new sections"},
          {"{} section removed", "{} sections removed"},
          {"{} section moved", "{} sections moved"},
          {"{} section revised", "{} sections revised"}}}}},
  };
  if (auto it = table.find(primary_subtag(lang)); it != table.end()) return it->second;
  return std::nullopt;
}

}  // namespace leitbild
