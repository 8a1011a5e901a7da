#include "publish/edition_freeze.h"

#include <gtest/gtest.h>

#include "check/check.h"
#include "load/load.h"
#include "model/sha256.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::run_leitbild;
using testing::TempTree;

const char* kLock = "content/editions/3/edition.lock";
const char* kManifest = "content/editions/3/edition.yaml";

// The minimal project, with edition 3 still a draft.
void write_draft(const TempTree& tree) {
  tree.write_minimal_project();
  tree.write(kManifest,
             "edition: 3\n"
             "title: { de: \"3. Auflage\", nl: \"3e editie\" }  # keep me\n"
             "status: draft\n"
             "adopted: 2019-04-10\n"
             "chapters: [praeambel, grundsaetze]\n");
}

Diagnostics check(const TempTree& tree) {
  Diagnostics d;
  Project project = load_project(tree.root(), d);
  resolve_project(project, d);
  check_project(project, d);
  return d;
}

std::vector<std::string> frozen_files(const Diagnostics& d) {
  std::vector<std::string> files;
  for (const auto& x : d.all())
    if (x.code == "LB0501") files.push_back(x.where.file);
  return files;
}

std::string dump(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.code + " " + x.where.file + " " + x.message + "\n";
  return s;
}

TEST(EditionFreeze, PublishWritesSortedLockAndStatusLine) {
  TempTree tree;
  write_draft(tree);
  Diagnostics d;
  FreezeResult r = publish_edition(tree.root(), 3, d);
  ASSERT_EQ(r.status, FreezeStatus::done) << r.message << dump(d);
  // Only the status line changed.
  EXPECT_EQ(tree.read(kManifest),
            "edition: 3\n"
            "title: { de: \"3. Auflage\", nl: \"3e editie\" }  # keep me\n"
            "status: published\n"
            "adopted: 2019-04-10\n"
            "chapters: [praeambel, grundsaetze]\n");
  const std::string lock = tree.read(kLock);
  const std::string chapter = tree.read("content/editions/3/de/grundsaetze.md");
  EXPECT_NE(lock.find(sha256_hex(chapter) + "  content/editions/3/de/grundsaetze.md\n"), std::string::npos) << lock;
  EXPECT_NE(lock.find(sha256_hex(tree.read(kManifest)) + "  content/editions/3/edition.yaml\n"), std::string::npos);
  EXPECT_NE(lock.find("  glossary/terms.yaml\n"), std::string::npos);
  EXPECT_EQ(r.locked_files, 6u);  // edition.yaml, 4 chapters, 1 glossary file
  // Sorted by path.
  EXPECT_LT(lock.find("de/grundsaetze.md"), lock.find("de/praeambel.md"));
  EXPECT_LT(lock.find("de/praeambel.md"), lock.find("edition.yaml"));
  EXPECT_LT(lock.find("edition.yaml"), lock.find("nl/grundsaetze.md"));
  EXPECT_LT(lock.find("nl/praeambel.md"), lock.find("glossary/terms.yaml"));

  // The frozen edition checks clean; publishing again changes nothing.
  Diagnostics after = check(tree);
  EXPECT_TRUE(frozen_files(after).empty()) << dump(after);
  Diagnostics again;
  EXPECT_EQ(publish_edition(tree.root(), 3, again).status, FreezeStatus::already_frozen);
}

TEST(EditionFreeze, CheckNamesEveryChangedAddedAndRemovedFile) {
  TempTree tree;
  write_draft(tree);
  Diagnostics d;
  ASSERT_EQ(publish_edition(tree.root(), 3, d).status, FreezeStatus::done);

  tree.write("content/editions/3/nl/grundsaetze.md", tree.read("content/editions/3/nl/grundsaetze.md") + "\nExtra.\n");
  Diagnostics changed = check(tree);
  EXPECT_EQ(frozen_files(changed), std::vector<std::string>{"content/editions/3/nl/grundsaetze.md"}) << dump(changed);
  for (const auto& x : changed.all())
    if (x.code == "LB0501") {
      EXPECT_EQ(x.severity, Severity::error);
      EXPECT_NE(x.hint.find("leitbild edition erratum 3"), std::string::npos);
    }

  // A new chapter (listed in edition.yaml, so edition.yaml changed too) and a removed one.
  tree.write(kManifest, "edition: 3\ntitle: { de: \"3. Auflage\", nl: \"3e editie\" }\nstatus: published\n"
                        "adopted: 2019-04-10\nchapters: [praeambel, neu]\n");
  tree.write("content/editions/3/de/neu.md", "---\ntitle: Neu\n---\n\n## Neu {#neu-abschnitt}\n\nText.\n");
  tree.write("content/editions/3/nl/neu.md", "---\ntitle: Nieuw\n---\n\n## Nieuw {#neu-abschnitt}\n\nTekst.\n");
  tree.remove("content/editions/3/de/grundsaetze.md");
  tree.remove("content/editions/3/nl/grundsaetze.md");
  Diagnostics restructured = check(tree);
  auto files = frozen_files(restructured);
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{"content/editions/3/de/neu.md", kLock, kLock, "content/editions/3/edition.yaml",
                                             "content/editions/3/nl/neu.md"}))
      << dump(restructured);
}

