#pragma once
// Glossary terms in running text: which words of a chapter or deck are a glossary term, one of its
// forms, or one of its retired (deprecated) words. The rules are in docs/glossary.md; in short:
// whole words only (ICU word boundaries for the text's language), after NFC, longest match first,
// case as written except that the first word of a sentence may be capitalised.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.h"

struct cmark_node;

namespace leitbild {

// One match in a piece of text.
struct TermMatch {
  std::size_t offset = 0;  // bytes
  std::size_t length = 0;
  std::size_t term_index = 0;  // index into the glossary the matcher was built from
  bool deprecated = false;
};

// The lookup for one language, built once per project: every term, form and deprecated word,
// split into words with the language's word breaker and keyed by its first word.
class TermMatcher {
 public:
  TermMatcher(const std::vector<Term>& glossary, const LanguageTag& lang);
  ~TermMatcher();
  TermMatcher(TermMatcher&&) noexcept;
  TermMatcher& operator=(TermMatcher&&) noexcept;

  // Matches in `text`, left to right, longest first. `sentence_start`: the text begins a
  // sentence (a block's first words, or the text after a full stop in an earlier node).
  std::vector<TermMatch> match(std::string_view text, bool sentence_start = true) const;
  // The same matches, found by breaking the whole text into words first: slower, and simple
  // enough to be the reference match() is tested against.
  std::vector<TermMatch> match_every_word(std::string_view text, bool sentence_start = true) const;

  const LanguageTag& lang() const;
  bool empty() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Fills Chapter::term_hits and DeckText::term_hits for the whole project (called by resolve_project
// after link resolution, which it needs to tell generated cross-reference labels and term links).
void resolve_terms(Project& project);

// A hit together with where it is: the section (chapters: index into Chapter::sections of the
// nearest heading above, -1 before the first heading; decks: the slide index).
struct PlacedHit {
  cmark_node* node = nullptr;  // the text node
  TermHit hit;
  int section = -1;
  bool in_heading = false;
};

// Every hit in document order.
std::vector<PlacedHit> placed_hits(const Chapter& chapter);
std::vector<PlacedHit> placed_hits(const DeckText& text);

// The text a hit covers.
std::string_view hit_text(const PlacedHit& placed);

// "German", "Dutch": a language's English name for messages (the tag itself when ICU has none).
std::string language_name(const LanguageTag& lang);

}  // namespace leitbild
