#include "render/xhtml/markdown_xml.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>

#include "render/xhtml/xml_tree.h"

namespace leitbild {

namespace {

std::string literal(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s ? s : "";
}

std::string lowercase_ascii(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)) && !std::iscntrl(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Writer {
 public:
  explicit Writer(const MarkdownXmlContext& ctx) : ctx_(ctx) {}

  void block(xmlNodePtr parent, cmark_node* node, bool tight = false);
  void inlines(xmlNodePtr parent, cmark_node* node);

 private:
  void inline_node(xmlNodePtr parent, cmark_node* node);
  void text(xmlNodePtr parent, cmark_node* node);
  void heading(xmlNodePtr parent, cmark_node* node);
  void table(xmlNodePtr parent, cmark_node* node);
  void link(xmlNodePtr parent, cmark_node* node);
  void term_link(xmlNodePtr parent, const std::string& id, const std::function<void(xmlNodePtr)>& content);
  void children_blocks(xmlNodePtr parent, cmark_node* node, bool tight);

  const MarkdownXmlContext& ctx_;
  QuoteState quotes_;
  std::vector<std::pair<std::string, cmark_node*>> footnotes_;
};

void Writer::children_blocks(xmlNodePtr parent, cmark_node* node, bool tight) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) block(parent, child, tight);
}

void Writer::block(xmlNodePtr parent, cmark_node* node, bool tight) {
  quotes_ = QuoteState{};
  const std::string type = node_type_name(node);
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT:
      children_blocks(parent, node, false);
      return;
    case CMARK_NODE_PARAGRAPH:
      if (tight) inlines(parent, node);
      else inlines(element(parent, "p"), node);
      return;
    case CMARK_NODE_HEADING:
      heading(parent, node);
      return;
    case CMARK_NODE_BLOCK_QUOTE:
      children_blocks(element(parent, "blockquote"), node, false);
      return;
    case CMARK_NODE_LIST: {
      const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
      xmlNodePtr list = element(parent, ordered ? "ol" : "ul");
      if (ordered && cmark_node_get_list_start(node) != 1)
        set_attribute(list, "start", std::to_string(cmark_node_get_list_start(node)));
      const bool tight_list = cmark_node_get_list_tight(node) != 0;
      for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
        xmlNodePtr li = element(list, "li");
        if (node_type_name(item) == "tasklist") {
          const bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
          xmlNodePtr box = element(li, "input", {{"type", "checkbox"}, {"disabled", "disabled"}});
          if (checked) set_attribute(box, "checked", "checked");
          set_attribute(box, "aria-label", checked ? "erledigt / gedaan" : "offen / open");
          append_text(li, " ");
        }
        children_blocks(li, item, tight_list);
      }
      return;
    }
    case CMARK_NODE_ITEM:
      children_blocks(element(parent, "li"), node, tight);
      return;
    case CMARK_NODE_CODE_BLOCK: {
      xmlNodePtr code = element(element(parent, "pre"), "code");
      std::string info = cmark_node_get_fence_info(node) ? cmark_node_get_fence_info(node) : "";
      info = info.substr(0, info.find(' '));
      if (!info.empty() && std::all_of(info.begin(), info.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }))
        set_attribute(code, "class", "language-" + info);
      append_text(code, literal(node));
      return;
    }
    case CMARK_NODE_THEMATIC_BREAK:
      element(parent, "hr");
      return;
    case CMARK_NODE_HTML_BLOCK:
      return;  // dropped: see the header
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return;  // written by write_footnotes after the body
    default:
      break;
  }
  if (type == "table") {
    table(parent, node);
    return;
  }
  children_blocks(parent, node, tight);  // unknown extension blocks: keep their content
}

void Writer::heading(xmlNodePtr parent, cmark_node* node) {
  const int level = std::clamp(cmark_node_get_heading_level(node) + ctx_.heading_shift, 1, 6);
  xmlNodePtr h = element(parent, fmt::format("h{}", level));
  if (ctx_.sections) {
    for (const Section& section : *ctx_.sections) {
      if (section.heading != node) continue;
      set_attribute(h, "id", section.anchor);
      if (!section.number.empty()) {
        element_text(h, "span", section.number, {{"class", "secno"}});
        append_text(h, " ");
      }
      break;
    }
  }
  inlines(h, node);
}

