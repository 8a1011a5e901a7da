#include "load/markdown_parse.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <mutex>

namespace leitbild {

MarkdownDocument parse_markdown(std::string_view text) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_node* root = nullptr;
  {
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
    root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
  }
  return MarkdownDocument(root);  // walks the tree: outside the lock
}

}  // namespace leitbild
