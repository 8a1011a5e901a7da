#include "load/front_matter.h"

namespace leitbild {

std::optional<FrontMatterSplit> split_front_matter(std::string_view text, bool* unclosed) {
  if (unclosed) *unclosed = false;
  auto first_line_end = text.find('\n');
  std::string_view first = text.substr(0, first_line_end);
  while (!first.empty() && (first.back() == ' ' || first.back() == '\t')) first.remove_suffix(1);
  if (first != "---") return std::nullopt;
  if (first_line_end == std::string_view::npos) {
    if (unclosed) *unclosed = true;
    return std::nullopt;
  }
  std::size_t pos = first_line_end + 1;
  int line = 2;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view current = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    std::string_view trimmed = current;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.remove_suffix(1);
    if (trimmed == "---" || trimmed == "...") {
      FrontMatterSplit split;
      split.yaml = std::string(text.substr(first_line_end + 1, pos - first_line_end - 1));
      split.body = end == std::string_view::npos ? std::string() : std::string(text.substr(end + 1));
      split.body_first_line = line + 1;
      return split;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  if (unclosed) *unclosed = true;
  return std::nullopt;
}

}  // namespace leitbild
