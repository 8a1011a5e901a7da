#include "resolve/edition_diff.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "load/load.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::TempTree;

// Two editions with known changes (see docs/editions.md for the matching rules):
// - einleitung: section `anlass` text changed (2005 -> 2010, one word); `ablauf` moved to `ziele`
// - masterplan -> umsetzung: renamed (shares `schritte` and `bericht`); `grundlage` removed,
//   `kommunikation` added, `schritte` text changed, `bericht` retitled
// - ziele: retitled "Ziele" -> "Leitziele"; `arbeit` and `bildung` swapped
// - alt: removed; neu: added
void write_diff_project(const TempTree& tree) {
  tree.write("leitbild.yaml", "title: { de: \"Test\" }\npublisher: { de: \"Stadt\" }\nlanguages: [de]\n");
  tree.write("content/editions/1/edition.yaml",
             "edition: 1\ntitle: { de: \"1. Auflage\" }\nstatus: draft\nchapters: [einleitung, masterplan, ziele, alt]\n");
  tree.write("content/editions/1/de/einleitung.md",
             "---\ntitle: Einleitung\n---\n\n## Anlass {#anlass}\n\nDer Integrationsrat berät die Stadt seit 2005 in allen Fragen.\n\n"
             "## Ablauf {#ablauf}\n\nSo lief es ab.\n");
  tree.write("content/editions/1/de/masterplan.md",
             "---\ntitle: Masterplan\n---\n\n## Grundlage {#grundlage}\n\nDie Grundlage.\n\n"
             "## Schritte {#schritte}\n\nAcht Schritte führen zum Ziel.\n\n## Bericht {#bericht}\n\nJährlich.\n");
  tree.write("content/editions/1/de/ziele.md",
             "---\ntitle: Ziele\n---\n\n## Bildung {#bildung}\n\nBildung für alle.\n\n## Arbeit {#arbeit}\n\nArbeit für alle.\n\n"
             "## Wohnen {#wohnen}\n\nWohnen für alle.\n");
  tree.write("content/editions/1/de/alt.md", "---\ntitle: Altes Kapitel\n---\n\n## Veraltet {#veraltet}\n\nNicht mehr.\n");

  tree.write("content/editions/2/edition.yaml",
             "edition: 2\ntitle: { de: \"2. Auflage\" }\nstatus: draft\nchapters: [einleitung, ziele, umsetzung, neu]\n");
  tree.write("content/editions/2/de/einleitung.md",
             "---\ntitle: Einleitung\n---\n\n## Anlass {#anlass}\n\nDer Integrationsrat berät die Stadt seit 2010 in allen Fragen.\n");
  tree.write("content/editions/2/de/ziele.md",
             "---\ntitle: Leitziele\n---\n\n## Arbeit {#arbeit}\n\nArbeit für alle.\n\n## Bildung {#bildung}\n\nBildung für alle.\n\n"
             "## Wohnen {#wohnen}\n\nWohnen für alle.\n\n## Ablauf {#ablauf}\n\nSo lief es ab.\n");
  tree.write("content/editions/2/de/umsetzung.md",
             "---\ntitle: Umsetzung\n---\n\n## Schritte {#schritte}\n\nNeun Schritte führen zum Ziel.\n\n"
             "## Kommunikation {#kommunikation}\n\nWir informieren.\n\n## Bericht und Abstimmung {#bericht}\n\nJährlich.\n");
  tree.write("content/editions/2/de/neu.md", "---\ntitle: Neues Kapitel\n---\n\n## Frisch {#frisch}\n\nGanz neu.\n");
}

struct Loaded {
  Project project;
  Diagnostics diagnostics;
};

Loaded load(const TempTree& tree) {
  Loaded l;
  l.project = load_project(tree.root(), l.diagnostics);
  resolve_project(l.project, l.diagnostics);
  return l;
}

const ChapterChange* chapter(const LanguageDiff& diff, const std::string& stem) {
  for (const auto& c : diff.chapters)
    if ((c.after && c.after->stem == stem) || (!c.after && c.before && c.before->stem == stem)) return &c;
  return nullptr;
}

