#include <cmark-gfm.h>
#include <fmt/format.h>

#include <regex>

#include "load/front_matter.h"
#include "load/load.h"
#include "load/markdown_parse.h"
#include "load/yaml_reader.h"
#include "model/strings.h"

namespace leitbild {

std::string take_heading_anchor(cmark_node* heading) {
  cmark_node* last = cmark_node_last_child(heading);
  if (!last || cmark_node_get_type(last) != CMARK_NODE_TEXT) return {};
  std::string literal = cmark_node_get_literal(last) ? cmark_node_get_literal(last) : "";
  std::size_t end = literal.find_last_not_of(" \t");
  if (end == std::string::npos || literal[end] != '}') return {};
  std::size_t open = literal.rfind("{#", end);
  if (open == std::string::npos) return {};
  std::string id = literal.substr(open + 2, end - open - 2);
  std::string rest = literal.substr(0, open);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.pop_back();
  if (rest.empty() && cmark_node_previous(last) != nullptr) {
    cmark_node_free(last);  // unlinks it too
  } else {
    cmark_node_set_literal(last, rest.c_str());
  }
  return id.empty() ? std::string("{}") : id;  // "{}" marks an empty `{#}` so callers can report it
}

namespace {

// Sections are the document's top-level headings; headings inside lists or quotes are text.
void collect_sections(Chapter& chapter, Diagnostics& diagnostics) {
  for (cmark_node* node = cmark_node_first_child(chapter.doc.root()); node; node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
    Section section;
    section.heading = node;
    section.level = cmark_node_get_heading_level(node);
    section.where = {chapter.path, chapter.body_first_line + cmark_node_get_start_line(node) - 1,
                     cmark_node_get_start_column(node)};
    std::string anchor = take_heading_anchor(node);
    section.title = plain_text(node);
    if (!anchor.empty()) {
      section.explicit_anchor = true;
      if (anchor == "{}" || !is_valid_id(anchor)) {
        diagnostics.add("LB0112", section.where,
                        fmt::format("the anchor `{{#{}}}` of heading \"{}\" is not a valid id",
                                    anchor == "{}" ? "" : anchor, section.title),
                        "Anchors use lowercase ASCII letters, digits and hyphens, e.g. `{#oeffnung-der-verwaltung}`.");
      } else {
        section.anchor = anchor;
      }
    }
    chapter.sections.push_back(std::move(section));
  }
}

}  // namespace

std::optional<Chapter> parse_chapter(const std::string& relative_path, const std::string& text, Diagnostics& diagnostics) {
  Chapter chapter;
  chapter.path = relative_path;
  bool unclosed = false;
  auto split = split_front_matter(text, &unclosed);
  if (!split) {
    diagnostics.add("LB0111", {relative_path, 1, 1},
                    unclosed ? "the front matter starting at line 1 is never closed with a `---` line"
                             : "the chapter has no front matter: it must start with a `---` line",
                    "Begin the file with:\n---\ntitle: The chapter title\n---");
    return std::nullopt;
  }
  YamlReader yaml(relative_path, split->yaml_first_line, diagnostics);
  auto fm = yaml.parse(split->yaml);
  if (!fm) return std::nullopt;
  if (fm->IsNull()) {
    diagnostics.add("LB0106", {relative_path, 1, 1}, "the front matter is empty: the required key `title` is missing",
                    "Add `title: ...` between the `---` lines.");
    return std::nullopt;
  }
  if (!yaml.expect_map(*fm, "the front matter")) return std::nullopt;
  yaml.check_keys(*fm, {"title", "numbered", "number", "translation-of"}, "the front matter");
  for (auto it = fm->begin(); it != fm->end(); ++it)
    if (it->first.IsScalar()) chapter.front_matter_keys[it->first.Scalar()] = yaml.where(it->first);
  auto title = yaml.string(*fm, "title", true);
  if (!title) return std::nullopt;
  chapter.title = *title;
  if (auto numbered = yaml.boolean(*fm, "numbered")) chapter.numbered = *numbered;
  if (auto number = yaml.integer(*fm, "number", false)) {
    if (*number < 0 || *number > 9999)
      diagnostics.add("LB0105", chapter.front_matter_keys["number"], "`number` must be between 0 and 9999");
    else chapter.explicit_number = *number;
  }
  if (auto fp = yaml.string(*fm, "translation-of", false)) chapter.translation_of = *fp;
  chapter.body = std::move(split->body);
  chapter.body_first_line = split->body_first_line;
  chapter.doc = parse_markdown(chapter.body);
  if (chapter.doc.nesting_depth() > kMaxNestingDepth) {
    diagnostics.add("LB0117", {relative_path, chapter.body_first_line, 1},
                    fmt::format("lists or block quotes are nested more than {} levels deep", kMaxNestingDepth),
                    "Flatten the structure; no reader can follow such nesting anyway.");
    return std::nullopt;
  }
  collect_sections(chapter, diagnostics);
  return chapter;
}

}  // namespace leitbild
