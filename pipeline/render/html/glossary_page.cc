#include <fmt/format.h>

#include "render/html/html_site.h"
#include "render/html/locale_text.h"
#include "render/html/site_paths.h"
#include "resolve/glossary_index.h"

namespace leitbild {

namespace {

std::string label(SiteContext& ctx, const LanguageTag& lang, const std::string& key) {
  const Labels& labels = ctx.theme.labels(lang);
  auto it = labels.find(key);
  return it == labels.end() ? std::string() : it->second;
}

TemplateList words(const std::vector<std::string>& list, const LanguageTag& lang) {
  TemplateList out;
  out.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    TemplateData word;
    put(word, "word", typographic(list[i], lang));
    put(word, "last", i + 1 == list.size());
    out.push_back(std::move(word));
  }
  return out;
}

}  // namespace

void emit_glossary_page(SiteContext& ctx, const Edition& edition, const LanguageTag& lang) {
  const Project& project = ctx.project;
  auto chapters_it = edition.chapters.find(lang);
  if (chapters_it == edition.chapters.end()) return;
  const std::string path = glossary_path(edition.number, lang);
  const std::string title = label(ctx, lang, "glossary");
  const std::string site_title = typographic(localized(project.title, lang, project), lang);
  const std::string ed_title = edition_title(edition, lang, project);

  PageFrame frame = edition_page_frame(project, edition, lang, "glossary", title, glossary_path);
  frame.in_edition = [&](const Edition& other) { return glossary_path(other.number, lang); };
  if (const auto& chapters = chapters_it->second; !chapters.empty()) {
    const Chapter& last = chapters.back();
    const std::string last_title = typographic(last.title, lang);
    frame.previous = PageLink{chapter_path(edition.number, lang, last.stem),
                              last.number.empty() ? last_title : last.number + " " + last_title};
  }
  frame.print_footer = title + " \u00B7 " + ed_title + " \u00B7 " + site_title;

  const GlossaryIndex index = glossary_index(project, lang, edition.number);
  TemplateList letters;
  letters.reserve(index.letters.size());
  int letter_number = 0;
  for (const GlossaryLetter& letter : index.letters) {
    TemplateData l;
    put(l, "label", letter.label);
    put(l, "id", fmt::format("letter-{}", ++letter_number));
    TemplateList entries;
    entries.reserve(letter.entries.size());
    for (const GlossaryIndexEntry& entry : letter.entries) {
      TemplateData e;
      put(e, "id", "term-" + entry.id);
      put(e, "term", typographic(entry.term, lang));
      put(e, "definition", typographic(entry.definition, lang));
      put(e, "has_forms", !entry.forms.empty());
      put(e, "forms", words(entry.forms, lang));
      put(e, "has_deprecated", !entry.deprecated.empty());
      put(e, "deprecated", words(entry.deprecated, lang));
      TemplateList counterparts;
      counterparts.reserve(entry.counterparts.size());
      for (const GlossaryCounterpart& c : entry.counterparts) {
        TemplateData cp;
        put(cp, "lang", c.lang);
        put(cp, "language", language_autonym(c.lang));
        put(cp, "term", typographic(c.term, c.lang));
        counterparts.push_back(std::move(cp));
      }
      put(e, "has_counterparts", !counterparts.empty());
      put(e, "counterparts", std::move(counterparts));
      TemplateList uses;
      uses.reserve(entry.uses.size());
      for (std::size_t i = 0; i < entry.uses.size(); ++i) {
        const GlossaryUse& use = entry.uses[i];
        if (use.edition != edition.number) continue;
        std::string target = chapter_path(edition.number, lang, use.chapter_stem);
        if (!use.section_anchor.empty()) target += "#" + use.section_anchor;
        TemplateData u;
        put(u, "href", relative_href(path, target));
        put(u, "label", typographic(use.label(), lang));
        uses.push_back(std::move(u));
      }
      for (std::size_t i = 0; i < uses.size(); ++i) uses[i]["last"] = TemplateData(i + 1 == uses.size());
      put(e, "has_uses", !uses.empty());
      put(e, "uses", std::move(uses));
      entries.push_back(std::move(e));
    }
    l["entries"] = TemplateData(entries);
    letters.push_back(std::move(l));
  }
  TemplateData data;
  data["letters"] = TemplateData(letters);
  put(data, "has_letters", !letters.empty());
  emit_page(ctx, frame, "glossary", std::move(data));
}

}  // namespace leitbild
