#include <cmark-gfm.h>
#include <fmt/format.h>

#include "model/parallel.h"
#include "model/strings.h"
#include "resolve/locate.h"
#include "resolve/resolve.h"
#include "resolve/terms.h"

namespace leitbild {

namespace {

struct LinkContext {
  const std::string& file;
  const std::string& body;
  int first_line;
  const std::map<std::string, LinkTarget>& targets;
  std::string scope;  // "edition 3" for messages
  std::unordered_map<cmark_node*, LinkTarget>& links;
  std::unordered_map<cmark_node*, std::string>& term_links;
};

std::vector<std::string> keys(const std::map<std::string, LinkTarget>& targets) {
  std::vector<std::string> out;
  for (const auto& [k, v] : targets) out.push_back(k);
  return out;
}

// `[](#id)` gets the target's label as its text; `[text](#id)` keeps the editor's words.
void resolve_links(const MarkdownDocument& doc, LinkContext& ctx, Diagnostics& diagnostics) {
  for (cmark_node* link : doc.links_images_html()) {
    if (cmark_node_get_type(link) != CMARK_NODE_LINK) continue;
    const std::string url = cmark_node_get_url(link) ? cmark_node_get_url(link) : "";
    if (url.starts_with("term:")) {
      ctx.term_links[link] = url.substr(5);
      continue;
    }
    if (!url.starts_with("#")) continue;
    const std::string id = url.substr(1);
    auto it = ctx.targets.find(id);
    if (it == ctx.targets.end()) {
      auto near = closest(id, keys(ctx.targets));
      // The caret goes under the anchor itself, not the parenthesis the search needed for precision.
      SourceLocation where = locate_in_block(ctx.file, ctx.body, ctx.first_line, link, "(" + url + ")");
      if (where.end_column > where.column) {
        ++where.column;
        --where.end_column;
      }
      diagnostics.add("LB0202", where,
                      fmt::format("the cross-reference `{}` points to no section or chapter of {}", url, ctx.scope),
                      near.empty() ? "Check the anchor: it must be a `{#id}` of a heading or a chapter stem."
                                   : fmt::format("Did you mean {}?", quoted_list(near)));
      continue;
    }
    ctx.links[link] = it->second;
    if (cmark_node_first_child(link) == nullptr) {
      cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(text, it->second.label().c_str());
      cmark_node_append_child(link, text);
    }
  }
}

}  // namespace

void resolve_chapter_links(const Edition& edition, Chapter& chapter, Diagnostics& diagnostics) {
  static const std::map<std::string, LinkTarget> kNone;
  auto targets = edition.targets.find(chapter.lang);
  LinkContext ctx{chapter.path, chapter.body, chapter.body_first_line,
                  targets == edition.targets.end() ? kNone : targets->second,
                  fmt::format("edition {}", edition.number), chapter.links, chapter.term_links};
  resolve_links(chapter.doc, ctx, diagnostics);
}

void resolve_deck_links(const Project& project, Deck& deck, Diagnostics& diagnostics) {
  static const std::map<std::string, LinkTarget> kNone;
  const Edition* edition = project.find_edition(deck.edition);
  for (auto& [lang, text] : deck.texts) {
    const std::map<std::string, LinkTarget>* targets = &kNone;
    if (edition)
      if (auto it = edition->targets.find(lang); it != edition->targets.end()) targets = &it->second;
    LinkContext ctx{text.path, text.body, 1, *targets, fmt::format("edition {}", deck.edition), text.links, text.term_links};
    resolve_links(text.doc, ctx, diagnostics);
  }
}

void resolve_project(Project& project, Diagnostics& diagnostics) {
  // Editions number, anchor and link their own chapters only, so they are resolved side by side;
  // their diagnostics are taken over in edition order.
  std::vector<Diagnostics> found(project.editions.size());
  for_each_in_parallel(project.editions.size(), threads_for(project.editions.size(), 2), [&] {
    return [&](std::size_t i) {
      Edition& edition = project.editions[i];
      number_edition(project, edition, found[i]);
      assign_anchors(project, edition, found[i]);
      for (auto& [lang, chapters] : edition.chapters)
        for (Chapter& chapter : chapters) resolve_chapter_links(edition, chapter, found[i]);
    };
  });
  for (Diagnostics& d : found) diagnostics.append(std::move(d.all()));
  for (Deck& deck : project.decks) resolve_deck_links(project, deck, diagnostics);
  resolve_terms(project);  // after links: it tells generated cross-reference labels and term links apart
}

}  // namespace leitbild
