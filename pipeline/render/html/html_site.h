#pragma once
// The pieces of the HTML site shared by its page builders (one file per kind of page). Every page
// is rendered by two templates: its own (chapter, edition, glossary, changes, portal,
// accessibility) into {{{content}}}, then `page` around it with the chrome every page has:
// skip link, header, language and edition switchers, breadcrumbs, pager, footer.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"
#include "render/html/html_theme.h"
#include "render/render.h"

namespace leitbild {

// What one render job works with. Jobs run in parallel: each has its own theme and outputs.
struct SiteContext {
  const Project& project;
  const RenderOptions& options;
  HtmlTheme theme;
  Diagnostics& diagnostics;
  Outputs outputs;
  // Every page lists every edition: what does not depend on the page, per edition and language.
  std::map<std::pair<int, LanguageTag>, TemplateData> edition_facts;

  SiteContext(const Project& p, const RenderOptions& o, Diagnostics& d)
      : project(p), options(o), theme(o, p.root, d), diagnostics(d) {}
};

struct PageLink {
  std::string path;  // relative to the output folder; may end in #fragment
  std::string label;
};

// The chrome of one page.
struct PageFrame {
  std::string path;  // where the page goes, relative to the output folder
  LanguageTag lang;
  std::string kind;   // chapter | edition | glossary | changes | portal | accessibility
  std::string title;  // the page's own title (its h1), first in <title>
  const Edition* edition = nullptr;
  // The same page in another language; nullopt: that language has no such page.
  std::function<std::optional<std::string>(const LanguageTag&)> in_language;
  // The same page in another edition, or that edition's home.
  std::function<std::string(const Edition&)> in_edition;
  std::vector<PageLink> breadcrumbs;  // from the portal down; the page itself last (its path unused)
  std::optional<PageLink> previous, next;
  std::string print_footer;  // running footer of printed pages ("Kapitel 5 · 3. Auflage")
};

// The frame of an edition-wide page (glossary, changes): the same page in every language that has
// the edition's chapters, breadcrumbs portal > edition home > page. The caller sets in_edition.
PageFrame edition_page_frame(const Project& project, const Edition& edition, const LanguageTag& lang, std::string kind,
                             std::string title, const std::function<std::string(int, const LanguageTag&)>& path_of);

// Renders `content_template` with `data` plus the frame's variables, then `page` around it; adds
// the result to ctx.outputs.
void emit_page(SiteContext& ctx, const PageFrame& frame, const std::string& content_template, TemplateData data);

// Text helpers for templates.
std::string localized(const Localized& text, const LanguageTag& lang, const Project& project);
std::string typographic(std::string_view text, const LanguageTag& lang);  // quotes as in the body
std::string edition_title(const Edition& edition, const LanguageTag& lang, const Project& project);
// "2019–2024", "seit 2025", ... empty when the edition has no validity.
std::string validity_text(const Edition& edition, const Labels& labels);
// A CSS string literal ("...") safe inside a <style> element: quotes, backslashes, markup
// characters and controls are escaped.
std::string css_string(std::string_view text);
// Replaces {name} placeholders in a label.
std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values);
TemplateData edition_facts(SiteContext& ctx, const Edition& edition, const LanguageTag& lang, const std::string& from_page);
// The edition before `edition` among the loaded ones (for "what is new").
const Edition* previous_edition(const Project& project, const Edition& edition);

// Pages.
void emit_edition_pages(SiteContext& ctx, const Edition& edition, const LanguageTag& lang);  // home + chapters
void emit_glossary_page(SiteContext& ctx, const Edition& edition, const LanguageTag& lang);
void emit_changes_page(SiteContext& ctx, const Edition& edition, const Edition& previous, const LanguageTag& lang);
void emit_portal_pages(SiteContext& ctx);  // portal per language, accessibility statements, assets

// Chapter bodies: the shared AST -> XHTML writer plus local images and files copied next to the page.
std::string chapter_body_html(SiteContext& ctx, const Edition& edition, const Chapter& chapter, const std::string& page_path);
// The project-relative files a chapter's images and local links name (for RenderJob::inputs).
std::vector<std::string> chapter_local_files(const Chapter& chapter);

}  // namespace leitbild
