// `leitbild translation status` and `leitbild translation accept` through the real binary.
#include <gtest/gtest.h>

#include "resolve/fingerprint.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::run_leitbild;
using testing::TempTree;

constexpr const char* kSource = "content/editions/3/de/grundsaetze.md";
constexpr const char* kTranslation = "content/editions/3/nl/grundsaetze.md";

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

std::string status_line(const std::string& table, const std::string& stem) {
  std::size_t at = table.find("  " + stem + " ");
  if (at == std::string::npos) return {};
  std::size_t start = table.rfind('\n', at);
  return table.substr(start + 1, table.find('\n', at) - start - 1);
}

TEST(TranslationCli, StatusOfAFreshTree) {
  TempTree tree;
  tree.write_minimal_project();
  auto result = run_leitbild("translation status " + quoted(tree.root()));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("edition  chapter"), std::string::npos) << result.out;
  EXPECT_NE(status_line(result.out, "grundsaetze").find("no fingerprint"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("0 up to date, 0 stale, 2 without fingerprint, 0 missing"), std::string::npos) << result.out;
}

TEST(TranslationCli, AcceptThenStaleThenAcceptAgain) {
  TempTree tree;
  tree.write_minimal_project();
  const std::string before = tree.read(kTranslation);
  auto accepted = run_leitbild("translation accept " + quoted(tree.root() / kTranslation));
  ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
  const std::string fingerprint = *fingerprint_of_chapter_file(tree.read(kSource));
  std::string expected = before;
  expected.insert(expected.find("\n") + 1 + std::string("title: Uitgangspunten\n").size(), "translation-of: " + fingerprint + "\n");
  EXPECT_EQ(tree.read(kTranslation), expected);

  auto status = run_leitbild("translation status " + quoted(tree.root()));
  EXPECT_NE(status_line(status.out, "grundsaetze").find("up to date"), std::string::npos) << status.out;
  auto check = run_leitbild("check " + quoted(tree.root()));
  EXPECT_EQ(check.err.find("content/editions/3/nl/grundsaetze.md:2:1: note[LB0314]"), std::string::npos) << check.err;

  // Accepting twice changes nothing.
  EXPECT_EQ(run_leitbild("translation accept " + quoted(tree.root() / kTranslation)).exit_code, 0);
  EXPECT_EQ(tree.read(kTranslation), expected);

  tree.write(kSource, tree.read(kSource) + "\nNeu.\n");
  status = run_leitbild("translation status " + quoted(tree.root()));
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status_line(status.out, "grundsaetze").find("stale"), std::string::npos) << status.out;
  check = run_leitbild("check " + quoted(tree.root()));
  EXPECT_NE(check.err.find("content/editions/3/nl/grundsaetze.md:3:1: warning[LB0310]"), std::string::npos) << check.err;

  ASSERT_EQ(run_leitbild("translation accept " + quoted(tree.root() / kTranslation)).exit_code, 0);
  const std::string updated = tree.read(kTranslation);
  EXPECT_NE(updated.find("translation-of: " + *fingerprint_of_chapter_file(tree.read(kSource)) + "\n"), std::string::npos);
  EXPECT_EQ(updated.size(), expected.size());  // the line was replaced, not added again
}

TEST(TranslationCli, AcceptKeepsBomAndCrlf) {
  TempTree tree;
  tree.write_minimal_project();
  const std::string crlf = "\xEF\xBB\xBF---\r\ntitle: Uitgangspunten  # titel\r\nnumbered: true\r\n---\r\n\r\n"
                           "## Diversiteit als kracht {#vielfalt}\r\n\r\nDiversiteit is een kracht.  \r\n\r\n"
                           "### Deelname\r\n\r\nIedereen doet mee.\r\n";
  tree.write(kTranslation, crlf);
  ASSERT_EQ(run_leitbild("translation accept " + quoted(tree.root() / kTranslation)).exit_code, 0);
  std::string expected = crlf;
  const std::string after = "title: Uitgangspunten  # titel\r\n";
  expected.insert(expected.find(after) + after.size(),
                  "translation-of: " + *fingerprint_of_chapter_file(tree.read(kSource)) + "\r\n");
  EXPECT_EQ(tree.read(kTranslation), expected);
  auto status = run_leitbild("translation status " + quoted(tree.root()));
  EXPECT_NE(status_line(status.out, "grundsaetze").find("up to date"), std::string::npos) << status.out;
}

TEST(TranslationCli, AcceptRefusesWhatIsNotATranslation) {
  TempTree tree;
  tree.write_minimal_project();
  auto source = run_leitbild("translation accept " + quoted(tree.root() / kSource));
  EXPECT_EQ(source.exit_code, 2);
  EXPECT_NE(source.err.find("source"), std::string::npos) << source.err;
  EXPECT_EQ(run_leitbild("translation accept " + quoted(tree.root() / "content/editions/3/nl/nix.md")).exit_code, 2);
  EXPECT_EQ(run_leitbild("translation accept " + quoted(tree.root() / "leitbild.yaml")).exit_code, 2);
  TempTree outside;
  outside.write("x.md", "---\ntitle: X\n---\n");
  EXPECT_EQ(run_leitbild("translation accept " + quoted(outside.root() / "x.md")).exit_code, 2);
  EXPECT_EQ(run_leitbild("translation accept").exit_code, 2);
  EXPECT_EQ(tree.read(kTranslation).find("translation-of"), std::string::npos);
}

TEST(TranslationCli, MissingTranslationIsListed) {
  TempTree tree;
  tree.write_minimal_project();
  tree.remove(kTranslation);
  auto status = run_leitbild("translation status " + quoted(tree.root()));
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status_line(status.out, "grundsaetze").find("missing"), std::string::npos) << status.out;
}

}  // namespace
}  // namespace leitbild
