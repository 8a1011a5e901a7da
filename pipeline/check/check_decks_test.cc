#include <gtest/gtest.h>

#include "support/check_run.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::check_tree;
using testing::count_code;
using testing::dump;
using testing::find_code;
using testing::TempTree;

constexpr const char* kDe = "content/decks/vortrag/de.md";
constexpr const char* kNl = "content/decks/vortrag/nl.md";

TEST(CheckDecks, MatchingDeckPasses) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write(kDe, "# Teil 1\n\n## Erste Folie\n\nText.\n\n## Zweite Folie\n\n- Punkt\n");
  tree.write(kNl, "# Deel 1\n\n## Eerste dia\n\nTekst.\n\n## Tweede dia\n\n- Punt\n");
  Diagnostics d = check_tree(tree.root());
  EXPECT_EQ(count_code(d, "LB0311"), 0) << dump(d);
  EXPECT_EQ(count_code(d, "LB0312"), 0) << dump(d);
}

TEST(CheckDecks, SlideKindDiffers) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write(kDe, "# Teil 1\n\n## Erste Folie\n\nText.\n");
  tree.write(kNl, "## Deel 1\n\n## Eerste dia\n\nTekst.\n");
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0311", kNl, 1);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("section slide"), std::string::npos) << x->message;
  ASSERT_TRUE(x->related.has_value());
  EXPECT_EQ(x->related->file, kDe);
}

TEST(CheckDecks, SlideCountDiffers) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write(kNl, "## Eerste dia\n\nZie [](#vielfalt).\n");
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0311", kNl);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("\"Zweite Folie\""), std::string::npos) << x->message;

  tree.write(kNl, "## Eerste dia\n\nTekst.\n\n## Tweede dia\n\n- Punt\n\n## Derde dia\n\nMeer.\n");
  d = check_tree(tree.root());
  x = find_code(d, "LB0311", kNl, 9);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->message.find("\"Derde dia\""), std::string::npos) << x->message;
}

TEST(CheckDecks, EditionMustExist) {
  TempTree tree;
  tree.write_minimal_project();
  std::string yaml = tree.read("content/decks/vortrag/deck.yaml");
  yaml.replace(yaml.find("edition: 3"), 10, "edition: 7");
  tree.write("content/decks/vortrag/deck.yaml", yaml);
  Diagnostics d = check_tree(tree.root());
  const Diagnostic* x = find_code(d, "LB0312", "content/decks/vortrag/deck.yaml", 6);
  ASSERT_NE(x, nullptr) << dump(d);
  EXPECT_NE(x->hint.find("3"), std::string::npos) << x->hint;
}

TEST(CheckDecks, EditionLeftOutByTheEditionFilterStillExists) {
  TempTree tree;
  tree.write_minimal_project();
  Diagnostics d;
  Project project = load_project(tree.root(), d, LoadOptions{{1}});
  check_decks(project, d);
  EXPECT_EQ(count_code(d, "LB0312"), 0) << dump(d);
}

}  // namespace
}  // namespace leitbild
