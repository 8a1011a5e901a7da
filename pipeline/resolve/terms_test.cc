#include "resolve/terms.h"

#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include <ctime>
#include <random>

#include "check/check.h"
#include "load/load.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::TempTree;

TermLanguage words(std::string term, std::vector<std::string> forms = {}, std::vector<std::string> deprecated = {}) {
  TermLanguage tl;
  tl.term = std::move(term);
  tl.forms = std::move(forms);
  tl.definition = "d";
  tl.deprecated = std::move(deprecated);
  return tl;
}

Term entry(std::string id, TermLanguage de, TermLanguage nl) {
  Term t;
  t.id = std::move(id);
  t.languages["de"] = std::move(de);
  t.languages["nl"] = std::move(nl);
  return t;
}

std::vector<Term> small_glossary() {
  return {
      entry("integration", words("Integration"), words("integratie")),
      entry("integrationsrat", words("Integrationsrat", {"Integrationsrates"}, {"Ausländerbeirat"}),
            words("integratieraad", {"integratieraden"})),
      entry("migrationsvorgeschichte", words("Menschen mit Migrationsvorgeschichte", {"Migrationsvorgeschichte"}),
            words("mensen met een migratieachtergrond", {}, {"allochtoon"})),
      entry("rat", words("Rat der Stadt"), words("gemeenteraad")),
      entry("interkulturelle-oeffnung", words("interkulturelle Öffnung", {"interkulturellen Öffnung"}),
            words("interculturele opening")),
      entry("referenzwert", words("Referenzwert", {"Referenzwerte"}), words("ijkpunt", {"ijkpunten"})),
      entry("ijsselland", words("IJsselland"), words("IJsselland")),
      entry("leitbild", words("Leitbild"), words("integratievisie")),
  };
}

// "word=id" for every match, in order.
std::vector<std::string> found(const TermMatcher& m, std::string_view text, bool sentence_start = true) {
  std::vector<std::string> out;
  static const auto glossary = small_glossary();
  for (const TermMatch& x : m.match(text, sentence_start))
    out.push_back(std::string(text.substr(x.offset, x.length)) + "=" + glossary[x.term_index].id + (x.deprecated ? "!" : ""));
  return out;
}

using Strings = std::vector<std::string>;

TEST(Terms, LongestMatchAndWordBoundaries) {
  TermMatcher de(small_glossary(), "de");
  EXPECT_EQ(found(de, "Der Integrationsrat fördert Integration."),
            (Strings{"Integrationsrat=integrationsrat", "Integration=integration"}));
  // Inside a longer word there is no term: "Integrationspolitik" is not "Integration".
  EXPECT_EQ(found(de, "Die Integrationspolitik des Integrationsrates."), (Strings{"Integrationsrates=integrationsrat"}));
  // A hyphen is a word boundary.
  EXPECT_EQ(found(de, "Die Integrationsrat-Wahl"), (Strings{"Integrationsrat=integrationsrat"}));
}

TEST(Terms, MultiWordTermsAcrossSpacesAndLongestWins) {
  TermMatcher de(small_glossary(), "de");
  EXPECT_EQ(found(de, "für Menschen mit  Migrationsvorgeschichte und den Rat der\u00A0Stadt"),
            (Strings{"Menschen mit  Migrationsvorgeschichte=migrationsvorgeschichte", "Rat der\u00A0Stadt=rat"}));
  EXPECT_EQ(found(de, "ihre Migrationsvorgeschichte"), (Strings{"Migrationsvorgeschichte=migrationsvorgeschichte"}));
  EXPECT_TRUE(found(de, "der Rat tagt").empty());
}

