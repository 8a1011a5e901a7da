#include "load/glossary_yaml.h"

#include <gtest/gtest.h>

#include "load/load.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using testing::TempTree;

TEST(GlossaryYaml, AwkwardWordsSurviveWritingAndLoading) {
  Term term;
  term.id = "odd";
  term.note = "Line one.\n\nLine \"two\": with a colon # and hash.";
  TermLanguage de;
  de.term = "yes";
  de.forms = {"null", "- dash", "a: b", "#hash", "'quote", "\"dq", "~", "[x]", "Zwölf, Ölzweig"};
  de.definition = "Eine Definition: mit Doppelpunkt, \"Anführungszeichen\" und\nZeilenumbruch.";
  de.deprecated = {"true", "@at"};
  de.statuses = {{"null", "none"}, {"true", "superseded"}};
  TermLanguage nl;
  nl.term = "ijkpunt";
  nl.definition = "Def.";
  term.languages = {{"de", de}, {"nl", nl}};
  TermLanguage pt;
  pt.term = "ponto";
  pt.definition = "Def.";
  term.languages["pt-BR"] = pt;

  TempTree tree;
  tree.write_minimal_project();
  tree.write("glossary/terms.yaml", glossary_to_yaml({term}, {"de", "nl"}, "A comment.\n\nSecond line."));
  Diagnostics d;
  Project p;
  p.root = tree.root();
  load_manifest(p, d);
  load_glossary(p, d);
  EXPECT_TRUE(d.all().empty()) << d.all().front().message << "\n" << tree.read("glossary/terms.yaml");
  ASSERT_EQ(p.glossary.size(), 1u) << tree.read("glossary/terms.yaml");
  const Term& back = p.glossary[0];
  EXPECT_EQ(back.id, "odd");
  EXPECT_EQ(back.note, term.note);
  ASSERT_EQ(back.languages.size(), 3u);
  for (const auto& [lang, part] : term.languages) {
    SCOPED_TRACE(lang);
    const TermLanguage& b = back.languages.at(lang);
    EXPECT_EQ(b.term, part.term);
    EXPECT_EQ(b.forms, part.forms);
    EXPECT_EQ(b.definition, part.definition);
    EXPECT_EQ(b.deprecated, part.deprecated);
    EXPECT_EQ(b.statuses, part.statuses);
  }
  EXPECT_TRUE(tree.read("glossary/terms.yaml").starts_with("# A comment.\n#\n# Second line.\n"));
}

}  // namespace
}  // namespace leitbild
