#pragma once
// `leitbild diff` output: text for a terminal, JSON (schema in docs/editions.md) and a simple
// standalone HTML page. The diff itself is resolve/edition_diff.h.
#include <string>

#include "model/project.h"
#include "resolve/edition_diff.h"

namespace leitbild {

struct DiffTextStyle {
  bool colour = false;            // ANSI colours instead of [-removed-] {+added+} markers
  std::size_t context_words = 8;  // unchanged words kept on each side of a change
};

std::string diff_as_text(const EditionDiff& diff, const DiffTextStyle& style);
std::string diff_as_json(const EditionDiff& diff);
// Titles are the editions' titles per language, used for headings.
std::string diff_as_html(const EditionDiff& diff, const Localized& from_title, const Localized& to_title);

// "1 chapter renamed, 3 sections added, 2 changed" or "no changes".
std::string summary_sentence(const DiffSummary& summary);

}  // namespace leitbild
