#include "model/markdown.h"

#include <cmark-gfm.h>

namespace leitbild {

void CmarkNodeFree::operator()(cmark_node* node) const {
  if (node) cmark_node_free(node);
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
