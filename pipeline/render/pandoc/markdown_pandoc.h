#pragma once
// The resolved cmark-gfm AST -> Pandoc JSON blocks and inlines, the Office counterpart of
// render/xhtml/markdown_xml.h: cross-references come from Chapter::links (internal links to the
// target's identifier), glossary terms from term_links/term_hits (Span class "term"), section
// numbers from Chapter::sections (written into the heading text), quotes from the language's
// typography. Raw HTML is dropped, as everywhere.
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/project.h"
#include "render/pandoc/pandoc_json.h"
#include "render/xhtml/typography.h"

struct cmark_node;

namespace leitbild {

struct MarkdownPandocContext {
  LanguageTag lang;
  QuoteMarks quotes;
  const std::unordered_map<cmark_node*, LinkTarget>* links = nullptr;
  const std::unordered_map<cmark_node*, std::string>* term_links = nullptr;
  const std::unordered_map<cmark_node*, std::vector<TermHit>>* term_hits = nullptr;
  const std::vector<Section>* sections = nullptr;  // heading identifiers and numbers
  // Where footnote definitions are looked up (the chapter's or deck text's document node).
  cmark_node* footnote_root = nullptr;
  // Cross-references become links to "#<identifier>" when true (one document holds every
  // target); otherwise a Span class "xref" keeps their text (slides: the edition is elsewhere).
  bool link_cross_references = true;
  // Slides: headings inside a slide's body become bold paragraphs instead of pandoc headers
  // (which pandoc would turn into new slides).
  bool headings_as_paragraphs = false;
};

// The pandoc identifier of a cross-reference target: the section anchor, or the chapter stem.
std::string target_identifier(const LinkTarget& target);

// Every block child of `container` (a document, block quote, list item, footnote definition).
pandoc::Json pandoc_blocks(cmark_node* container, const MarkdownPandocContext& ctx);
// The given blocks, in order (a slide's body or notes).
pandoc::Json pandoc_blocks(const std::vector<cmark_node*>& blocks, const MarkdownPandocContext& ctx);
// The inline children of `node` (a heading's or paragraph's content).
pandoc::Json pandoc_inlines(cmark_node* node, const MarkdownPandocContext& ctx);

}  // namespace leitbild
