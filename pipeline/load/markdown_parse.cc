#include "load/markdown_parse.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <mutex>

namespace leitbild {

MarkdownDocument parse_markdown(std::string_view text) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // cmark-gfm keeps the table of characters that start inlines in a process-wide array, and
  // each parse adds its extensions' characters to it and removes them again
  // (github/cmark-gfm#176): two parses at once lose autolinks. The loader reads files on several
  // threads; the parse itself takes turns.
  static std::mutex one_parse_at_a_time;
  std::lock_guard lock(one_parse_at_a_time);
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* root = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  return MarkdownDocument(root);
}

int nesting_depth(cmark_node* root) {
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
  int deepest = 0;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER) {
      deepest = std::max(deepest, ++depth);
      if (is_leaf(node)) --depth;
    } else if (ev == CMARK_EVENT_EXIT) {
      --depth;
    }
  }
  cmark_iter_free(iter);
  return deepest;
}

}  // namespace leitbild
