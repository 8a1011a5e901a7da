// DOCX, ODT and PPTX made by the installed pandoc, opened with libzip and inspected with libxml2.
#include "render/pandoc/office_formats.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <memory>
#include <regex>

#include <fmt/format.h>

#include "load/load.h"
#include "render/epub/zip_writer.h"
#include "render/pandoc/office_zip.h"
#include "render/pandoc/pandoc_tool.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::TempTree;

// One XML part with the Office namespaces registered for XPath.
class XmlPart {
 public:
  explicit XmlPart(const std::string& bytes)
      : doc_(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "part.xml", nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
             xmlFreeDoc) {}
  bool ok() const { return doc_ != nullptr; }

  std::vector<std::string> texts(const std::string& xpath) const {
    std::vector<std::string> out;
    each(xpath, [&](xmlNodePtr node) {
      xmlChar* content = xmlNodeGetContent(node);
      out.emplace_back(content ? reinterpret_cast<const char*>(content) : "");
      xmlFree(content);
    });
    return out;
  }
  std::size_t count(const std::string& xpath) const { return texts(xpath).size(); }

 private:
  void each(const std::string& xpath, const std::function<void(xmlNodePtr)>& visit) const {
    if (!doc_) return;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc_.get()), xmlXPathFreeContext);
    const std::pair<const char*, const char*> namespaces[] = {
        {"w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
        {"p", "http://schemas.openxmlformats.org/presentationml/2006/main"},
        {"a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
        {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
        {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
        {"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
        {"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
        {"xlink", "http://www.w3.org/1999/xlink"},
        {"dc", "http://purl.org/dc/elements/1.1/"},
        {"rel", "http://schemas.openxmlformats.org/package/2006/relationships"}};
    for (const auto& [prefix, uri] : namespaces)
      xmlXPathRegisterNs(ctx.get(), reinterpret_cast<const xmlChar*>(prefix), reinterpret_cast<const xmlChar*>(uri));
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), ctx.get()), xmlXPathFreeObject);
    ASSERT_NE(result, nullptr) << xpath;
    if (!result->nodesetval) return;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) visit(result->nodesetval->nodeTab[i]);
  }

  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
};

class OfficeOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!find_pandoc().unavailable_reason.empty()) GTEST_SKIP() << find_pandoc().unavailable_reason;
    options_.theme_dirs = {LEITBILD_DEFAULT_THEME_DIR};
    options_.source_date_epoch = 1554854400;  // 2019-04-10
  }

  Project load(const std::filesystem::path& root) {
    Diagnostics d;
    Project project = load_project(root, d);
    resolve_project(project, d);
    return project;
  }

  std::vector<ZipPart> edition_parts(const Project& project, int edition, const LanguageTag& lang, OfficeTarget target) {
    Diagnostics d;
    auto file = render_edition_office(project, *project.find_edition(edition), lang, target, options_, d);
    EXPECT_TRUE(file) << (d.all().empty() ? "" : d.all().front().message);
    EXPECT_EQ(d.count(Severity::error), 0);
    if (!file) return {};
    EXPECT_EQ(file->path, fmt::format("{0}/leitbild-{0}-{1}.{2}", edition, lang, target == OfficeTarget::docx ? "docx" : "odt"));
    return read_zip_parts(file->bytes);
  }

  std::vector<ZipPart> deck_parts(const Project& project, const Deck& deck) {
    Diagnostics d;
    auto file = render_deck_pptx(project, deck, options_, d);
    EXPECT_TRUE(file) << (d.all().empty() ? "" : d.all().front().message);
    EXPECT_EQ(d.count(Severity::error), 0);
    if (!file) return {};
    EXPECT_EQ(file->path, "decks/" + deck.name + "/" + deck.name + ".pptx");
    return read_zip_parts(file->bytes);
  }

  static XmlPart part(const std::vector<ZipPart>& parts, const std::string& name) {
    const ZipPart* found = find_part(parts, name);
    EXPECT_NE(found, nullptr) << name;
    XmlPart xml(found ? found->bytes : std::string());
    EXPECT_TRUE(xml.ok()) << name;
    return xml;
  }

  static std::vector<std::string> heading_texts(const XmlPart& document, int level) {
    return document.texts(fmt::format("//w:p[w:pPr/w:pStyle/@w:val='Heading{}']", level));
  }

  static int slide_count(const std::vector<ZipPart>& parts, const std::string& folder) {
    const std::regex name(folder + "[0-9]+\\.xml");
    return static_cast<int>(std::count_if(parts.begin(), parts.end(), [&](const ZipPart& p) { return std::regex_match(p.name, name); }));
  }

  RenderOptions options_;
};

