#include <gtest/gtest.h>

#include "check/fidelity_values.h"
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

void write_pair(const TempTree& tree, const std::string& de, const std::string& nl) {
  tree.write(kSource, "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\n" + de +
                          "\n\n### Teilhabe\n\nAlle sollen teilhaben.\n");
  tree.write(kTranslation, "---\ntitle: Uitgangspunten\n---\n\n## Diversiteit als kracht {#vielfalt}\n\n" + nl +
                               "\n\n### Deelname\n\nIedereen moet kunnen meedoen.\n");
}

std::vector<std::string> keys(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& v : fidelity_values(text)) out.push_back(v.key);
  return out;
}

TEST(FidelityValues, NumbersUrlsAndAddresses) {
  EXPECT_EQ(keys("Am 26.02.2025 beschlossen, gültig 2025–2030."),
            (std::vector<std::string>{"26", "2", "2025", "2025", "2030"}));
  EXPECT_EQ(keys("Siehe https://www.stadt-muenster.de/integration/2019. Oder www.stadt-muenster.de/integration/2019!"),
            (std::vector<std::string>{"stadt-muenster.de/integration/2019", "stadt-muenster.de/integration/2019"}));
  EXPECT_EQ(keys("Schreiben Sie an integration@stadt-muenster.de."), (std::vector<std::string>{"integration@stadt-muenster.de"}));
  EXPECT_EQ(keys("(siehe https://de.wikipedia.org/wiki/M%C3%BCnster_(Westfalen))"),
            (std::vector<std::string>{"de.wikipedia.org/wiki/m%c3%bcnster_(westfalen)"}));
  EXPECT_EQ(keys("a@b und 17 Workshops"), (std::vector<std::string>{"17"}));
}

TEST(CheckFidelity, FaithfulTranslationPasses) {
  TempTree tree;
  tree.write_minimal_project();
  write_pair(tree,
             "Beschlossen am 26. Februar 2025 mit 400 Beteiligten, siehe https://www.stadt-muenster.de und "
             "[das Büro](mailto:integration@stadt-muenster.de) sowie [](#praeambel).",
             "Vastgesteld op 26 februari 2025 met 400 deelnemers, zie https://www.stadt-muenster.de/ en "
             "[het bureau](mailto:integration@stadt-muenster.de) en [de preambule](#praeambel).");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0309"), 0) << dump(d);
}

TEST(CheckFidelity, MissingNumberShowsValueAndBothParagraphs) {
  TempTree tree;
  tree.write_minimal_project();
  write_pair(tree, "Der Rat beschloss das Leitbild am 10. April 2019 einstimmig.",
             "De raad stelde de integratievisie op 10 april unaniem vast.");
  Diagnostics d = check_tree(tree.root());
  ASSERT_EQ(count_code(d, "LB0309"), 1) << dump(d);
  const Diagnostic* x = find_code(d, "LB0309", kTranslation, 7);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("the number 2019"), std::string::npos) << x->message;
  EXPECT_NE(x->hint.find("10. April 2019"), std::string::npos) << x->hint;
  ASSERT_TRUE(x->related.has_value());
  EXPECT_EQ(x->related->file, kSource);
  EXPECT_EQ(x->related->line, 7);
}

TEST(CheckFidelity, MissingAddressesAndDateDigits) {
  TempTree tree;
  tree.write_minimal_project();
  write_pair(tree, "Kontakt: integration@stadt-muenster.de, https://www.stadt-muenster.de/zuwanderung, Stand 26.02.2025.",
             "Contact: via de website, stand 26 februari 2025.");
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0309", kTranslation, 7);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("integration@stadt-muenster.de"), std::string::npos) << x->message;
  EXPECT_NE(x->message.find("https://www.stadt-muenster.de/zuwanderung"), std::string::npos) << x->message;
  EXPECT_NE(x->message.find("the number 02"), std::string::npos) << x->message;
}

TEST(CheckFidelity, ParagraphsPairByPositionInsideTheSection) {
  TempTree tree;
  tree.write_minimal_project();
  // The numbers swap paragraphs: each translated paragraph lacks its partner's number.
  write_pair(tree, "Erster Absatz mit 17 Workshops.\n\nZweiter Absatz mit 100 Organisationen.",
             "Eerste alinea met 100 organisaties.\n\nTweede alinea met 17 workshops.");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0309"), 2) << dump(d);
  EXPECT_NE(find_code(d, "LB0309", kTranslation, 7), nullptr) << dump(d);
  EXPECT_NE(find_code(d, "LB0309", kTranslation, 9), nullptr) << dump(d);
}

TEST(CheckFidelity, UnpairedParagraphsCompareTheWholeSection) {
  TempTree tree;
  tree.write_minimal_project();
  write_pair(tree, "Ein Absatz mit 17 Workshops und 100 Organisationen.",
             "Een alinea met 17 workshops.\n\nEn een tweede alinea met 100 organisaties.");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0309"), 0) << dump(d);
  write_pair(tree, "Ein Absatz mit 17 Workshops und 100 Organisationen.", "Een alinea met 17 workshops.\n\nEn nog een.");
  d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0309", kTranslation, 5);  // at the section heading
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("the number 100"), std::string::npos) << x->message;
}

TEST(CheckFidelity, DeckSlidesPairUp) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/decks/vortrag/de.md", "## Erste Folie\n\n17 Workshops.\n\n## Zweite Folie\n\n- Punkt\n");
  tree.write("content/decks/vortrag/nl.md", "## Eerste dia\n\nWorkshops.\n\n## Tweede dia\n\n- Punt\n");
  Diagnostics d = check_tree(tree.root());
  EXPECT_NE(find_code(d, "LB0309", "content/decks/vortrag/nl.md", 3), nullptr) << dump(d);
}

}  // namespace
}  // namespace leitbild
