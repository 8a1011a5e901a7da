#pragma once
// Splitting UTF-8 text with an ICU break iterator, in place: ICU walks the UTF-8 through a UText,
// so offsets are bytes and there is no UTF-16 copy to convert back.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace leitbild {

struct TextSegment {
  std::size_t begin = 0;  // bytes
  std::size_t end = 0;
  int32_t rule_status = 0;  // for word breakers: UBRK_WORD_NONE and up tell spaces from words
};

// Calls visit(TextSegment) for every segment of `text`, in order; none when ICU cannot take the text.
template <typename Visit>
void visit_segments(icu::BreakIterator& breaker, std::string_view text, Visit visit) {
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  breaker.setText(&ut, status);
  if (U_SUCCESS(status)) {
    int32_t start = breaker.first();
    for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next())
      visit(TextSegment{static_cast<std::size_t>(start), static_cast<std::size_t>(end), breaker.getRuleStatus()});
  }
  utext_close(&ut);
}

// Every segment of `text`, in order; empty when ICU cannot take the text.
std::vector<TextSegment> segments_of(icu::BreakIterator& breaker, std::string_view text);

}  // namespace leitbild
