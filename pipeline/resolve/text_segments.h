#pragma once
// Splitting UTF-8 text with an ICU break iterator, in place: ICU walks the UTF-8 through a UText,
// so offsets are bytes and there is no UTF-16 copy to convert back.
#include <unicode/brkiter.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace leitbild {

struct TextSegment {
  std::size_t begin = 0;  // bytes
  std::size_t end = 0;
  int32_t rule_status = 0;  // for word breakers: UBRK_WORD_NONE and up tell spaces from words
};

// Every segment of `text`, in order; empty when ICU cannot take the text.
std::vector<TextSegment> segments_of(icu::BreakIterator& breaker, std::string_view text);

}  // namespace leitbild
