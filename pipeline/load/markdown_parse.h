#pragma once
#include <string_view>

#include "model/markdown.h"

namespace leitbild {

// Parses GitHub-flavoured Markdown (table, strikethrough, autolink, tagfilter, tasklist,
// footnotes) with cmark-gfm. Source positions are kept on every block node.
MarkdownDocument parse_markdown(std::string_view text);

// The deepest nesting of container blocks (MarkdownDocument::nesting_depth) a text may have.
inline constexpr int kMaxNestingDepth = 64;

}  // namespace leitbild
