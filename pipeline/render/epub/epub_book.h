#pragma once
// One EPUB 3.3 book (an edition in one language), assembled from the resolved model: the XHTML
// content documents (epub_documents.cc), the package document (epub_package.cc) and the OCF ZIP.
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/project.h"
#include "render/epub/epub_text.h"
#include "render/render.h"

namespace leitbild {

// Fixed file names of the book's own documents. They contain `_`, which chapter stems cannot
// (docs/format.md), so no chapter `<stem>.xhtml` can collide with them.
inline constexpr const char* kTitlePageHref = "book_title.xhtml";
inline constexpr const char* kNavHref = "book_nav.xhtml";
inline constexpr const char* kGlossaryHref = "book_glossary.xhtml";
inline constexpr const char* kStylesheetHref = "book_style.css";

// Everything the documents of one book share.
struct EpubBookContext {
  const Project& project;
  const Edition& edition;
  const LanguageTag& lang;
  const EpubText& text;
  std::string title;           // the project title in the book's language
  std::string edition_title;   // "3. Auflage"
  bool has_glossary = false;   // the book gets a glossary document
  bool has_stylesheet = false;
};

// A content document or other resource in the package (manifest order is reading order for the
// documents in the spine).
struct EpubItem {
  std::string href;
  std::string id;
  std::string media_type;
  std::string bytes;
  std::string properties;  // manifest properties ("nav"), may be empty
  bool in_spine = true;
};

// "chapter", "preface" or "appendix": what a chapter is in the book's structure (epub:type, and
// its DPUB-ARIA role "doc-…"). Unnumbered chapters before the first numbered one are prefaces,
// after the last numbered one appendices.
std::vector<std::string> chapter_kinds(const std::vector<Chapter>& chapters);

std::string title_page_document(const EpubBookContext& book);
std::string nav_document(const EpubBookContext& book, const std::vector<Chapter>& chapters, const std::vector<std::string>& kinds);
std::string chapter_document(const EpubBookContext& book, const Chapter& chapter, const std::string& kind);
std::string glossary_document(const EpubBookContext& book);

// The package document (package.opf) for `items`, all in the same folder as it.
std::string package_document(const EpubBookContext& book, const std::vector<EpubItem>& items, long long timestamp);
std::string container_document(const std::string& package_path);

// The whole .epub: mimetype first and stored, then META-INF/container.xml, the package
// document and the items, every entry with the same timestamp. Throws std::runtime_error if
// libzip fails.
std::string render_epub(const Project& project, const Edition& edition, const LanguageTag& lang, const RenderOptions& options,
                        Diagnostics& diagnostics);

// "dist/<N>/leitbild-<N>-<lang>.epub"'s path relative to the output folder.
std::string epub_output_path(const Edition& edition, const LanguageTag& lang);

}  // namespace leitbild