TEST(Terms, GermanIsCaseSensitiveExceptAtSentenceStart) {
  TermMatcher de(small_glossary(), "de");
  EXPECT_TRUE(found(de, "ein leitbild", false).empty());  // a lower-case noun is not the term
  EXPECT_EQ(found(de, "Die interkulturelle Öffnung."), (Strings{"interkulturelle Öffnung=interkulturelle-oeffnung"}));
  EXPECT_EQ(found(de, "Interkulturelle Öffnung ist Pflicht."), (Strings{"Interkulturelle Öffnung=interkulturelle-oeffnung"}));
  EXPECT_EQ(found(de, "Gut. Interkulturelle Öffnung hilft."), (Strings{"Interkulturelle Öffnung=interkulturelle-oeffnung"}));
  EXPECT_TRUE(found(de, "die Interkulturelle Öffnung", false).empty());
}

TEST(Terms, DutchSentenceStartAndIJ) {
  TermMatcher nl(small_glossary(), "nl");
  EXPECT_EQ(found(nl, "De integratieraad adviseert."), (Strings{"integratieraad=integrationsrat"}));
  EXPECT_EQ(found(nl, "Integratieraad en gemeenteraad."), (Strings{"Integratieraad=integrationsrat", "gemeenteraad=rat"}));
  EXPECT_EQ(found(nl, "Zo is het. \"Integratieraden adviseren.\""), (Strings{"Integratieraden=integrationsrat"}));
  EXPECT_TRUE(found(nl, "de Integratieraad", false).empty());
  // Dutch capitalises the digraph: "ijkpunt" opens a sentence as "IJkpunt", never "Ijkpunt".
  EXPECT_EQ(found(nl, "IJkpunten zijn nodig."), (Strings{"IJkpunten=referenzwert"}));
  EXPECT_TRUE(found(nl, "Ijkpunten zijn nodig.").empty());
  EXPECT_EQ(found(nl, "in IJsselland en bij het ijkpunt", false), (Strings{"IJsselland=ijsselland", "ijkpunt=referenzwert"}));
  EXPECT_EQ(found(nl, "IJsselland werkt mee."), (Strings{"IJsselland=ijsselland"}));
  // Mensen ... at sentence start: the lower-case multi-word term matches with its first word capitalised.
  EXPECT_EQ(found(nl, "Mensen met een migratieachtergrond wonen hier."),
            (Strings{"Mensen met een migratieachtergrond=migrationsvorgeschichte"}));
}

TEST(Terms, DeprecatedWordsAreRecognisedLikeForms) {
  TermMatcher de(small_glossary(), "de");
  EXPECT_EQ(found(de, "Der Ausländerbeirat tagte."), (Strings{"Ausländerbeirat=integrationsrat!"}));
  TermMatcher nl(small_glossary(), "nl");
  EXPECT_EQ(found(nl, "Allochtoon is verouderd."), (Strings{"Allochtoon=migrationsvorgeschichte!"}));
}

TEST(Terms, AddressesAreNotText) {
  TermMatcher de(small_glossary(), "de");
  EXPECT_TRUE(found(de, "https://www.stadt.de/Integration und leitbild@stadt.de", false).empty());
  EXPECT_EQ(found(de, "siehe www.Leitbild.de zum Leitbild"), (Strings{"Leitbild=leitbild"}));
}

