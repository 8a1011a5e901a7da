// Translation fidelity: every number, URL and e-mail address of a source paragraph must appear in
// the translated paragraph. Paragraphs pair up by position inside the section with the same
// anchor (decks: inside the slide at the same position); a section whose paragraph count differs
// is compared as a whole, so a split paragraph costs precision, not correctness.
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "check/check.h"
#include "check/fidelity_values.h"
#include "check/markdown_files.h"
#include "check/url_policy.h"

namespace leitbild {

namespace {

struct Unit {
  std::string text;  // what the reader sees, with link destinations appended
  std::vector<FidelityValue> values;
  SourceLocation where;
};

struct Group {
  std::string name;  // for messages: "section 5.4 {#oeffnung}", "slide 3"
  SourceLocation where;
  std::vector<Unit> units;
};

// The visible text of a block. Cross-reference labels are generated per language, so they do not
// count; a link's web or mail destination does, unless its text already shows it.
void gather_text(cmark_node* node, std::string& text, std::vector<FidelityValue>& destinations) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(child)) text += lit;
        break;
      case CMARK_NODE_CODE_BLOCK:
        if (const char* lit = cmark_node_get_literal(child)) text += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      case CMARK_NODE_LINK: {
        const std::string url = cmark_node_get_url(child) ? cmark_node_get_url(child) : "";
        const UrlKind kind = classify_url(url);
        if (kind == UrlKind::fragment) break;
        std::string inner;
        std::vector<FidelityValue> nested;
        gather_text(child, inner, nested);
        if (kind == UrlKind::web || kind == UrlKind::mail) {
          FidelityValue destination = kind == UrlKind::web ? url_value(url)
                                                           : email_value(url.substr(std::min(url.size(), url.find(':') + 1)));
          if (destination.kind == ValueKind::email) destination.key = destination.key.substr(0, destination.key.find('?'));
          bool shown_in_text = false;
          for (const FidelityValue& v : fidelity_values(inner)) shown_in_text = shown_in_text || v.key == destination.key;
          if (!shown_in_text && url.rfind("tel:", 0) != 0) destinations.push_back(std::move(destination));
        }
        text += inner;
        destinations.insert(destinations.end(), nested.begin(), nested.end());
        break;
      }
      default:
        gather_text(child, text, destinations);
        break;
    }
    if (node_type_name(child) == "table_cell") text += " | ";
  }
}

Unit make_unit(const MarkdownFile& file, cmark_node* block) {
  Unit unit;
  std::vector<FidelityValue> destinations;
  if (cmark_node_get_type(block) == CMARK_NODE_CODE_BLOCK) {
    if (const char* lit = cmark_node_get_literal(block)) unit.text = lit;
  } else {
    gather_text(block, unit.text, destinations);
  }
  unit.values = fidelity_values(unit.text);
  unit.values.insert(unit.values.end(), destinations.begin(), destinations.end());
  unit.where = block_location(file, block);
  return unit;
}

void collect_units(const MarkdownFile& file, cmark_node* node, std::vector<Unit>& units) {
  const cmark_node_type type = cmark_node_get_type(node);
  if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CODE_BLOCK ||
      node_type_name(node) == "table_row") {
    units.push_back(make_unit(file, node));
    return;
  }
  if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_THEMATIC_BREAK) return;
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
    collect_units(file, child, units);
}

std::string section_name(const Section& s) {
  return fmt::format("section {}\"{}\" {{#{}}}", s.number.empty() ? "" : s.number + " ", s.title, s.anchor);
}

// Groups by anchor: "" holds the text before the first heading, "title" the chapter title.
std::map<std::string, Group> chapter_groups(const Chapter& chapter) {
  MarkdownFile file{&chapter.path, &chapter.body, chapter.body_first_line, &chapter.doc, &chapter, nullptr};
  std::map<std::string, Group> groups;
  Group& title = groups[" title"];
  title.name = "the chapter title";
  title.where = chapter.front_matter_keys.count("title") ? chapter.front_matter_keys.at("title") : SourceLocation{chapter.path, 1, 1};
  Unit title_unit;
  title_unit.text = chapter.title;
  title_unit.values = fidelity_values(chapter.title);
  title_unit.where = title.where;
  title.units.push_back(std::move(title_unit));

  std::unordered_map<cmark_node*, const Section*> by_heading;
  for (const Section& s : chapter.sections) by_heading[s.heading] = &s;
  Group* current = &groups[""];
  current->name = "the text before the first section";
  current->where = {chapter.path, chapter.body_first_line, 1};
  for (cmark_node* node = cmark_node_first_child(chapter.doc.root()); node; node = cmark_node_next(node)) {
    if (auto it = by_heading.find(node); it != by_heading.end()) {
      current = &groups[it->second->anchor];
      current->name = section_name(*it->second);
      current->where = it->second->where;
    }
    collect_units(file, node, current->units);
  }
  return groups;
}

std::vector<Group> deck_groups(const Deck& deck, const DeckText& text) {
  MarkdownFile file{&text.path, &text.body, 1, &text.doc, nullptr, &deck};
  std::vector<Group> groups;
  for (std::size_t i = 0; i < text.slides.size(); ++i) {
    const Slide& slide = text.slides[i];
    Group group;
    group.name = fmt::format("slide {} \"{}\"", i + 1, slide.title);
    group.where = slide.where;
    collect_units(file, slide.heading, group.units);
    for (cmark_node* block : slide.body) collect_units(file, block, group.units);
    for (cmark_node* block : slide.notes) collect_units(file, block, group.units);
    groups.push_back(std::move(group));
  }
  return groups;
}

