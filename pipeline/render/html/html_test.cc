// Pages of small trees: what each kind of page shows, the chrome every page has, themes.
#include <gtest/gtest.h>

#include <set>

#include "render/html/html_format.h"
#include "render/html/html_site.h"
#include "render/html/html_test_support.h"
#include "render/html/locale_text.h"
#include "render/html/site_paths.h"
#include "render/warm_up.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::BuiltSite;
using testing::TempTree;
using testing::build_html_site;

std::string dump(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.code + " " + x.where.file + ":" + std::to_string(x.where.line) + " " + x.message + "\n";
  return s;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

#define EXPECT_CONTAINS(haystack, needle) EXPECT_TRUE(contains(haystack, needle)) << "missing: " << (needle) << "\nin:\n" << (haystack)
#define EXPECT_NOT_CONTAINS(haystack, needle) EXPECT_FALSE(contains(haystack, needle)) << "unexpected: " << (needle)

// The minimal tree plus a 4th edition that keeps `grundsaetze` and drops `praeambel`.
void write_two_editions(const TempTree& tree) {
  tree.write_minimal_project();
  tree.write("content/editions/4/edition.yaml",
             "edition: 4\ntitle: { de: \"4. Auflage\", nl: \"4e editie\" }\nstatus: published\nadopted: 2025-02-26\n"
             "valid: { from: 2025, to: 2030 }\nchapters: [grundsaetze, ziele]\nerrata:\n  - \"Tippfehler in 1.1 berichtigt.\"\n");
  tree.write("content/editions/4/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nVielfalt ist eine große Stärke der Stadt.\n");
  tree.write("content/editions/4/nl/grundsaetze.md",
             "---\ntitle: Uitgangspunten\n---\n\n## Diversiteit als kracht {#vielfalt}\n\nDiversiteit is een grote kracht van de stad.\n");
  tree.write("content/editions/4/de/ziele.md", "---\ntitle: Ziele\n---\n\n## Neues Ziel {#neu}\n\nSiehe [](#vielfalt).\n");
  tree.write("content/editions/4/nl/ziele.md", "---\ntitle: Doelen\n---\n\n## Nieuw doel {#neu}\n\nZie [](#vielfalt).\n");
}

TEST(HtmlPaths, RelativeLinksBetweenPages) {
  EXPECT_EQ(relative_href("3/de/a.html", "3/de/b.html#x"), "b.html#x");
  EXPECT_EQ(relative_href("3/de/a.html", "3/de/a.html#x"), "#x");
  EXPECT_EQ(relative_href("3/de/a.html", "3/nl/a.html"), "../nl/a.html");
  EXPECT_EQ(relative_href("3/de/a.html", "index.html"), "../../index.html");
  EXPECT_EQ(relative_href("index.html", "4/nl/index.html"), "4/nl/index.html");
  EXPECT_EQ(relative_href("nl/index.html", "de/accessibility.html"), "../de/accessibility.html");
  EXPECT_EQ(chapter_path(3, "de", "glossary"), "3/de/_glossary.html");
  EXPECT_EQ(chapter_path(3, "de", "leitziele"), "3/de/leitziele.html");
}

TEST(HtmlPaths, PrintFooterTextCannotLeaveItsStyleElement) {
  EXPECT_EQ(css_string("Kapitel 5 \u00B7 3. Auflage"), "\"Kapitel 5 \u00B7 3. Auflage\"");
  EXPECT_EQ(css_string("a\"</style><script>\\"), "\"a\\22 \\3c /style\\3e \\3c script\\3e \\5c \"");
}

TEST(HtmlLocale, LongDatesFromIcuInUtc) {
  EXPECT_EQ(long_date({2025, 2, 26}, "de"), "26. Februar 2025");
  EXPECT_EQ(long_date({2025, 2, 26}, "nl"), "26 februari 2025");
  EXPECT_EQ(long_date({2010, 6, 30}, "en"), "June 30, 2010");
  // The machine's zone must not move the day: a zone far east of UTC would make it the 27th at noon+.
  setenv("TZ", "Pacific/Kiritimati", 1);
  EXPECT_EQ(long_date({2024, 12, 31}, "de"), "31. Dezember 2024");
  unsetenv("TZ");
  EXPECT_EQ(language_autonym("de"), "Deutsch");
  EXPECT_EQ(language_autonym("nl"), "Nederlands");
}

TEST(HtmlPlan, OneJobPerEditionAndLanguagePlusPortal) {
  TempTree tree;
  write_two_editions(tree);
  BuiltSite site = build_html_site(tree.root());
  RenderOptions options;
  options.theme_dirs = {LEITBILD_DEFAULT_THEME_DIR};
  auto jobs = plan_html(site.project, options);
  std::vector<std::string> keys;
  for (const auto& job : jobs) keys.push_back(job.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"html/3/de", "html/3/nl", "html/4/de", "html/4/de/changes", "html/4/nl",
                                            "html/4/nl/changes", "html/portal"}));
  const auto& inputs = jobs[2].inputs;  // html/4/de
  auto has = [&](const std::string& p) { return std::find(inputs.begin(), inputs.end(), p) != inputs.end(); };
  EXPECT_TRUE(has("leitbild.yaml"));
  EXPECT_TRUE(has("content/editions/4/de/ziele.md"));
  EXPECT_FALSE(has("content/editions/3/de/grundsaetze.md")) << "the edition's own pages do not read the previous edition";
  const auto& changes = jobs[3].inputs;  // html/4/de/changes
  EXPECT_NE(std::find(changes.begin(), changes.end(), "content/editions/3/de/grundsaetze.md"), changes.end())
      << "the previous edition feeds changes.html";
  EXPECT_NE(std::find(changes.begin(), changes.end(), "content/editions/4/de/ziele.md"), changes.end());
  EXPECT_TRUE(has("content/editions/3/edition.yaml")) << "the edition switcher names every edition";
  EXPECT_TRUE(has("glossary/terms.yaml"));
  EXPECT_FALSE(has("content/editions/4/nl/ziele.md"));
  EXPECT_TRUE(std::find(jobs[0].theme_inputs.begin(), jobs[0].theme_inputs.end(), "html/templates/page.mustache") !=
              jobs[0].theme_inputs.end());
  bool registered = false;
  for (const OutputFormat& format : output_formats()) registered = registered || format.name == "html";
  EXPECT_TRUE(registered);
}

