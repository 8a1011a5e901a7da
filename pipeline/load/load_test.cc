#include "load/load.h"

#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include "support/tree.h"

namespace leitbild {
namespace {

using testing::TempTree;

bool has_code(const Diagnostics& d, std::string_view code, const std::string& file = {}, int line = -1) {
  for (const auto& x : d.all())
    if (x.code == code && (file.empty() || x.where.file == file) && (line < 0 || x.where.line == line)) return true;
  return false;
}

std::string dump(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.code + " " + x.where.file + ":" + std::to_string(x.where.line) + " " + x.message + "\n";
  return s;
}

TEST(Load, MinimalProjectLoadsWithoutDiagnostics) {
  TempTree tree;
  tree.write_minimal_project();
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  EXPECT_TRUE(d.all().empty()) << dump(d);
  ASSERT_EQ(p.languages, (std::vector<std::string>{"de", "nl"}));
  ASSERT_EQ(p.editions.size(), 1u);
  EXPECT_EQ(p.editions[0].number, 3);
  EXPECT_EQ(p.editions[0].chapters.at("de").size(), 2u);
  EXPECT_EQ(p.editions[0].chapters.at("de")[1].sections[0].anchor, "vielfalt");
  EXPECT_EQ(p.editions[0].chapters.at("de")[1].sections[0].title, "Vielfalt als Stärke");
  EXPECT_EQ(p.editions[0].chapters.at("de")[1].sections[0].where.line, 5);
  ASSERT_EQ(p.decks.size(), 1u);
  EXPECT_EQ(p.decks[0].texts.at("de").slides.size(), 2u);
  EXPECT_EQ(p.decks[0].texts.at("de").slides[0].notes.size(), 1u);
  ASSERT_EQ(p.glossary.size(), 1u);
  EXPECT_EQ(p.glossary[0].languages.at("de").deprecated, std::vector<std::string>{"Ausländerbeirat"});
}

// An edition with enough chapters that they are read on several threads. cmark-gfm's parser is
// not re-entrant (a process-wide table of inline characters): parsed at once, chapters lost
// their autolinks, strikethrough and tables at random. Every chapter must parse as it does alone.
TEST(Load, ChaptersReadOnSeveralThreadsParseAsAlone) {
  TempTree tree;
  tree.write_minimal_project();
  const std::string body =
      "## Abschnitt {#abschnitt}\n\nSiehe www.stadt-muenster.de und <https://example.org/a> oder info@example.org; "
      "~~alt~~ neu.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n";
  std::string list = "[";
  const int kChapters = 120;
  for (int i = 0; i < kChapters; ++i) {
    const std::string stem = "k" + std::to_string(i);
    list += (i ? ", " : "") + stem;
    for (const char* lang : {"de", "nl"})
      tree.write(std::string("content/editions/3/") + lang + "/" + stem + ".md",
                 "---\ntitle: K" + std::to_string(i) + "\n---\n\n" + body);
  }
  tree.write("content/editions/3/edition.yaml", "edition: 3\ntitle: { de: \"3. Auflage\", nl: \"3e editie\" }\nstatus: draft\nchapters: " + list + "]\n");
  for (const char* lang : {"de", "nl"}) {
    tree.remove(std::string("content/editions/3/") + lang + "/praeambel.md");
    tree.remove(std::string("content/editions/3/") + lang + "/grundsaetze.md");
  }
  for (int round = 0; round < 3; ++round) {
    Diagnostics d;
    Project p = load_project(tree.root(), d);
    ASSERT_EQ(p.editions.size(), 1u);
    for (const char* lang : {"de", "nl"}) {
      const auto& chapters = p.editions[0].chapters.at(lang);
      ASSERT_EQ(chapters.size(), static_cast<std::size_t>(kChapters));
      for (const Chapter& chapter : chapters) {
        int links = 0, strike = 0, tables = 0;
        cmark_iter* iter = cmark_iter_new(chapter.doc.root());
        for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
          if (ev != CMARK_EVENT_ENTER) continue;
          cmark_node* node = cmark_iter_get_node(iter);
          const std::string type = cmark_node_get_type_string(node);
          links += cmark_node_get_type(node) == CMARK_NODE_LINK;
          strike += type == "strikethrough";
          tables += type == "table";
        }
        cmark_iter_free(iter);
        EXPECT_EQ(links, 3) << chapter.path;
        EXPECT_EQ(strike, 1) << chapter.path;
        EXPECT_EQ(tables, 1) << chapter.path;
      }
    }
  }
}

TEST(Load, MissingManifest) {
  TempTree tree;
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0104", "leitbild.yaml"));
}

TEST(Load, InvalidUtf8PointsAtLineAndColumn) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md", "---\ntitle: Grundsätze\n---\n\nGute Zeile.\nKaputt: \xE4 hier\n");
  Diagnostics d;
  load_project(tree.root(), d);
  ASSERT_TRUE(has_code(d, "LB0102", "content/editions/3/de/grundsaetze.md", 6)) << dump(d);
  for (const auto& x : d.all())
    if (x.code == "LB0102") { EXPECT_EQ(x.where.column, 9); }
}