TEST_F(OfficeOutput, DocxHasNumberedHeadingsLanguageContentsAndLinks) {
  TempTree tree;
  tree.write_minimal_project();
  const Project project = load(tree.root());
  for (const auto& [lang, chapter, section, subsection, glossary] :
       {std::tuple{"de", "1 Grundsätze", "1.1 Vielfalt als Stärke", "1.1.1 Teilhabe", "Glossar"},
        std::tuple{"nl", "1 Uitgangspunten", "1.1 Diversiteit als kracht", "1.1.1 Deelname", "Verklarende woordenlijst"}}) {
    SCOPED_TRACE(lang);
    const auto parts = edition_parts(project, 3, lang, OfficeTarget::docx);
    const XmlPart document = part(parts, "word/document.xml");
    const auto h1 = heading_texts(document, 1);
    EXPECT_EQ(h1.size(), 3u);
    EXPECT_NE(std::find(h1.begin(), h1.end(), chapter), h1.end());
    EXPECT_EQ(h1.back(), glossary);
    const auto h2 = heading_texts(document, 2);
    EXPECT_NE(std::find(h2.begin(), h2.end(), section), h2.end());
    EXPECT_EQ(heading_texts(document, 3), std::vector<std::string>{subsection});
    // The document's language: Word's default run language (pandoc 2.17 writes no w:lang per run).
    const XmlPart styles = part(parts, "word/styles.xml");
    EXPECT_EQ(styles.texts("//w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val"), std::vector<std::string>{lang});
    EXPECT_EQ(part(parts, "docProps/core.xml").texts("//dc:language"), std::vector<std::string>{lang});
    // Cross-references are internal hyperlinks to bookmarks named after the anchors.
    EXPECT_GE(document.count("//w:hyperlink[@w:anchor='vielfalt']"), 2u);  // contents + the text
    EXPECT_EQ(document.count("//w:bookmarkStart[@w:name='vielfalt']"), 1u);
    EXPECT_EQ(document.count("//w:bookmarkStart[@w:name='praeambel']"), 1u);
    // The contents: a TOC field with an entry per heading, filled in.
    EXPECT_EQ(document.count("//w:sdt//w:instrText[contains(., 'TOC')]"), 1u);
    EXPECT_EQ(document.count("//w:sdt//w:p[w:pPr/w:pStyle/@w:val='TOC2']"), 2u);
    // The title page.
    EXPECT_EQ(document.texts("//w:p[w:pPr/w:pStyle/@w:val='Subtitle']"), std::vector<std::string>{lang == std::string("de") ? "3. Auflage" : "3e editie"});
    // Styles from themes/default/reference.docx.
    EXPECT_EQ(styles.count("//w:style[@w:styleId='Heading1']//w:pageBreakBefore"), 1u);
    EXPECT_EQ(styles.texts("//w:style[@w:styleId='Heading1']//w:color/@w:val"), std::vector<std::string>{"0A3A66"});
  }
}

TEST_F(OfficeOutput, OdtHasHeadingsAndLanguage) {
  TempTree tree;
  tree.write_minimal_project();
  const Project project = load(tree.root());
  const auto parts = edition_parts(project, 3, "nl", OfficeTarget::odt);
  ASSERT_FALSE(parts.empty());
  EXPECT_EQ(parts.front().name, "mimetype");
  EXPECT_EQ(parts.front().bytes, "application/vnd.oasis.opendocument.text");
  const XmlPart content = part(parts, "content.xml");
  const auto h1 = content.texts("//text:h[@text:outline-level='1']");
  EXPECT_EQ(h1, (std::vector<std::string>{"Preambule", "1 Uitgangspunten", "Verklarende woordenlijst"}));
  EXPECT_NE(content.count("//text:h[@text:outline-level='2'][contains(., '1.1 Diversiteit als kracht')]"), 0u);
  EXPECT_GE(content.count("//style:text-properties[@fo:language='nl']"), 1u);  // Div lang=nl
  EXPECT_EQ(content.count("//text:table-of-content//text:a[@xlink:href='#vielfalt']"), 1u);
  EXPECT_GE(part(parts, "styles.xml").count("//style:text-properties[@fo:language='nl']"), 1u);
}