const SectionChange* section(const LanguageDiff& diff, const std::string& anchor) {
  for (const auto& c : diff.chapters)
    for (const auto& s : c.sections)
      if (s.anchor == anchor) return &s;
  return nullptr;
}

std::string joined(const WordDiff& runs, WordRun::Kind kind) {
  std::string out;
  for (const auto& r : runs)
    if (r.kind == kind) out += r.text;
  return out;
}

TEST(EditionDiff, WordsFollowIcuBoundaries) {
  EXPECT_EQ(split_words("Die Arbeit des Integrationsrates, 2019.", "de"),
            (std::vector<std::string>{"Die", "Arbeit", "des", "Integrationsrates", ",", "2019", "."}));
}

TEST(EditionDiff, WordDiffMarksOnlyTheChangedWord) {
  WordDiff d = diff_words("Der Integrationsrat berät seit 2005.", "Der Integrationsrat berät seit 2010.", "de");
  EXPECT_EQ(joined(d, WordRun::Kind::removed), " 2005");
  EXPECT_EQ(joined(d, WordRun::Kind::added), " 2010");
  // Joining same+removed gives the old text, same+added the new one.
  std::string old_text, new_text;
  for (const auto& r : d) {
    if (r.kind != WordRun::Kind::added) old_text += r.text;
    if (r.kind != WordRun::Kind::removed) new_text += r.text;
  }
  EXPECT_EQ(old_text, "Der Integrationsrat berät seit 2005.");
  EXPECT_EQ(new_text, "Der Integrationsrat berät seit 2010.");
}

TEST(EditionDiff, IdenticalTextsGiveOneSameRun) {
  WordDiff d = diff_words("a b c", "a  b\nc", "de");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, WordRun::Kind::same);
}