TEST(EditionFreeze, LineEndingsAndGlossaryChangesAreNotChanges) {
  TempTree tree;
  write_draft(tree);
  Diagnostics d;
  ASSERT_EQ(publish_edition(tree.root(), 3, d).status, FreezeStatus::done);
  std::string text = tree.read("content/editions/3/de/praeambel.md");
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  tree.write("content/editions/3/de/praeambel.md", crlf);
  tree.write("glossary/terms.yaml", tree.read("glossary/terms.yaml") + "# a new comment\n");
  Diagnostics after = check(tree);
  EXPECT_TRUE(frozen_files(after).empty()) << dump(after);
}

TEST(EditionFreeze, ErratumRelocksAndAppendsTheNote) {
  TempTree tree;
  write_draft(tree);
  Diagnostics d;
  ASSERT_EQ(publish_edition(tree.root(), 3, d).status, FreezeStatus::done);
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nVielfalt ist die Stärke der Stadt.\n\n"
             "### Teilhabe\n\nAlle sollen teilhaben; mehr in [der Präambel](#praeambel).\n");
  ASSERT_FALSE(frozen_files(check(tree)).empty());

  Diagnostics e;
  FreezeResult r = record_erratum(tree.root(), 3, "Tippfehler in 1.1 korrigiert", e);
  ASSERT_EQ(r.status, FreezeStatus::done) << r.message << dump(e);
  EXPECT_EQ(r.changed_files, std::vector<std::string>{"content/editions/3/de/grundsaetze.md (changed)"});
  EXPECT_NE(tree.read(kManifest).find("errata:\n  - \"Tippfehler in 1.1 korrigiert\"\n"), std::string::npos);
  Diagnostics after = check(tree);
  EXPECT_TRUE(frozen_files(after).empty()) << dump(after);
  Diagnostics load_d;
  Project project = load_project(tree.root(), load_d);
  EXPECT_EQ(project.find_edition(3)->errata, std::vector<std::string>{"Tippfehler in 1.1 korrigiert"});
  ASSERT_TRUE(project.find_edition(3)->lock);

  // A second erratum goes below the first.
  Diagnostics e2;
  ASSERT_EQ(record_erratum(tree.root(), 3, "Zweite Korrektur", e2).status, FreezeStatus::done);
  Diagnostics load_d2;
  EXPECT_EQ(load_project(tree.root(), load_d2).find_edition(3)->errata,
            (std::vector<std::string>{"Tippfehler in 1.1 korrigiert", "Zweite Korrektur"}));
}

TEST(EditionFreeze, RefusesWhatWouldBeWrong) {
  TempTree tree;
  write_draft(tree);
  Diagnostics d1;
  EXPECT_EQ(record_erratum(tree.root(), 3, "x", d1).status, FreezeStatus::usage_error);  // not published
  Diagnostics d2;
  EXPECT_EQ(publish_edition(tree.root(), 7, d2).status, FreezeStatus::usage_error);  // no such edition
  Diagnostics d3;
  EXPECT_EQ(record_erratum(tree.root(), 3, "  ", d3).status, FreezeStatus::usage_error);  // empty note

  // A draft without an adoption date cannot be published.
  tree.write(kManifest, "edition: 3\ntitle: { de: \"3. Auflage\", nl: \"3e editie\" }\nchapters: [praeambel, grundsaetze]\n");
  Diagnostics d4;
  FreezeResult r = publish_edition(tree.root(), 3, d4);
  EXPECT_EQ(r.status, FreezeStatus::content_errors);
  EXPECT_NE(r.message.find("adopted"), std::string::npos);

  // Content errors block publishing; nothing is written.
  write_draft(tree);
  tree.write("content/editions/3/de/praeambel.md", "---\ntitle: Präambel\nnumbered: false\n---\n\nSiehe [](#gibtesnicht).\n");
  Diagnostics d5;
  EXPECT_EQ(publish_edition(tree.root(), 3, d5).status, FreezeStatus::content_errors);
  EXPECT_FALSE(std::filesystem::exists(tree.root() / kLock));
  EXPECT_NE(tree.read(kManifest).find("status: draft"), std::string::npos);
}

