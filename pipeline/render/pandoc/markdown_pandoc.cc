#include "render/pandoc/markdown_pandoc.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <map>
#include <set>

#include "render/xhtml/markdown_xml.h"

namespace leitbild {

namespace {

using pandoc::Json;

std::string literal(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s ? s : "";
}

class Writer {
 public:
  explicit Writer(const MarkdownPandocContext& ctx) : ctx_(ctx) { index_footnotes(); }

  void blocks(Json& out, cmark_node* container, bool tight = false) {
    for (cmark_node* child = cmark_node_first_child(container); child; child = cmark_node_next(child)) block(out, child, tight);
  }
  void block(Json& out, cmark_node* node, bool tight = false);
  Json inlines(cmark_node* node) {
    Json out = Json::array();
    inlines_into(out, node);
    return out;
  }

 private:
  void inlines_into(Json& out, cmark_node* node) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) inline_node(out, child);
  }
  void inline_node(Json& out, cmark_node* node);
  void text(Json& out, cmark_node* node);
  void link(Json& out, cmark_node* node);
  void footnote(Json& out, cmark_node* reference);
  void heading(Json& out, cmark_node* node);
  void list(Json& out, cmark_node* node);
  void table(Json& out, cmark_node* node);
  void index_footnotes();
  void typographic(Json& out, std::string_view text) { pandoc::append_text(out, typographic_quotes(text, ctx_.quotes, quotes_)); }

  const MarkdownPandocContext& ctx_;
  QuoteState quotes_;
  std::set<std::string> open_footnotes_;  // a definition that refers to itself must not recurse
  std::map<std::string, cmark_node*> footnote_definitions_;  // by label
};

// cmark-gfm does not expose a definition's label, but it orders the definitions by first
// reference (as render/xhtml does, too): the n-th label referenced names the n-th definition.
void Writer::index_footnotes() {
  if (!ctx_.footnote_root) return;
  std::vector<std::string> labels;
  cmark_iter* iter = cmark_iter_new(ctx_.footnote_root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE &&
        std::find(labels.begin(), labels.end(), literal(node)) == labels.end())
      labels.push_back(literal(node));
  }
  cmark_iter_free(iter);
  std::size_t next = 0;
  for (cmark_node* n = cmark_node_first_child(ctx_.footnote_root); n && next < labels.size(); n = cmark_node_next(n))
    if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) footnote_definitions_[labels[next++]] = n;
}

void Writer::block(Json& out, cmark_node* node, bool tight) {
  quotes_ = QuoteState{};
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT:
      blocks(out, node);
      return;
    case CMARK_NODE_PARAGRAPH:
      out.push_back(tight ? pandoc::plain(inlines(node)) : pandoc::para(inlines(node)));
      return;
    case CMARK_NODE_HEADING:
      heading(out, node);
      return;
    case CMARK_NODE_BLOCK_QUOTE: {
      Json inner = Json::array();
      blocks(inner, node);
      out.push_back(pandoc::block_quote(std::move(inner)));
      return;
    }
    case CMARK_NODE_LIST:
      list(out, node);
      return;
    case CMARK_NODE_ITEM:
      blocks(out, node, tight);
      return;
    case CMARK_NODE_CODE_BLOCK: {
      std::string info = cmark_node_get_fence_info(node) ? cmark_node_get_fence_info(node) : "";
      info = info.substr(0, info.find(' '));
      std::string code = literal(node);
      if (!code.empty() && code.back() == '\n') code.pop_back();
      std::vector<std::string> classes;
      if (!info.empty()) classes.push_back(info);
      out.push_back(pandoc::code_block(pandoc::attr({}, classes), std::move(code)));
      return;
    }
    case CMARK_NODE_THEMATIC_BREAK:
      out.push_back(pandoc::horizontal_rule());
      return;
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_FOOTNOTE_DEFINITION:  // its content goes into the Note at the reference
      return;
    default:
      break;
  }
  if (node_type_name(node) == "table") {
    table(out, node);
    return;
  }
  blocks(out, node, tight);  // unknown extension blocks: keep their content
}