TEST(HtmlPages, ChapterPageChrome) {
  TempTree tree;
  write_two_editions(tree);
  BuiltSite site = build_html_site(tree.root());
  EXPECT_FALSE(site.diagnostics.has_errors()) << dump(site.diagnostics);
  const std::string& page = site.page("3/de/grundsaetze.html");
  EXPECT_CONTAINS(page, "<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\">");
  EXPECT_CONTAINS(page, "<title>1 Grundsätze \u2013 Leitbild Integration</title>");
  EXPECT_CONTAINS(page, "<link rel=\"alternate\" hreflang=\"nl\" href=\"../nl/grundsaetze.html\">");
  EXPECT_CONTAINS(page, "<link rel=\"alternate\" hreflang=\"de\" href=\"grundsaetze.html\">");
  EXPECT_CONTAINS(page, "<a class=\"skip-link\" href=\"#main\">Zum Inhalt springen</a>");
  EXPECT_CONTAINS(page, "<main id=\"main\"");
  EXPECT_CONTAINS(page, "<a href=\"../nl/grundsaetze.html\" hreflang=\"nl\" lang=\"nl\">Nederlands</a>");
  // Edition switcher: the same chapter in edition 4, which has it.
  EXPECT_CONTAINS(page, "<a href=\"../../4/de/grundsaetze.html\">4. Auflage</a>");
  // Breadcrumbs: portal, edition, chapter.
  EXPECT_CONTAINS(page, "<a href=\"../../index.html\">Leitbild Integration</a>");
  EXPECT_CONTAINS(page, "<a href=\"index.html\">3. Auflage</a>");
  EXPECT_CONTAINS(page, "<span aria-current=\"page\">1 Grundsätze</span>");
  // Numbers as in the table of contents, previous/next.
  EXPECT_CONTAINS(page, "<h1 id=\"chapter-title\"><span class=\"chapno\">1</span> Grundsätze</h1>");
  EXPECT_CONTAINS(page, "<h2 id=\"vielfalt\"><span class=\"secno\">1.1</span> Vielfalt als Stärke</h2>");
  EXPECT_CONTAINS(page, "rel=\"prev\"><span class=\"pager-direction\">Zurück</span> <span class=\"pager-title\">Präambel</span>");
  EXPECT_CONTAINS(page, "href=\"glossary.html\" rel=\"next\"");
  EXPECT_CONTAINS(page, "<a href=\"../../de/accessibility.html\">Erklärung zur Barrierefreiheit</a>");
  EXPECT_CONTAINS(page, "<style media=\"print\">@page { @bottom-left { content: \"Kapitel 1 \u00B7 3. Auflage \u00B7 Leitbild Integration\"; } }</style>");
  EXPECT_CONTAINS(page, "<link rel=\"stylesheet\" href=\"../../assets/site.css\">");
  // Cross-reference to another chapter, term link.
  const std::string& praeambel = site.page("3/de/praeambel.html");
  // The number keeps to the title: a no-break space, so no line ends in "1.1".
  EXPECT_CONTAINS(praeambel, "<a class=\"xref\" href=\"grundsaetze.html#vielfalt\">1.1\u00A0Vielfalt als Stärke</a>");
  EXPECT_CONTAINS(praeambel, "<a class=\"term\" href=\"glossary.html#term-integrationsrat\">Integrationsrat</a>");
  // Präambel is not in edition 4: its switcher entry goes to that edition's home.
  EXPECT_CONTAINS(praeambel, "<a href=\"../../4/de/index.html\">4. Auflage</a>");
}

