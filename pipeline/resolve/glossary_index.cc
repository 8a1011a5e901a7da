#include "resolve/glossary_index.h"

#include <unicode/alphaindex.h>
#include <unicode/coll.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>
#include <unordered_map>

#include "resolve/terms.h"

namespace leitbild {

namespace {

std::unique_ptr<icu::Collator> collator_for(const LanguageTag& lang) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale(lang.c_str()), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
  }
  return collator;
}

// Building a language's alphabet costs more than sorting a glossary, and every page and book of a
// build asks for the same few: built once per language for the life of the process.
// ImmutableIndex is ICU's thread-safe form. Null when ICU has no index for the language.
std::shared_ptr<const icu::AlphabeticIndex::ImmutableIndex> alphabet_for(const LanguageTag& lang) {
  static std::mutex mutex;
  static std::map<LanguageTag, std::shared_ptr<const icu::AlphabeticIndex::ImmutableIndex>> alphabets;
  std::lock_guard lock(mutex);
  auto [it, fresh] = alphabets.try_emplace(lang);
  if (fresh) {
    UErrorCode status = U_ZERO_ERROR;
    icu::AlphabeticIndex alphabet(icu::Locale(lang.c_str()), status);
    if (U_SUCCESS(status)) {
      std::shared_ptr<const icu::AlphabeticIndex::ImmutableIndex> built(alphabet.buildImmutableIndex(status));
      if (U_SUCCESS(status)) it->second = std::move(built);
    }
  }
  return it->second;
}

bool collates_before(const icu::Collator& collator, const std::string& a, const std::string& b) {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = collator.compareUTF8(a, b, status);
  if (U_FAILURE(status) || r == UCOL_EQUAL) return a < b;
  return r == UCOL_LESS;
}

void add_uses(const Chapter& chapter, int edition, std::unordered_map<std::string, GlossaryIndexEntry*>& entries) {
  std::set<std::pair<std::string, int>> seen;  // (term id, section)
  for (const PlacedHit& placed : placed_hits(chapter)) {
    if (placed.hit.deprecated) continue;
    auto entry = entries.find(placed.hit.term_id);
    if (entry == entries.end() || !seen.emplace(placed.hit.term_id, placed.section).second) continue;
    GlossaryUse use;
    use.edition = edition;
    use.chapter_stem = chapter.stem;
    use.chapter_title = chapter.title;
    if (placed.section >= 0 && placed.section < static_cast<int>(chapter.sections.size())) {
      const Section& s = chapter.sections[static_cast<std::size_t>(placed.section)];
      use.section_anchor = s.anchor;
      use.section_number = s.number;
      use.section_title = s.title;
    } else {
      use.section_title = chapter.title;
    }
    entry->second->uses.push_back(std::move(use));
  }
}

void add_deck_uses(const Deck& deck, const DeckText& text, std::unordered_map<std::string, GlossaryIndexEntry*>& entries) {
  std::set<std::pair<std::string, int>> seen;
  for (const PlacedHit& placed : placed_hits(text)) {
    if (placed.hit.deprecated || placed.section < 0) continue;
    auto entry = entries.find(placed.hit.term_id);
    if (entry == entries.end() || !seen.emplace(placed.hit.term_id, placed.section).second) continue;
    const Slide& slide = text.slides[static_cast<std::size_t>(placed.section)];
    entry->second->deck_uses.push_back({deck.name, placed.section + 1, slide.title});
  }
}

// Hits come in document order, so sections are already in order within a chapter; sort the
// uses once so that the order never depends on how the chapter was walked.
void order_uses(GlossaryIndexEntry& entry, const Project& project) {
  // Each use's place is looked up once, not at every comparison (a linear search over the
  // edition's chapter list made the sort the costliest part of a glossary page).
  std::vector<std::tuple<int, std::size_t, std::size_t>> keys;  // edition, chapter position, original index
  keys.reserve(entry.uses.size());
  for (std::size_t i = 0; i < entry.uses.size(); ++i) {
    const GlossaryUse& use = entry.uses[i];
    std::size_t position = 0;
    if (const Edition* e = project.find_edition(use.edition))
      position = static_cast<std::size_t>(std::find(e->chapter_stems.begin(), e->chapter_stems.end(), use.chapter_stem) -
                                          e->chapter_stems.begin());
    keys.emplace_back(use.edition, position, i);
  }
  std::sort(keys.begin(), keys.end());  // the original index last: as stable as stable_sort
  std::vector<GlossaryUse> ordered;
  ordered.reserve(entry.uses.size());
  for (const auto& key : keys) ordered.push_back(std::move(entry.uses[std::get<2>(key)]));
  entry.uses = std::move(ordered);
}

}  // namespace