void Writer::heading(Json& out, cmark_node* node) {
  Json content = inlines(node);
  if (ctx_.headings_as_paragraphs) {
    out.push_back(pandoc::para(Json::array({pandoc::strong(std::move(content))})));
    return;
  }
  std::string identifier;
  if (ctx_.sections) {
    for (const Section& section : *ctx_.sections) {
      if (section.heading != node) continue;
      identifier = section.anchor;
      if (!section.number.empty()) {
        Json numbered = Json::array({pandoc::span(pandoc::attr({}, {"secno"}), Json::array({pandoc::str(section.number)})), pandoc::space()});
        for (Json& inline_node : content) numbered.push_back(std::move(inline_node));
        content = std::move(numbered);
      }
      break;
    }
  }
  // The number is part of the text (as on the site): "unnumbered" keeps pandoc from adding its own.
  out.push_back(pandoc::header(std::clamp(cmark_node_get_heading_level(node), 1, 6), pandoc::attr(identifier, {"unnumbered"}),
                               std::move(content)));
}

void Writer::list(Json& out, cmark_node* node) {
  const bool tight = cmark_node_get_list_tight(node) != 0;
  Json items = Json::array();
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
    Json item_blocks = Json::array();
    blocks(item_blocks, item, tight);
    if (node_type_name(item) == "tasklist") {
      const bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
      Json marker = Json::array({pandoc::str(checked ? "\u2612" : "\u2610"), pandoc::space()});
      Json* first = item_blocks.empty() ? nullptr : pandoc::block_inlines(item_blocks.front());
      if (first) first->insert(first->begin(), marker.begin(), marker.end());
      else item_blocks.insert(item_blocks.begin(), pandoc::plain(std::move(marker)));
    }
    items.push_back(std::move(item_blocks));
  }
  if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
    out.push_back(pandoc::ordered_list(cmark_node_get_list_start(node), cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM,
                                       std::move(items)));
  else
    out.push_back(pandoc::bullet_list(std::move(items)));
}

void Writer::table(Json& out, cmark_node* node) {
  const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
  const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
  std::vector<char> align(columns, 0);
  for (uint16_t c = 0; alignments && c < columns; ++c) align[c] = static_cast<char>(alignments[c]);
  std::vector<Json> head, body;
  for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
    Json cells = Json::array();
    for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
      quotes_ = QuoteState{};
      Json content = inlines(cell);
      cells.push_back(content.empty() ? Json::array() : Json::array({pandoc::plain(std::move(content))}));
    }
    while (cells.size() < columns) cells.push_back(Json::array());
    (cmark_gfm_extensions_get_table_row_is_header(row) ? head : body).push_back(std::move(cells));
  }
  out.push_back(pandoc::table(align, head, body));
}

void Writer::text(Json& out, cmark_node* node) {
  const std::string text = literal(node);
  const std::vector<TermHit>* hits = nullptr;
  if (ctx_.term_hits)
    if (auto it = ctx_.term_hits->find(node); it != ctx_.term_hits->end()) hits = &it->second;
  if (!hits) {
    typographic(out, text);
    return;
  }
  std::size_t pos = 0;
  for (const TermHit& hit : *hits) {
    // Retired words are not glossary terms; explicit marks are wrapped at their link already.
    if (hit.deprecated || hit.explicit_mark) continue;
    if (hit.offset < pos || hit.offset + hit.length > text.size()) continue;
    typographic(out, std::string_view(text).substr(pos, hit.offset - pos));
    Json word = Json::array();
    typographic(word, std::string_view(text).substr(hit.offset, hit.length));
    out.push_back(pandoc::span(pandoc::attr({}, {"term"}, {{"data-term", hit.term_id}}), std::move(word)));
    pos = hit.offset + hit.length;
  }
  typographic(out, std::string_view(text).substr(pos));
}

