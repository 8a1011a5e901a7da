#include "resolve/glossary_index.h"

#include <gtest/gtest.h>

#include "load/load.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::TempTree;
using Strings = std::vector<std::string>;

const Project& bundled() {
  static const Project project = [] {
    Diagnostics d;
    Project p = load_project(LEITBILD_SOURCE_DIR, d);
    resolve_project(p, d);
    return p;
  }();
  return project;
}

Strings terms_under(const GlossaryIndex& index, const std::string& label) {
  Strings out;
  for (const auto& letter : index.letters)
    if (letter.label == label)
      for (const auto& e : letter.entries) out.push_back(e.term);
  return out;
}

std::string letter_of(const GlossaryIndex& index, const std::string& term) {
  for (const auto& letter : index.letters)
    for (const auto& e : letter.entries)
      if (e.term == term) return letter.label;
  return "(missing)";
}

Strings labels(const GlossaryIndex& index) {
  Strings out;
  for (const auto& letter : index.letters) out.push_back(letter.label);
  return out;
}

TEST(GlossaryIndex, BundledGermanSortsAsAGermanReaderExpects) {
  GlossaryIndex de = glossary_index(bundled(), "de");
  EXPECT_EQ(letter_of(de, "Ärztekammer"), "A");
  EXPECT_EQ(letter_of(de, "Öffentlichkeitsarbeit"), "O");
  EXPECT_EQ(letter_of(de, "Übergang"), "U");
  EXPECT_EQ(letter_of(de, "Straßensozialarbeit"), "S");
  EXPECT_EQ(letter_of(de, "IJsselland"), "I");
  // Umlauts sort with their base letter (DIN 5007-1), ß as ss, case only breaks ties.
  EXPECT_EQ(terms_under(de, "A"), (Strings{"Antidiskriminierungsarbeit", "Arbeitsmarkt", "Ärztekammer", "Aussiedler"}));
  EXPECT_EQ(terms_under(de, "S"), (Strings{"Segregation", "Sozialraum", "sprachliche Bildung", "Stadtgesellschaft",
                                           "Stadtverwaltung", "Straßensozialarbeit"}));
  EXPECT_EQ(terms_under(de, "I"), (Strings{"IJsselland", "Integration", "Integrationsmanagement", "Integrationsmonitoring",
                                           "Integrationsrat", "interkulturelle Kompetenz", "interkulturelle Öffnung"}));
  EXPECT_EQ(labels(de), (Strings{"A", "B", "C", "E", "F", "G", "H", "I", "K", "L", "M", "O", "P", "Q", "R", "S", "T", "U",
                                 "V", "W", "Z"}));
}

TEST(GlossaryIndex, BundledDutchSortsAsADutchReaderExpects) {
  GlossaryIndex nl = glossary_index(bundled(), "nl");
  // Dutch dictionaries file IJ under I and sort it as i+j (ICU's nl collation and index do so).
  EXPECT_EQ(terms_under(nl, "I"), (Strings{"ijkpunt", "IJsselland", "immigrant", "integratie", "integratiemanagement",
                                           "integratiemonitoring", "integratieraad", "integratievisie",
                                           "interculturele competentie", "interculturele opening"}));
  EXPECT_EQ(letter_of(nl, "artsenkamer"), "A");
  EXPECT_EQ(letter_of(nl, "Duitse remigranten"), "D");
  EXPECT_EQ(letter_of(nl, "straathoekwerk"), "S");
  EXPECT_EQ(terms_under(nl, "K"), (Strings{"kansengelijkheid", "kinderdagverblijf"}));
}

TEST(GlossaryIndex, EntriesCarryCounterpartsDefinitionsAndUses) {
  GlossaryIndex de = glossary_index(bundled(), "de");
  const GlossaryIndexEntry* rat = nullptr;
  for (const auto& letter : de.letters)
    for (const auto& e : letter.entries)
      if (e.id == "integrationsrat") rat = &e;
  ASSERT_NE(rat, nullptr);
  EXPECT_EQ(rat->term, "Integrationsrat");
  ASSERT_EQ(rat->counterparts.size(), 1u);
  EXPECT_EQ(rat->counterparts[0].lang, "nl");
  EXPECT_EQ(rat->counterparts[0].term, "integratieraad");
  EXPECT_FALSE(rat->definition.empty());
  EXPECT_NE(std::find(rat->deprecated.begin(), rat->deprecated.end(), "Ausländerbeirat"), rat->deprecated.end());
  bool partizipation = false;
  for (const auto& u : rat->uses)
    if (u.edition == 3 && u.chapter_stem == "erfolgsfaktoren" && u.section_anchor == "partizipation") {
      partizipation = true;
      EXPECT_FALSE(u.section_number.empty());
      EXPECT_EQ(u.section_title, "Politische Partizipation");
    }
  EXPECT_TRUE(partizipation);
  for (std::size_t i = 1; i < rat->uses.size(); ++i) EXPECT_LE(rat->uses[i - 1].edition, rat->uses[i].edition);
}

TEST(GlossaryIndex, UsesPerSectionOnceAndEditionFilter) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\nDer Integrationsrat vorab.\n\n## Vielfalt als Stärke {#vielfalt}\n\n"
             "Der Integrationsrat. Der Integrationsrat.\n\n### Teilhabe\n\nIntegrationsrates.\n");
  tree.write("content/decks/vortrag/de.md", "## Erste Folie\n\nSiehe [](#vielfalt).\n\nNotes:\nNotiz.\n\n## Zweite Folie\n\n- Integrationsrat\n");
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  resolve_project(p, d);
  GlossaryIndex de = glossary_index(p, "de");
  ASSERT_EQ(de.letters.size(), 1u);
  ASSERT_EQ(de.letters[0].label, "I");
  const GlossaryIndexEntry& e = de.letters[0].entries.at(0);
  std::vector<std::string> uses;
  for (const auto& u : e.uses) uses.push_back(u.chapter_stem + "#" + u.section_anchor + " " + u.label());
  EXPECT_EQ(uses, (Strings{"praeambel#anlass Anlass", "grundsaetze# Grundsätze", "grundsaetze#vielfalt 1.1 Vielfalt als Stärke",
                           "grundsaetze#teilhabe 1.1.1 Teilhabe"}));
  ASSERT_EQ(e.deck_uses.size(), 1u);
  EXPECT_EQ(e.deck_uses[0].slide, 2);
  EXPECT_TRUE(glossary_index(p, "de", 1).letters.at(0).entries.at(0).uses.empty());
}

TEST(GlossaryIndex, SortForLanguage) {
  Strings words = {"Zebra", "Öl", "Ofen", "Apfel", "Ärger"};
  sort_for_language(words, "de");
  EXPECT_EQ(words, (Strings{"Apfel", "Ärger", "Ofen", "Öl", "Zebra"}));
}

}  // namespace
}  // namespace leitbild
