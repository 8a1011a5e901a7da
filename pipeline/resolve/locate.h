#pragma once
// Inline nodes carry no reliable source positions in cmark-gfm 0.29, so diagnostics about links
// and terms find their spot by searching the text of the enclosing block.
#include <string>
#include <string_view>

#include "model/diagnostic.h"

struct cmark_node;

namespace leitbild {

// `body` is the Markdown cmark parsed; its line 1 is line `first_line` of `file`.
SourceLocation locate_in_block(const std::string& file, const std::string& body, int first_line, cmark_node* node,
                               std::string_view needle);

}  // namespace leitbild