TEST_F(OfficeOutput, PptxHasOneSlidePerDeckSlideNotesColumnsAndFooter) {
  TempTree tree;
  tree.write_minimal_project();
  const Project project = load(tree.root());
  const auto parts = deck_parts(project, project.decks.front());
  // Title slide + the deck's 2 slides; the first deck slide has notes.
  EXPECT_EQ(slide_count(parts, "ppt/slides/slide"), 3);
  EXPECT_EQ(slide_count(parts, "ppt/notesSlides/notesSlide"), 1);
  const XmlPart notes = part(parts, "ppt/notesSlides/notesSlide1.xml");
  const auto note_text = notes.texts("//a:t");
  EXPECT_NE(std::find(note_text.begin(), note_text.end(), "Notiz."), note_text.end());
  EXPECT_NE(std::find(note_text.begin(), note_text.end(), "Notitie."), note_text.end());

  const XmlPart slide = part(parts, "ppt/slides/slide2.xml");
  const auto runs = slide.texts("//a:t");
  const std::string text = fmt::format("{}", fmt::join(runs, "|"));  // pandoc merges runs that look alike
  auto has = [&](const std::string& s) { return text.find(s) != std::string::npos; };
  EXPECT_TRUE(has("Erste Folie"));
  EXPECT_TRUE(has("Eerste dia"));
  EXPECT_TRUE(has("Siehe 1.1 Vielfalt als Stärke.")) << text;
  EXPECT_TRUE(has("Zie 1.1 Diversiteit als kracht.")) << text;
  // Two columns: the title and two content placeholders, plus the footer.
  EXPECT_EQ(slide.count("//p:sp[.//p:ph[@type='ftr']]"), 1u);
  EXPECT_TRUE(has("A. Beispiel · Dezernentin · Test · 2. Januar 2020"));
  EXPECT_EQ(slide.count("//p:sp[.//p:ph[not(@type) or @type='body' or @type='obj']]"), 2u);
  EXPECT_EQ(part(parts, "ppt/slides/slide1.xml").count("//p:ph[@type='ftr']"), 0u);
  EXPECT_EQ(part(parts, "ppt/slides/slide3.xml").count("//p:ph[@type='ftr']"), 1u);
}

// Every entry's DOS time and date, read from the ZIP central directory.
std::vector<std::pair<unsigned, unsigned>> entry_timestamps(const std::string& zip) {
  std::vector<std::pair<unsigned, unsigned>> out;
  auto u16 = [&](std::size_t at) { return static_cast<unsigned>(static_cast<unsigned char>(zip[at])) | static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8; };
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos && at + 16 <= zip.size(); at = zip.find("PK\x01\x02", at + 4))
    out.emplace_back(u16(at + 12), u16(at + 14));
  return out;
}

TEST_F(OfficeOutput, SameInputsGiveTheSameBytes) {
  TempTree tree;
  tree.write_minimal_project();
  const Project project = load(tree.root());
  Diagnostics d;
  auto first = render_deck_pptx(project, project.decks.front(), options_, d);
  auto second = render_deck_pptx(project, project.decks.front(), options_, d);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->bytes, second->bytes);
  // Pandoc 2.17 stamps ODT and PPTX entries with the clock; after leitbild every entry carries
  // SOURCE_DATE_EPOCH (2019-04-10 00:00 UTC).
  auto odt = render_edition_office(project, project.editions.front(), "de", OfficeTarget::odt, options_, d);
  ASSERT_TRUE(odt);
  const DosTimestamp expected = dos_timestamp_utc(*options_.source_date_epoch);
  for (const std::string* bytes : {&first->bytes, &odt->bytes}) {
    const auto stamps = entry_timestamps(*bytes);
    EXPECT_GT(stamps.size(), 5u);
    for (const auto& [time, date] : stamps) {
      EXPECT_EQ(time, expected.time);
      EXPECT_EQ(date, expected.date);
    }
  }
}

