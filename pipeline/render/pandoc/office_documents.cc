#include "render/pandoc/office_documents.h"

#include <fmt/format.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <memory>

#include "render/pandoc/markdown_pandoc.h"
#include "render/pandoc/office_toc.h"
#include "render/xhtml/typography.h"
#include "resolve/glossary_index.h"

namespace leitbild {

namespace {

using pandoc::Json;

// The few words the documents say themselves. German and Dutch are the project's languages; any
// other language gets English.
struct OfficeWords {
  std::string contents, glossary, adopted, valid, draft, other_languages, deprecated;
};

const OfficeWords& words_for(const LanguageTag& lang) {
  static const OfficeWords de{"Inhalt", "Glossar", "Beschlossen am", "Gültig", "Entwurf", "In anderen Sprachen:",
                              "Nicht mehr verwenden:"};
  static const OfficeWords nl{"Inhoud", "Verklarende woordenlijst", "Vastgesteld op", "Geldig", "Concept",
                              "In andere talen:", "Niet meer gebruiken:"};
  static const OfficeWords en{"Contents", "Glossary", "Adopted on", "Valid", "Draft", "In other languages:", "Do not use any more:"};
  const std::string primary = lang.substr(0, lang.find('-'));
  return primary == "de" ? de : primary == "nl" ? nl : en;
}

// ICU's long date for the language ("10. April 2019", "10 april 2019"), in UTC so that the
// machine's time zone cannot move the day.
std::string long_date(const Date& date, const LanguageTag& lang) {
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(lang.c_str())));
  if (!format) return date.iso();
  format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(icu::TimeZone::createTimeZone("UTC"), status);
  calendar.clear();
  calendar.set(date.year, date.month - 1, date.day);
  const UDate instant = calendar.getTime(status);
  if (U_FAILURE(status)) return date.iso();
  icu::UnicodeString text;
  format->format(instant, text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string localized(const Localized& values, const LanguageTag& lang) {
  if (auto it = values.find(lang); it != values.end()) return it->second;
  return values.empty() ? std::string() : values.begin()->second;
}

// Plain text from the model (titles, definitions) with the language's quotation marks.
Json typeset(std::string_view text, const QuoteMarks& quotes) {
  QuoteState state;
  return pandoc::text(typographic_quotes(text, quotes, state));
}

std::string typeset_string(std::string_view text, const QuoteMarks& quotes) {
  QuoteState state;
  return typographic_quotes(text, quotes, state);
}

Json numbered_title(const std::string& number, std::string_view title, const QuoteMarks& quotes) {
  Json inlines = Json::array();
  if (!number.empty()) {
    inlines.push_back(pandoc::span(pandoc::attr({}, {"secno"}), Json::array({pandoc::str(number)})));
    inlines.push_back(pandoc::space());
  }
  for (Json& word : typeset(title, quotes)) inlines.push_back(std::move(word));
  return inlines;
}

Json lang_attr(const LanguageTag& lang, std::vector<std::string> classes = {}) {
  return pandoc::attr({}, std::move(classes), {{"lang", lang}});
}

// Never an editor's anchor: those are [a-z0-9-] only.
constexpr const char* kGlossaryIdentifier = "lb_glossary";

Json glossary_chapter(const Project& project, const Edition& edition, const LanguageTag& lang, const QuoteMarks& quotes) {
  const OfficeWords& words = words_for(lang);
  Json blocks = Json::array();
  blocks.push_back(pandoc::header(1, pandoc::attr(kGlossaryIdentifier, {"unnumbered"}), pandoc::text(words.glossary)));
  const GlossaryIndex index = glossary_index(project, lang, edition.number);
  for (const GlossaryLetter& letter : index.letters) {
    blocks.push_back(pandoc::header(2, pandoc::attr({}, {"unnumbered", "glossary-letter"}), pandoc::text(letter.label)));
    Json items = Json::array();
    for (const GlossaryIndexEntry& entry : letter.entries) {
      Json term = pandoc::span(pandoc::attr("lb_term_" + entry.id, {"term"}, {{"data-term", entry.id}}), typeset(entry.term, quotes));
      Json definition = Json::array({pandoc::para(typeset(entry.definition, quotes))});
      if (!entry.counterparts.empty()) {
        Json line = pandoc::text(words.other_languages);
        for (std::size_t i = 0; i < entry.counterparts.size(); ++i) {
          const GlossaryCounterpart& other = entry.counterparts[i];
          line.push_back(pandoc::space());
          line.push_back(pandoc::span(lang_attr(other.lang), pandoc::text(other.term)));
          pandoc::append_text(line, fmt::format(" ({}){}", other.lang, i + 1 < entry.counterparts.size() ? "," : ""));
        }
        definition.push_back(pandoc::para(std::move(line)));
      }
      if (!entry.deprecated.empty()) {
        Json line = pandoc::text(words.deprecated + " ");
        pandoc::append_text(line, fmt::format("{}", fmt::join(entry.deprecated, ", ")));
        definition.push_back(pandoc::para(Json::array({pandoc::emph(std::move(line))})));
      }
      items.push_back(Json::array({Json::array({std::move(term)}), Json::array({std::move(definition)})}));
    }
    blocks.push_back(pandoc::definition_list(std::move(items)));
  }
  return pandoc::div(lang_attr(lang, {"glossary"}), std::move(blocks));
}

}  // namespace

pandoc::Json edition_document(const Project& project, const Edition& edition, const LanguageTag& lang, OfficeTarget target,
                              const std::vector<int>& api_version) {
  const OfficeWords& words = words_for(lang);
  const QuoteMarks quotes = quote_marks_for(lang);

  Json meta = Json::object();
  meta["lang"] = pandoc::meta_string(lang);
  meta["title"] = pandoc::meta_inlines(typeset(localized(project.title, lang), quotes));
  const std::string edition_title = localized(edition.title, lang);
  meta["subtitle"] = pandoc::meta_inlines(typeset(edition_title.empty() ? fmt::format("{}", edition.number) : edition_title, quotes));
  if (const std::string publisher = localized(project.publisher, lang); !publisher.empty())
    meta["author"] = pandoc::meta_list(Json::array({pandoc::meta_inlines(typeset(publisher, quotes))}));
  std::vector<std::string> date_parts;
  if (edition.status != "published") date_parts.push_back(words.draft);
  if (edition.adopted) date_parts.push_back(fmt::format("{} {}", words.adopted, long_date(*edition.adopted, lang)));
  if (edition.valid_from || edition.valid_to)
    date_parts.push_back(fmt::format("{} {}\u2013{}", words.valid, edition.valid_from ? std::to_string(*edition.valid_from) : "",
                                     edition.valid_to ? std::to_string(*edition.valid_to) : ""));
  if (!date_parts.empty()) meta["date"] = pandoc::meta_inlines(pandoc::text(fmt::format("{}", fmt::join(date_parts, " · "))));

  Json blocks = Json::array();
  std::vector<TocEntry> toc;
  Json chapters = Json::array();
  if (auto it = edition.chapters.find(lang); it != edition.chapters.end()) {
    for (const Chapter& chapter : it->second) {
      toc.push_back({1, chapter.stem, typeset_string(chapter.label(), quotes)});
      for (const Section& section : chapter.sections)
        if (section.level <= 3 && !section.anchor.empty())
          toc.push_back({section.level, section.anchor,
                         typeset_string(section.number.empty() ? section.title : section.number + " " + section.title, quotes)});
      MarkdownPandocContext ctx;
      ctx.lang = lang;
      ctx.quotes = quotes;
      ctx.links = &chapter.links;
      ctx.term_links = &chapter.term_links;
      ctx.term_hits = &chapter.term_hits;
      ctx.sections = &chapter.sections;
      ctx.footnote_root = chapter.doc.root();
      Json content = Json::array();
      content.push_back(pandoc::header(1, pandoc::attr(chapter.stem, {"unnumbered"}), numbered_title(chapter.number, chapter.title, quotes)));
      if (chapter.doc)
        for (Json& block : pandoc_blocks(chapter.doc.root(), ctx)) content.push_back(std::move(block));
      chapters.push_back(pandoc::div(lang_attr(lang, {"chapter"}), std::move(content)));
    }
  }
  toc.push_back({1, kGlossaryIdentifier, words.glossary});
  blocks.push_back(target == OfficeTarget::docx ? pandoc::raw_block("openxml", docx_toc(words.contents, toc))
                                                : pandoc::raw_block("opendocument", odt_toc(words.contents, toc)));
  for (Json& chapter : chapters) blocks.push_back(std::move(chapter));
  blocks.push_back(glossary_chapter(project, edition, lang, quotes));
  return pandoc::document(api_version, std::move(meta), std::move(blocks));
}

DeckPresentation deck_presentation(const Deck& deck, const RenderOptions& options) {
  DeckPresentation out;
  for (const LanguageTag& lang : deck.languages)
    if (deck.texts.contains(lang)) out.languages.push_back(lang);
  out.layout = options.deck_layout.empty() ? deck.layout : options.deck_layout;
  if (!options.deck_lang.empty()) {
    out.layout = "single";
    if (deck.texts.contains(options.deck_lang)) out.languages = {options.deck_lang};
  }
  if (out.languages.size() > 1 && out.layout == "single") out.languages.resize(1);
  if (out.languages.size() <= 1) out.layout = "single";
  // PowerPoint has two columns at most; three or more languages are stacked.
  if (out.layout == "side-by-side" && out.languages.size() != 2) out.layout = "stacked";
  return out;
}

std::string deck_footer(const Deck& deck, const LanguageTag& lang) {
  std::vector<std::string> parts;
  if (!deck.presenter.empty()) parts.push_back(deck.presenter);
  if (std::string role = localized(deck.role, lang); !role.empty()) parts.push_back(role);
  if (!deck.event.empty()) parts.push_back(deck.event);
  if (deck.date) parts.push_back(long_date(*deck.date, lang));
  return fmt::format("{}", fmt::join(parts, " · "));
}

pandoc::Json deck_document(const Deck& deck, const DeckPresentation& presentation, const std::vector<int>& api_version) {
  Json blocks = Json::array();
  Json meta = Json::object();
  if (presentation.languages.empty()) return pandoc::document(api_version, std::move(meta), std::move(blocks));
  const LanguageTag& first = presentation.languages.front();
  const bool several = presentation.languages.size() > 1;

  struct LanguageText {
    const LanguageTag* lang;
    const DeckText* text;
    QuoteMarks quotes;
    MarkdownPandocContext ctx;
  };
  std::vector<LanguageText> texts;
  std::size_t slide_count = SIZE_MAX;
  for (const LanguageTag& lang : presentation.languages) {
    const DeckText& text = deck.texts.at(lang);
    LanguageText entry{&lang, &text, quote_marks_for(lang), {}};
    entry.ctx.lang = lang;
    entry.ctx.quotes = entry.quotes;
    entry.ctx.links = &text.links;
    entry.ctx.term_links = &text.term_links;
    entry.ctx.term_hits = &text.term_hits;
    entry.ctx.footnote_root = text.doc.root();
    entry.ctx.link_cross_references = false;
    entry.ctx.headings_as_paragraphs = true;
    texts.push_back(std::move(entry));
    slide_count = std::min(slide_count, text.slides.size());
  }

  const QuoteMarks& quotes = texts.front().quotes;
  meta["lang"] = pandoc::meta_string(first);
  meta["title"] = pandoc::meta_inlines(typeset(localized(deck.title, first), quotes));
  if (several) {
    std::vector<std::string> others;
    for (std::size_t i = 1; i < texts.size(); ++i)
      if (std::string title = localized(deck.title, *texts[i].lang); title != localized(deck.title, first)) others.push_back(title);
    if (!others.empty()) meta["subtitle"] = pandoc::meta_inlines(typeset(fmt::format("{}", fmt::join(others, " / ")), quotes));
  }
  Json authors = Json::array();
  if (!deck.presenter.empty()) authors.push_back(pandoc::meta_inlines(pandoc::text(deck.presenter)));
  if (std::string role = localized(deck.role, first); !role.empty()) authors.push_back(pandoc::meta_inlines(typeset(role, quotes)));
  if (!authors.empty()) meta["author"] = pandoc::meta_list(std::move(authors));
  std::vector<std::string> when;
  if (!deck.event.empty()) when.push_back(deck.event);
  if (deck.date) when.push_back(long_date(*deck.date, first));
  if (!when.empty()) meta["date"] = pandoc::meta_inlines(typeset(fmt::format("{}", fmt::join(when, ", ")), quotes));

  for (std::size_t index = 0; index < slide_count; ++index) {
    const Slide& lead = texts.front().text->slides[index];
    auto title_of = [&](const LanguageText& t) {
      const Slide& slide = t.text->slides[index];
      return slide.heading ? pandoc_inlines(slide.heading, t.ctx) : Json::array();
    };
    // A `# ` slide without content is a section slide; with content it stays a normal slide so
    // that pandoc does not split it into two.
    const bool section = lead.section_title && lead.body.empty();
    if (section) {
      Json title = title_of(texts.front());
      for (std::size_t i = 1; i < texts.size(); ++i) {
        pandoc::append_text(title, " / ");
        title.push_back(pandoc::span(lang_attr(*texts[i].lang), title_of(texts[i])));
      }
      blocks.push_back(pandoc::header(1, pandoc::attr({}, {"unnumbered"}), std::move(title)));
    } else {
      blocks.push_back(pandoc::header(2, pandoc::attr({}, {"unnumbered"}), title_of(texts.front())));
      // No Div lang around a language's blocks here: pandoc 2.17 drops a table inside a Div on a
      // slide (and writes no language into PPTX anyway).
      std::vector<Json> bodies;
      bool has_table = false;
      for (std::size_t i = 0; i < texts.size(); ++i) {
        Json body = Json::array();
        // The translations' blocks open with their own slide title; the slide's title is the first language's.
        if (i > 0) body.push_back(pandoc::para(Json::array({pandoc::strong(title_of(texts[i]))})));
        for (Json& block : pandoc_blocks(texts[i].text->slides[index].body, texts[i].ctx)) {
          has_table |= block["t"] == "Table";
          body.push_back(std::move(block));
        }
        bodies.push_back(std::move(body));
      }
      // Pandoc puts one table in a text frame and starts a new slide for the next; two stacked
      // tables would make two slides, so such a slide is shown side by side.
      const bool columns = presentation.layout == "side-by-side" || (has_table && bodies.size() == 2);
      if (columns) {
        Json column_divs = Json::array();
        for (Json& body : bodies) column_divs.push_back(pandoc::div(pandoc::attr({}, {"column"}), std::move(body)));
        blocks.push_back(pandoc::div(pandoc::attr({}, {"columns"}), std::move(column_divs)));
      } else {
        for (Json& body : bodies)
          for (Json& block : body) blocks.push_back(std::move(block));
      }
    }
    Json notes = Json::array();
    for (const LanguageText& t : texts) {
      const Slide& slide = t.text->slides[index];
      if (slide.notes.empty()) continue;
      if (several) {  // "DE", "NL" before each language's notes
        std::string tag = *t.lang;
        std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        notes.push_back(pandoc::para(Json::array({pandoc::strong(pandoc::text(tag))})));
      }
      for (Json& block : pandoc_blocks(slide.notes, t.ctx)) notes.push_back(std::move(block));
    }
    if (!notes.empty()) blocks.push_back(pandoc::div(pandoc::attr({}, {"notes"}), std::move(notes)));
  }
  return pandoc::document(api_version, std::move(meta), std::move(blocks));
}

}  // namespace leitbild
