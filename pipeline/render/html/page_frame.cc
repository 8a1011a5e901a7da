#include <fmt/format.h>
#include <unicode/locid.h>

#include "render/html/html_site.h"
#include "render/html/locale_text.h"
#include "render/html/site_paths.h"
#include "render/xhtml/typography.h"

namespace leitbild {

std::string localized(const Localized& text, const LanguageTag& lang, const Project& project) {
  if (auto it = text.find(lang); it != text.end() && !it->second.empty()) return it->second;
  if (!project.languages.empty())
    if (auto it = text.find(project.source_language()); it != text.end()) return it->second;
  return text.empty() ? std::string() : text.begin()->second;
}

std::string typographic(std::string_view text, const LanguageTag& lang) {
  QuoteState state;
  return typographic_quotes(text, quote_marks_for(lang), state);
}

std::string edition_title(const Edition& edition, const LanguageTag& lang, const Project& project) {
  std::string title = localized(edition.title, lang, project);
  return title.empty() ? std::to_string(edition.number) : typographic(title, lang);
}

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (std::size_t pos = 0; (pos = text.find(placeholder, pos)) != std::string::npos; pos += value.size())
      text.replace(pos, placeholder.size(), value);
  }
  return text;
}

namespace {

std::string label(const Labels& labels, const std::string& key) {
  auto it = labels.find(key);
  return it == labels.end() ? std::string() : it->second;
}

}  // namespace

std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\'') out += fmt::format("\\{:x} ", u);
    else out += c;
  }
  return out + "\"";
}

std::string validity_text(const Edition& edition, const Labels& labels) {
  if (edition.valid_from && edition.valid_to) return fmt::format("{}\u2013{}", *edition.valid_from, *edition.valid_to);
  if (edition.valid_from) return fill(label(labels, "valid_since"), {{"year", std::to_string(*edition.valid_from)}});
  if (edition.valid_to) return fill(label(labels, "valid_until"), {{"year", std::to_string(*edition.valid_to)}});
  return {};
}

const Edition* previous_edition(const Project& project, const Edition& edition) {
  const Edition* previous = nullptr;
  for (const Edition& e : project.editions)
    if (e.number < edition.number && (!previous || e.number > previous->number)) previous = &e;
  return previous;
}

namespace {

TemplateData page_independent_edition_facts(SiteContext& ctx, const Edition& edition, const LanguageTag& lang) {
  const Labels& labels = ctx.theme.labels(lang);
  TemplateData data;
  put(data, "number", std::to_string(edition.number));
  put(data, "title", edition_title(edition, lang, ctx.project));
  put(data, "published", edition.status == "published");
  put(data, "status", label(labels, edition.status == "published" ? "status_published" : "status_draft"));
  put(data, "has_adopted", edition.adopted.has_value());
  put(data, "adopted", edition.adopted ? long_date(*edition.adopted, lang) : std::string());
  put(data, "adopted_iso", edition.adopted ? edition.adopted->iso() : std::string());
  const std::string validity = validity_text(edition, labels);
  put(data, "has_validity", !validity.empty());
  put(data, "validity", validity);
  const Edition* newest_published = nullptr;
  for (const Edition& e : ctx.project.editions)
    if (e.status == "published") newest_published = &e;
  put(data, "current", newest_published == &edition);
  return data;
}

}  // namespace

TemplateData edition_facts(SiteContext& ctx, const Edition& edition, const LanguageTag& lang, const std::string& from_page) {
  auto [known, fresh] = ctx.edition_facts.try_emplace({edition.number, lang});
  if (fresh) known->second = page_independent_edition_facts(ctx, edition, lang);
  TemplateData data = known->second;
  put(data, "href", relative_href(from_page, edition_home_path(edition.number, lang)));
  return data;
}

PageFrame edition_page_frame(const Project& project, const Edition& edition, const LanguageTag& lang, std::string kind,
                             std::string title, const std::function<std::string(int, const LanguageTag&)>& path_of) {
  PageFrame frame;
  frame.path = path_of(edition.number, lang);
  frame.lang = lang;
  frame.kind = std::move(kind);
  frame.title = std::move(title);
  frame.edition = &edition;
  frame.in_language = [&edition, path_of](const LanguageTag& other) -> std::optional<std::string> {
    if (!edition.chapters.count(other)) return std::nullopt;
    return path_of(edition.number, other);
  };
  frame.breadcrumbs = {{portal_path(project, lang), typographic(localized(project.title, lang, project), lang)},
                       {edition_home_path(edition.number, lang), edition_title(edition, lang, project)},
                       {frame.path, frame.title}};
  return frame;
}

