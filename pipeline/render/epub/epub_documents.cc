// The XHTML content documents of a book. Each is a libxml2 tree serialised by libxml2, so text is
// escaped and the markup well-formed by construction; chapter bodies come from the shared writer.
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>

#include "render/epub/epub_book.h"
#include "render/html/locale_text.h"  // long_date: the site and the book write dates alike
#include "render/xhtml/markdown_xml.h"
#include "render/xhtml/xml_tree.h"

namespace leitbild {

namespace {

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

void set_epub_type(xmlNodePtr node, xmlNsPtr epub, const std::string& value) {
  xmlSetNsProp(node, epub, X("type"), reinterpret_cast<const xmlChar*>(value.c_str()));
}

// A new content document: <html> with the book's language and the epub namespace, a <head> with
// the title and the theme's stylesheet. Returns the <body>.
struct ContentDocument {
  XmlDocument doc;
  xmlNsPtr epub = nullptr;
  xmlNodePtr body = nullptr;
};

ContentDocument content_document(const EpubBookContext& book, const std::string& title) {
  ContentDocument out;
  xmlNodePtr html = nullptr;
  out.doc = new_xhtml_document(book.lang, &html);
  out.epub = declare_epub_namespace(html);
  xmlNodePtr head = element(html, "head");
  element(head, "meta", {{"charset", "utf-8"}});
  element_text(head, "title", title);
  if (book.has_stylesheet) element(head, "link", {{"rel", "stylesheet"}, {"type", "text/css"}, {"href", kStylesheetHref}});
  out.body = element(html, "body");
  return out;
}

std::string section_label(const Section& section) {
  return section.number.empty() ? section.title : section.number + " " + section.title;
}

// Nested <ol> of a chapter's sections by heading level (a `###` goes inside the `##` above it).
void append_section_list(xmlNodePtr li, const Chapter& chapter) {
  const std::string href = chapter.stem + ".xhtml";
  struct Open {
    int level;
    xmlNodePtr list;
    xmlNodePtr last_item;
  };
  std::vector<Open> stack;
  for (const Section& section : chapter.sections) {
    while (!stack.empty() && stack.back().level > section.level) stack.pop_back();
    if (stack.empty() || stack.back().level < section.level) {
      xmlNodePtr parent = stack.empty() ? li : stack.back().last_item;
      if (!parent) parent = li;
      stack.push_back({section.level, element(parent, "ol"), nullptr});
    }
    xmlNodePtr item = element(stack.back().list, "li");
    element_text(item, "a", section_label(section), {{"href", section.anchor.empty() ? href : href + "#" + section.anchor}});
    stack.back().last_item = item;
  }
}

std::string edition_line(const EpubBookContext& book) { return book.edition_title; }

// The book packages no image files (a renderer reads no files; see docs/epub.md), so an image
// becomes its alternative text instead of a reference to a resource the book lacks.
void replace_images_with_text(xmlNodePtr node) {
  for (xmlNodePtr child = node->children; child;) {
    xmlNodePtr next = child->next;
    if (child->type == XML_ELEMENT_NODE && xmlStrEqual(child->name, X("img"))) {
      xmlChar* alt = xmlGetProp(child, X("alt"));
      xmlNodePtr span = xmlNewDocNode(child->doc, child->ns, X("span"), nullptr);
      xmlSetProp(span, X("class"), X("image-alt"));
      if (alt && *alt) append_text(span, reinterpret_cast<const char*>(alt));
      xmlFree(alt);
      xmlFreeNode(xmlReplaceNode(child, span));
    } else if (child->type == XML_ELEMENT_NODE) {
      replace_images_with_text(child);
    }
    child = next;
  }
}

}  // namespace

std::vector<std::string> chapter_kinds(const std::vector<Chapter>& chapters) {
  std::vector<std::string> kinds(chapters.size(), "chapter");
  const auto first = std::find_if(chapters.begin(), chapters.end(), [](const Chapter& c) { return !c.number.empty(); });
  if (first == chapters.end()) return kinds;
  const auto last = std::find_if(chapters.rbegin(), chapters.rend(), [](const Chapter& c) { return !c.number.empty(); });
  const auto first_index = static_cast<std::size_t>(first - chapters.begin());
  const auto last_index = chapters.size() - 1 - static_cast<std::size_t>(last - chapters.rbegin());
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    if (!chapters[i].number.empty()) continue;
    if (i < first_index) kinds[i] = "preface";
    else if (i > last_index) kinds[i] = "appendix";
  }
  return kinds;
}