TEST(EditionFreeze, PublishRefusesAChangedFrozenEdition) {
  TempTree tree;
  write_draft(tree);
  Diagnostics d;
  ASSERT_EQ(publish_edition(tree.root(), 3, d).status, FreezeStatus::done);
  tree.write("content/editions/3/de/praeambel.md", tree.read("content/editions/3/de/praeambel.md") + "\nMehr.\n");
  Diagnostics again;
  FreezeResult r = publish_edition(tree.root(), 3, again);
  EXPECT_EQ(r.status, FreezeStatus::content_errors);
  EXPECT_NE(r.message.find("erratum"), std::string::npos);
}

TEST(EditionFreeze, CommandLine) {
  TempTree tree;
  write_draft(tree);
  const std::string root = tree.root().string();
  auto published = run_leitbild("edition publish 3 " + root);
  EXPECT_EQ(published.exit_code, 0) << published.err;
  EXPECT_NE(published.err.find("edition 3 published"), std::string::npos) << published.err;
  EXPECT_EQ(run_leitbild("check " + root).exit_code, 0);

  tree.write("content/editions/3/de/praeambel.md", tree.read("content/editions/3/de/praeambel.md") + "\nMehr.\n");
  auto failed = run_leitbild("check " + root);
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.err.find("LB0501"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("content/editions/3/de/praeambel.md"), std::string::npos) << failed.err;

  auto erratum = run_leitbild("edition erratum 3 " + root + " --note 'Satz ergänzt'");
  EXPECT_EQ(erratum.exit_code, 0) << erratum.err;
  EXPECT_NE(erratum.err.find("content/editions/3/de/praeambel.md (changed)"), std::string::npos) << erratum.err;
  EXPECT_EQ(run_leitbild("check " + root).exit_code, 0);
  EXPECT_EQ(run_leitbild("edition erratum 9 " + root + " --note x").exit_code, 2);
}

}  // namespace
}  // namespace leitbild

namespace leitbild {
namespace {

TEST(EditionFreeze, LockCopiedWithTheFolderIsOneClearError) {
  TempTree tree;
  write_draft(tree);
  Diagnostics d;
  ASSERT_EQ(publish_edition(tree.root(), 3, d).status, FreezeStatus::done);
  // Starting edition 5 from a copy of edition 3, lock included.
  for (const char* file : {"edition.yaml", "edition.lock", "de/praeambel.md", "nl/praeambel.md", "de/grundsaetze.md",
                           "nl/grundsaetze.md"})
    tree.write(std::string("content/editions/5/") + file, tree.read(std::string("content/editions/3/") + file));
  std::string manifest = tree.read("content/editions/5/edition.yaml");
  manifest.replace(manifest.find("edition: 3"), 10, "edition: 5");
  tree.write("content/editions/5/edition.yaml", manifest);
  Diagnostics copied = check(tree);
  std::vector<Diagnostic> about_five;
  for (const auto& x : copied.all())
    if (x.where.file.starts_with("content/editions/5/") && (x.code == "LB0501" || x.code == "LB0502")) about_five.push_back(x);
  ASSERT_EQ(about_five.size(), 1u) << dump(copied);
  EXPECT_EQ(about_five[0].code, "LB0502");
  EXPECT_EQ(about_five[0].where.file, "content/editions/5/edition.lock");
  EXPECT_NE(about_five[0].message.find("records the files of `content/editions/3/`"), std::string::npos) << about_five[0].message;
  EXPECT_NE(about_five[0].hint.find("Delete `content/editions/5/edition.lock`"), std::string::npos) << about_five[0].hint;
}

}  // namespace
}  // namespace leitbild
