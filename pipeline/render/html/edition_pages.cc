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
  item.set("anchor", section.anchor);
  item.set("href", href);
  item.set("numbered", !section.number.empty());
  item.set("number", section.number);
  item.set("title", typographic(section.title, lang));
  item.set("level", std::to_string(section.level));
  return item;
}

// The table of contents: chapters, their sections and one level of subsections, numbered as the
// headings are.
TemplateList toc_chapters(const Edition& edition, const LanguageTag& lang, const std::string& from) {
  TemplateList chapters;
  for (const Chapter& chapter : edition.chapters.at(lang)) {
    const std::string page = chapter_path(edition.number, lang, chapter.stem);
    TemplateData item;
    item.set("stem", chapter.stem);
    item.set("href", relative_href(from, page));
    item.set("numbered", !chapter.number.empty());
    item.set("number", chapter.number);
    item.set("title", typographic(chapter.title, lang));
    // Sections first collect their subsections; kainjow data lists cannot be changed in place.
    std::vector<std::pair<TemplateData, TemplateList>> tree;
    for (const Section& section : chapter.sections) {
      const std::string href = relative_href(from, page + "#" + section.anchor);
      if (section.level <= 2) tree.emplace_back(section_item(section, href, lang), TemplateList{});
      else if (section.level == 3 && !tree.empty()) tree.back().second.push_back(section_item(section, href, lang));
    }
    TemplateList sections;
    for (auto& [s, subsections] : tree) {
      s.set("has_subsections", !subsections.empty());
      s.set("subsections", subsections);
      sections.push_back(std::move(s));
    }
    item.set("sections", sections);
    item.set("has_sections", !sections.empty());
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
    data.set("toc", toc_chapters(edition, lang, home));
    data.set("glossary_href", relative_href(home, glossary_path(edition.number, lang)));
    data.set("has_changes", previous != nullptr);
    data.set("changes_href", relative_href(home, changes_path(edition.number, lang)));
    if (previous) data.set("previous_edition", edition_facts(ctx, *previous, lang, home));
    TemplateList errata;
    for (const std::string& erratum : edition.errata) {
      TemplateData e;
      e.set("text", typographic(erratum, lang));
      errata.push_back(std::move(e));
    }
    data.set("has_errata", !errata.empty());
    data.set("errata", errata);
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
    c.set("stem", chapter.stem);
    c.set("numbered", !chapter.number.empty());
    c.set("number", chapter.number);
    c.set("title", typographic(chapter.title, lang));
    c.set("body", chapter_body_html(ctx, edition, chapter, path));
    TemplateList sections;
    for (const Section& section : chapter.sections)
      if (section.level <= 3) sections.push_back(section_item(section, "#" + section.anchor, lang));
    c.set("sections", sections);
    c.set("has_sections", sections.size() > 1);
    data.set("chapter", c);
    emit_page(ctx, frame, "chapter", std::move(data));
  }
}

}  // namespace leitbild
