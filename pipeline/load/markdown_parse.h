#pragma once
#include <string_view>

#include "model/markdown.h"

namespace leitbild {

// Parses GitHub-flavoured Markdown (table, strikethrough, autolink, tagfilter, tasklist,
// footnotes) with cmark-gfm. Source positions are kept on every block node.
MarkdownDocument parse_markdown(std::string_view text);

// Deepest nesting of container blocks (lists, items, block quotes): renderers recurse on it.
int nesting_depth(cmark_node* root);
inline constexpr int kMaxNestingDepth = 64;

}  // namespace leitbild