std::string GlossaryUse::label() const { return section_number.empty() ? section_title : section_number + " " + section_title; }

void sort_for_language(std::vector<std::string>& words, const LanguageTag& lang) {
  auto collator = collator_for(lang);
  if (!collator) {
    std::sort(words.begin(), words.end());
    return;
  }
  std::stable_sort(words.begin(), words.end(),
                   [&](const std::string& a, const std::string& b) { return collates_before(*collator, a, b); });
}

GlossaryIndex glossary_index(const Project& project, const LanguageTag& lang, std::optional<int> edition) {
  GlossaryIndex index;
  index.lang = lang;

  std::vector<GlossaryIndexEntry> entries;
  for (const Term& term : project.glossary) {
    auto it = term.languages.find(lang);
    if (it == term.languages.end() || it->second.term.empty()) continue;
    GlossaryIndexEntry entry;
    entry.id = term.id;
    entry.term = it->second.term;
    entry.forms = it->second.forms;
    entry.definition = it->second.definition;
    entry.deprecated = it->second.deprecated;
    for (const LanguageTag& other : project.languages) {
      if (other == lang) continue;
      auto o = term.languages.find(other);
      if (o != term.languages.end() && !o->second.term.empty()) entry.counterparts.push_back({other, o->second.term});
    }
    entries.push_back(std::move(entry));
  }

  std::unordered_map<std::string, GlossaryIndexEntry*> by_id;
  for (GlossaryIndexEntry& entry : entries) by_id.emplace(entry.id, &entry);  // the first of duplicate ids (LB0401)
  for (const Edition& e : project.editions) {
    if (edition && e.number != *edition) continue;
    auto chapters = e.chapters.find(lang);
    if (chapters == e.chapters.end()) continue;
    for (const Chapter& chapter : chapters->second) add_uses(chapter, e.number, by_id);
  }
  for (const Deck& deck : project.decks) {
    if (edition && deck.edition != *edition) continue;
    if (auto text = deck.texts.find(lang); text != deck.texts.end()) add_deck_uses(deck, text->second, by_id);
  }
  for (GlossaryIndexEntry& entry : entries) order_uses(entry, project);

  auto collator = collator_for(lang);
  std::stable_sort(entries.begin(), entries.end(), [&](const GlossaryIndexEntry& a, const GlossaryIndexEntry& b) {
    if (!collator) return a.term < b.term;
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult r = collator->compareUTF8(a.term, b.term, status);
    if (U_FAILURE(status) || r == UCOL_EQUAL) return a.id < b.id;
    return r == UCOL_LESS;
  });

  const auto letters = alphabet_for(lang);
  std::map<int32_t, std::size_t> letter_of_bucket;
  for (GlossaryIndexEntry& entry : entries) {
    int32_t bucket = -1;
    std::string label = "…";
    if (letters) {
      UErrorCode s = U_ZERO_ERROR;
      bucket = letters->getBucketIndex(icu::UnicodeString::fromUTF8(entry.term), s);
      if (U_SUCCESS(s))
        if (const icu::AlphabeticIndex::Bucket* b = letters->getBucket(bucket)) {
          label.clear();
          b->getLabel().toUTF8String(label);
        }
    }
    auto [it, fresh] = letter_of_bucket.emplace(bucket, index.letters.size());
    if (fresh) index.letters.push_back({label, {}});
    index.letters[it->second].entries.push_back(std::move(entry));
  }
  // Buckets follow the collation, so the letters are already in alphabet order; a stable sort by
  // bucket keeps it so even for text ICU files in the underflow bucket.
  std::vector<std::pair<int32_t, GlossaryLetter>> ordered;
  for (auto& [bucket, position] : letter_of_bucket) ordered.emplace_back(bucket, std::move(index.letters[position]));
  index.letters.clear();
  for (auto& [bucket, letter] : ordered) index.letters.push_back(std::move(letter));
  return index;
}

}  // namespace leitbild
