#include <gtest/gtest.h>

#include <filesystem>

#include "support/check_run.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::check_tree;
using testing::count_code;
using testing::dump;
using testing::find_code;
using testing::TempTree;

constexpr const char* kChapter = "content/editions/3/de/grundsaetze.md";

// The source chapter with `paragraph` as line 7.
void write_chapter(const TempTree& tree, const std::string& paragraph) {
  tree.write(kChapter, "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\n" + paragraph +
                           "\n\n### Teilhabe\n\nAlle sollen teilhaben.\n");
}

TEST(CheckLinks, ExistingFilesWithAltTextPass) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/bilder/karte.png", "png");
  tree.write("content/editions/3/de/anhang teil.pdf", "pdf");
  write_chapter(tree, "![Karte der Stadtteile](../bilder/karte.png \"Karte\") und [der Anhang](anhang%20teil.pdf#page=2), "
                      "[die Stadt](https://www.stadt-muenster.de), [Mail](mailto:a@b.de) und ![Logo](<../bilder/karte.png>).");
  Diagnostics d = check_tree(tree.root());
  for (const char* code : {"LB0303", "LB0304", "LB0308"}) EXPECT_EQ(count_code(d, code), 0) << dump(d);
}

TEST(CheckLinks, MissingImageIsReportedWithPosition) {
  TempTree tree;
  tree.write_minimal_project();
  write_chapter(tree, "Die Karte: ![Karte](bilder/karte.png)");
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0303", kChapter, 7);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_EQ(x->where.column, 21);  // the path inside the parentheses
  EXPECT_NE(x->message.find("content/editions/3/de/bilder/karte.png"), std::string::npos) << x->message;
}

TEST(CheckLinks, WrongCaseSuggestsTheRealName) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/bilder/Karte.PNG", "png");
  write_chapter(tree, "![Karte](bilder/karte.png)");
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0303", kChapter, 7);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->hint.find("`bilder/Karte.PNG`"), std::string::npos) << x->hint;
}

TEST(CheckLinks, FolderIsNotAFile) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/bilder/a.png", "png");
  write_chapter(tree, "[Bilder](bilder/)");
  Diagnostics d = check_tree(tree.root());
  ASSERT_NE(find_code(d, "LB0303", kChapter, 7), nullptr) << dump(d);
}

TEST(CheckLinks, ImageWithoutAltText) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/karte.png", "png");
  write_chapter(tree, "Siehe ![](karte.png) und ![  ](karte.png).");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0304"), 2) << dump(d);
  EXPECT_EQ(count_code(d, "LB0303"), 0) << dump(d);
}

TEST(CheckLinks, PathsLeavingTheProjectAreErrors) {
  TempTree tree;
  tree.write_minimal_project();
  for (const std::string url : {"../../../../../etc/passwd", "/etc/passwd", "file:///etc/passwd", "FILE:/etc/passwd",
                                "C:\\bilder\\karte.png", "..\\\\..\\\\..\\\\..\\\\..\\\\etc", "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2E%2E/x",
                                "//server/share/karte.png"}) {
    write_chapter(tree, "[Datei](<" + url + ">)");
    Diagnostics d = check_tree(tree.root());
    EXPECT_NE(find_code(d, "LB0308", kChapter, 7), nullptr) << url << "\n" << dump(d);
    EXPECT_EQ(count_code(d, "LB0303"), 0) << url << "\n" << dump(d);
  }
}

TEST(CheckLinks, PathInsideTheTreeThroughParentFoldersIsFine) {
  TempTree tree;
  tree.write_minimal_project();
  write_chapter(tree, "[Manifest](../../../../leitbild.yaml)");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0308"), 0) << dump(d);
  EXPECT_EQ(count_code(d, "LB0303"), 0) << dump(d);
}

TEST(CheckLinks, SymbolicLinkOutOfTheProjectIsAnError) {
  TempTree tree;
  TempTree outside;
  tree.write_minimal_project();
  outside.write("geheim.png", "secret");
  std::filesystem::create_symlink(outside.root() / "geheim.png", tree.root() / "content/editions/3/de/bild.png");
  write_chapter(tree, "![Bild](bild.png)");
  Diagnostics d = check_tree(tree.root());
  EXPECT_NE(find_code(d, "LB0308", kChapter, 7), nullptr) << dump(d);
}

TEST(CheckLinks, DeckImagesAreRelativeToTheDeckFolder) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/decks/vortrag/da.png", "png");
  tree.write("content/decks/vortrag/de.md", "## Erste Folie\n\n![Da](da.png) ![Fehlt](fehlt.png)\n\n## Zweite Folie\n\n- Punkt\n");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0303"), 1) << dump(d);
  const Diagnostic* x = find_code(d, "LB0303", "content/decks/vortrag/de.md", 3);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("fehlt.png"), std::string::npos);
}

}  // namespace
}  // namespace leitbild
