#pragma once
// Locale typography from ICU's locale data: straight quotes in the source become the language's
// quotation marks („…“ and ‚…‘ in German, what CLDR gives for Dutch), apostrophes become ’.
#include <string>
#include <string_view>

namespace leitbild {

struct QuoteMarks {
  std::string open, close, alt_open, alt_close;
};

// From ICU (ulocdata_getDelimiter); falls back to “…” ‘…’ if ICU has nothing for the locale.
QuoteMarks quote_marks_for(std::string_view language);

// Carries what came before across text nodes of one block.
struct QuoteState {
  bool after_space = true;  // at the start of a block or after white space / opening punctuation
  int double_depth = 0;
  int single_depth = 0;
};

std::string typographic_quotes(std::string_view text, const QuoteMarks& marks, QuoteState& state);

}  // namespace leitbild
