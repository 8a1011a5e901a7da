#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>

#include "load/load.h"
#include "load/markdown_parse.h"
#include "load/text_file.h"
#include "load/yaml_reader.h"
#include "model/strings.h"

namespace leitbild {
namespace fs = std::filesystem;

namespace {

// A paragraph that starts with "Notes:" opens the speaker notes. Text after the marker on the
// same paragraph belongs to the notes; the marker itself is removed from the tree.
bool take_notes_marker(cmark_node* paragraph) {
  if (cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) return false;
  cmark_node* first = cmark_node_first_child(paragraph);
  if (!first || cmark_node_get_type(first) != CMARK_NODE_TEXT) return false;
  std::string literal = cmark_node_get_literal(first) ? cmark_node_get_literal(first) : "";
  if (!literal.starts_with("Notes:")) return false;
  std::string rest = literal.substr(6);
  rest.erase(0, rest.find_first_not_of(" \t"));
  cmark_node_set_literal(first, rest.c_str());
  while ((first = cmark_node_first_child(paragraph)) != nullptr) {
    cmark_node_type type = cmark_node_get_type(first);
    const char* lit = cmark_node_get_literal(first);
    bool empty_text = type == CMARK_NODE_TEXT && (!lit || !*lit);
    if (!empty_text && type != CMARK_NODE_SOFTBREAK && type != CMARK_NODE_LINEBREAK) break;
    cmark_node_free(first);
  }
  return true;
}

}  // namespace

void split_slides(DeckText& text, Diagnostics& diagnostics) {
  Slide* current = nullptr;
  bool in_notes = false;
  for (cmark_node* node = cmark_node_first_child(text.doc.root()); node; node = cmark_node_next(node)) {
    const int line = cmark_node_get_start_line(node);
    if (cmark_node_get_type(node) == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) <= 2) {
      Slide slide;
      slide.section_title = cmark_node_get_heading_level(node) == 1;
      slide.heading = node;
      slide.title = plain_text(node);
      slide.where = {text.path, line, cmark_node_get_start_column(node)};
      text.slides.push_back(std::move(slide));
      current = &text.slides.back();
      in_notes = false;
      continue;
    }
    if (!current) {
      diagnostics.add("LB0107", {text.path, line, 1}, "text before the first slide heading is not shown",
                      "Start each slide with a `## ` heading (or `# ` for a section slide).");
      continue;
    }
    if (!in_notes && take_notes_marker(node)) {
      in_notes = true;
      if (cmark_node_first_child(node) == nullptr) continue;
    }
    (in_notes ? current->notes : current->body).push_back(node);
  }
}

namespace {

void load_deck(Project& project, const std::string& name, Diagnostics& diagnostics) {
  Deck deck;
  deck.name = name;
  deck.dir = "content/decks/" + name;
  if (!is_valid_id(name)) {
    diagnostics.add("LB0112", {deck.dir, 0, 0}, fmt::format("`{}` is not a valid deck name", name),
                    "Deck folders use lowercase ASCII letters, digits and hyphens (e.g. `almelo-2011`).");
    return;
  }
  const std::string manifest = deck.dir + "/deck.yaml";
  auto text = read_text_file(project.root, manifest, diagnostics);
  if (!text) return;
  project.sources[manifest] = *text;
  YamlReader yaml(manifest, 1, diagnostics);
  auto root = yaml.parse(*text);
  if (!root || !yaml.expect_map(*root, "deck.yaml")) return;
  yaml.check_keys(*root, {"title", "presenter", "role", "event", "date", "edition", "languages", "layout"}, "deck.yaml");
  auto languages = yaml.string_list(*root, "languages", false);
  deck.languages = languages ? *languages : project.languages;
  for (const auto& lang : deck.languages)
    if (std::find(project.languages.begin(), project.languages.end(), lang) == project.languages.end())
      diagnostics.add("LB0110", yaml.where((*root)["languages"]), fmt::format("the deck language `{}` is not a project language", lang),
                      fmt::format("Use languages from leitbild.yaml: {}.", quoted_list(project.languages, "and")));
  if (auto v = yaml.text_or_localized(*root, "title", true, deck.languages)) deck.title = *v;
  if (auto v = yaml.string(*root, "presenter", false)) deck.presenter = *v;
  if (auto v = yaml.text_or_localized(*root, "role", false, deck.languages)) deck.role = *v;
  if (auto v = yaml.string(*root, "event", false)) deck.event = *v;
  deck.date = yaml.date(*root, "date", false);
  if (auto v = yaml.integer(*root, "edition", true)) deck.edition = *v;
  if (auto v = yaml.string(*root, "layout", false)) {
    if (*v == "side-by-side" || *v == "stacked" || *v == "single") deck.layout = *v;
    else diagnostics.add("LB0105", yaml.where((*root)["layout"]), fmt::format("unknown layout `{}`", *v),
                         "Use `side-by-side`, `stacked` or `single`.");
  }
  for (const auto& lang : deck.languages) {
    DeckText deck_text;
    deck_text.lang = lang;
    deck_text.path = deck.dir + "/" + lang + ".md";
    if (!fs::exists(project.root / deck_text.path)) {
      diagnostics.add("LB0311", {deck_text.path, 0, 0}, fmt::format("the deck `{}` has no `{}` text", name, lang),
                      fmt::format("Create `{}` with the same slides as the other languages.", deck_text.path));
      continue;
    }
    auto body = read_text_file(project.root, deck_text.path, diagnostics);
    if (!body) continue;
    project.sources[deck_text.path] = *body;
    deck_text.body = *body;
    deck_text.doc = parse_markdown(deck_text.body);
    if (deck_text.doc.nesting_depth() > kMaxNestingDepth) {
      diagnostics.add("LB0117", {deck_text.path, 1, 1},
                      fmt::format("lists or block quotes are nested more than {} levels deep", kMaxNestingDepth),
                      "Flatten the structure.");
      continue;
    }
    split_slides(deck_text, diagnostics);
    if (deck_text.slides.empty())
      diagnostics.add("LB0118", {deck_text.path, 1, 1}, fmt::format("the deck `{}` has no slides in `{}`", name, lang),
                      "Start each slide with a `## ` heading.");
    deck.texts.emplace(lang, std::move(deck_text));
  }
  project.decks.push_back(std::move(deck));
}

}  // namespace

void load_decks(Project& project, Diagnostics& diagnostics) {
  const fs::path dir = project.root / "content/decks";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  for (const auto& name : names) load_deck(project, name, diagnostics);
}

}  // namespace leitbild