TEST(EditionDiff, KnownChangesBetweenTwoEditions) {
  TempTree tree;
  write_diff_project(tree);
  Loaded l = load(tree);
  const Edition* one = l.project.find_edition(1);
  const Edition* two = l.project.find_edition(2);
  ASSERT_TRUE(one && two);
  EditionDiff diff = diff_editions(*one, *two, {"de"});
  ASSERT_EQ(diff.languages.size(), 1u);
  const LanguageDiff& de = diff.languages[0];

  // Renamed chapter, matched by anchors.
  const ChapterChange* umsetzung = chapter(de, "umsetzung");
  ASSERT_TRUE(umsetzung);
  EXPECT_TRUE(umsetzung->renamed);
  EXPECT_EQ(umsetzung->before->stem, "masterplan");
  EXPECT_EQ(umsetzung->shared_anchors, (std::vector<std::string>{"schritte", "bericht"}));
  EXPECT_TRUE(umsetzung->title_changed);

  // Added and removed chapters.
  const ChapterChange* neu = chapter(de, "neu");
  ASSERT_TRUE(neu);
  EXPECT_TRUE(neu->added);
  const ChapterChange* alt = chapter(de, "alt");
  ASSERT_TRUE(alt);
  EXPECT_TRUE(alt->removed);
  EXPECT_FALSE(alt->after.has_value());
  // The removed chapter stands where it stood: after the chapters that preceded it (masterplan
  // became umsetzung), before the added one.
  ASSERT_EQ(de.chapters.size(), 5u);
  EXPECT_EQ(&de.chapters[3], alt);

  // Chapter order: ziele and umsetzung swapped; exactly one of them counts as moved.
  const ChapterChange* ziele = chapter(de, "ziele");
  ASSERT_TRUE(ziele);
  EXPECT_NE(ziele->moved, umsetzung->moved);
  EXPECT_TRUE(ziele->title_changed);
  EXPECT_EQ(joined(ziele->title_diff, WordRun::Kind::removed), "Ziele");
  EXPECT_EQ(joined(ziele->title_diff, WordRun::Kind::added), "Leitziele");

  // Sections.
  const SectionChange* grundlage = section(de, "grundlage");
  ASSERT_TRUE(grundlage);
  EXPECT_TRUE(grundlage->removed);
  const SectionChange* kommunikation = section(de, "kommunikation");
  ASSERT_TRUE(kommunikation);
  EXPECT_TRUE(kommunikation->added);
  EXPECT_EQ(joined(kommunikation->text_diff, WordRun::Kind::added), "Wir informieren.");

  const SectionChange* ablauf = section(de, "ablauf");
  ASSERT_TRUE(ablauf);
  EXPECT_TRUE(ablauf->moved);
  EXPECT_TRUE(ablauf->moved_between_chapters);
  EXPECT_EQ(ablauf->before->chapter, "einleitung");
  EXPECT_EQ(ablauf->after->chapter, "ziele");
  EXPECT_FALSE(ablauf->text_changed);

  const SectionChange* arbeit = section(de, "arbeit");
  const SectionChange* bildung = section(de, "bildung");
  ASSERT_TRUE(arbeit || bildung);
  EXPECT_TRUE((arbeit && arbeit->moved && !arbeit->moved_between_chapters) !=
              (bildung && bildung->moved && !bildung->moved_between_chapters));
  EXPECT_EQ(section(de, "wohnen"), nullptr);  // unchanged sections are not listed

  const SectionChange* anlass = section(de, "anlass");
  ASSERT_TRUE(anlass);
  EXPECT_TRUE(anlass->text_changed);
  EXPECT_FALSE(anlass->moved);
  EXPECT_EQ(joined(anlass->text_diff, WordRun::Kind::removed), " 2005");
  EXPECT_EQ(joined(anlass->text_diff, WordRun::Kind::added), " 2010");

  const SectionChange* schritte = section(de, "schritte");
  ASSERT_TRUE(schritte);
  EXPECT_FALSE(schritte->moved);
  EXPECT_TRUE(schritte->text_changed);
  EXPECT_EQ(joined(schritte->text_diff, WordRun::Kind::removed), "Acht");
  EXPECT_EQ(joined(schritte->text_diff, WordRun::Kind::added), "Neun");

  const SectionChange* bericht = section(de, "bericht");
  ASSERT_TRUE(bericht);
  EXPECT_TRUE(bericht->title_changed);
  EXPECT_FALSE(bericht->text_changed);
  EXPECT_EQ(joined(bericht->title_diff, WordRun::Kind::added), " und Abstimmung");

  EXPECT_EQ(de.summary.chapters_added, 1);
  EXPECT_EQ(de.summary.chapters_removed, 1);
  EXPECT_EQ(de.summary.chapters_renamed, 1);
  EXPECT_EQ(de.summary.chapters_moved, 1);
  EXPECT_EQ(de.summary.sections_added, 2);    // kommunikation, frisch (in the new chapter)
  EXPECT_EQ(de.summary.sections_removed, 2);  // grundlage, veraltet (in the removed chapter)
  EXPECT_EQ(de.summary.sections_moved, 2);    // ablauf, and arbeit or bildung
  EXPECT_EQ(de.summary.sections_changed, 3);  // anlass, schritte, bericht
}

TEST(EditionDiff, SameEditionHasNoChanges) {
  TempTree tree;
  write_diff_project(tree);
  Loaded l = load(tree);
  const Edition* two = l.project.find_edition(2);
  LanguageDiff de = diff_edition_language(*two, *two, "de");
  EXPECT_TRUE(de.summary.empty());
  for (const auto& c : de.chapters) EXPECT_FALSE(c.changed()) << c.after->stem;
}

TEST(EditionDiff, SectionTextIsItsOwnBlocksWithoutSubsections) {
  TempTree tree;
  tree.write_minimal_project();
  Loaded l = load(tree);
  const Chapter* grundsaetze = l.project.find_edition(3)->find_chapter("de", "grundsaetze");
  ASSERT_TRUE(grundsaetze);
  ASSERT_EQ(grundsaetze->sections.size(), 2u);
  EXPECT_EQ(section_text(*grundsaetze, 0), "Vielfalt ist eine Stärke der Stadt.");
  // `[der Präambel](#praeambel)` keeps its own text.
  EXPECT_EQ(section_text(*grundsaetze, 1), "Alle sollen teilhaben; mehr in der Präambel.");
  const Chapter* praeambel = l.project.find_edition(3)->find_chapter("de", "praeambel");
  // `[](#vielfalt)` reads as its target's title.
  EXPECT_EQ(section_text(*praeambel, 0), "Der Integrationsrat berät die Stadt. Siehe Vielfalt als Stärke.");
}

