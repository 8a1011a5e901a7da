#include "load/tbx_import.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "load/glossary_yaml.h"
#include "load/load.h"
#include "render/tbx/tbx_export.h"
#include "support/tree.h"
#include "support/xml_check.h"

namespace leitbild {
namespace {

using testing::TempTree;
using Strings = std::vector<std::string>;

const std::string kTbxDir = std::string(LEITBILD_SHARED_DIR) + "/tbx";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string dump(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.code + " " + x.where.file + ":" + std::to_string(x.where.line) + " " + x.message + "\n";
  return s;
}

Project glossary_project(const std::filesystem::path& root) {
  Diagnostics d;
  Project p;
  p.root = root;
  load_manifest(p, d);
  load_glossary(p, d);
  return p;
}

void expect_same_glossary(const std::vector<Term>& a, const std::vector<Term>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(a[i].id);
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].note, b[i].note);
    ASSERT_EQ(a[i].languages.size(), b[i].languages.size());
    for (const auto& [lang, x] : a[i].languages) {
      SCOPED_TRACE(lang);
      ASSERT_TRUE(b[i].languages.count(lang));
      const TermLanguage& y = b[i].languages.at(lang);
      EXPECT_EQ(x.term, y.term);
      EXPECT_EQ(x.forms, y.forms);
      EXPECT_EQ(x.definition, y.definition);
      EXPECT_EQ(x.deprecated, y.deprecated);
      EXPECT_EQ(x.note, y.note);
      EXPECT_EQ(x.statuses, y.statuses);
    }
  }
}

TEST(TbxImport, ExportThenImportGivesTheSameGlossary) {
  Project bundled = glossary_project(LEITBILD_SOURCE_DIR);
  ASSERT_GT(bundled.glossary.size(), 40u);
  Diagnostics d;
  auto imported = import_tbx("leitbild.tbx", export_tbx(bundled), d);
  ASSERT_TRUE(imported) << dump(d);
  EXPECT_TRUE(d.all().empty()) << dump(d);
  EXPECT_EQ(imported->languages, (Strings{"de", "nl"}));
  expect_same_glossary(bundled.glossary, imported->glossary);
  EXPECT_TRUE(imported->dropped.empty());

  // And through the YAML file that `glossary import` writes.
  TempTree tree;
  tree.write_minimal_project();
  tree.remove("glossary");
  tree.write("glossary/leitbild.yaml", glossary_to_yaml(imported->glossary, imported->languages, "Round trip."));
  Diagnostics load_d;
  Project reloaded;
  reloaded.root = tree.root();
  load_manifest(reloaded, load_d);
  load_glossary(reloaded, load_d);
  EXPECT_TRUE(load_d.all().empty()) << dump(load_d);
  expect_same_glossary(bundled.glossary, reloaded.glossary);
}

TEST(TbxImport, NotesStatusesAndForeignLanguagesSurviveTheRoundTrip) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml",
             "- id: rat\n"
             "  note: \"About the concept.\\n\\nSecond paragraph.\"\n"
             "  de: { term: Rat der Stadt, forms: [Rates der Stadt], definition: \"Gremium: \\\"Rat\\\".\", note: \"Notiz.\" }\n"
             "  nl: { term: gemeenteraad, forms: [raad], definition: \"Orgaan.\", statuses: { gemeenteraad: none, raad: none, gemeentebestuur: superseded } }\n"
             "  en: { term: city council, definition: \"Body.\" }\n"
             "  deprecated: { nl: [gemeentebestuur], fr: [conseil] }\n");
  Project p = glossary_project(tree.root());
  Diagnostics d;
  auto imported = import_tbx("x.tbx", export_tbx(p), d);
  ASSERT_TRUE(imported) << dump(d);
  expect_same_glossary(p.glossary, imported->glossary);
}

// Every term, its status, every definition and every note of a TBX file, as sets of strings.
struct TbxContent {
  std::set<std::tuple<std::string, std::string, std::string, std::string>> terms;  // concept, lang, term, status
  std::set<std::tuple<std::string, std::string, std::string>> definitions;         // concept, lang, text
  std::vector<std::string> notes;
};

