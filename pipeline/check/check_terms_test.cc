#include <gtest/gtest.h>

#include "check/check.h"
#include "load/load.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::TempTree;

std::vector<const Diagnostic*> with_code(const Diagnostics& d, std::string_view code) {
  std::vector<const Diagnostic*> out;
  for (const auto& x : d.all())
    if (x.code == code) out.push_back(&x);
  return out;
}

std::string dump(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all())
    s += x.code + " " + x.where.file + ":" + std::to_string(x.where.line) + ":" + std::to_string(x.where.column) + " " +
         x.message + " | " + x.hint + "\n";
  return s;
}

Diagnostics check_tree(const TempTree& tree) {
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  resolve_project(p, d);
  check_project(p, d);
  d.sort();
  return d;
}

void write_project(const TempTree& tree) {
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml",
             "- id: integrationsrat\n"
             "  de: { term: Integrationsrat, forms: [Integrationsrates], definition: \"Gremium.\" }\n"
             "  nl: { term: integratieraad, forms: [integratieraden], definition: \"Orgaan.\" }\n"
             "  deprecated: { de: [Ausländerbeirat], nl: [migrantenraad] }\n"
             "- id: vielfalt\n"
             "  de: { term: Vielfalt, definition: \"Verschiedenheit.\" }\n"
             "  nl: { term: diversiteit, definition: \"Verscheidenheid.\" }\n");
}

TEST(CheckTerms, DeprecatedWordNamesThePreferredTermOfItsLanguage) {
  TempTree tree;
  write_project(tree);
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nVielfalt ist gut.\n"
             "Früher hieß er Ausländerbeirat.\n\n### Teilhabe\n\nAlle, auch der Integrationsrat.\n");
  tree.write("content/editions/3/nl/grundsaetze.md",
             "---\ntitle: Uitgangspunten\n---\n\n## Diversiteit als kracht {#vielfalt}\n\nDiversiteit is goed.\n"
             "De Migrantenraad? Nee. De migrantenraad.\n\n### Deelname\n\nIedereen, ook de integratieraad.\n");
  Diagnostics d = check_tree(tree);
  auto found = with_code(d, "LB0405");
  ASSERT_EQ(found.size(), 2u) << dump(d);
  EXPECT_EQ(found[0]->severity, Severity::error);
  EXPECT_EQ(found[0]->where.file, "content/editions/3/de/grundsaetze.md");
  EXPECT_EQ(found[0]->where.line, 8);
  EXPECT_EQ(found[0]->where.column, 18);
  EXPECT_NE(found[0]->hint.find("`Integrationsrat`"), std::string::npos) << dump(d);
  EXPECT_EQ(found[1]->where.file, "content/editions/3/nl/grundsaetze.md");
  EXPECT_NE(found[1]->hint.find("`integratieraad`"), std::string::npos) << dump(d);
}

TEST(CheckTerms, UnknownTermIdWithClosestIdsAndPosition) {
  TempTree tree;
  write_project(tree);
  tree.write("content/editions/3/de/praeambel.md",
             "---\ntitle: Präambel\nnumbered: false\n---\n\n## Anlass {#anlass}\n\n"
             "Der [Integrationsrat](term:integrationsrad) berät die Stadt. Siehe [](#vielfalt).\n");
  Diagnostics d = check_tree(tree);
  auto found = with_code(d, "LB0406");
  ASSERT_EQ(found.size(), 1u) << dump(d);
  EXPECT_EQ(found[0]->where.line, 8);
  EXPECT_EQ(found[0]->where.column, 22);
  EXPECT_NE(found[0]->hint.find("`integrationsrat`"), std::string::npos) << dump(d);
}

TEST(CheckTerms, TranslationWithoutTheTermWarnsWithBothSections) {
  TempTree tree;
  write_project(tree);
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\nVielfalt ist gut.\n\n"
             "### Teilhabe {#teilhabe}\n\nDer Integrationsrat berät.\n");
  tree.write("content/editions/3/nl/grundsaetze.md",
             "---\ntitle: Uitgangspunten\n---\n\n## Diversiteit als kracht {#vielfalt}\n\nDiversiteit is goed.\n\n"
             "### Deelname {#teilhabe}\n\nDe adviesraad adviseert.\n");
  Diagnostics d = check_tree(tree);
  auto found = with_code(d, "LB0407");
  ASSERT_EQ(found.size(), 1u) << dump(d);
  const Diagnostic& x = *found[0];
  EXPECT_EQ(x.severity, Severity::warning);
  EXPECT_EQ(x.where.file, "content/editions/3/nl/grundsaetze.md");
  EXPECT_EQ(x.where.line, 9);
  EXPECT_NE(x.message.find("\"1.1.1 Teilhabe\" {#teilhabe} (content/editions/3/de/grundsaetze.md)"), std::string::npos) << x.message;
  EXPECT_NE(x.message.find("\"1.1.1 Deelname\" {#teilhabe} (content/editions/3/nl/grundsaetze.md)"), std::string::npos) << x.message;
  EXPECT_NE(x.hint.find("Dutch term `integratieraad`"), std::string::npos) << x.hint;
  ASSERT_TRUE(x.related.has_value());
  EXPECT_EQ(x.related->file, "content/editions/3/de/grundsaetze.md");
}

TEST(CheckTerms, DeckSlidesAreComparedToo) {
  TempTree tree;
  write_project(tree);
  tree.write("content/decks/vortrag/de.md", "## Erste Folie\n\nDer Integrationsrat.\n\n## Zweite Folie\n\n- Punkt\n");
  tree.write("content/decks/vortrag/nl.md", "## Eerste dia\n\nDe raad.\n\n## Tweede dia\n\n- Punt\n");
  Diagnostics d = check_tree(tree);
  auto found = with_code(d, "LB0407");
  ASSERT_EQ(found.size(), 1u) << dump(d);
  EXPECT_EQ(found[0]->where.file, "content/decks/vortrag/nl.md");
  EXPECT_NE(found[0]->message.find("slide 1"), std::string::npos);
}

}  // namespace
}  // namespace leitbild