void emit_page(SiteContext& ctx, const PageFrame& frame, const std::string& content_template, TemplateData data) {
  const Project& project = ctx.project;
  const std::string& here = frame.path;
  const std::string site_title = typographic(localized(project.title, frame.lang, project), frame.lang);

  put(data, "lang", frame.lang);
  put(data, "dir", icu::Locale(frame.lang.c_str()).isRightToLeft() ? "rtl" : "ltr");
  put(data, "kind", frame.kind);
  put(data, "page_title", frame.title == site_title ? site_title : frame.title + " \u2013 " + site_title);
  put(data, "site_title", site_title);
  put(data, "publisher", localized(project.publisher, frame.lang, project));
  std::string assets;
  for (char c : here)
    if (c == '/') assets += "../";
  put(data, "assets", assets + std::string(kAssetsDir));
  put(data, "portal_href", relative_href(here, portal_path(project, frame.lang)));
  put(data, "accessibility_href", relative_href(here, accessibility_path(frame.lang)));
  put(data, "is_accessibility", frame.kind == "accessibility");
  put(data, "is_portal", frame.kind == "portal");
  put(data, "print_footer", frame.print_footer);
  put(data, "print_footer_css", css_string(frame.print_footer));

  // Languages: the switcher lists every language; alternates only those that have this page.
  TemplateList languages, alternates;
  languages.reserve(project.languages.size());
  alternates.reserve(project.languages.size());
  for (const LanguageTag& lang : project.languages) {
    std::optional<std::string> target = lang == frame.lang ? std::optional<std::string>(here) : frame.in_language(lang);
    TemplateData item;
    put(item, "lang", lang);
    put(item, "name", language_autonym(lang));
    put(item, "current", lang == frame.lang);
    put(item, "href", relative_href(here, target ? *target : portal_path(project, lang)));
    languages.push_back(item);
    if (target) alternates.push_back(item);
  }
  put(data, "languages", std::move(languages));
  put(data, "has_languages", project.languages.size() > 1);
  put(data, "alternates", std::move(alternates));

  TemplateList editions;
  editions.reserve(project.editions.size());
  if (frame.edition && frame.in_edition) {
    for (auto it = project.editions.rbegin(); it != project.editions.rend(); ++it) {
      TemplateData item = edition_facts(ctx, *it, frame.lang, here);
      put(item, "href", relative_href(here, it->number == frame.edition->number ? here : frame.in_edition(*it)));
      put(item, "selected", it->number == frame.edition->number);
      editions.push_back(std::move(item));
    }
  }
  put(data, "has_editions", editions.size() > 1);
  put(data, "editions", std::move(editions));

  TemplateList crumbs;
  crumbs.reserve(frame.breadcrumbs.size());
  for (std::size_t i = 0; i < frame.breadcrumbs.size(); ++i) {
    TemplateData crumb;
    const bool last = i + 1 == frame.breadcrumbs.size();
    put(crumb, "label", frame.breadcrumbs[i].label);
    put(crumb, "href", last ? std::string() : relative_href(here, frame.breadcrumbs[i].path));
    put(crumb, "current", last);
    crumbs.push_back(std::move(crumb));
  }
  put(data, "has_breadcrumbs", crumbs.size() > 1);
  put(data, "breadcrumbs", std::move(crumbs));

  auto link_data = [&](const std::optional<PageLink>& link) {
    TemplateData d;
    if (!link) return TemplateData(false);
    put(d, "href", relative_href(here, link->path));
    put(d, "label", link->label);
    return d;
  };
  put(data, "previous", link_data(frame.previous));
  put(data, "next", link_data(frame.next));
  put(data, "has_pager", frame.previous.has_value() || frame.next.has_value());

  if (frame.edition) {
    TemplateData edition = edition_facts(ctx, *frame.edition, frame.lang, here);
    put(edition, "glossary_href", relative_href(here, glossary_path(frame.edition->number, frame.lang)));
    put(data, "edition", std::move(edition));
    put(data, "in_edition", true);
  } else {
    put(data, "in_edition", false);
  }

  std::string content = ctx.theme.render(content_template, data, frame.lang);
  data["content"] = std::move(content);
  // A broken page template has been reported; an empty file would only hide it.
  std::string html = ctx.theme.render("page", data, frame.lang);
  if (!html.empty()) ctx.outputs.push_back({here, std::move(html)});
}

}  // namespace leitbild
