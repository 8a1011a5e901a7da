#include "model/markdown.h"

#include <cmark-gfm.h>

#include <algorithm>

namespace leitbild {

void CmarkNodeFree::operator()(cmark_node* node) const {
  if (node) cmark_node_free(node);
}

MarkdownDocument::MarkdownDocument(cmark_node* root) : root_(root) {
  if (!root) return;
  // cmark's iterator sends leaf nodes an ENTER event only.
  auto is_leaf = [](cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HTML_BLOCK: case CMARK_NODE_THEMATIC_BREAK: case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_TEXT: case CMARK_NODE_SOFTBREAK: case CMARK_NODE_LINEBREAK:
      case CMARK_NODE_CODE: case CMARK_NODE_HTML_INLINE:
        return true;
      default:
        return false;
    }
  };
  int depth = 0;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_EXIT) {
      --depth;
      continue;
    }
    if (ev != CMARK_EVENT_ENTER) continue;
    nesting_depth_ = std::max(nesting_depth_, ++depth);
    if (is_leaf(node)) --depth;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LINK: case CMARK_NODE_IMAGE: case CMARK_NODE_HTML_BLOCK: case CMARK_NODE_HTML_INLINE:
        links_images_html_.push_back(node);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
}

std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* cur = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(cur)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(cur)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return out;
}

std::string node_type_name(cmark_node* node) {
  const char* name = cmark_node_get_type_string(node);
  return name ? name : "";
}

}  // namespace leitbild
