#pragma once
// The one AST -> XHTML writer that every HTML-like output shares (site, EPUB, slides): cmark-gfm
// blocks and inlines become libxml2 elements; resolved cross-references and glossary terms come
// from the model's side tables; locale typography is applied to text. Raw HTML is dropped
// (see docs/format.md, "Raw HTML"): the checks report it, and the writer never passes it on.
#include <libxml/tree.h>

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/project.h"
#include "render/xhtml/typography.h"

struct cmark_node;

namespace leitbild {

struct MarkdownXmlContext {
  LanguageTag lang;
  QuoteMarks quotes;
  const std::unordered_map<cmark_node*, LinkTarget>* links = nullptr;
  const std::unordered_map<cmark_node*, std::string>* term_links = nullptr;
  const std::unordered_map<cmark_node*, std::vector<TermHit>>* term_hits = nullptr;
  const std::vector<Section>* sections = nullptr;  // gives headings their id and number
  // Where a resolved cross-reference points ("erfolgsfaktoren.html#oeffnung").
  std::function<std::string(const LinkTarget&)> target_href;
  // Where a glossary term links ("glossary.html#term-integrationsrat"); empty: terms not linked.
  std::function<std::string(const std::string& term_id)> term_href;
  // Heading level shift: chapter `##` stays h2 with 0; slides may want another.
  int heading_shift = 0;
  // Prefix for ids this writer makes (footnotes), unique within the output page.
  std::string id_prefix;
  // EPUB wants epub:type on notes; HTML must not have it.
  bool epub = false;
};

// Appends the XHTML for `block` (and its subtree) to `parent`.
void append_block(xmlNodePtr parent, cmark_node* block, const MarkdownXmlContext& ctx);
// Appends every block child of `document` (a chapter body).
void append_document(xmlNodePtr parent, cmark_node* document, const MarkdownXmlContext& ctx);
// Appends the inline children of `node` (a heading's text, a paragraph's content).
void append_inlines(xmlNodePtr parent, cmark_node* node, const MarkdownXmlContext& ctx);

// Only these URL schemes survive into output; anything else (javascript:, data:, vbscript:, ...)
// loses its link. Relative paths and #fragments pass.
bool is_safe_url(std::string_view url);

}  // namespace leitbild
