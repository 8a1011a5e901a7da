// Hostile inputs too large or too odd to commit: generated into a fresh tree, run through the
// real binary, each must end with a clear answer in bounded time and never crash.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/tree.h"

namespace leitbild {
namespace {
namespace fs = std::filesystem;
using testing::TempTree;

const fs::path kBase = fs::path(LEITBILD_SOURCE_DIR) / "tests/bad/_base";
const std::string kChapter = "content/editions/3/de/grundsaetze.md";

struct Outcome {
  int exit_code;
  nlohmann::json diagnostics;
};

Outcome check(const TempTree& tree) {
  auto r = testing::run_leitbild("check '" + tree.root().string() + "' --format json");
  nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << r.out << r.err;
  return {r.exit_code, doc.is_discarded() ? nlohmann::json::array() : doc["diagnostics"]};
}

bool reports(const Outcome& o, const std::string& code, const std::string& file) {
  for (const auto& d : o.diagnostics)
    if (d["code"] == code && d["file"] == file) return true;
  return false;
}

void base(const TempTree& tree) {
  fs::copy(kBase, tree.root(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::string chapter(const std::string& body) { return "---\ntitle: Grundsätze\n---\n\n" + body; }

const std::string kSections = "## Vielfalt als Stärke {#vielfalt}\n\nText.\n\n## Teilhabe {#teilhabe}\n\nText.\n";

TEST(BadGenerated, FiveMegabyteSingleLineIsLegal) {
  TempTree tree;
  base(tree);
  std::string line;
  while (line.size() < 5 * 1024 * 1024) line += "Vielfalt ist eine Stärke der Stadt und ihrer Menschen. ";
  tree.write(kChapter, chapter(kSections + "\n" + line + "\n"));
  Outcome o = check(tree);
  EXPECT_EQ(o.exit_code, 0) << o.diagnostics.dump(1);
}

TEST(BadGenerated, FiftyMegabyteChapterIsRefused) {
  TempTree tree;
  base(tree);
  {
    std::ofstream out(tree.root() / kChapter, std::ios::binary);
    out << chapter(kSections);
    std::string block(1024 * 1024, 'x');
    for (int i = 0; i < 50; ++i) out << block << "\n";
  }
  Outcome o = check(tree);
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_TRUE(reports(o, "LB0115", kChapter)) << o.diagnostics.dump(1);
}

TEST(BadGenerated, TenThousandNestedBlockQuotes) {
  TempTree tree;
  base(tree);
  tree.write(kChapter, chapter(kSections + std::string(10000, '>') + " tief\n"));
  Outcome o = check(tree);
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_TRUE(reports(o, "LB0117", kChapter)) << o.diagnostics.dump(1);
}

TEST(BadGenerated, TenThousandNestedListItems) {
  TempTree tree;
  base(tree);
  // "- - - Punkt" opens one list item inside another per marker: 10 000 levels in 20 kB, where
  // indented lines would need 100 MB and trip the file-size limit instead.
  std::string body = kSections;
  for (int i = 0; i < 10000; ++i) body += "- ";
  tree.write(kChapter, chapter(body + "Punkt\n"));
  Outcome o = check(tree);
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_TRUE(reports(o, "LB0117", kChapter)) << o.diagnostics.dump(1);
}

TEST(BadGenerated, HundredThousandCrossReferencesInOneChapter) {
  TempTree tree;
  base(tree);
  std::string body = kSections + "\n";
  for (int i = 0; i < 100000; ++i) body += "[](#vielfalt) ";
  tree.write(kChapter, chapter(body + "\n"));
  Outcome o = check(tree);
  EXPECT_EQ(o.exit_code, 0) << o.diagnostics.dump(1).substr(0, 2000);
}

TEST(BadGenerated, HundredThousandBrokenCrossReferencesStayBounded) {
  TempTree tree;
  base(tree);
  std::string body = kSections + "\n";
  for (int i = 0; i < 100000; ++i) body += "[](#nirgends) ";
  tree.write(kChapter, chapter(body + "\n"));
  Outcome o = check(tree);
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_TRUE(reports(o, "LB0202", kChapter));
}

TEST(BadGenerated, SymlinkOutOfTheTree) {
  TempTree outside;
  outside.write("secret.md", "---\ntitle: Geheim\n---\n\n## Vielfalt {#vielfalt}\n\nx\n\n## T {#teilhabe}\n\ny\n");
  TempTree tree;
  base(tree);
  tree.remove(kChapter);
  fs::create_symlink(outside.root() / "secret.md", tree.root() / kChapter);
  Outcome o = check(tree);
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_TRUE(reports(o, "LB0116", kChapter)) << o.diagnostics.dump(1);
}

TEST(BadGenerated, UnreadableFile) {
  TempTree tree;
  base(tree);
  // Root reads every file whatever its permissions (CI runs as root), so there the check runs as
  // `nobody`, which needs to read the rest of the tree and run the binary.
  std::string runner;
  if (geteuid() == 0) {
    runner = "setpriv --reuid=65534 --regid=65534 --clear-groups";
    if (testing::run_leitbild("--version", runner).exit_code != 0)
      GTEST_SKIP() << "`nobody` cannot run " << LEITBILD_BINARY << " (setpriv missing or the build folder is private)";
    for (const auto& entry : fs::recursive_directory_iterator(tree.root()))
      fs::permissions(entry.path(), fs::perms::others_read | (entry.is_directory() ? fs::perms::others_exec : fs::perms::none),
                      fs::perm_options::add);
    fs::permissions(tree.root(), fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
  }
  fs::permissions(tree.root() / kChapter, fs::perms::none);
  auto r = testing::run_leitbild("check '" + tree.root().string() + "' --format json", runner);
  auto doc = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << r.out << r.err;
  Outcome o{r.exit_code, doc["diagnostics"]};
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_TRUE(reports(o, "LB0101", kChapter)) << o.diagnostics.dump(1);
}

}  // namespace
}  // namespace leitbild
