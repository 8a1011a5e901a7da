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

// `text` set on a break iterator for as long as this lives (the UText over the UTF-8 bytes is
// closed with it). ok() is false when ICU cannot take the text.
class BreakerOnText {
 public:
  BreakerOnText(icu::BreakIterator& breaker, std::string_view text) : breaker_(breaker) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&ut_, text.data(), static_cast<int64_t>(text.size()), &status);
    breaker_.setText(&ut_, status);
    ok_ = U_SUCCESS(status);
  }
  ~BreakerOnText() { utext_close(&ut_); }
  BreakerOnText(const BreakerOnText&) = delete;
  BreakerOnText& operator=(const BreakerOnText&) = delete;

  bool ok() const { return ok_; }
  icu::BreakIterator& breaker() { return breaker_; }

 private:
  icu::BreakIterator& breaker_;
  UText ut_ = UTEXT_INITIALIZER;
  bool ok_ = false;
};

// Calls visit(TextSegment) for every segment of `text`, in order; none when ICU cannot take the text.
template <typename Visit>
void visit_segments(icu::BreakIterator& breaker, std::string_view text, Visit visit) {
  if (text.empty()) return;
  BreakerOnText on(breaker, text);
  if (!on.ok()) return;
  int32_t start = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next())
    visit(TextSegment{static_cast<std::size_t>(start), static_cast<std::size_t>(end), breaker.getRuleStatus()});
}

// Every segment of `text`, in order; empty when ICU cannot take the text.
std::vector<TextSegment> segments_of(icu::BreakIterator& breaker, std::string_view text);

}  // namespace leitbild