TEST(EditionDiff, ForReadingSkipsTheWordSearchOnlyForRewrittenTexts) {
  TempTree tree;
  write_diff_project(tree);
  // `bericht` gets a text written anew (nothing in common with "Jährlich.").
  tree.write("content/editions/2/de/umsetzung.md",
             "---\ntitle: Umsetzung\n---\n\n## Schritte {#schritte}\n\nNeun Schritte führen zum Ziel.\n\n"
             "## Kommunikation {#kommunikation}\n\nWir informieren.\n\n## Bericht und Abstimmung {#bericht}\n\n"
             "Der Rat bekommt im Herbst eine ausführliche Bilanz vorgelegt.\n");
  Loaded l = load(tree);
  const Edition* one = l.project.find_edition(1);
  const Edition* two = l.project.find_edition(2);
  const LanguageDiff every = diff_edition_language(*one, *two, "de");
  const LanguageDiff reading = diff_edition_language(*one, *two, "de", DiffDetail::for_reading);
  EXPECT_EQ(every.summary.sections_changed, reading.summary.sections_changed);
  // One word changed: the same shortest diff either way, not rewritten.
  ASSERT_TRUE(section(every, "anlass") && section(reading, "anlass"));
  EXPECT_EQ(joined(section(reading, "anlass")->text_diff, WordRun::Kind::added),
            joined(section(every, "anlass")->text_diff, WordRun::Kind::added));
  EXPECT_EQ(section(reading, "anlass")->text_diff.size(), section(every, "anlass")->text_diff.size());
  EXPECT_FALSE(is_rewritten(section(reading, "anlass")->text_diff));
  // Written anew: everything removed, everything added; rewritten by both.
  const SectionChange* bericht = section(reading, "bericht");
  ASSERT_TRUE(bericht && bericht->text_changed);
  ASSERT_EQ(bericht->text_diff.size(), 2u);
  EXPECT_EQ(bericht->text_diff[0].kind, WordRun::Kind::removed);
  EXPECT_EQ(bericht->text_diff[0].text, "Jährlich.");
  EXPECT_EQ(bericht->text_diff[1].kind, WordRun::Kind::added);
  EXPECT_TRUE(is_rewritten(bericht->text_diff));
  EXPECT_TRUE(is_rewritten(section(every, "bericht")->text_diff));
}

