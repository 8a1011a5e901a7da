#pragma once
// What changed from one edition to another, per language: the data behind `leitbild diff`, the
// "Was ist neu? / Wat is er nieuw?" page (dist/<B>/<lang>/changes.html) and the outline deck's
// summary. A pure function of two resolved Editions: it reads no file and parses no Markdown
// (section text comes from the cmark trees the loader built); it is safe to call from several
// render jobs at once.
//
// How things are matched (docs/editions.md has the editor's version):
// - Chapters: the same stem is the same chapter. Of the chapters left over, an old and a new one
//   are the same chapter *renamed* when they share section anchors, at least half of the smaller
//   chapter's (edition 1 `masterplan` -> edition 3 `umsetzung` share `schritte` and `bericht`).
//   Greatest overlap first.
// - Sections: by anchor, across the whole edition (anchors are unique within an edition). A section
//   is *moved* when it is now in another chapter (`moved_between_chapters`) or out of order among
//   the sections its chapter kept (longest common subsequence of the anchors).
// - Text: a section's own text is the plain text of the blocks between its heading and the next
//   heading (subsections are sections of their own); a chapter's intro is the text before its
//   first heading. Cross-references with no text of their own count as their target's title.
//   Changes are compared word by word, words as ICU's word break iterator finds them for the
//   language ("Integrationsrates" is one word), whitespace ignored, then diffed with Myers' algorithm.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.h"

namespace leitbild {

// One run of a word diff. `text` carries the whitespace that stood before its words, so joining the
// `same` and `added` runs gives the new text (paragraphs separated by "\n"). `same` runs carry the
// new edition's whitespace, so same + removed gives the old words but not always the old spacing:
// whoever needs the old text as written takes it from the old edition (the changes page does).
struct WordRun {
  enum class Kind { same, added, removed };
  Kind kind = Kind::same;
  std::string text;
};
using WordDiff = std::vector<WordRun>;

// Where a chapter is (or was) in its edition.
struct ChapterPlace {
  std::string stem;
  std::string number;  // "5"; empty when unnumbered
  std::string title;
  std::size_t position = 0;  // index in the edition's chapter order
};

// Where a section is (or was).
struct SectionPlace {
  std::string chapter;  // the chapter's stem
  std::string number;   // "5.4"; empty when its chapter is unnumbered
  std::string title;
  int level = 2;
  std::size_t position = 0;  // index among its chapter's sections
};

struct SectionChange {
  std::string anchor;
  std::optional<SectionPlace> before;  // absent when added
  std::optional<SectionPlace> after;   // absent when removed
  bool added = false;
  bool removed = false;
  bool moved = false;                   // to another chapter, or reordered within its chapter
  bool moved_between_chapters = false;  // `before->chapter` is not the chapter `after->chapter` replaces
  bool title_changed = false;
  bool level_changed = false;
  bool text_changed = false;
  WordDiff title_diff;  // set when title_changed
  WordDiff text_diff;   // set when text_changed
  // Set with text_diff (text changed, section added or removed): the section's own text in each
  // edition, as section_text() gives it (empty on the side where it is absent). A rewritten text is
  // shown as these two.
  std::string old_text;
  std::string new_text;
};

struct ChapterChange {
  std::optional<ChapterPlace> before;  // absent when added
  std::optional<ChapterPlace> after;   // absent when removed
  bool added = false;
  bool removed = false;
  bool renamed = false;  // matched by shared anchors, the stem differs
  bool moved = false;    // out of order among the chapters both editions have
  bool title_changed = false;
  bool intro_changed = false;
  std::vector<std::string> shared_anchors;  // a renamed chapter's evidence, in the new order
  WordDiff title_diff;
  WordDiff intro_diff;
  // The changed sections now in this chapter (or, when removed, last in it), in document order
  // (new order; removed sections where they stood). Unchanged sections are not listed.
  std::vector<SectionChange> sections;

  bool changed() const {
    return added || removed || renamed || moved || title_changed || intro_changed || !sections.empty();
  }
};

struct DiffSummary {
  int chapters_added = 0;
  int chapters_removed = 0;
  int chapters_renamed = 0;
  int chapters_moved = 0;
  int chapters_retitled = 0;
  int sections_added = 0;
  int sections_removed = 0;
  int sections_moved = 0;
  int sections_changed = 0;  // title, level or text (a moved section may be changed too)
  bool empty() const;
};

struct LanguageDiff {
  LanguageTag lang;
  // Every chapter of either edition, in the new edition's order, removed chapters where they
  // stood; `changed()` tells the ones to show.
  std::vector<ChapterChange> chapters;
  DiffSummary summary;
};

struct EditionDiff {
  int from = 0;
  int to = 0;
  std::vector<LanguageDiff> languages;  // in the order asked for
};

// How a text diff reads on the changes page: a text rewritten from the ground up is shown as its
// old and its new version one after the other rather than word by word. The rule: less than half
// of the diff's text (bytes of its runs, whitespace included) is unchanged.
bool is_rewritten(const WordDiff& diff);

// How much of a changed text's word diff is worked out.
enum class DiffDetail {
  every_word,  // a shortest word diff of every changed text (`leitbild diff`)
  // For pages that show rewritten texts whole: a text that is_rewritten() whatever the word
  // search would find (even if every word both versions have were matched, less than half could
  // be unchanged) gets the diff "everything removed, everything added" without the search, which
  // is_rewritten() just as well. Section and intro texts; titles always get every word.
  for_reading,
};

// Languages missing from an edition are compared against nothing (everything added or removed).
EditionDiff diff_editions(const Edition& from, const Edition& to, const std::vector<LanguageTag>& languages);
LanguageDiff diff_edition_language(const Edition& from, const Edition& to, const LanguageTag& lang,
                                   DiffDetail detail = DiffDetail::every_word);

// The pieces, for renderers and tests.
WordDiff diff_words(std::string_view before, std::string_view after, const LanguageTag& lang);
// Words (no whitespace) as ICU's word break iterator for `lang` splits them; punctuation marks are words too.
std::vector<std::string> split_words(std::string_view text, const LanguageTag& lang);
// A section's own text (see above); index into chapter.sections.
std::string section_text(const Chapter& chapter, std::size_t section);
std::string chapter_intro_text(const Chapter& chapter);

}  // namespace leitbild
