#pragma once
// The resolved model as Pandoc documents: an edition in one language (for DOCX and ODT) and a
// deck (for PPTX). What each contains and why is in docs/office.md.
#include <string>
#include <vector>

#include "model/project.h"
#include "render/pandoc/pandoc_json.h"
#include "render/render.h"

namespace leitbild {

enum class OfficeTarget { docx, odt };

// Title page from the metadata (title, subtitle, publisher, adoption date and validity), the
// table of contents (office_toc.h), one Div lang=.. per chapter with a level-1 heading
// "5 Erfolgsfaktoren ..." (identifier: the stem) and the sections as level-2/3 headings
// "5.4 ..." (identifier: the anchor), then the glossary as the last chapter.
pandoc::Json edition_document(const Project& project, const Edition& edition, const LanguageTag& lang, OfficeTarget target,
                              const std::vector<int>& api_version);

// Which languages a deck shows and how, after --deck-lang / --deck-layout.
struct DeckPresentation {
  std::vector<LanguageTag> languages;  // first = the slide titles' language
  std::string layout;                  // side-by-side (exactly two languages) | stacked | single
};
DeckPresentation deck_presentation(const Deck& deck, const RenderOptions& options);

// A title slide from the metadata, then one slide per deck slide: `## ` slides as content slides,
// bodiless `# ` slides as section slides; side-by-side as two columns, stacked as two blocks (as
// columns when the slide has a table: pandoc would split it); speaker notes as PowerPoint notes
// (every language's).
pandoc::Json deck_document(const Deck& deck, const DeckPresentation& presentation, const std::vector<int>& api_version);

// "Jochen Köhnke · Dezernent für ... · Thuis en Actief in Kleurrijk Almelo · 15. März 2011"
std::string deck_footer(const Deck& deck, const LanguageTag& lang);

}  // namespace leitbild
