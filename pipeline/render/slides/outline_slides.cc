// The outline deck of an edition: its title, one slide per chapter with the chapter's numbered
// sections, what changed against the previous edition, and a closing thanks.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "render/html/locale_text.h"
#include "resolve/edition_diff.h"
#include "render/slides/slide_text.h"
#include "render/slides/slides.h"
#include "render/xhtml/xml_tree.h"

namespace leitbild {

namespace {

std::string localized_or(const Localized& text, const LanguageTag& lang, const LanguageTag& fallback) {
  if (auto it = text.find(lang); it != text.end() && !it->second.empty()) return it->second;
  if (auto it = text.find(fallback); it != text.end()) return it->second;
  return {};
}

std::vector<LanguageTag> edition_languages(const Project& project, const Edition& edition) {
  std::vector<LanguageTag> out;
  for (const auto& lang : project.languages)
    if (auto it = edition.chapters.find(lang); it != edition.chapters.end() && !it->second.empty()) out.push_back(lang);
  return out;
}

void append_link(xmlNodePtr parent, const std::string& text, const std::string& href) {
  element_text(parent, "a", text, {{"class", "xref"}, {"href", href}});
}

}  // namespace

Outputs render_edition_outline(const Project& project, const Edition& edition, const RenderOptions& options,
                               Diagnostics& diagnostics) {
  const SourceLocation edition_yaml{edition.dir + "/edition.yaml", 1, 1};
  const DeckView view = choose_deck_view(DeckLayout::side_by_side, edition_languages(project, edition), options,
                                         edition_yaml, diagnostics);
  if (view.languages.empty()) return {};
  const LanguageTag& first = view.languages.front();
  const LanguageTag& source = project.languages.empty() ? first : project.source_language();

  SlidePage page;
  page.lang = first;
  page.title = fmt::format("{} \u2013 {}", localized_or(project.title, first, source), localized_or(edition.title, first, source));
  page.layout = view.layout;
  page.languages = view.languages;
  page.footer.role = project.publisher;
  page.footer.date = edition.adopted;

  SlideSpec title;
  title.kind = SlideKind::title;
  title.where = edition_yaml;
  for (const auto& lang : view.languages) {
    SlideSide side;
    side.lang = lang;
    const std::string heading = localized_or(project.title, lang, source);
    const std::string subtitle = localized_or(edition.title, lang, source);
    const std::string publisher = localized_or(project.publisher, lang, source);
    const std::optional<Date> adopted = edition.adopted;
    side.heading = [heading](xmlNodePtr h) { append_text(h, heading); };
    side.body = [subtitle, publisher, adopted, lang](xmlNodePtr body) {
      element_text(body, "p", subtitle, {{"class", "lb-subtitle"}});
      if (!publisher.empty()) element_text(body, "p", publisher, {{"class", "lb-role"}});
      if (adopted) element_text(element(body, "p", {{"class", "lb-date"}}), "time", long_date(*adopted, lang), {{"datetime", adopted->iso()}});
    };
    title.sides.push_back(std::move(side));
  }
  if (edition.valid_from && edition.valid_to)
    title.shared = [from = *edition.valid_from, to = *edition.valid_to](xmlNodePtr shared) {
      element_text(shared, "p", fmt::format("{}\u2013{}", from, to), {{"class", "lb-valid"}});
    };
  page.slides.push_back(std::move(title));

  for (std::size_t index = 0; index < edition.chapter_stems.size(); ++index) {
    const std::string& stem = edition.chapter_stems[index];
    SlideSpec spec;
    for (const auto& lang : view.languages) {
      SlideSide side;
      side.lang = lang;
      const Chapter* chapter = edition.find_chapter(lang, stem);
      if (chapter) {
        if (lang == first) spec.where = {chapter->path, 1, 1};
        const int number = edition.number;
        side.heading = [chapter, number, lang](xmlNodePtr h) {
          append_link(h, chapter->label(), chapter_href(number, lang, LinkTarget{chapter->stem, "", chapter->number, chapter->title}));
        };
        const bool has_sections = std::any_of(chapter->sections.begin(), chapter->sections.end(), [](const Section& s) { return s.level == 2; });
        if (has_sections)
          side.body = [chapter, number, lang](xmlNodePtr body) {
            xmlNodePtr list = element(body, "ul", {{"class", "lb-outline"}});
            for (const Section& section : chapter->sections) {
              if (section.level != 2) continue;
              const LinkTarget target{chapter->stem, section.anchor, section.number, section.title};
              append_link(element(list, "li"), target.label(), chapter_href(number, lang, target));
            }
          };
      }
      spec.sides.push_back(std::move(side));
    }
    page.slides.push_back(std::move(spec));
  }

  // What changed against the previous edition, in numbers, with a link to the changes page.
  const Edition* previous = nullptr;
  for (const Edition& e : project.editions)
    if (e.number < edition.number) previous = &e;
  if (previous) {
    SlideSpec changes;
    changes.where = edition_yaml;
    for (const auto& lang : view.languages) {
      const LanguageTag words_lang = changes_words(lang) ? lang : source;
      const ChangesWords words = changes_words(words_lang).value_or(*changes_words("en"));
      SlideSide side;
      side.lang = words_lang;
      const DiffSummary summary = diff_edition_language(*previous, edition, lang, DiffDetail::for_reading).summary;
      const std::string compared = fmt::format(fmt::runtime(words.compared_to), localized_or(previous->title, lang, source));
      const std::string href = changes_href(edition.number, lang);
      side.heading = [words](xmlNodePtr h) { append_text(h, words.heading); };
      side.body = [words, summary, compared, href](xmlNodePtr body) {
        element_text(body, "p", compared, {{"class", "lb-subtitle"}});
        const std::array<int, 9> counts = {summary.chapters_added,   summary.chapters_removed, summary.chapters_renamed,
                                           summary.chapters_moved,   summary.chapters_retitled, summary.sections_added,
                                           summary.sections_removed, summary.sections_moved,   summary.sections_changed};
        if (summary.empty()) {
          element_text(body, "p", words.nothing);
        } else {
          xmlNodePtr list = element(body, "ul", {{"class", "lb-changes"}});
          for (std::size_t i = 0; i < counts.size(); ++i)
            if (counts[i] > 0)
              element_text(list, "li", fmt::format(fmt::runtime(counts[i] == 1 ? words.counts[i].first : words.counts[i].second), counts[i]));
        }
        append_link(element(body, "p"), words.all_changes, href);
      };
      changes.sides.push_back(std::move(side));
    }
    page.slides.push_back(std::move(changes));
  }

  SlideSpec closing;
  closing.kind = SlideKind::closing;
  closing.where = edition_yaml;
  const std::string source_thanks = closing_phrase(source).value_or("Thank you");
  for (const auto& lang : view.languages) {
    SlideSide side;
    side.lang = lang;
    // A language the table lacks says it in the source language (and is marked as such).
    const std::optional<std::string> phrase = closing_phrase(lang);
    if (phrase) side.heading = [text = *phrase](xmlNodePtr h) { append_text(h, text); };
    else if (lang == first) side.heading = [text = source_thanks, source](xmlNodePtr h) {
      element_text(h, "span", text, {{"lang", source}});
    };
    closing.sides.push_back(std::move(side));
  }
  page.slides.push_back(std::move(closing));

  return write_slide_page(page, fmt::format("{}/slides", edition.number), options, diagnostics);
}

std::vector<std::string> edition_outline_inputs(const Project& project, const Edition& edition) {
  std::vector<std::string> inputs = {"leitbild.yaml", edition.dir + "/edition.yaml"};
  for (const auto& [lang, chapters] : edition.chapters)
    for (const Chapter& chapter : chapters) inputs.push_back(chapter.path);
  // The changes slide compares with the previous edition.
  const Edition* previous = nullptr;
  for (const Edition& e : project.editions)
    if (e.number < edition.number) previous = &e;
  if (previous) {
    inputs.push_back(previous->dir + "/edition.yaml");
    for (const auto& [lang, chapters] : previous->chapters)
      for (const Chapter& chapter : chapters) inputs.push_back(chapter.path);
  }
  std::sort(inputs.begin(), inputs.end());
  inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
  return inputs;
}

}  // namespace leitbild