TEST(Load, Utf16IsRefused) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md", std::string("\xFF\xFE-\0-\0-\0", 8));
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0102", "content/editions/3/de/grundsaetze.md")) << dump(d);
}

TEST(Load, BomAndCrlfAccepted) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md",
             "\xEF\xBB\xBF---\r\ntitle: Grundsätze\r\n---\r\n\r\n## Vielfalt als Stärke {#vielfalt}\r\n\r\nText.\r\n\r\n### Teilhabe\r\n\r\nMehr.\r\n");
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  EXPECT_TRUE(d.all().empty()) << dump(d);
  EXPECT_EQ(p.editions[0].chapters.at("de")[1].title, "Grundsätze");
}

TEST(Load, NfcNormalisation) {
  TempTree tree;
  tree.write_minimal_project();
  // "Grundsa\u0308tze" written decomposed (a + combining diaeresis).
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsa\xCC\x88tze\n---\n\n## Vielfalt als Sta\xCC\x88rke {#vielfalt}\n\nText.\n\n### Teilhabe\n\nMehr.\n");
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  EXPECT_EQ(p.editions[0].chapters.at("de")[1].title, "Grundsätze");
}

TEST(Load, YamlErrorReportedAtItsLineInTheFile) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md", "---\ntitle: Grundsätze\nnumbered: [true\n---\n\nText.\n");
  Diagnostics d;
  load_project(tree.root(), d);
  bool found = false;
  for (const auto& x : d.all())
    if (x.code == "LB0103") {
      found = true;
      EXPECT_GE(x.where.line, 3) << dump(d);
    }
  EXPECT_TRUE(found) << dump(d);
}

TEST(Load, ListedChapterMissing) {
  TempTree tree;
  tree.write_minimal_project();
  tree.remove("content/editions/3/de/grundsaetze.md");
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0108", "content/editions/3/edition.yaml", 6)) << dump(d);
}

TEST(Load, TranslationMissingIsParity) {
  TempTree tree;
  tree.write_minimal_project();
  tree.remove("content/editions/3/nl/grundsaetze.md");
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0301", "content/editions/3/nl/grundsaetze.md")) << dump(d);
}

TEST(Load, UnlistedChapter) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsatze.md", "---\ntitle: X\n---\nText\n");
  Diagnostics d;
  load_project(tree.root(), d);
  ASSERT_TRUE(has_code(d, "LB0109", "content/editions/3/de/grundsatze.md")) << dump(d);
  for (const auto& x : d.all())
    if (x.code == "LB0109") { EXPECT_NE(x.hint.find("grundsaetze"), std::string::npos); }
}

TEST(Load, UndeclaredLanguageFolder) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/fr/praeambel.md", "---\ntitle: Préambule\n---\nTexte\n");
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0110", "content/editions/3/fr")) << dump(d);
}

TEST(Load, UnknownKeyWarnsWithSuggestion) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md", "---\ntitle: Grundsätze\nnumberd: false\n---\n\n## A {#vielfalt}\n\nText.\n\n### Teilhabe\n\nx\n");
  Diagnostics d;
  load_project(tree.root(), d);
  ASSERT_TRUE(has_code(d, "LB0107", "content/editions/3/de/grundsaetze.md", 3)) << dump(d);
  for (const auto& x : d.all())
    if (x.code == "LB0107") {
      EXPECT_EQ(x.severity, Severity::warning);
      EXPECT_NE(x.hint.find("numbered"), std::string::npos);
    }
}

TEST(Load, WrongTypeAndMissingKey) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/edition.yaml", "edition: drei\ntitle: { de: \"3. Auflage\" }\nchapters: [praeambel, grundsaetze]\n");
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0105", "content/editions/3/edition.yaml", 1)) << dump(d);
  EXPECT_TRUE(has_code(d, "LB0106", "content/editions/3/edition.yaml", 2)) << dump(d);  // no nl title
}

TEST(Load, MissingFrontMatter) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md", "# Grundsätze\n\nText.\n");
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0111", "content/editions/3/de/grundsaetze.md", 1)) << dump(d);
}

TEST(Load, ChapterThatIsAFolder) {
  TempTree tree;
  tree.write_minimal_project();
  tree.remove("content/editions/3/de/grundsaetze.md");
  tree.write("content/editions/3/de/grundsaetze.md/x", "y");
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0116", "content/editions/3/de/grundsaetze.md")) << dump(d);
}

TEST(Load, DuplicateEditionNumbers) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/03/edition.yaml", "edition: 3\n");
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0113")) << dump(d);
}

TEST(Load, InvalidAnchorId) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md", "---\ntitle: G\n---\n\n## Vielfalt {#Viel falt}\n\nText.\n");
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0112", "content/editions/3/de/grundsaetze.md", 5)) << dump(d);
}

TEST(Load, DeepNestingRefused) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md", "---\ntitle: G\n---\n\n" + std::string(10000, '>') + " tief\n");
  Diagnostics d;
  load_project(tree.root(), d);
  EXPECT_TRUE(has_code(d, "LB0117", "content/editions/3/de/grundsaetze.md")) << dump(d);
}

}  // namespace
}  // namespace leitbild