void Writer::table(xmlNodePtr parent, cmark_node* node) {
  xmlNodePtr table = element(parent, "table");
  const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
  const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
  xmlNodePtr body = nullptr;
  for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
    const bool header = cmark_gfm_extensions_get_table_row_is_header(row);
    xmlNodePtr section = header ? element(table, "thead") : (body ? body : (body = element(table, "tbody")));
    xmlNodePtr tr = element(section, "tr");
    int column = 0;
    for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++column) {
      quotes_ = QuoteState{};
      xmlNodePtr td = element(tr, header ? "th" : "td");
      if (header) set_attribute(td, "scope", "col");
      if (alignments && column < columns) {
        switch (alignments[column]) {
          case 'l': set_attribute(td, "class", "align-left"); break;
          case 'c': set_attribute(td, "class", "align-center"); break;
          case 'r': set_attribute(td, "class", "align-right"); break;
          default: break;
        }
      }
      inlines(td, cell);
    }
  }
}

void Writer::inlines(xmlNodePtr parent, cmark_node* node) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) inline_node(parent, child);
}

void Writer::term_link(xmlNodePtr parent, const std::string& id, const std::function<void(xmlNodePtr)>& content) {
  if (!ctx_.term_href) {
    content(element(parent, "span", {{"class", "term"}}));
    return;
  }
  content(element(parent, "a", {{"class", "term"}, {"href", ctx_.term_href(id)}}));
}

void Writer::text(xmlNodePtr parent, cmark_node* node) {
  const std::string text = literal(node);
  const std::vector<TermHit>* hits = nullptr;
  if (ctx_.term_hits)
    if (auto it = ctx_.term_hits->find(node); it != ctx_.term_hits->end()) hits = &it->second;
  if (!hits) {
    append_text(parent, typographic_quotes(text, ctx_.quotes, quotes_));
    return;
  }
  std::size_t pos = 0;
  for (const TermHit& hit : *hits) {
    if (hit.offset < pos || hit.offset + hit.length > text.size()) continue;
    append_text(parent, typographic_quotes(std::string_view(text).substr(pos, hit.offset - pos), ctx_.quotes, quotes_));
    const std::string word = typographic_quotes(std::string_view(text).substr(hit.offset, hit.length), ctx_.quotes, quotes_);
    // An explicit mark's text is already inside its `term:` link: a second link would nest <a>.
    if (hit.first_in_section && !hit.explicit_mark) term_link(parent, hit.term_id, [&](xmlNodePtr n) { append_text(n, word); });
    else append_text(parent, word);
    pos = hit.offset + hit.length;
  }
  append_text(parent, typographic_quotes(std::string_view(text).substr(pos), ctx_.quotes, quotes_));
}

void Writer::link(xmlNodePtr parent, cmark_node* node) {
  if (ctx_.term_links)
    if (auto it = ctx_.term_links->find(node); it != ctx_.term_links->end()) {
      term_link(parent, it->second, [&](xmlNodePtr n) { inlines(n, node); });
      return;
    }
  if (ctx_.links)
    if (auto it = ctx_.links->find(node); it != ctx_.links->end()) {
      xmlNodePtr a = element(parent, "a", {{"class", "xref"}, {"href", ctx_.target_href ? ctx_.target_href(it->second) : "#" + it->second.anchor}});
      inlines(a, node);
      return;
    }
  const std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
  if (url.starts_with("#") || url.starts_with("term:") || !is_safe_url(url)) {
    inlines(parent, node);  // unresolved or unsafe: keep the words, drop the link
    return;
  }
  xmlNodePtr a = element(parent, "a", {{"href", url}});
  if (const char* title = cmark_node_get_title(node); title && *title) set_attribute(a, "title", title);
  inlines(a, node);
}

