#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "load/load.h"
#include "render/epub/epub_book.h"
#include "render/epub/epub_format.h"
#include "render/epub/epub_identity.h"
#include "render/epub/zip_writer.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::TempTree;

struct Entry {
  std::string name;
  std::string bytes;
};

// Reads an archive back with libzip: the entries in central-directory order.
std::vector<Entry> unzip(const std::string& archive) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  zip_t* za = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  EXPECT_NE(za, nullptr) << zip_error_strerror(&error);
  std::vector<Entry> entries;
  if (!za) return entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
    Entry e{st.name, std::string(st.size, '\0')};
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    zip_fread(f, e.bytes.data(), st.size);
    zip_fclose(f);
    entries.push_back(std::move(e));
  }
  zip_close(za);
  zip_error_fini(&error);
  return entries;
}

const std::string& entry(const std::vector<Entry>& entries, const std::string& name) {
  static const std::string none;
  for (const Entry& e : entries)
    if (e.name == name) return e.bytes;
  ADD_FAILURE() << "no entry " << name;
  return none;
}

bool well_formed_xml(const std::string& text) {
  xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "doc.xml", nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return false;
  xmlFreeDoc(doc);
  return true;
}

std::uint16_t u16(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8);
}

Project load_resolved(const std::filesystem::path& root) {
  Diagnostics d;
  Project project = load_project(root, d);
  resolve_project(project, d);
  return project;
}

RenderOptions default_options() {
  RenderOptions options;
  options.theme_dirs = {LEITBILD_DEFAULT_THEME_DIR};
  return options;
}

std::string run_job(const RenderJob& job, Diagnostics& d) {
  Outputs outputs = job.run(d);
  EXPECT_EQ(outputs.size(), 1u);
  return outputs.empty() ? std::string() : outputs.front().bytes;
}

TEST(ZipWriter, MimetypeFirstStoredWithoutExtraFieldAndFixedTime) {
  ZipWriter zip(dos_timestamp_utc(1555000000));
  zip.add("mimetype", "application/epub+zip", ZipWriter::Compression::store);
  zip.add("a/b.txt", std::string(1000, 'x'));
  const std::string bytes = zip.finish();
  ASSERT_GT(bytes.size(), 38u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\3\4"));
  EXPECT_EQ(u16(bytes, 8), 0) << "mimetype must be stored";
  EXPECT_EQ(u16(bytes, 26), 8);
  EXPECT_EQ(u16(bytes, 28), 0) << "no extra field";
  EXPECT_EQ(bytes.substr(30, 28), "mimetypeapplication/epub+zip");
  const DosTimestamp t = dos_timestamp_utc(1555000000);  // 2019-04-11T16:26:40Z
  EXPECT_EQ(u16(bytes, 10), t.time);
  EXPECT_EQ(u16(bytes, 12), t.date);
  auto entries = unzip(bytes);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].name, "a/b.txt");
  EXPECT_EQ(entries[1].bytes, std::string(1000, 'x'));
}

TEST(ZipWriter, DosTimestampIsUtcAndClamped) {
  const DosTimestamp t = dos_timestamp_utc(1555000000);  // 2019-04-11T16:26:40Z
  EXPECT_EQ(t.date, ((2019 - 1980) << 9) | (4 << 5) | 11);
  EXPECT_EQ(t.time, (16 << 11) | (26 << 5) | 20);
  const DosTimestamp early = dos_timestamp_utc(0);
  EXPECT_EQ(early.date, (0 << 9) | (1 << 5) | 1);
  EXPECT_EQ(early.time, 0);
}

TEST(EpubIdentity, IdentifierIsStableNameBasedUuid) {
  TempTree tree;
  tree.write_minimal_project();
  Project p = load_resolved(tree.root());
  const Edition& e = p.editions.front();
  const std::string de = epub_identifier(p, e, "de");
  EXPECT_TRUE(std::regex_match(de, std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))) << de;
  EXPECT_EQ(de, epub_identifier(p, e, "de"));
  EXPECT_NE(de, epub_identifier(p, e, "nl"));
  Edition other = Edition{};
  other.number = 4;
  EXPECT_NE(de, epub_identifier(p, other, "de"));
}

