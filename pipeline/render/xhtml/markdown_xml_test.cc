#include "render/xhtml/markdown_xml.h"

#include <gtest/gtest.h>

#include "load/load.h"
#include "load/markdown_parse.h"
#include "render/xhtml/xml_tree.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

std::string render(std::string_view markdown, const std::string& lang = "de") {
  MarkdownDocument doc = parse_markdown(markdown);
  MarkdownXmlContext ctx;
  ctx.lang = lang;
  ctx.quotes = quote_marks_for(lang);
  auto container = new_fragment_container();
  append_document(container.get(), doc.root(), ctx);
  return serialize_children(container.get());
}

TEST(MarkdownXml, BlocksAndInlines) {
  EXPECT_EQ(render("Ein *schöner* **Satz** mit `code`.\n"), "<p>Ein <em>schöner</em> <strong>Satz</strong> mit <code>code</code>.</p>");
  EXPECT_EQ(render("- a\n- b\n"), "<ul><li>a</li><li>b</li></ul>");
  EXPECT_EQ(render("3. a\n4. b\n"), "<ol start=\"3\"><li>a</li><li>b</li></ol>");
  EXPECT_EQ(render("a  \nb\n"), "<p>a<br />b</p>");
  EXPECT_EQ(render("~~alt~~\n"), "<p><del>alt</del></p>");
}

TEST(MarkdownXml, TableWithHeaderAndAlignment) {
  std::string html = render("| A | B |\n|:--|--:|\n| 1 | 2 |\n");
  EXPECT_EQ(html, "<table><thead><tr><th scope=\"col\" class=\"align-left\">A</th><th scope=\"col\" class=\"align-right\">B</th></tr></thead>"
                  "<tbody><tr><td class=\"align-left\">1</td><td class=\"align-right\">2</td></tr></tbody></table>");
}

TEST(MarkdownXml, GermanAndDutchQuotationMarksFromIcu) {
  EXPECT_EQ(render("Er sagte \"Hallo\" und 'bitte'.\n", "de"), "<p>Er sagte \u201EHallo\u201C und \u201Abitte\u2018.</p>");
  std::string nl = render("Hij zei \"hallo\".\n", "nl");
  EXPECT_EQ(nl.find('"'), std::string::npos) << nl;
  EXPECT_NE(render("Münster's Rat\n", "de").find("Münster\u2019s"), std::string::npos);
}

TEST(MarkdownXml, RawHtmlAndUnsafeLinksAreDropped) {
  std::string html = render("<script>alert(1)</script>\n\nText <b onclick=\"x()\">fett</b> [klick](javascript:alert(1)) [ok](https://example.org)\n");
  EXPECT_EQ(html.find("script"), std::string::npos) << html;
  EXPECT_EQ(html.find("onclick"), std::string::npos) << html;
  EXPECT_EQ(html.find("javascript"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"https://example.org\">ok</a>"), std::string::npos) << html;
  EXPECT_FALSE(is_safe_url("JaVa\tScript:alert(1)"));
  EXPECT_FALSE(is_safe_url("data:text/html,x"));
  EXPECT_TRUE(is_safe_url("bilder/karte.png"));
}

TEST(MarkdownXml, EscapingIsByConstruction) {
  EXPECT_EQ(render("a < b & c > d\n"), "<p>a &lt; b &amp; c &gt; d</p>");
}

TEST(MarkdownXml, ImageAltText) {
  EXPECT_EQ(render("![Karte der Stadt](karte.png)\n"), "<p><img src=\"karte.png\" alt=\"Karte der Stadt\" /></p>");
}

TEST(MarkdownXml, Footnotes) {
  std::string html = render("Text[^1].\n\n[^1]: Die Fußnote.\n");
  EXPECT_NE(html.find("<a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\">1</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li id=\"fn-1\"><p>Die Fußnote.</p>"), std::string::npos) << html;
}

TEST(MarkdownXml, ResolvedCrossReferencesAndHeadings) {
  testing::TempTree tree;
  tree.write_minimal_project();
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  resolve_project(p, d);
  const Chapter& praeambel = p.editions[0].chapters.at("de")[0];
  const Chapter& grundsaetze = p.editions[0].chapters.at("de")[1];
  MarkdownXmlContext ctx;
  ctx.lang = "de";
  ctx.quotes = quote_marks_for("de");
  ctx.links = &praeambel.links;
  ctx.term_links = &praeambel.term_links;
  ctx.sections = &praeambel.sections;
  ctx.target_href = [](const LinkTarget& t) { return t.chapter_stem + ".html#" + t.anchor; };
  ctx.term_href = [](const std::string& id) { return "glossary.html#term-" + id; };
  auto container = new_fragment_container();
  append_document(container.get(), praeambel.doc.root(), ctx);
  std::string html = serialize_children(container.get());
  EXPECT_NE(html.find("<a class=\"xref\" href=\"grundsaetze.html#vielfalt\">1.1 Vielfalt als Stärke</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("<a class=\"term\" href=\"glossary.html#term-integrationsrat\">Integrationsrat</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2 id=\"anlass\">Anlass</h2>"), std::string::npos) << html;

  ctx.links = &grundsaetze.links;
  ctx.sections = &grundsaetze.sections;
  auto c2 = new_fragment_container();
  append_document(c2.get(), grundsaetze.doc.root(), ctx);
  html = serialize_children(c2.get());
  EXPECT_NE(html.find("<h2 id=\"vielfalt\"><span class=\"secno\">1.1</span> Vielfalt als Stärke</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3 id=\"teilhabe\"><span class=\"secno\">1.1.1</span> Teilhabe</h3>"), std::string::npos) << html;
}

}  // namespace
}  // namespace leitbild
