// The Pandoc JSON AST leitbild writes, checked without running pandoc.
#include <gtest/gtest.h>

#include <functional>

#include "load/load.h"
#include "render/pandoc/markdown_pandoc.h"
#include "render/pandoc/office_documents.h"
#include "render/pandoc/pandoc_json.h"
#include "resolve/resolve.h"
#include "support/tree.h"

namespace leitbild {
namespace {

using pandoc::Json;
using testing::TempTree;

const std::vector<int> kApi = {1, 22, 2, 1};

Project load_resolved(const TempTree& tree) {
  Diagnostics d;
  Project project = load_project(tree.root(), d);
  resolve_project(project, d);
  EXPECT_FALSE(d.has_errors());
  return project;
}

// Depth-first over every object in the AST.
void walk(const Json& node, const std::function<void(const Json&)>& visit) {
  if (node.is_object()) visit(node);
  if (node.is_object() && node.contains("c")) walk(node["c"], visit);
  if (node.is_array())
    for (const Json& child : node) walk(child, visit);
}

std::vector<Json> all_of(const Json& root, std::string_view tag) {
  std::vector<Json> out;
  walk(root, [&](const Json& node) {
    if (node.contains("t") && node["t"] == tag) out.push_back(node);
  });
  return out;
}

// The text pandoc would show for some inlines.
std::string stringify(const Json& node) {
  std::string out;
  walk(node, [&](const Json& n) {
    if (!n.contains("t")) return;
    if (n["t"] == "Str") out += n["c"].get<std::string>();
    if (n["t"] == "Space" || n["t"] == "SoftBreak") out += ' ';
    if (n["t"] == "Code") out += n["c"][1].get<std::string>();
  });
  return out;
}

std::vector<std::string> header_texts(const Json& document, int level) {
  std::vector<std::string> out;
  for (const Json& h : all_of(document["blocks"], "Header"))
    if (h["c"][0] == level) out.push_back(stringify(h["c"][2]));
  return out;
}

TEST(PandocJson, TextBecomesWordsAndSpaces) {
  const Json inlines = pandoc::text("Die  Stadt\nMünster\u00a0ist ");
  EXPECT_EQ(inlines, Json::parse(R"([{"c":"Die","t":"Str"},{"t":"Space"},{"c":"Stadt","t":"Str"},{"t":"SoftBreak"},)"
                                 R"({"c":"Münster\u00a0ist","t":"Str"},{"t":"Space"}])"));
}

TEST(PandocJson, TableHasPandocTypes122Shape) {
  const Json table = pandoc::table({'l', 'r'}, {Json::array({Json::array(), Json::array()})}, {});
  ASSERT_EQ(table["t"], "Table");
  ASSERT_EQ(table["c"].size(), 6u);  // attr, caption, colspecs, head, bodies, foot
  EXPECT_EQ(table["c"][2][0][0]["t"], "AlignLeft");
  EXPECT_EQ(table["c"][2][1][1]["t"], "ColWidthDefault");
  EXPECT_EQ(table["c"][3][1][0][1][0][3], 1);  // cell: attr, alignment, row span, column span, blocks
}

TEST(EditionDocument, MetadataNumberedHeadingsAndLanguage) {
  TempTree tree;
  tree.write_minimal_project();
  const Project project = load_resolved(tree);
  const Edition& edition = project.editions.front();
  const Json doc = edition_document(project, edition, "de", OfficeTarget::docx, kApi);

  EXPECT_EQ(doc["pandoc-api-version"], Json(kApi));
  EXPECT_EQ(doc["meta"]["lang"]["c"], "de");
  EXPECT_EQ(stringify(doc["meta"]["title"]), "Leitbild Integration");
  EXPECT_EQ(stringify(doc["meta"]["subtitle"]), "3. Auflage");
  EXPECT_EQ(stringify(doc["meta"]["author"]), "Stadt Beispiel");
  EXPECT_EQ(stringify(doc["meta"]["date"]), "Beschlossen am 10. April 2019 · Gültig 2019–2024");

  EXPECT_EQ(header_texts(doc, 1), (std::vector<std::string>{"Präambel", "1 Grundsätze", "Glossar"}));
  EXPECT_EQ(header_texts(doc, 2), (std::vector<std::string>{"Anlass", "1.1 Vielfalt als Stärke", "I"}));
  EXPECT_EQ(header_texts(doc, 3), (std::vector<std::string>{"1.1.1 Teilhabe"}));
  for (const Json& h : all_of(doc["blocks"], "Header")) {
    const auto& classes = h["c"][1][1];
    EXPECT_NE(std::find(classes.begin(), classes.end(), "unnumbered"), classes.end()) << h.dump();
  }
  // Chapter headings carry the stem, sections their anchor.
  std::vector<std::string> ids;
  for (const Json& h : all_of(doc["blocks"], "Header")) ids.push_back(h["c"][1][0]);
  EXPECT_EQ(ids[0], "praeambel");
  EXPECT_EQ(ids[1], "anlass");
  EXPECT_EQ(ids[2], "grundsaetze");
  EXPECT_EQ(ids[3], "vielfalt");

  // Every chapter (and the glossary) is a Div with lang="de".
  int divs = 0;
  for (const Json& div : all_of(doc["blocks"], "Div"))
    if (div["c"][0][2].size() == 1 && div["c"][0][2][0] == Json::array({"lang", "de"})) ++divs;
  EXPECT_EQ(divs, 3);

  // The contents come first, as a Word field with one hyperlink per heading.
  ASSERT_EQ(doc["blocks"][0]["t"], "RawBlock");
  EXPECT_EQ(doc["blocks"][0]["c"][0], "openxml");
  const std::string toc = doc["blocks"][0]["c"][1];
  EXPECT_NE(toc.find(R"(w:anchor="vielfalt")"), std::string::npos);
  EXPECT_NE(toc.find("1.1 Vielfalt als Stärke"), std::string::npos);
  EXPECT_NE(toc.find("TOC \\o"), std::string::npos);
}

TEST(EditionDocument, CrossReferencesAndTerms) {
  TempTree tree;
  tree.write_minimal_project();
  const Project project = load_resolved(tree);
  const Json doc = edition_document(project, project.editions.front(), "nl", OfficeTarget::odt, kApi);

  std::vector<std::pair<std::string, std::string>> links;  // url, text
  for (const Json& link : all_of(doc["blocks"], "Link")) links.emplace_back(link["c"][2][0], stringify(link["c"][1]));
  EXPECT_NE(std::find(links.begin(), links.end(), std::pair<std::string, std::string>{"#vielfalt", "1.1 Diversiteit als kracht"}),
            links.end());
  EXPECT_NE(std::find(links.begin(), links.end(), std::pair<std::string, std::string>{"#praeambel", "de preambule"}), links.end());

  bool term = false;
  for (const Json& span : all_of(doc["blocks"], "Span")) {
    const Json& attr = span["c"][0];
    if (attr[1] == Json::array({"term"}) && attr[2][0] == Json::array({"data-term", "integrationsrat"}) &&
        stringify(span["c"][1]) == "integratieraad")
      term = true;
  }
  EXPECT_TRUE(term);
  EXPECT_EQ(doc["blocks"][0]["c"][0], "opendocument");
  EXPECT_NE(doc["blocks"][0]["c"][1].get<std::string>().find(R"(xlink:href="#vielfalt")"), std::string::npos);
  EXPECT_EQ(header_texts(doc, 1).back(), "Verklarende woordenlijst");
}

TEST(EditionDocument, MarkdownConstructs) {
  TempTree tree;
  tree.write_minimal_project();
  tree.write("content/editions/3/de/grundsaetze.md",
             "---\ntitle: Grundsätze\n---\n\n## Vielfalt als Stärke {#vielfalt}\n\n"
             "Ein \"Zitat\" mit *Betonung*, **Stärke**, ~~alt~~, `code` und [Link](https://www.stadt-muenster.de).[^1]\n\n"
             "| Links | Rechts |\n| :--- | ---: |\n| a | 1 |\n\n"
             "3. drei\n4. vier\n\n- [x] erledigt\n- [ ] offen\n\n> Zitat\n\n<script>alert(1)</script>\n\n"
             "[^1]: Eine Fußnote.\n\n### Teilhabe\n\nText.\n");
  const Project project = load_resolved(tree);
  const Json doc = edition_document(project, project.editions.front(), "de", OfficeTarget::docx, kApi);
  const Json blocks = doc["blocks"][2];  // the contents, Präambel, this chapter

  EXPECT_EQ(all_of(blocks, "Emph").size(), 1u);
  EXPECT_EQ(all_of(blocks, "Strikeout").size(), 1u);
  EXPECT_EQ(all_of(blocks, "Code").size(), 1u);
  EXPECT_EQ(all_of(blocks, "BlockQuote").size(), 1u);
  ASSERT_EQ(all_of(blocks, "Note").size(), 1u);
  EXPECT_EQ(stringify(all_of(blocks, "Note")[0]), "Eine Fußnote.");
  const auto tables = all_of(blocks, "Table");
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]["c"][2][1][0]["t"], "AlignRight");
  const auto ordered = all_of(blocks, "OrderedList");
  ASSERT_EQ(ordered.size(), 1u);
  EXPECT_EQ(ordered[0]["c"][0][0], 3);
  std::string all_text = stringify(blocks);
  EXPECT_NE(all_text.find("„Zitat“"), std::string::npos) << "German quotation marks";
  EXPECT_NE(all_text.find("☒ erledigt"), std::string::npos);
  EXPECT_NE(all_text.find("☐ offen"), std::string::npos);
  EXPECT_EQ(all_text.find("alert"), std::string::npos) << "raw HTML is dropped";
  bool external = false;
  for (const Json& link : all_of(blocks, "Link")) external |= link["c"][2][0] == "https://www.stadt-muenster.de";
  EXPECT_TRUE(external);
}

TEST(DeckDocument, SideBySideStackedSingle) {
  TempTree tree;
  tree.write_minimal_project();
  const Project project = load_resolved(tree);
  const Deck& deck = project.decks.front();

  RenderOptions options;
  DeckPresentation side = deck_presentation(deck, options);
  EXPECT_EQ(side.layout, "side-by-side");
  const Json doc = deck_document(deck, side, kApi);
  EXPECT_EQ(stringify(doc["meta"]["title"]), "Vortrag");
  EXPECT_EQ(stringify(doc["meta"]["subtitle"]), "Lezing");
  EXPECT_EQ(header_texts(doc, 2), (std::vector<std::string>{"Erste Folie", "Zweite Folie"}));
  EXPECT_EQ(all_of(doc["blocks"], "Div").size(), 2u * (1 + 2) + 1) << "per slide: columns + 2 column; one notes Div";
  const std::string text = stringify(doc["blocks"]);
  EXPECT_NE(text.find("Siehe 1.1 Vielfalt als Stärke"), std::string::npos);
  EXPECT_NE(text.find("Zie 1.1 Diversiteit als kracht"), std::string::npos);
  EXPECT_NE(text.find("Eerste dia"), std::string::npos);
  EXPECT_TRUE(all_of(doc["blocks"], "Link").empty()) << "cross-references on slides stay text";

  options.deck_layout = "stacked";
  const Json stacked = deck_document(deck, deck_presentation(deck, options), kApi);
  for (const Json& div : all_of(stacked["blocks"], "Div")) EXPECT_EQ(div["c"][0][1], Json::array({"notes"}));
  EXPECT_NE(stringify(stacked["blocks"]).find("Siehe 1.1 Vielfalt als Stärke.Eerste diaZie 1.1"), std::string::npos);

  options.deck_lang = "nl";
  const DeckPresentation single = deck_presentation(deck, options);
  EXPECT_EQ(single.layout, "single");
  EXPECT_EQ(single.languages, std::vector<std::string>{"nl"});
  const Json dutch = deck_document(deck, single, kApi);
  EXPECT_EQ(header_texts(dutch, 2), (std::vector<std::string>{"Eerste dia", "Tweede dia"}));
  EXPECT_EQ(stringify(dutch["blocks"]).find("Siehe"), std::string::npos);

  EXPECT_EQ(deck_footer(deck, "de"), "A. Beispiel · Dezernentin · Test · 2. Januar 2020");
}

}  // namespace
}  // namespace leitbild
