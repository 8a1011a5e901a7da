// The package document, the OCF container and the ZIP around them.
#include <cmark-gfm.h>
#include <fmt/format.h>

#include "render/epub/epub_book.h"
#include "render/epub/epub_identity.h"
#include "render/epub/zip_writer.h"
#include "render/xhtml/xml_tree.h"

namespace leitbild {

namespace {

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

constexpr const char* kOpfNamespace = "http://www.idpf.org/2007/opf";
constexpr const char* kDcNamespace = "http://purl.org/dc/elements/1.1/";
constexpr const char* kPackagePath = "EPUB/package.opf";

xmlNodePtr dc(xmlNodePtr metadata, xmlNsPtr ns, const char* name, const std::string& value) {
  return xmlNewTextChild(metadata, ns, X(name), X(value));
}

xmlNodePtr meta(xmlNodePtr metadata, const std::string& property, const std::string& value) {
  return element_text(metadata, "meta", value, {{"property", property}});
}

std::string serialize(xmlDocPtr doc) {
  return serialize_document(doc);
}

}  // namespace

std::string package_document(const EpubBookContext& book, const std::vector<EpubItem>& items, long long timestamp) {
  XmlDocument doc(xmlNewDoc(X("1.0")));
  xmlNodePtr package = xmlNewDocNode(doc.get(), nullptr, X("package"), nullptr);
  xmlDocSetRootElement(doc.get(), package);
  xmlSetNs(package, xmlNewNs(package, X(kOpfNamespace), nullptr));
  set_attribute(package, "version", "3.0");
  set_attribute(package, "unique-identifier", "pub-id");
  set_attribute(package, "xml:lang", book.lang);

  xmlNodePtr metadata = element(package, "metadata");
  xmlNsPtr dc_ns = xmlNewNs(metadata, X(kDcNamespace), X("dc"));
  set_attribute(dc(metadata, dc_ns, "identifier", epub_identifier(book.project, book.edition, book.lang)), "id", "pub-id");
  set_attribute(dc(metadata, dc_ns, "title", book.title), "id", "title");
  element_text(metadata, "meta", "main", {{"refines", "#title"}, {"property", "title-type"}});
  set_attribute(dc(metadata, dc_ns, "title", book.edition_title), "id", "edition-title");
  element_text(metadata, "meta", "edition", {{"refines", "#edition-title"}, {"property", "title-type"}});
  dc(metadata, dc_ns, "language", book.lang);
  if (auto it = book.project.publisher.find(book.lang); it != book.project.publisher.end())
    dc(metadata, dc_ns, "publisher", it->second);
  if (book.edition.adopted) dc(metadata, dc_ns, "date", book.edition.adopted->iso());
  meta(metadata, "dcterms:modified", iso_utc(timestamp));
  meta(metadata, "schema:bookEdition", std::to_string(book.edition.number));
  if (book.edition.adopted) meta(metadata, "dcterms:dateAccepted", book.edition.adopted->iso());

  // EPUB Accessibility 1.1. Images are replaced by their text (see epub_documents.cc), so the
  // book is textual only and alternativeText does not apply.
  meta(metadata, "schema:accessMode", "textual");
  meta(metadata, "schema:accessModeSufficient", "textual");
  for (const char* feature : {"tableOfContents", "structuralNavigation", "readingOrder"}) meta(metadata, "schema:accessibilityFeature", feature);
  meta(metadata, "schema:accessibilityHazard", "none");
  meta(metadata, "schema:accessibilitySummary", book.text.accessibility_summary);
  meta(metadata, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");

  xmlNodePtr manifest = element(package, "manifest");
  xmlNodePtr spine = element(package, "spine");
  for (const EpubItem& item : items) {
    xmlNodePtr entry = element(manifest, "item", {{"id", item.id}, {"href", item.href}, {"media-type", item.media_type}});
    if (!item.properties.empty()) set_attribute(entry, "properties", item.properties);
    if (item.in_spine) element(spine, "itemref", {{"idref", item.id}});
  }
  return serialize(doc.get());
}

std::string container_document(const std::string& package_path) {
  XmlDocument doc(xmlNewDoc(X("1.0")));
  xmlNodePtr container = xmlNewDocNode(doc.get(), nullptr, X("container"), nullptr);
  xmlDocSetRootElement(doc.get(), container);
  xmlSetNs(container, xmlNewNs(container, X("urn:oasis:names:tc:opendocument:xmlns:container"), nullptr));
  set_attribute(container, "version", "1.0");
  element(element(container, "rootfiles"), "rootfile", {{"full-path", package_path}, {"media-type", "application/oebps-package+xml"}});
  return serialize(doc.get());
}

std::string epub_output_path(const Edition& edition, const LanguageTag& lang) {
  return fmt::format("{}/leitbild-{}-{}.epub", edition.number, edition.number, lang);
}

std::string render_epub(const Project& project, const Edition& edition, const LanguageTag& lang, const RenderOptions& options,
                        Diagnostics& diagnostics) {
  (void)diagnostics;
  auto localized = [&](const Localized& text) {
    if (auto it = text.find(lang); it != text.end()) return it->second;
    if (auto it = text.find(project.source_language()); it != text.end()) return it->second;
    return std::string();
  };
  const std::optional<std::string> stylesheet = options.theme_file("epub.css");
  EpubBookContext book{project, edition, lang, epub_text(lang), localized(project.title), localized(edition.title),
                       !project.glossary.empty(), stylesheet.has_value()};
  if (book.edition_title.empty()) book.edition_title = std::to_string(edition.number);

  static const std::vector<Chapter> kNoChapters;
  auto found = edition.chapters.find(lang);
  const std::vector<Chapter>& chapters = found == edition.chapters.end() ? kNoChapters : found->second;
  const std::vector<std::string> kinds = chapter_kinds(chapters);

  constexpr const char* kXhtml = "application/xhtml+xml";
  std::vector<EpubItem> items;
  items.push_back({kTitlePageHref, "book-title", kXhtml, title_page_document(book), "", true});
  items.push_back({kNavHref, "book-nav", kXhtml, nav_document(book, chapters, kinds), "nav", true});
  for (std::size_t i = 0; i < chapters.size(); ++i)
    items.push_back({chapters[i].stem + ".xhtml", "ch-" + chapters[i].stem, kXhtml, chapter_document(book, chapters[i], kinds[i]), "", true});
  if (book.has_glossary) items.push_back({kGlossaryHref, "book-glossary", kXhtml, glossary_document(book), "", true});
  if (stylesheet) items.push_back({kStylesheetHref, "book-style", "text/css", *stylesheet, "", false});

  const long long timestamp = epub_timestamp(edition, options);
  ZipWriter zip(dos_timestamp_utc(timestamp));
  zip.add("mimetype", "application/epub+zip", ZipWriter::Compression::store);
  zip.add("META-INF/container.xml", container_document(kPackagePath));
  zip.add(kPackagePath, package_document(book, items, timestamp));
  const std::string folder = std::string(kPackagePath).substr(0, std::string(kPackagePath).rfind('/') + 1);
  for (EpubItem& item : items) zip.add(folder + item.href, std::move(item.bytes));
  return zip.finish();
}

}  // namespace leitbild
