#include "resolve/text_segments.h"

namespace leitbild {

std::vector<TextSegment> segments_of(icu::BreakIterator& breaker, std::string_view text) {
  std::vector<TextSegment> out;
  visit_segments(breaker, text, [&](const TextSegment& segment) { out.push_back(segment); });
  return out;
}

}  // namespace leitbild
