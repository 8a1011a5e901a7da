#pragma once
// The glossary as readers see it, for renderers (HTML glossary page, EPUB glossary) and
// `leitbild glossary list`: per language, the entries in that language's dictionary order under
// letter headings, each with its definition, its words in the other languages and the sections
// that use it. Plain values; nothing here points into the Markdown trees.
#include <optional>
#include <string>
#include <vector>

#include "model/project.h"

namespace leitbild {

// A section that uses a term (its chapter's text in the index's language).
struct GlossaryUse {
  int edition = 0;
  std::string chapter_stem;
  std::string chapter_title;
  std::string section_anchor;  // empty: the chapter's text before its first heading (link to the chapter)
  std::string section_number;  // "5.4"; empty when the chapter is unnumbered (or for the opening text)
  std::string section_title;   // the chapter title for the opening text
  std::string label() const;   // "5.4 Interkulturelle Öffnung der Verwaltung"
};

// A deck slide that uses a term.
struct GlossaryDeckUse {
  std::string deck;
  int slide = 0;  // 1-based
  std::string slide_title;
};

struct GlossaryCounterpart {
  LanguageTag lang;
  std::string term;
};

struct GlossaryIndexEntry {
  std::string id;
  std::string term;                   // the preferred term in the index's language
  std::vector<std::string> forms;     // its other forms
  std::string definition;
  std::vector<std::string> deprecated;  // retired words in this language ("do not use")
  std::vector<GlossaryCounterpart> counterparts;  // the other project languages, in project order
  std::vector<GlossaryUse> uses;        // by edition, then chapter order, then section order; no duplicates
  std::vector<GlossaryDeckUse> deck_uses;
};

struct GlossaryLetter {
  std::string label;  // ICU AlphabeticIndex label: "A" (Ä is filed under A), "…" for the overflow
  std::vector<GlossaryIndexEntry> entries;  // ICU collation order of `term` for the language
};

struct GlossaryIndex {
  LanguageTag lang;
  std::vector<GlossaryLetter> letters;  // only letters that have entries, in alphabet order
};

// Entries with a term in `lang`, sorted with icu::Collator for `lang` and grouped with
// icu::AlphabeticIndex (docs/glossary.md: "Sort order"). With `edition`, uses are limited to that
// edition's chapters (decks whose `edition:` is that edition); otherwise every edition's.
GlossaryIndex glossary_index(const Project& project, const LanguageTag& lang, std::optional<int> edition = std::nullopt);

// Sorts words the way a reader of `lang` expects (the same collation the index uses).
void sort_for_language(std::vector<std::string>& words, const LanguageTag& lang);

}  // namespace leitbild
