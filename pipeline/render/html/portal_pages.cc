#include <fmt/format.h>

#include "render/html/html_site.h"
#include "render/html/locale_text.h"
#include "render/html/site_paths.h"

namespace leitbild {

namespace {

std::string label(const Labels& labels, const std::string& key) {
  auto it = labels.find(key);
  return it == labels.end() ? std::string() : it->second;
}

// Every edition in every language, the page's own language first; each block carries its
// language so screen readers and hyphenation switch with it.
TemplateList portal_languages(SiteContext& ctx, const LanguageTag& page_lang, const std::string& here) {
  const Project& project = ctx.project;
  std::vector<LanguageTag> order = {page_lang};
  for (const LanguageTag& lang : project.languages)
    if (lang != page_lang) order.push_back(lang);
  TemplateList languages;
  languages.reserve(order.size());
  for (const LanguageTag& lang : order) {
    TemplateData block;
    put(block, "lang", lang);
    put(block, "name", language_autonym(lang));
    put(block, "other_language", lang != page_lang);
    put(block, "project_title", typographic(localized(project.title, lang, project), lang));
    put(block, "section_labels", ctx.theme.labels_data(lang));
    TemplateList editions;
    editions.reserve(project.editions.size());
    for (auto it = project.editions.rbegin(); it != project.editions.rend(); ++it) {
      if (!it->chapters.count(lang)) continue;
      editions.push_back(edition_facts(ctx, *it, lang, here));
    }
    put(block, "has_editions", !editions.empty());
    put(block, "editions", std::move(editions));
    languages.push_back(std::move(block));
  }
  return languages;
}

void emit_portal(SiteContext& ctx, const LanguageTag& lang) {
  const Project& project = ctx.project;
  PageFrame frame;
  frame.path = portal_path(project, lang);
  frame.lang = lang;
  frame.kind = "portal";
  frame.title = typographic(localized(project.title, lang, project), lang);
  frame.in_language = [&](const LanguageTag& other) -> std::optional<std::string> { return portal_path(project, other); };
  frame.breadcrumbs = {{frame.path, frame.title}};
  frame.print_footer = frame.title;
  TemplateData data;
  put(data, "portal_languages", portal_languages(ctx, lang, frame.path));
  emit_page(ctx, frame, "portal", std::move(data));
}

// The statement German law (BITV 2.0 § 7, BGG § 12b) asks public bodies for: conformance status,
// known limitations, a feedback contact and the enforcement procedure. leitbild.yaml's
// `accessibility:` supplies the facts; the theme's labels supply the standard wording and the
// defaults when a fact is missing.
void emit_accessibility(SiteContext& ctx, const LanguageTag& lang) {
  const Project& project = ctx.project;
  const AccessibilityInfo& info = project.accessibility;
  const Labels& labels = ctx.theme.labels(lang);
  const std::string site_title = typographic(localized(project.title, lang, project), lang);
  const std::string publisher = localized(project.publisher, lang, project);
  const std::vector<std::pair<std::string, std::string>> names = {{"publisher", publisher}, {"site", site_title}};

  PageFrame frame;
  frame.path = accessibility_path(lang);
  frame.lang = lang;
  frame.kind = "accessibility";
  frame.title = label(labels, "accessibility");
  frame.in_language = [&](const LanguageTag& other) -> std::optional<std::string> { return accessibility_path(other); };
  frame.breadcrumbs = {{portal_path(project, lang), site_title}, {frame.path, frame.title}};
  frame.print_footer = frame.title + " \u00B7 " + site_title;

  auto text_or = [&](const Localized& value, const std::string& fallback_key) {
    std::string text = localized(value, lang, project);
    return text.empty() ? fill(label(labels, fallback_key), names) : typographic(text, lang);
  };
  TemplateData data;
  put(data, "intro", fill(label(labels, "a11y_intro"), names));
  put(data, "status", text_or(info.status, "a11y_default_status"));
  put(data, "limitations", text_or(info.limitations, "a11y_default_limitations"));
  const bool has_contact = !info.contact_email.empty() || !info.contact_url.empty();
  put(data, "has_contact", has_contact);
  put(data, "contact_intro", fill(label(labels, has_contact ? "a11y_contact_intro" : "a11y_default_contact"), names));
  put(data, "has_email", !info.contact_email.empty());
  put(data, "email", info.contact_email);
  put(data, "has_url", !info.contact_url.empty());
  put(data, "url", info.contact_url);
  put(data, "enforcement_intro", fill(label(labels, "a11y_enforcement_intro"), names));
  put(data, "enforcement", text_or(info.enforcement, "a11y_default_enforcement"));
  std::string prepared;
  if (auto date = date_from_iso(info.evaluated))
    prepared = fill(label(labels, "a11y_prepared_on"), {{"date", long_date(*date, lang)}});
  else
    prepared = fill(label(labels, "a11y_prepared"), names);
  put(data, "prepared", prepared);
  put(data, "evaluated_iso", info.evaluated);
  emit_page(ctx, frame, "accessibility", std::move(data));
}

}  // namespace

void emit_portal_pages(SiteContext& ctx) {
  for (const LanguageTag& lang : ctx.project.languages) {
    emit_portal(ctx, lang);
    emit_accessibility(ctx, lang);
  }
  for (const std::string& name : ctx.theme.asset_names())
    if (auto bytes = ctx.theme.asset(name)) ctx.outputs.push_back({std::string(kAssetsDir) + name, std::move(*bytes)});
}

}  // namespace leitbild
