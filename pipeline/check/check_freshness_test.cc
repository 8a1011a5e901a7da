#include <gtest/gtest.h>

#include "resolve/fingerprint.h"
#include "resolve/source_history.h"
#include "support/check_run.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::check_tree;
using testing::count_code;
using testing::dump;
using testing::find_code;
using testing::TempTree;

constexpr const char* kSource = "content/editions/3/de/grundsaetze.md";
constexpr const char* kTranslation = "content/editions/3/nl/grundsaetze.md";

std::string translation_with(const std::string& fingerprint) {
  return "---\ntitle: Uitgangspunten\ntranslation-of: " + fingerprint +
         "\n---\n\n## Diversiteit als kracht {#vielfalt}\n\nDiversiteit is een kracht van de stad.\n\n"
         "### Deelname\n\nIedereen moet kunnen meedoen; meer in [de preambule](#praeambel).\n";
}

std::string current_fingerprint(const TempTree& tree) { return *fingerprint_of_chapter_file(tree.read(kSource)); }

TEST(CheckFreshness, TranslationsWithoutFingerprintGetANote) {
  TempTree tree;
  tree.write_minimal_project();
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0314"), 2) << dump(d);
  const Diagnostic* x = find_code(d, "LB0314", kTranslation, 2);  // at `title:`
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_EQ(x->severity, Severity::note);
  EXPECT_EQ(count_code(d, "LB0310"), 0) << dump(d);
}

TEST(CheckFreshness, UpToDateTranslationIsQuiet) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write(kTranslation, translation_with(current_fingerprint(tree)));
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(find_code(d, "LB0314", kTranslation), nullptr) << dump(d);
  EXPECT_EQ(count_code(d, "LB0310"), 0) << dump(d);
}

TEST(CheckFreshness, ChangedSourceMakesTheTranslationStale) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write(kTranslation, translation_with(current_fingerprint(tree)));
  tree.write(kSource, tree.read(kSource) + "\nEin neuer Absatz.\n");
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0310", kTranslation, 3);  // at `translation-of:`
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_EQ(x->severity, Severity::warning);
  EXPECT_NE(x->message.find(kSource), std::string::npos) << x->message;
  EXPECT_NE(x->hint.find("leitbild translation accept content/editions/3/nl/grundsaetze.md"), std::string::npos) << x->hint;
}

TEST(CheckFreshness, FrontMatterChangesOtherThanTheTitleDoNotCount) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write(kTranslation, translation_with(current_fingerprint(tree)));
  std::string source = tree.read(kSource);
  source.replace(source.find("title: Grundsätze\n"), 18, "title: Grundsätze\nnumber: 4\n");
  tree.write(kSource, source);
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0310"), 0) << dump(d);
}

TEST(CheckFreshness, SomethingElseThanAFingerprint) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write(kTranslation, translation_with("version 2"));
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0310", kTranslation, 3);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("not a fingerprint"), std::string::npos) << x->message;
}

TEST(CheckFreshness, GitHistoryNamesTheChangedSections) {
  TempTree tree;
  tree.write_minimal_project();
  if (!run_git(tree.root(), {"init", "-q"})) GTEST_SKIP() << "git is not installed";
  auto commit = [&](const char* message) {
    ASSERT_TRUE(run_git(tree.root(), {"add", "-A"}));
    ASSERT_TRUE(run_git(tree.root(), {"-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
                                      "commit", "-q", "-m", message}));
  };
  const std::string accepted = current_fingerprint(tree);
  tree.write(kTranslation, translation_with(accepted));
  commit("first");
  // A later commit rewords the first section; the working tree then changes the subsection.
  std::string source = tree.read(kSource);
  source.replace(source.find("Vielfalt ist eine Stärke der Stadt."), 35, "Vielfalt ist die Stärke der Stadt.");
  tree.write(kSource, source);
  commit("second");
  tree.write(kSource, tree.read(kSource) + "Noch ein Satz.\n");

  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0310", kTranslation, 3);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("{#vielfalt}"), std::string::npos) << x->message;
  EXPECT_NE(x->message.find("{#teilhabe}"), std::string::npos) << x->message;
  EXPECT_EQ(x->message.find("the chapter title"), std::string::npos) << x->message;
  EXPECT_NE(x->hint.find("--diff"), std::string::npos) << x->hint;

  auto version = find_source_version(tree.root(), kSource, accepted);
  ASSERT_TRUE(version.has_value());
  auto diff = source_diff_since(tree.root(), version->commit, kSource);
  ASSERT_TRUE(diff.has_value());
  EXPECT_NE(diff->find("+Vielfalt ist die Stärke der Stadt."), std::string::npos) << *diff;
  EXPECT_NE(diff->find("+Noch ein Satz."), std::string::npos) << *diff;
}

TEST(CheckFreshness, OutsideGitTheWarningSaysSoPlainly) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write(kTranslation, translation_with("sha256:0123456789abcdef"));
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0310", kTranslation, 3);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("cannot say which sections"), std::string::npos) << x->message;
}

}  // namespace
}  // namespace leitbild
