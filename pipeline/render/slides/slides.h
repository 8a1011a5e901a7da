#pragma once
// Slide output: reveal.js decks from content/decks/<deck>/, an outline deck per edition, and PDF
// handouts printed by headless Chromium. See docs/slides.md.
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"
#include "render/render.h"
#include "render/slides/slide_page.h"

namespace leitbild {

// The layout and the languages (in display order) a deck is shown in, after --deck-layout and
// --deck-lang. `available` are the languages that have text, source language first.
struct DeckView {
  DeckLayout layout = DeckLayout::side_by_side;
  std::vector<LanguageTag> languages;
};
DeckView choose_deck_view(DeckLayout configured, const std::vector<LanguageTag>& available, const RenderOptions& options,
                          const SourceLocation& where, Diagnostics& diagnostics);

// Where a deck's links point: the HTML site's pages (render/html/site_paths.h), relative to the
// deck page ("../../5/de/erfolgsfaktoren.html#oeffnung").
std::string chapter_href(int edition, const LanguageTag& lang, const LinkTarget& target);
std::string glossary_href(int edition, const LanguageTag& lang, const std::string& term_id);
std::string changes_href(int edition, const LanguageTag& lang);

// decks/<deck>/index.html and the files it loads.
Outputs render_deck(const Project& project, const Deck& deck, const RenderOptions& options, Diagnostics& diagnostics);
// <N>/slides/index.html: the edition's outline.
Outputs render_edition_outline(const Project& project, const Edition& edition, const RenderOptions& options,
                               Diagnostics& diagnostics);
// decks/<deck>/<deck>.pdf, printed from reveal.js's print view by headless Chromium.
Outputs render_deck_handout(const Project& project, const Deck& deck, const RenderOptions& options,
                            Diagnostics& diagnostics);

// Project-relative files whose contents shape a deck / an edition outline.
std::vector<std::string> deck_inputs(const Project& project, const Deck& deck);
std::vector<std::string> edition_outline_inputs(const Project& project, const Edition& edition);

// Empty when Chromium is there; otherwise why the PDF handout cannot be made.
std::string pdf_handout_unavailable_reason();

OutputFormat slides_output_format();
OutputFormat pdf_handout_output_format();

}  // namespace leitbild