// A multi-word term wrapped over two lines of the source is linked on both lines, to one entry.
TEST(HtmlPages, AWrappedMultiWordTermIsLinkedOnBothLines) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/more.yaml",
             "- id: migrationsvorgeschichte\n"
             "  de: { term: Menschen mit Migrationsvorgeschichte, definition: \"Zugewanderte und ihre Kinder.\" }\n"
             "  nl: { term: mensen met een migratieachtergrond, definition: \"Migranten en hun kinderen.\" }\n");
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nViele Menschen mit\nMigrationsvorgeschichte leben hier.\n");
  BuiltSite site = build_html_site(tree.root());
  EXPECT_CONTAINS(site.page("3/de/grundsaetze.html"),
                  "Viele <a class=\"term\" href=\"glossary.html#term-migrationsvorgeschichte\">Menschen mit</a>\n"
                  "<a class=\"term\" href=\"glossary.html#term-migrationsvorgeschichte\">Migrationsvorgeschichte</a> leben hier.");
}

TEST(HtmlPages, EditionHomeHasNumberedTocErrataAndChanges) {
  TempTree tree;
  write_two_editions(tree);
  BuiltSite site = build_html_site(tree.root());
  const std::string& home = site.page("4/nl/index.html");
  EXPECT_CONTAINS(home, "<h1>4e editie</h1>");
  EXPECT_CONTAINS(home, "<time datetime=\"2025-02-26\">26 februari 2025</time>");
  EXPECT_CONTAINS(home, "<dd>2025\u20132030</dd>");
  EXPECT_CONTAINS(home, "<a href=\"grundsaetze.html\"><span class=\"secno\">1</span> Uitgangspunten</a>");
  EXPECT_CONTAINS(home, "<a href=\"grundsaetze.html#vielfalt\"><span class=\"secno\">1.1</span> Diversiteit als kracht</a>");
  EXPECT_CONTAINS(home, "<a href=\"changes.html\">Wat is er nieuw?</a>");
  EXPECT_CONTAINS(home, "<h2 id=\"errata-title\">Errata</h2>");
  EXPECT_CONTAINS(home, "Tippfehler in 1.1 berichtigt.");
  EXPECT_NOT_CONTAINS(site.page("3/nl/index.html"), "changes.html");

  const std::string& changes = site.page("4/de/changes.html");
  EXPECT_CONTAINS(changes, "<h1>Was ist neu?</h1>");
  EXPECT_CONTAINS(changes, "Änderungen gegenüber der <a href=\"../../3/de/index.html\">3. Auflage</a>");
  EXPECT_CONTAINS(changes, "<ins>");
  EXPECT_CONTAINS(changes, "href=\"../../3/de/praeambel.html\"") << "the removed chapter links to the old edition";
}

