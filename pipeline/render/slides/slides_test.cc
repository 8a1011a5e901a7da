#include "render/slides/slides.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <regex>
#include <thread>

#include "load/load.h"
#include "render/html/locale_text.h"
#include "render/slides/chromium.h"
#include "render/slides/slide_text.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

RenderOptions default_options() {
  RenderOptions options;
  options.theme_dirs = {LEITBILD_DEFAULT_THEME_DIR};
  options.node_modules = LEITBILD_NODE_MODULES_DIR;
  return options;
}

struct Loaded {
  testing::TempTree tree;
  Project project;
  Diagnostics diagnostics;
  void load() {
    project = load_project(tree.root(), diagnostics);
    resolve_project(project, diagnostics);
  }
};

const OutputFile* find_output(const Outputs& outputs, const std::string& path) {
  for (const OutputFile& f : outputs)
    if (f.path == path) return &f;
  return nullptr;
}

// The page, without the xml:lang copies libxml2's XHTML serialiser adds beside each lang.
std::string page_of(const Outputs& outputs, const std::string& path) {
  const OutputFile* f = find_output(outputs, path);
  return f ? std::regex_replace(f->bytes, std::regex(" xml:lang=\"[^\"]*\""), "") : std::string();
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

bool has_code(const Diagnostics& d, const std::string& code) {
  return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) { return x.code == code; });
}

// Sets an environment variable for one test and restores it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = getenv(name)) old_ = old;
    setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(SlideText, FooterDatesFromIcuInEachLanguage) {
  EXPECT_EQ(long_date({2011, 3, 15}, "de"), "15. März 2011");
  EXPECT_EQ(long_date({2011, 3, 15}, "nl"), "15 maart 2011");
  EXPECT_EQ(long_date({2025, 2, 26}, "en"), "February 26, 2025");
  // Independent of the machine's zone: the first and last day of a year stay put.
  ScopedEnv tz("TZ", "Pacific/Kiritimati");
  EXPECT_EQ(long_date({2020, 1, 1}, "de"), "1. Januar 2020");
}

TEST(SlideText, ClosingPhrasesWithFallback) {
  EXPECT_EQ(closing_phrase("de"), "Vielen Dank");
  EXPECT_EQ(closing_phrase("nl"), "Hartelijk dank");
  EXPECT_EQ(closing_phrase("nl-BE"), "Hartelijk dank");
  EXPECT_EQ(closing_phrase("xx"), std::nullopt);
}