TEST(EpubIdentity, TimestampFromSourceDateEpochElseAdoptionDate) {
  Edition e;
  RenderOptions options;
  EXPECT_EQ(epub_timestamp(e, options), 315532800);  // nothing known: 1980-01-01
  e.valid_from = 2019;
  EXPECT_EQ(iso_utc(epub_timestamp(e, options)), "2019-01-01T00:00:00Z");
  e.adopted = Date{2019, 4, 10};
  EXPECT_EQ(iso_utc(epub_timestamp(e, options)), "2019-04-10T00:00:00Z");
  options.source_date_epoch = 1700000000;
  EXPECT_EQ(epub_timestamp(e, options), 1700000000);
  EXPECT_EQ(iso_utc(1700000000), "2023-11-14T22:13:20Z");
}

TEST(EpubFormat, PlansOneJobPerEditionAndLanguage) {
  TempTree tree;
  tree.write_minimal_project();
  Project p = load_resolved(tree.root());
  auto jobs = plan_epub(p, default_options());
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].key, "epub/3/de");
  EXPECT_EQ(jobs[1].key, "epub/3/nl");
  EXPECT_EQ(jobs[0].theme_inputs, std::vector<std::string>{"epub.css"});
  EXPECT_NE(std::find(jobs[0].inputs.begin(), jobs[0].inputs.end(), "content/editions/3/de/grundsaetze.md"), jobs[0].inputs.end());
  Diagnostics d;
  Outputs outputs = jobs[1].run(d);
  ASSERT_EQ(outputs.size(), 1u);
  EXPECT_EQ(outputs[0].path, "3/leitbild-3-nl.epub");
  EXPECT_TRUE(d.all().empty());
}

TEST(EpubFormat, IsRegistered) {
  const auto& formats = output_formats();
  auto it = std::find_if(formats.begin(), formats.end(), [](const OutputFormat& f) { return f.name == "epub"; });
  ASSERT_NE(it, formats.end());
  EXPECT_EQ(it->unavailable_reason(), "");
}

TEST(EpubBook, ContainerLayoutAndWellFormedDocuments) {
  TempTree tree;
  tree.write_minimal_project();
  Project p = load_resolved(tree.root());
  Diagnostics d;
  auto entries = unzip(render_epub(p, p.editions.front(), "de", default_options(), d));
  std::vector<std::string> names;
  for (const Entry& e : entries) names.push_back(e.name);
  EXPECT_EQ(names, (std::vector<std::string>{"mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/book_title.xhtml",
                                             "EPUB/book_nav.xhtml", "EPUB/praeambel.xhtml", "EPUB/grundsaetze.xhtml",
                                             "EPUB/book_glossary.xhtml", "EPUB/book_style.css"}));
  for (const Entry& e : entries)
    if (e.name.ends_with(".xhtml") || e.name.ends_with(".xml") || e.name.ends_with(".opf")) {
      EXPECT_TRUE(well_formed_xml(e.bytes)) << e.name;
    }
  EXPECT_NE(entry(entries, "META-INF/container.xml").find("full-path=\"EPUB/package.opf\""), std::string::npos);
}

TEST(EpubBook, LinksGoToChapterDocumentsAndGlossary) {
  TempTree tree;
  tree.write_minimal_project();
  Project p = load_resolved(tree.root());
  Diagnostics d;
  auto entries = unzip(render_epub(p, p.editions.front(), "de", default_options(), d));
  const std::string& praeambel = entry(entries, "EPUB/praeambel.xhtml");
  EXPECT_NE(praeambel.find("href=\"grundsaetze.xhtml#vielfalt\""), std::string::npos) << praeambel;
  EXPECT_NE(praeambel.find("href=\"book_glossary.xhtml#term-integrationsrat\""), std::string::npos) << praeambel;
  EXPECT_NE(praeambel.find("xmlns:epub=\"http://www.idpf.org/2007/ops\""), std::string::npos);
  EXPECT_NE(praeambel.find("epub:type=\"preface\""), std::string::npos) << praeambel;
  const std::string& grundsaetze = entry(entries, "EPUB/grundsaetze.xhtml");
  EXPECT_NE(grundsaetze.find("href=\"praeambel.xhtml\""), std::string::npos) << grundsaetze;
  EXPECT_NE(grundsaetze.find("<span class=\"chapno\">1</span> Grundsätze"), std::string::npos) << grundsaetze;
  const std::string& glossary = entry(entries, "EPUB/book_glossary.xhtml");
  EXPECT_NE(glossary.find("epub:type=\"glossary\""), std::string::npos);
  EXPECT_NE(glossary.find("<dt id=\"term-integrationsrat\"><dfn>Integrationsrat</dfn></dt>"), std::string::npos) << glossary;
  EXPECT_NE(glossary.find("Ausländerbeirat"), std::string::npos);
}