// Values of `source` that `translation` lacks (as often as they are lacking), in source order.
std::vector<FidelityValue> missing_values(const std::vector<FidelityValue>& source, const std::vector<FidelityValue>& translation) {
  std::map<std::pair<ValueKind, std::string>, int> available;
  for (const auto& v : translation) ++available[{v.kind, v.key}];
  std::vector<FidelityValue> missing;
  for (const auto& v : source)
    if (--available[{v.kind, v.key}] < 0) missing.push_back(v);
  return missing;
}

std::string describe_values(const std::vector<FidelityValue>& values) {
  std::vector<std::string> shown;
  for (const auto& v : values) {
    std::string item = v.kind == ValueKind::number ? fmt::format("the number {}", v.shown)
                       : v.kind == ValueKind::url  ? fmt::format("the web address {}", v.shown)
                                                   : fmt::format("the e-mail address {}", v.shown);
    if (std::find(shown.begin(), shown.end(), item) == shown.end()) shown.push_back(item);
  }
  std::string out;
  for (std::size_t i = 0; i < shown.size(); ++i) out += (i == 0 ? "" : i + 1 == shown.size() ? " and " : ", ") + shown[i];
  return out;
}

std::string excerpt_around(const std::string& text, const FidelityValue& value) {
  std::size_t at = text.find(value.shown);
  if (at == std::string::npos) at = 0;
  std::size_t from = at > 40 ? at - 40 : 0;
  std::size_t to = std::min(text.size(), at + value.shown.size() + 40);
  auto on_boundary = [&](std::size_t& pos) {  // never cut a UTF-8 character
    while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  };
  on_boundary(from);
  on_boundary(to);
  return (from > 0 ? "…" : "") + text.substr(from, to - from) + (to < text.size() ? "…" : "");
}

void compare_pair(const Unit& source, const Unit& translation, const std::string& source_lang, const std::string& lang,
                  Diagnostics& diagnostics) {
  auto missing = missing_values(source.values, translation.values);
  if (missing.empty()) return;
  auto& d = diagnostics.add("LB0309", translation.where,
                            fmt::format("this {} paragraph lacks {} from its {} source paragraph", lang,
                                        describe_values(missing), source_lang),
                            fmt::format("The {} source says: \"{}\". Carry numbers, dates, web and e-mail addresses over "
                                        "unchanged (a date keeps its digits: 26. Februar 2025 / 26 februari 2025).",
                                        source_lang, excerpt_around(source.text, missing.front())));
  d.related = source.where;
  d.related_message = "the source paragraph";
}

void compare_groups(const Group& source, const Group& translation, const std::string& source_lang, const std::string& lang,
                    Diagnostics& diagnostics) {
  if (source.units.size() == translation.units.size()) {
    for (std::size_t i = 0; i < source.units.size(); ++i)
      compare_pair(source.units[i], translation.units[i], source_lang, lang, diagnostics);
    return;
  }
  // The paragraphs do not pair up: compare the whole section, and point at the source paragraph
  // that holds the first missing value.
  std::vector<FidelityValue> all_source, all_translation;
  for (const Unit& u : source.units) all_source.insert(all_source.end(), u.values.begin(), u.values.end());
  for (const Unit& u : translation.units) all_translation.insert(all_translation.end(), u.values.begin(), u.values.end());
  auto missing = missing_values(all_source, all_translation);
  if (missing.empty()) return;
  const Unit* holder = &source.units.front();
  auto holds_first_missing = [&](const Unit& u) {
    return std::any_of(u.values.begin(), u.values.end(),
                       [&](const FidelityValue& v) { return v.kind == missing.front().kind && v.key == missing.front().key; });
  };
  if (auto it = std::find_if(source.units.begin(), source.units.end(), holds_first_missing); it != source.units.end())
    holder = &*it;
  auto& d = diagnostics.add(
      "LB0309", translation.where,
      fmt::format("the {} {} lacks {} from its {} source (its {} paragraphs do not pair up with the source's {}, so the "
                  "section was compared as a whole)",
                  lang, translation.name, describe_values(missing), source_lang, translation.units.size(), source.units.size()),
      fmt::format("The {} source says: \"{}\". Carry numbers, dates, web and e-mail addresses over unchanged.", source_lang,
                  excerpt_around(holder->text, missing.front())));
  d.related = holder->where;
  d.related_message = "the source paragraph";
}

}  // namespace

void check_fidelity(const Project& project, Diagnostics& diagnostics) {
  const LanguageTag& source_lang = project.source_language();
  for (const Edition& edition : project.editions) {
    for (const auto& [lang, chapters] : edition.chapters) {
      if (lang == source_lang) continue;
      for (const Chapter& translation : chapters) {
        const Chapter* source = edition.find_chapter(source_lang, translation.stem);
        if (!source) continue;
        auto source_groups = chapter_groups(*source);
        auto translation_groups = chapter_groups(translation);
        for (const auto& [anchor, group] : source_groups)
          if (auto it = translation_groups.find(anchor); it != translation_groups.end())
            compare_groups(group, it->second, source_lang, lang, diagnostics);
      }
    }
  }
  for (const Deck& deck : project.decks) {
    if (deck.texts.empty()) continue;
    auto source_text = deck.texts.find(source_lang);
    if (source_text == deck.texts.end()) source_text = deck.texts.begin();
    auto source_groups = deck_groups(deck, source_text->second);
    for (const auto& [lang, text] : deck.texts) {
      if (lang == source_text->first) continue;
      auto groups = deck_groups(deck, text);
      if (groups.size() != source_groups.size()) continue;  // check_decks reports the slides
      for (std::size_t i = 0; i < groups.size(); ++i)
        compare_groups(source_groups[i], groups[i], source_text->first, lang, diagnostics);
    }
  }
}

}  // namespace leitbild