// The shortcut must never change what the changes page shows: over many pairs of texts from small
// vocabularies (so that they share anything from nothing to everything), a diff for reading is
// either the shortest diff itself or "all removed, all added", and then the shortest diff is
// rewritten too.
TEST(EditionDiff, ForReadingNeverCallsATextRewrittenThatIsNot) {
  TempTree tree;
  tree.write("leitbild.yaml", "title: { de: \"Test\" }\npublisher: { de: \"Stadt\" }\nlanguages: [de]\n");
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  const std::vector<std::string> vocabulary = {"die", "Stadt", "fördert", "Vielfalt", "und", "Teilhabe", "aller", "Menschen",
                                               "im", "Quartier", "der", "Integrationsrat", "berät", "Rat", "jährlich", "neu"};
  constexpr int kSections = 120;
  for (int edition = 1; edition <= 2; ++edition) {
    tree.write(fmt::format("content/editions/{}/edition.yaml", edition),
               fmt::format("edition: {}\ntitle: {{ de: \"{}. Auflage\" }}\nstatus: draft\nchapters: [text]\n", edition, edition));
  }
  std::string old_chapter = "---\ntitle: Text\n---\n", new_chapter = old_chapter;
  for (int i = 0; i < kSections; ++i) {
    const std::size_t words = 1 + next() % 30;
    const std::size_t spread = 2 + static_cast<std::size_t>(i) % (vocabulary.size() - 1);  // how many words each text draws from
    const std::size_t keep = next() % 101;  // percent of old words the new text keeps where they were
    std::string before, after;
    for (std::size_t w = 0; w < words; ++w) {
      const std::string& word = vocabulary[next() % spread];
      before += (w ? " " : "") + word;
      after += (w ? (next() % 5 == 0 ? "\n" : " ") : "") + (next() % 100 < keep ? word : vocabulary[next() % vocabulary.size()]);
    }
    old_chapter += fmt::format("\n## Abschnitt {} {{#a{}}}\n\n{}.\n", i, i, before);
    new_chapter += fmt::format("\n## Abschnitt {} {{#a{}}}\n\n{}.\n", i, i, after);
  }
  tree.write("content/editions/1/de/text.md", old_chapter);
  tree.write("content/editions/2/de/text.md", new_chapter);
  Loaded l = load(tree);
  ASSERT_FALSE(l.diagnostics.has_errors());
  const LanguageDiff every = diff_edition_language(*l.project.find_edition(1), *l.project.find_edition(2), "de");
  const LanguageDiff reading =
      diff_edition_language(*l.project.find_edition(1), *l.project.find_edition(2), "de", DiffDetail::for_reading);
  int shortcuts = 0, rewritten = 0, edited = 0;
  for (int i = 0; i < kSections; ++i) {
    const SectionChange* e = section(every, fmt::format("a{}", i));
    const SectionChange* r = section(reading, fmt::format("a{}", i));
    ASSERT_EQ(e == nullptr, r == nullptr) << i;
    if (!e || !e->text_changed) continue;
    ASSERT_TRUE(r->text_changed);
    const bool same_runs = e->text_diff.size() == r->text_diff.size() &&
                           std::equal(e->text_diff.begin(), e->text_diff.end(), r->text_diff.begin(),
                                      [](const WordRun& x, const WordRun& y) { return x.kind == y.kind && x.text == y.text; });
    if (!same_runs) {
      ++shortcuts;
      ASSERT_EQ(r->text_diff.size(), 2u) << i;
      EXPECT_EQ(r->text_diff[0].kind, WordRun::Kind::removed) << i;
      EXPECT_EQ(r->text_diff[1].kind, WordRun::Kind::added) << i;
      EXPECT_TRUE(is_rewritten(e->text_diff)) << "section " << i << " is not rewritten, but the shortcut was taken";
    }
    EXPECT_EQ(is_rewritten(e->text_diff), is_rewritten(r->text_diff)) << i;
    (is_rewritten(e->text_diff) ? rewritten : edited)++;
  }
  // The sample covers all three cases.
  EXPECT_GT(shortcuts, 5);
  EXPECT_GT(rewritten, shortcuts);
  EXPECT_GT(edited, 5);
}

// The issue's own example: the bundled edition 1 `masterplan` became edition 3 `umsetzung`.
TEST(EditionDiff, BundledMasterplanBecameUmsetzung) {
  Diagnostics d;
  Project project = load_project(LEITBILD_SOURCE_DIR, d, LoadOptions{{1, 3}});
  resolve_project(project, d);
  const Edition* one = project.find_edition(1);
  const Edition* three = project.find_edition(3);
  ASSERT_TRUE(one && three);
  for (const char* lang : {"de", "nl"}) {
    LanguageDiff diff = diff_edition_language(*one, *three, lang);
    const ChapterChange* umsetzung = chapter(diff, "umsetzung");
    ASSERT_TRUE(umsetzung) << lang;
    EXPECT_TRUE(umsetzung->renamed) << lang;
    ASSERT_TRUE(umsetzung->before) << lang;
    EXPECT_EQ(umsetzung->before->stem, "masterplan") << lang;
    EXPECT_NE(std::find(umsetzung->shared_anchors.begin(), umsetzung->shared_anchors.end(), "schritte"),
              umsetzung->shared_anchors.end());
    EXPECT_NE(std::find(umsetzung->shared_anchors.begin(), umsetzung->shared_anchors.end(), "bericht"),
              umsetzung->shared_anchors.end());
  }
}

}  // namespace
}  // namespace leitbild
