// The glossary as its own content document, from the shared glossary index: entries in the book
// language's dictionary order under letter headings, each a <dt><dfn> with a <dd> holding the
// definition, the term in the other languages, the retired words and links to the sections of
// this edition that use it.
#include "render/epub/epub_book.h"
#include "render/xhtml/xml_tree.h"
#include "resolve/glossary_index.h"

namespace leitbild {

std::string glossary_document(const EpubBookContext& book) {
  const GlossaryIndex index = glossary_index(book.project, book.lang, book.edition.number);

  xmlNodePtr html = nullptr;
  XmlDocument doc = new_xhtml_document(book.lang, &html);
  xmlNsPtr epub = declare_epub_namespace(html);
  xmlNodePtr head = element(html, "head");
  element(head, "meta", {{"charset", "utf-8"}});
  element_text(head, "title", book.text.glossary);
  if (book.has_stylesheet) element(head, "link", {{"rel", "stylesheet"}, {"type", "text/css"}, {"href", kStylesheetHref}});
  xmlNodePtr body = element(html, "body");
  xmlNodePtr glossary = element(body, "section", {{"class", "glossary"}, {"role", "doc-glossary"}, {"aria-labelledby", "glossary_title"}});
  xmlSetNsProp(glossary, epub, reinterpret_cast<const xmlChar*>("type"), reinterpret_cast<const xmlChar*>("glossary"));
  element_text(glossary, "h1", book.text.glossary, {{"id", "glossary_title"}});

  int group = 0;
  for (const GlossaryLetter& letter : index.letters) {
    // `_`: generated ids cannot clash with term ids ("term-…").
    const std::string id = "letter_" + std::to_string(++group);
    xmlNodePtr section = element(glossary, "section", {{"aria-labelledby", id}});
    element_text(section, "h2", letter.label, {{"id", id}});
    xmlNodePtr list = element(section, "dl");
    for (const GlossaryIndexEntry& entry : letter.entries) {
      element_text(element(list, "dt", {{"id", "term-" + entry.id}}), "dfn", entry.term);
      xmlNodePtr dd = element(list, "dd");
      element_text(dd, "p", entry.definition);
      if (!entry.counterparts.empty()) {
        xmlNodePtr others = element(dd, "p", {{"class", "term-other-languages"}});
        append_text(others, book.text.other_languages);
        for (std::size_t i = 0; i < entry.counterparts.size(); ++i) {
          const GlossaryCounterpart& other = entry.counterparts[i];
          append_text(others, (i ? "; " : " ") + other.lang + ": ");
          element_text(others, "span", other.term, {{"lang", other.lang}, {"xml:lang", other.lang}});
        }
      }
      if (!entry.deprecated.empty()) {
        xmlNodePtr retired = element(dd, "p", {{"class", "term-deprecated"}});
        append_text(retired, book.text.deprecated + " ");
        for (std::size_t i = 0; i < entry.deprecated.size(); ++i) {
          if (i) append_text(retired, ", ");
          element_text(retired, "s", entry.deprecated[i]);
        }
      }
      bool any_use = false;
      xmlNodePtr uses = nullptr;
      for (const GlossaryUse& use : entry.uses) {
        if (use.edition != book.edition.number) continue;
        if (!any_use) {
          uses = element(dd, "p", {{"class", "term-uses"}});
          append_text(uses, book.text.used_in + " ");
          any_use = true;
        } else {
          append_text(uses, ", ");
        }
        const std::string href = use.chapter_stem + ".xhtml" + (use.section_anchor.empty() ? "" : "#" + use.section_anchor);
        element_text(uses, "a", use.label(), {{"href", href}});
      }
    }
  }
  return serialize_document(doc.get());
}

}  // namespace leitbild