TEST_F(OfficeOutput, BundledEditionHasEveryChapter) {
  const Project project = load(LEITBILD_SOURCE_DIR);
  const Edition* edition = project.find_edition(3);
  ASSERT_NE(edition, nullptr);
  const auto parts = edition_parts(project, 3, "de", OfficeTarget::docx);
  const XmlPart document = part(parts, "word/document.xml");
  const auto h1 = heading_texts(document, 1);
  const auto& chapters = edition->chapters.at("de");
  ASSERT_EQ(h1.size(), chapters.size() + 1);  // + the glossary
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    // The heading's text is the label with typographic quotes; compare the number and the start.
    EXPECT_TRUE(h1[i].starts_with(chapters[i].number.empty() ? chapters[i].title.substr(0, 4) : chapters[i].number + " "))
        << h1[i] << " vs " << chapters[i].label();
  }
  const auto h2 = heading_texts(document, 2);
  EXPECT_NE(std::find_if(h2.begin(), h2.end(), [](const std::string& h) { return h.starts_with("5.4 "); }), h2.end());
  std::size_t sections = 0;
  for (const Chapter& chapter : chapters)
    for (const Section& section : chapter.sections) sections += section.level == 2;
  // Level-2 headings: every `## ` section, and the glossary's letters.
  EXPECT_GT(h2.size(), sections);
  EXPECT_GE(document.count("//w:tbl"), 1u);
}

TEST_F(OfficeOutput, BundledDecksHaveEverySlide) {
  const Project project = load(LEITBILD_SOURCE_DIR);
  ASSERT_FALSE(project.decks.empty());
  for (const Deck& deck : project.decks) {
    SCOPED_TRACE(deck.name);
    const DeckText& text = deck.texts.at(deck.languages.front());
    int with_notes = 0;
    for (const Slide& slide : text.slides) with_notes += !slide.notes.empty();
    int tables = 0;  // every language's
    for (const auto& [lang, deck_text] : deck.texts)
      for (const Slide& slide : deck_text.slides)
        for (cmark_node* block : slide.body) tables += node_type_name(block) == "table";
    const auto parts = deck_parts(project, deck);
    EXPECT_EQ(slide_count(parts, "ppt/slides/slide"), static_cast<int>(text.slides.size()) + 1);  // + title slide
    std::size_t tables_in_pptx = 0;
    for (const ZipPart& p : parts)
      if (p.name.starts_with("ppt/slides/slide")) tables_in_pptx += XmlPart(p.bytes).count("//a:tbl");
    EXPECT_EQ(tables_in_pptx, static_cast<std::size_t>(tables));
    EXPECT_EQ(slide_count(parts, "ppt/notesSlides/notesSlide"), with_notes);
    // Both languages' text on the slides.
    const XmlPart slide = part(parts, "ppt/slides/slide3.xml");
    const auto texts = slide.texts("//a:t");
    const std::string all = fmt::format("{}", fmt::join(texts, ""));  // runs, as shown
    for (const auto& [lang, deck_text] : deck.texts) {
      const std::string title = deck_text.slides[1].title;
      EXPECT_NE(all.find(title.substr(0, 12)), std::string::npos) << lang << ": " << title << " in\n" << all;
    }
  }
}

TEST_F(OfficeOutput, JobsAreRegisteredWithTheirKeys) {
  TempTree tree;
  tree.write_minimal_project();
  const Project project = load(tree.root());
  std::vector<std::string> keys;
  for (const OutputFormat& format : output_formats()) {
    if (format.name != "docx" && format.name != "odt" && format.name != "pptx") continue;
    EXPECT_EQ(format.unavailable_reason(), "");
    for (const RenderJob& job : format.plan(project, options_)) keys.push_back(job.key);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"docx/3/de", "docx/3/nl", "odt/3/de", "odt/3/nl", "pptx/vortrag"}));
  auto jobs = plan_pptx_decks(project, options_);
  ASSERT_EQ(jobs.size(), 1u);
  Diagnostics d;
  const Outputs outputs = jobs.front().run(d);
  ASSERT_EQ(outputs.size(), 1u);
  EXPECT_EQ(outputs.front().path, "decks/vortrag/vortrag.pptx");
  EXPECT_EQ(jobs.front().theme_inputs, std::vector<std::string>{"reference.pptx"});
}

}  // namespace
}  // namespace leitbild
