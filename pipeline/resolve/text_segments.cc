#include "resolve/text_segments.h"

#include <unicode/utext.h>

namespace leitbild {

std::vector<TextSegment> segments_of(icu::BreakIterator& breaker, std::string_view text) {
  std::vector<TextSegment> out;
  if (text.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  breaker.setText(&ut, status);
  if (U_SUCCESS(status)) {
    int32_t start = breaker.first();
    for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next())
      out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end), breaker.getRuleStatus()});
  }
  utext_close(&ut);
  return out;
}

}  // namespace leitbild
