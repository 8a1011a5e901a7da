// The glossary as a model: ids, completeness, forms that belong to one entry only, retired words
// that are not also preferred ones (LB0401-LB0404), and entries nobody uses (LB0408).
#include <fmt/format.h>

#include <map>
#include <set>

#include "check/check.h"
#include "model/strings.h"
#include "resolve/terms.h"

namespace leitbild {

namespace {

std::string entry_word(const Term& term, const LanguageTag& lang) {
  auto it = term.languages.find(lang);
  return it == term.languages.end() ? std::string() : it->second.term;
}

}  // namespace

void validate_glossary(const Project& project, Diagnostics& diagnostics) {
  std::map<std::string, const Term*> by_id;
  for (const Term& term : project.glossary) {
    auto [it, fresh] = by_id.emplace(term.id, &term);
    if (!fresh) {
      auto& d = diagnostics.add("LB0401", term.where, fmt::format("the glossary id `{}` is used by two entries", term.id),
                                "Give each entry its own `id:`; merge the two if they describe the same concept.");
      d.related = it->second->where;
      d.related_message = "the first entry with this id";
    }
  }

  for (const Term& term : project.glossary)
    for (const LanguageTag& lang : project.languages) {
      auto it = term.languages.find(lang);
      const bool has_term = it != term.languages.end() && !it->second.term.empty();
      const bool has_definition = it != term.languages.end() && !it->second.definition.empty();
      if (has_term && has_definition) continue;
      std::string what = !has_term && !has_definition ? "a term and a definition" : !has_term ? "a term" : "a definition";
      diagnostics.add("LB0402", term.where,
                      fmt::format("the glossary entry `{}` has no {} in {} (`{}`)", term.id,
                                  !has_term && !has_definition ? "term and no definition" : !has_term ? "term" : "definition",
                                  language_name(lang), lang),
                      fmt::format("Add {} under `{}:` in this entry, e.g. `{}: {{ term: ..., definition: \"...\" }}`.", what,
                                  lang, lang));
    }

  // Per language: every preferred word (term or form) belongs to one entry.
  for (const LanguageTag& lang : project.languages) {
    std::map<std::string, const Term*> owner;
    for (const Term& term : project.glossary) {
      auto it = term.languages.find(lang);
      if (it == term.languages.end()) continue;
      std::set<std::string> own;
      std::vector<std::string> words;
      if (!it->second.term.empty()) words.push_back(it->second.term);
      words.insert(words.end(), it->second.forms.begin(), it->second.forms.end());
      for (const std::string& word : words) {
        if (!own.insert(word).second) continue;  // listed twice in one entry: harmless
        auto [o, fresh] = owner.emplace(word, &term);
        if (fresh || o->second == &term) continue;
        auto& d = diagnostics.add("LB0403", term.where,
                                  fmt::format("the {} word `{}` belongs to two glossary entries: `{}` and `{}`",
                                              language_name(lang), word, o->second->id, term.id),
                                  fmt::format("Keep `{}` in one entry only, so that the text can be linked to one definition.", word));
        d.related = o->second->where;
        d.related_message = fmt::format("the entry `{}`", o->second->id);
      }
    }
    for (const Term& term : project.glossary) {
      auto it = term.languages.find(lang);
      if (it == term.languages.end()) continue;
      for (const std::string& word : it->second.deprecated) {
        auto o = owner.find(word);
        if (o == owner.end()) continue;
        const bool same = o->second == &term;
        auto& d = diagnostics.add(
            "LB0404", term.where,
            same ? fmt::format("`{}` is listed as retired (`deprecated:`) and as a {} term or form of the same entry `{}`",
                               word, language_name(lang), term.id)
                 : fmt::format("`{}` is retired in the entry `{}` but is a {} term or form of the entry `{}`", word, term.id,
                               language_name(lang), o->second->id),
            fmt::format("A word is either preferred or retired: remove `{}` from `deprecated:` or from the terms.", word));
        if (!same) {
          d.related = o->second->where;
          d.related_message = fmt::format("the entry `{}`", o->second->id);
        }
      }
    }
  }
}

void check_glossary(const Project& project, Diagnostics& diagnostics) {
  validate_glossary(project, diagnostics);

  std::set<std::string> used = project.terms_used_elsewhere;
  auto collect = [&](const std::unordered_map<cmark_node*, std::vector<TermHit>>& hits) {
    for (const auto& [node, list] : hits)
      for (const TermHit& hit : list)
        if (!hit.deprecated) used.insert(hit.term_id);
  };
  for (const Edition& edition : project.editions)
    for (const auto& [lang, chapters] : edition.chapters)
      for (const Chapter& chapter : chapters) collect(chapter.term_hits);
  for (const Deck& deck : project.decks)
    for (const auto& [lang, text] : deck.texts) collect(text.term_hits);

  for (const Term& term : project.glossary) {
    if (used.count(term.id)) continue;
    std::vector<std::string> words;
    for (const LanguageTag& lang : project.languages)
      if (std::string w = entry_word(term, lang); !w.empty()) words.push_back(w);
    diagnostics.add("LB0408", term.where,
                    fmt::format("the glossary entry `{}` ({}) is used in no chapter or deck", term.id, quoted_list(words, "/")),
                    "Use the term where it belongs, or remove the entry if the city no longer needs it.");
  }
}

}  // namespace leitbild