TEST(Terms, NfcFormsInTheGlossaryMatchNfcText) {
  std::vector<Term> glossary = {entry("oeff", words("O\xCC\x88" "ffentlichkeitsarbeit"), words("voorlichting"))};
  TermMatcher de(glossary, "de");
  auto m = de.match("Die \xC3\x96" "ffentlichkeitsarbeit.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].offset, 4u);
}

// "text=id@section" per hit in document order, then * first in section, ! retired, ^ explicit
// mark, + continued over a line end, h in a heading.
Strings hits_of(const Chapter& chapter) {
  Strings out;
  for (const PlacedHit& h : placed_hits(chapter))
    out.push_back(std::string(hit_text(h)) + "=" + h.hit.term_id + "@" + std::to_string(h.section) +
                  (h.hit.first_in_section ? "*" : "") + (h.hit.deprecated ? "!" : "") + (h.hit.explicit_mark ? "^" : "") +
                  (h.hit.continuation ? "+" : "") + (h.in_heading ? "h" : ""));
  return out;
}

void write_term_project(const TempTree& tree) {
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml",
             "- id: integrationsrat\n"
             "  de: { term: Integrationsrat, forms: [Integrationsrates], definition: \"Gremium.\" }\n"
             "  nl: { term: integratieraad, forms: [integratieraden], definition: \"Orgaan.\" }\n"
             "  deprecated: { de: [Ausländerbeirat] }\n"
             "- id: vielfalt\n"
             "  de: { term: Vielfalt, definition: \"Verschiedenheit.\" }\n"
             "  nl: { term: diversiteit, definition: \"Verscheidenheid.\" }\n");
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\n"
             "Vielfalt ist gut. Der `Integrationsrat` im Code zählt nicht, [Integrationsrat](https://x.de/Integrationsrat) schon.\n"
             "Der Integrationsrat berät; <https://example.org/Vielfalt> ist eine Adresse.\n\n"
             "### Teilhabe\n\nDie Vielfalt und der [Rat](term:integrationsrat) und [](#vielfalt).\n\n"
             "## Zweiter Abschnitt {#zweiter}\n\nVielfalt ist wieder da. Der Ausländerbeirat war einmal.\n");
  tree.write("content/editions/3/nl/grundsaetze.md",
             "---\ntitle: Uitgangspunten\n---\n\n## Diversiteit als kracht {#vielfalt}\n\nDiversiteit is goed.\n\n"
             "### Deelname\n\nIedereen.\n\n## Tweede {#zweiter}\n\nDiversiteit.\n");
}

TEST(Terms, ResolveFillsHitsWithFirstInSection) {
  TempTree tree;
  write_term_project(tree);
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  resolve_project(p, d);
  const Chapter* de = p.editions[0].find_chapter("de", "grundsaetze");
  ASSERT_NE(de, nullptr);
  const Strings seen = hits_of(*de);
  // Heading hits count but are never "first"; code spans and autolinks are skipped; a link's text
  // counts but is not linkable; the generated label of [](#vielfalt) is skipped; ### belongs to its ##.
  EXPECT_EQ(seen, (Strings{"Vielfalt=vielfalt@0h", "Vielfalt=vielfalt@0*", "Integrationsrat=integrationsrat@0",
                           "Integrationsrat=integrationsrat@0*", "Vielfalt=vielfalt@1", "Rat=integrationsrat@1^",
                           "Vielfalt=vielfalt@2*", "Ausländerbeirat=integrationsrat@2!"}));
}

// Editors wrap lines: a multi-word term that runs over a line end (a soft break between two text
// nodes) is still the term, cut into one hit per line; a retired phrase is reported once.
TEST(Terms, AMultiWordTermRunsOverALineEnd) {
  TempTree tree;
  write_term_project(tree);
  tree.write("glossary/more.yaml",
             "- id: migrationsvorgeschichte\n"
             "  de: { term: Menschen mit Migrationsvorgeschichte, definition: \"Zugewanderte und ihre Kinder.\" }\n"
             "  nl: { term: mensen met een migratieachtergrond, definition: \"Migranten en hun kinderen.\" }\n"
             "  deprecated: { de: [Menschen mit Migrationshintergrund] }\n");
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\n"
             "Die Vielfalt der Menschen mit\nMigrationsvorgeschichte ist groß.\nMenschen mit\nMigrationshintergrund hieß es früher.\n");
  tree.write("content/editions/3/nl/grundsaetze.md",
             "---\ntitle: Uitgangspunten\n---\n\n## Diversiteit als kracht {#vielfalt}\n\n"
             "De diversiteit van mensen met een\nmigratieachtergrond is groot.\n");
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  resolve_project(p, d);
  const Chapter* de = p.editions[0].find_chapter("de", "grundsaetze");
  ASSERT_NE(de, nullptr);
  EXPECT_EQ(hits_of(*de), (Strings{"Vielfalt=vielfalt@0h", "Vielfalt=vielfalt@0*", "Menschen mit=migrationsvorgeschichte@0*",
                                   "Migrationsvorgeschichte=migrationsvorgeschichte@0*+",
                                   "Menschen mit=migrationsvorgeschichte@0!",
                                   "Migrationshintergrund=migrationsvorgeschichte@0!+"}));
  check_project(p, d);
  int retired = 0, missing_translation = 0;
  for (const Diagnostic& x : d.all()) {
    retired += x.code == "LB0405";
    missing_translation += x.code == "LB0407";
  }
  EXPECT_EQ(retired, 1);              // one report for the wrapped retired phrase
  EXPECT_EQ(missing_translation, 0);  // the wrapped Dutch term is found too
}

