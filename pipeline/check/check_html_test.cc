#include <gtest/gtest.h>

#include "check/html_scan.h"
#include "check/url_policy.h"
#include "support/check_run.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::check_tree;
using testing::count_code;
using testing::dump;
using testing::find_code;
using testing::TempTree;

constexpr const char* kChapter = "content/editions/3/de/grundsaetze.md";

void write_chapter(const TempTree& tree, const std::string& paragraph) {
  tree.write(kChapter, "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\n" + paragraph +
                           "\n\n### Teilhabe\n\nAlle sollen teilhaben.\n");
}

TEST(UrlPolicy, ClassifiesWhatBrowsersSee) {
  EXPECT_EQ(classify_url("#oeffnung"), UrlKind::fragment);
  EXPECT_EQ(classify_url("term:integrationsrat"), UrlKind::term);
  EXPECT_EQ(classify_url("https://www.stadt-muenster.de"), UrlKind::web);
  EXPECT_EQ(classify_url("mailto:a@b.de"), UrlKind::mail);
  EXPECT_EQ(classify_url("JaVa\tScRiPt:alert(1)"), UrlKind::script);
  EXPECT_EQ(classify_url(" java\nscript:alert(1)"), UrlKind::script);
  EXPECT_EQ(classify_url("vbscript:msgbox"), UrlKind::script);
  EXPECT_EQ(classify_url("data:text/html,<script>"), UrlKind::data);
  EXPECT_EQ(classify_url("file:///etc/passwd"), UrlKind::file_scheme);
  EXPECT_EQ(classify_url("/etc/passwd"), UrlKind::absolute_path);
  EXPECT_EQ(classify_url("c:/x.png"), UrlKind::absolute_path);
  EXPECT_EQ(classify_url("bilder/karte.png"), UrlKind::local_path);
  EXPECT_EQ(classify_url("bilder/a:b.png"), UrlKind::local_path);
  EXPECT_EQ(classify_url("ftp://example.org"), UrlKind::other_scheme);
  EXPECT_EQ(local_url_path("anhang%20teil.pdf#page=2"), "anhang teil.pdf");
  EXPECT_EQ(local_url_path("a\\b.png?x=1"), "a/b.png");
}

TEST(HtmlScan, DecodesEntitiesThatHideSchemes) {
  EXPECT_EQ(decode_html_entities("java&#x09;script&colon;x"), "java\tscript:x");
  EXPECT_EQ(decode_html_entities("&#106;&#0000097vascript:"), "javascript:");
  EXPECT_EQ(decode_html_entities("a &amp; b &unknown; &"), "a & b &unknown; &");
  EXPECT_EQ(decode_html_entities("&#X6A;"), "j");
}

