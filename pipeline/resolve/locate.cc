#include "resolve/locate.h"

#include <cmark-gfm.h>

namespace leitbild {

SourceLocation locate_in_block(const std::string& file, const std::string& body, int first_line, cmark_node* node,
                               std::string_view needle) {
  cmark_node* block = node;
  while (block && cmark_node_get_start_line(block) <= 0) block = cmark_node_parent(block);
  if (!block) return {file, first_line, 1};
  const int start = cmark_node_get_start_line(block);
  const int end = std::max(start, cmark_node_get_end_line(block));
  // Find the byte offset of line `start`.
  std::size_t pos = 0;
  for (int line = 1; line < start && pos != std::string::npos; ++line) {
    pos = body.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  SourceLocation fallback{file, first_line + start - 1, std::max(1, cmark_node_get_start_column(block))};
  if (pos == std::string::npos) return fallback;
  for (int line = start; line <= end && pos < body.size(); ++line) {
    std::size_t eol = body.find('\n', pos);
    std::string_view text(body.data() + pos, (eol == std::string::npos ? body.size() : eol) - pos);
    if (!needle.empty()) {
      if (auto col = text.find(needle); col != std::string_view::npos)
        return {file, first_line + line - 1, static_cast<int>(col) + 1, first_line + line - 1,
                static_cast<int>(col + needle.size()) + 1};
    }
    if (eol == std::string::npos) break;
    pos = eol + 1;
  }
  return fallback;
}

}  // namespace leitbild