TEST(SlideDeck, BothLanguagesWithLangResolvedCrossReferencesNotesAndFooter) {
  Loaded l;
  l.tree.write_minimal_project();
  l.load();
  ASSERT_EQ(l.project.decks.size(), 1u);
  Diagnostics d;
  Outputs out = render_deck(l.project, l.project.decks[0], default_options(), d);
  EXPECT_FALSE(d.has_errors());
  const std::string html = page_of(out, "decks/vortrag/index.html");
  ASSERT_FALSE(html.empty());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>")) << html.substr(0, 100);
  EXPECT_NE(html.find("<html lang=\"de\">"), std::string::npos);
  EXPECT_NE(html.find("<div class=\"lb-side lb-source\" lang=\"de\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<div class=\"lb-side lb-translation\" lang=\"nl\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<a class=\"xref\" href=\"../../3/de/grundsaetze.html#vielfalt\">1.1 Vielfalt als Stärke</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("<a class=\"xref\" href=\"../../3/nl/grundsaetze.html#vielfalt\">1.1 Diversiteit als kracht</a>"), std::string::npos) << html;
  // Speaker notes in both languages, in reveal.js's notes element.
  EXPECT_NE(html.find("<aside class=\"notes\"><div class=\"lb-notes\" lang=\"de\"><p>Notiz.</p></div><div class=\"lb-notes\" lang=\"nl\"><p>Notitie.</p></div></aside>"),
            std::string::npos) << html;
  // Title slide from deck.yaml and the two content slides; a footer on each.
  EXPECT_EQ(count(html, "<section class=\"lb-slide"), 3u);
  EXPECT_EQ(count(html, "<footer class=\"lb-footer\">"), 3u);
  EXPECT_NE(html.find("<h1>Vortrag</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h1>Lezing</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<span lang=\"de\">Dezernentin</span> / <span lang=\"nl\">Wethouder</span>"), std::string::npos) << html;
  EXPECT_NE(html.find("<time class=\"lb-date\" datetime=\"2020-01-02\"><span lang=\"de\">2. Januar 2020</span> / <span lang=\"nl\">2 januari 2020</span></time>"),
            std::string::npos) << html;
  EXPECT_NE(html.find("2\u2009/\u20093</p>"), std::string::npos);
  EXPECT_NE(html.find("lb-columns"), std::string::npos);  // side-by-side from deck.yaml
  // reveal.js and the theme beside the page, so it works from disk.
  for (const char* asset : {"assets/reveal.js", "assets/reveal.css", "assets/notes.js", "assets/leitbild-slides.css",
                            "assets/leitbild-slides.js"}) {
    EXPECT_NE(find_output(out, std::string("decks/vortrag/") + asset), nullptr) << asset;
    EXPECT_NE(html.find(std::string("\"") + asset + "\""), std::string::npos) << asset;
  }
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST(SlideDeck, StackedAndSingleLayoutsFromTheCommandLine) {
  Loaded l;
  l.tree.write_minimal_project();
  l.load();
  RenderOptions options = default_options();
  options.deck_layout = "stacked";
  Diagnostics d;
  std::string html = page_of(render_deck(l.project, l.project.decks[0], options, d), "decks/vortrag/index.html");
  EXPECT_NE(html.find("class=\"reveal lb-layout-stacked\""), std::string::npos);
  EXPECT_EQ(html.find("lb-columns"), std::string::npos);
  EXPECT_LT(html.find("Erste Folie"), html.find("Eerste dia"));  // source above the translation

  options.deck_layout.clear();
  options.deck_lang = "nl";  // alone it asks for a single-language deck
  html = page_of(render_deck(l.project, l.project.decks[0], options, d), "decks/vortrag/index.html");
  EXPECT_NE(html.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(html.find("class=\"reveal lb-layout-single\""), std::string::npos);
  EXPECT_EQ(html.find("lang=\"de\""), std::string::npos) << html;
  EXPECT_NE(html.find("Eerste dia"), std::string::npos);
  EXPECT_EQ(html.find("Erste Folie"), std::string::npos);
  EXPECT_FALSE(has_code(d, "LB0606"));

  options.deck_layout = "side-by-side";  // both: the asked-for language comes first
  html = page_of(render_deck(l.project, l.project.decks[0], options, d), "decks/vortrag/index.html");
  EXPECT_LT(html.find("Eerste dia"), html.find("Erste Folie"));

  options.deck_layout = "single";
  options.deck_lang = "fr";
  html = page_of(render_deck(l.project, l.project.decks[0], options, d), "decks/vortrag/index.html");
  EXPECT_TRUE(has_code(d, "LB0606"));
  EXPECT_NE(html.find("<html lang=\"de\">"), std::string::npos);
}

TEST(SlideDeck, SectionSlidesTablesListsImagesAndTerms) {
  Loaded l;
  l.tree.write_minimal_project();
  l.tree.write("content/decks/vortrag/de.md",
               "# Teil eins\n\n## Tabelle\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- eins\n  - zwei\n\n![Karte der Stadt](bilder/karte.png)\n\n"
               "Der Integrationsrat berät. Der [Integrationsrat](term:integrationsrat) tagt.\n");
  l.tree.write("content/decks/vortrag/nl.md",
               "# Deel een\n\n## Tabel\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- een\n  - twee\n\n![Kaart van de stad](bilder/karte.png)\n\n"
               "De integratieraad adviseert.\n");
  l.tree.write("content/decks/vortrag/bilder/karte.png", std::string("\x89PNG\r\n\x1a\n", 8));
  l.load();
  Diagnostics d;
  Outputs out = render_deck(l.project, l.project.decks[0], default_options(), d);
  const std::string html = page_of(out, "decks/vortrag/index.html");
  EXPECT_NE(html.find("<section class=\"lb-slide lb-section-slide\""), std::string::npos) << html;
  EXPECT_NE(html.find("<h2>Teil eins</h2>"), std::string::npos);
  EXPECT_NE(html.find("<table><thead><tr><th scope=\"col\">A</th>"), std::string::npos) << html;
  EXPECT_NE(html.find("<ul><li>eins<ul><li>zwei</li></ul></li></ul>"), std::string::npos) << html;
  EXPECT_NE(html.find("<img src=\"media/0-karte.png\" alt=\"Karte der Stadt\" />"), std::string::npos) << html;
  EXPECT_NE(html.find("<img src=\"media/1-karte.png\" alt=\"Kaart van de stad\" />"), std::string::npos) << html;
  EXPECT_NE(find_output(out, "decks/vortrag/media/0-karte.png"), nullptr);
  // Glossary terms found in running text link to the edition's glossary.
  EXPECT_NE(html.find("href=\"../../3/de/glossary.html#term-integrationsrat\">Integrationsrat</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("data-lb-source=\"content/decks/vortrag/de.md:3\""), std::string::npos);
  EXPECT_EQ(html.find("</a></a>"), std::string::npos) << "a link inside a link";

  const std::vector<std::string> inputs = deck_inputs(l.project, l.project.decks[0]);
  for (const char* path : {"content/decks/vortrag/deck.yaml", "content/decks/vortrag/de.md", "content/decks/vortrag/nl.md",
                           "content/decks/vortrag/bilder/karte.png", "content/editions/3/de/grundsaetze.md", "glossary/terms.yaml"})
    EXPECT_NE(std::find(inputs.begin(), inputs.end(), path), inputs.end()) << path;
}

TEST(SlideDeck, MissingRevealJsIsADiagnosticNotACrash) {
  Loaded l;
  l.tree.write_minimal_project();
  l.load();
  RenderOptions options = default_options();
  options.node_modules = l.tree.root() / "no-node-modules";
  Diagnostics d;
  EXPECT_TRUE(render_deck(l.project, l.project.decks[0], options, d).empty());
  EXPECT_TRUE(has_code(d, "LB0605"));
}

TEST(SlideOutline, EditionOutlineWithChaptersSectionsAndClosingSlide) {
  Loaded l;
  l.tree.write_minimal_project();
  l.load();
  Diagnostics d;
  Outputs out = render_edition_outline(l.project, l.project.editions[0], default_options(), d);
  const std::string html = page_of(out, "3/slides/index.html");
  ASSERT_FALSE(html.empty());
  EXPECT_NE(find_output(out, "3/slides/assets/reveal.js"), nullptr);
  EXPECT_NE(html.find("<h1>Leitbild Integration</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("3. Auflage"), std::string::npos);
  EXPECT_NE(html.find("3e editie"), std::string::npos);
  EXPECT_NE(html.find("<a class=\"xref\" href=\"../../3/de/grundsaetze.html\">1 Grundsätze</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("<a class=\"xref\" href=\"../../3/nl/grundsaetze.html#vielfalt\">1.1 Diversiteit als kracht</a>"), std::string::npos) << html;
  EXPECT_EQ(html.find("1.1.1"), std::string::npos);  // only first-level sections
  EXPECT_NE(html.find("<h2>Vielen Dank</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>Hartelijk dank</h2>"), std::string::npos);
  EXPECT_EQ(count(html, "<section class=\"lb-slide"), 4u);  // title, 2 chapters, closing
}

TEST(SlideOutline, WhatIsNewAgainstThePreviousEdition) {
  Loaded l;
  l.tree.write_minimal_project();
  l.tree.write("content/editions/4/edition.yaml",
               "edition: 4\ntitle: { de: \"4. Auflage\", nl: \"4e editie\" }\nstatus: draft\nchapters: [praeambel, grundsaetze]\n");
  for (const char* lang : {"de", "nl"}) {
    const std::string dir = std::string("content/editions/4/") + lang + "/";
    l.tree.write(dir + "praeambel.md", l.tree.read(std::string("content/editions/3/") + lang + "/praeambel.md"));
    l.tree.write(dir + "grundsaetze.md", l.tree.read(std::string("content/editions/3/") + lang + "/grundsaetze.md") +
                                             "\n## Neu {#neu}\n\nNeuer Text.\n");
  }
  l.load();
  ASSERT_EQ(l.project.editions.size(), 2u);
  Diagnostics d;
  const std::string html = page_of(render_edition_outline(l.project, l.project.editions[1], default_options(), d), "4/slides/index.html");
  EXPECT_NE(html.find("<h2>Was ist neu?</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2>Wat is er nieuw?</h2>"), std::string::npos);
  EXPECT_NE(html.find("im Vergleich zur 3. Auflage"), std::string::npos);
  EXPECT_NE(html.find("<li>1 neuer Abschnitt</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>1 nieuwe paragraaf</li>"), std::string::npos);
  EXPECT_NE(html.find("href=\"../../4/de/changes.html\""), std::string::npos);
  // The first edition has nothing to compare with.
  const std::string first = page_of(render_edition_outline(l.project, l.project.editions[0], default_options(), d), "3/slides/index.html");
  EXPECT_EQ(first.find("Was ist neu?"), std::string::npos);
}

TEST(SlideFormats, PlanOneJobPerDeckAndPerEdition) {
  Loaded l;
  l.tree.write_minimal_project();
  l.load();
  const RenderOptions options = default_options();
  std::vector<RenderJob> jobs = slides_output_format().plan(l.project, options);
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].key, "slides/deck/vortrag");
  EXPECT_EQ(jobs[1].key, "slides/edition/3");
  EXPECT_NE(std::find(jobs[0].theme_inputs.begin(), jobs[0].theme_inputs.end(), "slides/leitbild-slides.css"), jobs[0].theme_inputs.end());
  Diagnostics d;
  Outputs out = jobs[0].run(d);
  EXPECT_NE(find_output(out, "decks/vortrag/index.html"), nullptr);
  std::vector<RenderJob> pdf = pdf_handout_output_format().plan(l.project, options);
  ASSERT_EQ(pdf.size(), 1u);
  EXPECT_EQ(pdf[0].key, "pdf-handout/deck/vortrag");
  const auto& formats = output_formats();
  EXPECT_TRUE(std::any_of(formats.begin(), formats.end(), [](const OutputFormat& f) { return f.name == "slides"; }));
  EXPECT_TRUE(std::any_of(formats.begin(), formats.end(), [](const OutputFormat& f) { return f.name == "pdf-handout"; }));
}

TEST(SlideCli, DeckLanguageAndLayoutOnTheBuildCommand) {
  testing::TempTree tree;
  tree.write_minimal_project();
  const std::string root = tree.root().string();
  testing::CommandResult r = testing::run_leitbild("build " + root + " --formats slides --deck-lang nl --out " + root + "/out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = tree.read("out/decks/vortrag/index.html");
  EXPECT_NE(html.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(html.find("lb-layout-single"), std::string::npos);
  r = testing::run_leitbild("build " + root + " --formats slides --deck-layout stacked --out " + root + "/out2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(tree.read("out2/decks/vortrag/index.html").find("lb-layout-stacked"), std::string::npos);
  EXPECT_NE(tree.read("out2/3/slides/index.html").find("lb-layout-stacked"), std::string::npos);
  r = testing::run_leitbild("build " + root + " --formats slides --deck-layout diagonal --out " + root + "/out3");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(SlideHandout, MissingChromiumNamesThePackage) {
  ScopedEnv env("LEITBILD_CHROMIUM", "/nonexistent/chromium");
  EXPECT_EQ(find_chromium(), std::nullopt);
  EXPECT_NE(pdf_handout_output_format().unavailable_reason().find("chromium"), std::string::npos);
  Loaded l;
  l.tree.write_minimal_project();
  l.load();
  Diagnostics d;
  EXPECT_TRUE(render_deck_handout(l.project, l.project.decks[0], default_options(), d).empty());
  ASSERT_TRUE(has_code(d, "LB0602"));
  EXPECT_NE(d.all().back().hint.find("`chromium`"), std::string::npos);
}

TEST(SlideHandout, BrowserThatDoesNotAnswerIsStoppedAtTheDeadline) {
  ScratchDir scratch("leitbild-test-devtools");
  const auto start = std::chrono::steady_clock::now();
  {
    // A stand-in that never speaks the protocol (its extra argument becomes $0).
    DevToolsSession silent("/bin/sh", {"-c", "exec sleep 30"}, scratch.path() / "log", std::chrono::milliseconds(300));
    ASSERT_TRUE(silent.started());
    EXPECT_EQ(silent.call("Browser.getVersion"), std::nullopt);
    EXPECT_TRUE(silent.timed_out());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  DevToolsSession gone("/bin/sh", {"-c", "exit 0"}, scratch.path() / "log", std::chrono::seconds(5));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(gone.call("Browser.getVersion"), std::nullopt);  // no SIGPIPE ends the test either
  EXPECT_FALSE(gone.timed_out());
}

TEST(SlideHandout, Base64) {
  EXPECT_EQ(decode_base64("JVBERi0xLjQK"), "%PDF-1.4\n");
  EXPECT_EQ(decode_base64("YQ=="), "a");
  EXPECT_EQ(decode_base64(""), "");
}

// Prints a real PDF with Debian's Chromium: one page per slide, and a slide too long to fit even
// with smaller text is reported with the line of its heading.
TEST(SlideHandout, PrintsOnePdfPagePerSlideAndReportsOverflow) {
  if (!find_chromium()) GTEST_SKIP() << "chromium is not installed";
  Loaded l;
  l.tree.write_minimal_project();
  std::string de = l.tree.read("content/decks/vortrag/de.md") + "\n## Viel zu lang\n\n";
  std::string nl = l.tree.read("content/decks/vortrag/nl.md") + "\n## Veel te lang\n\n";
  for (int i = 1; i <= 40; ++i) {
    de += fmt::format("- Punkt {}\n", i);
    nl += fmt::format("- Punt {}\n", i);
  }
  l.tree.write("content/decks/vortrag/de.md", de);
  l.tree.write("content/decks/vortrag/nl.md", nl);
  l.load();
  Diagnostics d;
  Outputs out = render_deck_handout(l.project, l.project.decks[0], default_options(), d);
  ASSERT_EQ(out.size(), 1u) << (d.all().empty() ? "" : d.all().front().message);
  EXPECT_EQ(out[0].path, "decks/vortrag/vortrag.pdf");
  ASSERT_TRUE(out[0].bytes.starts_with("%PDF"));
  static const std::regex page(R"(/Type\s*/Page[^s])");
  const auto pages = std::distance(std::sregex_iterator(out[0].bytes.begin(), out[0].bytes.end(), page), std::sregex_iterator());
  EXPECT_EQ(pages, 4);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].code, "LB0604");
  EXPECT_EQ(d.all()[0].severity, Severity::warning);
  EXPECT_EQ(d.all()[0].where.file, "content/decks/vortrag/de.md");
  EXPECT_EQ(d.all()[0].where.line, 12);
  EXPECT_NE(d.all()[0].message.find("slide 4"), std::string::npos) << d.all()[0].message;
}

}  // namespace
}  // namespace leitbild
