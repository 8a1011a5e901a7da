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
  return d;
}

const char* kTwoEntries =
    "- id: integrationsrat\n"
    "  de: { term: Integrationsrat, forms: [Integrationsrates], definition: \"Gremium.\" }\n"
    "  nl: { term: integratieraad, forms: [integratieraden], definition: \"Orgaan.\" }\n"
    "  deprecated: { de: [Ausländerbeirat] }\n"
    "- id: vielfalt\n"
    "  de: { term: Vielfalt, definition: \"Verschiedenheit.\" }\n"
    "  nl: { term: diversiteit, definition: \"Verscheidenheid.\" }\n";

TEST(CheckGlossary, MinimalProjectIsClean) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml", kTwoEntries);
  Diagnostics d = check_tree(tree);
  for (const char* code : {"LB0401", "LB0402", "LB0403", "LB0404", "LB0405", "LB0406", "LB0407", "LB0408"})
    EXPECT_TRUE(with_code(d, code).empty()) << dump(d);
}

TEST(CheckGlossary, DuplicateIds) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml", std::string(kTwoEntries) +
                                        "- id: vielfalt\n"
                                        "  de: { term: Diversität, definition: \"x\" }\n"
                                        "  nl: { term: pluriformiteit, definition: \"x\" }\n");
  Diagnostics d = check_tree(tree);
  auto found = with_code(d, "LB0401");
  ASSERT_EQ(found.size(), 1u) << dump(d);
  EXPECT_EQ(found[0]->where.file, "glossary/terms.yaml");
  EXPECT_EQ(found[0]->where.line, 8);
  ASSERT_TRUE(found[0]->related.has_value());
  EXPECT_EQ(found[0]->related->line, 5);
}

TEST(CheckGlossary, MissingTermOrDefinitionInAProjectLanguage) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml", std::string(kTwoEntries) +
                                        "- id: teilhabe\n"
                                        "  de: { term: Teilhabe }\n"
                                        "- id: wijk\n"
                                        "  de: { term: Sozialraum, definition: \"x\" }\n"
                                        "  nl: { definition: \"y\" }\n");
  Diagnostics d = check_tree(tree);
  auto found = with_code(d, "LB0402");
  ASSERT_EQ(found.size(), 3u) << dump(d);  // teilhabe: de definition, nl both; wijk: nl term
  EXPECT_NE(dump(d).find("`teilhabe` has no term and no definition in Dutch (`nl`)"), std::string::npos) << dump(d);
  EXPECT_NE(dump(d).find("`wijk` has no term in Dutch"), std::string::npos) << dump(d);
}

TEST(CheckGlossary, FormClaimedByTwoEntries) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml", std::string(kTwoEntries) +
                                        "- id: rat\n"
                                        "  de: { term: Rat der Stadt, forms: [Integrationsrates], definition: \"x\" }\n"
                                        "  nl: { term: gemeenteraad, definition: \"y\" }\n");
  Diagnostics d = check_tree(tree);
  auto found = with_code(d, "LB0403");
  ASSERT_EQ(found.size(), 1u) << dump(d);
  EXPECT_NE(found[0]->message.find("`Integrationsrates` belongs to two glossary entries: `integrationsrat` and `rat`"),
            std::string::npos);
}

TEST(CheckGlossary, DeprecatedWordThatIsAlsoPreferred) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml", std::string(kTwoEntries) +
                                        "- id: beirat\n"
                                        "  de: { term: Beirat, definition: \"x\" }\n"
                                        "  nl: { term: adviesraad, definition: \"y\" }\n"
                                        "  deprecated: { de: [Vielfalt, Beirat] }\n");
  Diagnostics d = check_tree(tree);
  auto found = with_code(d, "LB0404");
  ASSERT_EQ(found.size(), 2u) << dump(d);
  EXPECT_NE(dump(d).find("`Vielfalt` is retired in the entry `beirat` but is a German term or form of the entry `vielfalt`"),
            std::string::npos)
      << dump(d);
}

TEST(CheckGlossary, UnusedEntryIsANote) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml", std::string(kTwoEntries) +
                                        "- id: segregation\n"
                                        "  de: { term: Segregation, definition: \"x\" }\n"
                                        "  nl: { term: segregatie, definition: \"y\" }\n");
  Diagnostics d = check_tree(tree);
  auto found = with_code(d, "LB0408");
  ASSERT_EQ(found.size(), 1u) << dump(d);
  EXPECT_EQ(found[0]->severity, Severity::note);
  EXPECT_NE(found[0]->message.find("`segregation`"), std::string::npos);
}

TEST(CheckGlossary, ExtraLanguagesAreKeptNotReported) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml",
             "- id: integrationsrat\n"
             "  note: \"Concept note.\"\n"
             "  de: { term: Integrationsrat, definition: \"Gremium.\" }\n"
             "  nl: { term: integratieraad, definition: \"Orgaan.\", statuses: { integratieraad: admitted } }\n"
             "  en: { term: integration council, definition: \"Body.\", note: \"Lang note.\" }\n"
             "  deprecated: { en: [foreigners' council] }\n");
  Diagnostics d;
  Project p = load_project(tree.root(), d);
  for (const auto& x : d.all()) EXPECT_NE(x.code, "LB0107") << dump(d);
  ASSERT_EQ(p.glossary.size(), 1u);
  const Term& t = p.glossary[0];
  EXPECT_EQ(t.note, "Concept note.");
  ASSERT_TRUE(t.languages.count("en"));
  EXPECT_EQ(t.languages.at("en").term, "integration council");
  EXPECT_EQ(t.languages.at("en").note, "Lang note.");
  EXPECT_EQ(t.languages.at("en").deprecated, std::vector<std::string>{"foreigners' council"});
  EXPECT_EQ(t.languages.at("nl").statuses.at("integratieraad"), "admitted");
}

}  // namespace
}  // namespace leitbild