std::string squash(std::string s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

TbxContent content_of(const std::string& xml) {
  TbxContent c;
  auto doc = testing::parse_xml(xml);
  EXPECT_TRUE(doc);
  if (!doc) return c;
  auto ids = testing::xpath_strings(doc.get(), "//t:conceptEntry/@id");
  for (const std::string& id : ids) {
    const std::string entry = "//t:conceptEntry[@id='" + id + "']";
    for (const std::string& lang : testing::xpath_strings(doc.get(), entry + "/t:langSec/@xml:lang")) {
      const std::string sec = entry + "/t:langSec[@xml:lang='" + lang + "']";
      auto words = testing::xpath_strings(doc.get(), sec + "/t:termSec/t:term");
      for (std::size_t i = 0; i < words.size(); ++i) {
        auto status = testing::xpath_strings(
            doc.get(), sec + "/t:termSec[" + std::to_string(i + 1) + "]/t:termNote[@type='administrativeStatus']");
        c.terms.emplace(id, lang, squash(words[i]), status.empty() ? "none" : status[0]);
      }
      for (const std::string& def : testing::xpath_strings(doc.get(), sec + "//t:descrip[@type='definition']"))
        c.definitions.emplace(id, lang, squash(def));
    }
  }
  for (const std::string& note : testing::xpath_strings(doc.get(), "//t:note")) c.notes.push_back(squash(note));
  return c;
}

TEST(TbxImport, AstronomyExampleKeepsEveryTermDefinitionStatusAndNote) {
  const std::string original = read(kTbxDir + "/Example_Astronomy_DCA_VALID.tbx");
  ASSERT_FALSE(original.empty());
  Diagnostics d;
  auto imported = import_tbx("Example_Astronomy_DCA_VALID.tbx", original, d);
  ASSERT_TRUE(imported) << dump(d);
  EXPECT_EQ(imported->glossary.size(), 45u);
  EXPECT_EQ(imported->languages, (Strings{"en", "es", "zu"}));
  EXPECT_EQ(imported->glossary[0].id, "c1");
  EXPECT_GT(imported->dropped.at("context"), 0);

  // Export what was imported (into a project whose languages are the file's) and compare.
  Project p;
  p.languages = imported->languages;
  p.glossary = imported->glossary;
  const std::string again = export_tbx(p);
  EXPECT_EQ(testing::relaxng_errors(again, kTbxDir + "/TBX-Basic_integrated.rng"), "");
  TbxContent before = content_of(original);
  TbxContent after = content_of(again);
  EXPECT_EQ(before.terms.size(), 113u);
  EXPECT_EQ(before.definitions.size(), 74u);
  EXPECT_EQ(before.terms, after.terms);
  EXPECT_EQ(before.definitions, after.definitions);
  // Notes: every note's text is kept (term notes are folded into their language's note).
  std::string all_notes;
  for (const std::string& n : after.notes) all_notes += n + "\n";
  for (const std::string& n : before.notes) EXPECT_NE(all_notes.find(n), std::string::npos) << n;
}

TEST(TbxImport, PoorlyFormedXmlIsRefusedWithLineAndMessage) {
  Diagnostics d;
  auto imported = import_tbx("poorly_formed_xml.tbx", read(kTbxDir + "/poorly_formed_xml.tbx"), d);
  EXPECT_FALSE(imported);
  ASSERT_EQ(d.all().size(), 1u) << dump(d);
  const Diagnostic& x = d.all()[0];
  EXPECT_EQ(x.code, "LB0409");
  EXPECT_EQ(x.where.file, "poorly_formed_xml.tbx");
  EXPECT_EQ(x.where.line, 42);
  EXPECT_NE(x.message.find("Opening and ending tag mismatch: term line 41 and termSec"), std::string::npos) << x.message;
}

const char* kMinimalBody =
    "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
    "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>"
    "<text><body><conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>word &xxe;</term></termSec></langSec>"
    "</conceptEntry></body></text></tbx>";

TEST(TbxImport, ExternalEntitiesAreRefused) {
  TempTree tree;
  tree.write("secret.txt", "TOP SECRET");
  const std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [\n<!ENTITY xxe SYSTEM \"file://" +
                          (tree.root() / "secret.txt").string() + "\">\n]>\n" + kMinimalBody;
  Diagnostics d;
  auto imported = import_tbx("xxe.tbx", xml, d);
  EXPECT_FALSE(imported);
  ASSERT_EQ(d.all().size(), 1u) << dump(d);
  EXPECT_EQ(d.all()[0].code, "LB0409");
  EXPECT_EQ(d.all()[0].where.line, 3);
  EXPECT_NE(d.all()[0].message.find("entity `xxe`"), std::string::npos) << d.all()[0].message;
  EXPECT_EQ(dump(d).find("TOP SECRET"), std::string::npos);
}

TEST(TbxImport, BillionLaughsIsRefused) {
  std::string dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i)
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"" + std::string("&lol") + (i > 1 ? std::to_string(i - 1) : "") + ";" +
           "&lol" + (i > 1 ? std::to_string(i - 1) : "") + ";&lol" + (i > 1 ? std::to_string(i - 1) : "") + ";\">\n";
  std::string body = kMinimalBody;
  body.replace(body.find("&xxe;"), 5, "&lol9;");
  Diagnostics d;
  auto imported = import_tbx("lol.tbx", dtd + "]>\n" + body, d);
  EXPECT_FALSE(imported);
  ASSERT_EQ(d.all().size(), 1u) << dump(d);
  EXPECT_EQ(d.all()[0].code, "LB0409");
}

TEST(TbxImport, DoctypeWithoutEntitiesIsFine) {
  std::string body = kMinimalBody;
  body.replace(body.find(" &xxe;"), 6, "");
  Diagnostics d;
  auto imported = import_tbx("plain.tbx", "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx>\n" + body, d);
  ASSERT_TRUE(imported) << dump(d);
  EXPECT_EQ(imported->glossary.at(0).languages.at("en").term, "word");
}

TEST(TbxImport, NotTbxV3IsRefused) {
  Diagnostics d;
  EXPECT_FALSE(import_tbx("old.tbx", "<?xml version=\"1.0\"?><martif type=\"TBX\"><text/></martif>", d));
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_NE(d.all()[0].hint.find("TBX 2008"), std::string::npos);
}

TEST(TbxImport, StatusSlotsAndIds) {
  const std::string xml =
      "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
      "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>"
      "<conceptEntry id=\"Concept_1\"><descrip type=\"definition\">Concept-level, in the default language.</descrip>"
      "<langSec xml:lang=\"EN\">"
      "<termSec><term>colour</term><termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote></termSec>"
      "<termSec><term>color</term><termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>"
      "<note>US spelling</note></termSec>"
      "<termSec><term>hue</term><termNote type=\"administrativeStatus\">supersededTerm-admn-sts</termNote></termSec>"
      "</langSec></conceptEntry>"
      "<conceptEntry id=\"concept-1\"><langSec xml:lang=\"de\"><termSec><term>Farbe</term></termSec></langSec></conceptEntry>"
      "</body></text></tbx>";
  Diagnostics d;
  auto imported = import_tbx("s.tbx", xml, d);
  ASSERT_TRUE(imported) << dump(d);
  ASSERT_EQ(imported->glossary.size(), 2u);
  EXPECT_EQ(imported->glossary[0].id, "concept-1");
  EXPECT_EQ(imported->glossary[1].id, "concept-1-2");
  const TermLanguage& en = imported->glossary[0].languages.at("en");
  EXPECT_EQ(en.term, "colour");
  EXPECT_EQ(en.forms, Strings{"color"});
  EXPECT_EQ(en.deprecated, Strings{"hue"});
  EXPECT_EQ(en.definition, "Concept-level, in the default language.");
  EXPECT_EQ(en.note, "color: US spelling");
  EXPECT_EQ(en.statuses, (std::map<std::string, std::string>{{"colour", "admitted"}, {"hue", "superseded"}}));
  EXPECT_EQ(imported->glossary[1].languages.at("de").statuses, (std::map<std::string, std::string>{{"Farbe", "none"}}));
}

}  // namespace
}  // namespace leitbild