void Writer::link(Json& out, cmark_node* node) {
  if (ctx_.term_links)
    if (auto it = ctx_.term_links->find(node); it != ctx_.term_links->end()) {
      out.push_back(pandoc::span(pandoc::attr({}, {"term"}, {{"data-term", it->second}}), inlines(node)));
      return;
    }
  if (ctx_.links)
    if (auto it = ctx_.links->find(node); it != ctx_.links->end()) {
      if (ctx_.link_cross_references)
        out.push_back(pandoc::link(pandoc::attr({}, {"xref"}), inlines(node), "#" + target_identifier(it->second)));
      else
        out.push_back(pandoc::span(pandoc::attr({}, {"xref"}), inlines(node)));
      return;
    }
  const std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
  if (url.starts_with("#") || url.starts_with("term:") || !is_safe_url(url)) {
    inlines_into(out, node);  // unresolved or unsafe: keep the words, drop the link
    return;
  }
  const std::string title = cmark_node_get_title(node) ? cmark_node_get_title(node) : "";
  out.push_back(pandoc::link(pandoc::attr(), inlines(node), url, title));
}

void Writer::footnote(Json& out, cmark_node* reference) {
  const std::string label = literal(reference);
  auto found = footnote_definitions_.find(label);
  if (found == footnote_definitions_.end() || open_footnotes_.contains(label)) return;
  cmark_node* definition = found->second;
  open_footnotes_.insert(label);
  const QuoteState saved = quotes_;
  Json content = Json::array();
  blocks(content, definition);
  quotes_ = saved;
  open_footnotes_.erase(label);
  out.push_back(pandoc::note(std::move(content)));
}

void Writer::inline_node(Json& out, cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
      text(out, node);
      return;
    case CMARK_NODE_SOFTBREAK:
      out.push_back(pandoc::soft_break());
      quotes_.after_space = true;
      return;
    case CMARK_NODE_LINEBREAK:
      out.push_back(pandoc::line_break());
      quotes_.after_space = true;
      return;
    case CMARK_NODE_CODE:
      out.push_back(pandoc::code(literal(node)));
      quotes_.after_space = false;
      return;
    case CMARK_NODE_HTML_INLINE:
      return;  // dropped
    case CMARK_NODE_EMPH:
      out.push_back(pandoc::emph(inlines(node)));
      return;
    case CMARK_NODE_STRONG:
      out.push_back(pandoc::strong(inlines(node)));
      return;
    case CMARK_NODE_LINK:
      link(out, node);
      return;
    case CMARK_NODE_IMAGE:
      // Office outputs carry no pictures (a renderer reads no files): the description stays.
      out.push_back(pandoc::span(pandoc::attr({}, {"image"}), inlines(node)));
      return;
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      footnote(out, node);
      return;
    default:
      break;
  }
  if (node_type_name(node) == "strikethrough") {
    out.push_back(pandoc::strikeout(inlines(node)));
    return;
  }
  inlines_into(out, node);
}

}  // namespace

std::string target_identifier(const LinkTarget& target) { return target.anchor.empty() ? target.chapter_stem : target.anchor; }

pandoc::Json pandoc_blocks(cmark_node* container, const MarkdownPandocContext& ctx) {
  Writer writer(ctx);
  Json out = Json::array();
  writer.blocks(out, container);
  return out;
}

pandoc::Json pandoc_blocks(const std::vector<cmark_node*>& blocks, const MarkdownPandocContext& ctx) {
  Writer writer(ctx);
  Json out = Json::array();
  for (cmark_node* node : blocks) writer.block(out, node);
  return out;
}

pandoc::Json pandoc_inlines(cmark_node* node, const MarkdownPandocContext& ctx) {
  Writer writer(ctx);
  return writer.inlines(node);
}

}  // namespace leitbild
