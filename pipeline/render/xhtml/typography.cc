#include "render/xhtml/typography.h"

#include <unicode/ulocdata.h>
#include <unicode/unistr.h>

#include <map>
#include <mutex>

namespace leitbild {

namespace {

std::string delimiter(ULocaleData* data, ULocaleDataDelimiterType type, const char* fallback) {
  UChar buffer[8];
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = ulocdata_getDelimiter(data, type, buffer, 8, &status);
  if (U_FAILURE(status) || length <= 0) return fallback;
  std::string out;
  icu::UnicodeString(buffer, length).toUTF8String(out);
  return out;
}

bool is_opening_context(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == '{' || c == '/' || c == '-';
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

QuoteMarks quote_marks_for(std::string_view language) {
  static std::mutex mutex;
  static std::map<std::string, QuoteMarks, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(language); it != cache.end()) return it->second;
  QuoteMarks marks{"\u201C", "\u201D", "\u2018", "\u2019"};
  UErrorCode status = U_ZERO_ERROR;
  ULocaleData* data = ulocdata_open(std::string(language).c_str(), &status);
  if (U_SUCCESS(status) && data) {
    marks.open = delimiter(data, ULOCDATA_QUOTATION_START, "\u201C");
    marks.close = delimiter(data, ULOCDATA_QUOTATION_END, "\u201D");
    marks.alt_open = delimiter(data, ULOCDATA_ALT_QUOTATION_START, "\u2018");
    marks.alt_close = delimiter(data, ULOCDATA_ALT_QUOTATION_END, "\u2019");
  }
  if (data) ulocdata_close(data);
  cache.emplace(std::string(language), marks);
  return marks;
}

std::string typographic_quotes(std::string_view text, const QuoteMarks& marks, QuoteState& state) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Everything up to the next quote is copied as it is; only its last byte matters for what follows.
    if (const std::size_t quote = text.find_first_of("\"'", i); quote != i) {
      const std::size_t end = quote == std::string_view::npos ? text.size() : quote;
      out.append(text.data() + i, end - i);
      state.after_space = is_opening_context(static_cast<unsigned char>(text[end - 1]));
      i = end - 1;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : ' ';
    if (c == '"') {
      bool open = state.after_space || (state.double_depth == 0 && is_word_byte(next));
      if (open) ++state.double_depth;
      else if (state.double_depth > 0) --state.double_depth;
      out += open ? marks.open : marks.close;
      state.after_space = open;
      continue;
    }
    if (c == '\'') {
      if (!state.after_space && is_word_byte(next) && state.single_depth == 0) {
        out += "\u2019";  // apostrophe inside a word: Münster's, zo'n
      } else if (state.after_space) {
        ++state.single_depth;
        out += is_word_byte(next) && state.single_depth > 0 ? marks.alt_open : "\u2019";
      } else {
        if (state.single_depth > 0) {
          --state.single_depth;
          out += marks.alt_close;
        } else {
          out += "\u2019";
        }
      }
      state.after_space = false;
      continue;
    }
    out += static_cast<char>(c);
    state.after_space = is_opening_context(c);
  }
  return out;
}

}  // namespace leitbild
