#include "render/epub/epub_text.h"

namespace leitbild {

const EpubText& epub_text(const LanguageTag& lang) {
  static const EpubText de{
      "Inhalt", "Orientierungspunkte", "Titelseite", "Beginn des Textes", "Glossar", "Beschlossen am", "Gültig", "Entwurf",
      "Berichtigungen", "In anderen Sprachen:", "Nicht mehr verwenden:", "Kommt vor in:",
      "Dieses E-Book besteht nur aus Text und erfüllt WCAG 2.1 Level AA. Ein Inhaltsverzeichnis, gegliederte Überschriften "
      "und eine feste Lesereihenfolge erleichtern die Navigation; Querverweise und Glossarbegriffe sind verlinkt."};
  static const EpubText nl{
      "Inhoud", "Oriëntatiepunten", "Titelpagina", "Begin van de tekst", "Verklarende woordenlijst", "Vastgesteld op", "Geldig",
      "Concept", "Errata", "In andere talen:", "Niet meer gebruiken:", "Komt voor in:",
      "Dit e-book bestaat alleen uit tekst en voldoet aan WCAG 2.1 niveau AA. Een inhoudsopgave, gestructureerde koppen "
      "en een vaste leesvolgorde maken navigeren eenvoudig; kruisverwijzingen en begrippen uit de woordenlijst zijn gelinkt."};
  static const EpubText en{
      "Contents", "Landmarks", "Title page", "Start of content", "Glossary", "Adopted on", "Valid", "Draft", "Errata",
      "In other languages:", "Do not use any more:", "Used in:",
      "This e-book consists of text only and meets WCAG 2.1 Level AA. A table of contents, structured headings and a "
      "fixed reading order make navigation easy; cross-references and glossary terms are linked."};
  const std::string primary = lang.substr(0, lang.find('-'));
  if (primary == "de") return de;
  if (primary == "nl") return nl;
  return en;
}

}  // namespace leitbild
