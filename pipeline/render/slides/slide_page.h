#pragma once
// One reveal.js page of bilingual slides, independent of where the slides come from (a deck's
// Markdown or an edition's outline). Each slide has one side per language shown; the layout
// decides how the sides are placed. The page is self-contained: reveal.js and the theme are
// copied beside it, so it works opened from disk without a network.
#include <libxml/tree.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"
#include "render/render.h"

namespace leitbild {

enum class DeckLayout { side_by_side, stacked, single };

std::optional<DeckLayout> parse_deck_layout(std::string_view name);
std::string_view deck_layout_name(DeckLayout layout);

enum class SlideKind { title, section, content, closing };

// One language's text of a slide. The callbacks append to elements the layout made.
struct SlideSide {
  LanguageTag lang;
  std::function<void(xmlNodePtr heading)> heading;
  std::function<void(xmlNodePtr body)> body;    // may be empty
  std::function<void(xmlNodePtr notes)> notes;  // may be empty: no speaker notes in this language
};

struct SlideSpec {
  SlideKind kind = SlideKind::content;
  std::vector<SlideSide> sides;  // display order: source language first
  // Text that belongs to no language (a presenter's name), shown once below the sides.
  std::function<void(xmlNodePtr)> shared;
  SourceLocation where;  // for diagnostics about the slide
};

struct SlideFooter {
  std::string presenter;
  Localized role;
  std::string event;
  std::optional<Date> date;
};

struct SlidePage {
  LanguageTag lang;   // the page's language: the first language shown
  std::string title;  // <title>
  DeckLayout layout = DeckLayout::side_by_side;
  std::vector<LanguageTag> languages;  // shown, in order
  SlideFooter footer;
  std::vector<SlideSpec> slides;
  // The bytes of a local image a slide shows (its src as written), or nullopt. Images found are
  // copied to media/ beside the page.
  std::function<std::optional<std::string>(const std::string& src)> read_image;
};

// Theme files the page uses (theme-relative) and reveal.js files it copies (node_modules-relative).
const std::vector<std::string>& slide_theme_files();
const std::vector<std::string>& reveal_files();

// The page and its assets, with paths under `folder` ("decks/almelo-2011").
Outputs write_slide_page(const SlidePage& page, const std::string& folder, const RenderOptions& options,
                         Diagnostics& diagnostics);

// The <section> elements alone (what the template receives), for tests.
std::string slide_sections_html(const SlidePage& page);

}  // namespace leitbild