TEST(HtmlPages, RewrittenSectionShowsBothVersionsAsWritten) {
  TempTree tree;
  tree.write_minimal_project();
  // Edition 3's section: two paragraphs; edition 4 rewrites it, keeping only "Münster" (after a
  // parenthesis, so without a space before it) and the full stop.
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nDie Stadt Münster handelt.\n\n"
             "Seitdem hat sich vieles bewegt.\n");
  tree.write("content/editions/4/edition.yaml",
             "edition: 4\ntitle: { de: \"4. Auflage\", nl: \"4e editie\" }\nstatus: published\nadopted: 2025-02-26\n"
             "chapters: [praeambel, grundsaetze]\n");
  tree.write("content/editions/4/de/praeambel.md", tree.read("content/editions/3/de/praeambel.md"));
  tree.write("content/editions/4/nl/praeambel.md", tree.read("content/editions/3/nl/praeambel.md"));
  tree.write("content/editions/4/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\n"
             "Ganz anders: (Münster) wächst, wird größer und bleibt offen für alle Menschen.\n");
  tree.write("content/editions/4/nl/grundsaetze.md", tree.read("content/editions/3/nl/grundsaetze.md"));
  BuiltSite site = build_html_site(tree.root());
  EXPECT_FALSE(site.diagnostics.has_errors()) << dump(site.diagnostics);
  const std::string& changes = site.page("4/de/changes.html");
  EXPECT_CONTAINS(changes, "<div class=\"diff diff-old\">\n<p class=\"diff-label\">Bisher:</p>\n"
                           "<p>Die Stadt Münster handelt.</p>\n<p>Seitdem hat sich vieles bewegt.</p>\n</div>");
  EXPECT_CONTAINS(changes, "<p>Ganz anders: (Münster) wächst, wird größer und bleibt offen für alle Menschen.</p>");
}

TEST(HtmlPages, PortalListsEveryEditionInEveryLanguage) {
  TempTree tree;
  write_two_editions(tree);
  BuiltSite site = build_html_site(tree.root());
  const std::string& portal = site.page("index.html");
  EXPECT_CONTAINS(portal, "<html lang=\"de\"");
  EXPECT_CONTAINS(portal, "<section class=\"portal-language\" lang=\"nl\"");
  EXPECT_CONTAINS(portal, "<a href=\"4/de/index.html\">4. Auflage</a>");
  EXPECT_CONTAINS(portal, "<a href=\"3/nl/index.html\">3e editie</a>");
  EXPECT_CONTAINS(portal, "<time datetime=\"2019-04-10\">10. April 2019</time>");
  EXPECT_CONTAINS(portal, "<time datetime=\"2019-04-10\">10 april 2019</time>");
  EXPECT_CONTAINS(portal, "<link rel=\"alternate\" hreflang=\"nl\" href=\"nl/index.html\">");
  EXPECT_LT(portal.find("4. Auflage"), portal.find("3. Auflage")) << "newest edition first";
  const std::string& nl = site.page("nl/index.html");
  EXPECT_CONTAINS(nl, "<html lang=\"nl\"");
  EXPECT_CONTAINS(nl, "<a href=\"../4/nl/index.html\">4e editie</a>");
}

TEST(HtmlPages, AccessibilityStatementDefaultsAndFields) {
  TempTree tree;
  tree.write_minimal_project();
  BuiltSite defaults = build_html_site(tree.root());
  const std::string& de = defaults.page("de/accessibility.html");
  EXPECT_CONTAINS(de, "<h1>Erklärung zur Barrierefreiheit</h1>");
  EXPECT_CONTAINS(de, "Stand der Vereinbarkeit mit den Anforderungen");
  EXPECT_CONTAINS(de, "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz");
  EXPECT_CONTAINS(de, "wenden Sie sich bitte an Stadt Beispiel.");
  EXPECT_CONTAINS(defaults.page("nl/accessibility.html"), "<h1>Toegankelijkheidsverklaring</h1>");

  tree.write("leitbild.yaml", tree.read("leitbild.yaml") +
                                  "accessibility:\n"
                                  "  status: { de: \"Vollständig vereinbar.\", nl: \"Volledig conform.\" }\n"
                                  "  limitations: { de: \"PDF-Anhänge sind nicht barrierefrei.\", nl: \"PDF-bijlagen zijn niet toegankelijk.\" }\n"
                                  "  contact: { email: \"barrierefreiheit@example.org\", url: \"https://example.org/kontakt\" }\n"
                                  "  enforcement: { de: \"Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen\", nl: \"Ombudsstelle (NRW)\" }\n"
                                  "  evaluated: 2025-03-01\n");
  BuiltSite filled = build_html_site(tree.root());
  EXPECT_FALSE(filled.diagnostics.has_errors()) << dump(filled.diagnostics);
  const std::string& page = filled.page("de/accessibility.html");
  EXPECT_CONTAINS(page, "<p>Vollständig vereinbar.</p>");
  EXPECT_CONTAINS(page, "<p>PDF-Anhänge sind nicht barrierefrei.</p>");
  EXPECT_CONTAINS(page, "<a href=\"mailto:barrierefreiheit@example.org\">barrierefreiheit@example.org</a>");
  EXPECT_CONTAINS(page, "<a href=\"https://example.org/kontakt\">");
  EXPECT_CONTAINS(page, "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen");
  EXPECT_CONTAINS(page, "am 1. März 2025 erstellt");
  EXPECT_CONTAINS(filled.page("nl/accessibility.html"), "op 1 maart 2025");
  // Linked from every page's footer.
  EXPECT_CONTAINS(filled.page("3/nl/praeambel.html"), "<a href=\"../../nl/accessibility.html\">Toegankelijkheidsverklaring</a>");
}