TEST(EpubBook, NavigationNumberedLikeTheSiteWithLandmarks) {
  TempTree tree;
  tree.write_minimal_project();
  Project p = load_resolved(tree.root());
  Diagnostics d;
  auto entries = unzip(render_epub(p, p.editions.front(), "nl", default_options(), d));
  const std::string& nav = entry(entries, "EPUB/book_nav.xhtml");
  EXPECT_NE(nav.find("epub:type=\"toc\""), std::string::npos);
  EXPECT_NE(nav.find("epub:type=\"landmarks\""), std::string::npos);
  EXPECT_NE(nav.find("<a href=\"grundsaetze.xhtml\">1 Uitgangspunten</a>"), std::string::npos) << nav;
  EXPECT_NE(nav.find("<a href=\"grundsaetze.xhtml#vielfalt\">1.1 Diversiteit als kracht</a>"), std::string::npos) << nav;
  EXPECT_NE(nav.find("href=\"grundsaetze.xhtml\" epub:type=\"bodymatter\""), std::string::npos) << nav;
  EXPECT_NE(nav.find(">Inhoud<"), std::string::npos);
}

TEST(EpubBook, PackageMetadata) {
  TempTree tree;
  tree.write_minimal_project();
  Project p = load_resolved(tree.root());
  Diagnostics d;
  auto entries = unzip(render_epub(p, p.editions.front(), "de", default_options(), d));
  const std::string& opf = entry(entries, "EPUB/package.opf");
  for (const std::string& expected : std::vector<std::string>{"<dc:title id=\"title\">Leitbild Integration</dc:title>", "<dc:language>de</dc:language>", "<dc:publisher>Stadt Beispiel</dc:publisher>",
        "<dc:date>2019-04-10</dc:date>", "<meta property=\"dcterms:modified\">2019-04-10T00:00:00Z</meta>",
        "<dc:title id=\"edition-title\">3. Auflage</dc:title>", "<meta property=\"schema:accessMode\">textual</meta>",
        "<meta property=\"schema:accessModeSufficient\">textual</meta>",
        "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>",
        "<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>",
        "<meta property=\"schema:accessibilityFeature\">readingOrder</meta>", "<meta property=\"schema:accessibilityHazard\">none</meta>",
        "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>",
        "properties=\"nav\"", "<dc:identifier id=\"pub-id\">" + epub_identifier(p, p.editions.front(), "de") + "</dc:identifier>"})
    EXPECT_NE(opf.find(expected), std::string::npos) << expected << "\n" << opf;
  EXPECT_EQ(opf.find("alternativeText"), std::string::npos);
  EXPECT_EQ(opf.find("certifiedBy"), std::string::npos);
  EXPECT_NE(opf.find("Dieses E-Book"), std::string::npos) << "summary in the book's language";
}

TEST(EpubBook, ByteIdenticalAcrossRunsAndSourceDateEpochSetsEveryTimestamp) {
  TempTree tree;
  tree.write_minimal_project();
  Project p = load_resolved(tree.root());
  RenderOptions options = default_options();
  options.source_date_epoch = 1700000000;
  Diagnostics d;
  auto jobs = plan_epub(p, options);
  const std::string first = run_job(jobs[0], d);
  const std::string second = run_job(plan_epub(p, options)[0], d);
  EXPECT_EQ(first, second);
  auto entries = unzip(first);
  EXPECT_NE(entry(entries, "EPUB/package.opf").find("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"), std::string::npos);
  const DosTimestamp t = dos_timestamp_utc(1700000000);
  std::size_t headers = 0;
  for (std::size_t at = first.find("PK\3\4"); at != std::string::npos; at = first.find("PK\3\4", at + 4), ++headers) {
    EXPECT_EQ(u16(first, at + 10), t.time);
    EXPECT_EQ(u16(first, at + 12), t.date);
  }
  EXPECT_GE(headers, entries.size());
  options.source_date_epoch = 1700000002;
  EXPECT_NE(first, run_job(plan_epub(p, options)[0], d));
}

