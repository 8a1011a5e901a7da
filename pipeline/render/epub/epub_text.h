#pragma once
// The few words the book itself says (headings of the navigation, the title page, the glossary),
// in the book's language. German and Dutch are the project's languages; any other gets English.
#include <string>

#include "model/project.h"

namespace leitbild {

struct EpubText {
  std::string contents;           // heading of the table of contents
  std::string landmarks;          // label of the landmarks navigation
  std::string title_page;
  std::string start_of_content;   // the "bodymatter" landmark
  std::string glossary;
  std::string adopted;            // followed by the long date
  std::string valid;              // followed by "2019–2024"
  std::string draft;
  std::string errata;
  std::string other_languages;    // label before a term's counterparts
  std::string deprecated;         // label before retired words
  std::string used_in;            // label before a term's back-links
  std::string accessibility_summary;
};

const EpubText& epub_text(const LanguageTag& lang);

}  // namespace leitbild