TEST(HtmlPages, GlossaryPageHasTermAnchorsCounterpartsAndBackLinks) {
  TempTree tree;
  tree.write_minimal_project();
  BuiltSite site = build_html_site(tree.root());
  const std::string& glossary = site.page("3/de/glossary.html");
  EXPECT_CONTAINS(glossary, "<dt id=\"term-integrationsrat\">Integrationsrat</dt>");
  EXPECT_CONTAINS(glossary, "<span lang=\"nl\">integratieraad</span>");
  EXPECT_CONTAINS(glossary, "<s>Ausländerbeirat</s>");
  EXPECT_CONTAINS(glossary, "<a href=\"praeambel.html#anlass\">Anlass</a>");
  EXPECT_CONTAINS(site.page("3/nl/glossary.html"), "<h1>Woordenlijst</h1>");
}

TEST(HtmlPages, ImagesAreCopiedAndRemoteImagesBecomeLinks) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/bilder/plan.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\n![Stadtplan](bilder/plan.svg)\n\n"
             "![Fremdes Bild](https://example.org/x.png)\n\n### Teilhabe\n\nText.\n");
  BuiltSite site = build_html_site(tree.root());
  const std::string& page = site.page("3/de/grundsaetze.html");
  EXPECT_CONTAINS(page, "<img src=\"media/content/editions/3/de/bilder/plan.svg\" alt=\"Stadtplan\" />");
  EXPECT_CONTAINS(page, "<a href=\"https://example.org/x.png\">Fremdes Bild</a>");
  EXPECT_NOT_CONTAINS(page, "<img src=\"https:");
  ASSERT_NE(site.find("3/de/media/content/editions/3/de/bilder/plan.svg"), nullptr);
}

TEST(HtmlTheme, ProjectThemeOverridesOneTemplateAndLabels) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("themes/stadt/html/templates/site-footer.mustache", "<footer class=\"eigener-fuss\">{{publisher}}</footer>\n");
  tree.write("themes/stadt/html/labels/de.yaml", "toc: \"Inhalt\"\n");
  BuiltSite site = build_html_site(tree.root(), tree.root() / "themes/stadt");
  EXPECT_FALSE(site.diagnostics.has_errors()) << dump(site.diagnostics);
  const std::string& home = site.page("3/de/index.html");
  EXPECT_CONTAINS(home, "<footer class=\"eigener-fuss\">Stadt Beispiel</footer>");
  EXPECT_CONTAINS(home, "<h2 id=\"toc-title\">Inhalt</h2>");
  EXPECT_CONTAINS(home, "Zum Inhalt springen") << "labels the project does not override stay";
}

