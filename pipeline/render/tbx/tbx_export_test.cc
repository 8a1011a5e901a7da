#include "render/tbx/tbx_export.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "load/load.h"
#include "support/tree.h"
#include "support/xml_check.h"

namespace leitbild {
namespace {

using testing::TempTree;
using Strings = std::vector<std::string>;

const std::string kSchema = std::string(LEITBILD_SHARED_DIR) + "/tbx/TBX-Basic_integrated.rng";

Project load_glossary_only(const std::filesystem::path& root) {
  Diagnostics d;
  Project p;
  p.root = root;
  load_manifest(p, d);
  load_glossary(p, d);
  return p;
}

TEST(TbxExport, BundledGlossaryValidatesAgainstTbxBasic) {
  ASSERT_TRUE(std::filesystem::exists(kSchema)) << kSchema;
  Project p = load_glossary_only(LEITBILD_SOURCE_DIR);
  ASSERT_FALSE(p.glossary.empty());
  const std::string tbx = export_tbx(p);
  EXPECT_EQ(testing::relaxng_errors(tbx, kSchema), "");
  auto doc = testing::parse_xml(tbx);
  ASSERT_TRUE(doc);
  EXPECT_EQ(testing::xpath_strings(doc.get(), "/t:tbx/@type"), Strings{"TBX-Basic"});
  EXPECT_EQ(testing::xpath_strings(doc.get(), "/t:tbx/@style"), Strings{"dca"});
  EXPECT_EQ(testing::xpath_strings(doc.get(), "//t:conceptEntry/@id").size(), p.glossary.size());
  // The preferred term and a retired word of the same concept, with their statuses.
  EXPECT_EQ(testing::xpath_strings(doc.get(),
                                   "//t:conceptEntry[@id='integrationsrat']/t:langSec[@xml:lang='de']/t:termSec"
                                   "[t:term='Integrationsrat']/t:termNote[@type='administrativeStatus']"),
            Strings{"preferredTerm-admn-sts"});
  EXPECT_EQ(testing::xpath_strings(doc.get(),
                                   "//t:conceptEntry[@id='integrationsrat']/t:langSec[@xml:lang='de']/t:termSec"
                                   "[t:term='Ausländerbeirat']/t:termNote[@type='administrativeStatus']"),
            Strings{"deprecatedTerm-admn-sts"});
  EXPECT_EQ(testing::xpath_strings(doc.get(),
                                   "//t:conceptEntry[@id='integrationsrat']/t:langSec[@xml:lang='de']/t:termSec"
                                   "[t:term='Integrationsrates']/t:termNote[@type='administrativeStatus']"),
            Strings{"admittedTerm-admn-sts"});
  EXPECT_EQ(testing::xpath_strings(doc.get(), "//t:conceptEntry[@id='integrationsrat']/t:langSec/@xml:lang"),
            (Strings{"de", "nl"}));
  EXPECT_EQ(testing::xpath_strings(doc.get(), "//t:conceptEntry[@id='integrationsrat']/t:langSec[@xml:lang='nl']"
                                              "/t:descrip[@type='definition']")
                .size(),
            1u);
}

TEST(TbxExport, NotesStatusesAndOtherLanguagesValidate) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml",
             "- id: rat\n"
             "  note: \"About <the> concept & more.\"\n"
             "  de: { term: Rat der Stadt, forms: [Rates der Stadt], definition: \"Gremium.\", note: \"Eine Notiz.\" }\n"
             "  nl: { term: gemeenteraad, definition: \"Orgaan.\", statuses: { gemeenteraad: none, raad: superseded } }\n"
             "  en: { term: city council, definition: \"Body.\" }\n"
             "  deprecated: { nl: [raad], fr: [conseil] }\n");
  Project p = load_glossary_only(tree.root());
  const std::string tbx = export_tbx(p);
  EXPECT_EQ(testing::relaxng_errors(tbx, kSchema), "") << tbx;
  auto doc = testing::parse_xml(tbx);
  EXPECT_EQ(testing::xpath_strings(doc.get(), "//t:langSec/@xml:lang"), (Strings{"de", "nl", "en", "fr"}));
  EXPECT_EQ(testing::xpath_strings(doc.get(), "//t:conceptEntry/t:note"), Strings{"About <the> concept & more."});
  EXPECT_EQ(testing::xpath_strings(doc.get(), "//t:langSec[@xml:lang='nl']/t:termSec[t:term='gemeenteraad']/t:termNote"),
            Strings{});
  EXPECT_EQ(testing::xpath_strings(doc.get(), "//t:langSec[@xml:lang='nl']/t:termSec[t:term='raad']/t:termNote"),
            Strings{"supersededTerm-admn-sts"});
  EXPECT_EQ(testing::xpath_strings(doc.get(), "//t:langSec[@xml:lang='fr']/t:termSec/t:termNote"),
            Strings{"deprecatedTerm-admn-sts"});
}

TEST(TbxExport, StatusValues) {
  EXPECT_EQ(tbx_status_value("preferred"), "preferredTerm-admn-sts");
  EXPECT_EQ(tbx_status_value("superseded"), "supersededTerm-admn-sts");
  EXPECT_FALSE(tbx_status_value("none").has_value());
}

}  // namespace
}  // namespace leitbild