void Writer::inline_node(xmlNodePtr parent, cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
      text(parent, node);
      return;
    case CMARK_NODE_SOFTBREAK:
      append_text(parent, "\n");
      quotes_.after_space = true;
      return;
    case CMARK_NODE_LINEBREAK:
      element(parent, "br");
      quotes_.after_space = true;
      return;
    case CMARK_NODE_CODE:
      element_text(parent, "code", literal(node));
      quotes_.after_space = false;
      return;
    case CMARK_NODE_HTML_INLINE:
      return;  // dropped
    case CMARK_NODE_EMPH:
      inlines(element(parent, "em"), node);
      return;
    case CMARK_NODE_STRONG:
      inlines(element(parent, "strong"), node);
      return;
    case CMARK_NODE_LINK:
      link(parent, node);
      return;
    case CMARK_NODE_IMAGE: {
      const std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
      if (!is_safe_url(url) || url.starts_with("#")) return;
      xmlNodePtr img = element(parent, "img", {{"src", url}, {"alt", plain_text(node)}});
      if (const char* title = cmark_node_get_title(node); title && *title) set_attribute(img, "title", title);
      return;
    }
    case CMARK_NODE_FOOTNOTE_REFERENCE: {
      const std::string label = literal(node);
      auto it = std::find_if(footnotes_.begin(), footnotes_.end(), [&](auto& f) { return f.first == label; });
      std::size_t number = it == footnotes_.end() ? footnotes_.size() + 1 : static_cast<std::size_t>(it - footnotes_.begin()) + 1;
      if (it == footnotes_.end()) footnotes_.emplace_back(label, nullptr);
      xmlNodePtr sup = element(parent, "sup");
      xmlNodePtr a = element_text(sup, "a", std::to_string(number),
                                  {{"href", "#" + ctx_.id_prefix + "fn-" + std::to_string(number)},
                                   {"id", ctx_.id_prefix + "fnref-" + std::to_string(number)},
                                   {"role", "doc-noteref"}});
      if (ctx_.epub) xmlSetProp(a, reinterpret_cast<const xmlChar*>("epub:type"), reinterpret_cast<const xmlChar*>("noteref"));
      return;
    }
    default:
      break;
  }
  if (node_type_name(node) == "strikethrough") {
    inlines(element(parent, "del"), node);
    return;
  }
  inlines(parent, node);
}

}  // namespace

bool is_safe_url(std::string_view url) {
  const std::string lower = lowercase_ascii(url);
  auto colon = lower.find(':');
  if (colon == std::string::npos) return true;  // relative
  auto slash = lower.find_first_of("/?#");
  if (slash != std::string::npos && slash < colon) return true;  // "a/b:c" is a path
  const std::string scheme = lower.substr(0, colon);
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

namespace {

// Footnote definitions are collected while writing and emitted as one endnote list at the end.
void write_footnotes(xmlNodePtr parent, cmark_node* document, const MarkdownXmlContext& ctx) {
  std::vector<cmark_node*> definitions;
  for (cmark_node* n = cmark_node_first_child(document); n; n = cmark_node_next(n))
    if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) definitions.push_back(n);
  if (definitions.empty()) return;
  xmlNodePtr section = element(parent, "section", {{"class", "footnotes"}, {"role", "doc-endnotes"}});
  if (ctx.epub) xmlSetProp(section, reinterpret_cast<const xmlChar*>("epub:type"), reinterpret_cast<const xmlChar*>("endnotes"));
  xmlNodePtr list = element(section, "ol");
  int number = 0;
  for (cmark_node* def : definitions) {
    ++number;
    xmlNodePtr li = element(list, "li", {{"id", ctx.id_prefix + "fn-" + std::to_string(number)}});
    if (ctx.epub) xmlSetProp(li, reinterpret_cast<const xmlChar*>("epub:type"), reinterpret_cast<const xmlChar*>("endnote"));
    Writer writer(ctx);
    for (cmark_node* child = cmark_node_first_child(def); child; child = cmark_node_next(child)) writer.block(li, child);
    xmlNodePtr back = element_text(li, "a", "\u21A9", {{"href", "#" + ctx.id_prefix + "fnref-" + std::to_string(number)},
                                                       {"role", "doc-backlink"}});
    set_attribute(back, "aria-label", ctx.lang == "de" ? "zurück zum Text" : ctx.lang == "nl" ? "terug naar de tekst" : "back");
  }
}

}  // namespace

void append_block(xmlNodePtr parent, cmark_node* block, const MarkdownXmlContext& ctx) {
  Writer writer(ctx);
  writer.block(parent, block);
}

void append_document(xmlNodePtr parent, cmark_node* document, const MarkdownXmlContext& ctx) {
  Writer writer(ctx);
  writer.block(parent, document);
  write_footnotes(parent, document, ctx);
}

void append_inlines(xmlNodePtr parent, cmark_node* node, const MarkdownXmlContext& ctx) {
  Writer writer(ctx);
  writer.inlines(parent, node);
}

}  // namespace leitbild