TEST(HtmlScan, FindsUnsafeElementsAndAttributes) {
  EXPECT_FALSE(find_unsafe_html("<SCRIPT>alert(1)</SCRIPT>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<style>body{}</style>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<iframe src=x>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<object data=x>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<embed src=x>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<img src=x onerror=alert(1)>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<img/src=\"x\"/OnError=alert(1)>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<a href=\"java&#x09;script:alert(1)\">x</a>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<a href='  JAVASCRIPT:alert(1)'>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<a href=vbscript:x>", false).empty());
  EXPECT_FALSE(find_unsafe_html("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">", false).empty());
  EXPECT_TRUE(find_unsafe_html("<span class=\"x\">a</span><br><!-- <script> in a comment -->", false).empty());
  EXPECT_TRUE(find_unsafe_html("<a href=\"https://example.org\" title=\"only\">", false).empty());
  // As in browsers, an unquoted value runs to the next blank: this is one harmless `src`.
  EXPECT_TRUE(find_unsafe_html("<img/src=x/OnError=alert(1)>", false).empty());
  // SVG: styles and embedded raster images are ordinary.
  EXPECT_TRUE(find_unsafe_html("<svg><style>.a{fill:red}</style><image href=\"data:image/png;base64,AAA\"/></svg>", true).empty());
  EXPECT_FALSE(find_unsafe_html("<svg><script>alert(1)</script></svg>", true).empty());
  EXPECT_FALSE(find_unsafe_html("<svg onload=\"alert(1)\"></svg>", true).empty());
  EXPECT_FALSE(find_unsafe_html("<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>", true).empty());
  EXPECT_FALSE(find_unsafe_html("<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;\">]><svg>&x;</svg>", true).empty());
  EXPECT_FALSE(find_unsafe_html("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", true).empty());
}

TEST(CheckHtml, HarmlessRawHtmlIsAWarning) {
  TempTree tree;
  tree.write_minimal_project();
  write_chapter(tree, "Text mit <b>fett</b> und <br> Umbruch.\n\n<div class=\"kasten\">\nInhalt\n</div>\n\n<!-- Notiz für die Redaktion -->");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0307"), 0) << dump(d);
  EXPECT_EQ(count_code(d, "LB0315"), 3) << dump(d);  // <b> (not </b>), <br>, the <div> block; not the comment
  EXPECT_NE(find_code(d, "LB0315", kChapter, 9), nullptr) << dump(d);
}

TEST(CheckHtml, PlainMarkdownHasNoHtmlFindings) {
  TempTree tree;
  tree.write_minimal_project();
  write_chapter(tree, "Text mit **fett**, a < b und [Link](https://www.stadt-muenster.de).");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0307"), 0) << dump(d);
  EXPECT_EQ(count_code(d, "LB0315"), 0) << dump(d);
}

TEST(CheckHtml, ScriptBlockIsAnErrorAtItsLine) {
  TempTree tree;
  tree.write_minimal_project();
  write_chapter(tree, "<div>\n<p>harmlos</p>\n<script>alert(1)</script>\n</div>");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0315"), 0) << dump(d);
  const Diagnostic* x = find_code(d, "LB0307", kChapter, 9);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_EQ(x->where.column, 1);
  EXPECT_NE(x->message.find("<script>"), std::string::npos) << x->message;
}

TEST(CheckHtml, EventHandlerInInlineHtml) {
  TempTree tree;
  tree.write_minimal_project();
  write_chapter(tree, "Ein <span onmouseover=\"alert(1)\">Text</span>.");
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0307", kChapter, 7);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_EQ(x->where.column, 5);
}

TEST(CheckHtml, ScriptUrlsInMarkdownLinksInAnyDisguise) {
  TempTree tree;
  tree.write_minimal_project();
  for (const std::string link : {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](java&#x09;script:alert(1))",
                                 "[x](<java\tscript:alert(1)>)", "[x](vbscript:msgbox(1))",
                                 "[x](data:text/html;base64,PHNjcmlwdD4=)", "![Bild](data:image/svg+xml;base64,PHN2Zz4=)",
                                 "<javascript:alert(1)>", "[x][r]\n\n[r]: javascript:alert(1)"}) {
    write_chapter(tree, link);
    Diagnostics d = check_tree(tree.root());
    EXPECT_EQ(count_code(d, "LB0307"), 1) << link << "\n" << dump(d);
  }
}

TEST(CheckHtml, ScriptedSvgImageIsAnError) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/gut.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>.a{}</style><rect/></svg>");
  tree.write("content/editions/3/de/boese.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
                                               "  <rect onclick=\"alert(1)\"/>\n</svg>\n");
  write_chapter(tree, "![Gut](gut.svg) und ![Böse](boese.svg)");
  Diagnostics d = check_tree(tree.root());
  ASSERT_EQ(count_code(d, "LB0307"), 1) << dump(d);
  const Diagnostic* x = find_code(d, "LB0307", kChapter, 7);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("boese.svg"), std::string::npos);
  ASSERT_TRUE(x->related.has_value());
  EXPECT_EQ(x->related->file, "content/editions/3/de/boese.svg");
  EXPECT_EQ(x->related->line, 3);
}

}  // namespace
}  // namespace leitbild