TEST(EpubBook, FootnotesErrataAndEscaping) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nA < B & \"C\".[^n]\n\n[^n]: Fußnote <1>.\n\n"
             "### Teilhabe\n\n![Karte der Stadt](karte.png)\n");
  tree.write("content/editions/3/edition.yaml",
             "edition: 3\ntitle: { de: \"3. Auflage\", nl: \"3e editie\" }\nstatus: published\nadopted: 2019-04-10\n"
             "chapters: [praeambel, grundsaetze]\nerrata: [\"Seite 2: <falsches> Datum berichtigt\"]\n");
  Project p = load_resolved(tree.root());
  Diagnostics d;
  auto entries = unzip(render_epub(p, p.editions.front(), "de", default_options(), d));
  const std::string& chapter = entry(entries, "EPUB/grundsaetze.xhtml");
  EXPECT_TRUE(well_formed_xml(chapter));
  EXPECT_NE(chapter.find("A &lt; B &amp; \u201EC\u201C."), std::string::npos) << chapter;
  EXPECT_NE(chapter.find("epub:type=\"noteref\""), std::string::npos) << chapter;
  EXPECT_NE(chapter.find("epub:type=\"endnotes\""), std::string::npos) << chapter;
  EXPECT_NE(chapter.find("Fußnote &lt;1&gt;."), std::string::npos) << chapter;
  EXPECT_EQ(chapter.find("<img"), std::string::npos) << "no image resource is packaged";
  EXPECT_NE(chapter.find("<span class=\"image-alt\">Karte der Stadt</span>"), std::string::npos) << chapter;
  const std::string& title = entry(entries, "EPUB/book_title.xhtml");
  EXPECT_NE(title.find("epub:type=\"errata\""), std::string::npos) << title;
  EXPECT_NE(title.find("Seite 2: &lt;falsches&gt; Datum berichtigt"), std::string::npos) << title;
  EXPECT_NE(title.find("<time datetime=\"2019-04-10\">10. April 2019</time>"), std::string::npos) << title;
}

// Every book of a tree renders without diagnostics; with LEITBILD_EPUB_DUMP_DIR set the books are
// written to <dir>/<name>/ (for running external validators by hand).
std::vector<std::string> render_tree(const std::filesystem::path& root, const std::string& name) {
  Project p = load_resolved(root);
  auto jobs = plan_epub(p, default_options());
  EXPECT_EQ(jobs.size(), p.editions.size() * p.languages.size());
  const char* dump = std::getenv("LEITBILD_EPUB_DUMP_DIR");
  std::vector<std::string> books;
  for (const RenderJob& job : jobs) {
    Diagnostics d;
    Outputs outputs = job.run(d);
    EXPECT_TRUE(d.all().empty()) << job.key;
    if (outputs.size() != 1) {
      ADD_FAILURE() << job.key;
      continue;
    }
    books.push_back(outputs[0].bytes);
    if (dump) {
      std::filesystem::path path = std::filesystem::path(dump) / name / outputs[0].path;
      std::filesystem::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << outputs[0].bytes;
    }
  }
  return books;
}

TEST(EpubBook, BundledTreeRendersEveryBook) {
  auto books = render_tree(LEITBILD_SOURCE_DIR, "bundled");
  EXPECT_EQ(books.size(), 6u);
}

TEST(EpubBook, SampleTreeHasFootnoteTableCrossReferencesAndTerms) {
  auto books = render_tree(std::filesystem::path(LEITBILD_SOURCE_DIR) / "tests/trees/epub-sample", "sample");
  ASSERT_EQ(books.size(), 2u);
  auto entries = unzip(books[0]);
  const std::string& vorwort = entry(entries, "EPUB/vorwort.xhtml");
  EXPECT_NE(vorwort.find("epub:type=\"noteref\""), std::string::npos) << vorwort;
  EXPECT_NE(vorwort.find("href=\"ziele.xhtml\""), std::string::npos) << vorwort;
  EXPECT_NE(vorwort.find("href=\"ziele.xhtml#uebersicht\""), std::string::npos) << vorwort;
  EXPECT_NE(vorwort.find("&amp; Anlage &lt;1&gt;"), std::string::npos) << vorwort;
  // An explicit term mark is one link, not a link inside a link.
  EXPECT_NE(vorwort.find("Dieses <a class=\"term\" href=\"book_glossary.xhtml#term-leitbild\">Leitbild</a> beschreibt"), std::string::npos) << vorwort;
  EXPECT_NE(entry(entries, "EPUB/ziele.xhtml").find("<table>"), std::string::npos);
  const std::string& glossary = entry(entries, "EPUB/book_glossary.xhtml");
  EXPECT_NE(glossary.find("href=\"ziele.xhtml#teilhabe\""), std::string::npos) << "back-link to the section using the term\n" << glossary;
}

}  // namespace
}  // namespace leitbild
