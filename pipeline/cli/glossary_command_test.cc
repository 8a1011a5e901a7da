#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/tree.h"
#include "support/xml_check.h"

namespace leitbild {
namespace {

using testing::run_leitbild;
using testing::TempTree;

const std::string kTbxDir = std::string(LEITBILD_SHARED_DIR) + "/tbx";

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

TEST(GlossaryCommand, ListTextIsInDictionaryOrder) {
  auto r = run_leitbild("glossary list " + q(LEITBILD_SOURCE_DIR) + " --lang de");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& out = r.out;
  auto at = [&](const std::string& s) { return out.find(s); };
  ASSERT_NE(at("\nA\n"), std::string::npos) << out;
  EXPECT_LT(at("\nA\n"), at("  Arbeitsmarkt"));
  EXPECT_LT(at("  Arbeitsmarkt"), at("  Ärztekammer"));
  EXPECT_LT(at("  Ärztekammer"), at("  Aussiedler"));
  EXPECT_LT(at("  Aussiedler"), at("\nB\n"));
  EXPECT_LT(at("\nO\n"), at("  Öffentlichkeitsarbeit"));
  EXPECT_LT(at("  Stadtverwaltung"), at("  Straßensozialarbeit"));
  EXPECT_LT(at("\nU\n"), at("  Übergang"));
  EXPECT_NE(at("Ärztekammer — nl: artsenkamer  [aerztekammer"), std::string::npos) << out;
  EXPECT_EQ(at("Dutch (nl)"), std::string::npos);
}

TEST(GlossaryCommand, ListJson) {
  auto r = run_leitbild("glossary list " + q(LEITBILD_SOURCE_DIR) + " --lang nl --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["lang"], "nl");
  bool found = false;
  for (const auto& letter : json[0]["letters"])
    for (const auto& entry : letter["entries"])
      if (entry["id"] == "referenzwert") {
        found = true;
        EXPECT_EQ(letter["label"], "I");
        EXPECT_EQ(entry["term"], "ijkpunt");
        EXPECT_EQ(entry["counterparts"]["de"], "Referenzwert");
        EXPECT_FALSE(entry["definition"].get<std::string>().empty());
        ASSERT_FALSE(entry["uses"].empty());
        EXPECT_TRUE(entry["uses"][0].contains("anchor"));
      }
  EXPECT_TRUE(found);
}

TEST(GlossaryCommand, ListRejectsForeignLanguage) {
  auto r = run_leitbild("glossary list " + q(LEITBILD_SOURCE_DIR) + " --lang fr");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(GlossaryCommand, ExportValidatesAndImportRoundTrips) {
  TempTree tree;
  tree.write_minimal_project();
  const auto tbx = tree.root() / "out/terms.tbx";
  auto exported = run_leitbild("glossary export " + q(tree.root()) + " --tbx " + q(tbx));
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string xml = tree.read("out/terms.tbx");
  EXPECT_EQ(testing::relaxng_errors(xml, kTbxDir + "/TBX-Basic_integrated.rng"), "");

  // Import into a second project: the YAML it writes loads to the same entry.
  TempTree second;
  second.write_minimal_project();
  second.remove("glossary");
  auto imported = run_leitbild("glossary import " + q(second.root()) + " --tbx " + q(tbx));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const std::string yaml = second.read("glossary/terms.yaml");
  EXPECT_NE(yaml.find("- id: integrationsrat"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("de: [Ausländerbeirat]"), std::string::npos) << yaml;
  auto check = run_leitbild("check " + q(second.root()));
  EXPECT_EQ(check.exit_code, 0) << check.err;

  // Exporting the imported glossary gives the same TBX.
  auto again = run_leitbild("glossary export " + q(second.root()) + " --tbx " + q(second.root() / "again.tbx"));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(second.read("again.tbx"), xml);
}

TEST(GlossaryCommand, ImportNeverOverwritesWithoutForce) {
  TempTree tree;
  tree.write("glossary/astro.yaml", "# mine\n");
  const std::string args = "glossary import " + q(tree.root()) + " --tbx " + q(kTbxDir + "/Example_Astronomy_DCA_VALID.tbx") +
                           " --out " + q(tree.root() / "glossary/astro.yaml");
  auto refused = run_leitbild(args);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
  EXPECT_EQ(tree.read("glossary/astro.yaml"), "# mine\n");
  auto forced = run_leitbild(args + " --force");
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(tree.read("glossary/astro.yaml").find("- id: c1"), std::string::npos);
  EXPECT_NE(forced.err.find("context"), std::string::npos) << forced.err;  // says what it did not keep
}

TEST(GlossaryCommand, ImportRefusesMalformedXmlWithLine) {
  TempTree tree;
  auto r = run_leitbild("glossary import " + q(tree.root()) + " --tbx " + q(kTbxDir + "/poorly_formed_xml.tbx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("poorly_formed_xml.tbx:42:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("LB0409"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(tree.root() / "glossary/poorly_formed_xml.yaml"));
}

}  // namespace
}  // namespace leitbild