TEST(HtmlTheme, ATemplateEditedBetweenBuildsOfOneProcessIsRenderedAsEdited) {
  // Parsed templates are kept per thread for the life of the process, keyed by their text.
  TempTree tree;
  tree.write_minimal_project();
  tree.write("themes/stadt/html/templates/site-footer.mustache", "<footer class=\"erster\">{{publisher}}</footer>\n");
  EXPECT_CONTAINS(build_html_site(tree.root(), tree.root() / "themes/stadt").page("3/de/index.html"),
                  "<footer class=\"erster\">Stadt Beispiel</footer>");
  tree.write("themes/stadt/html/templates/site-footer.mustache", "<footer class=\"zweiter\">{{>   site-footer-text  }}</footer>\n");
  tree.write("themes/stadt/html/templates/site-footer-text.mustache", "Herausgeberin: {{publisher}}");
  BuiltSite second = build_html_site(tree.root(), tree.root() / "themes/stadt");
  EXPECT_FALSE(second.diagnostics.has_errors()) << dump(second.diagnostics);
  EXPECT_CONTAINS(second.page("3/de/index.html"), "<footer class=\"zweiter\">Herausgeberin: Stadt Beispiel</footer>");
  EXPECT_NOT_CONTAINS(second.page("3/de/index.html"), "erster");
}

TEST(HtmlTheme, TheWarmUpChangesNothingAJobSeesOrReports) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("themes/warm/html/labels/nl.yaml", "toc: [nicht, geschlossen\n");
  const BuiltSite cold = build_html_site(tree.root(), tree.root() / "themes/warm");
  RenderOptions options;
  options.theme_dirs = {tree.root() / "themes/warm", LEITBILD_DEFAULT_THEME_DIR};
  warm_up_renderers({"de", "nl", "xx"}, options);  // "xx": ICU has no data for it; nothing breaks
  const BuiltSite warm = build_html_site(tree.root(), tree.root() / "themes/warm");
  ASSERT_EQ(cold.outputs.size(), warm.outputs.size());
  for (std::size_t i = 0; i < cold.outputs.size(); ++i) {
    EXPECT_EQ(cold.outputs[i].path, warm.outputs[i].path);
    EXPECT_EQ(cold.outputs[i].bytes, warm.outputs[i].bytes) << cold.outputs[i].path;
  }
  // The broken labels file is still reported by the job that uses it.
  std::string reported;
  for (const Diagnostic& d : warm.diagnostics.all())
    if (d.code == "LB0610") reported += d.where.file + ": " + d.message + "\n";
  EXPECT_CONTAINS(reported, "themes/warm/html/labels/nl.yaml: the labels file could not be read");
}

TEST(HtmlTheme, TemplateErrorsAreDiagnosticsNotCrashes) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("themes/kaputt/html/templates/chapter.mustache", "<p>\n{{#chapter}}\n{{title}}\n");
  tree.write("themes/kaputt/html/templates/edition.mustache", "{{> fehlt}}\n");
  BuiltSite site = build_html_site(tree.root(), tree.root() / "themes/kaputt");
  std::set<std::string> problems;  // each job reports its own, once
  std::string files;
  for (const auto& d : site.diagnostics.all())
    if (d.code == "LB0610") {
      problems.insert(d.where.file + " " + d.message);
      files += d.where.file + ":" + std::to_string(d.where.line) + " " + d.message + "\n";
    }
  EXPECT_EQ(problems.size(), 2u) << files;
  EXPECT_TRUE(contains(files, "themes/kaputt/html/templates/chapter.mustache")) << files;
  EXPECT_TRUE(contains(files, "fehlt")) << files;
  EXPECT_NE(site.find("3/de/glossary.html"), nullptr) << "other pages still render";
}

TEST(HtmlTheme, BrokenLabelsAndRecursivePartialsAreReported) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("themes/kaputt/html/labels/de.yaml", "toc: [nicht, geschlossen\n");
  tree.write("themes/kaputt/html/templates/site-footer.mustache", "<footer>{{> site-footer}}</footer>\n");
  BuiltSite site = build_html_site(tree.root(), tree.root() / "themes/kaputt");
  std::set<std::string> messages;
  for (const auto& d : site.diagnostics.all())
    if (d.code == "LB0610") messages.insert(d.where.file + ": " + d.message);
  std::string all;
  for (const auto& m : messages) all += m + "\n";
  EXPECT_TRUE(contains(all, "themes/kaputt/html/labels/de.yaml: the labels file could not be read")) << all;
  EXPECT_TRUE(contains(all, "themes/kaputt/html/templates/site-footer.mustache: the template includes itself")) << all;
  EXPECT_EQ(site.find("3/de/index.html"), nullptr) << "a page whose layout is broken is not written";
}

}  // namespace
}  // namespace leitbild