TEST(Terms, DeckHitsArePerSlide) {
  TempTree tree;
  write_term_project(tree);
  tree.write("content/decks/vortrag/de.md",
             "## Erste Folie\n\nDer Integrationsrat.\n\nNotes:\nIntegrationsrat.\n\n## Zweite Folie\n\n- Integrationsrat\n");
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  resolve_project(p, d);
  std::vector<std::string> seen;
  for (const PlacedHit& h : placed_hits(p.decks[0].texts.at("de")))
    seen.push_back(h.hit.term_id + "@" + std::to_string(h.section) + (h.hit.first_in_section ? "*" : ""));
  EXPECT_EQ(seen, (Strings{"integrationsrat@0*", "integrationsrat@0", "integrationsrat@1*"}));
}

// Enough chapters that resolve_terms shares them out over threads: every chapter, wherever it
// was scanned, gets the same hits as the same text scanned alone.
TEST(Terms, ManyChaptersGetTheSameHitsAsOne) {
  TempTree tree;
  write_term_project(tree);
  const std::string de = tree.read("content/editions/3/de/grundsaetze.md");
  const std::string nl = tree.read("content/editions/3/nl/grundsaetze.md");
  std::string list = "[grundsaetze";
  for (int i = 0; i < 150; ++i) {
    const std::string stem = "kapitel-" + std::to_string(i);
    list += ", " + stem;
    auto renamed = [&](std::string text) {
      for (const std::string id : {"vielfalt", "zweiter"})
        for (std::size_t pos; (pos = text.find("#" + id + ")")) != std::string::npos || (pos = text.find("{#" + id + "}")) != std::string::npos;)
          text.insert(text.find(id, pos) + id.size(), "-" + std::to_string(i));
      return text;
    };
    tree.write("content/editions/3/de/" + stem + ".md", renamed(de));
    tree.write("content/editions/3/nl/" + stem + ".md", renamed(nl));
  }
  tree.write("content/editions/3/edition.yaml",
             "edition: 3\ntitle: { de: \"3. Auflage\", nl: \"3e editie\" }\nstatus: draft\nchapters: " + list + "]\n");
  tree.remove("content/editions/3/de/praeambel.md");
  tree.remove("content/editions/3/nl/praeambel.md");
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  resolve_project(p, d);
  auto summary = [](const Chapter& chapter) {
    std::vector<std::string> out;
    for (const PlacedHit& h : placed_hits(chapter))
      out.push_back(std::string(hit_text(h)) + "=" + h.hit.term_id + "@" + std::to_string(h.section) + (h.hit.first_in_section ? "*" : ""));
    return out;
  };
  for (const LanguageTag lang : {"de", "nl"}) {
    const auto& chapters = p.editions[0].chapters.at(lang);
    ASSERT_EQ(chapters.size(), 151u);
    const std::vector<std::string> first = summary(chapters[0]);
    EXPECT_GE(first.size(), lang == "de" ? 7u : 3u);
    for (const Chapter& chapter : chapters) EXPECT_EQ(summary(chapter), first) << chapter.path;
  }
}