std::string title_page_document(const EpubBookContext& book) {
  ContentDocument d = content_document(book, book.title);
  xmlNodePtr section = element(d.body, "section", {{"class", "titlepage"}, {"aria-labelledby", "book_title"}});
  set_epub_type(section, d.epub, "titlepage");
  element_text(section, "h1", book.title, {{"id", "book_title"}});
  element_text(section, "p", edition_line(book), {{"class", "edition"}});
  if (book.edition.status != "published") element_text(section, "p", book.text.draft, {{"class", "status"}});
  if (auto it = book.project.publisher.find(book.lang); it != book.project.publisher.end())
    element_text(section, "p", it->second, {{"class", "publisher"}});
  if (book.edition.adopted) {
    xmlNodePtr p = element(section, "p", {{"class", "adopted"}});
    append_text(p, book.text.adopted + " ");
    element_text(p, "time", long_date(*book.edition.adopted, book.lang), {{"datetime", book.edition.adopted->iso()}});
  }
  if (book.edition.valid_from || book.edition.valid_to) {
    const std::string from = book.edition.valid_from ? std::to_string(*book.edition.valid_from) : "";
    const std::string to = book.edition.valid_to ? std::to_string(*book.edition.valid_to) : "";
    element_text(section, "p", fmt::format("{} {}\u2013{}", book.text.valid, from, to), {{"class", "valid"}});
  }
  if (!book.edition.errata.empty()) {
    xmlNodePtr errata = element(section, "section", {{"class", "errata"}, {"role", "doc-errata"}, {"aria-labelledby", "book_errata"}});
    set_epub_type(errata, d.epub, "errata");
    element_text(errata, "h2", book.text.errata, {{"id", "book_errata"}});
    xmlNodePtr list = element(errata, "ul");
    for (const std::string& erratum : book.edition.errata) element_text(list, "li", erratum);
  }
  return serialize_document(d.doc.get());
}

std::string nav_document(const EpubBookContext& book, const std::vector<Chapter>& chapters, const std::vector<std::string>& kinds) {
  ContentDocument d = content_document(book, book.text.contents);
  xmlNodePtr toc = element(d.body, "nav", {{"id", "toc"}, {"role", "doc-toc"}, {"aria-labelledby", "toc_title"}});
  set_epub_type(toc, d.epub, "toc");
  element_text(toc, "h1", book.text.contents, {{"id", "toc_title"}});
  xmlNodePtr list = element(toc, "ol");
  element_text(element(list, "li"), "a", book.text.title_page, {{"href", kTitlePageHref}});
  for (const Chapter& chapter : chapters) {
    xmlNodePtr li = element(list, "li");
    element_text(li, "a", chapter.label(), {{"href", chapter.stem + ".xhtml"}});
    append_section_list(li, chapter);
  }
  if (book.has_glossary) element_text(element(list, "li"), "a", book.text.glossary, {{"href", kGlossaryHref}});

  xmlNodePtr landmarks = element(d.body, "nav", {{"hidden", "hidden"}, {"aria-labelledby", "landmarks_title"}});
  set_epub_type(landmarks, d.epub, "landmarks");
  element_text(landmarks, "h2", book.text.landmarks, {{"id", "landmarks_title"}});
  xmlNodePtr marks = element(landmarks, "ol");
  auto landmark = [&](const std::string& type, const std::string& label, const std::string& href) {
    xmlNodePtr a = element_text(element(marks, "li"), "a", label, {{"href", href}});
    set_epub_type(a, d.epub, type);
  };
  landmark("titlepage", book.text.title_page, kTitlePageHref);
  landmark("toc", book.text.contents, std::string(kNavHref) + "#toc");
  if (!chapters.empty()) {
    auto body = std::find(kinds.begin(), kinds.end(), "chapter");
    const std::size_t index = body == kinds.end() ? 0 : static_cast<std::size_t>(body - kinds.begin());
    landmark("bodymatter", book.text.start_of_content, chapters[index].stem + ".xhtml");
  }
  if (book.has_glossary) landmark("glossary", book.text.glossary, kGlossaryHref);
  return serialize_document(d.doc.get());
}

std::string chapter_document(const EpubBookContext& book, const Chapter& chapter, const std::string& kind) {
  ContentDocument d = content_document(book, chapter.label());
  const std::string heading_id = "title_" + chapter.stem;  // `_`: cannot clash with an editor's anchor
  xmlNodePtr section =
      element(d.body, "section", {{"id", chapter.stem}, {"class", kind}, {"role", "doc-" + kind}, {"aria-labelledby", heading_id}});
  set_epub_type(section, d.epub, kind);
  xmlNodePtr h1 = element(section, "h1", {{"id", heading_id}});
  if (!chapter.number.empty()) {
    element_text(h1, "span", chapter.number, {{"class", "chapno"}});
    append_text(h1, " ");
  }
  append_text(h1, chapter.title);

  MarkdownXmlContext ctx;
  ctx.lang = book.lang;
  ctx.quotes = quote_marks_for(book.lang);
  ctx.links = &chapter.links;
  ctx.term_links = &chapter.term_links;
  ctx.term_hits = &chapter.term_hits;
  ctx.sections = &chapter.sections;
  ctx.target_href = [](const LinkTarget& target) {
    return target.chapter_stem + ".xhtml" + (target.anchor.empty() ? "" : "#" + target.anchor);
  };
  if (book.has_glossary) {
    const Project& project = book.project;
    ctx.term_href = [&project](const std::string& id) {
      return project.find_term(id) ? std::string(kGlossaryHref) + "#term-" + id : std::string(kGlossaryHref);
    };
  }
  ctx.id_prefix = "note_";
  ctx.epub = true;
  if (chapter.doc) append_document(section, chapter.doc.root(), ctx);
  replace_images_with_text(section);
  return serialize_document(d.doc.get());
}

}  // namespace leitbild
