// Glossary terms in the text: retired words (LB0405), `term:` links to unknown ids (LB0406), and
// translations that drop a term their source uses (LB0407).
#include <fmt/format.h>

#include <map>
#include <set>

#include "check/check.h"
#include "model/strings.h"
#include "resolve/locate.h"
#include "resolve/terms.h"

namespace leitbild {

namespace {

struct TextSource {
  const std::string& path;
  const std::string& body;
  int first_line;
  LanguageTag lang;
};

std::string preferred_word(const Term& term, const LanguageTag& lang) {
  auto it = term.languages.find(lang);
  return it == term.languages.end() ? std::string() : it->second.term;
}

void check_deprecated(const Project& project, const TextSource& src, const std::vector<PlacedHit>& hits,
                      Diagnostics& diagnostics) {
  for (const PlacedHit& placed : hits) {
    if (!placed.hit.deprecated || placed.hit.continuation) continue;  // one report per retired phrase
    const std::string word(hit_text(placed));
    const Term* term = project.find_term(placed.hit.term_id);
    const std::string preferred = term ? preferred_word(*term, src.lang) : std::string();
    diagnostics.add("LB0405", locate_in_block(src.path, src.body, src.first_line, placed.node, word),
                    fmt::format("`{}` is a retired word (glossary entry `{}`)", word, placed.hit.term_id),
                    preferred.empty() ? "Rephrase the sentence without the retired word."
                                      : fmt::format("Use `{}` (or one of its forms) instead.", preferred));
  }
}

void check_term_links(const Project& project, const TextSource& src,
                      const std::unordered_map<cmark_node*, std::string>& term_links, Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (const Term& term : project.glossary) ids.push_back(term.id);
  for (const auto& [link, id] : term_links) {
    if (project.find_term(id)) continue;
    auto near = closest(id, ids);
    diagnostics.add("LB0406", locate_in_block(src.path, src.body, src.first_line, link, "(term:" + id + ")"),
                    fmt::format("the term link `term:{}` names no glossary entry", id),
                    near.empty() ? "Use the `id:` of an entry in glossary/, or add the entry."
                                 : fmt::format("Did you mean {}?", quoted_list(near)));
  }
}

// Term ids a section uses (preferred words and explicit marks; retired words do not count).
std::map<int, std::set<std::string>> terms_by_section(const std::vector<PlacedHit>& hits) {
  std::map<int, std::set<std::string>> out;
  for (const PlacedHit& placed : hits)
    if (!placed.hit.deprecated) out[placed.section].insert(placed.hit.term_id);
  return out;
}

std::string section_label(const Chapter& chapter, int index) {
  if (index < 0 || index >= static_cast<int>(chapter.sections.size()))
    return fmt::format("the opening text of \"{}\" ({})", chapter.title, chapter.path);
  const Section& s = chapter.sections[static_cast<std::size_t>(index)];
  return fmt::format("\"{}{}\" {{#{}}} ({})", s.number.empty() ? "" : s.number + " ", s.title, s.anchor, chapter.path);
}

std::vector<std::string> words_of(const Term& term, const LanguageTag& lang) {
  std::vector<std::string> words;
  auto it = term.languages.find(lang);
  if (it == term.languages.end()) return words;
  if (!it->second.term.empty()) words.push_back(it->second.term);
  words.insert(words.end(), it->second.forms.begin(), it->second.forms.end());
  return words;
}

void report_inconsistent(const Project& project, const std::string& term_id, const LanguageTag& source_lang,
                         const LanguageTag& target_lang, const std::string& source_where, const std::string& target_where,
                         SourceLocation at, SourceLocation related, Diagnostics& diagnostics) {
  const Term* term = project.find_term(term_id);
  if (!term) return;
  const std::string expected = preferred_word(*term, target_lang);
  if (expected.empty()) return;  // LB0402 reports the missing translation of the term itself
  auto words = words_of(*term, target_lang);
  if (words.size() > 6) words.resize(6);
  auto& d = diagnostics.add(
      "LB0407", std::move(at),
      fmt::format("the {} section {} uses the glossary term `{}`, but its {} translation {} uses none of {}",
                  language_name(source_lang), source_where, preferred_word(*term, source_lang), language_name(target_lang),
                  target_where, quoted_list(words)),
      fmt::format("Use the {} term `{}` (or one of its forms) in this section, as the glossary entry `{}` says.",
                  language_name(target_lang), expected, term_id));
  d.related = std::move(related);
  d.related_message = "the source section";
}

void check_chapter_consistency(const Project& project, const Chapter& source, const Chapter& target,
                               Diagnostics& diagnostics) {
  const auto source_terms = terms_by_section(placed_hits(source));
  const auto target_terms = terms_by_section(placed_hits(target));
  std::map<std::string, int> target_by_anchor;
  for (std::size_t i = 0; i < target.sections.size(); ++i) target_by_anchor.emplace(target.sections[i].anchor, static_cast<int>(i));
  static const std::set<std::string> kNone;
  for (const auto& [section, ids] : source_terms) {
    int t = -1;
    if (section >= 0) {
      auto it = target_by_anchor.find(source.sections[static_cast<std::size_t>(section)].anchor);
      if (it == target_by_anchor.end()) continue;  // LB0302 reports a missing section
      t = it->second;
    }
    auto found = target_terms.find(t);
    const std::set<std::string>& used = found == target_terms.end() ? kNone : found->second;
    for (const std::string& id : ids) {
      if (used.count(id)) continue;
      SourceLocation at = t >= 0 ? target.sections[static_cast<std::size_t>(t)].where
                                 : SourceLocation{target.path, target.body_first_line, 1};
      SourceLocation related = section >= 0 ? source.sections[static_cast<std::size_t>(section)].where
                                            : SourceLocation{source.path, source.body_first_line, 1};
      report_inconsistent(project, id, source.lang, target.lang, section_label(source, section), section_label(target, t),
                          at, related, diagnostics);
    }
  }
}

void check_deck_consistency(const Project& project, const DeckText& source, const DeckText& target,
                            Diagnostics& diagnostics) {
  const auto source_terms = terms_by_section(placed_hits(source));
  const auto target_terms = terms_by_section(placed_hits(target));
  static const std::set<std::string> kNone;
  for (const auto& [slide, ids] : source_terms) {
    if (slide < 0 || slide >= static_cast<int>(target.slides.size())) continue;  // LB0311 reports the mismatch
    auto found = target_terms.find(slide);
    const std::set<std::string>& used = found == target_terms.end() ? kNone : found->second;
    const Slide& s = source.slides[static_cast<std::size_t>(slide)];
    const Slide& t = target.slides[static_cast<std::size_t>(slide)];
    for (const std::string& id : ids) {
      if (used.count(id)) continue;
      report_inconsistent(project, id, source.lang, target.lang,
                          fmt::format("slide {} \"{}\" ({})", slide + 1, s.title, source.path),
                          fmt::format("slide {} \"{}\" ({})", slide + 1, t.title, target.path), t.where, s.where, diagnostics);
    }
  }
}

}  // namespace

void check_terms(const Project& project, Diagnostics& diagnostics) {
  for (const Edition& edition : project.editions) {
    for (const auto& [lang, chapters] : edition.chapters)
      for (const Chapter& chapter : chapters) {
        TextSource src{chapter.path, chapter.body, chapter.body_first_line, lang};
        check_deprecated(project, src, placed_hits(chapter), diagnostics);
        check_term_links(project, src, chapter.term_links, diagnostics);
      }
    auto source_chapters = edition.chapters.find(project.source_language());
    if (source_chapters == edition.chapters.end()) continue;
    for (const auto& [lang, chapters] : edition.chapters) {
      if (lang == project.source_language()) continue;
      for (const Chapter& target : chapters)
        if (const Chapter* source = edition.find_chapter(project.source_language(), target.stem))
          check_chapter_consistency(project, *source, target, diagnostics);
    }
  }
  for (const Deck& deck : project.decks) {
    for (const auto& [lang, text] : deck.texts) {
      TextSource src{text.path, text.body, 1, lang};
      check_deprecated(project, src, placed_hits(text), diagnostics);
      check_term_links(project, src, text.term_links, diagnostics);
    }
    auto source = deck.texts.find(project.source_language());
    if (source == deck.texts.end()) continue;
    for (const auto& [lang, text] : deck.texts)
      if (lang != project.source_language()) check_deck_consistency(project, source->second, text, diagnostics);
  }
}

}  // namespace leitbild