// match() asks ICU for word boundaries only where a phrase may begin; match_every_word() breaks
// the whole text first. Texts stitched from the glossary's words, pieces of them, capitals,
// punctuation, quotes, addresses and other scripts must give both the same matches.
TEST(Terms, MatchingWhereAPhraseMayBeginFindsWhatBreakingEveryWordFinds) {
  Diagnostics d;
  Project bundled = load_project(LEITBILD_SOURCE_DIR, d);
  std::vector<Term> glossary = small_glossary();
  glossary.insert(glossary.end(), bundled.glossary.begin(), bundled.glossary.end());
  glossary.push_back(entry("kurz", words("EU", {"Ö", "z.B."}), words("EU", {"ÿ", "o'k"})));
  for (const std::string lang : {"de", "nl"}) {
    TermMatcher matcher(glossary, lang);
    std::vector<std::string> pieces = {" ", "  ", "\n", ". ", "! ", "? ", ": ", "… ", ", ", "-", "/", "(", ")", "\"",
                                       "„", "“", "'", "’", " ", "_", "3", "1.000", "§ 4", "ß", "ä",
                                       "Ärger", "İ", "Kelvin", "ג'", "中文", "😀", "é",
                                       "https://www.stadt.de/x", "info@stadt.de", "www.", "IJ", "Ij", "ij", "mit", "met een"};
    for (const Term& term : glossary) {
      auto it = term.languages.find(lang);
      if (it == term.languages.end()) continue;
      std::vector<std::string> phrases = it->second.forms;
      phrases.push_back(it->second.term);
      phrases.insert(phrases.end(), it->second.deprecated.begin(), it->second.deprecated.end());
      for (const std::string& phrase : phrases) {
        if (phrase.empty()) continue;
        pieces.push_back(phrase);
        pieces.push_back(phrase.substr(0, phrase.size() / 2));  // may cut a character: bad UTF-8 too
        pieces.push_back(phrase.substr(1));
        std::string capital = phrase;
        if (capital[0] >= 'a' && capital[0] <= 'z') capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
        if (capital[0] >= 'A' && capital[0] <= 'Z') {
          pieces.push_back(capital);
          capital[0] = static_cast<char>(capital[0] - 'A' + 'a');
          pieces.push_back(capital);
        }
      }
    }
    std::mt19937 random(20261123);
    std::size_t matches = 0;
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      const int count = 1 + static_cast<int>(random() % 24);
      for (int k = 0; k < count; ++k) {
        text += pieces[random() % pieces.size()];
        if (random() % 3 == 0) text += ' ';
      }
      const bool sentence_start = random() % 2 == 0;
      const std::vector<TermMatch> fast = matcher.match(text, sentence_start);
      const std::vector<TermMatch> reference = matcher.match_every_word(text, sentence_start);
      ASSERT_EQ(fast.size(), reference.size()) << lang << " [" << text << "]";
      for (std::size_t k = 0; k < fast.size(); ++k) {
        EXPECT_EQ(fast[k].offset, reference[k].offset) << lang << " [" << text << "]";
        EXPECT_EQ(fast[k].length, reference[k].length) << lang << " [" << text << "]";
        EXPECT_EQ(fast[k].term_index, reference[k].term_index) << lang << " [" << text << "]";
        EXPECT_EQ(fast[k].deprecated, reference[k].deprecated) << lang << " [" << text << "]";
      }
      matches += fast.size();
    }
    EXPECT_GT(matches, 1500u) << lang;  // the texts are full of terms, not only near misses
  }
}

TEST(Terms, BundledTreeHasHitsInEveryEdition) {
  Diagnostics d;
  Project p = load_project(LEITBILD_SOURCE_DIR, d);
  ASSERT_FALSE(p.glossary.empty());
  resolve_project(p, d);
  std::size_t hits = 0;
  for (const Edition& e : p.editions)
    for (const auto& [lang, chapters] : e.chapters)
      for (const Chapter& c : chapters)
        for (const auto& [node, list] : c.term_hits) hits += list.size();
  // Speed is bench/'s business; here only that recognition finds the glossary's words at all.
  EXPECT_GT(hits, 300u);
}

}  // namespace
}  // namespace leitbild
