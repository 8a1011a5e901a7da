#include <fmt/format.h>

#include "render/html/html_site.h"
#include "render/html/site_paths.h"

namespace leitbild {

namespace {

std::string label(SiteContext& ctx, const LanguageTag& lang, const std::string& key) {
  const Labels& labels = ctx.theme.labels(lang);
  auto it = labels.find(key);
  return it == labels.end() ? std::string() : it->second;
}

std::string chapter_label(const Chapter& chapter) {
  const std::string title = typographic(chapter.title, chapter.lang);
  return chapter.number.empty() ? title : chapter.number + " " + title;
}

TemplateData section_item(const Section& section, const std::string& href, const LanguageTag& lang) {
  TemplateData item;
  put(item, "anchor", section.anchor);
  put(item, "href", href);
  put(item, "numbered", !section.number.empty());
  put(item, "number", section.number);
  put(item, "title", typographic(section.title, lang));
  put(item, "level", std::to_string(section.level));
  return item;
}

// The table of contents: chapters, their sections and one level of subsections, numbered as the
// headings are.
TemplateList toc_chapters(const Edition& edition, const LanguageTag& lang, const std::string& from) {
  TemplateList chapters;
  chapters.reserve(edition.chapters.at(lang).size());
  for (const Chapter& chapter : edition.chapters.at(lang)) {
    const std::string page = chapter_path(edition.number, lang, chapter.stem);
    TemplateData item;
    put(item, "stem", chapter.stem);
    put(item, "href", relative_href(from, page));
    put(item, "numbered", !chapter.number.empty());
    put(item, "number", chapter.number);
    put(item, "title", typographic(chapter.title, lang));
    // Sections first collect their subsections; kainjow data lists cannot be changed in place.
    std::vector<std::pair<TemplateData, TemplateList>> tree;
    tree.reserve(chapter.sections.size());
    for (const Section& section : chapter.sections) {
      const std::string href = relative_href(from, page + "#" + section.anchor);
      if (section.level <= 2) tree.emplace_back(section_item(section, href, lang), TemplateList{});
      else if (section.level == 3 && !tree.empty()) {
        if (tree.back().second.empty()) tree.back().second.reserve(chapter.sections.size());
        tree.back().second.push_back(section_item(section, href, lang));
      }
    }
    TemplateList sections;
    sections.reserve(tree.size());
    for (auto& [s, subsections] : tree) {
      put(s, "has_subsections", !subsections.empty());
      put(s, "subsections", std::move(subsections));
      sections.push_back(std::move(s));
    }
    put(item, "has_sections", !sections.empty());
    put(item, "sections", std::move(sections));
    chapters.push_back(std::move(item));
  }
  return chapters;
}

}  // namespace

void emit_edition_pages(SiteContext& ctx, const Edition& edition, const LanguageTag& lang) {
  const Project& project = ctx.project;
  auto chapters_it = edition.chapters.find(lang);
  if (chapters_it == edition.chapters.end()) return;
  const std::vector<Chapter>& chapters = chapters_it->second;
  const std::string title = edition_title(edition, lang, project);
  const std::string site_title = typographic(localized(project.title, lang, project), lang);
  const std::string home = edition_home_path(edition.number, lang);
  const PageLink portal{portal_path(project, lang), site_title};
  const PageLink edition_crumb{home, title};
  const Edition* previous = previous_edition(project, edition);
  const std::string glossary_label = label(ctx, lang, "glossary");

  auto has_language = [&](const LanguageTag& other) { return edition.chapters.count(other) > 0; };

  // The edition's home.
  {
    PageFrame frame;
    frame.path = home;
    frame.lang = lang;
    frame.kind = "edition";
    frame.title = title;
    frame.edition = &edition;
    frame.in_language = [&](const LanguageTag& other) -> std::optional<std::string> {
      if (!has_language(other)) return std::nullopt;
      return edition_home_path(edition.number, other);
    };
    frame.in_edition = [&](const Edition& other) { return edition_home_path(other.number, lang); };
    frame.breadcrumbs = {portal, edition_crumb};
    if (!chapters.empty()) frame.next = PageLink{chapter_path(edition.number, lang, chapters.front().stem), chapter_label(chapters.front())};
    frame.print_footer = title + " \u00B7 " + site_title;

    TemplateData data;
    put(data, "toc", toc_chapters(edition, lang, home));
    put(data, "glossary_href", relative_href(home, glossary_path(edition.number, lang)));
    put(data, "has_changes", previous != nullptr);
    put(data, "changes_href", relative_href(home, changes_path(edition.number, lang)));
    if (previous) put(data, "previous_edition", edition_facts(ctx, *previous, lang, home));
    TemplateList errata;
    errata.reserve(edition.errata.size());
    for (const std::string& erratum : edition.errata) {
      TemplateData e;
      put(e, "text", typographic(erratum, lang));
      errata.push_back(std::move(e));
    }
    put(data, "has_errata", !errata.empty());
    put(data, "errata", std::move(errata));
    emit_page(ctx, frame, "edition", std::move(data));
  }

  // One page per chapter.
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    const Chapter& chapter = chapters[i];
    const std::string path = chapter_path(edition.number, lang, chapter.stem);
    const std::string label_text = chapter_label(chapter);
    PageFrame frame;
    frame.path = path;
    frame.lang = lang;
    frame.kind = "chapter";
    frame.title = label_text;
    frame.edition = &edition;
    frame.in_language = [&](const LanguageTag& other) -> std::optional<std::string> {
      if (!edition.find_chapter(other, chapter.stem)) return std::nullopt;
      return chapter_path(edition.number, other, chapter.stem);
    };
    frame.in_edition = [&](const Edition& other) {
      return other.find_chapter(lang, chapter.stem) ? chapter_path(other.number, lang, chapter.stem)
                                                    : edition_home_path(other.number, lang);
    };
    frame.breadcrumbs = {portal, edition_crumb, {path, label_text}};
    frame.previous = i == 0 ? PageLink{home, label(ctx, lang, "toc")}
                            : PageLink{chapter_path(edition.number, lang, chapters[i - 1].stem), chapter_label(chapters[i - 1])};
    frame.next = i + 1 < chapters.size()
                     ? PageLink{chapter_path(edition.number, lang, chapters[i + 1].stem), chapter_label(chapters[i + 1])}
                     : PageLink{glossary_path(edition.number, lang), glossary_label};
    const std::string chapter_word = chapter.number.empty() ? typographic(chapter.title, lang)
                                                            : fill(label(ctx, lang, "chapter_number"), {{"number", chapter.number}});
    frame.print_footer = chapter_word + " \u00B7 " + title + " \u00B7 " + site_title;

    TemplateData data;
    TemplateData c;
    put(c, "stem", chapter.stem);
    put(c, "numbered", !chapter.number.empty());
    put(c, "number", chapter.number);
    put(c, "title", typographic(chapter.title, lang));
    put(c, "body", chapter_body_html(ctx, edition, chapter, path));
    TemplateList sections;
    sections.reserve(chapter.sections.size());
    for (const Section& section : chapter.sections)
      if (section.level <= 3) sections.push_back(section_item(section, "#" + section.anchor, lang));
    put(c, "has_sections", sections.size() > 1);
    put(c, "sections", std::move(sections));
    put(data, "chapter", std::move(c));
    emit_page(ctx, frame, "chapter", std::move(data));
  }
}

}  // namespace leitbild
